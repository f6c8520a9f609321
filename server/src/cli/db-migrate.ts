// `npm run db:migrate`: applies the committed migrations and loads the reference data, to
// DATABASE_URL when set, else to the embedded PostgreSQL in DATA_DIR (default ./.data).
// Every failure is one line on stderr and exit code 1.
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../common/database/embedded-postgres.js';
import { applyMigrations } from '../common/database/migrator.js';
import { loadReferenceData } from '../common/database/reference-data.js';

const log = (m: string) => process.stdout.write(`${m}\n`);

async function migrate(databaseUrl: string): Promise<void> {
  const { applied } = await applyMigrations(databaseUrl, { log });
  if (applied.length === 0) log('Database schema is up to date');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = await loadReferenceData(client);
    log(
      `Reference data: ${counts.offices} offices, ${counts.municipalities} municipalities, ${counts.communities} communities`,
    );
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return migrate(url);

  const dataDir = path.join(path.resolve(process.env.DATA_DIR || '.data'), 'pg');
  const running: { db?: EmbeddedPostgres } = {};
  const stopOnSignal = () => {
    void (running.db?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  const db = (running.db = await startEmbeddedPostgres({ dataDir, log }));
  try {
    await migrate(db.url);
  } finally {
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`db:migrate: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')}\n`);
    if (process.env.DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exit(1);
  },
);
