import i18next, { type CustomTypeOptions, type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { detectLanguage, isUiLanguage, storeLanguage, UI_LANGUAGES, type UiLanguage } from './languages';
import { translationsBackend } from './resources';

// Adding a namespace: locales/<lang>/<ns>.json for sq, sr-Latn and en, and a line in i18next.d.ts.
export type Namespace = keyof CustomTypeOptions['resources'];

export interface CreateI18nOptions {
  language?: UiLanguage;
  /** Namespaces loaded before the promise resolves; others load when a component asks for them. */
  namespaces?: Namespace[];
}

/** Keeps `<html lang>` in step with the interface language, for screen readers and hyphenation. */
function syncDocumentLanguage(language: string): void {
  if (typeof document === 'undefined' || !isUiLanguage(language)) return;
  document.documentElement.lang = language;
  document.documentElement.dir = 'ltr';
}

export async function createI18n({
  language = detectLanguage(),
  namespaces = ['common'],
}: CreateI18nOptions = {}): Promise<I18n> {
  const instance = i18next.createInstance();
  instance.use(translationsBackend).use(initReactI18next);
  instance.on('languageChanged', syncDocumentLanguage);
  await instance.init({
    lng: language,
    supportedLngs: [...UI_LANGUAGES],
    nonExplicitSupportedLngs: false,
    // sr-Latn must not also fetch "sr"; a missing key is a bug the completeness test catches,
    // so no fallback language is downloaded.
    load: 'currentOnly',
    fallbackLng: false,
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnEmptyString: false,
    react: { useSuspense: true },
  });
  return instance;
}

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(instance: I18n, language: UiLanguage): Promise<void> {
  storeLanguage(language);
  await instance.changeLanguage(language);
}
