import type { ReadyResponse } from '@mprc/contracts';
import { Alert, Code, DataList, List, Stack } from '@mantine/core';
import { IconDatabaseOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useReady } from '../api/get-ready';
import { LABEL_WIDTH, StatusCard } from './status-card';
import { StatusValue } from './status-value';

function Migrations({ database }: { database: ReadyResponse['database'] }) {
  const { t } = useTranslation('status');
  const pending = database.pendingMigrations;
  if (pending.length > 0) {
    return (
      <Stack gap={4}>
        <StatusValue tone="warning">{t('database.pending', { count: pending.length })}</StatusValue>
        <List size="sm" spacing={2}>
          {pending.map((name) => (
            <List.Item key={name}>
              <Code>{name}</Code>
            </List.Item>
          ))}
        </List>
      </Stack>
    );
  }
  if (database.reachable && database.migrationsApplied) {
    return <StatusValue tone="ok">{t('database.allApplied')}</StatusValue>;
  }
  return <>{t('unknown')}</>;
}

export function DatabaseStatus() {
  const { t } = useTranslation('status');
  const ready = useReady();
  return (
    <StatusCard title={t('database.heading')} pending={ready.isPending}>
      {ready.isError ? (
        <QueryErrorAlert
          title={t('database.error')}
          error={ready.error}
          onRetry={() => void ready.refetch()}
          retrying={ready.isFetching}
        />
      ) : ready.data ? (
        <Stack gap="md">
          {ready.data.status === 'unavailable' ? (
            <Alert color="orange" variant="light" icon={<IconDatabaseOff aria-hidden="true" />} role="note">
              {t('database.unavailable')}
            </Alert>
          ) : null}
          <DataList labelWidth={LABEL_WIDTH}>
            <DataList.Item>
              <DataList.ItemLabel>{t('database.connection')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <StatusValue tone={ready.data.database.reachable ? 'ok' : 'error'}>
                  {ready.data.database.reachable ? t('database.connected') : t('database.notConnected')}
                </StatusValue>
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>{t('database.updates')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Migrations database={ready.data.database} />
              </DataList.ItemValue>
            </DataList.Item>
          </DataList>
        </Stack>
      ) : null}
    </StatusCard>
  );
}
