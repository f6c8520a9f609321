import { DuplicateCandidateListSchema, type DuplicateCandidate, type DuplicateQuery } from '@mprc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { casesKeys } from './cases-keys';

export function getDuplicates(
  query: Partial<DuplicateQuery>,
  { signal }: { signal?: AbortSignal } = {},
): Promise<DuplicateCandidate[]> {
  return apiGet('/api/v1/cases/duplicates', DuplicateCandidateListSchema, { query: { ...query }, signal });
}

/** The server needs a first or a last name; shorter than two letters matches too widely to help. */
export function canCheckDuplicates(query: Partial<DuplicateQuery>): boolean {
  return (query.lastName?.trim().length ?? 0) >= 2 || (query.firstName?.trim().length ?? 0) >= 2;
}

export function getDuplicatesQueryOptions(query: Partial<DuplicateQuery>) {
  return queryOptions({
    queryKey: casesKeys.duplicates(query),
    queryFn: ({ signal }) => getDuplicates(query, { signal }),
    enabled: canCheckDuplicates(query),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useDuplicates(query: Partial<DuplicateQuery>) {
  return useQuery(getDuplicatesQueryOptions(query));
}
