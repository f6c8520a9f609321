import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isUiLanguage, LANGUAGE_NAMES, UI_LANGUAGES, useLanguage } from '@/lib/i18n';
import classes from '../family.module.css';

/** A labelled native select: the phone's own picker, and no component library in the bundle. */
export function LanguageSelect() {
  const { t } = useTranslation('common');
  const { language, setLanguage } = useLanguage();
  const id = useId();
  return (
    <div className={classes.field}>
      <label htmlFor={id} className={classes.label}>
        {t('language.label')}
      </label>
      <select
        id={id}
        className={classes.select}
        value={language}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isUiLanguage(value)) void setLanguage(value);
        }}
      >
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
