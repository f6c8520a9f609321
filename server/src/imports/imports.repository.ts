import { Injectable } from '@nestjs/common';
import type {
  ImportCandidate,
  ImportCounts,
  ImportListItem,
  ImportRowError,
  ImportRowFilter,
  ImportRowStatus,
  ImportStatus,
  ImportUsedMapping,
  Page,
} from '@mprc/contracts';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import Cursor from 'pg-cursor';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AuditInput } from '../audit/audit.service.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { ReferenceEntry } from './import-values.js';
import type { ImportCaseData } from './row-builder.js';

// Imports work on whole files: rows are written and read set-based (one statement per batch of
// rows, or one for all of them), on a raw pg connection inside one transaction per step, with a
// statement timeout long enough for 100,000 rows. Duplicate candidates come from the same trigram
// SQL as the case feature's duplicate check (case-search.repository.ts), joined laterally with
// all rows of the file at once instead of one query per row.

/** Longest statement of an import step (PostgreSQL's statement_timeout); the client waits a little longer. */
export const IMPORT_STATEMENT_TIMEOUT_MS = 5 * 60_000;
const QUERY_TIMEOUT_MS = IMPORT_STATEMENT_TIMEOUT_MS + 5_000;
// As the case feature's duplicate search (case-filters.ts WORD_SIMILARITY_THRESHOLD).
const WORD_SIMILARITY_THRESHOLD = 0.4;
/** Trigram candidates per distinct name, and the fewest exact matches that skip the trigram search. */
const CANDIDATES_PER_ROW = 10;
/** Cases with exactly the same folded names kept per distinct name (the most recent). */
const EXACT_CANDIDATES = 25;
/** Candidates per row handed to the scoring (the best by a rough pre-score). */
const PRESELECTED_PER_ROW = 8;

// COPY's text format: \N is NULL; backslash, tab, newline and carriage return are escaped.
const COPY_NULL = '\\N';
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copyText = (value: string | null): string =>
  value === null ? COPY_NULL : value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]);
const copyJson = (value: unknown): string =>
  value === null || value === undefined ? COPY_NULL : copyText(JSON.stringify(value));

/** A connection inside an import step's transaction. */
export class ImportTx {
  constructor(readonly client: pg.PoolClient) {}

  query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    return this.client.query<R>({ text, values, query_timeout: QUERY_TIMEOUT_MS } as pg.QueryConfig);
  }
}

export interface StoredImport {
  id: string;
  fileName: string;
  fileHash: string;
  fileFormat: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  sample: { sheetName: string | null; rows: string[][] } | null;
  rowCount: number;
  mapping: ImportUsedMapping | null;
  status: ImportStatus;
  counts: ImportCounts;
  createdBy: { id: string; name: string } | null;
  createdAt: Date;
  committedAt: Date | null;
}

export interface NewImport {
  fileName: string;
  fileHash: string;
  fileFormat: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  sample: { sheetName: string | null; rows: string[][] };
  rowCount: number;
  data: Buffer;
  createdById: string;
}

export interface StageRow {
  rowNumber: number;
  status: 'VALID' | 'INVALID';
  values: Record<string, string>;
  data: ImportCaseData | null;
  errors: ImportRowError[] | null;
  /** Folded names (foldName), birth year and municipality for the duplicate search; valid rows only. */
  last: string | null;
  first: string | null;
  father: string | null;
  birthYear: number | null;
  municipalityId: string | null;
  fileCandidates: ImportCandidate[] | null;
}

export interface StoredRow {
  row_number: number;
  status: ImportRowStatus;
  values: Record<string, string>;
  errors: ImportRowError[] | null;
  duplicates: ImportCandidate[] | null;
  case_id: string | null;
  case_number: string | null;
}

/** A row with a candidate case (or only with candidates in the file: case fields null), before scoring. */
export interface CandidateRow {
  row_number: number;
  row_birth_year: number | null;
  file_candidates: ImportCandidate[] | null;
  case_id: string | null;
  case_number: string | null;
  first_name: string | null;
  last_name: string | null;
  father_name: string | null;
  birth_year: number | null;
  same_municipality: boolean | null;
  last_sim: number | null;
  first_sim: number | null;
  /** The row's and the case's folded fathers' names (compared in memory, as pg_trgm's similarity()). */
  row_father: string | null;
  father_fold: string | null;
}

