import { Alert } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { AuthLayout } from '../components/auth-layout';
import { useSession } from '../components/session-context';
import { SignInFlow } from '../components/sign-in-flow';
import { safeReturnTo } from '../utils/return-to';

/** /login?returnTo=/cases/123: sign in, then back to where the person was going. */
export function LoginRoute() {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { status, session, error, refetch, isRefetching } = useSession();

  if (status === 'signedIn') return <Navigate to={returnTo} replace />;
  return (
    <AuthLayout title={t('signIn.title')}>
      {status === 'loading' ? (
        <PageLoader />
      ) : (
        <>
          {params.get('reset') === 'done' ? (
            <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden="true" />}>
              {t('reset.done')}
            </Alert>
          ) : null}
          {status === 'error' ? (
            <QueryErrorAlert
              title={t('session.loadFailed')}
              error={error}
              onRetry={() => void refetch()}
              retrying={isRefetching}
            />
          ) : null}
          <SignInFlow
            pending={status === 'secondStep' ? session : null}
            titleOrder={2}
            onComplete={() => void navigate(returnTo, { replace: true })}
          />
        </>
      )}
    </AuthLayout>
  );
}
