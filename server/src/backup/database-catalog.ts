// What backup and restore need to know about a database, read from the PostgreSQL catalog so
// that tables, triggers and sequences added by later migrations are covered without a list here.
import type pg from 'pg';

type Queryable = Pick<pg.Client | pg.PoolClient, 'query'>;

/** Prisma's bookkeeping: carried in the backup's header, recreated by the migrator on restore. */
export const MIGRATIONS_TABLE = '_prisma_migrations';

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export interface ServerVersion {
  version: string;
  versionNum: number;
}

export async function serverVersion(client: Queryable): Promise<ServerVersion> {
  const { rows } = await client.query<{ v: string; n: string }>(
    `SELECT current_setting('server_version') AS v, current_setting('server_version_num') AS n`,
  );
  return { version: rows[0].v, versionNum: Number(rows[0].n) };
}

/** Tables of the public schema (not Prisma's bookkeeping), with their stored (non-generated) columns in order. */
export async function listTables(client: Queryable): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> $1
      GROUP BY c.relname
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  return rows;
}

/** Sequences of the public schema and the column each one feeds, if it is owned by one. */
export async function listSequences(
  client: Queryable,
): Promise<{ name: string; ownedBy: { table: string; column: string } | null }[]> {
  const { rows } = await client.query<{ name: string; table: string | null; column: string | null }>(
    `SELECT s.relname AS name, t.relname AS table, a.attname AS column
       FROM pg_class s
       JOIN pg_namespace n ON n.oid = s.relnamespace
       LEFT JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
                            AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_class t ON t.oid = d.refobjid
       LEFT JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE n.nspname = 'public' AND s.relkind = 'S'
      ORDER BY s.relname`,
  );
  return rows.map((r) => ({
    name: r.name,
    ownedBy: r.table && r.column ? { table: r.table, column: r.column } : null,
  }));
}

/** Everything a restore target must not have: any table, view or sequence outside the system schemas. */
export async function userRelations(client: Queryable): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
      ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

export interface TriggerRef {
  table: string;
  name: string;
}

/** Enabled user triggers (the audit chain, search text, append-only guards...) on these tables. */
export async function enabledTriggers(client: Queryable, tables: string[]): Promise<TriggerRef[]> {
  const { rows } = await client.query<TriggerRef>(
    `SELECT c.relname AS table, t.tgname AS name
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND c.relname = ANY($1)
      ORDER BY 1, 2`,
    [tables],
  );
  return rows;
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

export async function foreignKeys(client: Queryable): Promise<ForeignKey[]> {
  const { rows } = await client.query<ForeignKey>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
       FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'
      ORDER BY 1, 2`,
  );
  return rows;
}

export interface IndexRef {
  name: string;
  definition: string;
}

/** Indexes on these tables that no constraint owns: rebuilt after a bulk load, once, rather than row by row. */
export async function plainIndexes(client: Queryable, tables: string[]): Promise<IndexRef[]> {
  const { rows } = await client.query<IndexRef>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
      ORDER BY 1`,
    [tables],
  );
  return rows;
}

/** Settings that make COPY text identical whatever the server or session defaults are (as pg_dump sets them). */
export const PORTABLE_SESSION = [
  "SET client_encoding = 'UTF8'",
  "SET TimeZone = 'UTC'",
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  'SET extra_float_digits = 3',
  'SET standard_conforming_strings = on',
  "SET bytea_output = 'hex'",
  'SET statement_timeout = 0',
  'SET lock_timeout = 0',
  'SET idle_in_transaction_session_timeout = 0',
];
