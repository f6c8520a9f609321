import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from './i18n';
import { DEFAULT_LANGUAGE, isUiLanguage, type UiLanguage } from './languages';

export function useLanguage(): { language: UiLanguage; setLanguage: (language: UiLanguage) => Promise<void> } {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  const language = isUiLanguage(current) ? current : DEFAULT_LANGUAGE;
  const setLanguage = useCallback((next: UiLanguage) => changeLanguage(i18n, next), [i18n]);
  return { language, setLanguage };
}
