// Dates as read in Kosovo in every interface language: 27.11.2026 14:05 (24-hour clock). Built by
// hand, not with Intl: Chromium ships no Albanian locale data and would mix in English.
const pad = (n: number) => String(n).padStart(2, '0');

/** "27.11.2026" in local time. */
export function formatDate(value: string | number | Date): string {
  const date = new Date(value);
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()}`;
}

/** "27.11.2026 14:05" in local time; with seconds when asked (the audit trail). */
export function formatDateTime(value: string | number | Date, { seconds = false }: { seconds?: boolean } = {}): string {
  const date = new Date(value);
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${seconds ? `:${pad(date.getSeconds())}` : ''}`;
  return `${formatDate(date)} ${time}`;
}
