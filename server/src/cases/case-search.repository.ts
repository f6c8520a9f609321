import { Injectable } from '@nestjs/common';
import { type CaseListItem, type CaseListQuery, type CaseSort, type DuplicateQuery, type Page } from '@mprc/contracts';
import type pg from 'pg';
import { DatabaseService } from '../common/database/database.service.js';
import { caseFilterSql, SET_SEARCH_THRESHOLD, WORD_SIMILARITY_THRESHOLD } from './case-filters.js';
import { scopeCondition, SqlParams, type CaseScope } from './case-scope.js';

// Case list, search and duplicate candidates: hand-written SQL on the pg pool, because filtering,
// counting and ranking all happen in PostgreSQL (never by loading rows into Node) and because the
// name search needs pg_trgm's operators and a per-transaction similarity threshold.
//
// The filters and the name search are built by case-filters.ts (shared with reports and exports,
// so they count the same cases); the threshold is re-exported for callers that import it here.
export { WORD_SIMILARITY_THRESHOLD };

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

  async list(scope: CaseScope, query: CaseListQuery, actorUserId: string | undefined): Promise<Page<CaseListItem>> {
    return this.readOnly(async (client) => {
      const p = new SqlParams();
      const { from, where: whereSql, score, hasQuery } = await caseFilterSql(client, scope, query, actorUserId, p);
      const sort = query.sort ?? (hasQuery ? 'relevance' : '-updatedAt');
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
         ORDER BY ${orderBy(sort, hasQuery)}
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
