import {
  CASE_FILTER_KEYS,
  CaseFiltersSchema,
  drillDownFilter,
  type CaseFilterKey,
  type ReportGroupBy,
} from '@mprc/contracts';

// The dashboard keeps its filters in the address, under the case list's own parameter names, so a
// dashboard link can be shared and a chart's bar opens /cases with the same query string plus the
// bar's own filter. A value that is not valid (an old bookmark, a hand-edited link) is dropped.

export type DashboardFilters = Partial<Record<CaseFilterKey, string>>;

const SHAPE = CaseFiltersSchema.shape;

export function parseDashboardFilters(search: URLSearchParams): DashboardFilters {
  const filters: DashboardFilters = {};
  for (const key of CASE_FILTER_KEYS) {
    const raw = search.get(key);
    if (raw === null || raw.trim() === '') continue;
    if (SHAPE[key].safeParse(raw).success) filters[key] = key === 'q' ? raw.slice(0, 200) : raw;
  }
  // A range the wrong way round is dropped whole (the API would refuse it).
  if (!CaseFiltersSchema.safeParse(filters).success) {
    delete filters.missingFrom;
    delete filters.missingTo;
  }
  return filters;
}

/** The address of a filter set: empty values left out, keys in the case list's order. */
export function dashboardSearch(filters: DashboardFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of CASE_FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) search.set(key, value);
  }
  return search;
}

export function activeFilterCount(filters: DashboardFilters): number {
  return CASE_FILTER_KEYS.filter((key) => filters[key]).length;
}

/**
 * The case list showing the cases behind one row of a breakdown: the dashboard's filters with the
 * row's own filter on top; null when the case list cannot filter by it (sex, age group) or the
 * row has no cases.
 */
export function caseListLink(
  groupBy: ReportGroupBy,
  key: string | null,
  count: number,
  filters: DashboardFilters,
): string | null {
  if (count === 0) return null;
  const drill = drillDownFilter(groupBy, key);
  if (!drill) return null;
  return `/cases?${dashboardSearch({ ...filters, ...drill }).toString()}`;
}
