import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiPost, setCsrfToken } from '@/lib/api-client';
import { authKeys } from './auth-keys';

/** Ends the session on the server. A session that had already ended counts as signed out. */
export async function logout(): Promise<void> {
  try {
    await apiPost('/api/v1/auth/logout', undefined, undefined, { notifyUnauthenticated: false });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
  setCsrfToken(null);
}

/**
 * Signs out, then forgets every cached answer (they belong to that user). When the server cannot
 * be reached the session may still be alive there, so nothing is forgotten and the caller says so.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Queries only: clearing the mutation cache too would fail this very mutation.
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.session(), null);
    },
  });
}
