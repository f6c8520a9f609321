import { Injectable } from '@nestjs/common';
import { CASE_FILTER_KEYS, type LocalizedNames, type ReportGroupBy } from '@mprc/contracts';
import type pg from 'pg';
import {
  caseFilterSql,
  SET_SEARCH_THRESHOLD,
  type CaseFilterInput,
  type CaseFilterSql,
} from '../cases/case-filters.js';
import { SqlParams, type CaseScope } from '../cases/case-scope.js';
import { DatabaseService } from '../common/database/database.service.js';
import { REPORT_TIME_ZONE } from './report-time.js';

// Analytic queries for the dashboard and the printable report: every count is a GROUP BY /
// FILTER in PostgreSQL over the cases the case list would show for the same filters (the
// FROM/WHERE comes from cases/case-filters.ts), never rows loaded into Node.

/** Age in the year of disappearance: missing-since year minus birth year (both may be partial dates). */
const ageGroupOf = (birthYear: string, missingYear: string) => {
  const age = `(${missingYear} - ${birthYear})`;
  return `CASE
    WHEN ${birthYear} IS NULL OR ${missingYear} IS NULL OR ${age} < 0 THEN 'unknown'
    WHEN ${age} <= 17 THEN '0-17'
    WHEN ${age} <= 29 THEN '18-29'
    WHEN ${age} <= 44 THEN '30-44'
    WHEN ${age} <= 59 THEN '45-59'
    ELSE '60+' END`;
};
// date_part (double precision) rather than extract (numeric since PostgreSQL 14): cheaper per row.
const MISSING_YEAR = `date_part('year', c.missing_since_from)::int`;
export const AGE_GROUP_SQL = ageGroupOf('c.birth_year', MISSING_YEAR);

// What each summary groups by, and how the group's key becomes text. Rows are grouped by the raw
// column (an enum, a uuid: no cast per row, about a quarter of the time at a million cases); the
// age group by the pair of years, bucketed after the grouping. Reference names are attached in
// Node from the small reference tables.
const GROUPINGS: Record<ReportGroupBy, { inner: string; outer: string }> = {
  fateStatus: { inner: 'c.fate_status AS k', outer: 'k::text' },
  workflowStatus: { inner: 'c.workflow_status AS k', outer: 'k::text' },
  community: { inner: 'c.community_id AS k', outer: 'k::text' },
  municipality: { inner: 'c.last_seen_municipality_id AS k', outer: 'k::text' },
  office: { inner: 'c.office_id AS k', outer: 'k::text' },
  yearMissing: { inner: `${MISSING_YEAR} AS k`, outer: 'k::text' },
  sex: { inner: 'c.sex AS k', outer: 'k::text' },
  ageGroup: { inner: `c.birth_year AS b, ${MISSING_YEAR} AS y`, outer: ageGroupOf('b', 'y') },
};

export interface GroupCount {
  key: string | null;
  count: number;
}

export interface KeyFigures {
  total: number;
  stillMissing: number;
  open: number;
  closed: number;
  overdueFollowUps: number;
}

export interface ReferenceEntry {
  code: string;
  names: LocalizedNames;
}
export interface ReferenceNames {
  office: Map<string, ReferenceEntry>;
  municipality: Map<string, ReferenceEntry>;
  community: Map<string, ReferenceEntry>;
}

export interface MonthRow {
  month: string;
  new_cases: number;
  stage_changes: number;
  family_contacts: number;
}

export interface OfficerRow {
  officer_id: string | null;
  officer_name: string | null;
  office_code: string | null;
  open_cases: number;
  overdue: number;
}

/** A filtered set of cases inside one read-only snapshot: run several reports on the same data. */
export interface CaseSet {
  client: pg.PoolClient;
  filter: CaseFilterSql;
  params: unknown[];
  /** Every case the caller may see (no filter, all offices): lets some queries skip the join with the case table. */
  everything: boolean;
}

// Follow-ups are overdue from the day after their date, in the offices' calendar.
const OFFICE_TODAY = `(now() AT TIME ZONE '${REPORT_TIME_ZONE}')::date`;
// Cases merged into others (few; partial index case_merged_into_id_idx).
const MERGED_CASES = `SELECT m.id FROM "case" m WHERE m.merged_into_id IS NOT NULL`;

/**
 * Open follow-ups past their date on the filtered cases, as FROM ... WHERE (alias k). With no
 * filter only merged cases are left out, without joining every follow-up to its case.
 */
