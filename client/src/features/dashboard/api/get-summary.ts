import { ReportSummarySchema, type ReportGroupBy, type ReportSummary, type UiLanguage } from '@mprc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { useLanguage } from '@/lib/i18n';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { dashboardKeys } from './dashboard-keys';

export function getSummary(
  groupBy: ReportGroupBy,
  filters: DashboardFilters,
  lang: UiLanguage,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ReportSummary> {
  return apiGet('/api/v1/reports/summary', ReportSummarySchema, { signal, query: { ...filters, groupBy, lang } });
}

export function getSummaryQueryOptions(groupBy: ReportGroupBy, filters: DashboardFilters, lang: UiLanguage) {
  return queryOptions({
    queryKey: dashboardKeys.summary(groupBy, filters, lang),
    queryFn: ({ signal }) => getSummary(groupBy, filters, lang, { signal }),
    // Changing a filter keeps the previous chart on screen until the new counts arrive.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Counts by one dimension, labelled in the interface language. */
export function useSummary(groupBy: ReportGroupBy, filters: DashboardFilters) {
  const { language } = useLanguage();
  return useQuery(getSummaryQueryOptions(groupBy, filters, language));
}
