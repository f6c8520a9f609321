import { ReadyResponseSchema, type ReadyResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { env } from '@/lib/env';
import { statusKeys } from './status-keys';

/** Readiness; a 503 carries the same body (database down) and is data, not an error. */
export function getReady({ signal }: { signal?: AbortSignal } = {}): Promise<ReadyResponse> {
  return apiGet('/api/ready', ReadyResponseSchema, { signal, acceptStatuses: [503] });
}

export function getReadyQueryOptions() {
  return queryOptions({
    queryKey: statusKeys.ready(),
    queryFn: ({ signal }) => getReady({ signal }),
    refetchInterval: env.VITE_STATUS_REFRESH_MS,
    staleTime: 0,
  });
}

export function useReady() {
  return useQuery(getReadyQueryOptions());
}
