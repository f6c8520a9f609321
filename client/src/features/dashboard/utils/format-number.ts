import type { UiLanguage } from '@mprc/contracts';

// Numbers by hand, not with Intl: Chromium ships no Albanian locale data. Thousands are grouped
// with a narrow no-break space (readable in every language); decimals take a comma in Albanian
// and Serbian, a point in English.

export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

export function formatShare(count: number, total: number, language: UiLanguage): string {
  if (!total) return '–';
  const text = ((100 * count) / total).toFixed(1);
  return `${language === 'en' ? text : text.replace('.', ',')}\u00a0%`;
}

/** `2026-11` as `11.2026`, the way dates are written in the offices. */
export function formatMonth(month: string): string {
  return `${month.slice(5, 7)}.${month.slice(0, 4)}`;
}
