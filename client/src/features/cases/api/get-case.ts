import { CaseResponseSchema, type CaseResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { casesKeys } from './cases-keys';

/** One case by id or case number; a merged case answers with the surviving one (`resolvedFrom`). */
export function getCase(key: string, { signal }: { signal?: AbortSignal } = {}): Promise<CaseResponse> {
  return apiGet(`/api/v1/cases/${encodeURIComponent(key)}`, CaseResponseSchema, { signal });
}

export function getCaseQueryOptions(key: string) {
  return queryOptions({ queryKey: casesKeys.detail(key), queryFn: ({ signal }) => getCase(key, { signal }) });
}

export function useCase(key: string) {
  return useQuery(getCaseQueryOptions(key));
}
