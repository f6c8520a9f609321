import { UserPageSchema, type UserResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { referenceKeys } from './cases-keys';

/** Active liaison officers of an office (for assigning a case; needs `user.read`). */
export async function getOfficers(
  officeCode: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<UserResponse[]> {
  const page = await apiGet('/api/v1/users', UserPageSchema, {
    query: { role: 'LIAISON_OFFICER', officeCode, active: 'true', pageSize: 200 },
    signal,
  });
  return page.items;
}

export function getOfficersQueryOptions(officeCode: string) {
  return queryOptions({
    queryKey: referenceKeys.officers(officeCode),
    queryFn: ({ signal }) => getOfficers(officeCode, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useOfficers(officeCode: string, enabled = true) {
  return useQuery({ ...getOfficersQueryOptions(officeCode), enabled });
}
