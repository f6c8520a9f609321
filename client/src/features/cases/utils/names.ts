import { foldedTokens, foldName, parseCaseNumber } from '@mprc/contracts';

/** "Agim Krasniqi": first and last name. */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`;
}

/**
 * "Agim (Ramë) Krasniqi": the father's name between the first and last names, as missing persons
 * are identified in the region (and on the ICRC's lists).
 */
export function nameWithFather(person: { firstName: string; lastName: string; fatherName?: string | null }): string {
  return person.fatherName ? `${person.firstName} (${person.fatherName}) ${person.lastName}` : personName(person);
}

export interface SearchMatch {
  /** Other names or spellings of the person that contain a searched word. */
  otherNames: string[];
  /** No name contains the searched words as typed: found by a similar spelling (a typo, another script). */
  similar: boolean;
}

const wordMatches = (token: string, words: string[]) =>
  words.some((word) => word === token || (token.length >= 3 && word.startsWith(token)));

/**
 * Why a search result matched, worked out the way the server folds names (`foldName` mirrors
 * the SQL), so the list can show the spelling that was found: "Ђорђевић" finds "Đorđević", and
 * a search for "Gjorgjeviq" shows the other spelling recorded on the case.
 */
export function searchMatch(
  item: { firstName: string; lastName: string; fatherName: string | null; otherNames: string[]; caseNumber: string },
  q: string,
): SearchMatch {
  const tokens = foldedTokens(q);
  if (tokens.length === 0 || parseCaseNumber(q) === item.caseNumber) return { otherNames: [], similar: false };
  const primary = foldName(`${item.firstName} ${item.lastName} ${item.fatherName ?? ''}`).split(' ');
  const primaryHasAll = tokens.every((token) => wordMatches(token, primary));
  const otherNames = primaryHasAll
    ? []
    : item.otherNames.filter((name) => tokens.some((token) => wordMatches(token, foldName(name).split(' '))));
  const everyWord = [primary, ...item.otherNames.map((name) => foldName(name).split(' '))].flat();
  // Digits mean a case number or an external reference was searched, not a name.
  const similar =
    !/\d/.test(q) &&
    !primaryHasAll &&
    otherNames.length === 0 &&
    !tokens.some((token) => wordMatches(token, everyWord));
  return { otherNames, similar };
}
