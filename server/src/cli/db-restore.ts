// `npm run db:restore -- FILE`: restores a backup made by db:backup (either format) into an
// EMPTY database: DATABASE_URL, else the embedded PostgreSQL of DATA_DIR (a fresh DATA_DIR, or
// one whose database is still empty). Refuses a database that holds anything.
import { restoreDatabase } from '../backup/backup.js';
import { runCli, withCliDatabase } from './cli-database.js';

runCli('db:restore', async () => {
  const argv = process.argv.slice(2);
  const files = argv.filter((a) => !a.startsWith('--'));
  const options = argv.filter((a) => a.startsWith('--'));
  if (options.length) throw new Error(`unknown option ${options[0]} (usage: npm run db:restore -- FILE)`);
  if (files.length !== 1) throw new Error('name one backup file (usage: npm run db:restore -- FILE)');
  const log = (m: string) => process.stdout.write(`${m}\n`);
  const result = await withCliDatabase(
    (url) => restoreDatabase(url, files[0], { log }),
    () => undefined,
    { migrate: false },
  );
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  const nonEmpty = Object.entries(result.counts)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${t} ${n}`)
    .join(', ');
  log(`Audit trail intact: ${result.auditEntries} entries, every hash and link verified`);
  log(
    `Restored ${rows} rows in ${Object.keys(result.counts).length} tables (${result.format === 'pg_dump' ? 'pg_dump archive' : 'logical backup'}, ${(result.ms / 1000).toFixed(1)} s): ${nonEmpty || 'no rows'}`,
  );
});
