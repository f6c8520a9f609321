import { AuditPageSchema, type AuditEntryResponse, type Page } from '@mprc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { casesKeys } from './cases-keys';

export const HISTORY_PAGE_SIZE = 25;

export function getCaseHistory(
  id: string,
  page: number,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Page<AuditEntryResponse>> {
  return apiGet(`/api/v1/cases/${encodeURIComponent(id)}/history`, AuditPageSchema, {
    query: { page, pageSize: HISTORY_PAGE_SIZE },
    signal,
  });
}

export function getCaseHistoryQueryOptions(id: string, page: number) {
  return queryOptions({
    queryKey: casesKeys.history(id, page),
    queryFn: ({ signal }) => getCaseHistory(id, page, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCaseHistory(id: string, page: number) {
  return useQuery(getCaseHistoryQueryOptions(id, page));
}
