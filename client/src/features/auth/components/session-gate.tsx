import { Navigate, Outlet, useLocation, useMatches } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { loginPath } from '../utils/return-to';
import { useAuthContext, useSession } from './session-context';

/** Route `handle` of pages anyone may open without signing in (`{ public: true }`). */
export interface AuthRouteHandle {
  public?: boolean;
}

function isPublicRoute(matches: ReturnType<typeof useMatches>): boolean {
  return matches.some((match) => (match.handle as AuthRouteHandle | undefined)?.public === true);
}

/**
 * Pages are for signed-in staff unless their route says `handle: { public: true }`. Anyone else
 * goes to /login?returnTo=<this page> and comes back after signing in. When the session ends
 * while a page is open, the page stays (under the "signed out" dialog) so nothing typed is lost.
 */
export function SessionGate() {
  const { t } = useTranslation('auth');
  const matches = useMatches();
  const location = useLocation();
  const { status, error, refetch, isRefetching, signedOut } = useSession();
  const { signingOut } = useAuthContext();

  if (isPublicRoute(matches)) return <Outlet />;
  if (signingOut) return <PageLoader />;
  if (signedOut) return <Outlet />;
  if (status === 'loading') return <PageLoader />;
  if (status === 'error') {
    return (
      <QueryErrorAlert
        title={t('session.loadFailed')}
        error={error}
        onRetry={() => void refetch()}
        retrying={isRefetching}
      />
    );
  }
  if (status !== 'signedIn') {
    return <Navigate to={loginPath(`${location.pathname}${location.search}${location.hash}`)} replace />;
  }
  return <Outlet />;
}
