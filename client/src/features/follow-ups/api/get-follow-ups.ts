import { FollowUpPageSchema, type FollowUp, type Page } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { followUpsKeys, type FollowUpScope } from './follow-ups-keys';

// The server answers follow-ups due within 7 days or overdue: few enough for one page.
const PAGE_SIZE = 200;

export function getFollowUps(scope: FollowUpScope, { signal }: { signal?: AbortSignal } = {}): Promise<Page<FollowUp>> {
  return apiGet('/api/v1/follow-ups', FollowUpPageSchema, { query: { scope, pageSize: PAGE_SIZE }, signal });
}

export function getFollowUpsQueryOptions(scope: FollowUpScope) {
  return queryOptions({
    queryKey: followUpsKeys.list(scope),
    queryFn: ({ signal }) => getFollowUps(scope, { signal }),
  });
}

export function useFollowUps(scope: FollowUpScope) {
  return useQuery(getFollowUpsQueryOptions(scope));
}
