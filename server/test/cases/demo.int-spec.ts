import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData, type DemoResult } from '../../src/demo/load-demo.js';
import { ApiClient, createTestApp, type TestApp } from '../setup/test-app.js';
import { createTestDatabase } from '../setup/test-database.js';

let t: TestApp;
let client: pg.Client;
let result: DemoResult;

beforeAll(async () => {
  t = await createTestApp();
  client = new pg.Client({ connectionString: t.database.url });
  await client.connect();
  result = await loadDemoData(client, { cases: 400, seed: 42 });
}, 120_000);
afterAll(async () => {
  await client?.end();
  await t?.close();
});

const one = async (sql: string) => (await t.pool.query(sql)).rows[0];

describe('npm run demo (loadDemoData)', () => {
  it('loads fictional cases across both offices and every community, tagged DEMO, with relatives, contacts, timelines and referrals', async () => {
    expect(result.counts.cases).toBe(400);
    expect(result.firstCaseNumber).toMatch(/^MP-\d{6}$/);
    expect(await one(`SELECT count(DISTINCT office_id)::int AS n FROM "case"`)).toEqual({ n: 2 });
    expect(await one(`SELECT count(DISTINCT community_id)::int AS n FROM "case"`)).toEqual(
      await one('SELECT count(*)::int AS n FROM community'),
    );
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "case" c WHERE NOT EXISTS (SELECT 1 FROM external_reference er WHERE er.case_id = c.id AND er.system = 'OTHER' AND er.reference = 'DEMO-' || c.case_number)`,
      ),
    ).toEqual({ n: 0 });
    expect(
      await one(`SELECT count(*)::int AS n FROM "case" WHERE circumstances NOT LIKE 'Fictional demo record.%'`),
    ).toEqual({ n: 0 });
    for (const key of ['relatives', 'contacts', 'events', 'referrals', 'consents', 'openFollowUps'] as const)
      expect(result.counts[key], key).toBeGreaterThan(0);
    // Names in Serbian Cyrillic and in Albanian orthography both occur; search_text holds the fold.
    expect((await one(`SELECT count(*)::int AS n FROM "case" WHERE last_name ~ '[а-яђјљњћџ]'`)).n).toBeGreaterThan(0);
    expect((await one(`SELECT count(*)::int AS n FROM "case" WHERE last_name ~ '[çë]|xh|sh'`)).n).toBeGreaterThan(0);
    expect(
      await one(
        `SELECT count(*)::int AS n FROM "case" WHERE search_text <> mprc_fold(concat_ws(' ', first_name, last_name, father_name, array_to_string(other_names, ' ')))`,
      ),
    ).toEqual({ n: 0 });
  });

  it('sums the load up in one audit entry', async () => {
    const { rows } = await t.pool.query(`SELECT action, details FROM audit_entry WHERE action = 'demo.load'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ fictional: true, seed: 42, counts: { cases: 400 } });
    expect(await one(`SELECT count(*)::int AS n FROM audit_entry`)).toEqual({ n: 1 });
  });

  it('creates one account per staff role whose printed password signs in, each officer seeing their office', async () => {
    expect(result.accounts.map((a) => [a.role, a.officeCode])).toEqual([
      ['ADMIN', null],
      ['MANAGER', null],
      ['LIAISON_OFFICER', 'PRISTINA'],
      ['LIAISON_OFFICER', 'MITROVICA'],
    ]);
    expect(new Set(result.accounts.map((a) => a.password)).size).toBe(4);
    const [admin, manager, pristina] = await Promise.all(
      result.accounts.slice(0, 3).map((a) => new ApiClient(t.app).login(a.email, a.password)),
    );
    expect((await admin.get('/api/v1/users')).status).toBe(200);
    const all = (await manager.get('/api/v1/cases')).body.total;
    const own = await pristina.get('/api/v1/cases', { query: { pageSize: 200 } });
    expect(own.body.total).toBeGreaterThan(0);
    expect(own.body.total).toBeLessThan(all);
    expect(new Set(own.body.items.map((i: { officeCode: string }) => i.officeCode))).toEqual(new Set(['PRISTINA']));
    expect((await pristina.get('/api/v1/follow-ups')).body.total).toBeGreaterThan(0);
  });

  it('refuses to load twice', async () => {
    await expect(loadDemoData(client, { cases: 10 })).rejects.toThrow(/already loaded/);
    expect(await one(`SELECT count(*)::int AS n FROM "case"`)).toEqual({ n: 400 });
  });
});

describe('on a database with real cases', () => {
  it('refuses unless told otherwise, and leaves it as it was', async () => {
    const db = await createTestDatabase();
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query(
        `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, updated_at)
         VALUES (gen_random_uuid(), 'MP-' || lpad(nextval('case_number_seq')::text, 6, '0'), (SELECT id FROM office WHERE code = 'PRISTINA'), 'Real', 'Case', now())`,
      );
      await expect(loadDemoData(c, { cases: 10 })).rejects.toThrow(/already holds 1 cases/);
      expect((await c.query('SELECT count(*)::int AS n FROM app_user')).rows[0].n).toBe(0);
      const r = await loadDemoData(c, { cases: 10, allowExistingData: true });
      expect(r.counts.cases).toBe(10);
    } finally {
      await c.end();
      await db.drop();
    }
  });
});
