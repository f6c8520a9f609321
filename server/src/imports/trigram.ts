// pg_trgm's similarity() for folded names (lower-case letters, digits and single spaces, as
// foldName() returns them), so rows of one file can be compared in memory the way PostgreSQL
// compares a row with a case: each word padded with two spaces before and one after, its distinct
// three-letter pieces, and the share the two sets have in common.

export function trigrams(folded: string): Set<string> {
  const out = new Set<string>();
  for (const word of folded.split(' ')) {
    if (!word) continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  }
  return out;
}

export function similarity(a: string, b: string): number {
  return setSimilarity(trigrams(a), trigrams(b));
}

/** similarity() of two trigram sets. */
export function setSimilarity(ta: Set<string>, tb: Set<string>): number {
  if (!ta.size || !tb.size) return 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}

const cache = new Map<string, Set<string>>();
const cached = (folded: string) => {
  let set = cache.get(folded);
  if (!set) {
    if (cache.size > 20_000) cache.clear();
    set = trigrams(folded);
    cache.set(folded, set);
  }
  return set;
};

/** similarity() of two folded names, their trigram sets kept for the next comparison (names repeat). */
export function fatherSimilarity(a: string, b: string): number {
  return a === b ? 1 : setSimilarity(cached(a), cached(b));
}
