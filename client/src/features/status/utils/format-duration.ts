import type { TFunction } from 'i18next';

const UNITS = [
  ['days', 86_400],
  ['hours', 3_600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

/**
 * "2 days, 7 hours": the largest unit and the next one if it is not zero. Words come from the
 * translations, not Intl: Chromium ships no Albanian unit names and would answer in English.
 */
export function formatDuration(totalSeconds: number, t: TFunction<'common'>): string {
  let rest = Math.max(0, Math.floor(totalSeconds));
  const counts = UNITS.map(([unit, seconds]) => {
    const count = Math.floor(rest / seconds);
    rest -= count * seconds;
    return { unit, count };
  });
  const first = counts.findIndex(({ count }) => count > 0);
  if (first === -1) return t('duration.seconds', { count: 0 });
  const larger = t(`duration.${counts[first].unit}`, { count: counts[first].count });
  const next = counts[first + 1];
  if (!next || next.count === 0) return larger;
  return t('duration.pair', { larger, smaller: t(`duration.${next.unit}`, { count: next.count }) });
}

/** "15:04:05": 24-hour clock in every interface language, as read in Kosovo. */
export function formatTime(timestamp: number, language: string): string {
  return new Intl.DateTimeFormat(language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(timestamp);
}
