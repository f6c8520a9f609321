// Synthetic cases for seed:scale, generated batch by batch as PostgreSQL COPY text (constant
// memory at any size). Pure and deterministic for a seed, apart from the row ids
// (crypto.randomUUID). Every person is a random combination of common names: fictional.
import { randomUUID } from 'node:crypto';
import {
  ALL_NAME_SETS,
  COMMUNITY_BOOST,
  COMMUNITY_WEIGHTS,
  LANGUAGES_BY_COMMUNITY,
  MITROVICA_REGION,
  MUNICIPALITY_WEIGHTS,
  NAMES_BY_COMMUNITY,
  type NameSet,
  type Orthography,
} from './names.js';
import { Random, Weighted } from './random.js';
import { SCRIPTS, spell, typo, type Script } from './spelling.js';

// ---------------------------------------------------------------- tables and COPY text

/** Columns written per table, in COPY order. */
export const TABLE_COLUMNS = {
  case: [
    'id',
    'case_number',
    'office_id',
    'assigned_officer_id',
    'first_name',
    'last_name',
    'father_name',
    'other_names',
    'sex',
    'date_of_birth',
    'birth_year',
    'community_id',
    'place_of_birth',
    'missing_since',
    'missing_since_from',
    'last_seen_municipality_id',
    'last_seen_place',
    'circumstances',
    'fate_status',
    'workflow_status',
    'family_informed_at',
    'version',
    'search_text',
    'created_by_id',
    'created_at',
    'updated_at',
  ],
  external_reference: ['id', 'case_id', 'system', 'reference', 'created_at'],
  relative: [
    'id',
    'first_name',
    'last_name',
    'phone',
    'email',
    'address',
    'preferred_language',
    'dna_sample_given',
    'created_at',
    'updated_at',
  ],
  case_relative: ['case_id', 'relative_id', 'relationship', 'is_primary_contact', 'created_at'],
  contact: [
    'id',
    'case_id',
    'occurred_at',
    'channel',
    'relative_id',
    'officer_id',
    'language',
    'interpreter_used',
    'summary',
    'family_visible_summary',
    'follow_up_on',
    'follow_up_done_at',
    'created_at',
  ],
  case_event: [
    'id',
    'case_id',
    'type',
    'at',
    'actor_id',
    'from_status',
    'to_status',
    'note',
    'family_message',
    'family_visible',
  ],
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;
/** Load order: referenced tables first (foreign keys are checked when they are re-created). */
export const TABLES = Object.keys(TABLE_COLUMNS) as TableName[];

type Cell = string | number | boolean | null;

const NEEDS_ESCAPE = /[\\\t\n\r]/;
/** A value in COPY text format (tab-separated, \N for NULL), escaped. */
export function copyCell(v: Cell): string {
  if (v === null) return '\\N';
  if (typeof v !== 'string') return v === true ? 't' : v === false ? 'f' : String(v);
  return NEEDS_ESCAPE.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!)
    : v;
}

/**
 * The same without escaping, for the generator: every text it writes is assembled from the
 * lists in this folder, which `assertCopySafe` checks once, so no cell needs escaping.
 */
function rawCell(v: Cell): string {
  return v === null ? '\\N' : v === true ? 't' : v === false ? 'f' : typeof v === 'string' ? v : String(v);
}

function assertCopySafe(texts: Iterable<string>): void {
  for (const t of texts)
    if (NEEDS_ESCAPE.test(t) || t.includes('"')) throw new Error(`generator text needs escaping: ${JSON.stringify(t)}`);
}

