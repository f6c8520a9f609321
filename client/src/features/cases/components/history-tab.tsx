import { Card, Group, Pagination, Stack, Table, Text } from '@mantine/core';
import type { AuditEntryResponse } from '@mprc/contracts';
import { IconHistory } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from './loading-state';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useCaseHistory } from '../api/get-case-history';
import { formatDateTime } from '../utils/partial-date';
import { EmptyResult } from './empty-result';

const KNOWN_FIELDS = new Set([
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
]);

function actionLabel(action: string, t: TFunction<'cases'>): string {
  const key = `history.actions.${action.replace(/\./g, '_')}`;
  const text = t(key as 'history.actions.case_create', { defaultValue: '' });
  return text || action;
}

function fieldLabel(field: string, t: TFunction<'cases'>): string {
  return KNOWN_FIELDS.has(field) ? t(`history.fields.${field}` as 'history.fields.firstName') : field;
}

function valueText(value: unknown, t: TFunction<'cases'>): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.length ? value.map((v) => valueText(v, t)).join(', ') : t('history.empty');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('system' in record && 'reference' in record) return `${String(record.system)} ${String(record.reference)}`;
    return JSON.stringify(value);
  }
  return String(value);
}

function Entry({ entry }: { entry: AuditEntryResponse }) {
  const { t } = useTranslation('cases');
  const changes = Object.entries(entry.changes ?? {});
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
        {changes.length ? (
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
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{valueText(change.from, t)}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{valueText(change.to, t)}</Table.Td>
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
  const history = useCaseHistory(caseId, page);
  if (history.isPending) return <LoadingState label={t('history.loading')} />;
  if (history.isError)
    return <QueryErrorAlert title={t('history.error')} error={history.error} onRetry={() => void history.refetch()} />;
  const { items, total, pageSize } = history.data;
  if (items.length === 0)
    return <EmptyResult icon={<IconHistory size={28} aria-hidden="true" />} title={t('history.none')} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('history.intro')}
      </Text>
      <Stack
        component="ol"
        gap="sm"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-label={t('tabs.history')}
      >
        {items.map((entry) => (
          <Entry key={entry.id} entry={entry} />
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
