import { SessionResponseSchema, type SessionResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, apiGet, setCsrfToken } from '@/lib/api-client';
import { authKeys } from './auth-keys';

/**
 * The signed-in user and the CSRF token, or null when nobody is signed in (401). The CSRF token
 * lives in memory only, so every load of the session (after a reload, too) puts it in the store.
 */
export async function getSession({ signal }: { signal?: AbortSignal } = {}): Promise<SessionResponse | null> {
  try {
    const session = await apiGet('/api/v1/auth/me', SessionResponseSchema, { signal, notifyUnauthenticated: false });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function getSessionQueryOptions() {
  return queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => getSession({ signal }),
    // Asking again on focus after a while notices a session that ended meanwhile (and counts as
    // activity, which it is). Sign-in and sign-out write the cache directly.
    staleTime: 5 * 60_000,
  });
}

export function useSessionQuery() {
  return useQuery(getSessionQueryOptions());
}
