export { changeLanguage, createI18n, type CreateI18nOptions, type Namespace } from './i18n';
export {
  DEFAULT_LANGUAGE,
  detectLanguage,
  isUiLanguage,
  LANGUAGE_NAMES,
  LANGUAGE_SHORT_NAMES,
  LANGUAGE_STORAGE_KEY,
  matchBrowserLanguage,
  UI_LANGUAGES,
  type UiLanguage,
} from './languages';
export { useLanguage } from './use-language';