/** A text[] literal: every element double-quoted. */
export function arrayLiteral(items: string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

// ---------------------------------------------------------------- vocabulary

export interface SpelledName {
  /** The name in each script (`native` is its own orthography). */
  spellings: Record<Script | 'native', string>;
  /** Misspellings (one letter off) of each spelling. */
  typos: Record<Script | 'native', string[]>;
}

const TYPOS_PER_SPELLING = 3;

/**
 * Every word the generator can write, each in every script plus a few misspellings: a finite
 * vocabulary, so PostgreSQL's own mprc_fold() can fold each word once and search_text is built
 * from those folds (exactly what the case_search_text trigger would store).
 */
export class Vocabulary {
  readonly names = new Map<string, SpelledName>();

  constructor(seed: number) {
    const random = new Random(seed ^ 0x5eed);
    for (const set of ALL_NAME_SETS) {
      for (const name of [...set.male, ...set.female, ...set.surnames]) {
        const key = `${set.orthography}:${name}`;
        if (this.names.has(key)) continue;
        const spellings = { native: name } as Record<Script | 'native', string>;
        for (const s of SCRIPTS) spellings[s] = spell(name, set.orthography, s);
        const typos = {} as Record<Script | 'native', string[]>;
        for (const s of [...SCRIPTS, 'native'] as const) {
          const list = new Set<string>();
          for (let i = 0; i < TYPOS_PER_SPELLING * 3 && list.size < TYPOS_PER_SPELLING; i++)
            list.add(typo(spellings[s], (n) => random.int(n)));
          typos[s] = [...list];
        }
        this.names.set(key, { spellings, typos });
      }
    }
  }

  get(orthography: Orthography, name: string): SpelledName {
    return this.names.get(`${orthography}:${name}`)!;
  }

  /** Every distinct word, for folding. */
  words(): string[] {
    const all = new Set<string>();
    for (const { spellings, typos } of this.names.values()) {
      for (const w of Object.values(spellings)) for (const t of w.split(' ')) all.add(t);
      for (const list of Object.values(typos)) for (const w of list) for (const t of w.split(' ')) all.add(t);
    }
    return [...all];
  }
}

// ---------------------------------------------------------------- context

export interface ReferenceRowRef {
  id: string;
  code: string;
}
export interface MunicipalityRef extends ReferenceRowRef {
  nameSq: string;
  nameSrLatn: string;
}
export interface OfficeStaff extends ReferenceRowRef {
  officerIds: string[];
  managerId: string;
}

export interface GeneratorContext {
  seed: number;
  offices: OfficeStaff[];
  municipalities: MunicipalityRef[];
  communities: ReferenceRowRef[];
  /** mprc_fold() of every vocabulary word. */
  folds: Record<string, string>;
  /** Sequence value of the first case; the batch's case numbers follow it. */
  firstCaseSeq: number;
  /** Total cases in this load (spreads creation dates over the years). */
  totalCases: number;
  /** "Now" of the load (ISO); nothing is dated after it except open follow-ups. */
  now: string;
}

/** COPY text of one table: UTF-8 chunks, each with its own ArrayBuffer (transferable). */
export type Batch = Record<TableName, Buffer[]>;

const CHUNK = 1 << 20;

/**
 * Appends lines straight into UTF-8 buffers. Building one big string per batch instead left
 * millions of rope nodes for the old-generation GC (40% of the time in a profile).
 */
export class CopyWriter {
  readonly chunks: Buffer[] = [];
  private buf = Buffer.allocUnsafeSlow(CHUNK);
  private offset = 0;

  line(text: string): void {
    // A UTF-8 code unit takes at most 3 bytes; +1 for the newline.
    if (this.offset + text.length * 3 + 1 > this.buf.length) this.flush(text.length * 3 + 1);
    this.offset += this.buf.write(text, this.offset, 'utf8');
    this.buf[this.offset++] = 10;
  }

  private flush(need: number): void {
    if (this.offset > 0) this.chunks.push(this.buf.subarray(0, this.offset));
    this.buf = Buffer.allocUnsafeSlow(Math.max(CHUNK, need));
    this.offset = 0;
  }

  finish(): Buffer[] {
    this.flush(0);
    return this.chunks;
  }
}
export type BatchCounts = Record<TableName, number>;

export const formatCaseNumber = (n: number): string => `MP-${String(n).padStart(6, '0')}`;

// ---------------------------------------------------------------- distributions

// Fate first, then a workflow stage that fits it. Proportions are tuned so that a case has on
// average 3 timeline events (created + each status step), as the scale issue asks.
const FATES = new Weighted<string>([
  ['MISSING', 70],
  ['FOUND_ALIVE', 5],
  ['REMAINS_RECOVERED', 3],
  ['IDENTIFIED', 5],
  ['REMAINS_HANDED_OVER', 17],
]);
const WORKFLOW_OPEN = new Weighted<string>([
  ['NEW', 30],
  ['VERIFIED', 35],
  ['ACTIVE', 35],
]);
// Remains recovered or identified: the case was verified at least.
const WORKFLOW_IN_PROGRESS = new Weighted<string>([
  ['VERIFIED', 30],
  ['ACTIVE', 70],
]);
const WORKFLOW_RESOLVED = new Weighted<string>([
  ['ACTIVE', 45],
  ['CLOSURE_REQUESTED', 10],
  ['CLOSED', 45],
]);
const WORKFLOW_PATH = ['NEW', 'VERIFIED', 'ACTIVE', 'CLOSURE_REQUESTED', 'CLOSED'];

const SEX = new Weighted<'MALE' | 'FEMALE' | 'UNKNOWN'>([
  ['MALE', 78],
  ['FEMALE', 20],
  ['UNKNOWN', 2],
]);

// How a record's names were written, by the names' own orthography.
const SCRIPT_BY_ORTHOGRAPHY: Record<Orthography, Weighted<Script | 'native'>> = {
  sq: new Weighted<Script | 'native'>([
    ['native', 60],
    ['ascii', 15],
    ['srLatn', 15],
    ['srCyrl', 10],
  ]),
  sr: new Weighted<Script | 'native'>([
    ['native', 45],
    ['srCyrl', 30],
    ['ascii', 15],
    ['sq', 10],
  ]),
  tr: new Weighted<Script | 'native'>([
    ['native', 40],
    ['sq', 30],
    ['ascii', 15],
    ['srLatn', 10],
    ['srCyrl', 5],
  ]),
};

const MISSING_YEAR = new Weighted<number>([
  [1998, 25],
  [1999, 65],
  [2000, 10],
]);
const MONTH_1999 = new Weighted<number>([
  [1, 4],
  [2, 4],
  [3, 14],
  [4, 22],
  [5, 20],
  [6, 14],
  [7, 6],
  [8, 4],
  [9, 3],
  [10, 3],
  [11, 3],
  [12, 3],
]);
const PRECISION = new Weighted<'none' | 'year' | 'month' | 'day'>([
  ['none', 4],
  ['year', 12],
  ['month', 24],
  ['day', 60],
]);
const BIRTH_PRECISION = new Weighted<'none' | 'year' | 'month' | 'day'>([
  ['none', 8],
  ['year', 22],
  ['month', 10],
  ['day', 60],
]);

const CHANNELS = new Weighted<string>([
  ['PHONE', 45],
  ['VISIT', 25],
  ['OFFICE_MEETING', 20],
  ['LETTER', 5],
  ['EMAIL', 4],
  ['OTHER', 1],
]);
const DNA = new Weighted<string>([
  ['YES', 45],
  ['NO', 15],
  ['UNKNOWN', 40],
]);

// Relatives: the first is the primary contact; 1-4 per case (2.5 on average).
const RELATIONSHIPS_FIRST = new Weighted<string>([
  ['MOTHER', 25],
  ['FATHER', 20],
  ['SPOUSE', 30],
  ['BROTHER', 12],
  ['SISTER', 6],
  ['SON', 5],
  ['DAUGHTER', 2],
]);
const RELATIONSHIPS_OTHER = new Weighted<string>([
  ['BROTHER', 20],
  ['SISTER', 18],
  ['SON', 15],
  ['DAUGHTER', 12],
  ['MOTHER', 6],
  ['FATHER', 4],
  ['UNCLE', 5],
  ['AUNT', 3],
  ['COUSIN', 6],
  ['NEPHEW', 3],
  ['NIECE', 2],
  ['GRANDCHILD', 2],
  ['IN_LAW', 3],
  ['OTHER', 1],
]);
const FEMALE_RELATIONSHIPS = new Set(['MOTHER', 'SISTER', 'DAUGHTER', 'AUNT', 'NIECE']);

const PLACE_TEMPLATES: Record<Script, string[]> = {
  sq: [
    'në shtëpi, {m}',
    'në rrugën për {m}',
    'afër stacionit të autobusëve, {m}',
    'në fshat, komuna {m}',
    'në tregun e {m}',
    'në pikën e kontrollit afër {m}',
  ],
  srLatn: [
    'kod kuće, {m}',
    'na putu za {m}',
    'kod autobuske stanice, {m}',
    'u selu, opština {m}',
    'na pijaci u {m}',
    'na kontrolnom punktu kod {m}',
  ],
  srCyrl: [
    'код куће, {m}',
    'на путу за {m}',
    'код аутобуске станице, {m}',
    'у селу, општина {m}',
    'на пијаци у {m}',
    'на контролном пункту код {m}',
  ],
  ascii: [
    'at home, {m}',
    'on the road to {m}',
    'near the bus station, {m}',
    'in the village, {m} municipality',
    'at the market in {m}',
    'at a checkpoint near {m}',
  ],
};
const CIRCUMSTANCES = [
  'Left home in the morning to check on relatives and did not return.',
  'Last seen by neighbours when the family left the village.',
  'Separated from the family during the displacement.',
  'Taken away from the house; the family has no further information.',
  'Travelled by car towards the town; the car was not found.',
  'Stayed behind to look after the house and livestock.',
  'Last contact by phone with a relative abroad.',
  'Seen at a collection point by a witness who has since given a statement.',
];
const CONTACT_SUMMARIES = [
  'Explained the current stage of the case and the next steps.',
  'Family asked about progress; no new information to share yet.',
  'Collected additional details about the circumstances of disappearance.',
  'Discussed the DNA reference sample procedure with the family.',
  'Informed the family about the psychosocial support available.',
  'Updated contact details of the family.',
  'Family brought documents; copies added to the file.',
  'Arranged a home visit together with an interpreter.',
];
const FAMILY_SUMMARIES = [
  'We spoke about your case and the next steps.',
  'Thank you for the documents you brought.',
  'We will contact you again after the next review.',
  'You can reach your liaison officer at the office on weekdays.',
];
const STATUS_NOTES: Record<string, string> = {
  VERIFIED: 'Checked against the official lists; no duplicate found.',
  ACTIVE: 'Case opened for active tracing.',
  CLOSURE_REQUESTED: 'Outcome established; closure requested.',
  CLOSED: 'Closure approved.',
  FOUND_ALIVE: 'Person located alive; confirmed with the family.',
  REMAINS_RECOVERED: 'Remains recovered; identification pending.',
  IDENTIFIED: 'Identification confirmed by DNA match.',
  REMAINS_HANDED_OVER: 'Remains handed over to the family.',
};
const STREETS = { sq: ['Rruga', 'Rr.'], sr: ['Ulica', 'ul.'] };

const DAY = 86_400_000;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
// Date#toISOString dominated the profile: format by hand, one cached date string per day.
const dayCache = new Map<number, string>();
const isoDate = (ms: number): string => {
  const day = Math.floor(ms / DAY);
  let s = dayCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY).toISOString().slice(0, 10);
    dayCache.set(day, s);
  }
  return s;
};
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));
const iso = (ms: number): string => {
  const t = ms - Math.floor(ms / DAY) * DAY;
  const h = Math.floor(t / 3_600_000);
  const m = Math.floor((t % 3_600_000) / 60_000);
  const sec = Math.floor((t % 60_000) / 1000);
  return `${isoDate(ms)}T${pad2(h)}:${pad2(m)}:${pad2(sec)}.${pad3(t % 1000)}Z`;
};

