import { AuditPageSchema, type AuditEntryResponse, type AuditQuery, type Page } from '@mprc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { auditKeys } from './audit-keys';

export function getAudit(
  query: AuditQuery,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Page<AuditEntryResponse>> {
  return apiGet('/api/v1/audit', AuditPageSchema, { query: { ...query }, signal });
}

export function getAuditQueryOptions(query: AuditQuery) {
  return queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => getAudit(query, { signal }),
    placeholderData: keepPreviousData,
    // The trail grows all the time; a revisit asks again.
    staleTime: 0,
  });
}

export function useAudit(query: AuditQuery) {
  return useQuery(getAuditQueryOptions(query));
}
