import { ListUsersQuerySchema, type ListUsersQuery } from '@mprc/contracts';

export const USERS_PAGE_SIZE = 25;
const KEYS = ['q', 'role', 'officeCode', 'active', 'page'] as const;
type FilterKey = (typeof KEYS)[number];

/** The list's filters from the URL; a value the schema refuses is left out, not an error. */
export function filtersFromSearch(params: URLSearchParams): ListUsersQuery {
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const value = params.get(key === 'officeCode' ? 'office' : key);
    if (value == null || value === '') continue;
    const field = ListUsersQuerySchema.shape[key];
    if (field.safeParse(value).success) raw[key] = value;
  }
  return ListUsersQuerySchema.parse({ ...raw, pageSize: USERS_PAGE_SIZE });
}

/** Sets (or clears, with null) filters in the URL; any filter change goes back to page 1. */
export function withFilter(params: URLSearchParams, key: FilterKey, value: string | null): URLSearchParams {
  const next = new URLSearchParams(params);
  const name = key === 'officeCode' ? 'office' : key;
  if (value == null || value === '' || (key === 'page' && value === '1')) next.delete(name);
  else next.set(name, value);
  if (key !== 'page') next.delete('page');
  return next;
}
