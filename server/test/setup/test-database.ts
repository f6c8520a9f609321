// One database per test file, cloned from the migrated template made by global-setup.ts:
// files run in parallel without seeing each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { databaseUrl, quoteIdent } from './global-setup.js';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('testDatabase').adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database: a clone of the migrated, seeded template, or empty (`{ empty: true }`). */
export async function createTestDatabase(opts: { empty?: boolean } = {}): Promise<TestDatabase> {
  const { adminUrl, template, prefix } = inject('testDatabase');
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const source = opts.empty ? 'template0' : template;
  await admin((c) => c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(source)}`));
  return {
    url: databaseUrl(adminUrl, name),
    name,
    drop: () =>
      admin(async (c) => {
        // pg's Pool.end() resolves before its connections have closed on the server. Wait (briefly)
        // for them to go, so that FORCE only has to end connections a test left open: a connection
        // it kills while closing reports an error nobody listens to any more.
        for (let i = 0; i < 40; i++) {
          const { rows } = await c.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
  };
}
