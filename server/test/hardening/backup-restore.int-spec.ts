// Backup and restore round trip: a database with rows in every table is backed up, restored into
// an empty database, and compared table by table (row count and a checksum of every row's text).
// Both formats: the built-in logical one always, pg_dump's custom format when a pg_dump of the
// server's major version exists (CI's PostgreSQL 15 run; the embedded PostgreSQL 18 has none).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit.repository.js';
import { backupDatabase, restoreDatabase, type BackupFormat } from '../../src/backup/backup.js';
import { listTables, quoteIdent } from '../../src/backup/database-catalog.js';
import { findPgTools, majorFromVersionNum } from '../../src/backup/pg-binaries.js';
import { defaultMigrationsDir, pendingMigrations } from '../../src/common/database/migrator.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { populateEveryTable } from './populate.js';

type Fingerprints = Record<string, { rows: number; md5: string }>;

async function fingerprints(pool: pg.Pool): Promise<Fingerprints> {
  const client = await pool.connect();
  try {
    // Row text depends on these settings: the same on both sides.
    await client.query(`SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 3`);
    const out: Fingerprints = {};
    for (const { name } of await listTables(client)) {
      const { rows } = await client.query<{ n: string; md5: string | null }>(
        `SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS md5 FROM ${quoteIdent(name)} t`,
      );
      out[name] = { rows: Number(rows[0].n), md5: rows[0].md5 ?? '' };
    }
    return out;
  } finally {
    client.release();
  }
}

async function sequenceValues(pool: pg.Pool): Promise<Record<string, string>> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of rows) {
    const r = await pool.query<{ v: string }>(
      `SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END::text AS v FROM ${quoteIdent(name)}`,
    );
    out[name] = r.rows[0].v;
  }
  return out;
}

/** Every index, constraint and trigger with its definition and state: the load must put them all back. */
async function schemaObjects(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ d: string }>(
    `SELECT 'index ' || indexdef AS d FROM pg_indexes WHERE schemaname = 'public'
     UNION ALL
     SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     UNION ALL
     SELECT 'trigger ' || tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text
       FROM pg_trigger WHERE NOT tgisinternal
     ORDER BY 1`,
  );
  return rows.map((r) => r.d);
}

// Decided when the file loads, so a skipped pg_dump run says why in its name.
const pgDumpSupport = await (async () => {
  const client = new pg.Client({ connectionString: inject('testDatabase').adminUrl });
  await client.connect();
  try {
    const num = (await client.query<{ n: string }>(`SELECT current_setting('server_version_num') AS n`)).rows[0].n;
    const lookup = findPgTools(majorFromVersionNum(num));
    return lookup.found
      ? { ok: true as const, label: `pg_dump ${lookup.found.version}` }
      : { ok: false as const, label: lookup.reason };
  } finally {
    await client.end();
  }
})();

