// `npm run db:backup` / `npm run db:restore`: pg_dump's custom format when a pg_dump of the
// server's major version is available, else the built-in logical format. Restore recognises
// either from the file's first bytes.
import fs from 'node:fs';
import path from 'node:path';
import { BackupError, type RestoreSummary } from './backup-common.js';
import { restoreLogicalBackup, writeLogicalBackup } from './logical-backup.js';
import { restorePgDumpBackup, toolsForServer, writePgDumpBackup } from './pg-dump-backup.js';

export { BackupError, type RestoreSummary } from './backup-common.js';

export type BackupFormat = 'pg_dump' | 'logical';

export const EXTENSIONS: Record<BackupFormat, string> = { pg_dump: 'dump', logical: 'mprcdump.gz' };

/** `mprc-backup-2026-11-27T07-48-04Z.dump`: sorts by time, no characters that trouble a file system. */
export function defaultBackupName(format: BackupFormat, at = new Date()): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return `mprc-backup-${stamp}.${EXTENSIONS[format]}`;
}

export interface BackupResult {
  file: string;
  format: BackupFormat;
  bytes: number;
  ms: number;
  /** Why the logical format was used, when it was chosen automatically. */
  fallbackReason?: string;
  tables?: number;
  rows?: number;
  sha256?: string;
}

export async function backupDatabase(
  databaseUrl: string,
  opts: { out?: string; dir?: string; format?: BackupFormat | 'auto' } = {},
): Promise<BackupResult> {
  const started = Date.now();
  const wanted = opts.format ?? 'auto';
  const server = await toolsForServer(databaseUrl);
  let format: BackupFormat;
  if (wanted === 'pg_dump' && !server.tools)
    throw new BackupError(`cannot use pg_dump with PostgreSQL ${server.version}: ${server.reason}`);
  if (wanted === 'auto') format = server.tools ? 'pg_dump' : 'logical';
  else format = wanted;
  const file = path.resolve(opts.out ?? path.join(opts.dir ?? 'backups', defaultBackupName(format)));

  let extra: Partial<BackupResult> = {};
  if (format === 'pg_dump') {
    await writePgDumpBackup(databaseUrl, file, server.tools!);
  } else {
    extra = await writeLogicalBackup(databaseUrl, file);
    if (wanted === 'auto') extra.fallbackReason = server.reason;
  }
  return { file, format, bytes: fs.statSync(file).size, ms: Date.now() - started, ...extra };
}

/** Which format a file is in, from its first bytes. */
export function detectFormat(file: string): BackupFormat {
  let head = Buffer.alloc(0);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(5);
      head = head.subarray(0, fs.readSync(fd, head, 0, 5, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    throw new BackupError(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'logical';
  throw new BackupError(`${file} is neither a pg_dump custom-format archive nor an MPRC logical backup`);
}

export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  opts: { log?: (m: string) => void; migrationsDir?: string } = {},
): Promise<RestoreSummary & { format: BackupFormat; ms: number }> {
  const started = Date.now();
  const log = opts.log ?? (() => undefined);
  const format = detectFormat(file);
  const summary =
    format === 'pg_dump'
      ? await restorePgDumpBackup(databaseUrl, file, { log, migrationsDir: opts.migrationsDir })
      : await restoreLogicalBackup(databaseUrl, file, { log, migrationsDir: opts.migrationsDir });
  return { ...summary, format, ms: Date.now() - started };
}
