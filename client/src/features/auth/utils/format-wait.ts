import type { TFunction } from 'i18next';

/**
 * "15 minutes", "1 hour, 5 minutes", "40 seconds": a wait in words, rounded up to whole minutes
 * past the first minute. Words come from the translations: Chromium ships no Albanian unit names.
 */
export function formatWait(totalSeconds: number, t: TFunction<'common'>): string {
  const seconds = Math.max(1, Math.ceil(totalSeconds));
  if (seconds < 60) return t('duration.seconds', { count: seconds });
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return t('duration.minutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const larger = t('duration.hours', { count: hours });
  return rest === 0 ? larger : t('duration.pair', { larger, smaller: t('duration.minutes', { count: rest }) });
}
