import type { FamilySessionResponse } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import { SignInForm } from '../components/sign-in-form';
import classes from '../family.module.css';

/** The first page: what the portal is, and the sign-in with the letter's case number and code. */
export function SignInPage({
  onSignedIn,
  signedOut = false,
}: {
  onSignedIn: (session: FamilySessionResponse) => void;
  /** The family just signed out themselves. */
  signedOut?: boolean;
}) {
  const { t } = useTranslation('family');
  return (
    <>
      <PageHeading documentTitle={t('title')}>{t('title')}</PageHeading>
      {signedOut && (
        <p role="status" className={classes.success}>
          {t('signIn.signedOut')}
        </p>
      )}
      <p className={classes.lead}>{t('intro')}</p>
      <SignInForm onSignedIn={onSignedIn} />
      <section aria-labelledby="family-lost-code" className={classes.section}>
        <h2 id="family-lost-code" className={classes.sectionTitle}>
          {t('signIn.lostTitle')}
        </h2>
        <p>{t('signIn.lostText')}</p>
      </section>
    </>
  );
}
