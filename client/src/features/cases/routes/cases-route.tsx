import { Button, Group, Pagination, Select, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { CASE_SORTS, type CaseSort } from '@mprc/contracts';
import { IconFolderSearch, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/loading-state';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { useCan, useRole } from '@/lib/authorization';
import { useCases } from '../api/get-cases';
import { CaseListFilters } from '../components/case-list-filters';
import { CaseResults } from '../components/case-results';
import { EmptyResult } from '../components/empty-result';
import { activeFilterCount, effectiveSort, PAGE_SIZES, toApiParams } from '../utils/list-search-params';
import { useCaseListState } from '../utils/use-case-list-state';

export function CasesRoute() {
  const { t } = useTranslation('cases');
  const [state, update] = useCaseListState();
  const params = toApiParams(state);
  const cases = useCases(params);
  const canCreate = useCan('case.create');
  // Managers see every office (the server's case scope); officers only their own.
  const showOffice = useRole() === 'MANAGER';
  const isMobile = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const sort = effectiveSort(state);
  const sortOptions = CASE_SORTS.filter((option) => option !== 'relevance' || state.q.trim()).map((value) => ({
    value,
    label: t(`list.sort.${value}`),
  }));
  // A lower-bound total ("1,000+ cases", a name search whose exact matches fill the page) has
  // more behind it: one page more than it covers stays reachable, and the server counts again there.
  const lowerBound = cases.data?.totalIsLowerBound ?? false;
  const totalPages = cases.data
    ? Math.max(1, Math.ceil(cases.data.total / cases.data.pageSize) + (lowerBound ? 1 : 0))
    : 1;
  const filtered = state.q.trim() !== '' || activeFilterCount(state) > 0;

  return (
    <Page
      title={t('list.title')}
      actions={
        canCreate ? (
          <Button component={Link} to="/cases/new" leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('list.newCase')}
          </Button>
        ) : null
      }
    >
      <CaseListFilters state={state} update={update} showOffice={showOffice} />

      <Stack gap="sm" component="section" aria-labelledby="case-results-count" aria-busy={cases.isFetching}>
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Text id="case-results-count" role="status" fw={600}>
              {cases.data
                ? lowerBound
                  ? t('list.results.countAtLeast', { count: cases.data.total })
                  : t('list.results.count', { count: cases.data.total })
                : cases.isPending
                  ? t('list.results.loading')
                  : ''}
            </Text>
            {lowerBound ? (
              <Text size="sm" c="dimmed">
                {t('list.results.moreThanCounted')}
              </Text>
            ) : null}
          </Stack>
          <Select
            label={t('list.sort.label')}
            data={sortOptions}
            value={sort}
            onChange={(value) => value && update({ sort: value as CaseSort }, { replace: false })}
            allowDeselect={false}
            w={{ base: '100%', xs: 260 }}
          />
        </Group>

        {cases.isError ? (
          <QueryErrorAlert
            title={t('list.results.error')}
            error={cases.error}
            onRetry={() => void cases.refetch()}
            retrying={cases.isFetching}
          />
        ) : cases.isPending ? (
          <LoadingState label={t('list.results.loading')} />
        ) : cases.data.items.length === 0 ? (
          <EmptyResult
            icon={<IconFolderSearch size={28} aria-hidden="true" />}
            title={filtered ? t('list.empty.filteredTitle') : t('list.empty.title')}
            description={filtered ? t('list.empty.filteredDescription') : t('list.empty.description')}
          />
        ) : (
          <>
            <CaseResults items={cases.data.items} q={state.q} layout={isMobile ? 'cards' : 'table'} />
            <Group justify="space-between" gap="sm">
              <Pagination
                total={totalPages}
                value={Math.min(state.page, totalPages)}
                onChange={(page) => update({ page })}
                siblings={isMobile ? 0 : 1}
                boundaries={1}
                size={isMobile ? 'sm' : 'md'}
                getControlProps={(control) => ({ 'aria-label': t(`list.pagination.${control}`) })}
                getItemProps={(page) => ({ 'aria-label': t('list.pagination.page', { page }) })}
                aria-label={t('list.pagination.label')}
                component="nav"
              />
              <Select
                label={t('list.pagination.pageSize')}
                data={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
                value={String(state.pageSize)}
                onChange={(value) => value && update({ pageSize: Number(value) })}
                allowDeselect={false}
                w={120}
              />
            </Group>
          </>
        )}
      </Stack>
    </Page>
  );
}
