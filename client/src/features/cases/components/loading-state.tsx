import { Box, Center, Loader, type MantineSize } from '@mantine/core';

/** Something is loading: a spinner announced by its label (a bare Loader may not carry a label). */
export function LoadingState({ label, inline = false, size }: { label: string; inline?: boolean; size?: MantineSize }) {
  if (inline)
    return (
      <Box component="span" role="status" aria-label={label} display="inline-block">
        <Loader size={size ?? 'sm'} aria-hidden="true" />
      </Box>
    );
  return (
    <Center mih={120} role="status" aria-label={label}>
      <Loader size={size} aria-hidden="true" />
    </Center>
  );
}
