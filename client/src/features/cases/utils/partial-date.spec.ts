import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestI18n } from '@/testing/test-utils';
import { addDays, formatDateTime, formatPartialDate, normalizePartialDate } from './partial-date';

describe('normalizePartialDate', () => {
  it.each([
    ['1999', '1999'],
    ['1999-4', '1999-04'],
    ['1999-04-12', '1999-04-12'],
    ['1999/4/2', '1999-04-02'],
    ['12.04.1999', '1999-04-12'],
    ['12.4.1999.', '1999-04-12'],
    ['2/4/1999', '1999-04-02'],
    ['4.1999', '1999-04'],
    ['04/1999', '1999-04'],
    ['  1999 ', '1999'],
    ['', ''],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizePartialDate(input)).toBe(expected);
  });

  it('leaves what it cannot read as typed, for the schema to explain', () => {
    expect(normalizePartialDate('spring 1999')).toBe('spring 1999');
    expect(normalizePartialDate('99')).toBe('99');
  });
});

describe('dates in words, from the translations (no Intl: Chromium has no Albanian)', () => {
  let en: TFunction<'cases'>;
  let sq: TFunction<'cases'>;
  let sr: TFunction<'cases'>;
  beforeAll(async () => {
    en = (await createTestI18n('en', ['cases'])).getFixedT('en', 'cases');
    sq = (await createTestI18n('sq', ['cases'])).getFixedT('sq', 'cases');
    sr = (await createTestI18n('sr-Cyrl', ['cases'])).getFixedT('sr-Cyrl', 'cases');
  });

  it('says as much as is known', () => {
    expect(formatPartialDate('1999', en)).toBe('1999');
    expect(formatPartialDate('1999-04', en)).toBe('April 1999');
    expect(formatPartialDate('1999-04-12', en)).toBe('12 April 1999');
    expect(formatPartialDate('1999-04-12', sq)).toBe('12 prill 1999');
    expect(formatPartialDate('1999-04-12', sr)).toBe('12. април 1999.');
    expect(formatPartialDate(null, en)).toBe('');
    expect(formatPartialDate('1999-13', en)).toBe('1999-13');
  });

  it('writes times on the 24-hour clock', () => {
    expect(formatDateTime(new Date(2024, 0, 5, 14, 7), en)).toBe('5 January 2024, 14:07');
    expect(formatDateTime(new Date(2024, 0, 5, 9, 30), sq)).toBe('5 janar 2024, ora 09:30');
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2024-12-30', 3)).toBe('2025-01-02');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});
