import { UserPageSchema, type UserResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { auditKeys } from './audit-keys';

/** Staff accounts to pick "who" from (the trail's readers may list accounts: user.read). */
export async function getActors({ signal }: { signal?: AbortSignal } = {}): Promise<UserResponse[]> {
  const page = await apiGet('/api/v1/users', UserPageSchema, { query: { page: 1, pageSize: 200 }, signal });
  return page.items;
}

export function getActorsQueryOptions() {
  return queryOptions({
    queryKey: auditKeys.actors(),
    queryFn: ({ signal }) => getActors({ signal }),
    staleTime: 5 * 60_000,
  });
}

export function useActors({ enabled }: { enabled: boolean }) {
  return useQuery({ ...getActorsQueryOptions(), enabled });
}
