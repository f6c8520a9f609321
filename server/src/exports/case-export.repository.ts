import { Injectable, Logger } from '@nestjs/common';
import type pg from 'pg';
import Cursor from 'pg-cursor';
import { to as copyTo } from 'pg-copy-streams';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { caseFilterSql, SET_SEARCH_THRESHOLD, type CaseFilterInput } from '../cases/case-filters.js';
import { SqlParams, type CaseScope } from '../cases/case-scope.js';
import { DatabaseService } from '../common/database/database.service.js';
import { lfToCrlf } from './csv-export.js';

// Exports read the filtered cases through a server-side cursor (pg-cursor: one portal, fetched
// BATCH_ROWS at a time), so a million rows never sit in memory: the next batch is fetched only
// when the consumer (CSV or XLSX writer, then the HTTP response) has taken the previous one.
//
// When the client goes away the stream is destroyed: the connection is closed rather than
// returned to the pool, which ends the backend and its transaction; client_connection_check_interval
// makes PostgreSQL notice a vanished client even in the middle of a long step (a sort).
const BATCH_ROWS = 2000;
/**
 * The XLSX writer's batches are smaller: rows that live while a big batch becomes XML survive the
 * young generation's collections and grow the old one (measured on 200,000 rows: heap peak
 * 114 MB with 2,000-row batches, 64 MB with 200).
 */
export const XLSX_BATCH_ROWS = 250;

export type ExportRow = (string | null)[];

/**
 * A stream of case rows from a cursor, in object mode, one object per batch (ExportRow[]): the
 * consumer converts a whole batch at once, and at most about two batches wait in memory.
 */
export class CaseRowStream extends Readable {
  /** Rows handed on so far. */
  rows = 0;
  /** True once the last row was read from the database. */
  complete = false;
  private reading = false;
  private released = false;
  private pending: ExportRow[] | null;
  private readonly logger = new Logger('Export');

  constructor(
    private readonly client: pg.PoolClient,
    private readonly cursor: Cursor<ExportRow>,
    first: ExportRow[],
    private readonly batchRows: number,
  ) {
    super({ objectMode: true, highWaterMark: 1 });
    this.pending = first;
  }

  override _read(): void {
    if (this.pending) {
      const batch = this.pending;
      this.pending = null;
      this.accept(batch);
      return;
    }
    if (this.reading || this.complete) return;
    this.reading = true;
    this.cursor.read(this.batchRows).then(
      (batch) => {
        this.reading = false;
        if (!this.destroyed) this.accept(batch);
      },
      (error: Error) => {
        this.reading = false;
        this.destroy(error);
      },
    );
  }

  private accept(batch: ExportRow[]): void {
    if (batch.length === 0) {
      this.complete = true;
      void this.finish();
      return;
    }
    this.rows += batch.length;
    if (this.push(batch)) this._read();
  }

  /** The end of the result: close the portal, end the read-only transaction, return the connection. */
  private async finish(): Promise<void> {
    try {
      await this.cursor.close();
      await this.client.query('COMMIT');
      this.released = true;
      this.client.release();
      this.push(null);
    } catch (error) {
      this.destroy(error as Error);
    }
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.released) {
      this.released = true;
      // Not back to the pool: closing the connection stops the query and rolls back at once.
      this.client.release(error ?? new Error('export stopped'));
      if (!this.complete) this.logger.log({ rows: this.rows }, 'Export stopped before the end; query cancelled');
    }
    callback(error);
  }
}

/** pg-copy-streams' COPY TO stream. */
type CopyToStream = ReturnType<typeof copyTo>;

/**
 * A CSV export straight from PostgreSQL's COPY (SELECT ...) TO STDOUT (FORMAT csv): the database
 * quotes the fields (RFC 4180: a field with a comma, a quote, CR or LF in quotes, quotes doubled)
 * and Node only passes the bytes on, after the byte order mark and header, with each record's LF
 * made CRLF (COPY ends lines with LF; an LF inside a quoted field is data and stays).
 *
 * Backpressure: the COPY stream stops reading the socket while this stream's buffer is full, so
 * the database waits for a slow client. Destroying it closes the connection (see CaseRowStream).
 */
export class CsvCopyStream extends Transform {
  /** Records passed on so far. */
  rows = 0;
  /** True once the last record was read from the database. */
  complete = false;
  /** Resolves when the first bytes (or the end) came from the database; rejects on a query error. */
  readonly started: Promise<void>;
  private quoted = false;
  private released = false;
  private onStart!: (error?: Error) => void;
  private readonly logger = new Logger('Export');

