import type { ImportCandidate } from '@mprc/contracts';
import { DUPLICATE_MIN_SCORE, scoreDuplicate } from '../cases/duplicate-score.js';
import { setSimilarity, trigrams } from './trigram.js';

// The same person twice in one file: rows whose folded first and last names are equal (so
// Krasniqi, Krasnići and Краснићи are one name) are compared as the case feature compares a
// report with a case (duplicate-score.ts: father's name, birth year, municipality), in memory
// while the file streams by. The later row gets the earlier ones as candidates.

export interface FilePerson {
  rowNumber: number;
  firstName: string;
  lastName: string;
  fatherName: string | null;
  /** Folded (foldName) names. */
  first: string;
  last: string;
  father: string | null;
  birthYear: number | null;
  municipalityId: string | null;
}

/** Earlier rows compared per name (the most recent ones). */
const KEPT_PER_NAME = 10;
export const CANDIDATES_KEPT = 5;

export const byScore = (a: ImportCandidate, b: ImportCandidate) =>
  b.score - a.score ||
  (a.caseNumber ?? '').localeCompare(b.caseNumber ?? '') ||
  (a.rowNumber ?? 0) - (b.rowNumber ?? 0);

/**
 * What is remembered of an earlier row: only what scoring and the candidate need (its folded
 * names are the map's key). One per valid row of the file, so it is kept small.
 */
interface Kept {
  rowNumber: number;
  firstName: string;
  lastName: string;
  fatherName: string | null;
  father: string | null;
  birthYear: number | null;
  municipalityId: string | null;
  fatherTrigrams: Set<string> | null;
}

export class FileDuplicates {
  private readonly byName = new Map<string, Kept[]>();
  // Fathers' names repeat a lot: one trigram set per distinct name.
  private readonly trigramCache = new Map<string, Set<string>>();

  private trigramsOf(folded: string): Set<string> {
    let set = this.trigramCache.get(folded);
    if (!set) {
      set = trigrams(folded);
      if (this.trigramCache.size < 50_000) this.trigramCache.set(folded, set);
    }
    return set;
  }

  /** The earlier rows this one may repeat (best first), then remembers it. */
  check(person: FilePerson): ImportCandidate[] {
    const key = `${person.last}\u0000${person.first}`;
    const earlier = this.byName.get(key);
    const kept: Kept = {
      rowNumber: person.rowNumber,
      firstName: person.firstName,
      lastName: person.lastName,
      fatherName: person.fatherName,
      father: person.father,
      birthYear: person.birthYear,
      municipalityId: person.municipalityId,
      fatherTrigrams: person.father ? this.trigramsOf(person.father) : null,
    };
    const top: { score: number; reasons: ImportCandidate['reasons']; other: Kept }[] = [];
    // The most recent first; the best possible score fills the list early when the same person repeats.
    for (let i = (earlier?.length ?? 0) - 1; i >= 0; i--) {
      const other = earlier![i];
      const { score, reasons } = scoreDuplicate({
        lastNameSimilarity: 1,
        firstNameSimilarity: 1,
        fatherNameSimilarity:
          kept.fatherTrigrams && other.fatherTrigrams
            ? person.father === other.father
              ? 1
              : setSimilarity(kept.fatherTrigrams, other.fatherTrigrams)
            : null,
        birthYearDifference:
          person.birthYear !== null && other.birthYear !== null ? Math.abs(person.birthYear - other.birthYear) : null,
        sameMunicipality:
          person.municipalityId && other.municipalityId ? person.municipalityId === other.municipalityId : null,
      });
      if (score < DUPLICATE_MIN_SCORE || (top.length === CANDIDATES_KEPT && score <= top[top.length - 1].score))
        continue;
      let at = top.length;
      while (at > 0 && top[at - 1].score < score) at--;
      top.splice(at, 0, { score, reasons, other });
      if (top.length > CANDIDATES_KEPT) top.pop();
      if (top.length === CANDIDATES_KEPT && top[top.length - 1].score >= 1) break;
    }
    if (earlier) {
      earlier.push(kept);
      if (earlier.length > KEPT_PER_NAME) earlier.shift();
    } else this.byName.set(key, [kept]);
    return top
      .map(({ score, reasons, other }): ImportCandidate => ({
        caseId: null,
        caseNumber: null,
        rowNumber: other.rowNumber,
        firstName: other.firstName,
        lastName: other.lastName,
        fatherName: other.fatherName,
        birthYear: other.birthYear,
        score,
        reasons,
      }))
      .sort(byScore);
  }
}
