import { Anchor, Badge, Card, Checkbox, Group, Pagination, Stack, Text } from '@mantine/core';
import type { InboxItem } from '@mprc/contracts';
import { IconCalendarEvent, IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/features/cases/components/loading-state';
import { Link, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { EmptyResult } from '@/features/cases/components/empty-result';
import { formatDateTime } from '@/features/cases/utils/partial-date';
import { useInbox } from '../api/messages';

function InboxEntry({ item }: { item: InboxItem }) {
  const { t } = useTranslation('inbox');
  const { t: tc } = useTranslation('cases');
  const unread = item.fromFamily && item.readAt === null;
  const from = item.relative ? `${item.relative.firstName} ${item.relative.lastName}` : t('thread.family');
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-8)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Anchor component={Link} to={`/cases/${item.caseId}/messages`} fw={unread ? 700 : 600}>
            {t('item.title', {
              caseNumber: item.caseNumber,
              name: `${item.missingPerson.firstName} ${item.missingPerson.lastName}`,
            })}
          </Anchor>
          <Text size="xs" c="dimmed">
            {formatDateTime(item.createdAt, tc)}
          </Text>
        </Group>
        <Group gap="xs">
          <Text size="sm">
            {item.fromFamily ? t('item.from', { name: from }) : t('item.reply', { name: item.author?.name ?? '' })}
          </Text>
          {unread ? (
            <Badge size="sm" color="blue" variant="light" tt="none">
              {t('item.unread')}
            </Badge>
          ) : null}
          {item.meetingRequested ? (
            <Badge
              size="sm"
              color="orange"
              variant="light"
              tt="none"
              leftSection={<IconCalendarEvent size={12} aria-hidden="true" />}
            >
              {t('thread.meetingRequested')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {item.body}
        </Text>
      </Stack>
    </Card>
  );
}

/** Messages from families on the officer's cases, unread first. */
export function InboxRoute() {
  const { t } = useTranslation('inbox');
  const [searchParams, setSearchParams] = useSearchParams();
  const unreadOnly = searchParams.get('unread') === 'true';
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const inbox = useInbox({ page, unread: unreadOnly });
  const update = (next: { page?: number; unread?: boolean }) => {
    const params = new URLSearchParams();
    if (next.unread ?? unreadOnly) params.set('unread', 'true');
    if ((next.page ?? 1) > 1) params.set('page', String(next.page));
    setSearchParams(params);
  };
  return (
    <Page title={t('title')} description={t('intro')}>
      <Group justify="space-between" gap="sm">
        <Text role="status" fw={600}>
          {inbox.data ? t('unreadCount', { count: inbox.data.unreadCount }) : ''}
        </Text>
        <Checkbox
          label={t('unreadOnly')}
          checked={unreadOnly}
          onChange={(event) => update({ unread: event.currentTarget.checked })}
        />
      </Group>
      {inbox.isPending ? (
        <LoadingState label={t('loading')} />
      ) : inbox.isError ? (
        <QueryErrorAlert
          title={t('error')}
          error={inbox.error}
          onRetry={() => void inbox.refetch()}
          retrying={inbox.isFetching}
        />
      ) : inbox.data.items.length === 0 ? (
        <EmptyResult
          icon={<IconInbox size={28} aria-hidden="true" />}
          title={unreadOnly ? t('noneUnread') : t('none')}
        />
      ) : (
        <Stack gap="sm">
          <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('title')}>
            {inbox.data.items.map((item) => (
              <InboxEntry key={item.id} item={item} />
            ))}
          </Stack>
          {inbox.data.total > inbox.data.pageSize ? (
            <Pagination
              total={Math.ceil(inbox.data.total / inbox.data.pageSize)}
              value={page}
              onChange={(next) => update({ page: next })}
              siblings={0}
              getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
              getItemProps={(n) => ({ 'aria-label': t('pagination.page', { page: n }) })}
            />
          ) : null}
        </Stack>
      )}
    </Page>
  );
}
