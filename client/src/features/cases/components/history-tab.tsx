import { Card, DataList, Group, Pagination, Stack, Switch, Table, Text } from '@mantine/core';
import {
  FATE_STATUSES,
  SEXES,
  WORKFLOW_STATUSES,
  type AuditEntryResponse,
  type FateStatus,
  type Sex,
  type WorkflowStatus,
} from '@mprc/contracts';
import { IconHistory } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from './loading-state';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useCaseHistory } from '../api/get-case-history';
import { useReferenceOptions } from '../api/get-reference-data';
import { formatDateTime, formatPartialDate } from '../utils/partial-date';
import { EmptyResult } from './empty-result';

// Field names of the audited records (case, relative, consent, contact, referral, attachment)
// that have a label; others show as recorded.
const FIELD_LABELS = [
  'firstName',
  'lastName',
  'fatherName',
  'otherNames',
  'sex',
  'dateOfBirth',
  'communityCode',
  'placeOfBirth',
  'missingSince',
  'lastSeenMunicipalityCode',
  'lastSeenPlace',
  'circumstances',
  'officeCode',
  'externalReferences',
  'fateStatus',
  'workflowStatus',
  'assignedOfficerId',
  'familyInformedAt',
  'relationship',
  'isPrimaryContact',
  'phone',
  'email',
  'address',
  'preferredLanguage',
  'dnaSampleGiven',
  'organisation',
  'givenOn',
  'withdrawnOn',
  'status',
  'service',
  'purpose',
  'referredOn',
  'channel',
  'occurredAt',
  'summary',
  'familyVisibleSummary',
  'followUpOn',
  'followUpDoneAt',
  'interpreterUsed',
  'language',
  'fileName',
  'visibility',
  'description',
] as const;
type LabelledField = (typeof FIELD_LABELS)[number];

/** Reads of the case and its records: audited, but only noise when following what changed. */
const VIEW_ACTIONS = new Set(['case.read', 'relative.list', 'relative.read', 'contact.read', 'attachment.read']);

function actionLabel(action: string, t: TFunction<'cases'>): string {
  const key = `history.actions.${action.replace(/\./g, '_')}`;
  const text = t(key as 'history.actions.case_create', { defaultValue: '' });
  return text || action;
}

function fieldLabel(field: string, t: TFunction<'cases'>): string {
  return (FIELD_LABELS as readonly string[]).includes(field) ? t(`history.fields.${field as LabelledField}`) : field;
}

interface Namers {
  t: TFunction<'cases'>;
  municipality: (code: string) => string;
  community: (code: string) => string;
  office: (code: string) => string;
}

/** A recorded value in words where the field says what it is (statuses, codes, dates). */
function valueText(field: string, value: unknown, n: Namers): string {
  const { t } = n;
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (typeof value === 'string') {
    if (field === 'fateStatus' && (FATE_STATUSES as readonly string[]).includes(value))
      return t(`fate.${value as FateStatus}`);
    if (field === 'workflowStatus' && (WORKFLOW_STATUSES as readonly string[]).includes(value))
      return t(`workflow.${value as WorkflowStatus}`);
    if (field === 'sex' && (SEXES as readonly string[]).includes(value)) return t(`sex.${value as Sex}`);
    if (field === 'lastSeenMunicipalityCode') return n.municipality(value);
    if (field === 'communityCode') return n.community(value);
    if (field === 'officeCode') return n.office(value);
    if (field === 'preferredLanguage' || field === 'language')
      return t(`contactLanguage.${value as 'sq'}`, { defaultValue: value });
    if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return formatPartialDate(value, t);
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, t);
    return value;
  }
  if (Array.isArray(value))
    return value.length ? value.map((v) => valueText(field, v, n)).join(', ') : t('history.empty');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('system' in record && 'reference' in record) return `${String(record.system)} ${String(record.reference)}`;
    return JSON.stringify(value);
  }
  return String(value);
}

