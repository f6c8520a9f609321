import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { authKeys } from '@/features/auth';

/** Removes the authenticator; the password proves it is really me at the keyboard. */
export function disableMfa(body: { password: string }): Promise<void> {
  return apiRequest('/api/v1/auth/mfa', { method: 'DELETE', body });
}

export function useDisableMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableMfa,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.session() }),
  });
}
