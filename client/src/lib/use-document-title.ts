import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `document.title` to "<page> – <app name>" in the current language. */
export function useDocumentTitle(pageTitle: string): void {
  const { t } = useTranslation('common');
  useEffect(() => {
    document.title = t('app.documentTitle', { page: pageTitle });
  }, [pageTitle, t]);
}
