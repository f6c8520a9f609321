import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import { FamilyApiError, OfflineError } from '../lib/api';
import { useSession, homePath } from '../lib/session';
import { NotFoundPage } from '../pages/not-found-page';
import { Loading } from '../components/loading';
import shared from '../family.module.css';

/** A page whose data did not come: not this family's case (404), offline, or a server problem. */
export function LoadProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('family');
  const { session } = useSession();
  if (error instanceof FamilyApiError && error.status === 404) return <NotFoundPage home={homePath(session)} isCase />;
  // The session ended: the portal is switching to the signed-out page.
  if (error instanceof FamilyApiError && error.status === 401) return <Loading />;
  return (
    <>
      <PageHeading documentTitle={t('errors.title')}>{t('errors.title')}</PageHeading>
      <p role="alert" className={shared.alert}>
        {error instanceof OfflineError ? t('errors.offline') : t('errors.server')}
      </p>
      <button type="button" className={shared.primaryButton} onClick={onRetry}>
        {t('errors.retry')}
      </button>
    </>
  );
}
