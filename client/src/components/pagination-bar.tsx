import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PaginationBarProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** "21–40 of 134" and the page buttons, each with a spoken label. */
export function PaginationBar({ page, pageSize, total, onChange }: PaginationBarProps) {
  const { t } = useTranslation('common');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" component="nav" aria-label={t('pagination.label')}>
      <Text size="sm" c="dimmed" role="status">
        {t('pagination.range', { from, to, total })}
      </Text>
      {pages > 1 ? (
        <Pagination
          value={Math.min(page, pages)}
          total={pages}
          onChange={onChange}
          siblings={1}
          boundaries={1}
          size="sm"
          getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
        />
      ) : null}
    </Group>
  );
}
