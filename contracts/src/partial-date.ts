import { z } from 'zod';

// Dates known only to the year or the month: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A partial date
// stands for a range of days; comparisons refuse only what is certainly wrong (a person born
// "1970" and missing since "1970-03" is fine; missing since "1969" is not).

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
export const MIN_YEAR = 1850;

export interface DateRange {
  /** First day the partial date allows, `YYYY-MM-DD`. */
  from: string;
  /** Last day it allows, `YYYY-MM-DD`. */
  to: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The days a partial date stands for, or null when it is not a real (partial) calendar date. */
export function partialDateRange(value: string): DateRange | null {
  const m = PATTERN.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2] === undefined) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(last)}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  return { from: value, to: value };
}

/**
 * Today's date where the day starts first (UTC+14), so a date that is already today in Kosovo,
 * or anywhere, is never refused as "in the future" near midnight.
 */
export function latestToday(now: Date = new Date()): string {
  const d = new Date(now.getTime() + 14 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** True when every day of `a` is before every day of `b` (both partial dates). */
export function certainlyBefore(a: string, b: string): boolean {
  const ra = partialDateRange(a);
  const rb = partialDateRange(b);
  return !!ra && !!rb && ra.to < rb.from;
}

/** The year of a partial date. */
export const yearOf = (value: string): number => Number(value.slice(0, 4));

const partialDate = (options: { allowFuture: boolean }) =>
  z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const range = partialDateRange(v);
      if (!range) {
        ctx.addIssue({
          code: 'custom',
          message: 'Use YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)',
          params: { reason: 'format' },
        });
        return;
      }
      if (yearOf(v) < MIN_YEAR) {
        ctx.addIssue({
          code: 'custom',
          message: `The year must be ${MIN_YEAR} or later`,
          params: { reason: 'too_early' },
        });
      }
      if (!options.allowFuture && range.from > latestToday()) {
        ctx.addIssue({ code: 'custom', message: 'The date is in the future', params: { reason: 'future' } });
      }
    })
    .meta({
      description: 'A date known to the year, the month or the day: YYYY, YYYY-MM or YYYY-MM-DD',
      example: '1999-04',
    });

/** A partial date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), a real calendar date, not in the future. */
export const PartialDateSchema = partialDate({ allowFuture: false });
/** A partial date used as a search bound (the future is allowed). */
export const PartialDateBoundSchema = partialDate({ allowFuture: true });
/** An optional partial date: absent, null or '' (a cleared form field) mean unknown. */
export const OptionalPartialDateSchema = z.preprocess((v) => (v === '' ? null : v), PartialDateSchema.nullish());

/** A full calendar date `YYYY-MM-DD`, not in the future (contacts, consents, referrals). */
export const PastDateSchema = z.iso
  .date('Use YYYY-MM-DD')
  .refine((v) => v <= latestToday(), 'The date is in the future');
/** A full calendar date `YYYY-MM-DD` (follow-ups may be in the future). */
export const DateSchema = z.iso.date('Use YYYY-MM-DD');
