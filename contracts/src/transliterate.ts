// Serbian Latin <-> Cyrillic, the standard one-to-one mapping (lj, nj, dž are single letters).
// Used to generate the sr-Cyrl interface strings and reference names from Serbian Latin.

const LATIN_DIGRAPHS: Record<string, string> = {
  Lj: 'Љ',
  LJ: 'Љ',
  lj: 'љ',
  Nj: 'Њ',
  NJ: 'Њ',
  nj: 'њ',
  Dž: 'Џ',
  DŽ: 'Џ',
  dž: 'џ',
};
const LATIN_SINGLE: Record<string, string> = {
  A: 'А',
  B: 'Б',
  V: 'В',
  G: 'Г',
  D: 'Д',
  Đ: 'Ђ',
  E: 'Е',
  Ž: 'Ж',
  Z: 'З',
  I: 'И',
  J: 'Ј',
  K: 'К',
  L: 'Л',
  M: 'М',
  N: 'Н',
  O: 'О',
  P: 'П',
  R: 'Р',
  S: 'С',
  T: 'Т',
  Ć: 'Ћ',
  U: 'У',
  F: 'Ф',
  H: 'Х',
  C: 'Ц',
  Č: 'Ч',
  Š: 'Ш',
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  đ: 'ђ',
  e: 'е',
  ž: 'ж',
  z: 'з',
  i: 'и',
  j: 'ј',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  ć: 'ћ',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'ц',
  č: 'ч',
  š: 'ш',
};
const CYRILLIC_TO_LATIN: Record<string, string> = Object.fromEntries([
  ...Object.entries(LATIN_SINGLE).map(([lat, cyr]) => [cyr, lat]),
  ['Љ', 'Lj'],
  ['љ', 'lj'],
  ['Њ', 'Nj'],
  ['њ', 'nj'],
  ['Џ', 'Dž'],
  ['џ', 'dž'],
]);

/**
 * Transliterates Serbian Latin text to Cyrillic. Text inside `{{...}}` (i18next placeholders)
 * and `<...>` (markup tags) is left alone, as are letters with no Serbian equivalent (q, w, x, y).
 */
export function latinToCyrillic(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('{{', i)) {
      const end = text.indexOf('}}', i);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop);
      i = stop;
      continue;
    }
    if (text[i] === '<') {
      const end = text.indexOf('>', i);
      if (end !== -1) {
        out += text.slice(i, end + 1);
        i = end + 1;
        continue;
      }
    }
    const pair = text.slice(i, i + 2);
    if (LATIN_DIGRAPHS[pair]) {
      out += LATIN_DIGRAPHS[pair];
      i += 2;
      continue;
    }
    const ch = text[i];
    out += LATIN_SINGLE[ch] ?? ch;
    i += 1;
  }
  return out;
}

/** Transliterates Serbian Cyrillic text to Latin. */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (const ch of text) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}
