/** The offices' calendar: Kosovo uses Central European time (the IANA zone is Europe/Belgrade). */
export const OFFICE_TIME_ZONE = 'Europe/Belgrade';

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: OFFICE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the offices, `YYYY-MM-DD`. */
export const officeToday = (now: Date = new Date()): string => formatter.format(now);

/** A `YYYY-MM-DD` date as the Date Prisma writes to a DATE column. */
export const dateOnly = (v: string): Date => new Date(`${v}T00:00:00Z`);
