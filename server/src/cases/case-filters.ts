import { parseCaseNumber, partialDateRange, type CaseListQuery } from '@mprc/contracts';
import type pg from 'pg';
import { scopeCondition, type CaseScope, type SqlParams } from './case-scope.js';

// The case list's filters as SQL, shared by the case list (case-search.repository.ts) and by the
// reports and exports, so a chart, an export and the list count exactly the same cases.
//
// Name search: case.search_text holds the folded names (first, last, father's, other names;
// mprc_fold(): one key for Albanian, Serbian Latin, Cyrillic and ASCII spellings), indexed by the
// trigram GIN index case_search_text_trgm_idx. The query is folded by the same function and split
// into words; every word must match some part of the names (`search_text %> word`, i.e.
// word_similarity >= the threshold below, which the GIN index answers). 0.4 lets one wrong letter
// in a four-letter name through (gasi ~ gazi = 0.4). Results rank by the mean word similarity,
// then by the similarity of the whole query with all the names. Exact case numbers (including
// numbers of cases merged away, which resolve to the survivor) and external references match too
// and rank first.
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

  let from = '"case" c';
  let score = 'NULL::float8';
  const q = query.q?.trim();
  if (q) {
    const [folded] = await foldTexts(client, [q]);
    const words = [...new Set(folded.split(' ').filter(Boolean))].slice(0, MAX_QUERY_WORDS);
    const hits: string[] = [];
    if (words.length) {
      const refs = words.map((w) => p.add(w));
      const all = p.add(words.join(' '));
      hits.push(
        `SELECT c.id, ((${refs.map((r) => `word_similarity(${r}, c.search_text)`).join(' + ')}) / ${words.length})::float8 AS score,
                similarity(${all}, c.search_text)::float8 AS tie
           FROM "case" c WHERE ${refs.map((r) => `c.search_text %> ${r}`).join(' AND ')}`,
      );
    }
    const caseNumber = parseCaseNumber(q);
    if (caseNumber) {
      hits.push(
        `SELECT coalesce(c.merged_into_id, c.id) AS id, 3::float8 AS score, 1::float8 AS tie FROM "case" c WHERE c.case_number = ${p.add(caseNumber)}`,
      );
    }
    // Each branch names its columns: when q folds to no words (only punctuation) this one comes first
    // and its names are the UNION's.
    hits.push(
      `SELECT er.case_id AS id, 2::float8 AS score, 1::float8 AS tie FROM external_reference er WHERE upper(er.reference) = upper(${p.add(q)})`,
    );
    from = `(SELECT id, max(score) AS score, max(tie) AS tie FROM (${hits.join(' UNION ALL ')}) h GROUP BY id) hit
             JOIN "case" c ON c.id = hit.id`;
    score = 'least(hit.score, 1)::float8';
  }
  return { from, where: where.join(' AND '), score, hasQuery: !!q };
}