function overdueFollowUps(set: CaseSet): string {
  const due = `k.follow_up_on < ${OFFICE_TODAY} AND k.follow_up_done_at IS NULL`;
  return set.everything
    ? `contact k WHERE ${due} AND k.case_id NOT IN (${MERGED_CASES})`
    : `${set.filter.from} JOIN contact k ON k.case_id = c.id WHERE ${set.filter.where} AND ${due}`;
}

@Injectable()
export class ReportsRepository {
  constructor(private readonly db: DatabaseService) {}

  /**
   * Runs `fn` on the cases matching the filters, in one read-only REPEATABLE READ transaction (so
   * the figures of one report agree with each other).
   */
  async withCases<T>(
    scope: CaseScope,
    filters: CaseFilterInput,
    actorUserId: string | undefined,
    fn: (set: CaseSet) => Promise<T>,
  ): Promise<T> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(SET_SEARCH_THRESHOLD);
      const p = new SqlParams();
      const filter = await caseFilterSql(client, scope, filters, actorUserId, p);
      const everything =
        scope.kind === 'all' && CASE_FILTER_KEYS.every((k) => filters[k] === undefined || filters[k] === '');
      const result = await fn({ client, filter, params: p.values, everything });
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async countBy(set: CaseSet, groupBy: ReportGroupBy): Promise<GroupCount[]> {
    const { inner, outer } = GROUPINGS[groupBy];
    const { rows } = await set.client.query<GroupCount>(
      `SELECT ${outer} AS key, sum(n)::int AS count
         FROM (SELECT ${inner}, count(*) AS n
                 FROM ${set.filter.from}
                WHERE ${set.filter.where}
                GROUP BY ${groupBy === 'ageGroup' ? '1, 2' : '1'}) x
        GROUP BY 1`,
      set.params,
    );
    return rows;
  }

  /** Every breakdown in one snapshot, for the printable report. */
  async countByAll(set: CaseSet, groupBys: readonly ReportGroupBy[]): Promise<Map<ReportGroupBy, GroupCount[]>> {
    const result = new Map<ReportGroupBy, GroupCount[]>();
    for (const groupBy of groupBys) result.set(groupBy, await this.countBy(set, groupBy));
    return result;
  }

