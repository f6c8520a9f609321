import { ReportOfficersSchema, type ReportOfficers } from '@mprc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { dashboardKeys } from './dashboard-keys';

export function getOfficers(
  filters: DashboardFilters,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ReportOfficers> {
  return apiGet('/api/v1/reports/officers', ReportOfficersSchema, { signal, query: { ...filters } });
}

export function getOfficersQueryOptions(filters: DashboardFilters) {
  return queryOptions({
    queryKey: dashboardKeys.officers(filters),
    queryFn: ({ signal }) => getOfficers(filters, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Per liaison officer: open cases and overdue follow-ups among the filtered cases. */
export function useOfficers(filters: DashboardFilters) {
  return useQuery(getOfficersQueryOptions(filters));
}
