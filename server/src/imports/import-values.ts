import { foldName, type Sex } from '@mprc/contracts';

// Cell values as people type them, turned into what the case form takes: partial dates in the
// usual local formats, sex in any of our languages, reference data by code or by name.

const pad = (n: number | string) => String(n).padStart(2, '0');

// Month names (folded) in Albanian, Serbian (Latin; Cyrillic folds to the same) and English.
const MONTHS: string[][] = [
  ['janar', 'januar', 'january', 'jan'],
  ['shkurt', 'februar', 'february', 'feb', 'shk'],
  ['mars', 'mart', 'march', 'mar'],
  ['prill', 'april', 'apr', 'pri'],
  ['maj', 'may'],
  ['qershor', 'jun', 'juni', 'june', 'qer'],
  ['korrik', 'jul', 'juli', 'july', 'kor'],
  ['gusht', 'avgust', 'august', 'aug', 'avg', 'gus'],
  ['shtator', 'septembar', 'september', 'sep', 'sept', 'sht'],
  ['tetor', 'oktobar', 'october', 'oct', 'okt', 'tet'],
  ['nentor', 'novembar', 'november', 'nov', 'nen'],
  ['dhjetor', 'decembar', 'december', 'dec', 'dhj'],
];
const MONTH_BY_NAME = new Map<string, number>();
MONTHS.forEach((names, i) => names.forEach((n) => MONTH_BY_NAME.set(foldName(n), i + 1)));

// Excel's day 0 in the 1900 date system (its 1900 leap-year bug is behind day 60 only).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A (partial) date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` from the formats found in lists: ISO,
 * D.M.YYYY (with or without a final dot), D/M/YYYY and D-M-YYYY (day first), M.YYYY, month names
 * ("maj 1999", "12 qershor 1998"), a time after the date, and Excel serial numbers (5 digits).
 * What is not recognised is returned trimmed, for the form's rules to refuse; '' is null.
 */