  async keyFigures(set: CaseSet): Promise<KeyFigures> {
    // One scan with FILTER for the case counts; the overdue follow-ups from the follow-up index.
    const { rows } = await set.client.query<Omit<KeyFigures, 'overdueFollowUps'>>(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE c.fate_status = 'MISSING')::int AS "stillMissing",
              count(*) FILTER (WHERE c.workflow_status <> 'CLOSED')::int AS open,
              count(*) FILTER (WHERE c.workflow_status = 'CLOSED')::int AS closed
         FROM ${set.filter.from}
        WHERE ${set.filter.where}`,
      set.params,
    );
    const overdue = await set.client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${overdueFollowUps(set)}`,
      set.everything ? [] : set.params,
    );
    return { ...rows[0], overdueFollowUps: overdue.rows[0].n };
  }

  /**
   * Per month from `fromMonth` to `toMonth` (`YYYY-MM`, office calendar): cases registered, fate
   * and workflow changes recorded (timeline events), and contacts with families that took place.
   */
  async months(set: CaseSet, fromMonth: string, toMonth: string): Promise<MonthRow[]> {
    const p = new SqlParams();
    p.values.push(...set.params);
    const first = p.add(`${fromMonth}-01`, '::date');
    const last = p.add(`${toMonth}-01`, '::date');
    const tz = p.add(REPORT_TIME_ZONE);
    const start = `(${first}::timestamp AT TIME ZONE ${tz})`;
    const end = `((${last} + interval '1 month')::timestamp AT TIME ZONE ${tz})`;
    const month = (column: string) => `date_trunc('month', ${column} AT TIME ZONE ${tz})::date`;
    // Events and contacts of the filtered cases. With no filter only merged cases are left out,
    // which is cheaper than joining every event to its case (there are few merged cases).
    const ofCases = (column: string) =>
      set.everything
        ? `${column} NOT IN (${MERGED_CASES})`
        : `${column} IN (SELECT c.id FROM ${set.filter.from} WHERE ${set.filter.where})`;
    const { rows } = await set.client.query<MonthRow>(
      `WITH months AS (SELECT generate_series(${first}, ${last}, interval '1 month')::date AS m),
            n AS (SELECT ${month('c.created_at')} AS m, count(*) AS count
                    FROM ${set.filter.from}
                   WHERE ${set.filter.where} AND c.created_at >= ${start} AND c.created_at < ${end}
                   GROUP BY 1),
            s AS (SELECT ${month('e.at')} AS m, count(*) AS count
                    FROM case_event e
                   WHERE e.type IN ('FATE_CHANGED', 'WORKFLOW_CHANGED') AND e.at >= ${start} AND e.at < ${end}
                     AND ${ofCases('e.case_id')}
                   GROUP BY 1),
            k AS (SELECT ${month('k.occurred_at')} AS m, count(*) AS count
                    FROM contact k
                   WHERE k.occurred_at >= ${start} AND k.occurred_at < ${end}
                     AND ${ofCases('k.case_id')}
                   GROUP BY 1)
       SELECT to_char(months.m, 'YYYY-MM') AS month,
              coalesce(n.count, 0)::int AS new_cases,
              coalesce(s.count, 0)::int AS stage_changes,
              coalesce(k.count, 0)::int AS family_contacts
         FROM months
         LEFT JOIN n ON n.m = months.m
         LEFT JOIN s ON s.m = months.m
         LEFT JOIN k ON k.m = months.m
        ORDER BY months.m`,
      p.values,
    );
    return rows;
  }

  /**
   * Per officer: open (not closed) cases assigned to them among the filtered cases, and follow-ups
   * they set on contacts of those cases that are past due and not done. Active liaison officers
   * with nothing open are listed too (in the filtered office), unless one officer is filtered for.
   */
  async officers(set: CaseSet, options: { officeCode?: string; withIdleOfficers: boolean }): Promise<OfficerRow[]> {
    const p = new SqlParams();
    p.values.push(...set.params);
    const idle = options.withIdleOfficers
      ? `UNION
         SELECT u.id FROM app_user u
          WHERE u.role = 'LIAISON_OFFICER' AND u.is_active
            ${options.officeCode ? `AND u.office_id = (SELECT id FROM office WHERE code = ${p.add(options.officeCode)})` : ''}`
      : '';
    // No CTE over the filtered cases (it would be materialised: a million rows at scale): open
    // cases are one GROUP BY over them, overdue follow-ups come from the follow-up date index.
    const { rows } = await set.client.query<OfficerRow>(
      `WITH open AS (SELECT c.assigned_officer_id AS officer_id, count(*) AS count
                       FROM ${set.filter.from}
                      WHERE ${set.filter.where} AND c.workflow_status <> 'CLOSED'
                      GROUP BY 1),
            overdue AS (SELECT k.officer_id, count(*) AS count
                          FROM ${overdueFollowUps(set)} AND k.officer_id IS NOT NULL
                         GROUP BY 1),
            officers AS (SELECT officer_id FROM open UNION SELECT officer_id FROM overdue ${idle})
       SELECT o.officer_id, u.name AS officer_name, uo.code AS office_code,
              coalesce(open.count, 0)::int AS open_cases, coalesce(overdue.count, 0)::int AS overdue
         FROM officers o
         LEFT JOIN open ON open.officer_id IS NOT DISTINCT FROM o.officer_id
         LEFT JOIN overdue ON overdue.officer_id = o.officer_id
         LEFT JOIN app_user u ON u.id = o.officer_id
         LEFT JOIN office uo ON uo.id = u.office_id
        ORDER BY o.officer_id IS NULL, open_cases DESC, overdue DESC, u.name`,
      p.values,
    );
    return rows;
  }

  /** Offices, municipalities and communities by id (small tables, read per report). */
  async referenceNames(client?: pg.ClientBase): Promise<ReferenceNames> {
    const { rows } = await (client ?? this.db.pool).query<{
      kind: keyof ReferenceNames;
      id: string;
      code: string;
      sq: string;
      sr_latn: string;
      sr_cyrl: string;
      en: string;
    }>(
      `SELECT kind, id, code, name_sq AS sq, name_sr_latn AS sr_latn, name_sr_cyrl AS sr_cyrl, name_en AS en FROM (
         SELECT 'office' AS kind, id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM office
         UNION ALL SELECT 'municipality', id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM municipality
         UNION ALL SELECT 'community', id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM community) r`,
    );
    const names: ReferenceNames = { office: new Map(), municipality: new Map(), community: new Map() };
    for (const r of rows)
      names[r.kind].set(r.id, { code: r.code, names: { sq: r.sq, srLatn: r.sr_latn, srCyrl: r.sr_cyrl, en: r.en } });
    return names;
  }

  async userName(id: string): Promise<string | null> {
    const { rows } = await this.db.pool.query<{ name: string }>('SELECT name FROM app_user WHERE id = $1::uuid', [id]);
    return rows[0]?.name ?? null;
  }
}
