import { useTranslation } from 'react-i18next';
import classes from '../family.module.css';

export function Loading() {
  const { t } = useTranslation('common');
  return (
    <p role="status" className={classes.loading}>
      {t('loading')}
    </p>
  );
}
