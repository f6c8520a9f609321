import { SessionResponseSchema, type MfaVerifyRequest, type SessionResponse } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost, setCsrfToken } from '@/lib/api-client';
import { authKeys } from './auth-keys';

/** Second sign-in step: a code from the authenticator app or a one-time recovery code. */
export async function verifyMfa(body: MfaVerifyRequest): Promise<SessionResponse> {
  const session = await apiPost('/api/v1/auth/mfa/verify', body, SessionResponseSchema, {
    notifyUnauthenticated: false,
  });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useVerifyMfa() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyMfa,
    onSuccess: (session) => queryClient.setQueryData(authKeys.session(), session),
  });
}
