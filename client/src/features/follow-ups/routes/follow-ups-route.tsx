import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { FollowUp } from '@mprc/contracts';
import { IconCalendarCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/features/cases/components/loading-state';
import { Link, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { EmptyResult } from '@/features/cases/components/empty-result';
import { formatDate, localDay } from '@/features/cases/utils/partial-date';
import { CHANNEL_ICONS } from '@/features/contacts/utils/channel-icons';
import { useFollowUps } from '../api/get-follow-ups';
import type { FollowUpScope } from '../api/follow-ups-keys';
import { groupFollowUps } from '../utils/group-follow-ups';

function FollowUpItem({ item, tone }: { item: FollowUp; tone: 'overdue' | 'today' | 'week' }) {
  const { t } = useTranslation('followups');
  const { t: tc } = useTranslation('cases');
  const { t: tContacts } = useTranslation('contacts');
  const ChannelIcon = CHANNEL_ICONS[item.channel];
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      style={tone === 'overdue' ? { borderLeft: '4px solid var(--mantine-color-red-8)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Anchor component={Link} to={`/cases/${item.caseId}/contacts#contact-${item.contactId}`} fw={600}>
            {t('item.title', { caseNumber: item.caseNumber, name: `${item.firstName} ${item.lastName}` })}
          </Anchor>
          <Badge
            variant="light"
            tt="none"
            color={tone === 'overdue' ? 'red' : tone === 'today' ? 'orange' : 'blue'}
            style={{ flexShrink: 0 }}
          >
            {tone === 'overdue'
              ? t('item.overdueSince', { date: formatDate(item.followUpOn, tc) })
              : tone === 'today'
                ? t('item.today')
                : formatDate(item.followUpOn, tc)}
          </Badge>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <ChannelIcon size={16} aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} />
          <Text size="sm">
            {[
              tContacts(`channel.${item.channel}`),
              item.relative ? tContacts('item.with', { name: item.relative.name }) : null,
              item.officer ? tContacts('item.by', { name: item.officer.name }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {item.summary}
        </Text>
      </Stack>
    </Card>
  );
}

function FollowUpSection({
  title,
  items,
  tone,
  empty,
}: {
  title: string;
  items: FollowUp[];
  tone: 'overdue' | 'today' | 'week';
  empty: string;
}) {
  const id = `follow-ups-${tone}`;
  return (
    <Stack component="section" gap="sm" aria-labelledby={id}>
      <Group gap="xs">
        <Title order={2} fz="h3" id={id} c={tone === 'overdue' && items.length ? 'red.9' : undefined}>
          {title}
        </Title>
        <Badge variant="light" color={tone === 'overdue' && items.length ? 'red' : 'gray'} aria-hidden="true">
          {items.length}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((item) => (
            <FollowUpItem key={item.contactId} item={item} tone={tone} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** "My follow-ups": the officer's home page: overdue, due today, and the next seven days. */
export function FollowUpsRoute() {
  const { t } = useTranslation('followups');
  const [searchParams, setSearchParams] = useSearchParams();
  const scope: FollowUpScope = searchParams.get('scope') === 'office' ? 'office' : 'mine';
  const followUps = useFollowUps(scope);
  const groups = followUps.data ? groupFollowUps(followUps.data.items, localDay()) : null;
  return (
    <Page title={t('title')} description={t('intro')}>
      <SegmentedControl
        value={scope}
        onChange={(value) => setSearchParams(value === 'office' ? { scope: 'office' } : {}, { replace: true })}
        data={[
          { value: 'mine', label: t('scope.mine') },
          { value: 'office', label: t('scope.office') },
        ]}
        aria-label={t('scope.label')}
        style={{ alignSelf: 'flex-start' }}
      />
      {followUps.isPending ? (
        <LoadingState label={t('loading')} />
      ) : followUps.isError ? (
        <QueryErrorAlert
          title={t('error')}
          error={followUps.error}
          onRetry={() => void followUps.refetch()}
          retrying={followUps.isFetching}
        />
      ) : followUps.data.items.length === 0 ? (
        <EmptyResult
          icon={<IconCalendarCheck size={28} aria-hidden="true" />}
          title={t('none')}
          description={t('noneHint')}
        />
      ) : (
        <Stack gap="xl">
          <FollowUpSection
            title={t('groups.overdue')}
            items={groups!.overdue}
            tone="overdue"
            empty={t('groups.overdueNone')}
          />
          <FollowUpSection title={t('groups.today')} items={groups!.today} tone="today" empty={t('groups.todayNone')} />
          <FollowUpSection title={t('groups.week')} items={groups!.week} tone="week" empty={t('groups.weekNone')} />
        </Stack>
      )}
    </Page>
  );
}
