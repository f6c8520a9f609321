import { OfficeListSchema, type Office } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { usersKeys } from './users-keys';

export function getOffices({ signal }: { signal?: AbortSignal } = {}): Promise<Office[]> {
  return apiGet('/api/v1/reference/offices', OfficeListSchema, { signal });
}

export function getOfficesQueryOptions() {
  return queryOptions({
    queryKey: usersKeys.offices(),
    queryFn: ({ signal }) => getOffices({ signal }),
    // Reference data changes only with a migration.
    staleTime: 60 * 60_000,
  });
}

export function useOffices({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...getOfficesQueryOptions(), enabled });
}
