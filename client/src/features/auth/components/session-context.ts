import type { SessionResponse, SessionUser } from '@mprc/contracts';
import { createContext, use } from 'react';
import { useSessionQuery } from '../api/get-session';

export type SignedOutReason = 'idle' | 'expired' | 'revoked';

/** The session ended while someone was working: the app keeps the page and asks to sign in again. */
export interface SignedOutNotice {
  reason: SignedOutReason;
  user: SessionUser;
  idleTimeoutMinutes: number;
}

export interface AuthContextValue {
  signedOut: SignedOutNotice | null;
  /** Called when someone signs in again from the signed-out dialog. */
  resumeSession: (session: SessionResponse) => void;
  /** Ends the session on purpose: no "signed out" dialog follows. */
  signOut: () => Promise<void>;
  signingOut: boolean;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuthContext(): AuthContextValue {
  const value = use(AuthContext);
  if (!value) throw new Error('useAuthContext needs <AuthProvider> above it');
  return value;
}

export type SessionStatus = 'loading' | 'error' | 'anonymous' | 'secondStep' | 'signedIn';

/** Signed in with the password, but the second factor (or its enrolment) is still to come. */
export function needsSecondStep(session: SessionResponse): boolean {
  return session.mfaRequired || session.mfaEnrollmentRequired;
}

/**
 * Who is signed in, from GET /api/v1/auth/me (401 means nobody). `user` is set only once both
 * sign-in steps are done. While the "signed out" dialog is open, `signedOut` names who was.
 */
export function useSession() {
  const query = useSessionQuery();
  const auth = use(AuthContext);
  const session = query.data ?? null;
  let status: SessionStatus;
  if (query.isPending) status = 'loading';
  else if (query.data === undefined) status = 'error';
  else if (!session) status = 'anonymous';
  else status = needsSecondStep(session) ? 'secondStep' : 'signedIn';
  return {
    status,
    session,
    user: status === 'signedIn' ? session!.user : null,
    error: query.error,
    refetch: query.refetch,
    isRefetching: query.isRefetching,
    signedOut: auth?.signedOut ?? null,
  };
}
