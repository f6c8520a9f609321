import type { AuditEntryResponse } from '@mprc/contracts';
import { ActionIcon, Anchor, Button, Code, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-date';
import { isRole } from '../utils/roles';
import { entityTypeLabel } from '../utils/action-label';
import { AuditAction } from './audit-action';
import { AuditEntryDetails } from './audit-entry-details';

interface AuditListProps {
  entries: AuditEntryResponse[];
  compact: boolean;
  onActorFilter: (actorId: string) => void;
}

function Actor({ entry, onActorFilter }: { entry: AuditEntryResponse; onActorFilter: (actorId: string) => void }) {
  const { t } = useTranslation('audit');
  const { t: tAuth } = useTranslation('auth');
  const role = entry.actorRole && isRole(entry.actorRole) ? tAuth(`roles.${entry.actorRole}`) : entry.actorRole;
  if (!entry.actorId) return <Text size="sm">{t('list.noActor')}</Text>;
  return (
    <Stack gap={0} align="flex-start">
      <Anchor
        component="button"
        type="button"
        size="sm"
        fw={600}
        onClick={() => onActorFilter(entry.actorId!)}
        aria-label={t('list.filterByActor', { name: entry.actorName ?? entry.actorId })}
        style={{ textAlign: 'start', overflowWrap: 'anywhere' }}
      >
        {entry.actorName ?? entry.actorId}
      </Anchor>
      {role ? (
        <Text size="xs" c="dimmed">
          {role}
        </Text>
      ) : null}
    </Stack>
  );
}

function Entity({ entry }: { entry: AuditEntryResponse }) {
  const { t, i18n } = useTranslation('audit');
  if (!entry.entityType) return <Text size="sm">—</Text>;
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm">{entityTypeLabel(entry.entityType, t, i18n)}</Text>
      {entry.entityId ? (
        <Code fz="xs" style={{ overflowWrap: 'anywhere' }}>
          {entry.entityId}
        </Code>
      ) : null}
    </Stack>
  );
}

/** The trail, newest first: a table on wide screens, stacked cards on a phone; each entry opens. */
export function AuditList({ entries, compact, onActorFilter }: AuditListProps) {
  const { t } = useTranslation('audit');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (compact) {
    return (
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.label')}>
        {entries.map((entry) => {
          const expanded = open.has(entry.id);
          const detailsId = `audit-entry-${entry.id}`;
          return (
            <Paper component="li" key={entry.id} withBorder p="sm">
              <Stack gap="xs">
                <Text size="sm" fw={600}>
                  {formatDateTime(entry.at, { seconds: true })}
                </Text>
                <AuditAction action={entry.action} />
                <Actor entry={entry} onActorFilter={onActorFilter} />
                <Entity entry={entry} />
                <Button
                  variant="subtle"
                  size="compact-sm"
                  px={0}
                  style={{ alignSelf: 'flex-start' }}
                  leftSection={
                    expanded ? (
                      <IconChevronDown size={16} aria-hidden="true" />
                    ) : (
                      <IconChevronRight size={16} aria-hidden="true" />
                    )
                  }
                  aria-expanded={expanded}
                  aria-controls={expanded ? detailsId : undefined}
                  onClick={() => toggle(entry.id)}
                >
                  {expanded ? t('list.hideDetails') : t('list.showDetails')}
                  <VisuallyHidden>{` #${entry.seq}`}</VisuallyHidden>
                </Button>
                {expanded ? <AuditEntryDetails entry={entry} id={detailsId} /> : null}
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" aria-label={t('list.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={48}>
              <VisuallyHidden>{t('list.details')}</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">{t('list.when')}</Table.Th>
            <Table.Th scope="col">{t('list.action')}</Table.Th>
            <Table.Th scope="col">{t('list.who')}</Table.Th>
            <Table.Th scope="col">{t('list.record')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const detailsId = `audit-entry-${entry.id}`;
            return (
              <Fragment key={entry.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="dark"
                      aria-expanded={expanded}
                      aria-controls={expanded ? detailsId : undefined}
                      aria-label={t('list.toggleDetails', { seq: entry.seq })}
                      onClick={() => toggle(entry.id)}
                    >
                      {expanded ? (
                        <IconChevronDown size={18} aria-hidden="true" />
                      ) : (
                        <IconChevronRight size={18} aria-hidden="true" />
                      )}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at, { seconds: true })}</Table.Td>
                  <Table.Td>
                    <AuditAction action={entry.action} />
                  </Table.Td>
                  <Table.Td>
                    <Actor entry={entry} onActorFilter={onActorFilter} />
                  </Table.Td>
                  <Table.Td>
                    <Entity entry={entry} />
                  </Table.Td>
                </Table.Tr>
                {expanded ? (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={4}>
                      <AuditEntryDetails entry={entry} id={detailsId} />
                    </Table.Td>
                  </Table.Tr>
                ) : null}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
