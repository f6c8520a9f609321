// Reports count months and "today" on the offices' calendar: Kosovo uses Central European time
// (the IANA zone is Europe/Belgrade).
export const REPORT_TIME_ZONE = 'Europe/Belgrade';

const dateTimeFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: REPORT_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function parts(at: Date): Record<string, string> {
  return Object.fromEntries(dateTimeFormat.formatToParts(at).map((p) => [p.type, p.value]));
}

/** `YYYY-MM-DD` in the offices' time zone. */
export function officeDate(at: Date = new Date()): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** `YYYY-MM-DD HH:mm` in the offices' time zone (no Intl month names: Chromium and Node lack Albanian). */
export function officeDateTime(at: Date = new Date()): string {
  const p = parts(at);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** `YYYY-MM` of the current month in the offices' time zone. */
export function officeMonth(at: Date = new Date()): string {
  return officeDate(at).slice(0, 7);
}

/** The month `n` months after `month` (`YYYY-MM`; n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}
