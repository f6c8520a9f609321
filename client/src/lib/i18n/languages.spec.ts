import { UI_LANGUAGES as CONTRACT_LANGUAGES } from '@mprc/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import {
  detectLanguage,
  LANGUAGE_STORAGE_KEY,
  matchBrowserLanguage,
  readStoredLanguage,
  UI_LANGUAGES,
} from './languages';

describe('interface languages', () => {
  it('are the languages the contracts name, in the same order', () => {
    expect(UI_LANGUAGES).toEqual(CONTRACT_LANGUAGES);
  });
});

describe('language detection', () => {
  afterEach(() => window.localStorage.clear());

  it.each([
    ['sq', 'sq'],
    ['sq-XK', 'sq'],
    ['sr', 'sr-Latn'],
    ['sr-RS', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['sr-Cyrl-RS', 'sr-Cyrl'],
    ['bs-BA', 'sr-Latn'],
    ['en-GB', 'en'],
    ['de-DE', undefined],
  ])('maps the browser language %s to %s', (tag, expected) => {
    expect(matchBrowserLanguage(tag)).toBe(expected);
  });

  it('prefers the saved choice, then the browser languages in order, then Albanian', () => {
    expect(detectLanguage('en', ['sr-RS'])).toBe('en');
    expect(detectLanguage(undefined, ['de-DE', 'sr-RS', 'en'])).toBe('sr-Latn');
    expect(detectLanguage(undefined, ['de-DE', 'fr'])).toBe('sq');
  });

  it('ignores a saved value that is not an interface language', () => {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'sr');
    expect(readStoredLanguage()).toBeUndefined();
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'sr-Cyrl');
    expect(readStoredLanguage()).toBe('sr-Cyrl');
  });
});
