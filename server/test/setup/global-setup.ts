// Integration tests run against one PostgreSQL: TEST_DATABASE_URL when set (CI with a service,
// a developer's server; needs CREATE DATABASE rights), else an embedded one in a fresh temp
// folder. A template database is migrated and seeded once; each test file clones it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/common/database/embedded-postgres.js';
import { applyMigrations } from '../../src/common/database/migrator.js';
import { loadReferenceData } from '../../src/common/database/reference-data.js';

export interface TestDatabaseContext {
  /** A database on the test server to run CREATE/DROP DATABASE from. */
  adminUrl: string;
  /** Migrated, seeded database to clone. */
  template: string;
  /** Prefix of every database this run creates, so teardown can drop what a file left behind. */
  prefix: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const run = randomBytes(4).toString('hex');
  const prefix = `mprc_test_${run}_`;
  const template = `mprc_test_template_${run}`;

  let adminUrl = process.env.TEST_DATABASE_URL;
  let stopServer = async () => {};
  if (!adminUrl) {
    // mkdtemp makes a 0700 folder; open it so the postgres user (we may be root) can pass.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-test-pg-'));
    fs.chmodSync(tmp, 0o755);
    try {
      const server = await startEmbeddedPostgres({
        dataDir: path.join(tmp, 'pg'),
        database: 'postgres',
        ephemeral: true,
      });
      adminUrl = server.url;
      stopServer = async () => {
        await server.stop();
        // server.dataDir differs from tmp/pg when TMPDIR is closed to the postgres user (relocated)
        fs.rmSync(server.dataDir, { recursive: true, force: true });
        fs.rmSync(tmp, { recursive: true, force: true });
      };
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      throw e;
    }
  }

  try {
    await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(template)}`));
    const templateUrl = databaseUrl(adminUrl, template);
    await applyMigrations(templateUrl);
    await withAdmin(templateUrl, (c) => loadReferenceData(c));
  } catch (e) {
    await stopServer();
    throw e;
  }

  project.provide('testDatabase', { adminUrl, template, prefix });

  return async () => {
    const admin = adminUrl!;
    try {
      await withAdmin(admin, async (c) => {
        const left = await c.query<{ datname: string }>(
          `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
          [prefix],
        );
        for (const { datname } of [...left.rows, { datname: template }]) {
          await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
        }
      });
    } finally {
      await stopServer();
    }
  };
}
