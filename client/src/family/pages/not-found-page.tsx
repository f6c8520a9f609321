import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import { Link } from '../lib/router';
import classes from '../family.module.css';

/** An address that leads nowhere, or a case that is not this family's (the API answers 404 for both). */
export function NotFoundPage({ home, isCase = false }: { home: string; isCase?: boolean }) {
  const { t } = useTranslation('family');
  return (
    <>
      <PageHeading documentTitle={t('notFound.title')}>{t('notFound.title')}</PageHeading>
      <p className={classes.lead}>{isCase ? t('notFound.case') : t('notFound.page')}</p>
      <p>
        <Link to={home} className={classes.buttonLink}>
          {t('notFound.back')}
        </Link>
      </p>
    </>
  );
}
