// The spellings a name arrives in: Albanian orthography, Serbian Latin, Serbian Cyrillic, plain
// ASCII (no diacritics), and typos. Rules follow how clerks actually render names across the
// two languages (Krasniqi / Krasnići / Краснићи / Krasnici; Đorđević / Gjorgjeviq / Djordjevic).
import { latinToCyrillic } from '@mprc/contracts';
import type { Orthography } from './names.js';

export type Script = 'sq' | 'srLatn' | 'srCyrl' | 'ascii';
export const SCRIPTS: Script[] = ['sq', 'srLatn', 'srCyrl', 'ascii'];

// Longest match first; each rule keeps the letter's case pattern (Xh -> Dž, XH -> DŽ).
type Rules = [string, string][];

const SQ_TO_SR: Rules = [
  ['xh', 'dž'],
  ['gj', 'đ'],
  ['sh', 'š'],
  ['zh', 'ž'],
  ['dh', 'd'],
  ['th', 't'],
  ['ll', 'l'],
  ['rr', 'r'],
  ['q', 'ć'],
  ['ç', 'č'],
  ['ë', 'e'],
  ['x', 'dz'],
  ['y', 'i'],
];
const SR_TO_SQ: Rules = [
  ['dž', 'xh'],
  ['dj', 'gj'],
  ['đ', 'gj'],
  ['š', 'sh'],
  ['ž', 'zh'],
  ['ć', 'q'],
  ['č', 'ç'],
];
const TR_TO_SR: Rules = [
  ['ş', 'š'],
  ['ç', 'č'],
  ['c', 'dž'],
  ['ğ', ''],
  ['ı', 'i'],
  ['ü', 'i'],
  ['ö', 'o'],
  ['j', 'ž'],
];
const TR_TO_SQ: Rules = [
  ['ş', 'sh'],
  ['ç', 'ç'],
  ['c', 'xh'],
  ['ğ', ''],
  ['ı', 'ë'],
  ['ü', 'y'],
  ['ö', 'o'],
  ['j', 'zh'],
];
const TO_ASCII: Rules = [
  ['dž', 'dz'],
  ['đ', 'dj'],
  ['š', 's'],
  ['ž', 'z'],
  ['ć', 'c'],
  ['č', 'c'],
  ['ç', 'c'],
  ['ë', 'e'],
  ['ş', 's'],
  ['ğ', 'g'],
  ['ı', 'i'],
  ['ü', 'u'],
  ['ö', 'o'],
];

function caseLike(model: string, replacement: string): string {
  if (!replacement) return replacement;
  if (model === model.toLowerCase()) return replacement;
  if (model.length > 1 && model === model.toUpperCase()) return replacement.toUpperCase();
  return replacement[0].toUpperCase() + replacement.slice(1);
}

function applyRules(text: string, rules: Rules): string {
  let out = '';
  let i = 0;
  const lower = text.toLowerCase();
  outer: while (i < text.length) {
    for (const [from, to] of rules) {
      if (lower.startsWith(from, i)) {
        out += caseLike(text.slice(i, i + from.length), to);
        i += from.length;
        continue outer;
      }
    }
    out += text[i];
    i += 1;
  }
  return out;
}

/** One name (given or surname) written in `script`, from its own orthography. */
export function spell(name: string, from: Orthography, script: Script): string {
  switch (script) {
    case 'sq':
      return from === 'sq' ? name : applyRules(name, from === 'sr' ? SR_TO_SQ : TR_TO_SQ);
    case 'srLatn':
      return from === 'sr' ? name : applyRules(name, from === 'sq' ? SQ_TO_SR : TR_TO_SR);
    case 'srCyrl':
      return latinToCyrillic(spell(name, from, 'srLatn'));
    case 'ascii':
      return applyRules(from === 'tr' ? name : spell(name, from, from === 'sq' ? 'sq' : 'srLatn'), TO_ASCII);
  }
}

/**
 * A typing mistake: one letter replaced, dropped, doubled, or two letters swapped. `pick` draws
 * from [0, n). The result stays in the name's own alphabet.
 */
export function typo(name: string, pick: (n: number) => number): string {
  const letters = [...name];
  if (letters.length < 4) return name;
  // Never the first letter: people rarely get that wrong, and it keeps the name recognisable.
  const i = 1 + pick(letters.length - 1);
  const kind = pick(4);
  const lower = letters.map((c) => c.toLowerCase());
  if (kind === 0) {
    const alphabet = [...new Set(lower.filter((c) => c !== lower[i]))];
    letters[i] = alphabet[pick(alphabet.length)];
  } else if (kind === 1) {
    letters.splice(i, 1);
  } else if (kind === 2) {
    letters.splice(i, 0, lower[i]);
  } else if (i < letters.length - 1) {
    [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]];
  } else {
    [letters[i - 1], letters[i]] = [letters[i], letters[i - 1]];
  }
  const out = letters.join('');
  return out === name ? `${name}${lower.at(-1)}` : out;
}