/**
 * The id of the case a row of an import becomes: derived from the import and the row number (an
 * MD5 shaped as a version-4 UUID), so the commit writes cases, references and events without
 * rewriting 100,000 import rows, and a row finds its case again by primary key.
 */
export const importCaseId = (alias: string) =>
  `overlay(overlay(md5(${alias}.import_id::text || ':' || ${alias}.row_number::text) placing '4' from 13) placing '8' from 17)::uuid`;

const IMPORT_COLUMNS = `i.id, i.file_name, i.file_hash, i.file_format, i.encoding, i.delimiter, i.columns, i.sample,
  i.row_count, i.mapping, i.status::text AS status, i.valid_count, i.invalid_count, i.duplicate_count, i.created_count,
  i.skipped_count, (SELECT count(*)::int FROM import_row r WHERE r.import_id = i.id AND r.status = 'EXISTING') AS existing_count,
  u.id AS user_id, u.name AS user_name, i.created_at, i.committed_at`;

interface ImportRecord {
  id: string;
  file_name: string;
  file_hash: string;
  file_format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  sample: StoredImport['sample'];
  row_count: number;
  mapping: ImportUsedMapping | null;
  status: ImportStatus;
  valid_count: number;
  invalid_count: number;
  duplicate_count: number;
  created_count: number;
  skipped_count: number;
  existing_count: number;
  user_id: string | null;
  user_name: string | null;
  created_at: Date;
  committed_at: Date | null;
}

const toStored = (r: ImportRecord): StoredImport => ({
  id: r.id,
  fileName: r.file_name,
  fileHash: r.file_hash,
  fileFormat: r.file_format,
  encoding: r.encoding,
  delimiter: r.delimiter,
  columns: r.columns,
  sample: r.sample,
  rowCount: r.row_count,
  mapping: r.mapping,
  status: r.status,
  counts: {
    total: r.row_count,
    valid: r.valid_count,
    invalid: r.invalid_count,
    duplicates: r.duplicate_count,
    existing: r.existing_count,
    created: r.created_count,
    skipped: r.skipped_count,
  },
  createdBy: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
  createdAt: r.created_at,
  committedAt: r.committed_at,
});

@Injectable()
export class ImportsRepository {
  constructor(private readonly db: DatabaseService) {}

  /** One import step in one transaction on one connection (temporary tables live in it). */
  async transaction<T>(fn: (tx: ImportTx) => Promise<T>): Promise<T> {
    const client = await this.db.pool.connect();
    const tx = new ImportTx(client);
    let broken = false;
    try {
      await tx.query('BEGIN');
      await tx.query(`SET LOCAL statement_timeout = ${IMPORT_STATEMENT_TIMEOUT_MS}`);
      await tx.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
      const result = await fn(tx);
      await tx.query('COMMIT');
      return result;
    } catch (e) {
      await tx.query('ROLLBACK').catch(() => (broken = true));
      throw e;
    } finally {
      client.release(broken || undefined);
    }
  }

  // ---------------------------------------------------------------- imports

