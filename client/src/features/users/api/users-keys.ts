import type { ListUsersQuery } from '@mprc/contracts';

// One key factory for the feature: invalidate `usersKeys.all` after any change to an account.
export const usersKeys = {
  all: ['users'] as const,
  lists: () => [...usersKeys.all, 'list'] as const,
  list: (query: ListUsersQuery) => [...usersKeys.lists(), query] as const,
  offices: () => [...usersKeys.all, 'offices'] as const,
};
