import type { AuditEntryResponse } from '@mprc/contracts';
import { Badge, Code, DataList, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../utils/action-label';

const MASK = '[masked]';

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation('audit');
  if (value === MASK)
    return (
      <Badge color="gray" variant="light" title={t('details.maskedHint')}>
        {t('details.masked')}
      </Badge>
    );
  if (value === null || value === undefined || value === '')
    return (
      <Text span c="dimmed">
        {t('details.empty')}
      </Text>
    );
  if (typeof value === 'boolean') return <>{value ? t('details.yes') : t('details.no')}</>;
  if (typeof value === 'object')
    return (
      <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {JSON.stringify(value, null, 2)}
      </Code>
    );
  return <span style={{ overflowWrap: 'anywhere' }}>{String(value)}</span>;
}

/** One entry opened: field changes (from -> to, masked values as such), details, where from. */
export function AuditEntryDetails({
  entry,
  id,
  headingOrder = 3,
}: {
  entry: AuditEntryResponse;
  id: string;
  headingOrder?: 3 | 4;
}) {
  const { t, i18n } = useTranslation('audit');
  const changes = Object.entries(entry.changes ?? {});
  const details = Object.entries(entry.details ?? {});
  return (
    <Stack gap="md" id={id} py="xs">
      {changes.length > 0 ? (
        <Stack gap="xs">
          <Title order={headingOrder} fz="md">
            {t('details.changes')}
          </Title>
          <Table.ScrollContainer minWidth={320}>
            <Table withTableBorder fz="sm" aria-label={t('details.changes')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('details.field')}</Table.Th>
                  <Table.Th scope="col">{t('details.from')}</Table.Th>
                  <Table.Th scope="col">{t('details.to')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map(([field, change]) => (
                  <Table.Tr key={field}>
                    <Table.Th scope="row" fw={600}>
                      {fieldLabel(field, t, i18n)}
                    </Table.Th>
                    <Table.Td>
                      <Value value={change.from} />
                    </Table.Td>
                    <Table.Td>
                      <Value value={change.to} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
      {details.length > 0 ? (
        <Stack gap="xs">
          <Title order={headingOrder} fz="md">
            {t('details.details')}
          </Title>
          <DataList>
            {details.map(([key, value]) => (
              <DataList.Item key={key}>
                <DataList.ItemLabel>{fieldLabel(key, t, i18n)}</DataList.ItemLabel>
                <DataList.ItemValue>
                  <Value value={value} />
                </DataList.ItemValue>
              </DataList.Item>
            ))}
          </DataList>
        </Stack>
      ) : null}
      <Stack gap="xs">
        <Title order={headingOrder} fz="md">
          {t('details.origin')}
        </Title>
        <DataList>
          <DataList.Item>
            <DataList.ItemLabel>{t('details.ip')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Value value={entry.ip} />
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('details.requestId')}</DataList.ItemLabel>
            <DataList.ItemValue>
              {entry.requestId ? <Code>{entry.requestId}</Code> : <Value value={null} />}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('details.entryId')}</DataList.ItemLabel>
            <DataList.ItemValue>
              <Code>{entry.id}</Code>
            </DataList.ItemValue>
          </DataList.Item>
          {entry.entityId ? (
            <DataList.Item>
              <DataList.ItemLabel>{t('details.entityId')}</DataList.ItemLabel>
              <DataList.ItemValue>
                <Code>{entry.entityId}</Code>
              </DataList.ItemValue>
            </DataList.Item>
          ) : null}
        </DataList>
      </Stack>
    </Stack>
  );
}
