// `npm run db:backup [-- --out FILE] [--format auto|pg_dump|logical]`: a consistent backup of
// DATABASE_URL, else of the embedded PostgreSQL in DATA_DIR (joined if the app runs, else
// started for the command and left unmigrated). Default file: ./backups/mprc-backup-<time>.<ext>
import path from 'node:path';
import { backupDatabase, type BackupFormat } from '../backup/backup.js';
import { parseArgs, runCli, withCliDatabase } from './cli-database.js';

const FORMATS = ['auto', 'pg_dump', 'logical'] as const;

const shown = (file: string) => {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};
const mb = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`;

runCli('db:backup', async () => {
  const args = parseArgs(process.argv.slice(2));
  const unknown = Object.keys(args).filter((k) => !['out', 'format'].includes(k));
  if (unknown.length)
    throw new Error(`unknown option --${unknown[0]} (use --out FILE and --format ${FORMATS.join('|')})`);
  if (args.out === true) throw new Error('--out needs a file name');
  const format = (args.format ?? 'auto') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new Error(`--format must be one of ${FORMATS.join(', ')}`);

  const result = await withCliDatabase(
    (url) => backupDatabase(url, { out: args.out as string | undefined, format: format as BackupFormat | 'auto' }),
    () => undefined,
    { migrate: false },
  );
  if (result.fallbackReason) process.stdout.write(`Built-in logical format used: ${result.fallbackReason}\n`);
  const what =
    result.format === 'pg_dump'
      ? 'pg_dump custom format'
      : `logical format, ${result.tables} tables, ${result.rows} rows`;
  process.stdout.write(
    `Backup written: ${shown(result.file)} (${what}, ${mb(result.bytes)}, ${(result.ms / 1000).toFixed(1)} s)\n`,
  );
  if (result.sha256) process.stdout.write(`Content SHA-256: ${result.sha256}\n`);
});
