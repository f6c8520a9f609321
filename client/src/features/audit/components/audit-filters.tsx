import {
  Autocomplete,
  Badge,
  Button,
  Collapse,
  Group,
  Select,
  SimpleGrid,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFilter, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActors } from '../api/get-actors';
import { ACTION_SUGGESTIONS, ENTITY_TYPE_SUGGESTIONS } from '../utils/action-label';
import { AUDIT_FILTER_KEYS, type AuditFilterValues } from '../utils/audit-filters';

interface AuditFiltersProps {
  values: AuditFilterValues;
  canListActors: boolean;
  onApply: (values: AuditFilterValues) => void;
  /** On a phone the filters fold away behind a button, so the entries come first. */
  compact?: boolean;
}

/** Who, what, which record, when: applied together, kept in the URL. */
export function AuditFilters({ values, canListActors, onApply, compact = false }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const [draft, setDraft] = useState(values);
  const actors = useActors({ enabled: canListActors });
  const set = (key: keyof AuditFilterValues) => (value: string | null) =>
    setDraft((d) => ({ ...d, [key]: value ?? '' }));
  const actorOptions = (actors.data ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));
  if (draft.actorId && !actorOptions.some((option) => option.value === draft.actorId))
    actorOptions.unshift({ value: draft.actorId, label: draft.actorId });
  const active = AUDIT_FILTER_KEYS.filter((key) => values[key]).length;
  const any = active > 0;
  const [open, setOpen] = useState(!compact);
  const shown = open || !compact;

  const form = (
    <form
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" verticalSpacing="sm">
        {canListActors ? (
          <Select
            label={t('filters.actor')}
            placeholder={t('filters.anyone')}
            data={actorOptions}
            value={draft.actorId || null}
            onChange={set('actorId')}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('filters.clearValue') }}
            nothingFoundMessage={t('filters.noMatch')}
          />
        ) : (
          <TextInput
            label={t('filters.actorId')}
            value={draft.actorId}
            onChange={(event) => set('actorId')(event.currentTarget.value)}
          />
        )}
        <Autocomplete
          label={t('filters.action')}
          description={t('filters.actionHint', { example: 'auth.*' })}
          data={ACTION_SUGGESTIONS}
          value={draft.action}
          onChange={set('action')}
          spellCheck={false}
        />
        <Autocomplete
          label={t('filters.entityType')}
          data={ENTITY_TYPE_SUGGESTIONS}
          value={draft.entityType}
          onChange={set('entityType')}
          spellCheck={false}
        />
        <TextInput
          label={t('filters.entityId')}
          value={draft.entityId}
          onChange={(event) => set('entityId')(event.currentTarget.value)}
          spellCheck={false}
        />
        <TextInput
          type="date"
          label={t('filters.from')}
          value={draft.from}
          max={draft.to || undefined}
          onChange={(event) => set('from')(event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('filters.to')}
          value={draft.to}
          min={draft.from || undefined}
          onChange={(event) => set('to')(event.currentTarget.value)}
        />
      </SimpleGrid>
      <Group mt="sm" gap="sm">
        <Button type="submit" leftSection={<IconFilter size={16} aria-hidden="true" />}>
          {t('filters.apply')}
        </Button>
        {any ? (
          <Button
            variant="subtle"
            leftSection={<IconX size={16} aria-hidden="true" />}
            onClick={() => onApply(Object.fromEntries(AUDIT_FILTER_KEYS.map((key) => [key, ''])) as AuditFilterValues)}
          >
            {t('filters.clear')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
  if (!compact) return form;
  return (
    <div>
      <Button
        variant="default"
        leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden="true" />}
        rightSection={
          any ? (
            <Badge size="sm" circle aria-hidden="true">
              {active}
            </Badge>
          ) : null
        }
        aria-expanded={shown}
        aria-controls="audit-filters"
        onClick={() => setOpen((value) => !value)}
      >
        {shown ? t('filters.hide') : t('filters.show')}
        {any ? <VisuallyHidden>{` (${t('filters.activeCount', { count: active })})`}</VisuallyHidden> : null}
      </Button>
      <Collapse expanded={shown} id="audit-filters" mt="sm">
        {form}
      </Collapse>
    </div>
  );
}
