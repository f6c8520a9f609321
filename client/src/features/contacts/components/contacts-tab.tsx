import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import type { CaseResponse, ContactResponse } from '@mprc/contracts';
import { IconCalendarCheck, IconCalendarDue, IconLock, IconMessages, IconPlus, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotify } from '@/features/cases/components/use-notify';
import { LoadingState } from '@/features/cases/components/loading-state';
import { useLocation } from 'react-router';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { EmptyResult } from '@/features/cases/components/empty-result';
import { formatDate, formatDateTime, localDay } from '@/features/cases/utils/partial-date';
import { useRelatives } from '@/features/relatives/api/get-relatives';
import { useCan } from '@/lib/authorization';
import { useContacts } from '../api/get-contacts';
import { useUpdateContact } from '../api/save-contact';
import { CHANNEL_ICONS } from '../utils/channel-icons';
import { LogContactForm } from './log-contact-form';

function FollowUp({ caseId, contact }: { caseId: string; contact: ContactResponse }) {
  const notify = useNotify();
  const { t } = useTranslation('contacts');
  const { t: tc } = useTranslation('cases');
  const canWrite = useCan('contact.write');
  const update = useUpdateContact(caseId);
  if (!contact.followUpOn) return null;
  const done = contact.followUpDoneAt !== null;
  const today = localDay();
  const overdue = !done && contact.followUpOn < today;
  const toggle = async (followUpDone: boolean) => {
    try {
      await update.mutateAsync({ contactId: contact.id, body: { followUpDone } });
      notify({
        color: 'green',
        title: followUpDone ? t('followUp.markedDone') : t('followUp.reopened'),
        message: formatDate(contact.followUpOn, tc),
      });
    } catch {
      notify({ color: 'red', title: t('followUp.error'), message: t('followUp.tryAgain') });
    }
  };
  return (
    <Group gap="xs" wrap="wrap">
      {done ? (
        <Badge color="green" variant="light" tt="none" leftSection={<IconCalendarCheck size={14} aria-hidden="true" />}>
          {t('followUp.done', {
            date: formatDate(contact.followUpOn, tc),
            doneOn: formatDate(contact.followUpDoneAt, tc),
          })}
        </Badge>
      ) : (
        <Badge
          color={overdue ? 'red' : contact.followUpOn === today ? 'orange' : 'blue'}
          variant="light"
          tt="none"
          leftSection={<IconCalendarDue size={14} aria-hidden="true" />}
        >
          {overdue
            ? t('followUp.overdue', { date: formatDate(contact.followUpOn, tc) })
            : t('followUp.due', { date: formatDate(contact.followUpOn, tc) })}
        </Badge>
      )}
      {canWrite ? (
        <Button
          size="compact-xs"
          variant={done ? 'subtle' : 'light'}
          loading={update.isPending}
          onClick={() => void toggle(!done)}
        >
          {done ? t('followUp.reopen') : t('followUp.markDone')}
        </Button>
      ) : null}
    </Group>
  );
}

function ContactItem({
  caseId,
  contact,
  highlighted,
}: {
  caseId: string;
  contact: ContactResponse;
  highlighted: boolean;
}) {
  const { t } = useTranslation('contacts');
  const { t: tc } = useTranslation('cases');
  const ChannelIcon = CHANNEL_ICONS[contact.channel];
  const who = [
    contact.relative ? t('item.with', { name: contact.relative.name }) : null,
    contact.officer ? t('item.by', { name: contact.officer.name }) : null,
    contact.language ? tc(`contactLanguage.${contact.language as 'sq'}`, { defaultValue: contact.language }) : null,
    contact.interpreterUsed ? t('item.interpreter') : null,
  ].filter(Boolean);
  return (
    <Card
      component="li"
      id={`contact-${contact.id}`}
      withBorder
      padding="md"
      tabIndex={highlighted ? -1 : undefined}
      style={highlighted ? { outline: '2px solid var(--mantine-color-blue-7)' } : undefined}
    >
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <ChannelIcon size={20} aria-hidden="true" style={{ flexShrink: 0, marginTop: 2 }} />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600}>
              {t(`channel.${contact.channel}`)} · {formatDateTime(contact.occurredAt, tc)}
            </Text>
            {who.length ? <Text size="sm">{who.join(' · ')}</Text> : null}
          </Stack>
        </Group>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconLock size={14} aria-hidden="true" style={{ flexShrink: 0, marginTop: 4 }} />
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            <Text span size="sm" fw={600}>
              {t('item.internal')}:{' '}
            </Text>
            {contact.summary}
          </Text>
        </Group>
        {contact.familyVisibleSummary ? (
          <Group gap={6} wrap="nowrap" align="flex-start">
            <IconUsers size={14} aria-hidden="true" style={{ flexShrink: 0, marginTop: 4 }} />
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <Text span size="sm" fw={600}>
                {t('item.forFamily')}:{' '}
              </Text>
              {contact.familyVisibleSummary}
            </Text>
          </Group>
        ) : null}
        <FollowUp caseId={caseId} contact={contact} />
      </Stack>
    </Card>
  );
}

export function ContactsTab({ caseData }: { caseData: CaseResponse }) {
  const { t } = useTranslation('contacts');
  const canWrite = useCan('contact.write');
  const canReadRelatives = useCan('relative.read');
  const contacts = useContacts(caseData.id);
  const relatives = useRelatives(caseData.id, canReadRelatives);
  const [logging, setLogging] = useState(false);
  const { hash } = useLocation();
  const highlighted = hash.startsWith('#contact-') ? hash.slice('#contact-'.length) : null;

  // Arriving from "my follow-ups": bring that contact into view.
  useEffect(() => {
    if (!highlighted || !contacts.data) return;
    const element = document.getElementById(`contact-${highlighted}`);
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  }, [highlighted, contacts.data]);

  return (
    <Stack gap="md">
      {canWrite && !logging ? (
        <Group>
          <Button leftSection={<IconPlus size={18} aria-hidden="true" />} onClick={() => setLogging(true)}>
            {t('log')}
          </Button>
        </Group>
      ) : null}
      {logging ? (
        relatives.isPending && canReadRelatives ? (
          <LoadingState label={t('loading')} />
        ) : (
          <LogContactForm caseId={caseData.id} relatives={relatives.data ?? []} onDone={() => setLogging(false)} />
        )
      ) : null}
      {contacts.isPending ? (
        <LoadingState label={t('loading')} />
      ) : contacts.isError ? (
        <QueryErrorAlert title={t('loadError')} error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : contacts.data.length === 0 ? (
        <EmptyResult
          icon={<IconMessages size={28} aria-hidden="true" />}
          title={t('none')}
          description={t('noneHint')}
        />
      ) : (
        <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('listLabel')}>
          {contacts.data.map((contact) => (
            <ContactItem
              key={contact.id}
              caseId={caseData.id}
              contact={contact}
              highlighted={contact.id === highlighted}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
