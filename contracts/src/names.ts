import { unaccentChar } from './unaccent-table.js';

// foldName() is the TypeScript twin of the SQL function mprc_fold() (platform migration): the
// same steps in the same order, so a key computed here (client-side highlighting, demo data,
// tests) equals the one PostgreSQL stores in case.search_text. Change both together;
// server/test/cases/name-fold.int-spec.ts fails when they disagree.
//
//   1. lower() (PostgreSQL's builtin C.UTF-8 provider: simple Unicode case mapping)
//   2. Serbian Cyrillic digraph letters: љ lj, њ nj, џ dz, ђ dj, ж z, ш s
//   3. the other Serbian Cyrillic letters, one to one (translate)
//   4. Albanian and Serbian Latin spellings of the same sounds: đ dj, dž dz, xh dz, gj dj, zh z,
//      sh s, ç c, q c, x dz, ë e, ch c (in this order: xh before x)
//   5. unaccent (č ć -> c, š -> s, ž -> z, combining accents removed, ...)
//   6. every run of characters other than [a-z0-9] becomes one space; trimmed

const CYRILLIC_DIGRAPHS: [string, string][] = [
  ['љ', 'lj'],
  ['њ', 'nj'],
  ['џ', 'dz'],
  ['ђ', 'dj'],
  ['ж', 'z'],
  ['ш', 's'],
];
// translate('абвгдезијклмнопрстћуфхцчћ', 'abvgdezijklmnoprstcufhccc'): the first occurrence wins.
const CYRILLIC_FROM = 'абвгдезијклмнопрстћуфхцчћ';
const CYRILLIC_TO = 'abvgdezijklmnoprstcufhccc';
const CYRILLIC_SINGLE = new Map<string, string>();
for (let i = 0; i < CYRILLIC_FROM.length; i++) {
  if (!CYRILLIC_SINGLE.has(CYRILLIC_FROM[i])) CYRILLIC_SINGLE.set(CYRILLIC_FROM[i], CYRILLIC_TO[i]);
}
const LATIN_SPELLINGS: [string, string][] = [
  ['đ', 'dj'],
  ['dž', 'dz'],
  ['xh', 'dz'],
  ['gj', 'dj'],
  ['zh', 'z'],
  ['sh', 's'],
  ['ç', 'c'],
  ['q', 'c'],
  ['x', 'dz'],
  ['ë', 'e'],
  ['ch', 'c'],
];

/** PostgreSQL lower() with simple case mapping: one code point in, one out (JS maps İ to "i̇"). */
function lowerSimple(input: string): string {
  let out = '';
  for (const ch of input) {
    const lower = ch.toLowerCase();
    out += [...lower].length === 1 ? lower : ch === 'İ' ? 'i' : lower;
  }
  return out;
}

/** The search key of a name: Latin letters and digits, words separated by one space. */
export function foldName(input: string): string {
  let s = lowerSimple(input);
  for (const [from, to] of CYRILLIC_DIGRAPHS) s = s.replaceAll(from, to);
  let translated = '';
  for (const ch of s) translated += CYRILLIC_SINGLE.get(ch) ?? ch;
  s = translated;
  for (const [from, to] of LATIN_SPELLINGS) s = s.replaceAll(from, to);
  let unaccented = '';
  for (const ch of s) unaccented += unaccentChar(ch) ?? ch;
  return unaccented.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The distinct words of a folded text (for token-by-token search). */
export function foldedTokens(input: string): string[] {
  return [...new Set(foldName(input).split(' ').filter(Boolean))];
}
