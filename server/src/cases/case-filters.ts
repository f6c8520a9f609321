import { parseCaseNumber, partialDateRange, type CaseListQuery } from '@mprc/contracts';
import type pg from 'pg';
import { scopeCondition, type CaseScope, type SqlParams } from './case-scope.js';

// The case list's filters as SQL, shared by the case list (case-search.repository.ts) and by the
// reports and exports, so a chart, an export and the list count exactly the same cases.
//
// Name search: case.search_text holds the folded names (first, last, father's, other names;
// mprc_fold(): one key for Albanian, Serbian Latin, Cyrillic and ASCII spellings). The query is
// folded by the same function and split into words; every word must be similar to some word of the
// names (word_similarity >= the threshold below). The similar words are looked up in the
// vocabulary of name words (case_name_word, trigram index: a few thousand words), and the cases
// holding them through the GIN index on the name words (case_name_tokens_idx), so pg_trgm never
// rechecks thousands of candidates' names. 0.4 lets one wrong letter in a four-letter name through
// (gasi ~ gazi = 0.4). Results rank by the mean word similarity, then by the similarity of the
// whole query with all the names. Exact case numbers (including numbers of cases merged away,
// which resolve to the survivor) and external references match too and rank first.
export const WORD_SIMILARITY_THRESHOLD = 0.4;
const MAX_QUERY_WORDS = 8;

/** The filter part of the case list's query (no paging, no sorting). */
export type CaseFilterInput = Pick<
  CaseListQuery,
  | 'q'
  | 'fateStatus'
  | 'workflowStatus'
  | 'communityCode'
  | 'municipalityCode'
  | 'officeCode'
  | 'missingFrom'
  | 'missingTo'
  | 'assignedOfficerId'
>;

/** Run first in the transaction that uses a filter with `q` (pg_trgm's `%>` reads it). */
export const SET_SEARCH_THRESHOLD = `SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`;

// The last day a partial missing-since date allows (missing_since_from is the first).
export const MISSING_SINCE_TO = `(CASE length(c.missing_since)
    WHEN 4 THEN (c.missing_since_from + interval '1 year' - interval '1 day')::date
    WHEN 7 THEN (c.missing_since_from + interval '1 month' - interval '1 day')::date
    ELSE c.missing_since_from END)`;

export interface CaseFilterSql {
  /** FROM clause; the case table is aliased `c` (joined to the search hits `hit` with q). */
  from: string;
  /** WHERE condition (without the keyword). */
  where: string;
  /** Relevance 0..1 with q, else NULL. */
  score: string;
  /** Whether a name search (q) is part of the filter: order by `hit.score DESC, hit.tie DESC`. */
  hasQuery: boolean;
}

export async function foldTexts(client: pg.ClientBase, values: string[]): Promise<string[]> {
  const { rows } = await client.query<{ f: string[] }>(
    'SELECT array(SELECT mprc_fold(v) FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i) AS f',
    [values],
  );
  return rows[0].f;
}

/** A name search's terms: the query as typed, its folded words and the case number it may be. */
export interface SearchTerms {
  q: string;
  /** Distinct folded words, at most MAX_QUERY_WORDS (none when q is only punctuation). */
  words: string[];
  caseNumber: string | null;
}

