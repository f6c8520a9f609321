import { RelativeListSchema, type RelativeResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { relativesKeys } from './relatives-keys';

export function getRelatives(caseId: string, { signal }: { signal?: AbortSignal } = {}): Promise<RelativeResponse[]> {
  return apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/relatives`, RelativeListSchema, { signal });
}

export function getRelativesQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: relativesKeys.list(caseId),
    queryFn: ({ signal }) => getRelatives(caseId, { signal }),
  });
}

export function useRelatives(caseId: string, enabled = true) {
  return useQuery({ ...getRelativesQueryOptions(caseId), enabled: enabled && caseId !== '' });
}
