import { DataList } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useHealth } from '../api/get-health';
import { formatDuration } from '../utils/format-duration';
import { LABEL_WIDTH, StatusCard } from './status-card';
import { StatusValue } from './status-value';

export function ServerStatus() {
  const { t } = useTranslation('status');
  const { t: tCommon } = useTranslation('common');
  const health = useHealth();
  return (
    <StatusCard title={t('server.heading')} pending={health.isPending}>
      {health.isError ? (
        <QueryErrorAlert
          title={t('server.error')}
          error={health.error}
          onRetry={() => void health.refetch()}
          retrying={health.isFetching}
        />
      ) : health.data ? (
        <DataList labelWidth={LABEL_WIDTH}>
          <DataList.Item>
            <DataList.ItemLabel>{t('server.state')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <StatusValue tone="ok">{t('server.running')}</StatusValue>
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('server.version')}</DataList.ItemLabel>
            <DataList.ItemValue>{health.data.version}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('server.uptime')}</DataList.ItemLabel>
            <DataList.ItemValue>{formatDuration(health.data.uptimeSeconds, tCommon)}</DataList.ItemValue>
          </DataList.Item>
        </DataList>
      ) : null}
    </StatusCard>
  );
}
