// Backup and restore with PostgreSQL's own pg_dump -Fc / pg_restore, when binaries of the
// server's major version are at hand (see pg-binaries.ts).
import { spawn } from 'node:child_process';
import { reasonFromStderr } from '../common/database/embedded-postgres.js';
import { checksumMatches, defaultMigrationsDir, readMigrations } from '../common/database/migrator.js';
import { BackupError, connect, produceAtomically, refuseNonEmpty, type RestoreSummary } from './backup-common.js';
import { MIGRATIONS_TABLE, serverVersion } from './database-catalog.js';
import { finishRestore } from './logical-backup.js';
import { findPgTools, majorFromVersionNum, type PgTools } from './pg-binaries.js';

interface ProgramResult {
  code: number;
  stdout: string;
  stderr: string;
}

function run(program: string, args: string[]): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    // Never let a password prompt hang a scripted backup.
    const child = spawn(program, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PGCONNECT_TIMEOUT: '10' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-16_384)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The server's major version and the matching tools, or null and why not. */
export async function toolsForServer(
  databaseUrl: string,
): Promise<{ major: number; version: string; tools: PgTools | null; reason?: string }> {
  const client = await connect(databaseUrl);
  try {
    const v = await serverVersion(client);
    const major = majorFromVersionNum(v.versionNum);
    const lookup = findPgTools(major);
    return lookup.found
      ? { major, version: v.version, tools: lookup.found }
      : { major, version: v.version, tools: null, reason: lookup.reason };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function writePgDumpBackup(databaseUrl: string, file: string, tools: PgTools): Promise<void> {
  await produceAtomically(file, async (partial) => {
    // -Fc: compressed, restorable table by table; pg_dump reads one snapshot.
    const r = await run(tools.pgDump, [
      '--format=custom',
      '--no-password',
      `--file=${partial}`,
      `--dbname=${databaseUrl}`,
    ]);
    if (r.code !== 0) throw new BackupError(`pg_dump failed: ${reasonFromStderr(r.stderr)}`);
  });
}

/** "; Dumped by pg_dump version: 15.20 (Debian ...)" from `pg_restore --list`. */
export function archiveDumpVersion(list: string): { version: string; major: number } | null {
  const m = /^;\s*Dumped by pg_dump version:\s*(\d+)(?:\.(\d+))?/m.exec(list);
  return m ? { version: m[2] ? `${m[1]}.${m[2]}` : m[1], major: Number(m[1]) } : null;
}

/** Applied migrations from the archive's `_prisma_migrations` data, as `pg_restore --data-only` prints it. */
export function archiveMigrations(sql: string): { name: string; checksum: string }[] {
  const copy = new RegExp(
    `^COPY [^\\n]*${MIGRATIONS_TABLE}\\s*\\(([^)]*)\\) FROM stdin;\\n([\\s\\S]*?)^\\\\\\.$`,
    'm',
  ).exec(sql);
  if (!copy) return [];
  const cols = copy[1].split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  const at = (name: string) => cols.indexOf(name);
  return copy[2]
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .filter((f) => f[at('finished_at')] !== '\\N' && f[at('rolled_back_at')] === '\\N')
    .map((f) => ({ name: f[at('migration_name')], checksum: f[at('checksum')] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function restorePgDumpBackup(
  databaseUrl: string,
  file: string,
  opts: { log: (m: string) => void; migrationsDir?: string },
): Promise<RestoreSummary> {
  const { log } = opts;
  const target = await toolsForServer(databaseUrl);
  if (!target.tools) {
    throw new BackupError(
      `this is a pg_dump archive: restoring it needs pg_restore ${target.major} (the server runs PostgreSQL ${target.version}); ${target.reason}`,
    );
  }
  const tools = target.tools;
  const probe = await connect(databaseUrl);
  try {
    await refuseNonEmpty(probe);
  } finally {
    await probe.end().catch(() => undefined);
  }
  const list = await run(tools.pgRestore, ['--list', file]);
  if (list.code !== 0)
    throw new BackupError(`${file} is not a readable pg_dump archive: ${reasonFromStderr(list.stderr)}`);
  const dumpedBy = archiveDumpVersion(list.stdout);
  if (dumpedBy && dumpedBy.major > target.major) {
    throw new BackupError(
      `the archive was written by pg_dump ${dumpedBy.version}, newer than the server (PostgreSQL ${target.version}): restore it into PostgreSQL ${dumpedBy.major} or later`,
    );
  }

  const data = await run(tools.pgRestore, ['--data-only', `--table=${MIGRATIONS_TABLE}`, '--file=-', file]);
  if (data.code !== 0) throw new BackupError(`cannot read the archive's migrations: ${reasonFromStderr(data.stderr)}`);
  const local = new Map(readMigrations(opts.migrationsDir ?? defaultMigrationsDir()).map((m) => [m.name, m]));
  for (const m of archiveMigrations(data.stdout)) {
    const mine = local.get(m.name);
    if (!mine)
      throw new BackupError(
        `the backup was made by a newer release: migration ${m.name} is unknown here; restore with that release or later`,
      );
    if (!checksumMatches(mine.bytes, m.checksum))
      throw new BackupError(`migration ${m.name} of the backup differs from this release's copy (checksum)`);
  }

  const started = Date.now();
  // One transaction: all or nothing. Owners and grants are the restoring role's, not the source's.
  const r = await run(tools.pgRestore, [
    '--exit-on-error',
    '--single-transaction',
    '--no-owner',
    '--no-acl',
    '--no-password',
    `--dbname=${databaseUrl}`,
    file,
  ]);
  if (r.code !== 0) throw new BackupError(`pg_restore failed and rolled back: ${reasonFromStderr(r.stderr)}`);
  log(`pg_restore ${tools.version} loaded the archive (${Date.now() - started} ms)`);
  return finishRestore(databaseUrl, log);
}
