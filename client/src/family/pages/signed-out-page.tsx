import type { FamilySessionResponse } from '@mprc/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import { SignInForm } from '../components/sign-in-form';
import classes from '../family.module.css';

/** After the session ended on its own (a while without activity, or a new code): calm, and a way back in. */
export function SignedOutPage({ onSignedIn }: { onSignedIn: (session: FamilySessionResponse) => void }) {
  const { t } = useTranslation('family');
  return (
    <>
      <PageHeading documentTitle={t('expired.title')}>{t('expired.title')}</PageHeading>
      <p className={classes.lead}>{t('expired.text')}</p>
      <SignInForm onSignedIn={onSignedIn} />
    </>
  );
}
