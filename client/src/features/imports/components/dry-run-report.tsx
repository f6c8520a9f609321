import { Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ImportResponse, ImportRowFilter } from '@mprc/contracts';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PaginationBar } from '@/components/pagination-bar';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useLanguage } from '@/lib/i18n';
import { reportUrl, useImportRows } from '../api/imports';
import { isImported, withDecision, type Decisions } from '../utils/decisions';
import { ImportRowCard } from './import-row-card';

interface DryRunReportProps {
  imp: ImportResponse;
  filter: ImportRowFilter;
  onFilter: (filter: ImportRowFilter) => void;
  page: number;
  onPage: (page: number) => void;
  decisions: Decisions;
  onDecisions: (decisions: Decisions) => void;
}

/** The last dry run: counts, the rows (filtered, paged) with their errors and candidates, the download. */
export function DryRunReport({ imp, filter, onFilter, page, onPage, decisions, onDecisions }: DryRunReportProps) {
  const { t } = useTranslation('imports');
  const { language } = useLanguage();
  const compact = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const rows = useImportRows(imp.id, filter, page, true);
  const committed = imp.status === 'COMMITTED';
  const c = imp.counts;
  const stats: [string, number][] = [
    [t('report.counts.total'), c.total],
    [t('report.counts.valid'), c.valid],
    [t('report.counts.invalid'), c.invalid],
    [t('report.counts.duplicates'), c.duplicates],
    [t('report.counts.existing'), c.existing],
    ...(committed ? ([[t('report.counts.created'), c.created]] as [string, number][]) : []),
  ];
  const filters: ImportRowFilter[] = committed
    ? ['all', 'created', 'invalid', 'duplicates', 'existing']
    : ['all', 'invalid', 'duplicates', 'existing', 'valid'];

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="import-report-title">
      <Stack gap="md">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={2} fz="h4" id="import-report-title">
            {t('report.title')}
          </Title>
          <Group gap="xs">
            {(['csv', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                component="a"
                href={reportUrl(imp.id, { format, lang: language })}
                download
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden="true" />}
              >
                {t(`report.download.${format}`, { xlsx: 'XLSX' })}
              </Button>
            ))}
          </Group>
        </Group>

        <SimpleGrid cols={{ base: 2, xs: 3, md: stats.length }} spacing="xs" component="dl" m={0}>
          {stats.map(([label, value]) => (
            <Stack key={label} gap={0}>
              <Text component="dt" size="sm" c="dimmed">
                {label}
              </Text>
              <Text component="dd" fw={700} fz="lg" m={0}>
                {value}
              </Text>
            </Stack>
          ))}
        </SimpleGrid>

        <Stack gap={4}>
          <Text id="import-filter-label" size="sm" fw={500}>
            {t('report.filter.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="import-filter-label"
            value={filter}
            onChange={(value) => onFilter(value as ImportRowFilter)}
            orientation={compact ? 'vertical' : 'horizontal'}
            fullWidth={compact}
            data={filters.map((f) => ({ value: f, label: t(`report.filter.${f}`) }))}
          />
        </Stack>

        {rows.isError && !rows.data ? (
          <QueryErrorAlert title={t('report.error')} error={rows.error} onRetry={() => void rows.refetch()} />
        ) : !rows.data ? (
          <Text role="status">{t('report.loading')}</Text>
        ) : rows.data.items.length === 0 ? (
          <Text c="dimmed">{t('report.empty')}</Text>
        ) : (
          <Stack gap="xs" aria-busy={rows.isPlaceholderData}>
            <VisuallyHidden>
              <Text role="status">{t('report.shown', { count: rows.data.total })}</Text>
            </VisuallyHidden>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {rows.data.items.map((row) => (
                <ImportRowCard
                  key={row.rowNumber}
                  row={row}
                  imported={
                    committed || (row.status !== 'VALID' && row.status !== 'DUPLICATE')
                      ? null
                      : isImported(row, decisions)
                  }
                  onImportedChange={(value) => onDecisions(withDecision(decisions, row, value))}
                />
              ))}
            </Stack>
            <PaginationBar
              page={rows.data.page}
              pageSize={rows.data.pageSize}
              total={rows.data.total}
              onChange={onPage}
            />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
