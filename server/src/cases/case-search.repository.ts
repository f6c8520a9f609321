import { Injectable } from '@nestjs/common';
import {
  type CaseListItem,
  type CaseListQuery,
  type CasePage,
  type CaseSort,
  type DuplicateQuery,
} from '@mprc/contracts';
import type pg from 'pg';
import { DatabaseService } from '../common/database/database.service.js';
import {
  caseFilterConditions,
  NAME_TOKENS,
  nameConditionSql,
  nameScoreSql,
  searchTerms,
  SET_SEARCH_THRESHOLD,
  specialHitsSql,
  WORD_SIMILARITY_THRESHOLD,
  type SearchTerms,
} from './case-filters.js';
import { scopeCondition, SqlParams, type CaseScope } from './case-scope.js';

// Case list, search and duplicate candidates: hand-written SQL on the pg pool, because filtering,
// counting and ranking all happen in PostgreSQL (never by loading rows into Node) and because the
// name search needs pg_trgm's operators and a per-transaction similarity threshold.
//
// The filters and the name search are built by case-filters.ts (shared with reports and exports,
// so they count the same cases); the threshold is re-exported for callers that import it here.
export { WORD_SIMILARITY_THRESHOLD };

/**
 * The most name hits a relevance-ordered search ranks and counts; more are reported as "at least
 * this many" (CasePage.totalIsLowerBound).
 */
export const SEARCH_COUNT_CAP = 1000;

export interface DuplicateRow {
  id: string;
  case_number: string;
  first_name: string;
  last_name: string;
  father_name: string | null;
  birth_year: number | null;
  municipality_code: string | null;
  office_code: string;
  fate_status: CaseListItem['fateStatus'];
  workflow_status: CaseListItem['workflowStatus'];
  last_sim: number | null;
  first_sim: number | null;
  father_sim: number | null;
}

// Sort keys map to fixed SQL (the query schema allows only these names).
const SORT_COLUMNS: Record<Exclude<CaseSort, 'relevance' | `-${string}`>, string[]> = {
  caseNumber: ['length(c.case_number)', 'c.case_number'],
  // Folded names: Çeku sorts with Ceku, Ђорђевић with Djordjevic (index case_name_sort_idx).
  lastName: ['mprc_fold(c.last_name)', 'mprc_fold(c.first_name)'],
  missingSince: ['c.missing_since_from'],
  updatedAt: ['c.updated_at'],
  createdAt: ['c.created_at'],
};

