import type { DuplicateReason } from '@mprc/contracts';

// How alike a new report and an existing case are, 0..1. PostgreSQL measures the names (trigram
// similarity of the folded spellings, so Krasniqi, Krasnići and Краснићи count as the same);
// this function weighs what is known:
//
//   last name 0.35, first name 0.25   word similarity of the folded query name with the case's
//                                      folded name and other spellings (1 = same key)
//   father's name 0.20                similarity of the folded fathers' names
//   birth year 0.10                   same 1, one year apart 0.7, two 0.4, further 0
//   municipality 0.10                 last-seen municipality: same 1, different 0
//
// A fact missing on either side counts half its weight: it neither speaks for nor against.
// Candidates scoring 0.5 or more are shown, best first.
export const DUPLICATE_WEIGHTS = {
  lastName: 0.35,
  firstName: 0.25,
  fatherName: 0.2,
  birthYear: 0.1,
  municipality: 0.1,
} as const;
export const DUPLICATE_MIN_SCORE = 0.5;
const UNKNOWN = 0.5;
const SAME = 0.99;

export interface DuplicateSignals {
  /** 0..1, null when the query has no last name. */
  lastNameSimilarity: number | null;
  firstNameSimilarity: number | null;
  /** null when either side has no father's name. */
  fatherNameSimilarity: number | null;
  /** Absolute difference, null when either side has no birth year. */
  birthYearDifference: number | null;
  /** null when either side has no municipality. */
  sameMunicipality: boolean | null;
}

const birthYearPart = (diff: number) => (diff === 0 ? 1 : diff === 1 ? 0.7 : diff === 2 ? 0.4 : 0);

export function scoreDuplicate(s: DuplicateSignals): { score: number; reasons: DuplicateReason[] } {
  const reasons: DuplicateReason[] = [];
  const name = (sim: number | null, same: DuplicateReason, similar: DuplicateReason) => {
    if (sim === null) return UNKNOWN;
    if (sim >= SAME) reasons.push(same);
    else if (sim >= 0.5) reasons.push(similar);
    return sim;
  };
  const last = name(s.lastNameSimilarity, 'LAST_NAME_SAME', 'LAST_NAME_SIMILAR');
  const first = name(s.firstNameSimilarity, 'FIRST_NAME_SAME', 'FIRST_NAME_SIMILAR');

  let father = UNKNOWN;
  if (s.fatherNameSimilarity !== null) {
    father = s.fatherNameSimilarity;
    reasons.push(father >= SAME ? 'FATHER_NAME_SAME' : father >= 0.5 ? 'FATHER_NAME_SIMILAR' : 'FATHER_NAME_DIFFERENT');
  }
  let birth = UNKNOWN;
  if (s.birthYearDifference !== null) {
    birth = birthYearPart(s.birthYearDifference);
    reasons.push(
      s.birthYearDifference === 0
        ? 'BIRTH_YEAR_SAME'
        : s.birthYearDifference <= 2
          ? 'BIRTH_YEAR_CLOSE'
          : 'BIRTH_YEAR_DIFFERENT',
    );
  }
  let place = UNKNOWN;
  if (s.sameMunicipality !== null) {
    place = s.sameMunicipality ? 1 : 0;
    reasons.push(s.sameMunicipality ? 'MUNICIPALITY_SAME' : 'MUNICIPALITY_DIFFERENT');
  }
  const w = DUPLICATE_WEIGHTS;
  const score =
    w.lastName * last + w.firstName * first + w.fatherName * father + w.birthYear * birth + w.municipality * place;
  return { score: Math.round(score * 100) / 100, reasons };
}
