import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/lib/use-document-title';
import { LanguageSelect } from './components/language-select';
import classes from './family.module.css';

/** The family portal's first page; its real pages come with the portal feature. */
export function FamilyPortal() {
  const { t } = useTranslation('family');
  const { t: tCommon } = useTranslation('common');
  useDocumentTitle(t('title'));
  return (
    <>
      <header className={classes.header}>
        <div className={`${classes.container} ${classes.headerRow}`}>
          <p className={classes.appName}>{tCommon('app.name')}</p>
          <LanguageSelect />
        </div>
      </header>
      <main className={classes.container}>
        <h1 className={classes.title}>{t('title')}</h1>
        <p className={classes.lead}>{t('intro')}</p>
        <p className={classes.notice}>{t('notOpenYet')}</p>
      </main>
    </>
  );
}
