import { ReportTimeseriesSchema, type ReportTimeseries } from '@mprc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { dashboardKeys } from './dashboard-keys';

/** The last twelve months (office calendar) of the filtered cases. */
export function getTimeseries(
  filters: DashboardFilters,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ReportTimeseries> {
  return apiGet('/api/v1/reports/timeseries', ReportTimeseriesSchema, { signal, query: { ...filters } });
}

export function getTimeseriesQueryOptions(filters: DashboardFilters) {
  return queryOptions({
    queryKey: dashboardKeys.timeseries(filters),
    queryFn: ({ signal }) => getTimeseries(filters, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useTimeseries(filters: DashboardFilters) {
  return useQuery(getTimeseriesQueryOptions(filters));
}
