import { partialDateRange } from '@mprc/contracts';
import type { TFunction } from 'i18next';

const pad = (value: string) => value.padStart(2, '0');

/**
 * Reads what an officer types for a date known to the year, the month or the day, in the forms
 * people use here: `1999`, `1999-04`, `1999-4-12`, `12.4.1999`, `4.1999`, `12/04/1999`, `04/1999`.
 * Answers the stored form (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), or the trimmed text unchanged when
 * it is not one of these (the schema then explains what is expected).
 */
export function normalizePartialDate(input: string): string {
  const value = input.trim();
  if (value === '') return '';
  let match = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(value);
  if (match) {
    const [, year, month, day] = match;
    return [year, month && pad(month), day && pad(day)].filter(Boolean).join('-');
  }
  // Day first, as written in Kosovo and Serbia: 12.04.1999, 12.4.1999., 12/04/1999
  match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\.?$/.exec(value);
  if (match) return `${match[3]}-${pad(match[2])}-${pad(match[1])}`;
  match = /^(\d{1,2})[./-](\d{4})\.?$/.exec(value);
  if (match) return `${match[2]}-${pad(match[1])}`;
  return value;
}

export type DatePrecision = 'year' | 'month' | 'day';

export function partialDatePrecision(value: string): DatePrecision | null {
  if (!partialDateRange(value)) return null;
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

type CasesT = TFunction<'cases'>;

/**
 * A partial date in words: "1999", "April 1999", "12 April 1999". Month names come from the
 * translations, not Intl: Chromium has no Albanian locale data and would answer in English.
 */
export function formatPartialDate(value: string | null | undefined, t: CasesT): string {
  if (!value) return '';
  const precision = partialDatePrecision(value);
  if (!precision) return value;
  const year = value.slice(0, 4);
  if (precision === 'year') return year;
  const month = t(`dates.months.${Number(value.slice(5, 7)) as MonthNumber}`);
  if (precision === 'month') return t('dates.monthYear', { month, year });
  return t('dates.dayMonthYear', { day: Number(value.slice(8, 10)), month, year });
}

export type MonthNumber = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

/** A full date (`YYYY-MM-DD`) or an ISO timestamp's local day, in words. */
export function formatDate(value: string | Date | null | undefined, t: CasesT): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatPartialDate(value, t);
  return formatPartialDate(localDay(value), t);
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a moment in the browser's time zone (Kosovo's, for our users). */
export function localDay(value: string | Date = new Date()): string {
  const d = typeof value === 'string' ? new Date(value) : value;
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** "12 April 2024, 14:05": 24-hour clock in every interface language, as read in Kosovo. */
export function formatDateTime(value: string | Date | null | undefined, t: CasesT): string {
  if (!value) return '';
  const d = typeof value === 'string' ? new Date(value) : value;
  return t('dates.dateTime', { date: formatDate(d, t), time: `${pad2(d.getHours())}:${pad2(d.getMinutes())}` });
}

/** The value for an `<input type="datetime-local">` (local time, minutes). */
export function toDateTimeLocalValue(value: Date = new Date()): string {
  return `${localDay(value)}T${pad2(value.getHours())}:${pad2(value.getMinutes())}`;
}

/** Adds days to a `YYYY-MM-DD` date (calendar days, no time zone drift). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
