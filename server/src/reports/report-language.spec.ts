import { describe, expect, it } from 'vitest';
import { reportLanguage } from './report-language.js';

describe('reportLanguage', () => {
  it('prefers the lang parameter', () => expect(reportLanguage('en', 'sr-Cyrl')).toBe('en'));
  it.each([
    [undefined, 'sq'],
    ['', 'sq'],
    ['de-DE,fr;q=0.8', 'sq'],
    ['en-US,en;q=0.9', 'en'],
    ['sq-AL', 'sq'],
    ['sr', 'sr-Latn'],
    ['sr-Latn-RS', 'sr-Latn'],
    ['sr-Cyrl-RS,sr;q=0.9', 'sr-Cyrl'],
    ['bs-BA', 'sr-Latn'],
    ['de;q=0.9, en;q=0.5, sq;q=0.8', 'sq'],
    ['en;q=0, sr-Cyrl', 'sr-Cyrl'],
    ['*', 'sq'],
  ])('reads Accept-Language %j as %s', (header, expected) => expect(reportLanguage(undefined, header)).toBe(expected));
});
