import type { UiLanguage } from '@mprc/contracts';

export type { UiLanguage };

// The same list as contracts' UI_LANGUAGES (a test compares them), repeated so code shared with
// the family portal does not import contracts/locales.ts, whose zod schema brings ~25 KB of zod.
export const UI_LANGUAGES = ['sq', 'sr-Latn', 'sr-Cyrl', 'en'] as const satisfies readonly UiLanguage[];

export const DEFAULT_LANGUAGE: UiLanguage = 'sq';
export const LANGUAGE_STORAGE_KEY = 'mprc.lang';

// Each language is named in itself, so a reader finds their own whatever is selected.
export const LANGUAGE_NAMES: Record<UiLanguage, string> = {
  sq: 'Shqip',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
  en: 'English',
};

// Short labels for narrow screens.
export const LANGUAGE_SHORT_NAMES: Record<UiLanguage, string> = {
  sq: 'SQ',
  'sr-Latn': 'SR',
  'sr-Cyrl': 'СР',
  en: 'EN',
};

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

// Speakers of Bosnian, Croatian and Montenegrin read Serbian Latin more easily than the fallback.
const SERBIAN_LIKE = new Set(['sr', 'sh', 'bs', 'hr', 'cnr']);

/** Maps a BCP 47 tag from the browser to an interface language, if we have one close enough. */
export function matchBrowserLanguage(tag: string): UiLanguage | undefined {
  const subtags = tag.toLowerCase().split(/[-_]/);
  const base = subtags[0];
  if (base === 'sq') return 'sq';
  if (base === 'en') return 'en';
  if (SERBIAN_LIKE.has(base)) return subtags.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
  return undefined;
}

export function readStoredLanguage(): UiLanguage | undefined {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isUiLanguage(value) ? value : undefined;
  } catch {
    // Storage can be disabled (private mode, policies): fall back to detection.
    return undefined;
  }
}

export function storeLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisting is acceptable: the choice still applies to this page.
  }
}

/** Saved choice, then the browser's languages in order of preference, then Albanian. */
export function detectLanguage(
  stored: UiLanguage | undefined = readStoredLanguage(),
  browserLanguages: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages,
): UiLanguage {
  if (stored) return stored;
  for (const tag of browserLanguages) {
    const match = matchBrowserLanguage(tag);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}
