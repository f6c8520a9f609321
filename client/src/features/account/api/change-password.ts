import type { ChangePasswordRequest } from '@mprc/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';

/** Changes my password; my other sessions end, this one stays. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return apiPost('/api/v1/auth/password', body);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