function Entry({ entry, namers }: { entry: AuditEntryResponse; namers: Namers }) {
  const { t } = useTranslation('cases');
  const changes = Object.entries(entry.changes ?? {});
  const created = changes.every(([, change]) => change.from === null || change.from === undefined);
  // An assignment records ids; its details carry the names.
  const named = (field: string, side: 'from' | 'to', value: unknown) =>
    field === 'assignedOfficerId' && entry.details && side in entry.details ? entry.details[side] : value;
  return (
    <Card component="li" withBorder padding="sm">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{actionLabel(entry.action, t)}</Text>
          <Text size="sm" c="dimmed">
            {formatDateTime(entry.at, t)}
          </Text>
        </Group>
        <Text size="sm">
          {entry.actorName ? t('history.by', { name: entry.actorName }) : t('history.bySystem')}
          {entry.entityType && entry.entityType !== 'Case' ? ` · ${entry.entityType}` : ''}
        </Text>
        {changes.length && created ? (
          // A new record: its values, without a column of empty "before" cells.
          <DataList size="sm" labelWidth="clamp(7rem, 30vw, 12rem)">
            {changes.map(([field, change]) => (
              <DataList.Item key={field}>
                <DataList.ItemLabel>{fieldLabel(field, t)}</DataList.ItemLabel>
                <DataList.ItemValue>{valueText(field, named(field, 'to', change.to), namers)}</DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
        ) : changes.length ? (
          <Table.ScrollContainer minWidth={320}>
            <Table fz="sm" verticalSpacing={4} withRowBorders={false}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('history.field')}</Table.Th>
                  <Table.Th scope="col">{t('history.before')}</Table.Th>
                  <Table.Th scope="col">{t('history.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map(([field, change]) => (
                  <Table.Tr key={field}>
                    <Table.Th scope="row" fw={500}>
                      {fieldLabel(field, t)}
                    </Table.Th>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {valueText(field, named(field, 'from', change.from), namers)}
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      {valueText(field, named(field, 'to', change.to), namers)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The case's audit trail: who did what and when, field by field. */
export function HistoryTab({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const [page, setPage] = useState(1);
  const [showViews, setShowViews] = useState(false);
  const history = useCaseHistory(caseId, page);
  const municipalities = useReferenceOptions('municipalities');
  const communities = useReferenceOptions('communities');
  const offices = useReferenceOptions('offices');
  const namers: Namers = {
    t,
    municipality: municipalities.nameOf,
    community: communities.nameOf,
    office: offices.nameOf,
  };
  if (history.isPending) return <LoadingState label={t('history.loading')} />;
  if (history.isError)
    return <QueryErrorAlert title={t('history.error')} error={history.error} onRetry={() => void history.refetch()} />;
  const { total, pageSize } = history.data;
  const items = showViews ? history.data.items : history.data.items.filter((entry) => !VIEW_ACTIONS.has(entry.action));
  const hidden = history.data.items.length - items.length;
  if (history.data.items.length === 0)
    return <EmptyResult icon={<IconHistory size={28} aria-hidden="true" />} title={t('history.none')} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('history.intro')}
      </Text>
      <Group justify="space-between" gap="xs">
        <Switch
          label={t('history.showViews')}
          checked={showViews}
          onChange={(event) => setShowViews(event.currentTarget.checked)}
        />
        {hidden > 0 ? (
          <Text size="sm" c="dimmed">
            {t('history.viewsHidden', { count: hidden })}
          </Text>
        ) : null}
      </Group>
      <Stack
        component="ol"
        gap="sm"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('tabs.history')}
      >
        {items.map((entry) => (
          <Entry key={entry.id} entry={entry} namers={namers} />
        ))}
      </Stack>
      {total > pageSize ? (
        <Pagination
          total={Math.ceil(total / pageSize)}
          value={page}
          onChange={setPage}
          siblings={0}
          getControlProps={(control) => ({ 'aria-label': t(`list.pagination.${control}`) })}
          getItemProps={(n) => ({ 'aria-label': t('list.pagination.page', { page: n }) })}
        />
      ) : null}
    </Stack>
  );
}
