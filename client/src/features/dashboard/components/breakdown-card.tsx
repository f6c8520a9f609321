import { Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { ReportGroupBy, ReportSummaryRow } from '@mprc/contracts';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useCan } from '@/lib/authorization';
import { useSummary } from '../api/get-summary';
import { caseListLink, type DashboardFilters } from '../utils/dashboard-filters';
import { BreakdownTable } from './breakdown-table';

const BreakdownChart = lazy(() => import('./breakdown-chart'));

const HINTS: Partial<Record<ReportGroupBy, 'groupHints.ageGroup' | 'groupHints.sex'>> = {
  ageGroup: 'groupHints.ageGroup',
  sex: 'groupHints.sex',
};

/** One breakdown (counts by one dimension): a chart and, beside it, the same figures as a table. */
export function BreakdownCard({ groupBy, filters }: { groupBy: ReportGroupBy; filters: DashboardFilters }) {
  const { t } = useTranslation('dashboard');
  const navigate = useNavigate();
  const withLinks = useCan('case.read');
  const summary = useSummary(groupBy, filters);
  const title = t(`groups.${groupBy}`);
  const headingId = `breakdown-${groupBy}`;
  const linkOf = useCallback(
    (row: ReportSummaryRow) => (withLinks ? caseListLink(groupBy, row.key, row.count, filters) : null),
    [withLinks, groupBy, filters],
  );
  const hint = HINTS[groupBy];

  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" gap="xs">
          <Title order={2} fz="h4" id={headingId}>
            {title}
          </Title>
          {summary.data ? (
            <Text size="sm" c="dimmed">
              {t('table.total')}: {summary.data.total}
            </Text>
          ) : null}
        </Group>
        {hint ? (
          <Text size="xs" c="dimmed">
            {t(hint)}
          </Text>
        ) : null}
        {summary.isPending ? (
          <Skeleton h={200} />
        ) : summary.isError ? (
          <QueryErrorAlert
            title={t('loadError')}
            error={summary.error}
            onRetry={() => void summary.refetch()}
            retrying={summary.isFetching}
          />
        ) : summary.data.total === 0 ? (
          <Text c="dimmed">{t('empty')}</Text>
        ) : (
          <>
            <Suspense fallback={<Skeleton h={180} />}>
              <BreakdownChart
                groupBy={groupBy}
                rows={summary.data.rows}
                linkOf={linkOf}
                onOpen={(link) => void navigate(link)}
              />
            </Suspense>
            <BreakdownTable
              groupBy={groupBy}
              title={title}
              rows={summary.data.rows}
              total={summary.data.total}
              filters={filters}
              withLinks={withLinks}
            />
          </>
        )}
      </Stack>
    </Card>
  );
}
