import { Button, SimpleGrid, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useLanguage } from '@/lib/i18n';
import { useHealth } from '../api/get-health';
import { useReady } from '../api/get-ready';
import { statusKeys } from '../api/status-keys';
import { formatTime } from '../utils/format-duration';
import { DatabaseStatus } from '../components/database-status';
import { ServerStatus } from '../components/server-status';
import { StatusSummary } from '../components/status-summary';

function LastChecked() {
  const { t } = useTranslation('status');
  const { language } = useLanguage();
  const health = useHealth();
  const ready = useReady();
  const checkedAt = Math.max(health.dataUpdatedAt, health.errorUpdatedAt, ready.dataUpdatedAt, ready.errorUpdatedAt);
  if (checkedAt === 0) return null;
  const time = formatTime(checkedAt, language);
  return (
    <Text size="sm" c="dimmed">
      {t('lastChecked', { time })}
    </Text>
  );
}

export function StatusRoute() {
  const { t } = useTranslation('status');
  const queryClient = useQueryClient();
  return (
    <Page
      title={t('title')}
      description={t('intro')}
      actions={
        <Button
          variant="default"
          leftSection={<IconRefresh size={18} aria-hidden="true" />}
          onClick={() => void queryClient.refetchQueries({ queryKey: statusKeys.all })}
        >
          {t('checkNow')}
        </Button>
      }
    >
      <StatusSummary />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ServerStatus />
        <DatabaseStatus />
      </SimpleGrid>
      <LastChecked />
    </Page>
  );
}
