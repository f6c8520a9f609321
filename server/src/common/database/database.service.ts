import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { CONFIG } from '../../config/config.module.js';
import type { Config } from '../../config/config.js';
import { PrismaClient } from '../../generated/prisma/client.js';
import { limitPoolQueryTime } from './query-timeout.js';

/** How long past statement_timeout the client waits for the server's own answer. */
export const QUERY_TIMEOUT_GRACE_MS = 2_000;

export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * One pg pool per process, shared by Prisma (through the driver adapter) and by the raw SQL of
 * repositories (streams, bulk and analytic queries). Connections fail fast when the database is
 * down so requests answer 503 quickly instead of hanging.
 */
@Injectable()
export class DatabaseService implements OnModuleDestroy {
  private readonly logger = new Logger('Database');
  readonly pool: pg.Pool;
  readonly prisma: PrismaClient;

  constructor(@Inject(CONFIG) config: Config) {
    if (!config.DATABASE_URL) throw new Error('DATABASE_URL is not set');
    this.pool = new pg.Pool({
      connectionString: config.DATABASE_URL,
      max: config.DB_POOL_SIZE,
      connectionTimeoutMillis: config.DB_CONNECT_TIMEOUT_MS,
      idleTimeoutMillis: 30_000,
      statement_timeout: config.DB_STATEMENT_TIMEOUT_MS || undefined,
      application_name: 'mprc',
    });
    // The server cancels a statement after statement_timeout; a server that stopped answering
    // cannot, so the client gives up a little later (503), instead of the request hanging.
    if (config.DB_STATEMENT_TIMEOUT_MS)
      limitPoolQueryTime(this.pool, config.DB_STATEMENT_TIMEOUT_MS + QUERY_TIMEOUT_GRACE_MS);
    // An idle client losing its server must not crash the process; the next query reconnects.
    this.pool.on('error', (err) => this.logger.warn({ reason: err.message }, 'Idle database connection lost'));
    this.prisma = new PrismaClient({ adapter: new PrismaPg(this.pool) });
  }

  /** One transaction per use case: the change and its audit entry commit together or not at all. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number }): Promise<T> {
    return this.prisma.$transaction(fn, { timeout: options?.timeout ?? 15_000, maxWait: 5_000 });
  }

  async onModuleDestroy(): Promise<void> {
    await this.prisma.$disconnect().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
