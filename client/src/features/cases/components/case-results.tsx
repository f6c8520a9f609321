import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import type { CaseListItem } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useReferenceOptions } from '../api/get-reference-data';
import { formatDate } from '../utils/partial-date';
import { nameWithFather, searchMatch } from '../utils/names';
import { CaseStatusBadges } from './case-status-badges';

interface CaseResultsProps {
  items: CaseListItem[];
  q: string;
  /** Cards on a phone, a table otherwise. */
  layout: 'table' | 'cards';
}

function birthYear(item: CaseListItem): string {
  return item.dateOfBirth ? item.dateOfBirth.slice(0, 4) : '';
}

/** Other spellings that matched the search, or a note that a similar spelling did. */
function MatchNote({ item, q }: { item: CaseListItem; q: string }) {
  const { t } = useTranslation('cases');
  if (!q.trim()) return null;
  const match = searchMatch(item, q);
  if (match.otherNames.length > 0)
    return (
      <Text size="xs" c="dimmed">
        {t('list.results.alsoKnownAs', { names: match.otherNames.join(', ') })}
      </Text>
    );
  if (match.similar)
    return (
      <Text size="xs" c="dimmed">
        {t('list.results.similarSpelling')}
      </Text>
    );
  return null;
}

function CaseLink({ item }: { item: CaseListItem }) {
  return (
    <Anchor component={Link} to={`/cases/${item.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
      {nameWithFather(item)}
    </Anchor>
  );
}

export function CaseResults({ items, q, layout }: CaseResultsProps) {
  const { t } = useTranslation('cases');
  const municipalities = useReferenceOptions('municipalities');
  const unassigned = t('list.results.unassigned');

  if (layout === 'cards') {
    return (
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item) => (
          <Card component="li" key={item.id} withBorder padding="sm">
            <Stack gap={6}>
              <Text size="sm" c="dimmed">
                {item.caseNumber}
              </Text>
              <CaseLink item={item} />
              <MatchNote item={item} q={q} />
              <CaseStatusBadges fate={item.fateStatus} workflow={item.workflowStatus} />
              <Text size="sm">
                {[
                  birthYear(item) && t('list.results.born', { year: birthYear(item) }),
                  item.lastSeenMunicipalityCode && municipalities.nameOf(item.lastSeenMunicipalityCode),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <Group gap="xs" justify="space-between">
                <Text size="sm">{item.assignedOfficer?.name ?? unassigned}</Text>
                <Text size="xs" c="dimmed">
                  {t('list.results.updatedOn', { date: formatDate(item.updatedAt, t) })}
                </Text>
              </Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('labels.caseNumber')}</Table.Th>
            <Table.Th scope="col">{t('list.results.name')}</Table.Th>
            <Table.Th scope="col">{t('list.results.birthYear')}</Table.Th>
            <Table.Th scope="col">{t('labels.lastSeenMunicipality')}</Table.Th>
            <Table.Th scope="col">{t('list.results.status')}</Table.Th>
            <Table.Th scope="col">{t('labels.assignedOfficer')}</Table.Th>
            <Table.Th scope="col">{t('list.results.updated')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.caseNumber}</Table.Td>
              <Table.Td>
                <CaseLink item={item} />
                <MatchNote item={item} q={q} />
              </Table.Td>
              <Table.Td>{birthYear(item)}</Table.Td>
              <Table.Td>{municipalities.nameOf(item.lastSeenMunicipalityCode)}</Table.Td>
              <Table.Td>
                <CaseStatusBadges fate={item.fateStatus} workflow={item.workflowStatus} />
              </Table.Td>
              <Table.Td>
                {item.assignedOfficer?.name ?? (
                  <Text c="dimmed" span>
                    {unassigned}
                  </Text>
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.updatedAt, t)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
