import { Group, Text } from '@mantine/core';
import { IconAlertTriangleFilled, IconCircleCheckFilled, IconCircleXFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';

const TONES = {
  ok: { color: 'green', Icon: IconCircleCheckFilled },
  warning: { color: 'orange', Icon: IconAlertTriangleFilled },
  error: { color: 'red', Icon: IconCircleXFilled },
} as const;

/** A state in words with a coloured icon; the words carry the meaning, so colour is never alone. */
export function StatusValue({ tone, children }: { tone: keyof typeof TONES; children: ReactNode }) {
  const { color, Icon } = TONES[tone];
  const textColor = `var(--mantine-color-${color}-light-color)`;
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Icon size={18} color={textColor} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
      <Text span fw={600} c={textColor} miw={0}>
        {children}
      </Text>
    </Group>
  );
}
