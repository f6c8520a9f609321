import { Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { actionLabel } from '../utils/action-label';

/** The action in words with its code beside it (the code is what the filter takes). */
export function AuditAction({ action }: { action: string }) {
  const { t, i18n } = useTranslation('audit');
  const label = actionLabel(action, t, i18n);
  return (
    <Stack gap={2} align="flex-start">
      {label ? (
        <Text size="sm" fw={600}>
          {label}
        </Text>
      ) : null}
      <Code fz="xs">{action}</Code>
    </Stack>
  );
}
