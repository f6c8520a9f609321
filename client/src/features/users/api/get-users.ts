import { UserPageSchema, type ListUsersQuery, type Page, type UserResponse } from '@mprc/contracts';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { usersKeys } from './users-keys';

export function getUsers(
  query: ListUsersQuery,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Page<UserResponse>> {
  return apiGet('/api/v1/users', UserPageSchema, { query: { ...query }, signal });
}

export function getUsersQueryOptions(query: ListUsersQuery) {
  return queryOptions({
    queryKey: usersKeys.list(query),
    queryFn: ({ signal }) => getUsers(query, { signal }),
    // The previous page stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
}

export function useUsers(query: ListUsersQuery) {
  return useQuery(getUsersQueryOptions(query));
}
