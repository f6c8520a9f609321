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
import Cursor from 'pg-cursor';
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
const CANDIDATES_PER_ROW = 10;
const FILE_CANDIDATES_PER_ROW = 5;

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

export interface RowToStore {
  rowNumber: number;
  status: 'VALID' | 'INVALID';
  values: Record<string, string>;
  data: ImportCaseData | null;
  errors: ImportRowError[] | null;
}

export interface StoredRow {
  row_number: number;
  status: ImportRowStatus;
  values: Record<string, string>;
  errors: ImportRowError[] | null;
  duplicates: ImportCandidate[] | null;
  case_id: string | null;
  case_number: string | null;
  first_name: string | null;
  last_name: string | null;
}

/** A candidate pair from SQL, before scoring: an existing case or an earlier row. */
export interface CandidateRow {
  row_number: number;
  case_id: string | null;
  case_number: string | null;
  other_row: number | null;
  first_name: string;
  last_name: string;
  father_name: string | null;
  birth_year: number | null;
  row_birth_year: number | null;
  same_municipality: boolean | null;
  last_sim: number | null;
  first_sim: number | null;
  father_sim: number | null;
}

const FILTERS: Record<ImportRowFilter, ImportRowStatus[] | null> = {
  all: null,
  invalid: ['INVALID'],
  duplicates: ['DUPLICATE'],
  existing: ['EXISTING'],
  valid: ['VALID'],
  created: ['CREATED'],
};

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

  /** One batch of rows in one statement. */
  async insertRows(tx: ImportTx, importId: string, rows: RowToStore[]): Promise<void> {
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO import_row (import_id, row_number, status, values, data, errors)
       SELECT $1::uuid, x.n, x.s::"ImportRowStatus", x.v, x.d, x.e
         FROM jsonb_to_recordset($2::jsonb) AS x(n int, s text, v jsonb, d jsonb, e jsonb)`,
      [
        importId,
        JSON.stringify(rows.map((r) => ({ n: r.rowNumber, s: r.status, v: r.values, d: r.data, e: r.errors }))),
      ],
    );
  }

  /**
   * Rows (of these statuses) with an external reference already recorded on a case become
   * EXISTING and point at that case (or the case it was merged into): re-importing a list finds
   * its rows again instead of duplicating them. References compare without letter case.
   */
  async markExisting(
    tx: ImportTx,
    importId: string,
    statuses: ImportRowStatus[],
    exclude: number[] = [],
  ): Promise<number> {
    const { rowCount } = await tx.query(
      `WITH refs AS (
         SELECT r.row_number, e.ord, e.ref->>'system' AS system, upper(e.ref->>'reference') AS reference
           FROM import_row r
           CROSS JOIN LATERAL jsonb_array_elements(r.data->'externalReferences') WITH ORDINALITY AS e(ref, ord)
          WHERE r.import_id = $1::uuid AND r.status = ANY($2::"ImportRowStatus"[]) AND NOT r.row_number = ANY($3::int[])
       ), hits AS (
         SELECT DISTINCT ON (refs.row_number) refs.row_number, coalesce(c.merged_into_id, c.id) AS case_id
           FROM refs
           JOIN external_reference x ON upper(x.reference) = refs.reference AND x.system::text = refs.system
           JOIN "case" c ON c.id = x.case_id
          ORDER BY refs.row_number, refs.ord
       )
       UPDATE import_row r SET status = 'EXISTING', case_id = hits.case_id, duplicates = NULL
         FROM hits WHERE r.import_id = $1::uuid AND r.row_number = hits.row_number`,
      [importId, statuses, exclude],
    );
    return rowCount ?? 0;
  }

  /**
   * The people of the VALID rows, folded as case.search_text is (mprc_fold), in a temporary table
   * for the duplicate queries below.
   */
  async preparePeople(tx: ImportTx, importId: string): Promise<number> {
    await tx.query(
      `CREATE TEMP TABLE import_person ON COMMIT DROP AS
       SELECT row_number,
              mprc_fold(data->>'lastName') AS last,
              mprc_fold(data->>'firstName') AS first,
              nullif(mprc_fold(data->>'fatherName'), '') AS father,
              (data->>'birthYear')::int AS birth_year,
              (data->>'lastSeenMunicipalityId')::uuid AS municipality_id,
              data->>'firstName' AS first_name, data->>'lastName' AS last_name, data->>'fatherName' AS father_name
         FROM import_row WHERE import_id = $1::uuid AND status = 'VALID'`,
      [importId],
    );
    await tx.query('ANALYZE import_person');
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM import_person');
    return rows[0].n;
  }

  /**
   * Duplicate candidates of every VALID row, ordered by row: existing cases (the case feature's
   * candidate query: open cases whose search_text matches the last name by trigram word
   * similarity, with the name similarities measured against names and other spellings; the best
   * ten per row) and earlier rows of the file with the same folded first and last name (Krasniqi
   * = Krasnići = Краснићи). Read through a cursor declared in the transaction, `batch` rows at a time.
   */
  async *candidates(tx: ImportTx, batch = 5000): AsyncGenerator<CandidateRow[]> {
    const others = `array_to_string(c.other_names, ' ')`;
    await tx.query(
      `DECLARE import_candidates NO SCROLL CURSOR FOR
       SELECT * FROM (
         SELECT p.row_number, k.id AS case_id, k.case_number, NULL::int AS other_row, k.first_name, k.last_name, k.father_name,
                k.birth_year, p.birth_year AS row_birth_year,
                CASE WHEN p.municipality_id IS NOT NULL AND k.municipality_id IS NOT NULL THEN p.municipality_id = k.municipality_id END AS same_municipality,
                k.last_sim, k.first_sim, k.father_sim
           FROM import_person p
           CROSS JOIN LATERAL (
             SELECT c.id, c.case_number, c.first_name, c.last_name, c.father_name, c.birth_year,
                    c.last_seen_municipality_id AS municipality_id,
                    CASE WHEN p.last <> '' THEN word_similarity(p.last, mprc_fold(concat_ws(' ', c.last_name, ${others}))) END::float8 AS last_sim,
                    CASE WHEN p.first <> '' THEN word_similarity(p.first, mprc_fold(concat_ws(' ', c.first_name, ${others}))) END::float8 AS first_sim,
                    CASE WHEN p.father IS NOT NULL AND c.father_name IS NOT NULL THEN similarity(p.father, mprc_fold(c.father_name)) END::float8 AS father_sim
               FROM "case" c
              WHERE c.merged_into_id IS NULL AND c.search_text %> coalesce(nullif(p.last, ''), p.first)
              ORDER BY word_similarity(coalesce(nullif(p.last, ''), p.first), c.search_text) DESC, c.case_number
              LIMIT ${CANDIDATES_PER_ROW}
           ) k
         UNION ALL
         SELECT row_number, NULL, NULL, other_row, first_name, last_name, father_name, birth_year, row_birth_year,
                same_municipality, 1, 1, father_sim
           FROM (
             SELECT b.row_number, a.row_number AS other_row, a.first_name, a.last_name, a.father_name, a.birth_year,
                    b.birth_year AS row_birth_year,
                    CASE WHEN a.municipality_id IS NOT NULL AND b.municipality_id IS NOT NULL THEN a.municipality_id = b.municipality_id END AS same_municipality,
                    CASE WHEN a.father IS NOT NULL AND b.father IS NOT NULL THEN similarity(a.father, b.father) END::float8 AS father_sim,
                    row_number() OVER (PARTITION BY b.row_number
                                       ORDER BY (a.father IS NOT DISTINCT FROM b.father) DESC,
                                                (a.birth_year IS NOT DISTINCT FROM b.birth_year) DESC, a.row_number) AS nth
               FROM import_person b
               JOIN import_person a ON a.last = b.last AND a.first = b.first AND a.row_number < b.row_number
           ) pairs
          WHERE nth <= ${FILE_CANDIDATES_PER_ROW}
       ) all_candidates
       ORDER BY row_number`,
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

  /** Marks rows as DUPLICATE with their scored candidates. */
  async markDuplicates(
    tx: ImportTx,
    importId: string,
    found: { rowNumber: number; candidates: ImportCandidate[] }[],
  ): Promise<void> {
    if (!found.length) return;
    await tx.query(
      `UPDATE import_row r SET status = 'DUPLICATE', duplicates = x.d
         FROM jsonb_to_recordset($2::jsonb) AS x(n int, d jsonb)
        WHERE r.import_id = $1::uuid AND r.row_number = x.n`,
      [importId, JSON.stringify(found.map((f) => ({ n: f.rowNumber, d: f.candidates })))],
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

  async rowsPage(
    importId: string,
    filter: ImportRowFilter,
    page: number,
    pageSize: number,
    client?: ImportTx,
  ): Promise<Page<StoredRow>> {
    const statuses = FILTERS[filter];
    const q = <R extends pg.QueryResultRow>(text: string, values: unknown[]) =>
      client ? client.query<R>(text, values) : this.db.pool.query<R>(text, values);
    const where = `r.import_id = $1::uuid AND ($2::"ImportRowStatus"[] IS NULL OR r.status = ANY($2::"ImportRowStatus"[]))`;
    const { rows } = await q<StoredRow>(
      `SELECT r.row_number, r.status::text AS status, r.values, r.errors, r.duplicates, r.case_id, c.case_number
         FROM import_row r LEFT JOIN "case" c ON c.id = r.case_id
        WHERE ${where}
        ORDER BY r.row_number LIMIT $3 OFFSET $4`,
      [importId, statuses, pageSize, (page - 1) * pageSize],
    );
    const total = (
      await q<{ n: number }>(`SELECT count(*)::int AS n FROM import_row r WHERE ${where}`, [importId, statuses])
    ).rows[0].n;
    return { items: rows, total, page, pageSize };
  }

  /** Rows needing a decision before a commit: invalid and duplicate ones, and every row number. */
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
  async *allRows(importId: string, batch = 2000): AsyncGenerator<StoredRow[]> {
    const client = await this.db.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const cursor = client.query(
        new Cursor<StoredRow>(
          `SELECT r.row_number, r.status::text AS status, r.values, r.errors, r.duplicates, r.case_id, c.case_number
             FROM import_row r LEFT JOIN "case" c ON c.id = r.case_id
            WHERE r.import_id = $1::uuid ORDER BY r.row_number`,
          [importId],
        ),
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
   * Gives every row to be created a case id (status CREATED): VALID rows and the duplicates the
   * manager accepted, minus the excluded rows.
   */
  async claimRows(tx: ImportTx, importId: string, include: number[], exclude: number[]): Promise<number> {
    const { rowCount } = await tx.query(
      `UPDATE import_row SET case_id = gen_random_uuid(), status = 'CREATED'
        WHERE import_id = $1::uuid
          AND (status = 'VALID' OR (status = 'DUPLICATE' AND row_number = ANY($2::int[])))
          AND NOT row_number = ANY($3::int[])`,
      [importId, include, exclude],
    );
    return rowCount ?? 0;
  }

  /**
   * Inserts the cases of the CREATED rows in one statement, in row order: case numbers from the
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
                 FROM (SELECT case_id, data AS d FROM import_row
                        WHERE import_id = $1::uuid AND status = 'CREATED' ORDER BY row_number) o) s`,
      [importId, actorId],
    );
    const refs = await tx.query(
      `INSERT INTO external_reference (id, case_id, system, reference)
       SELECT gen_random_uuid(), r.case_id, (e->>'system')::"ReferenceSystem", e->>'reference'
         FROM import_row r CROSS JOIN LATERAL jsonb_array_elements(r.data->'externalReferences') AS e
        WHERE r.import_id = $1::uuid AND r.status = 'CREATED'`,
      [importId],
    );
    await tx.query(
      `INSERT INTO case_event (id, case_id, type, at, actor_id, data)
       SELECT gen_random_uuid(), case_id, 'CREATED', clock_timestamp(), $2::uuid,
              jsonb_build_object('importId', $1::text, 'rowNumber', row_number)
         FROM import_row WHERE import_id = $1::uuid AND status = 'CREATED' ORDER BY row_number`,
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
