// Applies prisma/migrations with the `pg` driver, no Prisma schema engine needed (it cannot be
// downloaded everywhere we run). The bookkeeping is Prisma's own `_prisma_migrations` table with
// the same checksums, so `prisma migrate deploy|status` accepts a database migrated here.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export type Queryable = Pick<pg.Pool | pg.Client | pg.PoolClient, 'query'>;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma's lock id for migrations: a `prisma migrate deploy` running alongside waits too. */
export const MIGRATION_LOCK_ID = 72707369;

// Prisma's DDL for its bookkeeping table, verbatim.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Walks up from this module to the folder holding `relative` (works from server/src and server/dist). */
export function findRepoPath(relative: string, from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, relative);
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new MigrationError(`cannot find ${relative} above ${from}`);
  }
}

export function defaultMigrationsDir(): string {
  return process.env.MIGRATIONS_DIR ? path.resolve(process.env.MIGRATIONS_DIR) : findRepoPath('prisma/migrations');
}

/** SHA-256 hex of the file's bytes, as Prisma stores it. */
export function migrationChecksum(sql: string | Buffer): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Prisma also accepts a file whose line endings changed (a Windows checkout). */
export function checksumMatches(sql: Buffer, stored: string): boolean {
  if (migrationChecksum(sql) === stored) return true;
  const text = sql.toString('utf8');
  return (
    migrationChecksum(text.replace(/\r\n/g, '\n')) === stored ||
    migrationChecksum(text.replace(/\r?\n/g, '\r\n')) === stored
  );
}

/** Migration folders in apply order (names start with a timestamp). */
export function readMigrations(dir = defaultMigrationsDir()): (Migration & { bytes: Buffer })[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new MigrationError(`cannot read the migrations folder ${dir}: ${(e as Error).message}`);
  }
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const file = path.join(dir, name, 'migration.sql');
      if (!fs.existsSync(file)) throw new MigrationError(`migration ${name} has no migration.sql`);
      const bytes = fs.readFileSync(file);
      return { name, bytes, sql: bytes.toString('utf8'), checksum: migrationChecksum(bytes) };
    });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

async function appliedRows(client: Queryable): Promise<AppliedRow[] | null> {
  const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"') AS t`);
  if (!exists.rows[0]?.t) return null;
  const { rows } = await client.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at',
  );
  return rows;
}

/** Names of committed migrations not yet applied to the database (GET /api/ready). */
export async function pendingMigrations(client: Queryable, migrationsDir = defaultMigrationsDir()): Promise<string[]> {
  const local = readMigrations(migrationsDir);
  const rows = (await appliedRows(client)) ?? [];
  const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  return local.map((m) => m.name).filter((n) => !done.has(n));
}

/** Refuses a history that Prisma would refuse too: a failed migration or an edited one. */
function checkHistory(
  local: (Migration & { bytes: Buffer })[],
  rows: AppliedRow[],
  log: (m: string) => void,
): Set<string> {
  const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
  if (failed) {
    const why = failed.logs?.split('\n').find(Boolean);
    throw new MigrationError(
      `migration ${failed.migration_name} failed earlier${why ? ` (${why})` : ''}: repair the database, then mark it with \`prisma migrate resolve\``,
    );
  }
  const byName = new Map(local.map((m) => [m.name, m]));
  const done = new Set<string>();
  for (const row of rows) {
    if (!row.finished_at || row.rolled_back_at) continue;
    const m = byName.get(row.migration_name);
    if (!m) {
      // An older build on a newer database (a rollback deploy): carry on, but say so.
      log(`Migration ${row.migration_name} is applied but not among this build's migrations`);
    } else if (!checksumMatches(m.bytes, row.checksum)) {
      throw new MigrationError(
        `migration ${row.migration_name} was edited after it was applied (checksum differs): restore the file and put the change in a new migration`,
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

export async function applyMigrations(
  databaseUrl: string,
  opts: { migrationsDir?: string; log?: (m: string) => void } = {},
): Promise<{ applied: string[] }> {
  const log = opts.log ?? (() => {});
  const local = readMigrations(opts.migrationsDir ?? defaultMigrationsDir());
  const client = new pg.Client({ connectionString: databaseUrl });
  // A broken connection mid-migration surfaces as the query's error; don't crash on the event.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (e) {
    throw new MigrationError(`cannot connect to the database: ${(e as Error).message}`);
  }
  const applied: string[] = [];
  try {
    // Session lock: a second instance starting at the same time waits here, then finds nothing to do.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    await client.query(CREATE_TABLE);
    const done = checkHistory(local, (await appliedRows(client)) ?? [], log);
    for (const m of local) {
      if (done.has(m.name)) continue;
      const started = Date.now();
      try {
        await client.query('BEGIN');
        // The whole file as one simple-protocol query: function bodies contain `;`.
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, $4, now(), 1)`,
          [randomUUID(), m.checksum, m.name, new Date(started)],
        );
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => {});
        // Rolled back as a whole, so nothing is recorded: the next start retries the fixed file.
        throw new MigrationError(`migration ${m.name} failed and was rolled back: ${(e as Error).message}`);
      }
      applied.push(m.name);
      log(`Applied migration ${m.name} (${Date.now() - started} ms)`);
    }
  } catch (e) {
    if (e instanceof MigrationError) throw e;
    throw new MigrationError(`migrating the database failed: ${(e as Error).message}`);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end().catch(() => {});
  }
  return { applied };
}