describe('backup and restore', () => {
  let source: TestDatabase;
  let pool: pg.Pool;
  let tmp: string;
  let before: Fingerprints;
  const cleanup: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-backup-test-'));
    source = await createTestDatabase();
    pool = new pg.Pool({ connectionString: source.url, max: 4 });
    await populateEveryTable(pool, { bigAttachmentBytes: 3 * 1024 * 1024 });
    before = await fingerprints(pool);
  });

  afterAll(async () => {
    for (const c of cleanup) await c().catch(() => undefined);
    await pool?.end();
    await source?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** This release's migrations minus the last: what an older release knows. */
  function olderMigrations(): string {
    const older = path.join(tmp, 'older-migrations');
    if (!fs.existsSync(older)) {
      const all = fs
        .readdirSync(defaultMigrationsDir())
        .filter((d) => /^\d+_/.test(d))
        .sort();
      for (const d of all.slice(0, -1))
        fs.cpSync(path.join(defaultMigrationsDir(), d), path.join(older, d), { recursive: true });
    }
    return older;
  }

  async function emptyDatabase(): Promise<{ db: TestDatabase; pool: pg.Pool }> {
    const db = await createTestDatabase({ empty: true });
    const p = new pg.Pool({ connectionString: db.url, max: 2 });
    cleanup.push(async () => {
      await p.end();
      await db.drop();
    });
    return { db, pool: p };
  }

  it('has rows in every table of the schema (add new tables to populate.ts)', () => {
    const empty = Object.entries(before)
      .filter(([, f]) => f.rows === 0)
      .map(([t]) => t);
    expect(empty, 'tables the round trip would not cover').toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(20);
  });

  async function roundTrip(format: BackupFormat) {
    const out = path.join(tmp, `round-trip.${format}`);
    const backup = await backupDatabase(source.url, { out, format });
    expect(backup.format).toBe(format);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
    expect(fs.readdirSync(tmp).filter((f) => f.includes('.partial-'))).toEqual([]);

    const target = await emptyDatabase();
    const lines: string[] = [];
    const restored = await restoreDatabase(target.db.url, out, { log: (m) => lines.push(m) });
    expect(restored.format).toBe(format);

    expect(await fingerprints(target.pool)).toEqual(before);
    expect(await sequenceValues(target.pool)).toEqual(await sequenceValues(pool));
    expect(await schemaObjects(target.pool), 'indexes, constraints and triggers').toEqual(await schemaObjects(pool));
    expect(await verifyAuditChain(target.pool)).toEqual({ entries: before.audit_entry.rows, firstBroken: null });
    expect(restored.counts).toEqual(Object.fromEntries(Object.entries(before).map(([t, f]) => [t, f.rows])));
    expect(await pendingMigrations(target.pool)).toEqual([]);

    // The restored database carries on: triggers are back, numbers continue, the chain links on.
    await target.pool.query(`INSERT INTO audit_entry (id, action) VALUES (gen_random_uuid(), 'after.restore')`);
    const { rows } = await target.pool.query<{ seq: string }>(
      `SELECT seq::text FROM audit_entry WHERE action = 'after.restore'`,
    );
    expect(rows[0].seq).toBe(String(before.audit_entry.rows + 1));
    expect((await verifyAuditChain(target.pool)).firstBroken).toBeNull();
    const kase = await target.pool.query<{ search_text: string; case_number: string }>(
      `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, updated_at)
       VALUES (gen_random_uuid(), 'BK-' || nextval('case_number_seq'), (SELECT id FROM office LIMIT 1), 'Ђорђе', 'Shehu', now())
       RETURNING search_text, case_number`,
    );
    expect(kase.rows[0].search_text).toBe('djordje sehu');
    const numbers = await pool.query<{ n: string }>(
      `SELECT max(substring(case_number FROM 4)::int)::text AS n FROM "case"`,
    );
    expect(Number(kase.rows[0].case_number.slice(3))).toBeGreaterThan(Number(numbers.rows[0].n));
    await expect(target.pool.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    return { backup, restored, lines };
  }

  it('round-trips every table in the built-in logical format', async () => {
    const { backup, lines } = await roundTrip('logical');
    expect(backup.rows).toBe(Object.values(before).reduce((n, f) => n + f.rows, 0));
    expect(lines.join('\n')).toMatch(/checksum intact/);
  });

  (pgDumpSupport.ok ? it : it.skip)(
    `round-trips every table with pg_dump's custom format (${pgDumpSupport.ok ? '' : 'skipped: '}${pgDumpSupport.label})`,
    async () => {
      const { backup } = await roundTrip('pg_dump');
      // The archive's migrations are checked too before anything is restored.
      const target = await emptyDatabase();
      await expect(restoreDatabase(target.db.url, backup.file, { migrationsDir: olderMigrations() })).rejects.toThrow(
        /newer release/,
      );
    },
  );

  it('takes a consistent snapshot while writes go on', async () => {
    // Each writer transaction adds a case and its audit entry: a backup must hold both or neither.
    let stop = false;
    let written = 0;
    const writer = (async () => {
      while (!stop) {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          const { rows } = await c.query<{ id: string }>(
            `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, updated_at)
             VALUES (gen_random_uuid(), 'LIVE-' || nextval('case_number_seq'), (SELECT id FROM office LIMIT 1), 'Live', 'Writer', now()) RETURNING id`,
          );
          await c.query(
            `INSERT INTO audit_entry (id, action, entity_type, entity_id) VALUES (gen_random_uuid(), 'case.create', 'Case', $1)`,
            [rows[0].id],
          );
          await c.query('COMMIT');
          written++;
        } finally {
          c.release();
        }
      }
    })();
    try {
      while (written < 5) await new Promise((r) => setTimeout(r, 10));
      const out = path.join(tmp, 'live.mprcdump.gz');
      await backupDatabase(source.url, { out, format: 'logical' });
      stop = true;
      await writer;
      const target = await emptyDatabase();
      await restoreDatabase(target.db.url, out);
      const { rows } = await target.pool.query<{ cases: string; audited: string }>(
        `SELECT (SELECT count(*) FROM "case" WHERE case_number LIKE 'LIVE-%') AS cases,
                (SELECT count(*) FROM audit_entry a JOIN "case" c ON c.id::text = a.entity_id WHERE c.case_number LIKE 'LIVE-%') AS audited`,
      );
      expect(Number(rows[0].cases)).toBeGreaterThanOrEqual(5);
      expect(rows[0].audited).toBe(rows[0].cases);
      expect((await verifyAuditChain(target.pool)).firstBroken).toBeNull();
    } finally {
      stop = true;
      await writer;
    }
  });

  it('refuses a database that is not empty, with one line, and changes nothing', async () => {
    const out = path.join(tmp, 'refuse.mprcdump.gz');
    await backupDatabase(source.url, { out, format: 'logical' });
    const err = await restoreDatabase(source.url, out).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(
      /^database "[^"]+" is not empty \(\d+ tables or sequences, e\.g\. .*\): restore only into a new, empty database$/,
    );
    expect(await fingerprints(pool)).toMatchObject({ app_user: before.app_user });
  });

  it('refuses a damaged or truncated file before touching the database', async () => {
    const good = path.join(tmp, 'good.mprcdump.gz');
    await backupDatabase(source.url, { out: good, format: 'logical' });
    const bytes = fs.readFileSync(good);
    const truncated = path.join(tmp, 'truncated.mprcdump.gz');
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(bytes.length / 2)] ^= 0xff;
    const damaged = path.join(tmp, 'damaged.mprcdump.gz');
    fs.writeFileSync(damaged, flipped);
    const notABackup = path.join(tmp, 'notes.txt');
    fs.writeFileSync(notABackup, 'hello');

    const target = await emptyDatabase();
    for (const [file, why] of [
      [truncated, /damaged|truncated/],
      [damaged, /damaged|checksum|invalid/i],
      [notABackup, /neither a pg_dump custom-format archive nor an MPRC logical backup/],
      [path.join(tmp, 'missing.dump'), /no such file/],
    ] as const) {
      await expect(restoreDatabase(target.db.url, file)).rejects.toThrow(why);
    }
    const { rows } = await target.pool.query(
      `SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a backup made by a newer release (a migration this code does not know)', async () => {
    const out = path.join(tmp, 'newer.mprcdump.gz');
    await backupDatabase(source.url, { out, format: 'logical' });
    const target = await emptyDatabase();
    const last = fs
      .readdirSync(defaultMigrationsDir())
      .filter((d) => /^\d+_/.test(d))
      .sort()
      .at(-1);
    await expect(restoreDatabase(target.db.url, out, { migrationsDir: olderMigrations() })).rejects.toThrow(
      new RegExp(`newer release .*migration ${last} unknown here`),
    );
  });

  it('refuses to overwrite an existing file', async () => {
    const out = path.join(tmp, 'exists.mprcdump.gz');
    fs.writeFileSync(out, 'keep me');
    await expect(backupDatabase(source.url, { out, format: 'logical' })).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(out, 'utf8')).toBe('keep me');
  });
});
