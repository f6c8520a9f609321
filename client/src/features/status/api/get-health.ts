import { HealthResponseSchema, type HealthResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { env } from '@/lib/env';
import { statusKeys } from './status-keys';

export function getHealth({ signal }: { signal?: AbortSignal } = {}): Promise<HealthResponse> {
  return apiGet('/api/health', HealthResponseSchema, { signal });
}

export function getHealthQueryOptions() {
  return queryOptions({
    queryKey: statusKeys.health(),
    queryFn: ({ signal }) => getHealth({ signal }),
    refetchInterval: env.VITE_STATUS_REFRESH_MS,
    staleTime: 0,
  });
}

export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