  constructor(
    private readonly client: pg.PoolClient,
    private readonly copy: CopyToStream,
    head: string,
  ) {
    super({ readableHighWaterMark: 1024 * 1024, writableHighWaterMark: 256 * 1024 });
    this.started = new Promise<void>((resolve, reject) => {
      this.onStart = (error) => {
        this.onStart = () => undefined;
        if (error) reject(error);
        else resolve();
      };
    });
    this.push(head);
    copy.on('error', (error: Error) => {
      this.onStart(error);
      this.destroy(error);
    });
    copy.pipe(this);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.onStart();
    const out = lfToCrlf(chunk, this.quoted);
    this.quoted = out.quoted;
    this.rows += out.records;
    callback(null, out.data);
  }

  /** The COPY is over: end the read-only transaction, return the connection. */
  override _flush(callback: TransformCallback): void {
    this.onStart();
    this.complete = true;
    this.client.query('COMMIT').then(
      () => {
        this.released = true;
        this.client.release();
        callback();
      },
      (error: Error) => callback(error),
    );
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.released) {
      this.released = true;
      this.copy.unpipe(this);
      // Not back to the pool: closing the connection stops the query and rolls back at once.
      this.client.release(error ?? new Error('export stopped'));
      if (!this.complete) this.logger.log({ rows: this.rows }, 'Export stopped before the end; query cancelled');
    }
    callback(error);
  }
}

/**
 * Hand-built SQL with its `$n` parameters written in as literals, for COPY, which takes no
 * parameters. The values are the filter's (strings from validated input, escaped by pg), each an
 * untyped literal as a parameter would be, so the casts and comparisons stay what they were.
 */
export function inlineParams(sql: string, values: readonly unknown[], literal: (value: string) => string): string {
  return sql.replace(/\$(\d+)\b/g, (_, n: string) => {
    const value = values[Number(n) - 1];
    if (typeof value === 'string') return literal(value);
    if (typeof value === 'number' && Number.isFinite(value)) return literal(String(value));
    throw new Error(`inlineParams: unsupported value for $${n}`);
  });
}

@Injectable()
export class CaseExportRepository {
  constructor(private readonly db: DatabaseService) {}

  /**
   * Opens a cursor over the cases in scope matching the filters, ordered by case number, and waits
   * for the first batch (so a failing query answers with an error status, not a cut-off file).
   */
  async open(
    scope: CaseScope,
    filters: CaseFilterInput,
    actorUserId: string | undefined,
    select: string,
    batchRows = BATCH_ROWS,
  ): Promise<CaseRowStream> {
    const client = await this.db.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(SET_SEARCH_THRESHOLD);
      // A big export to a slow client may take longer than the API's statement timeout.
      await client.query(`SET LOCAL statement_timeout = '2h'`);
      await client.query(`SET LOCAL client_connection_check_interval = '2s'`);
      const p = new SqlParams();
      const filter = await caseFilterSql(client, scope, filters, actorUserId, p);
      const sql = `/* mprc:export */ SELECT ${select}
          FROM ${filter.from}
         WHERE ${filter.where}
         ORDER BY c.case_number`;
      const cursor = client.query(new Cursor<ExportRow>(sql, p.values, { rowMode: 'array' }));
      const first = await cursor.read(batchRows);
      return new CaseRowStream(client, cursor, first, batchRows);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw e;
    }
  }

  /**
   * Starts a CSV export of the cases in scope matching the filters, ordered by case number:
   * `select(literal)` gives the SELECT list (each column's CSV text, see export-columns.ts), `head`
   * goes first. Waits until the query runs, so a failing one answers with an error status.
   */
  async openCsv(
    scope: CaseScope,
    filters: CaseFilterInput,
    actorUserId: string | undefined,
    select: (literal: (value: string) => string) => string,
    head: string,
  ): Promise<CsvCopyStream> {
    const client = await this.db.pool.connect();
    let sql: string;
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(SET_SEARCH_THRESHOLD);
      await client.query(`SET LOCAL statement_timeout = '2h'`);
      await client.query(`SET LOCAL client_connection_check_interval = '2s'`);
      // Timestamps written as text (see export-columns.ts) read YYYY-MM-DD HH:MM:SS.
      await client.query(`SET LOCAL DateStyle = 'ISO, YMD'`);
      const p = new SqlParams();
      const filter = await caseFilterSql(client, scope, filters, actorUserId, p);
      const literal = (value: string) => client.escapeLiteral(value);
      const from = inlineParams(`FROM ${filter.from}\n WHERE ${filter.where}`, p.values, literal);
      sql = `COPY (/* mprc:export */ SELECT ${select(literal)}
          ${from}
         ORDER BY c.case_number) TO STDOUT (FORMAT csv)`;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      client.release();
      throw e;
    }
    // From here the stream owns the connection (its end or destruction releases it).
    const stream = new CsvCopyStream(client, client.query(copyTo(sql)), head);
    try {
      await stream.started;
    } catch (e) {
      stream.destroy();
      throw e;
    }
    return stream;
  }

  async userNames(): Promise<Map<string, string>> {
    const { rows } = await this.db.pool.query<{ id: string; name: string }>('SELECT id, name FROM app_user');
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
