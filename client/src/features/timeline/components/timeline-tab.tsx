import { Badge, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import {
  CONTACT_CHANNELS,
  FATE_STATUSES,
  type ContactChannel,
  WORKFLOW_STATUSES,
  type CaseEventResponse,
  type CaseEventType,
  type FateStatus,
  type WorkflowStatus,
} from '@mprc/contracts';
import {
  IconArrowsJoin,
  IconFilePlus,
  IconHeartHandshake,
  IconKey,
  IconMail,
  IconMessage,
  IconMessages,
  IconNote,
  IconProgressCheck,
  IconTimeline,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '@/features/cases/components/loading-state';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useCaseTimeline } from '@/features/cases/api/get-timeline';
import { EmptyResult } from '@/features/cases/components/empty-result';
import { formatDate, formatDateTime } from '@/features/cases/utils/partial-date';

const ICONS: Record<CaseEventType, Icon> = {
  CREATED: IconFilePlus,
  FATE_CHANGED: IconProgressCheck,
  WORKFLOW_CHANGED: IconProgressCheck,
  FAMILY_INFORMED: IconHeartHandshake,
  NOTE: IconNote,
  CONTACT_LOGGED: IconMessages,
  MERGED: IconArrowsJoin,
  FAMILY_MESSAGE: IconMessage,
  NOTIFICATION_SENT: IconMail,
  PORTAL_ACCESS: IconKey,
};

function statusName(type: CaseEventType, status: string | null, t: TFunction<'cases'>): string {
  if (!status) return '';
  if (type === 'FATE_CHANGED' && (FATE_STATUSES as readonly string[]).includes(status))
    return t(`fate.${status as FateStatus}`);
  if ((WORKFLOW_STATUSES as readonly string[]).includes(status)) return t(`workflow.${status as WorkflowStatus}`);
  if ((FATE_STATUSES as readonly string[]).includes(status)) return t(`fate.${status as FateStatus}`);
  return status;
}

function text(data: Record<string, unknown> | null, key: string): string | null {
  const value = data?.[key];
  return typeof value === 'string' ? value : null;
}

/** The event in one line: what happened. */
function eventTitle(event: CaseEventResponse, t: TFunction<'cases'>, tContacts: TFunction<'contacts'>): string {
  const from = statusName(event.type, event.fromStatus, t);
  const to = statusName(event.type, event.toStatus, t);
  switch (event.type) {
    case 'FATE_CHANGED':
      return event.data?.correction
        ? t('timeline.title.fateCorrected', { from, to })
        : t('timeline.title.fateChanged', { from, to });
    case 'WORKFLOW_CHANGED':
      return t('timeline.title.workflowChanged', { from, to });
    case 'MERGED': {
      const merged = text(event.data, 'mergedCaseNumber');
      const into = text(event.data, 'mergedIntoCaseNumber');
      return merged
        ? t('timeline.title.mergedFrom', { caseNumber: merged })
        : into
          ? t('timeline.title.mergedInto', { caseNumber: into })
          : t('timeline.type.MERGED');
    }
    case 'FAMILY_INFORMED': {
      const on = text(event.data, 'informedOn');
      return on
        ? t('timeline.title.familyInformedOn', { date: formatDate(on, t) })
        : t('timeline.type.FAMILY_INFORMED');
    }
    case 'FAMILY_MESSAGE':
      if (text(event.data, 'direction') === 'TO_FAMILY') return t('timeline.title.messageToFamily');
      return event.data?.meetingRequested ? t('timeline.title.messageAsksMeeting') : t('timeline.type.FAMILY_MESSAGE');
    case 'PORTAL_ACCESS': {
      const action = text(event.data, 'action');
      if (action === 'issued') return t('timeline.title.portalIssued');
      if (action === 'reissued') return t('timeline.title.portalReissued');
      if (action === 'revoked') return t('timeline.title.portalRevoked');
      return t('timeline.type.PORTAL_ACCESS');
    }
    case 'CONTACT_LOGGED': {
      const channel = text(event.data, 'channel');
      return channel && (CONTACT_CHANNELS as readonly string[]).includes(channel)
        ? t('timeline.title.contact', { channel: tContacts(`channel.${channel as ContactChannel}`) })
        : t('timeline.type.CONTACT_LOGGED');
    }
    default:
      return t(`timeline.type.${event.type}`);
  }
}

export function TimelineTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const { t: tContacts } = useTranslation('contacts');
  const timeline = useCaseTimeline(caseId);
  if (timeline.isPending) return <LoadingState label={t('timeline.loading')} />;
  if (timeline.isError)
    return (
      <QueryErrorAlert title={t('timeline.loadError')} error={timeline.error} onRetry={() => void timeline.refetch()} />
    );
  if (timeline.data.length === 0)
    return <EmptyResult icon={<IconTimeline size={28} aria-hidden="true" />} title={t('timeline.none')} />;
  return (
    <Timeline
      bulletSize={28}
      lineWidth={2}
      component="ol"
      aria-label={t('timeline.label')}
      style={{ listStyle: 'none' }}
    >
      {timeline.data.map((event) => {
        const EventIcon = ICONS[event.type] ?? IconNote;
        return (
          <Timeline.Item
            key={event.id}
            component="li"
            bullet={<EventIcon size={16} aria-hidden="true" />}
            title={
              <Text fw={600} component="span">
                {eventTitle(event, t, tContacts)}
              </Text>
            }
          >
            <Stack gap={6} mt={4}>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {formatDateTime(event.at, t)}
                  {event.actor ? ` · ${event.actor.name}` : ''}
                </Text>
                {event.familyVisible ? (
                  <Badge
                    size="sm"
                    variant="light"
                    color="green"
                    tt="none"
                    leftSection={<IconUsers size={12} aria-hidden="true" />}
                  >
                    {t('timeline.familyVisible')}
                  </Badge>
                ) : null}
              </Group>
              {event.note ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  <Text span size="sm" fw={600}>
                    {t('timeline.note')}:{' '}
                  </Text>
                  {event.note}
                </Text>
              ) : null}
              {event.familyMessage ? (
                <Paper
                  p="sm"
                  bg="green.0"
                  style={{ borderLeft: '4px solid var(--mantine-color-green-8)', overflowWrap: 'anywhere' }}
                >
                  <Text size="xs" fw={600} c="dimmed">
                    {t('timeline.familyMessage')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {event.familyMessage}
                  </Text>
                </Paper>
              ) : null}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
