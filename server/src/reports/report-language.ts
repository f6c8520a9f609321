import type { UiLanguage } from '@mprc/contracts';

const SERBIAN_LIKE = new Set(['sr', 'sh', 'bs', 'hr', 'cnr']);

function match(tag: string): UiLanguage | undefined {
  const subtags = tag.toLowerCase().split(/[-_]/);
  const base = subtags[0];
  if (base === 'sq') return 'sq';
  if (base === 'en') return 'en';
  // Serbian in Latin unless Cyrillic is asked for, as the client does (matchBrowserLanguage).
  if (SERBIAN_LIKE.has(base)) return subtags.includes('cyrl') ? 'sr-Cyrl' : 'sr-Latn';
  return undefined;
}

/**
 * The language of a report: the `lang` query parameter, else the best match in the
 * Accept-Language header (by its q-values), else Albanian.
 */
export function reportLanguage(
  lang: UiLanguage | undefined,
  acceptLanguage: string | string[] | undefined,
): UiLanguage {
  if (lang) return lang;
  const header = [acceptLanguage ?? []].flat().join(',');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((t) => t.tag && t.tag !== '*' && t.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = match(tag);
    if (language) return language;
  }
  return 'sq';
}
