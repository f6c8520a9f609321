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
    <div className={classes.languageField}>
      <label htmlFor={id} className={classes.label}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className={classes.globe}>
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" />
        </svg>
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
