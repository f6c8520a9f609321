import { SessionResponseSchema, type LoginRequest, type SessionResponse } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost, setCsrfToken } from '@/lib/api-client';
import { authKeys } from './auth-keys';

export async function login(body: LoginRequest): Promise<SessionResponse> {
  // A 401 here is a wrong password, not a session that ended.
  const session = await apiPost('/api/v1/auth/login', body, SessionResponseSchema, { notifyUnauthenticated: false });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => queryClient.setQueryData(authKeys.session(), session),
  });
}