function orderBy(sort: CaseSort, hasHits: boolean): string {
  if (sort === 'relevance')
    return hasHits ? 'hit.score DESC, hit.tie DESC, c.case_number' : orderBy('-updatedAt', false);
  const desc = sort.startsWith('-');
  const columns = SORT_COLUMNS[(desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS];
  const dir = desc ? 'DESC NULLS LAST' : 'ASC NULLS LAST';
  return [...columns.map((c) => `${c} ${dir}`), 'c.id'].join(', ');
}

interface ListRow {
  id: string;
  case_number: string;
  first_name: string;
  last_name: string;
  father_name: string | null;
  other_names: string[];
  sex: CaseListItem['sex'];
  date_of_birth: string | null;
  missing_since: string | null;
  community_code: string | null;
  municipality_code: string | null;
  office_code: string;
  officer_id: string | null;
  officer_name: string | null;
  fate_status: CaseListItem['fateStatus'];
  workflow_status: CaseListItem['workflowStatus'];
  created_at: Date;
  updated_at: Date;
  score: number | null;
}

/** How the name candidates are scored: from the vocabulary (with `v`), or by pg_trgm expressions on `c`. */
type Scoring = { vocabulary: number } | { score: string; tie: string };

/** A row of the page statement: the total on every row; one row of NULLs when the page is empty. */
type PageRow = { total: number } & { [K in keyof ListRow]: ListRow[K] | null };

function toPage(rows: PageRow[], query: CaseListQuery, totalIsLowerBound: boolean): CasePage {
  const items = rows.filter((r) => r.id !== null) as unknown as ListRow[];
  return {
    items: items.map((r) => ({
      id: r.id,
      caseNumber: r.case_number,
      firstName: r.first_name,
      lastName: r.last_name,
      fatherName: r.father_name,
      otherNames: r.other_names,
      sex: r.sex,
      dateOfBirth: r.date_of_birth,
      missingSince: r.missing_since,
      communityCode: r.community_code,
      lastSeenMunicipalityCode: r.municipality_code,
      officeCode: r.office_code,
      assignedOfficer: r.officer_id ? { id: r.officer_id, name: r.officer_name ?? '' } : null,
      fateStatus: r.fate_status,
      workflowStatus: r.workflow_status,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      score: r.score === null ? null : Math.round(r.score * 1000) / 1000,
    })),
    total: rows[0]?.total ?? 0,
    totalIsLowerBound,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * `v`: the vocabulary's words similar to each query word (`i`, its position in the parameter
 * `words`), with their word similarity to it.
 */
function similarWordsCte(words: string): string {
  return `v AS MATERIALIZED (
        SELECT q.i, v.word, word_similarity(q.w, v.word)::float8 AS sim
          FROM unnest(${words}) WITH ORDINALITY AS q(w, i)
          CROSS JOIN LATERAL unnest(case_name_words_similar(q.w)) AS v(word))`;
}

/**
 * The scored candidates (`cand` c) by relevance from the vocabulary (`v`) rather than pg_trgm on
 * every candidate's names: the mean over the query words of the best similarity of one of the
 * case's name words (a hash join of their words with `v`); ties go to the shorter names (fewer
 * other words: closer to what was typed).
 */
function vocabularyScored(wordCount: number, condition: string): string {
  return `SELECT b.id, (sum(b.best) / ${wordCount})::float8 AS score, max(b.tie) AS tie, min(b.case_number) AS case_number
            FROM (SELECT c.id, v.i, max(v.sim) AS best, (-length(c.search_text))::float8 AS tie, c.case_number
                    FROM cand c CROSS JOIN LATERAL unnest(${NAME_TOKENS}) AS t(word) JOIN v ON v.word = t.word
                   ${condition ? `WHERE ${condition}` : ''}
                   GROUP BY c.id, v.i, c.search_text, c.case_number) b
           GROUP BY b.id`;
}

@Injectable()
export class CaseSearchRepository {
  constructor(private readonly db: DatabaseService) {}

  /** A read-only snapshot with the search threshold set for this transaction only. */
  private async readOnly<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(SET_SEARCH_THRESHOLD);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  private async fold(client: pg.PoolClient, values: string[]): Promise<string[]> {
    const { rows } = await client.query<{ f: string[] }>(
      'SELECT array(SELECT mprc_fold(v) FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i) AS f',
      [values],
    );
    return rows[0].f;
  }

  /**
   * One page of the case list with its total, in one statement (two for a broad name search):
   * - without `q`, the total is exact; the partial indexes of 20261127112000_case_list_search_indexes
   *   serve the common filters and the default order;
   * - with `q`, the name hits (case-filters.ts) are found and ranked once for the page and the total.
   *   Ordered by relevance (first pages), one- and two-word queries take the cases holding the
   *   most similar name words first (exact spellings first, rankedByWords()), longer ones all the
   *   hits up to SEARCH_COUNT_CAP + 1; when there are more (a common surname alone), the page is
   *   ranked among the first SEARCH_COUNT_CAP and the total says "at least" that many
   *   (`totalIsLowerBound`) instead of ranking and counting tens of thousands of cases.
   */
  async list(scope: CaseScope, query: CaseListQuery, actorUserId: string | undefined): Promise<CasePage> {
    return this.readOnly(async (client) => {
      const terms = await searchTerms(client, query.q);
      const sort = query.sort ?? (terms ? 'relevance' : '-updatedAt');
      const offset = (query.page - 1) * query.pageSize;
      const p = new SqlParams();
      const where = caseFilterConditions(scope, query, actorUserId, p).join(' AND ');
      if (!terms) {
        const pageSql = this.pageSql(
          '"case" c',
          where,
          'NULL::float8',
          orderBy(sort, false),
          `LIMIT ${p.add(query.pageSize)} OFFSET ${p.add(offset)}`,
        );
        const { rows } = await client.query<PageRow>(
          `SELECT (SELECT count(*) FROM "case" c WHERE ${where})::int AS total, pag.*
             FROM (SELECT 1) one LEFT JOIN LATERAL (${pageSql}) pag ON TRUE`,
          p.values,
        );
        return toPage(rows, query, false);
      }
      const capped = terms.words.length > 0 && sort === 'relevance' && offset + query.pageSize <= SEARCH_COUNT_CAP;
      // One word (often a surname alone) or two match thousands of cases at a million: finding out
      // costs more than taking the best SEARCH_COUNT_CAP by their words straight away (at 1M, p95
      // of the PostgreSQL time 59 ms instead of 129 ms for two words).
      if (capped && terms.words.length <= 2)
        return this.rankedByWords(client, scope, query, actorUserId, terms, offset);
      let names: Scoring | null = null;
      let ctes = '';
      let candidates = 'SELECT NULL::uuid AS id, NULL::text AS search_text, NULL::text AS case_number WHERE FALSE';
      if (terms.words.length && sort === 'relevance') {
        ctes = similarWordsCte(p.add(terms.words, '::text[]'));
        names = { vocabulary: terms.words.length };
        const matches = terms.words
          .map((_, i) => `${NAME_TOKENS} && (SELECT coalesce(array_agg(word), '{}') FROM v WHERE v.i = ${i + 1})`)
          .join(' AND ');
        candidates = `SELECT c.id, c.search_text, c.case_number FROM "case" c
                       WHERE c.merged_into_id IS NULL AND ${matches} AND ${where}
                       ${capped ? `LIMIT ${SEARCH_COUNT_CAP + 1}` : ''}`;
      } else if (terms.words.length) {
        const n = nameScoreSql(terms, p);
        names = { score: n.score, tie: n.tie };
        candidates = `SELECT c.id, c.search_text, c.case_number FROM "case" c
                       WHERE c.merged_into_id IS NULL AND ${nameConditionSql(n.refs)} AND ${where}`;
      }
      const { rows } = await client.query<PageRow & { n: number }>(
        this.hitsPageSql({ ctes, candidates, names, capped, terms, p, where, sort, pageSize: query.pageSize, offset }),
        p.values,
      );
      if (!capped || rows[0].n <= SEARCH_COUNT_CAP) return toPage(rows, query, false);
      return this.rankedByWords(client, scope, query, actorUserId, terms, offset);
    });
  }

  /**
   * A relevance-ordered name search that may have more than SEARCH_COUNT_CAP hits: the cases come
   * in the order of their name words' similarity to the query's (the similar words of the first two
   * query words paired, best pairs first, each pair looked up in case_name_tokens_idx; the other
   * words filter), and at most SEARCH_COUNT_CAP + 1 are taken, then ranked as usual. When the
   * pairs run out first, every hit was found and the total is exact; otherwise it is the number of
   * distinct cases found, a lower bound (`totalIsLowerBound`).
   */
  private async rankedByWords(
    client: pg.PoolClient,
    scope: CaseScope,
    query: CaseListQuery,
    actorUserId: string | undefined,
    terms: SearchTerms,
    offset: number,
  ): Promise<CasePage> {
    const p = new SqlParams();
    const where = caseFilterConditions(scope, query, actorUserId, p).join(' AND ');
    const pairs =
      terms.words.length === 1
        ? 'SELECT ARRAY[a.word] AS words, a.sim AS s FROM v a'
        : 'SELECT ARRAY[a.word, b.word] AS words, a.sim + b.sim AS s FROM v a JOIN v b ON b.i = 2 WHERE a.i = 1';
    const others = terms.words
      .slice(2)
      .map((_, k) => `AND ${NAME_TOKENS} && (SELECT coalesce(array_agg(word), '{}') FROM v WHERE v.i = ${k + 3})`)
      .join(' ');
    const ctes = `${similarWordsCte(p.add(terms.words, '::text[]'))},
      k AS (${pairs}),
      stream AS MATERIALIZED (
        SELECT f.id, f.search_text, f.case_number FROM (SELECT words FROM k ORDER BY s DESC) k
        CROSS JOIN LATERAL (
          SELECT c.id, c.search_text, c.case_number FROM "case" c
           WHERE c.merged_into_id IS NULL AND ${NAME_TOKENS} @> k.words ${others} AND ${where}) f
        LIMIT ${SEARCH_COUNT_CAP + 1})`;
    const { rows } = await client.query<PageRow & { n: number }>(
      this.hitsPageSql({
        ctes,
        candidates: 'SELECT DISTINCT ON (s.id) s.id, s.search_text, s.case_number FROM stream s',
        countFrom: 'stream',
        names: { vocabulary: terms.words.length },
        capped: false,
        terms,
        p,
        where,
        sort: 'relevance',
        pageSize: query.pageSize,
        offset,
      }),
      p.values,
    );
    if (rows[0].n <= SEARCH_COUNT_CAP) return toPage(rows, query, false);
    return toPage(
      rows.map((r) => ({ ...r, total: Math.min(r.total, SEARCH_COUNT_CAP) })),
      query,
      true,
    );
  }

  /**
   * The statement of a search page: the name candidates (`cand`: id, search_text, case_number),
   * scored (unless `capped` and there are more than SEARCH_COUNT_CAP of them: then only their
   * number `n`, counted in `countFrom`, matters), with case numbers and external references (`m`,
   * filtered); `n`, the total and one page, the page's rows joined to their codes once chosen.
   */
  private hitsPageSql(o: {
    ctes?: string;
    candidates: string;
    countFrom?: string;
    names: Scoring | null;
    capped: boolean;
    terms: SearchTerms;
    p: SqlParams;
    where: string;
    sort: CaseSort;
    pageSize: number;
    offset: number;
  }): string {
    const { names, p, sort } = o;
    const specials = `SELECT c.id, s.score, s.tie, c.case_number FROM (${specialHitsSql(o.terms, p).join(' UNION ALL ')}) s
                        JOIN "case" c ON c.id = s.id WHERE ${o.where}`;
    const onlyUnderCap = o.capped ? `(SELECT count(*) FROM cand) <= ${SEARCH_COUNT_CAP}` : '';
    const scored = !names
      ? ''
      : 'vocabulary' in names
        ? `${vocabularyScored(names.vocabulary, onlyUnderCap)} UNION ALL `
        : `SELECT c.id, ${names.score} AS score, ${names.tie} AS tie, c.case_number FROM cand c
            ${onlyUnderCap ? `WHERE ${onlyUnderCap}` : ''} UNION ALL `;
    const limit = `LIMIT ${p.add(o.pageSize)} OFFSET ${p.add(o.offset)}`;
    const chosen =
      sort === 'relevance'
        ? `SELECT hit.id, hit.score, hit.tie FROM m hit ORDER BY hit.score DESC, hit.tie DESC, hit.case_number ${limit}`
        : `SELECT hit.id, hit.score, hit.tie FROM m hit JOIN "case" c ON c.id = hit.id ORDER BY ${orderBy(sort, true)} ${limit}`;
    const pageSql = this.pageSql(
      `(${chosen}) hit JOIN "case" c ON c.id = hit.id`,
      'TRUE',
      'least(hit.score, 1)::float8',
      orderBy(sort, true),
      '',
    );
    return `
      WITH ${o.ctes ? `${o.ctes},` : ''}
           cand AS MATERIALIZED (${o.candidates}),
           m AS MATERIALIZED (
             SELECT id, max(score) AS score, max(tie) AS tie, min(case_number) AS case_number
               FROM (${scored}${specials}) h GROUP BY id)
      SELECT (SELECT count(*) FROM ${o.countFrom ?? 'cand'})::int AS n, (SELECT count(*) FROM m)::int AS total, pag.*
        FROM (SELECT 1) one LEFT JOIN LATERAL (${pageSql}) pag ON TRUE`;
  }

  /** One page of `matching` (which aliases the case `c`, and `hit` with a search) with its codes. */
  private pageSql(matching: string, where: string, score: string, order: string, limit: string) {
    return `
        SELECT c.id, c.case_number, c.first_name, c.last_name, c.father_name, c.other_names, c.sex::text AS sex,
               c.date_of_birth, c.missing_since, cm.code AS community_code, mu.code AS municipality_code,
               o.code AS office_code, u.id AS officer_id, u.name AS officer_name,
               c.fate_status::text AS fate_status, c.workflow_status::text AS workflow_status,
               c.created_at, c.updated_at, ${score} AS score
          FROM ${matching}
          JOIN office o ON o.id = c.office_id
          LEFT JOIN community cm ON cm.id = c.community_id
          LEFT JOIN municipality mu ON mu.id = c.last_seen_municipality_id
          LEFT JOIN app_user u ON u.id = c.assigned_officer_id
         WHERE ${where}
         ORDER BY ${order}
         ${limit}`;
  }

  /**
   * Candidates for a possible duplicate: open (not merged) cases in scope whose names match the
   * query's last name (else first name) by trigram word similarity, with the name similarities
   * measured against each name and its other spellings. Scoring: duplicate-score.ts.
   */
  async duplicateCandidates(scope: CaseScope, query: DuplicateQuery, limit = 50): Promise<DuplicateRow[]> {
    return this.readOnly(async (client) => {
      const [last, first, father] = await this.fold(client, [
        query.lastName ?? '',
        query.firstName ?? '',
        query.fatherName ?? '',
      ]);
      const primary = last || first;
      if (!primary) return [];
      const p = new SqlParams();
      const lastRef = p.add(last);
      const firstRef = p.add(first);
      const fatherRef = p.add(father);
      const primaryRef = p.add(primary);
      const where = [
        'c.merged_into_id IS NULL',
        scopeCondition(scope, 'c.office_id', p),
        `c.search_text %> ${primaryRef}`,
      ];
      if (query.excludeCaseId) where.push(`c.id <> ${p.add(query.excludeCaseId, '::uuid')}`);
      const others = `array_to_string(c.other_names, ' ')`;
      const { rows } = await client.query<DuplicateRow>(
        `SELECT c.id, c.case_number, c.first_name, c.last_name, c.father_name, c.birth_year, mu.code AS municipality_code,
                o.code AS office_code, c.fate_status::text AS fate_status, c.workflow_status::text AS workflow_status,
                CASE WHEN ${lastRef} <> '' THEN word_similarity(${lastRef}, mprc_fold(concat_ws(' ', c.last_name, ${others}))) END::float8 AS last_sim,
                CASE WHEN ${firstRef} <> '' THEN word_similarity(${firstRef}, mprc_fold(concat_ws(' ', c.first_name, ${others}))) END::float8 AS first_sim,
                CASE WHEN ${fatherRef} <> '' AND c.father_name IS NOT NULL THEN similarity(${fatherRef}, mprc_fold(c.father_name)) END::float8 AS father_sim
           FROM "case" c
           JOIN office o ON o.id = c.office_id
           LEFT JOIN municipality mu ON mu.id = c.last_seen_municipality_id
          WHERE ${where.join(' AND ')}
          ORDER BY word_similarity(${primaryRef}, c.search_text) DESC, c.case_number
          LIMIT ${p.add(limit)}`,
        p.values,
      );
      return rows;
    });
  }
}
