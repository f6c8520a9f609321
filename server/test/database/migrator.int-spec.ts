import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyMigrations, defaultMigrationsDir, pendingMigrations } from '../../src/common/database/migrator.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const migrationsDir = defaultMigrationsDir();
const names = fs
  .readdirSync(migrationsDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** A scratch copy of the migrations folder that a test may edit. */
function copyMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-migrations-'));
  fs.cpSync(migrationsDir, dir, { recursive: true });
  scratch.push(dir);
  return dir;
}
function addMigration(dir: string, name: string, sql: string) {
  fs.mkdirSync(path.join(dir, name));
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}
const scratch: string[] = [];

let db: TestDatabase;
let client: pg.Client;
beforeEach(async () => {
  db = await createTestDatabase({ empty: true });
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterEach(async () => {
  await client.end();
  await db.drop();
});
afterAll(() => scratch.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('applyMigrations', () => {
  it('applies every migration to a fresh database, then none the second time', async () => {
    expect(await pendingMigrations(client)).toEqual(names);
    expect((await applyMigrations(db.url)).applied).toEqual(names);
    expect((await applyMigrations(db.url)).applied).toEqual([]);
    expect(await pendingMigrations(client)).toEqual([]);
  });

  it('records each migration in _prisma_migrations the way Prisma does', async () => {
    await applyMigrations(db.url);
    const { rows } = await client.query(
      'SELECT id, checksum, migration_name, finished_at, rolled_back_at, logs, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(names);
    for (const row of rows) {
      const file = fs.readFileSync(path.join(migrationsDir, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    const columns = await client.query(
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.rows).toEqual([
      { column_name: 'id', data_type: 'character varying', len: 36, is_nullable: 'NO' },
      { column_name: 'checksum', data_type: 'character varying', len: 64, is_nullable: 'NO' },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'YES' },
      { column_name: 'migration_name', data_type: 'character varying', len: 255, is_nullable: 'NO' },
      { column_name: 'logs', data_type: 'text', len: null, is_nullable: 'YES' },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'YES' },
      { column_name: 'started_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'NO' },
      { column_name: 'applied_steps_count', data_type: 'integer', len: null, is_nullable: 'NO' },
    ]);
  });

  it("is accepted by Prisma's own schema engine (migrate status and deploy find nothing to do)", async () => {
    await applyMigrations(db.url);
    const run = (cmd: string) =>
      promisify(execFile)(process.execPath, ['scripts/prisma-wasm.mjs', cmd], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: db.url },
      });
    const status = JSON.parse((await run('status')).stdout);
    expect(status).toMatchObject({ failedMigrationNames: [], editedMigrationNames: [] });
    expect(status.history).toBeFalsy();
    expect((await run('deploy')).stdout).toContain('Applied: []');
  });

  it('lets two instances start together: one applies, the other waits and finds nothing to do', async () => {
    const [a, b] = await Promise.all([applyMigrations(db.url), applyMigrations(db.url)]);
    expect([...a.applied, ...b.applied]).toEqual(names);
    const { rows } = await client.query('SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(rows[0].n).toBe(names.length);
  });

  it('lists a new migration as pending and applies only that one', async () => {
    const dir = copyMigrations();
    await applyMigrations(db.url, { migrationsDir: dir });
    addMigration(dir, '29990101000000_more', 'CREATE TABLE extra (id int);');
    expect(await pendingMigrations(client, dir)).toEqual(['29990101000000_more']);
    expect((await applyMigrations(db.url, { migrationsDir: dir })).applied).toEqual(['29990101000000_more']);
  });

  it('refuses to start when an applied migration was edited', async () => {
    const dir = copyMigrations();
    await applyMigrations(db.url, { migrationsDir: dir });
    fs.appendFileSync(path.join(dir, names[1], 'migration.sql'), '\n-- tweaked\n');
    await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`migration ${names[1]} was edited after it was applied`),
    );
  });

  it('refuses to start after a migration that failed earlier (e.g. under prisma migrate deploy)', async () => {
    await applyMigrations(db.url);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, logs) VALUES (gen_random_uuid()::text, 'x', '29990101000000_broken', 'syntax error')`,
    );
    await expect(applyMigrations(db.url)).rejects.toThrow(
      /migration 29990101000000_broken failed earlier \(syntax error\)/,
    );
  });

  it('rolls a failing migration back whole and records nothing, so a fixed file can run next time', async () => {
    const dir = copyMigrations();
    addMigration(dir, '29990101000000_bad', 'CREATE TABLE half (id int);\nSELECT 1/0;');
    await expect(applyMigrations(db.url, { migrationsDir: dir })).rejects.toThrow(
      /29990101000000_bad failed and was rolled back: division by zero/,
    );
    expect((await client.query(`SELECT to_regclass('half') AS t`)).rows[0].t).toBeNull();
    expect(await pendingMigrations(client, dir)).toEqual(['29990101000000_bad']);
    fs.writeFileSync(path.join(dir, '29990101000000_bad', 'migration.sql'), 'CREATE TABLE half (id int);');
    expect((await applyMigrations(db.url, { migrationsDir: dir })).applied).toEqual(['29990101000000_bad']);
  });

  it('runs a file with function bodies as one script', async () => {
    const dir = copyMigrations();
    addMigration(
      dir,
      '29990101000000_fn',
      `CREATE FUNCTION two() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN 2; END $$;\nSELECT two();`,
    );
    await applyMigrations(db.url, { migrationsDir: dir });
    expect((await client.query('SELECT two() AS v')).rows[0].v).toBe(2);
  });
});
