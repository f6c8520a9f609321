import { Alert, Button, Card, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { localizedName, REFERENCE_FIELDS, type ImportField, type ImportResponse } from '@mprc/contracts';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/i18n';
import { useOffices } from '../api/imports';
import { FIELD_OPTIONS, mappingProblems, type MappingDraft } from '../utils/mapping';
import { SavedMappings } from './saved-mappings';

/** A field's name in the reader's language (references named by their system: ICRC, GCMP, ICMP). */
export function fieldLabel(field: ImportField, t: TFunction<'imports'>): string {
  const system = REFERENCE_FIELDS[field as keyof typeof REFERENCE_FIELDS];
  return system && system !== 'OTHER' ? t('fields.reference', { system }) : t(`fields.${field}` as 'fields.firstName');
}

interface MappingEditorProps {
  imp: ImportResponse;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  onRun: () => void;
  running: boolean;
  /** The draft differs from the last dry run's mapping. */
  changed: boolean;
}

/**
 * Each column of the file with a few of its values and the field it fills ("not imported" by
 * default), the office for rows without one, saved mappings, and the dry run.
 */
export function MappingEditor({ imp, draft, onChange, onRun, running, changed }: MappingEditorProps) {
  const { t } = useTranslation('imports');
  const { language } = useLanguage();
  const offices = useOffices();
  const problems = mappingProblems(draft.mapping);
  const fieldOptions = [
    { value: '', label: t('mapping.notImported') },
    ...FIELD_OPTIONS.map((field) => ({ value: field, label: fieldLabel(field, t) })),
  ];
  const setField = (column: string, field: string) => {
    const mapping = { ...draft.mapping };
    if (field) mapping[column] = field as ImportField;
    else delete mapping[column];
    onChange({ ...draft, mapping });
  };
  const examples = (index: number) =>
    [...new Set(imp.sampleRows.map((row) => row[index]).filter(Boolean))].slice(0, 3).join(', ');

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="import-mapping-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h4" id="import-mapping-title">
            {t('mapping.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mapping.description')}
          </Text>
        </Stack>

        <SavedMappings imp={imp} draft={draft} onApply={onChange} />

        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          {imp.columns.map((column, index) => {
            const sample = examples(index);
            return (
              <Paper key={column} withBorder p="sm">
                <NativeSelect
                  label={column}
                  description={sample ? t('mapping.examples', { values: sample }) : t('mapping.noExamples')}
                  data={fieldOptions}
                  value={draft.mapping[column] ?? ''}
                  onChange={(event) => setField(column, event.currentTarget.value)}
                  styles={{ label: { overflowWrap: 'anywhere' }, description: { overflowWrap: 'anywhere' } }}
                />
              </Paper>
            );
          })}
        </SimpleGrid>

        <NativeSelect
          label={t('mapping.defaultOffice')}
          description={t('mapping.defaultOfficeHint')}
          data={[
            { value: '', label: t('mapping.noOffice') },
            ...(offices.data ?? []).map((o) => ({ value: o.code, label: localizedName(o.names, language) })),
          ]}
          value={draft.defaultOfficeCode ?? ''}
          onChange={(event) => onChange({ ...draft, defaultOfficeCode: event.currentTarget.value || null })}
          maw={480}
        />

        {problems.length ? (
          <Alert color="red" variant="light" role="alert" title={t('mapping.problemsTitle')}>
            <List size="sm">
              {problems.map((p) => (
                <List.Item key={p.kind === 'required' ? p.field : `twice-${p.column}`}>
                  {p.kind === 'required'
                    ? t('mapping.problems.required', { field: fieldLabel(p.field, t) })
                    : t('mapping.problems.twice', { column: p.column })}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {changed && imp.usedMapping ? (
          <Alert color="yellow" variant="light">
            {t('mapping.changed')}
          </Alert>
        ) : null}

        <Group>
          <Button
            onClick={onRun}
            loading={running}
            disabled={problems.length > 0}
            leftSection={<IconPlayerPlay size={18} aria-hidden="true" />}
          >
            {imp.usedMapping ? t('mapping.runAgain') : t('mapping.run')}
          </Button>
          {running ? (
            <Text size="sm" role="status">
              {t('mapping.running', { count: imp.rowCount })}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