// ---------------------------------------------------------------- generator

interface CaseMemo {
  id: string;
  surname: string;
  set: NameSet;
  communityIndex: number;
  municipalityIndex: number;
  script: Script | 'native';
  primaryRelativeId: string;
}

/**
 * Generates cases in order, batch after batch. Keeps only the previous case (families with
 * several missing members share a relative), so memory stays constant.
 */
export class CaseGenerator {
  private readonly random: Random;
  private readonly vocabulary: Vocabulary;
  private readonly municipalityWeights: Weighted<number>;
  private readonly communityByMunicipality: Weighted<number>[];
  private readonly communityCodes: string[];
  private readonly officeByMunicipality: OfficeStaff[];
  private readonly placeNames: Record<Script, string>[];
  private readonly startMs = Date.UTC(2000, 2, 1);
  private readonly nowMs: number;
  private previous: CaseMemo | null = null;
  private generated = 0;
  readonly counts: BatchCounts = {
    case: 0,
    external_reference: 0,
    relative: 0,
    case_relative: 0,
    contact: 0,
    case_event: 0,
  };

  constructor(private readonly ctx: GeneratorContext) {
    this.random = new Random(ctx.seed);
    this.vocabulary = new Vocabulary(ctx.seed);
    this.nowMs = Date.parse(ctx.now);
    const byCode = new Map(ctx.municipalities.map((m, i) => [m.code, i]));
    this.municipalityWeights = new Weighted(
      ctx.municipalities.map((m, i) => [i, MUNICIPALITY_WEIGHTS[m.code] ?? 1] as const),
    );
    this.communityCodes = ctx.communities.map((c) => c.code);
    this.communityByMunicipality = ctx.municipalities.map(
      (m) =>
        new Weighted(
          this.communityCodes.map(
            (code, i) => [i, (COMMUNITY_WEIGHTS[code] ?? 0.5) * (COMMUNITY_BOOST[m.code]?.[code] ?? 1)] as const,
          ),
        ),
    );
    const office = (code: string) => ctx.offices.find((o) => o.code === code) ?? ctx.offices[0];
    this.officeByMunicipality = ctx.municipalities.map((m) =>
      office(MITROVICA_REGION.has(m.code) ? 'MITROVICA' : 'PRISTINA'),
    );
    this.placeNames = ctx.municipalities.map((m) => ({
      sq: m.nameSq,
      srLatn: m.nameSrLatn,
      srCyrl: spell(m.nameSrLatn, 'sr', 'srCyrl'),
      ascii: spell(m.nameSq, 'sq', 'ascii'),
    }));
    if (!byCode.size) throw new Error('no municipalities: load the reference data first');
    if (ctx.offices.some((o) => !o.officerIds.length)) throw new Error('every office needs a liaison officer');
    assertCopySafe([
      ...this.vocabulary.words(),
      ...Object.values(PLACE_TEMPLATES).flat(),
      ...this.placeNames.flatMap((p) => Object.values(p)),
      ...CIRCUMSTANCES,
      ...CONTACT_SUMMARIES,
      ...FAMILY_SUMMARIES,
      ...Object.values(STATUS_NOTES),
    ]);
  }