export function toPartialDate(raw: string): string | null {
  const v = raw.trim().replace(/\.$/, '');
  if (!v) return null;
  let m = /^(\d{4})$/.exec(v);
  if (m) return m[1];
  m = /^(\d{4})[-./](\d{1,2})$/.exec(v);
  if (m) return `${m[1]}-${pad(m[2])}`;
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(v);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = /^(\d{1,2})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{4})(?:\.?\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(v);
  if (m) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  m = /^(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(v);
  if (m) return `${m[2]}-${pad(m[1])}`;
  m = /^(\d{5})(?:\.\d+)?$/.exec(v);
  if (m) {
    const d = new Date(EXCEL_EPOCH_MS + Number(m[1]) * 86_400_000);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  const words = foldName(v).split(' ');
  if (words.length === 2 || words.length === 3) {
    const year = words[words.length - 1];
    const month = MONTH_BY_NAME.get(words[words.length - 2]);
    if (/^\d{4}$/.test(year) && month) {
      if (words.length === 2) return `${year}-${pad(month)}`;
      if (/^\d{1,2}$/.test(words[0])) return `${year}-${pad(month)}-${pad(words[0])}`;
    }
  }
  return v;
}

const SEX_WORDS: Record<Sex, string[]> = {
  MALE: ['m', 'mashkull', 'mashkulli', 'mashk', 'musko', 'muski', 'muski pol', 'mus', 'male', 'man', 'boy', 'мушки'],
  FEMALE: [
    'f',
    'femer',
    'femra',
    'femre',
    'z',
    'zensko',
    'zenski',
    'zenski pol',
    'zen',
    'female',
    'woman',
    'girl',
    'w',
    'женски',
  ],
  UNKNOWN: [
    '',
    'e panjohur',
    'i panjohur',
    'panjohur',
    'nepoznat',
    'nepoznato',
    'nepoznata',
    'unknown',
    'n a',
    'na',
    'x',
    'u',
  ],
};
const SEX_BY_WORD = new Map<string, Sex>();
for (const [sex, words] of Object.entries(SEX_WORDS) as [Sex, string[]][])
  for (const w of words) SEX_BY_WORD.set(foldName(w), sex);

/** MALE, FEMALE or UNKNOWN from M/F/Ž, Mashkull/Femër, Muški/Ženski, Male/Female (any script, any case); null when unrecognised. */
export function toSex(raw: string): Sex | null {
  return SEX_BY_WORD.get(foldName(raw.replace(/[.]/g, ' '))) ?? null;
}

/** Several names in one cell: separated by ; , / or |. */
export function splitList(raw: string): string[] {
  return raw
    .split(/[;,/|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ---------------------------------------------------------------- reference data by name

export interface ReferenceEntry {
  id: string;
  code: string;
  names: string[];
}

export type Resolution =
  | { ok: true; id: string; code: string }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'ambiguous'; codes: string[] };

// Other ways lists name the communities (singular, adjective, language name).
export const COMMUNITY_ALIASES: Record<string, string[]> = {
  ALBANIAN: ['shqiptar', 'shqiptare', 'shqip', 'albanac', 'albanka', 'albanski', 'alb'],
  SERB: ['serb', 'serbe', 'serbian', 'srbin', 'srpkinja', 'srpski', 'srb'],
  BOSNIAK: ['boshnjak', 'boshnjake', 'bosnjak', 'bosnjakinja', 'bosnian', 'bosanac'],
  TURKISH: ['turk', 'turke', 'turcin', 'turkinja', 'turski'],
  ROMA: ['rom', 'rome', 'romni', 'romski'],
  ASHKALI: ['ashkalli', 'askalija', 'askalijka'],
  EGYPTIAN: ['egjiptian', 'egipcanin', 'egipcanka', 'egyptians'],
  GORANI: ['goran', 'gorane', 'goranac', 'goranka'],
  MONTENEGRIN: ['malazias', 'malazeze', 'crnogorac', 'crnogorka'],
  CROAT: ['kroat', 'kroate', 'hrvat', 'hrvatica', 'croatian'],
  OTHER: ['tjeter', 'tjere', 'ostalo', 'drugi', 'other'],
  UNKNOWN: ['panjohur', 'nepoznat', 'unknown'],
};

/**
 * Finds a municipality, community or office from what a list wrote: its code, or its name in
 * any of our languages and scripts, with or without diacritics (folded names compared). A name
 * that is the start of exactly one entry's name (or starts with it: "Srbin", "Prizreni") is
 * accepted; one that fits several is ambiguous.
 */
export class ReferenceResolver {
  private readonly byCode = new Map<string, ReferenceEntry>();
  private readonly byKey = new Map<string, Set<string>>();
  private readonly cache = new Map<string, Resolution>();

  constructor(entries: ReferenceEntry[], aliases: Record<string, string[]> = {}) {
    for (const e of entries) {
      this.byCode.set(e.code, e);
      const keys = [e.code, ...e.names, ...(aliases[e.code] ?? [])];
      // "Regional office (Mitrovica)": the part in brackets, and the last word, name it too.
      for (const n of e.names) {
        const inBrackets = /\(([^)]+)\)/.exec(n);
        if (inBrackets) keys.push(inBrackets[1]);
      }
      for (const key of keys) {
        const folded = foldName(key);
        if (!folded) continue;
        if (!this.byKey.has(folded)) this.byKey.set(folded, new Set());
        this.byKey.get(folded)!.add(e.code);
      }
    }
  }

  resolve(raw: string): Resolution {
    const value = raw.trim();
    const cached = this.cache.get(value);
    if (cached) return cached;
    const result = this.lookup(value);
    if (this.cache.size < 10_000) this.cache.set(value, result);
    return result;
  }

  private found(codes: Iterable<string>): Resolution {
    const list = [...new Set(codes)].sort();
    if (list.length === 1) {
      const e = this.byCode.get(list[0])!;
      return { ok: true, id: e.id, code: e.code };
    }
    return list.length ? { ok: false, reason: 'ambiguous', codes: list } : { ok: false, reason: 'unknown' };
  }

  private lookup(value: string): Resolution {
    const code = this.byCode.get(value.toUpperCase().replace(/[\s-]+/g, '_'));
    if (code) return { ok: true, id: code.id, code: code.code };
    const folded = foldName(value);
    if (!folded) return { ok: false, reason: 'unknown' };
    const exact = this.byKey.get(folded);
    if (exact) return this.found(exact);
    if (folded.length < 4) return { ok: false, reason: 'unknown' };
    const near: string[] = [];
    for (const [key, codes] of this.byKey) {
      if (key.length >= 4 && (key.startsWith(folded) || folded.startsWith(key))) near.push(...codes);
    }
    return this.found(near);
  }
}
