import { Anchor, Table, Text } from '@mantine/core';
import type { ReportGroupBy, ReportSummaryRow } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '@/lib/i18n';
import { caseListLink, type DashboardFilters } from '../utils/dashboard-filters';
import { formatCount, formatShare } from '../utils/format-number';
import { ScrollTable } from './scroll-table';

interface BreakdownTableProps {
  groupBy: ReportGroupBy;
  title: string;
  rows: ReportSummaryRow[];
  total: number;
  filters: DashboardFilters;
  /** Rows link to the case list (callers without case.read get plain text). */
  withLinks: boolean;
}

/** The figures of a chart as a table: what screen readers and keyboards use, and anyone who prefers numbers. */
export function BreakdownTable({ groupBy, title, rows, total, filters, withLinks }: BreakdownTableProps) {
  const { t } = useTranslation('dashboard');
  const { language } = useLanguage();
  return (
    <ScrollTable label={t('table.caption', { title })} maxHeight={320}>
      <Table striped highlightOnHover verticalSpacing={4} fz="sm" stickyHeader>
        <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
          <Text span size="xs" c="dimmed">
            {t('table.caption', { title })}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.value')}</Table.Th>
            <Table.Th scope="col" ta="end">
              {t('table.count')}
            </Table.Th>
            <Table.Th scope="col" ta="end">
              {t('table.share')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const link = withLinks ? caseListLink(groupBy, row.key, row.count, filters) : null;
            return (
              <Table.Tr key={row.key ?? '(none)'}>
                <Table.Th scope="row" fw="normal">
                  {link ? (
                    <Anchor component={Link} to={link} title={t('table.openCases')} fz="sm">
                      {row.label}
                    </Anchor>
                  ) : (
                    row.label
                  )}
                </Table.Th>
                <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatCount(row.count)}
                </Table.Td>
                <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatShare(row.count, total, language)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('table.total')}</Table.Th>
            <Table.Td ta="end" fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {formatCount(total)}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}
