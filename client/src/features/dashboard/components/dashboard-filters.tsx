import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { FATE_STATUSES, PartialDateBoundSchema, WORKFLOW_STATUSES, type CaseFilterKey } from '@mprc/contracts';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceOptions } from '../api/get-reference-options';
import { activeFilterCount, type DashboardFilters } from '../utils/dashboard-filters';

interface DashboardFilterFormProps {
  filters: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
}

const validDate = (v: string | undefined) => !v || PartialDateBoundSchema.safeParse(v).success;

/**
 * The case list's filters. Choices in a list apply at once; typed values (search text, dates)
 * apply with the button or Enter, so the figures don't reload on every key.
 */
export function DashboardFilterForm({ filters, onChange }: DashboardFilterFormProps) {
  const { t } = useTranslation('dashboard');
  const communities = useReferenceOptions('communities');
  const municipalities = useReferenceOptions('municipalities');
  const offices = useReferenceOptions('offices');
  // The typed fields (search text, dates) are edited here and applied together. When the address
  // changes from outside (back/forward, a link) they show its values; when the change is the one
  // this form just made, what is being typed is left alone (the router may render it a moment later).
  const fromAddress = {
    q: filters.q ?? '',
    missingFrom: filters.missingFrom ?? '',
    missingTo: filters.missingTo ?? '',
  };
  const addressKey = JSON.stringify(fromAddress);
  const [typed, setTyped] = useState(fromAddress);
  const [seenKey, setSeenKey] = useState(addressKey);
  const [ownKey, setOwnKey] = useState<string | null>(null);
  if (addressKey !== seenKey) {
    setSeenKey(addressKey);
    if (addressKey === ownKey) setOwnKey(null);
    else setTyped(fromAddress);
  }
  const apply = (next: DashboardFilters) => {
    setOwnKey(
      JSON.stringify({ q: next.q ?? '', missingFrom: next.missingFrom ?? '', missingTo: next.missingTo ?? '' }),
    );
    onChange(next);
  };
  const [submitted, setSubmitted] = useState(false);
  const dateError = (v: string) => (submitted && !validDate(v.trim()) ? t('filters.dateInvalid') : undefined);

  const set = (key: CaseFilterKey, value: string | null) => onChange({ ...filters, [key]: value ?? undefined });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const from = typed.missingFrom.trim();
    const to = typed.missingTo.trim();
    if (!validDate(from) || !validDate(to)) return;
    setSubmitted(false);
    apply({
      ...filters,
      q: typed.q.trim() || undefined,
      missingFrom: from || undefined,
      missingTo: to || undefined,
    });
  };
  const select = (key: CaseFilterKey, label: string, data: { value: string; label: string }[]) => (
    <Select
      label={label}
      placeholder={t('filters.any')}
      data={data}
      value={filters[key] ?? null}
      onChange={(value) => set(key, value)}
      clearable
      clearButtonProps={{ 'aria-label': t('filters.clearOne', { filter: label }) }}
      searchable={data.length > 8}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <form role="search" aria-label={t('filters.label')} onSubmit={submit} noValidate>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <TextInput
          label={t('filters.search')}
          value={typed.q}
          maxLength={200}
          leftSection={<IconSearch size={16} aria-hidden="true" />}
          onChange={(e) => setTyped({ ...typed, q: e.currentTarget.value })}
        />
        {select(
          'fateStatus',
          t('filters.fateStatus'),
          FATE_STATUSES.map((s) => ({ value: s, label: t(`fate.${s}`) })),
        )}
        {select(
          'workflowStatus',
          t('filters.workflowStatus'),
          WORKFLOW_STATUSES.map((s) => ({ value: s, label: t(`workflow.${s}`) })),
        )}
        {select('officeCode', t('filters.office'), offices)}
        {select('communityCode', t('filters.community'), communities)}
        {select('municipalityCode', t('filters.municipality'), municipalities)}
        <TextInput
          label={t('filters.missingFrom')}
          description={t('filters.dateHint')}
          value={typed.missingFrom}
          maxLength={10}
          inputMode="numeric"
          error={dateError(typed.missingFrom)}
          onChange={(e) => setTyped({ ...typed, missingFrom: e.currentTarget.value })}
        />
        <TextInput
          label={t('filters.missingTo')}
          description={t('filters.dateHint')}
          value={typed.missingTo}
          maxLength={10}
          inputMode="numeric"
          error={dateError(typed.missingTo)}
          onChange={(e) => setTyped({ ...typed, missingTo: e.currentTarget.value })}
        />
      </SimpleGrid>
      <Group gap="sm" mt="sm">
        <Button type="submit">{t('filters.apply')}</Button>
        {activeFilterCount(filters) > 0 ? (
          <Button
            variant="default"
            leftSection={<IconX size={16} aria-hidden="true" />}
            onClick={() => {
              setTyped({ q: '', missingFrom: '', missingTo: '' });
              apply({});
            }}
          >
            {t('filters.clear')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}
