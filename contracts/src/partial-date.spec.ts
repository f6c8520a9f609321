import { describe, expect, it } from 'vitest';
import {
  certainlyBefore,
  latestToday,
  OptionalPartialDateSchema,
  PartialDateSchema,
  partialDateRange,
} from './partial-date.js';

describe('partial dates', () => {
  it.each([
    ['1999', { from: '1999-01-01', to: '1999-12-31' }],
    ['1999-04', { from: '1999-04-01', to: '1999-04-30' }],
    ['2000-02', { from: '2000-02-01', to: '2000-02-29' }],
    ['1900-02', { from: '1900-02-01', to: '1900-02-28' }],
    ['1999-04-12', { from: '1999-04-12', to: '1999-04-12' }],
  ])('%s is a range of days', (value, range) => {
    expect(partialDateRange(value)).toEqual(range);
  });

  it.each([
    '99',
    '1999-4',
    '1999-13',
    '1999-00',
    '1999-02-29',
    '2000-02-30',
    '1999-04-31',
    '1999-04-00',
    '1999/04/01',
    'abcd',
    '1999-04-12T10:00',
  ])('%s is refused', (value) => {
    expect(partialDateRange(value)).toBeNull();
    expect(PartialDateSchema.safeParse(value).success).toBe(false);
  });

  it('refuses dates in the future but not today', () => {
    const nextYear = String(new Date().getUTCFullYear() + 1);
    expect(PartialDateSchema.safeParse(nextYear).success).toBe(false);
    expect(PartialDateSchema.safeParse(`${nextYear}-01-01`).error?.issues[0].message).toMatch(/future/);
    const today = new Date().toISOString().slice(0, 10);
    expect(PartialDateSchema.safeParse(today).success).toBe(true);
    expect(PartialDateSchema.safeParse(today.slice(0, 7)).success).toBe(true);
  });

  it('takes the day that starts first as today', () => {
    expect(latestToday(new Date('2026-05-04T22:30:00Z'))).toBe('2026-05-05');
    expect(latestToday(new Date('2026-05-04T09:00:00Z'))).toBe('2026-05-04');
  });

  it('treats empty as unknown', () => {
    expect(OptionalPartialDateSchema.parse('')).toBeNull();
    expect(OptionalPartialDateSchema.parse(null)).toBeNull();
    expect(OptionalPartialDateSchema.parse(undefined)).toBeUndefined();
  });

  it('calls a date certainly before another only when the ranges cannot overlap', () => {
    expect(certainlyBefore('1969', '1970')).toBe(true);
    expect(certainlyBefore('1970-03', '1970')).toBe(false);
    expect(certainlyBefore('1970', '1970-03-02')).toBe(false);
    expect(certainlyBefore('1970-03-01', '1970-03-02')).toBe(true);
    expect(certainlyBefore('1970-03', '1970-03-31')).toBe(false);
    expect(certainlyBefore('1970-02', '1970-03')).toBe(true);
  });
});
