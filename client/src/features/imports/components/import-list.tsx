import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ImportListItem, Page } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PaginationBar } from '@/components/pagination-bar';
import { formatDateTime } from '@/lib/format-date';
import { ImportStatusBadge } from './import-status-badge';

/** Earlier imports, the most recent first: file, status, rows, when and by whom. */
export function ImportList({ data, onPage }: { data: Page<ImportListItem>; onPage: (page: number) => void }) {
  const { t } = useTranslation('imports');
  return (
    <Stack gap="sm" component="section" aria-labelledby="import-list-title">
      <Title order={2} fz="h4" id="import-list-title">
        {t('list.title')}
      </Title>
      {data.items.length === 0 ? (
        <Text c="dimmed">{t('list.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.items.map((item) => (
            <Paper key={item.id} withBorder p="sm" component="li">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/imports/${item.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {item.fileName}
                </Anchor>
                <ImportStatusBadge status={item.status} />
              </Group>
              <Text size="sm" c="dimmed">
                {t('list.summary', {
                  count: item.rowCount,
                  date: formatDateTime(item.createdAt),
                  name: item.createdBy?.name ?? '—',
                })}
                {item.status === 'COMMITTED' ? ` · ${t('list.created', { count: item.counts.created })}` : ''}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      <PaginationBar page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} />
    </Stack>
  );
}
