import { CasePageSchema, type CasePage } from '@mprc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { casesKeys, type CaseListParams } from './cases-keys';

export function getCases(params: CaseListParams, { signal }: { signal?: AbortSignal } = {}): Promise<CasePage> {
  return apiGet('/api/v1/cases', CasePageSchema, { query: { ...params }, signal });
}

export function getCasesQueryOptions(params: CaseListParams) {
  return queryOptions({
    queryKey: casesKeys.list(params),
    queryFn: ({ signal }) => getCases(params, { signal }),
    // Keep the previous page on screen while the next one loads (no flash of an empty table).
    placeholderData: keepPreviousData,
  });
}

export function useCases(params: CaseListParams) {
  return useQuery(getCasesQueryOptions(params));
}
