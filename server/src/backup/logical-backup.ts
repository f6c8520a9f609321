// Backup and restore in the built-in format (see logical-format.ts), needing no PostgreSQL
// binaries: one consistent snapshot streamed out with COPY, restored onto the same migrations.
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import copyStreams from 'pg-copy-streams';
import { verifyAuditChain } from '../audit/audit.repository.js';
import { applyMigrations, checksumMatches, defaultMigrationsDir, readMigrations } from '../common/database/migrator.js';
import { APP_VERSION } from '../version.js';
import {
  enabledTriggers,
  foreignKeys,
  listSequences,
  listTables,
  MIGRATIONS_TABLE,
  plainIndexes,
  PORTABLE_SESSION,
  quoteIdent,
  serverVersion,
} from './database-catalog.js';
import { BackupError, connect, refuseNonEmpty, writeAtomically, type RestoreSummary } from './backup-common.js';
import { LogicalDumpWriter, readLogicalDump, type DumpHeader, type DumpTable } from './logical-format.js';

export interface LogicalBackupResult {
  tables: number;
  rows: number;
  sha256: string;
}

const copyColumns = (t: { name: string; columns: string[] }) =>
  `${quoteIdent(t.name)} (${t.columns.map(quoteIdent).join(', ')})`;

/** Streams a consistent snapshot of the database to `file` (gzip), in constant memory. */
export async function writeLogicalBackup(databaseUrl: string, file: string): Promise<LogicalBackupResult> {
  const client = await connect(databaseUrl);
  try {
    for (const s of PORTABLE_SESSION) await client.query(s);
    // The snapshot is taken at the first query after BEGIN: everything below reads the same instant.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const server = await serverVersion(client);
    const hasMigrations = await client.query<{ t: string | null }>(`SELECT to_regclass($1) AS t`, [
      quoteIdent(MIGRATIONS_TABLE),
    ]);
    if (!hasMigrations.rows[0].t)
      throw new BackupError(
        'the database has no _prisma_migrations table: it is not an MPRC database (or was never migrated)',
      );
    const migrations = (
      await client.query<{ name: string; checksum: string }>(
        `SELECT migration_name AS name, checksum FROM ${quoteIdent(MIGRATIONS_TABLE)}
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows;
    const tables = await listTables(client);
    // Like pg_dump: no migration may change a table under us while we read it.
    if (tables.length)
      await client.query(`LOCK TABLE ${tables.map((t) => quoteIdent(t.name)).join(', ')} IN ACCESS SHARE MODE`);
    const counted: DumpTable[] = [];
    for (const t of tables) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(t.name)}`);
      counted.push({ ...t, rows: Number(rows[0].n) });
    }
    // Sequences are not transactional: read now, they are at least as far as any row in the snapshot.
    const sequences = [];
    for (const s of await listSequences(client)) {
      const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text AS last_value, is_called FROM ${quoteIdent(s.name)}`,
      );
      sequences.push({ name: s.name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
    }
    const dbName = (await client.query<{ d: string }>('SELECT current_database() AS d')).rows[0].d;
    const header: DumpHeader = {
      format: 'mprc-logical',
      formatVersion: 1,
      app: { name: 'mprc', version: APP_VERSION },
      createdAt: new Date().toISOString(),
      server,
      database: dbName,
      migrations,
      tables: counted,
      sequences,
    };

    let result: LogicalBackupResult | undefined;
    await writeAtomically(file, async (out) => {
      const gzip = createGzip({ level: 6 });
      const stored = pipeline(gzip, out);
      const failed = stored.then(() => {
        throw new BackupError('the backup file closed early');
      });
      failed.catch(() => undefined);
      const writer = new LogicalDumpWriter(async (chunk) => {
        if (!gzip.write(chunk)) await Promise.race([once(gzip, 'drain'), failed]);
      });
      await writer.header(header);
      for (const t of counted) {
        await writer.beginTable(t.name);
        const stream = client.query(copyStreams.to(`COPY ${copyColumns(t)} TO STDOUT`));
        for await (const chunk of stream) await writer.data(chunk as Buffer);
        if (stream.rowCount !== t.rows) {
          throw new BackupError(
            `table ${t.name} gave ${stream.rowCount} rows, ${t.rows} were counted in the same snapshot`,
          );
        }
        await writer.endTable(t.rows);
      }
      const trailer = await writer.trailer();
      gzip.end();
      await stored;
      result = { tables: counted.length, rows: trailer.rows, sha256: trailer.sha256 };
    });
    await client.query('COMMIT');
    return result!;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const gunzipFile = (file: string) => fs.createReadStream(file).pipe(createGunzip());

/** Reads the whole file once: structure, row counts and checksum. Returns its header. */
export async function verifyLogicalBackup(file: string): Promise<DumpHeader> {
  let header: DumpHeader | undefined;
  const input = gunzipFile(file);
  try {
    for await (const event of readLogicalDump(input)) if (event.type === 'header') header = event.header;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code?.startsWith('Z_'))
      throw new BackupError(`${file} is damaged: ${(e as Error).message}`);
    throw e;
  } finally {
    input.destroy();
  }
  return header!;
}

/** Migrations of the backup, which must all be known to this release, unchanged. */
function migrationsFor(header: DumpHeader, migrationsDir: string) {
  const local = new Map(readMigrations(migrationsDir).map((m) => [m.name, m]));
  const unknown = header.migrations.filter((m) => !local.has(m.name));
  if (unknown.length) {
    throw new BackupError(
      `the backup was made by a newer release (${header.app.version}): migration ${unknown[0].name}${unknown.length > 1 ? ` and ${unknown.length - 1} more` : ''} unknown here; restore with that release or later`,
    );
  }
  for (const m of header.migrations) {
    if (!checksumMatches(local.get(m.name)!.bytes, m.checksum)) {
      throw new BackupError(
        `migration ${m.name} of the backup differs from this release's copy (checksum): restore with the release that made it`,
      );
    }
  }
  return header.migrations.map((m) => local.get(m.name)!);
}

