import { ActionIcon, Button, Checkbox, Collapse, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { FATE_STATUSES, WORKFLOW_STATUSES } from '@mprc/contracts';
import { IconAdjustmentsHorizontal, IconArrowRight, IconSearch, IconX } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReferenceOptions } from '../api/get-reference-data';
import { activeFilterCount, type CaseListState } from '../utils/list-search-params';
import type { UpdateOptions } from '../utils/use-case-list-state';
import { PartialDateInput } from './partial-date-input';

interface CaseListFiltersProps {
  state: CaseListState;
  update: (patch: Partial<CaseListState>, options?: UpdateOptions) => void;
  /** Managers see every office's cases and may filter by office. */
  showOffice: boolean;
}

const SEARCH_DELAY_MS = 400;

/** The search box: searches as the officer types (replacing the history entry), or at once on Enter. */
function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string, options?: UpdateOptions) => void }) {
  const { t } = useTranslation('cases');
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  // Back/forward changed the address: show its search text.
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  const searchLater = useDebouncedCallback((next: string) => {
    // The first letters start a new entry in the history; the following ones refine it.
    onSearch(next, { replace: value.trim() !== '' && next.trim() !== '' });
  }, SEARCH_DELAY_MS);

  return (
    <form
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        searchLater.cancel();
        onSearch(text);
      }}
    >
      <TextInput
        type="search"
        label={t('list.search.label')}
        description={t('list.search.description', { examples: 'Gashi, Gaši, Гаши' })}
        value={text}
        maxLength={200}
        leftSection={<IconSearch size={18} aria-hidden="true" />}
        rightSection={
          <ActionIcon type="submit" variant="filled" size="lg" aria-label={t('list.search.submit')}>
            <IconArrowRight size={18} aria-hidden="true" />
          </ActionIcon>
        }
        rightSectionWidth={44}
        rightSectionPointerEvents="all"
        onChange={(event) => {
          const next = event.currentTarget.value;
          setText(next);
          searchLater(next);
        }}
      />
    </form>
  );
}

export function CaseListFilters({ state, update, showOffice }: CaseListFiltersProps) {
  const { t } = useTranslation('cases');
  const isMobile = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const count = activeFilterCount(state);
  const [opened, { toggle }] = useDisclosure(false);
  const panelId = useId();
  const communities = useReferenceOptions('communities');
  const municipalities = useReferenceOptions('municipalities');
  const offices = useReferenceOptions('offices');

  const select =
    (key: 'fateStatus' | 'workflowStatus' | 'communityCode' | 'municipalityCode' | 'officeCode') =>
    (value: string | null) =>
      update({ [key]: value ?? undefined });

  const filters = (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('labels.fate')}
          placeholder={t('list.filters.any')}
          data={FATE_STATUSES.map((value) => ({ value, label: t(`fate.${value}`) }))}
          value={state.fateStatus ?? null}
          onChange={select('fateStatus')}
          clearable
          clearButtonProps={{ 'aria-label': t('list.filters.clear', { filter: t('labels.fate') }) }}
        />
        <Select
          label={t('labels.workflow')}
          placeholder={t('list.filters.any')}
          data={WORKFLOW_STATUSES.map((value) => ({ value, label: t(`workflow.${value}`) }))}
          value={state.workflowStatus ?? null}
          onChange={select('workflowStatus')}
          clearable
          clearButtonProps={{ 'aria-label': t('list.filters.clear', { filter: t('labels.workflow') }) }}
        />
        <Select
          label={t('labels.community')}
          placeholder={t('list.filters.any')}
          data={communities.options}
          value={state.communityCode ?? null}
          onChange={select('communityCode')}
          clearable
          clearButtonProps={{ 'aria-label': t('list.filters.clear', { filter: t('labels.community') }) }}
        />
        <Select
          label={t('list.filters.municipality')}
          placeholder={t('list.filters.any')}
          data={municipalities.options}
          value={state.municipalityCode ?? null}
          onChange={select('municipalityCode')}
          searchable
          nothingFoundMessage={t('list.filters.nothingFound')}
          clearable
          clearButtonProps={{ 'aria-label': t('list.filters.clear', { filter: t('list.filters.municipality') }) }}
        />
        {showOffice ? (
          <Select
            label={t('labels.office')}
            placeholder={t('list.filters.any')}
            data={offices.options}
            value={state.officeCode ?? null}
            onChange={select('officeCode')}
            clearable
            clearButtonProps={{ 'aria-label': t('list.filters.clear', { filter: t('labels.office') }) }}
          />
        ) : null}
        <PartialDateInput
          label={t('list.filters.missingFrom')}
          value={state.missingFrom ?? ''}
          onCommit={(value) => update({ missingFrom: value || undefined })}
          hint={t('dates.partialHintShort')}
          allowFuture
        />
        <PartialDateInput
          label={t('list.filters.missingTo')}
          value={state.missingTo ?? ''}
          onCommit={(value) => update({ missingTo: value || undefined })}
          hint={t('dates.partialHintShort')}
          allowFuture
        />
      </SimpleGrid>
      <Group justify="space-between" gap="sm">
        <Checkbox
          label={t('list.filters.mine')}
          checked={state.mine}
          onChange={(event) => update({ mine: event.currentTarget.checked })}
        />
        {count > 0 ? (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconX size={16} aria-hidden="true" />}
            onClick={() =>
              update({
                fateStatus: undefined,
                workflowStatus: undefined,
                communityCode: undefined,
                municipalityCode: undefined,
                officeCode: undefined,
                missingFrom: undefined,
                missingTo: undefined,
                mine: false,
              })
            }
          >
            {t('list.filters.clearAll')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );

  return (
    <Stack gap="sm">
      <SearchBox value={state.q} onSearch={(q, options) => update({ q }, options)} />
      {isMobile ? (
        <>
          <Button
            variant="default"
            leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden="true" />}
            onClick={toggle}
            aria-expanded={opened}
            aria-controls={panelId}
            style={{ alignSelf: 'flex-start' }}
          >
            {count > 0 ? t('list.filters.toggleWithCount', { count }) : t('list.filters.toggle')}
          </Button>
          <Collapse expanded={opened} id={panelId}>
            {filters}
          </Collapse>
        </>
      ) : (
        <section aria-label={t('list.filters.label')}>{filters}</section>
      )}
    </Stack>
  );
}
