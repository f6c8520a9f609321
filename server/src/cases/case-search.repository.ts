import { Injectable } from '@nestjs/common';
import {
  parseCaseNumber,
  partialDateRange,
  type CaseListItem,
  type CaseListQuery,
  type CaseSort,
  type DuplicateQuery,
  type Page,
} from '@mprc/contracts';
import type pg from 'pg';
import { DatabaseService } from '../common/database/database.service.js';
import { scopeCondition, SqlParams, type CaseScope } from './case-scope.js';

// Case list, search and duplicate candidates: hand-written SQL on the pg pool, because filtering,
// counting and ranking all happen in PostgreSQL (never by loading rows into Node) and because the
// name search needs pg_trgm's operators and a per-transaction similarity threshold.
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
  lastName: ['lower(c.last_name)', 'lower(c.first_name)'],
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

// The last day a partial missing-since date allows (missing_since_from is the first).
const MISSING_SINCE_TO = `(CASE length(c.missing_since)
    WHEN 4 THEN (c.missing_since_from + interval '1 year' - interval '1 day')::date
    WHEN 7 THEN (c.missing_since_from + interval '1 month' - interval '1 day')::date
    ELSE c.missing_since_from END)`;

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

@Injectable()
export class CaseSearchRepository {
  constructor(private readonly db: DatabaseService) {}

  /** A read-only snapshot with the search threshold set for this transaction only. */
  private async readOnly<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
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

  async list(scope: CaseScope, query: CaseListQuery, actorUserId: string | undefined): Promise<Page<CaseListItem>> {
    return this.readOnly(async (client) => {
      const p = new SqlParams();
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
      if (query.missingTo)
        where.push(`c.missing_since_from <= ${p.add(partialDateRange(query.missingTo)!.to, '::date')}`);

      let from = '"case" c';
      let score = 'NULL::float8';
      const q = query.q?.trim();
      if (q) {
        const [folded] = await this.fold(client, [q]);
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
            `SELECT coalesce(c.merged_into_id, c.id), 3::float8, 1::float8 FROM "case" c WHERE c.case_number = ${p.add(caseNumber)}`,
          );
        }
        hits.push(
          `SELECT er.case_id, 2::float8, 1::float8 FROM external_reference er WHERE upper(er.reference) = upper(${p.add(q)})`,
        );
        from = `(SELECT id, max(score) AS score, max(tie) AS tie FROM (${hits.join(' UNION ALL ')}) h GROUP BY id) hit
                 JOIN "case" c ON c.id = hit.id`;
        score = 'least(hit.score, 1)::float8';
      }
      const sort = query.sort ?? (q ? 'relevance' : '-updatedAt');
      const whereSql = where.join(' AND ');
      const countSql = `SELECT count(*)::int AS total FROM ${from} WHERE ${whereSql}`;
      const countParams = [...p.values];
      const limit = p.add(query.pageSize);
      const offset = p.add((query.page - 1) * query.pageSize);
      const itemsSql = `
        SELECT c.id, c.case_number, c.first_name, c.last_name, c.father_name, c.other_names, c.sex::text AS sex,
               c.date_of_birth, c.missing_since, cm.code AS community_code, mu.code AS municipality_code,
               o.code AS office_code, u.id AS officer_id, u.name AS officer_name,
               c.fate_status::text AS fate_status, c.workflow_status::text AS workflow_status,
               c.created_at, c.updated_at, ${score} AS score
          FROM ${from}
          JOIN office o ON o.id = c.office_id
          LEFT JOIN community cm ON cm.id = c.community_id
          LEFT JOIN municipality mu ON mu.id = c.last_seen_municipality_id
          LEFT JOIN app_user u ON u.id = c.assigned_officer_id
         WHERE ${whereSql}
         ORDER BY ${orderBy(sort, !!q)}
         LIMIT ${limit} OFFSET ${offset}`;
      const { rows } = await client.query<ListRow>(itemsSql, p.values);
      const total = (await client.query<{ total: number }>(countSql, countParams)).rows[0].total;
      return {
        items: rows.map((r) => ({
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
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
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
