import { join } from 'node:path';
import { createApp } from './create-app.js';
import { startEmbeddedPostgres } from './common/database/embedded-postgres.js';
import { applyMigrations } from './common/database/migrator.js';
import { loadReferenceData } from './common/database/reference-data.js';
import { createLogger } from './common/logging/logger.js';
import { ConfigError, loadConfig, type Config } from './config/config.js';
import { bootstrapFirstAdmin } from './users/first-admin.js';
import pg from 'pg';

/** Prints one line and exits: expected start-up failures never show a stack trace. */
function fail(message: string): never {
  process.stderr.write(`mprc: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let stopDatabase: (() => Promise<void>) | undefined;

  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = join(config.DATA_DIR, 'pg');
    logger.info({ dataDir }, 'No DATABASE_URL: starting the embedded PostgreSQL');
    const embedded = await startEmbeddedPostgres({ dataDir, log: (msg) => logger.info(msg) }).catch((e: Error) =>
      fail(`embedded PostgreSQL did not start: ${e.message}`),
    );
    databaseUrl = embedded.url;
    stopDatabase = () => embedded.stop();
  }
  config = { ...config, DATABASE_URL: databaseUrl };

  try {
    const { applied } = await applyMigrations(databaseUrl, { log: (m) => logger.info(m) });
    if (applied.length) logger.info({ applied }, 'Migrations applied');
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    try {
      await loadReferenceData(pool);
      await bootstrapFirstAdmin(pool, config, (line) => process.stdout.write(`${line}\n`), logger);
    } finally {
      await pool.end();
    }
  } catch (e) {
    await stopDatabase?.();
    fail(`database preparation failed: ${(e as Error).message}`);
  }

  const app = await createApp(config, { logger });
  let closing = false;
  // While draining, responses close their connection: a kept-alive client connection would
  // otherwise hold the server open until the shutdown timeout.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply) => {
      if (closing) void reply.header('Connection', 'close');
    });
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'Shutting down: finishing in-flight requests');
    const timer = setTimeout(() => {
      logger.error('Shutdown took too long; exiting');
      process.exit(1);
    }, 15_000);
    timer.unref();
    try {
      // Nest closes the HTTP server last, after the shutdown hooks have closed the database
      // pool: an in-flight request would then fail and new connections would still be taken.
      // So first stop listening and let the requests in flight finish, then shut the rest down.
      await app.getHttpAdapter().close();
      await app.close();
      await stopDatabase?.();
    } finally {
      logger.info('Stopped');
      process.exit(0);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (e) {
    await stopDatabase?.();
    fail(`could not listen on ${config.HOST}:${config.PORT}: ${(e as Error).message}`);
  }
  logger.info({ url: config.publicUrl }, 'Ready');
  process.stdout.write(`Missing Persons Resource Center is running at ${config.publicUrl}\n`);
}

main().catch((e: unknown) => fail((e as Error)?.message ?? String(e)));
