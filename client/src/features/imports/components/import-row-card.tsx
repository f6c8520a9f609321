import { Anchor, Checkbox, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ImportCandidate, ImportRow, ImportRowError } from '@mprc/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RowStatusBadge } from './import-status-badge';

/** An error in the reader's language, from its code (the server's English message when unknown). */
export function errorText(error: ImportRowError, t: TFunction<'imports'>): string {
  // Translation keys are the codes in camel case (too_many would read as a plural form).
  const key = error.code.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()) as 'required';
  return t(`errors.${key}`, {
    value: error.value ?? '',
    codes: String(error.params?.codes ?? ''),
    row: String(error.params?.row ?? ''),
    defaultValue: error.message,
  });
}

function Candidate({ candidate }: { candidate: ImportCandidate }) {
  const { t } = useTranslation('imports');
  const name = [candidate.firstName, candidate.lastName].join(' ');
  const details = [
    candidate.fatherName ? t('report.father', { name: candidate.fatherName }) : null,
    candidate.birthYear ? t('report.born', { year: candidate.birthYear }) : null,
    t('report.score', { score: Math.round(candidate.score * 100) }),
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <List.Item>
      {candidate.caseId ? (
        <Anchor component={Link} to={`/cases/${candidate.caseId}`}>
          {candidate.caseNumber} {name}
        </Anchor>
      ) : (
        <Text span fw={500}>
          {t('report.candidateRow', { row: candidate.rowNumber })}: {name}
        </Text>
      )}{' '}
      <Text span size="sm" c="dimmed">
        ({details})
      </Text>
    </List.Item>
  );
}

interface ImportRowCardProps {
  row: ImportRow;
  /** Null when there is nothing to decide (errors, already recorded, committed). */
  imported: boolean | null;
  onImportedChange: (imported: boolean) => void;
}

/** One row of the report: status, errors by column, possible duplicates, the case it matched. */
export function ImportRowCard({ row, imported, onImportedChange }: ImportRowCardProps) {
  const { t } = useTranslation('imports');
  const name = [row.firstName, row.lastName].filter(Boolean).join(' ') || t('report.noName');
  const headingId = `import-row-${row.rowNumber}`;
  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Title order={3} fz="md" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {t('report.row', { row: row.rowNumber })}: {name}
          </Title>
          <RowStatusBadge status={row.status} />
        </Group>
        {row.errors.length ? (
          <List size="sm" spacing={2}>
            {row.errors.map((error, i) => (
              <List.Item key={i}>
                {error.column ? <Text span fw={600}>{`${error.column}: `}</Text> : null}
                {errorText(error, t)}
              </List.Item>
            ))}
          </List>
        ) : null}
        {row.candidates.length ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {t('report.candidates')}
            </Text>
            <List size="sm" spacing={2}>
              {row.candidates.map((c) => (
                <Candidate key={c.caseId ?? `row-${c.rowNumber}`} candidate={c} />
              ))}
            </List>
          </Stack>
        ) : null}
        {row.case ? (
          <Text size="sm">
            {t(row.status === 'CREATED' ? 'report.createdCase' : 'report.existingCase')}{' '}
            <Anchor component={Link} to={`/cases/${row.case.id}`}>
              {row.case.caseNumber}
            </Anchor>
          </Text>
        ) : null}
        {imported !== null ? (
          <Checkbox
            label={
              row.status === 'DUPLICATE'
                ? t('report.importAnyway', { row: row.rowNumber })
                : t('report.import', { row: row.rowNumber })
            }
            checked={imported}
            onChange={(event) => onImportedChange(event.currentTarget.checked)}
          />
        ) : null}
      </Stack>
    </Paper>
  );
}
