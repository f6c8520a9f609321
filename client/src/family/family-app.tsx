import type { FamilyProfile, FamilySessionResponse } from '@mprc/contracts';
import { Component, lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Header, type HeaderNav } from './components/header';
import { Loading } from './components/loading';
import { PageHeading } from './components/page-heading';
import { call, FamilyApiError, onSessionEnded, OfflineError, setCsrfToken } from './lib/api';
import { loadPortal } from './lib/load-portal';
import { currentPath, navigate, usePath } from './lib/router';
import { homePath, SessionContext, type FamilySession, type SessionContextValue } from './lib/session';
import { NotFoundPage } from './pages/not-found-page';
import { SignedOutPage } from './pages/signed-out-page';
import { SignInPage } from './pages/sign-in-page';
import classes from './family.module.css';

const Portal = lazy(loadPortal);

type State =
  | { kind: 'checking' }
  | { kind: 'unreachable' }
  | { kind: 'anonymous'; signedOut?: boolean }
  /** The server ended the session (idle timeout, a new code issued): say so before anything else. */
  | { kind: 'expired' }
  | { kind: 'signedIn'; session: FamilySession };

// Set while this tab is signed in: a reload that finds the session gone then says why.
const SIGNED_IN_KEY = 'mprc.family.signedIn';
function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) window.sessionStorage.setItem(SIGNED_IN_KEY, '1');
    else window.sessionStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // Storage may be disabled: then a reload simply shows the sign-in page.
  }
}
function wasSignedIn(): boolean {
  try {
    return window.sessionStorage.getItem(SIGNED_IN_KEY) === '1';
  } catch {
    return false;
  }
}

const PORTAL_PATH = /^\/family\/(cases(\/[^/]+(\/messages)?)?|contact)$/;

/** The family portal: session, pages by address, and the frame around them. */
export function FamilyApp() {
  const [state, setState] = useState<State>({ kind: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const path = usePath();
  const returnTo = useRef<string | null>(null);

  // Is there a session already (a reload, a link from an email)?
  useEffect(() => {
    let live = true;
    if (PORTAL_PATH.test(currentPath())) void loadPortal().catch(() => {});
    call<FamilySessionResponse>('/me', { sessionEvents: false }).then(
      ({ csrfToken, ...session }) => {
        setCsrfToken(csrfToken);
        rememberSignedIn(true);
        if (live) setState({ kind: 'signedIn', session });
      },
      (error: unknown) => {
        if (!live) return;
        // 401: nobody signed in; 403: a staff session in this browser, which is not a family's.
        if (!(error instanceof FamilyApiError && (error.status === 401 || error.status === 403)))
          return setState({ kind: 'unreachable' });
        if (wasSignedIn() && error.status === 401) {
          // This tab was signed in and the session ended meanwhile (a phone put down).
          rememberSignedIn(false);
          if (PORTAL_PATH.test(currentPath())) returnTo.current = currentPath();
          setState({ kind: 'expired' });
        } else setState({ kind: 'anonymous' });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  // The session ended while the family was reading: a calm page, then back to where they were.
  useEffect(
    () =>
      // Only the signed-in pages' requests report this.
      onSessionEnded(() => {
        setCsrfToken(null);
        rememberSignedIn(false);
        returnTo.current = currentPath();
        setState({ kind: 'expired' });
      }),
    [],
  );

  const signedIn = useCallback((response: FamilySessionResponse) => {
    const { csrfToken, ...session } = response;
    setCsrfToken(csrfToken);
    rememberSignedIn(true);
    setState({ kind: 'signedIn', session });
    const path = currentPath();
    const back = path === '/family/signed-out' || path === '/family';
    // Also on a deep link that stays put: the new page's heading takes the focus.
    navigate(back ? (returnTo.current ?? homePath(session)) : path, { replace: true });
    returnTo.current = null;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await call('/logout', { method: 'POST', sessionEvents: false });
    } catch (error) {
      // Already signed out on the server (401) is fine; otherwise say nothing worked.
      if (!(error instanceof FamilyApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    rememberSignedIn(false);
    setState({ kind: 'anonymous', signedOut: true });
    navigate('/family', { replace: true });
  }, []);

  const setProfile = useCallback((relative: FamilyProfile) => {
    setState((previous) =>
      previous.kind === 'signedIn' ? { kind: 'signedIn', session: { ...previous.session, relative } } : previous,
    );
  }, []);

  const session = state.kind === 'signedIn' ? state.session : null;
  const context = useMemo<SessionContextValue | null>(
    () => (session ? { session, setProfile, signOut } : null),
    [session, setProfile, signOut],
  );
  const nav: HeaderNav | undefined = session
    ? { home: homePath(session), severalCases: session.cases.length > 1, onSignOut: signOut }
    : undefined;

  let page: ReactNode;
  if (state.kind === 'checking') page = <Loading />;
  else if (state.kind === 'unreachable') page = <Unreachable onRetry={() => setAttempt((n) => n + 1)} />;
  else if (state.kind === 'expired' && path !== '/family/signed-out') page = <Redirect to="/family/signed-out" />;
  else if (path === '/family/signed-out')
    page = session ? <Redirect to={homePath(session)} /> : <SignedOutPage onSignedIn={signedIn} />;
  else if (path === '/family')
    page = session ? (
      <Redirect to={homePath(session)} />
    ) : (
      <SignInPage onSignedIn={signedIn} signedOut={state.kind === 'anonymous' && state.signedOut} />
    );
  else if (PORTAL_PATH.test(path))
    page =
      session && context ? (
        <SessionContext.Provider value={context}>
          <Suspense fallback={<Loading />}>
            <Portal path={path} />
          </Suspense>
        </SessionContext.Provider>
      ) : (
        <SignInPage onSignedIn={signedIn} />
      );
  else page = <NotFoundPage home={session ? homePath(session) : '/family'} />;

  return (
    <>
      <a href="#main" className={classes.skipLink}>
        <SkipText />
      </a>
      <Header nav={nav} />
      <main id="main" tabIndex={-1} className={classes.container}>
        <ErrorBoundary key={path}>{page}</ErrorBoundary>
      </main>
    </>
  );
}

function SkipText() {
  const { t } = useTranslation('common');
  return t('skipToContent');
}

function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return <Loading />;
}

function Unreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation('family');
  return (
    <>
      <PageHeading documentTitle={t('title')}>{t('title')}</PageHeading>
      <p role="alert" className={classes.alert}>
        {t('errors.offline')}
      </p>
      <button type="button" className={classes.primaryButton} onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </>
  );
}

function Broken() {
  const { t } = useTranslation('family');
  return (
    <>
      <PageHeading documentTitle={t('errors.title')}>{t('errors.title')}</PageHeading>
      <p className={classes.lead}>{t('errors.unexpected')}</p>
      <button type="button" className={classes.primaryButton} onClick={() => window.location.reload()}>
        {t('errors.reload')}
      </button>
    </>
  );
}

/** A page that failed to render (or its chunk failed to download) shows a calm way out. */
class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override componentDidCatch(error: unknown): void {
    if (!(error instanceof OfflineError)) console.error(error);
  }
  override render() {
    return this.state.failed ? <Broken /> : this.props.children;
  }
}