  private fold(words: (string | null)[]): string {
    const out: string[] = [];
    for (const text of words) {
      if (!text) continue;
      for (const w of text.split(' ')) {
        const f = this.ctx.folds[w];
        if (f === undefined) throw new Error(`no fold for "${w}"`);
        if (f) out.push(f);
      }
    }
    return out.join(' ');
  }

  private name(set: NameSet, name: string, script: Script | 'native', misspelt = false): string {
    const spelled = this.vocabulary.get(set.orthography, name);
    return misspelt ? this.random.pick(spelled.typos[script]) : spelled.spellings[script];
  }

  private partialDate(
    year: number,
    precision: 'none' | 'year' | 'month' | 'day',
    month?: number,
  ): { text: string | null; from: string | null } {
    if (precision === 'none') return { text: null, from: null };
    if (precision === 'year') return { text: String(year), from: `${year}-01-01` };
    const m = month ?? this.random.between(1, 12);
    if (precision === 'month') return { text: `${year}-${pad2(m)}`, from: `${year}-${pad2(m)}-01` };
    const d = this.random.between(1, daysIn(year, m));
    const text = `${year}-${pad2(m)}-${pad2(d)}`;
    return { text, from: text };
  }

  /** Times after `fromMs`, sorted, never after now. */
  private times(fromMs: number, count: number, spanMs: number): number[] {
    const end = Math.min(this.nowMs, fromMs + spanMs);
    const out: number[] = [];
    for (let i = 0; i < count; i++)
      out.push(fromMs + 60_000 + Math.floor(this.random.next() * Math.max(0, end - fromMs - 60_000)));
    return out.sort((a, b) => a - b);
  }

