import { Card, SimpleGrid, Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOfficers } from '../api/get-officers';
import { useSummary } from '../api/get-summary';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { formatCount } from '../utils/format-number';

function Figure({ label, value }: { label: string; value: number | undefined }) {
  return (
    <Card withBorder padding="sm">
      {value === undefined ? (
        <Skeleton h={30} w={80} />
      ) : (
        <Text fz={28} fw={700} lh={1.1} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatCount(value)}
        </Text>
      )}
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Card>
  );
}

/** Totals at a glance, from the same queries as the charts (no extra request). */
export function KeyFigures({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('dashboard');
  const fate = useSummary('fateStatus', filters).data;
  const workflow = useSummary('workflowStatus', filters).data;
  const officers = useOfficers(filters).data;
  const closed = workflow?.rows.find((r) => r.key === 'CLOSED')?.count ?? 0;
  return (
    <section aria-label={t('figures.label')}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('figures.total')} value={fate?.total} />
        <Figure label={t('figures.stillMissing')} value={fate?.rows.find((r) => r.key === 'MISSING')?.count} />
        <Figure label={t('figures.open')} value={workflow ? workflow.total - closed : undefined} />
        <Figure label={t('figures.overdue')} value={officers?.rows.reduce((sum, r) => sum + r.overdueFollowUps, 0)} />
      </SimpleGrid>
    </section>
  );
}
