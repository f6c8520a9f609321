import { Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useTimeseries } from '../api/get-timeseries';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { formatCount, formatMonth } from '../utils/format-number';
import { ScrollTable } from './scroll-table';

const MonthlyChart = lazy(() => import('./monthly-chart'));

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** New cases, stage changes and family contacts per month: a chart and the same figures as a table. */
export function MonthlyCard({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('dashboard');
  const series = useTimeseries(filters);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="dashboard-monthly">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="dashboard-monthly">
          {t('monthly.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('monthly.description')}
        </Text>
        {series.isPending ? (
          <Skeleton h={260} />
        ) : series.isError ? (
          <QueryErrorAlert
            title={t('loadError')}
            error={series.error}
            onRetry={() => void series.refetch()}
            retrying={series.isFetching}
          />
        ) : (
          <>
            <Suspense fallback={<Skeleton h={260} />}>
              <MonthlyChart months={series.data.months} />
            </Suspense>
            <ScrollTable label={t('monthly.caption')}>
              <Table striped verticalSpacing={4} fz="sm">
                <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                  <Text span size="xs" c="dimmed">
                    {t('monthly.caption')}
                  </Text>
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('monthly.month')}</Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('monthly.newCases')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('monthly.stageChanges')}
                    </Table.Th>
                    <Table.Th scope="col" ta="end">
                      {t('monthly.familyContacts')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {series.data.months.map((m) => (
                    <Table.Tr key={m.month}>
                      <Table.Th scope="row" fw="normal">
                        {formatMonth(m.month)}
                      </Table.Th>
                      <Table.Td ta="end" style={num}>
                        {formatCount(m.newCases)}
                      </Table.Td>
                      <Table.Td ta="end" style={num}>
                        {formatCount(m.stageChanges)}
                      </Table.Td>
                      <Table.Td ta="end" style={num}>
                        {formatCount(m.familyContacts)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </>
        )}
      </Stack>
    </Card>
  );
}