  /** The next `count` cases as COPY text per table. */
  next(count: number): Batch {
    const writers = Object.fromEntries(TABLES.map((t) => [t, new CopyWriter()])) as Record<TableName, CopyWriter>;
    const push = (table: TableName, cells: Cell[]) => {
      let line = rawCell(cells[0]);
      for (let i = 1; i < cells.length; i++) line += `\t${rawCell(cells[i])}`;
      writers[table].line(line);
      this.counts[table]++;
    };
    const r = this.random;
    const ctx = this.ctx;

    for (let k = 0; k < count; k++) {
      const index = this.generated++;
      const seq = ctx.firstCaseSeq + index;
      const id = randomUUID();
      const prev = this.previous;
      // A second missing member of the previous case's family: same surname, place, relative.
      const sibling = prev !== null && r.chance(0.04);

      // Every municipality and community appears once among the first cases, whatever N is.
      const municipalityIndex = sibling
        ? prev.municipalityIndex
        : index < ctx.municipalities.length
          ? index
          : this.municipalityWeights.draw(r);
      const communityIndex = sibling
        ? prev.communityIndex
        : index < this.communityCodes.length
          ? index
          : this.communityByMunicipality[municipalityIndex].draw(r);
      const communityCode = this.communityCodes[communityIndex];
      // Both offices among the first cases too (Pristina's area comes first in the list).
      const office =
        index === 1
          ? ctx.offices[ctx.offices.length - 1]
          : index === 0
            ? ctx.offices[0]
            : this.officeByMunicipality[municipalityIndex];
      const sets = NAMES_BY_COMMUNITY[communityCode] ?? ALL_NAME_SETS;
      const set = sibling ? prev.set : r.pick(sets);
      const script = sibling ? prev.script : SCRIPT_BY_ORTHOGRAPHY[set.orthography].draw(r);

      const sex = SEX.draw(r);
      const typoIn = r.chance(0.02) ? r.int(2) : -1; // 0: first name, 1: last name
      const firstBase = r.pick(sex === 'FEMALE' ? set.female : set.male);
      const surnameBase = sibling ? prev.surname : r.pick(set.surnames);
      const firstName = this.name(set, firstBase, script, typoIn === 0);
      const lastName = this.name(set, surnameBase, script, typoIn === 1);
      const fatherName = r.chance(0.92) ? this.name(set, r.pick(set.male), script) : null;
      const otherNames: string[] = [];
      const alternatives = r.chance(0.25) ? (r.chance(0.3) ? 2 : 1) : 0;
      for (let a = 0; a < alternatives; a++) {
        const other = r.pick(SCRIPTS);
        const alt = `${this.name(set, firstBase, other)} ${this.name(set, surnameBase, other)}`;
        if (!otherNames.includes(alt) && alt !== `${firstName} ${lastName}`) otherNames.push(alt);
      }
      const searchText = this.fold([firstName, lastName, fatherName, ...otherNames]);

      // Born 1920-1995 (most 1940-1980), missing 1998-2000.
      const birthYear = 1920 + Math.floor(((r.next() + r.next() + r.next()) / 3) * 76);
      const dob = this.partialDate(birthYear, BIRTH_PRECISION.draw(r));
      const missingYear = MISSING_YEAR.draw(r);
      const missing = this.partialDate(
        missingYear,
        PRECISION.draw(r),
        missingYear === 1999 ? MONTH_1999.draw(r) : undefined,
      );
      const scriptForPlace: Script = script === 'native' ? (set.orthography === 'sr' ? 'srLatn' : 'sq') : script;
      const place = this.placeNames[municipalityIndex];
      const lastSeenPlace = r.chance(0.8)
        ? r.pick(PLACE_TEMPLATES[scriptForPlace]).replace('{m}', place[scriptForPlace])
        : null;
      const placeOfBirth = r.chance(0.7)
        ? this.placeNames[r.chance(0.7) ? municipalityIndex : this.municipalityWeights.draw(r)][scriptForPlace]
        : null;
      const circumstances = r.chance(0.6) ? r.pick(CIRCUMSTANCES) : null;

      // Case numbers follow creation: creation dates rise with the index, two weeks of jitter.
      const span = this.nowMs - this.startMs - 30 * DAY;
      const createdMs = Math.min(
        this.nowMs - DAY,
        Math.max(
          this.startMs,
          this.startMs + Math.floor((index / Math.max(1, ctx.totalCases)) * span) + r.int(14 * DAY),
        ),
      );

      const fate = FATES.draw(r);
      const resolved = fate === 'FOUND_ALIVE' || fate === 'REMAINS_HANDED_OVER';
      const workflow = (resolved ? WORKFLOW_RESOLVED : fate === 'MISSING' ? WORKFLOW_OPEN : WORKFLOW_IN_PROGRESS).draw(
        r,
      );
      const fatePath =
        fate === 'MISSING'
          ? []
          : fate === 'FOUND_ALIVE' || fate === 'REMAINS_RECOVERED'
            ? [fate]
            : fate === 'IDENTIFIED'
              ? r.chance(0.5)
                ? ['IDENTIFIED']
                : ['REMAINS_RECOVERED', 'IDENTIFIED']
              : r.chance(0.5)
                ? ['IDENTIFIED', 'REMAINS_HANDED_OVER']
                : ['REMAINS_RECOVERED', 'IDENTIFIED', 'REMAINS_HANDED_OVER'];
      const workflowPath = WORKFLOW_PATH.slice(1, WORKFLOW_PATH.indexOf(workflow) + 1);
      const officerIds = office.officerIds;
      const assignedOfficerId = workflow === 'NEW' && r.chance(0.5) ? null : r.pick(officerIds);
      const createdBy = r.pick(officerIds);

      // Timeline: created, then the status steps in order (workflow steps and fate steps interleaved).
      const steps = workflowPath.length + fatePath.length;
      const stepTimes = this.times(createdMs, steps, 12 * 365 * DAY);
      push('case_event', [randomUUID(), id, 'CREATED', iso(createdMs), createdBy, null, 'NEW', null, null, false]);
      let w = 0;
      let f = 0;
      let fateNow = 'MISSING';
      let workflowNow = 'NEW';
      let familyInformedAt: string | null = null;
      for (let s = 0; s < steps; s++) {
        const at = iso(stepTimes[s]);
        const doFate = f < fatePath.length && (w >= workflowPath.length || r.chance(fatePath.length / steps));
        const actor = assignedOfficerId ?? createdBy;
        if (doFate) {
          const to = fatePath[f++];
          const familyMessage =
            to === 'FOUND_ALIVE' && r.chance(0.5)
              ? 'Good news about your relative: please contact your liaison officer.'
              : null;
          push('case_event', [
            randomUUID(),
            id,
            'FATE_CHANGED',
            at,
            actor,
            fateNow,
            to,
            STATUS_NOTES[to],
            familyMessage,
            familyMessage !== null,
          ]);
          if (to !== 'FOUND_ALIVE' && familyInformedAt === null) familyInformedAt = at;
          fateNow = to;
        } else {
          const to = workflowPath[w++];
          const by = to === 'CLOSED' ? office.managerId : actor;
          push('case_event', [
            randomUUID(),
            id,
            'WORKFLOW_CHANGED',
            at,
            by,
            workflowNow,
            to,
            STATUS_NOTES[to],
            null,
            false,
          ]);
          workflowNow = to;
        }
      }
      const updatedMs = steps ? stepTimes[steps - 1] : createdMs;

      push('case', [
        id,
        formatCaseNumber(seq),
        office.id,
        assignedOfficerId,
        firstName,
        lastName,
        fatherName,
        arrayLiteral(otherNames),
        sex,
        dob.text,
        dob.text ? birthYear : null,
        ctx.communities[communityIndex].id,
        placeOfBirth,
        missing.text,
        missing.from,
        ctx.municipalities[municipalityIndex].id,
        lastSeenPlace,
        circumstances,
        fate,
        workflow,
        familyInformedAt,
        1 + steps,
        searchText,
        createdBy,
        iso(createdMs),
        iso(updatedMs),
      ]);

      // External references (ICRC tracing request, GCMP and ICMP numbers) for part of the cases;
      // built from the case's sequence number, so unique however many loads run.
      const refs: [string, string][] = [];
      if (r.chance(0.35)) refs.push(['ICRC', `KSV-${String(seq).padStart(7, '0')}`]);
      if (r.chance(0.2)) refs.push(['GCMP', `GCMP/${missingYear}/${seq}`]);
      if (fate !== 'MISSING' && fate !== 'FOUND_ALIVE' && r.chance(0.6))
        refs.push(['ICMP', `ICMP-KOS-${seq.toString(36).toUpperCase()}`]);
      if (r.chance(0.02)) refs.push(['OTHER', `REF-${seq}`]);
      for (const [system, reference] of refs)
        push('external_reference', [randomUUID(), id, system, reference, iso(createdMs)]);

      // Relatives: 1-4 (2.5 on average); a sibling case shares the primary contact.
      const relatives: { id: string; language: string }[] = [];
      const relativeCount = r.between(1, 4);
      const languages = new Weighted(LANGUAGES_BY_COMMUNITY[communityCode] ?? [['sq', 1]]);
      for (let j = 0; j < relativeCount; j++) {
        const primary = j === 0;
        if (primary && sibling) {
          relatives.push({ id: prev.primaryRelativeId, language: languages.draw(r) });
          push('case_relative', [
            id,
            prev.primaryRelativeId,
            r.pick(['BROTHER', 'SISTER', 'MOTHER', 'FATHER']),
            true,
            iso(createdMs),
          ]);
          continue;
        }
        const relationship = (primary ? RELATIONSHIPS_FIRST : RELATIONSHIPS_OTHER).draw(r);
        const female = FEMALE_RELATIONSHIPS.has(relationship) || (relationship === 'SPOUSE' && sex === 'MALE');
        const relScript = r.chance(0.85) ? script : r.pick(SCRIPTS);
        const rFirstBase = r.pick(female ? set.female : set.male);
        const rFirst = this.name(set, rFirstBase, relScript);
        const rLast =
          relationship === 'OTHER' || relationship === 'IN_LAW'
            ? this.name(set, r.pick(set.surnames), relScript)
            : this.name(set, surnameBase, relScript);
        const relativeId = randomUUID();
        const language = languages.draw(r);
        const ascii = (s: string) => spell(s, set.orthography, 'ascii').toLowerCase();
        const email = r.chance(0.25) ? `${ascii(rFirstBase)}.${ascii(surnameBase)}${r.int(1000)}@example.org` : null;
        const phone = r.chance(0.85)
          ? `+383 4${r.pick(['3', '4', '5', '9'])} ${100 + r.int(900)} ${100 + r.int(900)}`
          : null;
        const street = set.orthography === 'sr' ? STREETS.sr : STREETS.sq;
        const address = r.chance(0.6) ? `${r.pick(street)} ${r.between(1, 120)}, ${place[scriptForPlace]}` : null;
        push('relative', [
          relativeId,
          rFirst,
          rLast,
          phone,
          email,
          address,
          language,
          DNA.draw(r),
          iso(createdMs),
          iso(createdMs),
        ]);
        push('case_relative', [id, relativeId, relationship, primary, iso(createdMs)]);
        relatives.push({ id: relativeId, language });
      }

      // Contacts with the family: 0-8 (4 on average), after the case was opened.
      const contactCount = r.int(9);
      const contactTimes = this.times(createdMs, contactCount, 20 * 365 * DAY);
      for (const t of contactTimes) {
        const relative = r.chance(0.9) ? r.pick(relatives) : null;
        const language = relative?.language ?? (set.orthography === 'sr' ? 'sr' : 'sq');
        const interpreter = language !== 'sq' && language !== 'sr' ? r.chance(0.5) : r.chance(0.03);
        let followUpOn: string | null = null;
        let followUpDoneAt: string | null = null;
        if (r.chance(0.2)) {
          const due = t + r.between(7, 60) * DAY;
          followUpOn = isoDate(due);
          if (due < this.nowMs && r.chance(0.8)) followUpDoneAt = iso(Math.min(this.nowMs, due + r.int(5) * DAY));
        }
        push('contact', [
          randomUUID(),
          id,
          iso(t),
          CHANNELS.draw(r),
          relative?.id ?? null,
          assignedOfficerId ?? r.pick(officerIds),
          language,
          interpreter,
          r.pick(CONTACT_SUMMARIES),
          r.chance(0.3) ? r.pick(FAMILY_SUMMARIES) : null,
          followUpOn,
          followUpDoneAt,
          iso(t),
        ]);
      }

      this.previous = {
        id,
        surname: surnameBase,
        set,
        communityIndex,
        municipalityIndex,
        script,
        primaryRelativeId: relatives[0].id,
      };
    }

    return Object.fromEntries(TABLES.map((t) => [t, writers[t].finish()])) as Batch;
  }
}
