// The signed-in pages, downloaded after sign-in (see lib/load-portal.ts).
import type { FamilySessionResponse } from '@mprc/contracts';
import { useEffect } from 'react';
import { call, lastActivity, setCsrfToken } from '../lib/api';
import { useSession } from '../lib/session';
import { CaseListPage } from './case-list-page';
import { CasePage } from './case-page';
import { ContactPage } from './contact-page';
import { MessagesPage } from './messages-page';
import { clearCache } from './use-api';

const GRACE_MS = 5_000;

export default function Portal({ path }: { path: string }) {
  useSignOutWhenIdle();
  // Nothing read while signed in outlives the session in memory.
  useEffect(() => () => clearCache(), []);

  const match = /^\/family\/cases\/([^/]+)(\/messages)?$/.exec(path);
  if (match) return match[2] ? <MessagesPage caseId={match[1]} /> : <CasePage key={match[1]} caseId={match[1]} />;
  if (path === '/family/contact') return <ContactPage />;
  return <CaseListPage />;
}

/**
 * The server ends a session after a while without requests. When that time has passed, ask the
 * server: a 401 takes the family to the calm "signed out" page instead of leaving their case on
 * the screen of a phone put down.
 */
function useSignOutWhenIdle(): void {
  const { session } = useSession();
  useEffect(() => {
    const idleMs = session.idleTimeoutMinutes * 60_000;
    const expiresAt = Date.parse(session.expiresAt);
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const schedule = () => {
      clearTimeout(timer);
      if (!live) return;
      const due = Math.min(lastActivity() + idleMs, expiresAt) + GRACE_MS - Date.now();
      timer = setTimeout(check, Math.max(due, 1_000));
    };
    const check = () => {
      if (Date.now() < Math.min(lastActivity() + idleMs, expiresAt)) return schedule();
      // A 401 reports the ended session to the app, which leaves the portal.
      call<FamilySessionResponse>('/me').then(({ csrfToken }) => {
        setCsrfToken(csrfToken);
        schedule();
      }, schedule);
    };
    schedule();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [session.idleTimeoutMinutes, session.expiresAt]);
}
