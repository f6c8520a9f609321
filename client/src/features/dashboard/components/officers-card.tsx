import { Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useOfficers } from '../api/get-officers';
import { useReferenceOptions } from '../api/get-reference-options';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { formatCount } from '../utils/format-number';
import { ScrollTable } from './scroll-table';

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** Open cases and overdue follow-ups per liaison officer (a table: it is read row by row). */
export function OfficersCard({ filters }: { filters: DashboardFilters }) {
  const { t } = useTranslation('dashboard');
  const officers = useOfficers(filters);
  const offices = useReferenceOptions('offices');
  const officeName = (code: string | null) => (code ? (offices.find((o) => o.value === code)?.label ?? code) : '');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="dashboard-officers">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="dashboard-officers">
          {t('officers.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('officers.description')}
        </Text>
        {officers.isPending ? (
          <Skeleton h={160} />
        ) : officers.isError ? (
          <QueryErrorAlert
            title={t('loadError')}
            error={officers.error}
            onRetry={() => void officers.refetch()}
            retrying={officers.isFetching}
          />
        ) : officers.data.rows.length === 0 ? (
          <Text c="dimmed">{t('officers.empty')}</Text>
        ) : (
          <ScrollTable label={t('officers.caption')} maxHeight={420}>
            <Table striped highlightOnHover verticalSpacing={4} fz="sm" stickyHeader>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                <Text span size="xs" c="dimmed">
                  {t('officers.caption')}
                </Text>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('officers.officer')}</Table.Th>
                  <Table.Th scope="col">{t('officers.office')}</Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('officers.openCases')}
                  </Table.Th>
                  <Table.Th scope="col" ta="end">
                    {t('officers.overdue')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {officers.data.rows.map((row) => (
                  <Table.Tr key={row.officer.id}>
                    <Table.Th scope="row" fw="normal">
                      {row.officer.name}
                    </Table.Th>
                    <Table.Td>{officeName(row.officeCode)}</Table.Td>
                    <Table.Td ta="end" style={num}>
                      {formatCount(row.openCases)}
                    </Table.Td>
                    <Table.Td ta="end" style={num} fw={row.overdueFollowUps > 0 ? 700 : undefined}>
                      {formatCount(row.overdueFollowUps)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        {officers.data && officers.data.unassignedOpenCases > 0 ? (
          <Text size="sm">{t('officers.unassigned', { number: officers.data.unassignedOpenCases })}</Text>
        ) : null}
      </Stack>
    </Card>
  );
}
