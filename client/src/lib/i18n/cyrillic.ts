import { latinToCyrillic } from '@mprc/contracts';

// Words that stay in Latin script in Serbian Cyrillic text (international acronyms and formats).
// Write the Serbian acronym where one exists (MKCK for the ICRC): it transliterates normally.
export const KEEP_LATIN_WORDS = ['ICMP', 'ICRC', 'PDF', 'CSV', 'QR'] as const;

// i18next syntax that must survive: {{placeholders}}, $t(nested.keys), <tags>.
const PROTECTED = new RegExp(String.raw`(\{\{.*?\}\}|\$t\([^)]*\)|<[^>]*>|\b(?:${KEEP_LATIN_WORDS.join('|')})\b)`, 'u');

/** Serbian Latin -> Cyrillic for interface strings, leaving i18next syntax and KEEP_LATIN_WORDS alone. */
export function toSerbianCyrillic(text: string): string {
  return text
    .split(PROTECTED)
    .map((part, index) => (index % 2 === 1 ? part : latinToCyrillic(part)))
    .join('');
}

export type TranslationTree = { [key: string]: string | TranslationTree };

export function mapTranslationTree(tree: TranslationTree, map: (text: string) => string): TranslationTree {
  return Object.fromEntries(
    Object.entries(tree).map(([key, value]) => [
      key,
      typeof value === 'string' ? map(value) : mapTranslationTree(value, map),
    ]),
  );
}
