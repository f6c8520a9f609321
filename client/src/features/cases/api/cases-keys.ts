import type { CaseListQuery, DuplicateQuery } from '@mprc/contracts';

/** The API query of the case list as the page builds it (no defaults filled in). */
export type CaseListParams = Partial<CaseListQuery>;

// One key factory for the feature. A change to a case invalidates `casesKeys.detail(id)` (the
// record, its timeline and history) and `casesKeys.lists()`.
export const casesKeys = {
  all: ['cases'] as const,
  lists: () => [...casesKeys.all, 'list'] as const,
  list: (params: CaseListParams) => [...casesKeys.lists(), params] as const,
  details: () => [...casesKeys.all, 'detail'] as const,
  detail: (id: string) => [...casesKeys.details(), id] as const,
  timeline: (id: string) => [...casesKeys.detail(id), 'timeline'] as const,
  history: (id: string, page: number) => [...casesKeys.detail(id), 'history', page] as const,
  duplicates: (query: Partial<DuplicateQuery>) => [...casesKeys.all, 'duplicates', query] as const,
};

export const referenceKeys = {
  all: ['reference'] as const,
  list: (kind: 'municipalities' | 'communities' | 'offices') => [...referenceKeys.all, kind] as const,
  officers: (officeCode: string) => [...referenceKeys.all, 'officers', officeCode] as const,
};
