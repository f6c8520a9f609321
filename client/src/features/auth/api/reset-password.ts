import type { ResetPasswordRequest } from '@mprc/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';

/** Sets a new password with the one-time code an administrator issued (no session needed). */
export function resetPassword(body: ResetPasswordRequest): Promise<void> {
  return apiPost('/api/v1/auth/reset-password', body, undefined, { notifyUnauthenticated: false });
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