/** Restores a logical backup into an empty database: same migrations, same rows, same audit chain. */
export async function restoreLogicalBackup(
  databaseUrl: string,
  file: string,
  opts: { log: (m: string) => void; migrationsDir?: string },
): Promise<RestoreSummary> {
  const { log } = opts;
  const probe = await connect(databaseUrl);
  try {
    await refuseNonEmpty(probe);
  } finally {
    await probe.end().catch(() => undefined);
  }

  // The whole file is read once before anything is written: a damaged backup changes nothing.
  let started = Date.now();
  const header = await verifyLogicalBackup(file);
  log(
    `Backup checked: ${header.tables.length} tables, ${header.tables.reduce((n, t) => n + t.rows, 0)} rows, checksum intact (${Date.now() - started} ms)`,
  );
  const needed = migrationsFor(header, opts.migrationsDir ?? defaultMigrationsDir());

  // Exactly the backup's migrations: later ones run on the restored data at the next start.
  started = Date.now();
  const subset = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-restore-migrations-'));
  try {
    for (const m of needed) {
      fs.mkdirSync(path.join(subset, m.name));
      fs.writeFileSync(path.join(subset, m.name, 'migration.sql'), m.bytes);
    }
    await applyMigrations(databaseUrl, { migrationsDir: subset });
  } finally {
    fs.rmSync(subset, { recursive: true, force: true });
  }
  log(`Schema created: ${needed.length} migrations (${Date.now() - started} ms)`);

  started = Date.now();
  const client = await connect(databaseUrl);
  try {
    for (const s of PORTABLE_SESSION) await client.query(s);
    await client.query('BEGIN');
    const present = new Map((await listTables(client)).map((t) => [t.name, new Set(t.columns)]));
    for (const t of header.tables) {
      const cols = present.get(t.name);
      if (!cols)
        throw new BackupError(
          `table ${t.name} of the backup does not exist after its migrations (the source schema had drifted)`,
        );
      const missing = t.columns.find((c) => !cols.has(c));
      if (missing)
        throw new BackupError(
          `column ${t.name}.${missing} of the backup does not exist after its migrations (the source schema had drifted)`,
        );
    }
    const names = header.tables.map((t) => t.name);
    // Rows go back as they were: no trigger may recompute the audit chain or the search text,
    // and foreign keys are checked once, when they are put back, whatever the load order.
    const triggers = await enabledTriggers(client, names);
    for (const t of triggers)
      await client.query(`ALTER TABLE ${quoteIdent(t.table)} DISABLE TRIGGER ${quoteIdent(t.name)}`);
    const fks = await foreignKeys(client);
    for (const k of fks) await client.query(`ALTER TABLE ${quoteIdent(k.table)} DROP CONSTRAINT ${quoteIdent(k.name)}`);
    // Like pg_restore: secondary indexes (the name-search trigram index above all) are built
    // once at the end instead of row by row.
    const indexes = await plainIndexes(client, names);
    for (const i of indexes) await client.query(`DROP INDEX ${quoteIdent(i.name)}`);

    const input = gunzipFile(file);
    let copy: ReturnType<typeof copyStreams.from> | undefined;
    let copyDone: Promise<void> | undefined;
    try {
      for await (const event of readLogicalDump(input)) {
        if (event.type === 'table') {
          copy = client.query(copyStreams.from(`COPY ${copyColumns(event.table)} FROM STDIN`));
          const stream = copy;
          copyDone = new Promise<void>((resolve, reject) => {
            stream.on('finish', resolve);
            stream.on('error', reject);
          });
          copyDone.catch(() => undefined);
        } else if (event.type === 'data') {
          if (!copy!.write(event.chunk)) await Promise.race([once(copy!, 'drain'), copyDone]);
        } else if (event.type === 'end-table') {
          copy!.end();
          await copyDone;
          if (copy!.rowCount !== event.rows)
            throw new BackupError(
              `table ${event.table.name}: ${copy!.rowCount} rows loaded, ${event.rows} in the backup`,
            );
          copy = undefined;
        }
      }
    } finally {
      input.destroy();
    }

    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const i of indexes) await client.query(i.definition);
    for (const k of fks)
      await client.query(`ALTER TABLE ${quoteIdent(k.table)} ADD CONSTRAINT ${quoteIdent(k.name)} ${k.definition}`);
    for (const t of triggers)
      await client.query(`ALTER TABLE ${quoteIdent(t.table)} ENABLE TRIGGER ${quoteIdent(t.name)}`);

    // Sequences carry on where they were (case numbers and audit numbers are never reused);
    // one that feeds a column never falls behind the values loaded into it.
    const sequences = new Map((await listSequences(client)).map((s) => [s.name, s]));
    for (const s of header.sequences) {
      if (!sequences.has(s.name)) continue;
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [quoteIdent(s.name), s.lastValue, s.isCalled]);
    }
    for (const s of sequences.values()) {
      if (!s.ownedBy) continue;
      await client.query(
        `SELECT setval($1::regclass, m) FROM (SELECT max(${quoteIdent(s.ownedBy.column)})::bigint AS m FROM ${quoteIdent(s.ownedBy.table)}) x
          WHERE m IS NOT NULL AND m > (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${quoteIdent(s.name)})`,
        [quoteIdent(s.name)],
      );
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new BackupError(
      `loading the data failed and was rolled back (${(e as Error).message}); the database now holds the empty schema: drop and recreate it before trying again`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  log(`Data loaded (${Date.now() - started} ms)`);
  return finishRestore(databaseUrl, log, Object.fromEntries(header.tables.map((t) => [t.name, t.rows])));
}

/** ANALYZE, audit chain, row counts: the common end of both restore paths. */
export async function finishRestore(
  databaseUrl: string,
  log: (m: string) => void,
  expected?: Record<string, number>,
): Promise<RestoreSummary> {
  const client = await connect(databaseUrl);
  try {
    const started = Date.now();
    await client.query('ANALYZE');
    log(`Statistics updated (${Date.now() - started} ms)`);
    const chain = await verifyAuditChain(client);
    if (chain.firstBroken) {
      throw new BackupError(
        `restored, but the audit trail does not verify: entry ${chain.firstBroken.seq} (${chain.firstBroken.reason})`,
      );
    }
    const counts: Record<string, number> = {};
    for (const t of await listTables(client)) {
      counts[t.name] = Number(
        (await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(t.name)}`)).rows[0].n,
      );
    }
    if (expected) {
      const off = Object.entries(expected).find(([t, n]) => counts[t] !== n);
      if (off)
        throw new BackupError(`restored, but table ${off[0]} holds ${counts[off[0]]} rows, the backup ${off[1]}`);
    }
    return { counts, auditEntries: chain.entries };
  } finally {
    await client.end().catch(() => undefined);
  }
}
