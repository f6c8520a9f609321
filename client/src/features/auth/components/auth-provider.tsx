import type { SessionResponse } from '@mprc/contracts';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { onUnauthenticated } from '@/lib/api-client';
import { RoleContext } from '@/lib/authorization';
import { errorMessageKey } from '@/lib/error-message';
import { authKeys } from '../api/auth-keys';
import { getSessionQueryOptions, useSessionQuery } from '../api/get-session';
import { useLogout } from '../api/logout';
import { signedOutReason } from '../utils/signed-out-reason';
import { IdleWarning, type IdleWarningKind } from './idle-warning';
import { AuthContext, needsSecondStep, type AuthContextValue, type SignedOutNotice } from './session-context';
import { SignedOutDialog } from './signed-out-dialog';

// The server may end an idle session up to 30 s before the app's own count (it writes the last
// activity at most every 30 s): warn a minute before the earliest moment it can end.
const SERVER_LAG_MS = 30_000;
const WARN_BEFORE_MS = 60_000;
const CHECK_AFTER_MS = 2_000;

/**
 * Session state for the staff app: the role for `can()`, the "signed out" dialog when a session
 * ends under someone's feet (idle, 12-hour limit, revoked), the warning before the idle timeout,
 * and signing out on purpose.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data: session } = useSessionQuery();
  const logout = useLogout();
  const [signedOut, setSignedOut] = useState<SignedOutNotice | null>(null);
  const [signingOut, setSigningOut] = useState(false);
  const [warning, setWarning] = useState<{ kind: IdleWarningKind; endsAt: number } | null>(null);
  const [schedule, setSchedule] = useState(0);
  // The last session with both sign-in steps done, and when the server last heard from us.
  const active = useRef<SessionResponse | null>(null);
  const lastActivity = useRef(0);

  const fullSession = session && !needsSecondStep(session) ? session : null;
  useEffect(() => {
    if (!fullSession) return;
    // The session was just loaded or changed hands: the server has just heard from us.
    if (active.current?.user.id !== fullSession.user.id) lastActivity.current = Date.now();
    active.current = fullSession;
  }, [fullSession]);

  const noticeSignedOut = useCallback(() => {
    const previous = active.current;
    if (!previous) return;
    active.current = null;
    setWarning(null);
    setSignedOut({
      user: previous.user,
      reason: signedOutReason(previous, lastActivity.current, Date.now()),
      idleTimeoutMinutes: previous.idleTimeoutMinutes,
    });
  }, []);

  // Any request answering 401, or the session itself turning up empty, while someone was signed in.
  useEffect(() => onUnauthenticated(noticeSignedOut), [noticeSignedOut]);
  useEffect(() => {
    if (session === null) noticeSignedOut();
  }, [session, noticeSignedOut]);

  // Every answer from the server is activity that keeps the session alive there.
  useEffect(() => {
    const touch = () => {
      const now = Date.now();
      const previous = lastActivity.current;
      lastActivity.current = now;
      setWarning((current) => (current?.kind === 'idle' ? null : current));
      if (now - previous > 10_000) setSchedule((n) => n + 1);
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success') return;
      // "Nobody is signed in" (the session query's null) is an answer, not activity.
      if (event.query.queryKey[0] === authKeys.all[0] && event.query.state.data === null) return;
      touch();
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') touch();
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);

  const checkSession = useCallback(
    () => queryClient.fetchQuery({ ...getSessionQueryOptions(), staleTime: 0 }).catch(() => undefined),
    [queryClient],
  );

  // Warn before the session ends, then ask the server once it should have: a session that ended
  // shows the "signed out" dialog at once, over the page, instead of at the next click.
  useEffect(() => {
    if (!fullSession || signedOut) return;
    const now = Date.now();
    const idleEnd = lastActivity.current + fullSession.idleTimeoutMinutes * 60_000;
    const absoluteEnd = Date.parse(fullSession.expiresAt);
    const kind: IdleWarningKind = absoluteEnd <= idleEnd - SERVER_LAG_MS ? 'absolute' : 'idle';
    const earliestEnd = Math.min(idleEnd - SERVER_LAG_MS, absoluteEnd);
    const checkAt = Math.min(idleEnd, absoluteEnd) + CHECK_AFTER_MS;
    const warnTimer = setTimeout(
      () => setWarning({ kind, endsAt: earliestEnd }),
      Math.max(0, earliestEnd - WARN_BEFORE_MS - now),
    );
    const checkTimer = setTimeout(
      () => {
        // Activity since this was scheduled moves the deadline: schedule again instead.
        if (Date.now() < Math.min(lastActivity.current + fullSession.idleTimeoutMinutes * 60_000, absoluteEnd)) {
          setSchedule((n) => n + 1);
          return;
        }
        void checkSession();
      },
      Math.max(0, checkAt - now),
    );
    return () => {
      clearTimeout(warnTimer);
      clearTimeout(checkTimer);
    };
  }, [fullSession, signedOut, schedule, checkSession]);

  const resumeSession = useCallback(
    (next: SessionResponse) => {
      const previous = signedOut?.user;
      lastActivity.current = Date.now();
      setSignedOut(null);
      if (previous && previous.id === next.user.id) {
        // Same person: the page stays as it was; what failed meanwhile is asked again.
        void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
      } else {
        // Someone else: nothing of the previous user's data may stay on screen or in the cache.
        queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
        void navigate('/', { replace: true });
      }
    },
    [navigate, queryClient, signedOut],
  );

  const signOut = useCallback(async () => {
    const previous = active.current;
    active.current = null;
    setSigningOut(true);
    setWarning(null);
    try {
      await logout.mutateAsync();
      setSignedOut(null);
      // The flag stays up until someone signs in again: the route change to /login renders in a
      // transition, after any plain state update, so lowering it here would let the page being
      // left redirect to /login?returnTo=<itself> first.
      await navigate('/login', { replace: true });
    } catch (error) {
      active.current = previous;
      setSigningOut(false);
      notifications.show({ color: 'red', title: t('signOut.failed'), message: tCommon(errorMessageKey(error)) });
    }
  }, [logout, navigate, t, tCommon]);

  const leaving = signingOut && (logout.isPending || !fullSession);
  const value = useMemo<AuthContextValue>(
    () => ({ signedOut, resumeSession, signOut, signingOut: leaving }),
    [signedOut, resumeSession, signOut, leaving],
  );
  const role = fullSession?.user.role ?? signedOut?.user.role ?? null;

  return (
    <AuthContext value={value}>
      <RoleContext value={role}>
        {children}
        {signedOut ? <SignedOutDialog notice={signedOut} onSignedIn={resumeSession} /> : null}
        {warning && fullSession && !signedOut ? (
          <IdleWarning
            kind={warning.kind}
            endsAt={warning.endsAt}
            onStay={() => void checkSession()}
            onDismiss={() => setWarning(null)}
            onSignOut={() => void signOut()}
          />
        ) : null}
      </RoleContext>
    </AuthContext>
  );
}