  async create(tx: ImportTx, input: NewImport): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO import (id, file_name, file_hash, file_format, encoding, delimiter, columns, sample, row_count, data, created_by_id)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        input.fileName,
        input.fileHash,
        input.fileFormat,
        input.encoding,
        input.delimiter,
        input.columns,
        JSON.stringify(input.sample),
        input.rowCount,
        input.data,
        input.createdById,
      ],
    );
    return rows[0].id;
  }

  async find(
    id: string,
    client: pg.ClientBase | ImportTx = this.db.pool as unknown as pg.ClientBase,
  ): Promise<StoredImport | null> {
    const { rows } = await (client as pg.ClientBase).query<ImportRecord>(
      `SELECT ${IMPORT_COLUMNS} FROM import i LEFT JOIN app_user u ON u.id = i.created_by_id WHERE i.id = $1::uuid`,
      [id],
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  /** Locks the import for this step (dry runs and commits of one import run one at a time). */
  async lock(tx: ImportTx, id: string): Promise<StoredImport | null> {
    await tx.query('SELECT 1 FROM import WHERE id = $1::uuid FOR UPDATE', [id]);
    return this.find(id, tx);
  }

  async fileData(tx: ImportTx, id: string): Promise<Buffer> {
    const { rows } = await tx.query<{ data: Buffer }>('SELECT data FROM import WHERE id = $1::uuid', [id]);
    return rows[0].data;
  }

  async list(page: number, pageSize: number): Promise<Page<ImportListItem>> {
    const { rows } = await this.db.pool.query<ImportRecord & { total: number }>(
      `SELECT ${IMPORT_COLUMNS}, count(*) OVER ()::int AS total
         FROM import i LEFT JOIN app_user u ON u.id = i.created_by_id
        ORDER BY i.created_at DESC, i.id LIMIT $1 OFFSET $2`,
      [pageSize, (page - 1) * pageSize],
    );
    const total =
      rows[0]?.total ??
      (page > 1 ? (await this.db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM import')).rows[0].n : 0);
    return {
      items: rows.map((r) => {
        const s = toStored(r);
        return {
          id: s.id,
          fileName: s.fileName,
          fileFormat: s.fileFormat,
          rowCount: s.rowCount,
          status: s.status,
          counts: s.counts,
          createdBy: s.createdBy,
          createdAt: s.createdAt.toISOString(),
          committedAt: s.committedAt?.toISOString() ?? null,
        };
      }),
      total,
      page,
      pageSize,
    };
  }

  /** Other uploads of the same file (by its hash). */
  async sameFile(hash: string, exceptId: string): Promise<{ id: string; status: ImportStatus; createdAt: string }[]> {
    const { rows } = await this.db.pool.query<{ id: string; status: ImportStatus; created_at: Date }>(
      `SELECT id, status::text AS status, created_at FROM import WHERE file_hash = $1 AND id <> $2::uuid ORDER BY created_at DESC LIMIT 20`,
      [hash, exceptId],
    );
    return rows.map((r) => ({ id: r.id, status: r.status, createdAt: r.created_at.toISOString() }));
  }

  async referenceEntries(tx: ImportTx): Promise<Record<'municipality' | 'community' | 'office', ReferenceEntry[]>> {
    const load = async (table: string) => {
      const { rows } = await tx.query<{ id: string; code: string; names: string[] }>(
        `SELECT id, code, ARRAY[name_sq, name_sr_latn, name_sr_cyrl, name_en] AS names FROM "${table}" ORDER BY code`,
      );
      return rows;
    };
    return {
      municipality: await load('municipality'),
      community: await load('community'),
      office: await load('office'),
    };
  }

  // ---------------------------------------------------------------- dry run

  async clearRows(tx: ImportTx, importId: string): Promise<void> {
    await tx.query('DELETE FROM import_row WHERE import_id = $1::uuid', [importId]);
  }

  /**
   * The dry run's working table: each row's outcome before duplicates and existing cases are
   * known, with its folded names for the duplicate search. Temporary (no WAL, dropped at commit):
   * every row is written to import_row once, complete, by finishRows().
   */
  async createStage(tx: ImportTx): Promise<void> {
    await tx.query(
      `CREATE TEMP TABLE import_stage (
         row_number int PRIMARY KEY, status text NOT NULL, values jsonb NOT NULL, data jsonb, errors jsonb,
         last text, first text, father text, birth_year int, municipality_id uuid, file_candidates jsonb
       ) ON COMMIT DROP`,
    );
    await tx.query(`CREATE TEMP TABLE import_dup (row_number int PRIMARY KEY, d jsonb NOT NULL) ON COMMIT DROP`);
  }

  /**
   * One batch of rows by COPY (text format): no batch-wide JSON document for PostgreSQL to parse
   * and take apart again (jsonb_to_recordset), only each row's own JSON columns.
   */
  async insertStage(tx: ImportTx, rows: StageRow[]): Promise<void> {
    if (!rows.length) return;
    let text = '';
    for (const r of rows)
      text +=
        [
          String(r.rowNumber),
          r.status,
          copyJson(r.values),
          copyJson(r.data),
          copyJson(r.errors),
          copyText(r.last),
          copyText(r.first),
          copyText(r.father),
          r.birthYear === null ? COPY_NULL : String(r.birthYear),
          copyText(r.municipalityId),
          copyJson(r.fileCandidates),
        ].join('\t') + '\n';
    await pipeline(
      Readable.from([text]),
      tx.client.query(
        copyFrom(
          `COPY import_stage (row_number, status, values, data, errors, last, first, father, birth_year,
                              municipality_id, file_candidates) FROM STDIN`,
        ),
      ),
    );
  }

  /**
   * Valid rows with an external reference already recorded on a case: that case (or the case it
   * was merged into). Re-importing a list finds its rows again instead of duplicating them.
   * References compare without letter case.
   */
  async findExisting(tx: ImportTx): Promise<number> {
    await tx.query('ANALYZE import_stage');
    const { rowCount } = await tx.query(
      `CREATE TEMP TABLE import_existing ON COMMIT DROP AS
       SELECT DISTINCT ON (refs.row_number) refs.row_number, coalesce(c.merged_into_id, c.id) AS case_id
         FROM (SELECT s.row_number, e.ord, e.ref->>'system' AS system, upper(e.ref->>'reference') AS reference
                 FROM import_stage s
                 CROSS JOIN LATERAL jsonb_array_elements(s.data->'externalReferences') WITH ORDINALITY AS e(ref, ord)
                WHERE s.status = 'VALID') refs
         JOIN external_reference x ON upper(x.reference) = refs.reference AND x.system::text = refs.system
         JOIN "case" c ON c.id = x.case_id
        ORDER BY refs.row_number, refs.ord`,
    );
    await tx.query('ALTER TABLE import_existing ADD PRIMARY KEY (row_number)');
    return rowCount ?? 0;
  }

  /**
   * Duplicate candidates among existing cases, for every valid row not matched by reference, ordered
   * by row, one line per candidate (with the row's candidates within the file), read through a
   * cursor declared in the transaction, `batch` lines at a time.
   *
   * Candidates are found once per distinct first and last name of the file, for all of them in one
   * statement, in two tiers:
   *   1. the same folded names (Krasniqi = Krasnići = Краснићи): an index lookup on
   *      case_name_sort_idx (mprc_fold(last_name), mprc_fold(first_name)), the case list's sort index;
   *   2. for names with fewer than ten such cases, the case feature's trigram search
   *      (case-search.repository.ts: word similarity of the folded names with case.search_text,
   *      measured against each name and its other spellings), which finds typos, asking that both
   *      names match (two conditions the trigram index answers together). It is the slow part on
   *      a large database (several milliseconds a name), so names common enough to have ten exact
   *      matches skip it.
   * Each row then keeps its best few by a rough pre-score (names, same father, same birth year,
   * same municipality); the service scores those with duplicate-score.ts, as the case form does.
   */
  async *candidates(tx: ImportTx, batch = 5000): AsyncGenerator<CandidateRow[]> {
    const others = `array_to_string(c.other_names, ' ')`;
    const columns = `c.id AS case_id, c.case_number, c.first_name, c.last_name, c.father_name, c.birth_year,
                  c.last_seen_municipality_id AS municipality_id, mprc_fold(c.father_name) AS father_fold,
                  word_similarity(n.last, mprc_fold(concat_ws(' ', c.last_name, ${others})))::float8 AS last_sim,
                  word_similarity(n.first, mprc_fold(concat_ws(' ', c.first_name, ${others})))::float8 AS first_sim`;
    const sameNames = `mprc_fold(c.last_name) = n.last AND mprc_fold(c.first_name) = n.first`;
    await tx.query(
      `CREATE TEMP TABLE import_todo ON COMMIT DROP AS
       SELECT s.row_number, s.last, s.first, s.father, s.birth_year, s.municipality_id
         FROM import_stage s
        WHERE s.status = 'VALID' AND NOT EXISTS (SELECT 1 FROM import_existing e WHERE e.row_number = s.row_number)`,
    );
    await tx.query(`CREATE TEMP TABLE import_names ON COMMIT DROP AS SELECT DISTINCT last, first FROM import_todo`);
    await tx.query(
      `CREATE TEMP TABLE import_found ON COMMIT DROP AS
       SELECT row_number() OVER () AS fid, u.* FROM (
       SELECT n.last, n.first, k.*
         FROM import_names n
         CROSS JOIN LATERAL (
           SELECT ${columns} FROM "case" c
            WHERE ${sameNames} AND c.merged_into_id IS NULL
            ORDER BY c.case_number DESC
            LIMIT ${EXACT_CANDIDATES}
         ) k
       UNION ALL
       SELECT n.last, n.first, k.*
         FROM import_names n
         CROSS JOIN LATERAL (
           SELECT ${columns} FROM "case" c
            WHERE c.search_text %> n.last AND c.search_text %> n.first AND c.merged_into_id IS NULL
              AND NOT (${sameNames})
            ORDER BY word_similarity(n.last, c.search_text) + word_similarity(n.first, c.search_text) DESC, c.case_number
            LIMIT ${CANDIDATES_PER_ROW}
         ) k
        WHERE (SELECT count(*) FROM "case" c WHERE ${sameNames} AND c.merged_into_id IS NULL) < ${CANDIDATES_PER_ROW}
       ) u`,
    );
    await tx.query('ALTER TABLE import_found ADD PRIMARY KEY (fid)');
    await tx.query('ANALYZE import_found');
    await tx.query('ANALYZE import_todo');
    await tx.query(
      // Each row's candidates are ranked (the window) on narrow tuples: the row's own fields and the
      // candidate's key. The cases' names and the row's candidates within the file (a jsonb of up to
      // five) are joined to the eight kept only: carried through the sort of every (row, candidate)
      // pair, they made it spill gigabytes. The file candidates come once, on the row's first line.
      `DECLARE import_candidates NO SCROLL CURSOR FOR
       SELECT p.row_number, p.row_birth_year, p.row_father,
              CASE WHEN p.nth = 1
                   THEN (SELECT s.file_candidates FROM import_stage s WHERE s.row_number = p.row_number) END
                AS file_candidates,
              f.case_id, f.case_number, f.first_name, f.last_name, f.father_name, f.father_fold, f.birth_year,
              CASE WHEN p.municipality_id IS NOT NULL AND f.municipality_id IS NOT NULL
                   THEN p.municipality_id = f.municipality_id END AS same_municipality,
              f.last_sim, f.first_sim
         FROM (
           SELECT t.row_number, t.birth_year AS row_birth_year, t.father AS row_father, t.municipality_id, f.fid,
                  row_number() OVER (
                    PARTITION BY t.row_number
                    ORDER BY f.last_sim * 0.35 + f.first_sim * 0.25
                             + CASE WHEN t.father = f.father_fold THEN 0.2 ELSE 0 END
                             + CASE WHEN t.birth_year = f.birth_year THEN 0.1 ELSE 0 END
                             + CASE WHEN t.municipality_id = f.municipality_id THEN 0.1 ELSE 0 END DESC,
                             f.case_number
                  ) AS nth
             FROM import_todo t
             JOIN import_found f ON f.last = t.last AND f.first = t.first
         ) p
         JOIN import_found f ON f.fid = p.fid
        WHERE p.nth <= ${PRESELECTED_PER_ROW}
        ORDER BY p.row_number, p.nth`,
    );
    try {
      for (;;) {
        const { rows } = await tx.query<CandidateRow>(`FETCH ${batch} FROM import_candidates`);
        if (!rows.length) return;
        yield rows;
      }
    } finally {
      await tx.query('CLOSE import_candidates').catch(() => undefined);
    }
  }

  /** Rows with candidate cases, their scored candidates (those in the file included). */
  async insertDuplicates(tx: ImportTx, found: { rowNumber: number; candidates: ImportCandidate[] }[]): Promise<void> {
    if (!found.length) return;
    await tx.query(`INSERT INTO import_dup SELECT x.n, x.d FROM jsonb_to_recordset($1::jsonb) AS x(n int, d jsonb)`, [
      JSON.stringify(found.map((f) => ({ n: f.rowNumber, d: f.candidates }))),
    ]);
  }

  /**
   * Writes every row's outcome to import_row, once: invalid, existing (with the case), duplicate
   * (scored candidates, or only rows of the file) or valid.
   */
  async finishRows(tx: ImportTx, importId: string): Promise<void> {
    await tx.query(
      `INSERT INTO import_row (import_id, row_number, status, values, data, errors, duplicates, case_id)
       SELECT $1::uuid, s.row_number,
              (CASE WHEN s.status = 'INVALID' THEN 'INVALID' WHEN e.case_id IS NOT NULL THEN 'EXISTING'
                    WHEN coalesce(d.d, s.file_candidates) IS NOT NULL THEN 'DUPLICATE' ELSE 'VALID' END)::"ImportRowStatus",
              s.values, s.data, s.errors, CASE WHEN e.case_id IS NULL THEN coalesce(d.d, s.file_candidates) END, e.case_id
         FROM import_stage s
         LEFT JOIN import_existing e ON e.row_number = s.row_number
         LEFT JOIN import_dup d ON d.row_number = s.row_number
        ORDER BY s.row_number`,
      [importId],
    );
  }

  async statusCounts(tx: ImportTx, importId: string): Promise<Record<ImportRowStatus, number>> {
    const { rows } = await tx.query<{ status: ImportRowStatus; n: number }>(
      `SELECT status::text AS status, count(*)::int AS n FROM import_row WHERE import_id = $1::uuid GROUP BY status`,
      [importId],
    );
    const counts: Record<ImportRowStatus, number> = { VALID: 0, INVALID: 0, DUPLICATE: 0, EXISTING: 0, CREATED: 0 };
    for (const r of rows) counts[r.status] = r.n;
    return counts;
  }

  async finishDryRun(
    tx: ImportTx,
    importId: string,
    mapping: ImportUsedMapping,
    counts: Record<ImportRowStatus, number>,
  ): Promise<void> {
    await tx.query(
      `UPDATE import SET status = 'DRY_RUN', mapping = $2, valid_count = $3, invalid_count = $4, duplicate_count = $5,
                         created_count = 0, skipped_count = 0
        WHERE id = $1::uuid`,
      [importId, JSON.stringify(mapping), counts.VALID, counts.INVALID, counts.DUPLICATE],
    );
  }

  async setStatus(importId: string, status: ImportStatus): Promise<void> {
    await this.db.pool.query(
      `UPDATE import SET status = $2::"ImportStatus" WHERE id = $1::uuid AND status <> 'COMMITTED'`,
      [importId, status],
    );
  }

  // ---------------------------------------------------------------- rows

  /**
   * Rows as the last dry run left them, with, once committed, the case each accepted row became
   * (status CREATED). `filter` picks by that status.
   */
  private rowsQuery(committed: boolean, filter: ImportRowFilter): { from: string; where: string; select: string } {
    const created = committed
      ? `LEFT JOIN "case" cc ON r.status IN ('VALID', 'DUPLICATE') AND cc.id = ${importCaseId('r')} AND cc.import_id = r.import_id`
      : '';
    const isCreated = committed ? 'cc.id IS NOT NULL' : 'FALSE';
    const conditions: Record<ImportRowFilter, string> = {
      all: 'TRUE',
      invalid: `r.status = 'INVALID'`,
      existing: `r.status = 'EXISTING'`,
      duplicates: `r.status = 'DUPLICATE' AND NOT (${isCreated})`,
      valid: `r.status = 'VALID' AND NOT (${isCreated})`,
      created: isCreated,
    };
    return {
      from: `import_row r ${created} LEFT JOIN "case" c ON c.id = r.case_id`,
      where: `r.import_id = $1::uuid AND ${conditions[filter]}`,
      select: `r.row_number, CASE WHEN ${isCreated} THEN 'CREATED' ELSE r.status::text END AS status, r.values, r.errors,
               r.duplicates, ${committed ? 'coalesce(cc.id, r.case_id)' : 'r.case_id'} AS case_id,
               ${committed ? 'coalesce(cc.case_number, c.case_number)' : 'c.case_number'} AS case_number`,
    };
  }

  async rowsPage(
    imp: Pick<StoredImport, 'id' | 'status'>,
    filter: ImportRowFilter,
    page: number,
    pageSize: number,
    client?: ImportTx,
  ): Promise<Page<StoredRow>> {
    const q = <R extends pg.QueryResultRow>(text: string, values: unknown[]) =>
      client ? client.query<R>(text, values) : this.db.pool.query<R>(text, values);
    const { from, where, select } = this.rowsQuery(imp.status === 'COMMITTED', filter);
    const { rows } = await q<StoredRow>(
      `SELECT ${select} FROM ${from} WHERE ${where} ORDER BY r.row_number LIMIT $2 OFFSET $3`,
      [imp.id, pageSize, (page - 1) * pageSize],
    );
    const total = (await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${from} WHERE ${where}`, [imp.id])).rows[0].n;
    return { items: rows, total, page, pageSize };
  }

  /** Every row's number and status (the commit checks the manager's decisions against them). */
  async rowStatuses(tx: ImportTx, importId: string): Promise<Map<number, ImportRowStatus>> {
    const { rows } = await tx.query<{ n: number; s: ImportRowStatus }>(
      `SELECT row_number AS n, status::text AS s FROM import_row WHERE import_id = $1::uuid`,
      [importId],
    );
    return new Map(rows.map((r) => [r.n, r.s]));
  }

  /**
   * Every row of the import through a cursor (for the report), `batch` at a time, in a read-only
   * transaction on its own connection.
   */
  async *allRows(imp: Pick<StoredImport, 'id' | 'status'>, batch = 2000): AsyncGenerator<StoredRow[]> {
    const client = await this.db.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      // A slow download may take longer than the API's statement timeout; a vanished client is noticed.
      await client.query(`SET LOCAL statement_timeout = '1h'`);
      await client.query(`SET LOCAL client_connection_check_interval = '2s'`);
      const { from, where, select } = this.rowsQuery(imp.status === 'COMMITTED', 'all');
      const cursor = client.query(
        new Cursor<StoredRow>(`SELECT ${select} FROM ${from} WHERE ${where} ORDER BY r.row_number`, [imp.id]),
      );
      try {
        for (;;) {
          const rows = await cursor.read(batch);
          if (!rows.length) break;
          yield rows;
        }
      } finally {
        await cursor.close().catch(() => (broken = true));
      }
      await client.query('COMMIT');
    } catch (e) {
      broken = true;
      throw e;
    } finally {
      client.release(broken || undefined);
    }
  }

  // ---------------------------------------------------------------- commit

  /**
   * Rows of these statuses (the excluded ones aside) whose external reference is on a case by now
   * become EXISTING, pointing at it: a commit never records a reference twice.
   */
  async markExisting(tx: ImportTx, importId: string, statuses: ImportRowStatus[], exclude: number[]): Promise<number> {
    // The references first, in a table of their own with fresh statistics: right after a dry run
    // import_row has none for its new rows, and a guessed plan can take minutes.
    await tx.query(
      `CREATE TEMP TABLE import_refs ON COMMIT DROP AS
       SELECT r.row_number, e.ord, e.ref->>'system' AS system, upper(e.ref->>'reference') AS reference
         FROM import_row r
         CROSS JOIN LATERAL jsonb_array_elements(r.data->'externalReferences') WITH ORDINALITY AS e(ref, ord)
        WHERE r.import_id = $1::uuid AND r.status = ANY($2::"ImportRowStatus"[])
          AND r.row_number NOT IN (SELECT unnest($3::int[]))`,
      [importId, statuses, exclude],
    );
    await tx.query('ANALYZE import_refs');
    const { rowCount } = await tx.query(
      `UPDATE import_row r SET status = 'EXISTING', case_id = hits.case_id, duplicates = NULL
         FROM (SELECT DISTINCT ON (f.row_number) f.row_number, coalesce(c.merged_into_id, c.id) AS case_id
                 FROM import_refs f
                 JOIN external_reference x ON upper(x.reference) = f.reference AND x.system::text = f.system
                 JOIN "case" c ON c.id = x.case_id
                ORDER BY f.row_number, f.ord) hits
        WHERE r.import_id = $1::uuid AND r.row_number = hits.row_number`,
      [importId],
    );
    return rowCount ?? 0;
  }

  /**
   * The rows to create: VALID ones and the duplicates the manager accepted, minus the excluded
   * ones, each with its case's id (derived from the import and the row, see importCaseId), in a
   * temporary table. The rows themselves are not rewritten.
   */
  async acceptRows(tx: ImportTx, importId: string, include: number[], exclude: number[]): Promise<number> {
    const { rowCount } = await tx.query(
      `CREATE TEMP TABLE import_accept ON COMMIT DROP AS
       SELECT r.row_number, ${importCaseId('r')} AS case_id, r.data
         FROM import_row r
        WHERE r.import_id = $1::uuid
          AND (r.status = 'VALID' OR (r.status = 'DUPLICATE' AND r.row_number IN (SELECT unnest($2::int[]))))
          AND r.row_number NOT IN (SELECT unnest($3::int[]))`,
      [importId, include, exclude],
    );
    await tx.query('ANALYZE import_accept');
    return rowCount ?? 0;
  }

  /**
   * Inserts the accepted rows' cases in one statement, in row order: case numbers from the
   * sequence (formatted as formatCaseNumber does), search_text by the table's trigger, no
   * assigned officer; then their external references and their CREATED timeline events.
   */
  async insertCases(
    tx: ImportTx,
    importId: string,
    actorId: string | null,
  ): Promise<{ cases: number; references: number }> {
    const cases = await tx.query(
      `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, father_name, other_names, sex, date_of_birth,
                           birth_year, community_id, place_of_birth, missing_since, missing_since_from,
                           last_seen_municipality_id, last_seen_place, circumstances, import_id, created_by_id, updated_at)
       SELECT s.case_id, 'MP-' || CASE WHEN s.n < 1000000 THEN lpad(s.n::text, 6, '0') ELSE s.n::text END,
              (d->>'officeId')::uuid, d->>'firstName', d->>'lastName', d->>'fatherName',
              ARRAY(SELECT jsonb_array_elements_text(d->'otherNames')), (d->>'sex')::"Sex", d->>'dateOfBirth',
              (d->>'birthYear')::int, (d->>'communityId')::uuid, d->>'placeOfBirth', d->>'missingSince',
              (d->>'missingSinceFrom')::date, (d->>'lastSeenMunicipalityId')::uuid, d->>'lastSeenPlace', d->>'circumstances',
              $1::uuid, $2::uuid, now()
         FROM (SELECT o.case_id, o.d, nextval('case_number_seq') AS n
                 FROM (SELECT case_id, data AS d FROM import_accept ORDER BY row_number) o) s`,
      [importId, actorId],
    );
    const refs = await tx.query(
      `INSERT INTO external_reference (id, case_id, system, reference)
       SELECT gen_random_uuid(), a.case_id, (e->>'system')::"ReferenceSystem", e->>'reference'
         FROM import_accept a CROSS JOIN LATERAL jsonb_array_elements(a.data->'externalReferences') AS e`,
    );
    await tx.query(
      `INSERT INTO case_event (id, case_id, type, at, actor_id, data)
       SELECT gen_random_uuid(), case_id, 'CREATED', clock_timestamp(), $2::uuid,
              jsonb_build_object('importId', $1::text, 'rowNumber', row_number)
         FROM import_accept ORDER BY row_number`,
      [importId, actorId],
    );
    return { cases: cases.rowCount ?? 0, references: refs.rowCount ?? 0 };
  }

  async finishCommit(tx: ImportTx, importId: string, created: number, skipped: number): Promise<void> {
    await tx.query(
      `UPDATE import SET status = 'COMMITTED', created_count = $2, skipped_count = $3, committed_at = now() WHERE id = $1::uuid`,
      [importId, created, skipped],
    );
  }

  // ---------------------------------------------------------------- saved mappings

  listMappings() {
    return this.db.prisma.importMapping.findMany({ orderBy: { name: 'asc' }, select: MAPPING_SELECT });
  }

  /** Saves under a name; saving an existing name replaces that mapping. */
  saveMapping(tx: Prisma.TransactionClient, name: string, mapping: Record<string, unknown>, createdById: string) {
    return tx.importMapping.upsert({
      where: { name },
      create: { name, mapping: mapping as Prisma.InputJsonValue, createdById },
      update: { mapping: mapping as Prisma.InputJsonValue, createdById, createdAt: new Date() },
      select: MAPPING_SELECT,
    });
  }

  async deleteMapping(tx: Prisma.TransactionClient, id: string): Promise<{ name: string } | null> {
    const found = await tx.importMapping.findUnique({ where: { id }, select: { name: true } });
    if (found) await tx.importMapping.delete({ where: { id } });
    return found;
  }

  // ---------------------------------------------------------------- audit

  /**
   * An audit entry written on the import step's own connection, so it commits with the step
   * (AuditService writes through Prisma, which cannot join this transaction). The same columns
   * as AuditService.record; the database's trigger numbers and chains it. Written last in the
   * step: the chain's lock is then held only for the commit itself.
   */
  async audit(tx: ImportTx, actor: Actor, meta: RequestMeta, input: AuditInput): Promise<void> {
    await tx.query(
      `INSERT INTO audit_entry (id, actor_id, actor_role, action, entity_type, entity_id, ip, request_id, details)
       VALUES (gen_random_uuid(), $1::uuid, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [
        actor.userId ?? null,
        actor.role,
        input.action,
        input.entityType ?? null,
        input.entityId ?? null,
        meta.ip ?? null,
        meta.requestId ?? null,
        input.details ? JSON.stringify(input.details) : null,
      ],
    );
  }
}

const MAPPING_SELECT = { id: true, name: true, mapping: true, createdAt: true } as const;