/** Folds `q` (on the connection of the query, inside its transaction); null when it is blank. */
export async function searchTerms(client: pg.ClientBase, q: string | undefined): Promise<SearchTerms | null> {
  const trimmed = q?.trim();
  if (!trimmed) return null;
  const [folded] = await foldTexts(client, [trimmed]);
  const words = [...new Set(folded.split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);
  return { q: trimmed, words, caseNumber: parseCaseNumber(trimmed) };
}

/**
 * The words of a case's folded names, indexed by the GIN index case_name_tokens_idx
 * (`NAME_TOKENS && ARRAY[...]`: the case holds one of these words).
 */
export const NAME_TOKENS = `string_to_array(c.search_text, ' ')`;

/**
 * The words of the vocabulary (case_name_word: every word of the folded names) that match a query
 * word: word_similarity(query word, name word) >= the threshold, answered from the trigram index
 * case_name_word_trgm_idx by case_name_words_similar() (SET_SEARCH_THRESHOLD must run first).
 */
export const similarWordsSql = (wordRef: string) => `(SELECT case_name_words_similar(${wordRef}))`;

/**
 * The WHERE conditions of the filters other than `q`: scope, statuses, codes, dates, officer;
 * merged cases left out.
 */
export function caseFilterConditions(
  scope: CaseScope,
  query: CaseFilterInput,
  actorUserId: string | undefined,
  p: SqlParams,
): string[] {
  const where = ['c.merged_into_id IS NULL', scopeCondition(scope, 'c.office_id', p)];
  if (query.fateStatus) where.push(`c.fate_status = ${p.add(query.fateStatus, '::"FateStatus"')}`);
  if (query.workflowStatus) where.push(`c.workflow_status = ${p.add(query.workflowStatus, '::"WorkflowStatus"')}`);
  if (query.communityCode)
    where.push(`c.community_id = (SELECT id FROM community WHERE code = ${p.add(query.communityCode)})`);
  if (query.municipalityCode)
    where.push(
      `c.last_seen_municipality_id = (SELECT id FROM municipality WHERE code = ${p.add(query.municipalityCode)})`,
    );
  if (query.officeCode) where.push(`c.office_id = (SELECT id FROM office WHERE code = ${p.add(query.officeCode)})`);
  if (query.assignedOfficerId === 'none') where.push('c.assigned_officer_id IS NULL');
  else if (query.assignedOfficerId) {
    const officer = query.assignedOfficerId === 'me' ? actorUserId : query.assignedOfficerId;
    where.push(officer ? `c.assigned_officer_id = ${p.add(officer, '::uuid')}` : 'FALSE');
  }
  // A case matches a date filter when its (partial) missing-since date may fall in the range.
  if (query.missingFrom)
    where.push(`${MISSING_SINCE_TO} >= ${p.add(partialDateRange(query.missingFrom)!.from, '::date')}`);
  if (query.missingTo) where.push(`c.missing_since_from <= ${p.add(partialDateRange(query.missingTo)!.to, '::date')}`);
  return where;
}

/**
 * The search's hits other than names: an exact case number (numbers of cases merged away resolve
 * to the survivor; score 3) and an external reference in any letter case (score 2). Each branch
 * is `SELECT id, score, tie`.
 */
export function specialHitsSql(terms: SearchTerms, p: SqlParams): string[] {
  const hits: string[] = [];
  if (terms.caseNumber)
    hits.push(
      `SELECT coalesce(c.merged_into_id, c.id) AS id, 3::float8 AS score, 1::float8 AS tie FROM "case" c WHERE c.case_number = ${p.add(terms.caseNumber)}`,
    );
  hits.push(
    `SELECT er.case_id AS id, 2::float8 AS score, 1::float8 AS tie FROM external_reference er WHERE upper(er.reference) = upper(${p.add(terms.q)})`,
  );
  return hits;
}

/**
 * How a case's names rank against the query words (pg_trgm, on the folded names): `score` is the
 * mean word similarity of the query words with all the names, `tie` the similarity of the whole
 * query with them; `refs` are the parameters holding the words.
 */
export function nameScoreSql(terms: SearchTerms, p: SqlParams): { refs: string[]; score: string; tie: string } {
  const refs = terms.words.map((w) => p.add(w));
  const all = p.add(terms.words.join(' '));
  return {
    refs,
    score: `((${refs.map((r) => `word_similarity(${r}, c.search_text)`).join(' + ')}) / ${terms.words.length})::float8`,
    tie: `similarity(${all}, c.search_text)::float8`,
  };
}

/**
 * Whether a case's names match the query words (parameters `refs`): every word must be similar to
 * one of the case's name words, answered by the vocabulary and case_name_tokens_idx.
 */
export const nameConditionSql = (refs: string[]) =>
  refs.map((r) => `${NAME_TOKENS} && ${similarWordsSql(r)}`).join(' AND ');

/** Every hit of the search as `SELECT id, score, tie` (one row per case). */
export function searchHitsSql(terms: SearchTerms, p: SqlParams): string {
  const hits: string[] = [];
  if (terms.words.length) {
    const names = nameScoreSql(terms, p);
    // Merged cases never match by name (the token index holds live cases only).
    hits.push(
      `SELECT c.id, ${names.score} AS score, ${names.tie} AS tie
         FROM "case" c WHERE c.merged_into_id IS NULL AND ${nameConditionSql(names.refs)}`,
    );
  }
  // Each branch names its columns: when q folds to no words (only punctuation) a special one comes
  // first and its names are the UNION's.
  hits.push(...specialHitsSql(terms, p));
  return `SELECT id, max(score) AS score, max(tie) AS tie FROM (${hits.join(' UNION ALL ')}) h GROUP BY id`;
}

/**
 * Builds the FROM and WHERE of "the cases in scope matching these filters", merged cases left out.
 * `client` folds the search text (the same connection as the query, inside its transaction).
 */
export async function caseFilterSql(
  client: pg.ClientBase,
  scope: CaseScope,
  query: CaseFilterInput,
  actorUserId: string | undefined,
  p: SqlParams,
): Promise<CaseFilterSql> {
  const where = caseFilterConditions(scope, query, actorUserId, p);
  const terms = await searchTerms(client, query.q);
  if (!terms) return { from: '"case" c', where: where.join(' AND '), score: 'NULL::float8', hasQuery: false };
  return {
    from: `(${searchHitsSql(terms, p)}) hit
             JOIN "case" c ON c.id = hit.id`,
    where: where.join(' AND '),
    score: 'least(hit.score, 1)::float8',
    hasQuery: true,
  };
}
