import { Group, Loader, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useHealth } from '../api/get-health';
import { useReady } from '../api/get-ready';

/** One line for the whole system, in a polite live region so a change is announced. */
export function StatusSummary() {
  const { t } = useTranslation('status');
  const health = useHealth();
  const ready = useReady();
  const pending = health.isPending || ready.isPending;
  const ok = !health.isError && !ready.isError && ready.data?.status === 'ready';

  return (
    <Group role="status" gap="sm" wrap="nowrap" mih={36}>
      {pending ? (
        <>
          <Loader size="sm" aria-hidden="true" />
          <Text>{t('loading')}</Text>
        </>
      ) : (
        <>
          <ThemeIcon color={ok ? 'green' : 'orange'} variant="light" size="lg" radius="xl" aria-hidden="true">
            {ok ? <IconCircleCheck size={22} /> : <IconAlertTriangle size={22} />}
          </ThemeIcon>
          <Text fw={700} size="lg">
            {ok ? t('summary.ok') : t('summary.degraded')}
          </Text>
        </>
      )}
    </Group>
  );
}
