// seed:scale on a real database: 2,000 cases, then the shape of the data, the search keys, the
// indexes and keys rebuilt, and the audit chain. Timing is measured by `npm run bench`, not here.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit.repository.js';
import { ALL_NAME_SETS } from '../../src/scale/names.js';
import { seedScale, type SeedScaleResult } from '../../src/scale/seed-scale.js';
import { SCRIPTS, spell } from '../../src/scale/spelling.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

const CASES = 2000;
const LOADED = ['case', 'external_reference', 'relative', 'case_relative', 'contact', 'case_event'];

let database: TestDatabase;
let pool: pg.Pool;
let result: SeedScaleResult;
let before: { indexes: string[]; constraints: string[]; triggers: string[] };

const one = async <T = any>(sql: string, params: unknown[] = []): Promise<T> =>
  (await pool.query(sql, params)).rows[0] as T;

async function schemaObjects() {
  const indexes = await pool.query<{ d: string }>(
    `SELECT indexdef AS d FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1) ORDER BY 1`,
    [LOADED],
  );
  const constraints = await pool.query<{ d: string }>(
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated AS d
       FROM pg_constraint WHERE conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]) ORDER BY 1`,
    [LOADED.map((t) => `"${t}"`)],
  );
  const triggers = await pool.query<{ d: string }>(
    `SELECT tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text AS d FROM pg_trigger
      WHERE NOT tgisinternal AND tgrelid = ANY($1::regclass[]) ORDER BY 1`,
    [LOADED.map((t) => `"${t}"`)],
  );
  return {
    indexes: indexes.rows.map((r) => r.d),
    constraints: constraints.rows.map((r) => r.d),
    triggers: triggers.rows.map((r) => r.d),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  before = await schemaObjects();
  result = await seedScale(database.url, {
    cases: CASES,
    seed: 20261127,
    batchSize: 700,
    rebuildIndexes: true,
    worker: false,
  });
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('seed:scale', () => {
  it('loads the cases with the averages the issue asks for', async () => {
    const r = await one(`
      SELECT (SELECT count(*) FROM "case")::int AS cases,
             (SELECT count(*) FROM case_relative)::float / (SELECT count(*) FROM "case") AS relatives,
             (SELECT count(*) FROM contact)::float / (SELECT count(*) FROM "case") AS contacts,
             (SELECT count(*) FROM case_event)::float / (SELECT count(*) FROM "case") AS events,
             (SELECT count(DISTINCT case_id) FROM external_reference)::float / (SELECT count(*) FROM "case") AS with_refs`);
    expect(r.cases).toBe(CASES);
    expect(result.counts.case).toBe(CASES);
    expect(r.relatives).toBeGreaterThan(2.35);
    expect(r.relatives).toBeLessThan(2.65);
    expect(r.contacts).toBeGreaterThan(3.75);
    expect(r.contacts).toBeLessThan(4.25);
    expect(r.events).toBeGreaterThan(2.8);
    expect(r.events).toBeLessThan(3.3);
    expect(r.with_refs).toBeGreaterThan(0.3);
    expect(r.with_refs).toBeLessThan(0.8);
  });

  it('covers every municipality, community and office, and every status', async () => {
    const r = await one(`
      SELECT (SELECT count(*) FROM municipality m WHERE NOT EXISTS (SELECT 1 FROM "case" c WHERE c.last_seen_municipality_id = m.id))::int AS municipalities,
             (SELECT count(*) FROM community m WHERE NOT EXISTS (SELECT 1 FROM "case" c WHERE c.community_id = m.id))::int AS communities,
             (SELECT count(*) FROM office o WHERE NOT EXISTS (SELECT 1 FROM "case" c WHERE c.office_id = o.id))::int AS offices,
             (SELECT count(DISTINCT fate_status) FROM "case")::int AS fates,
             (SELECT count(DISTINCT workflow_status) FROM "case")::int AS workflows,
             (SELECT count(*) FROM municipality)::int AS total_municipalities`);
    expect(r).toEqual({
      municipalities: 0,
      communities: 0,
      offices: 0,
      fates: 5,
      workflows: 5,
      total_municipalities: 38,
    });
  });

  it('writes names in Albanian, Serbian Latin, Cyrillic and plain ASCII, with a few typos', async () => {
    const r = await one(`
      SELECT count(*) FILTER (WHERE last_name ~ '[А-Яа-яЂђЈјЉљЊњЋћЏџ]')::int AS cyrillic,
             count(*) FILTER (WHERE concat(first_name, last_name) ~ '(ë|ç|Ç|xh|Xh|gj|Gj|q)')::int AS albanian,
             count(*) FILTER (WHERE concat(first_name, last_name) ~ '[čćšžđČĆŠŽĐ]')::int AS serbian_latin,
             count(*) FILTER (WHERE concat(first_name, last_name, father_name) ~ '^[A-Za-z]+$')::int AS ascii,
             count(*) FILTER (WHERE cardinality(other_names) > 0)::int AS other_names,
             count(*) FILTER (WHERE father_name IS NOT NULL)::int AS fathers
        FROM "case"`);
    for (const k of ['cyrillic', 'albanian', 'serbian_latin', 'ascii', 'other_names'])
      expect(r[k], k).toBeGreaterThan(CASES * 0.05);
    expect(r.fathers).toBeGreaterThan(CASES * 0.85);

    // Typos: names that are no spelling of any listed name (about 2% of cases).
    const known = new Set<string>();
    for (const set of ALL_NAME_SETS) {
      for (const name of [...set.male, ...set.female, ...set.surnames]) {
        known.add(name);
        for (const s of SCRIPTS) known.add(spell(name, set.orthography, s));
      }
    }
    const { rows } = await pool.query<{ first_name: string; last_name: string }>(
      'SELECT first_name, last_name FROM "case"',
    );
    const misspelt = rows.filter((c) => !known.has(c.first_name) || !known.has(c.last_name)).length;
    expect(misspelt).toBeGreaterThan(CASES * 0.005);
    expect(misspelt).toBeLessThan(CASES * 0.05);
  });

  it('spreads partial dates over 1998-2000 (missing) and 1920-1995 (born)', async () => {
    const r = await one(`
      SELECT min(substr(missing_since, 1, 4)) AS min_missing, max(substr(missing_since, 1, 4)) AS max_missing,
             min(birth_year) AS min_birth, max(birth_year) AS max_birth,
             count(*) FILTER (WHERE missing_since ~ '^\\d{4}$')::int AS year_only,
             count(*) FILTER (WHERE missing_since ~ '^\\d{4}-\\d{2}$')::int AS year_month,
             count(*) FILTER (WHERE missing_since ~ '^\\d{4}-\\d{2}-\\d{2}$')::int AS full_date,
             count(*) FILTER (WHERE date_of_birth ~ '^\\d{4}$')::int AS birth_year_only,
             count(*) FILTER (WHERE missing_since IS NOT NULL AND missing_since_from <> (CASE length(missing_since)
               WHEN 4 THEN missing_since || '-01-01' WHEN 7 THEN missing_since || '-01' ELSE missing_since END)::date)::int AS bad_from,
             count(*) FILTER (WHERE birth_year IS DISTINCT FROM substr(date_of_birth, 1, 4)::int)::int AS bad_birth_year
        FROM "case"`);
    expect(r).toMatchObject({ min_missing: '1998', max_missing: '2000', bad_from: 0, bad_birth_year: 0 });
    expect(r.min_birth).toBeGreaterThanOrEqual(1920);
    expect(r.max_birth).toBeLessThanOrEqual(1995);
    for (const k of ['year_only', 'year_month', 'full_date', 'birth_year_only'])
      expect(r[k], k).toBeGreaterThan(CASES * 0.03);
  });

  it('stores the search key the trigger would have computed, for every case', async () => {
    const r = await one(`
      SELECT count(*)::int AS differing FROM "case"
       WHERE search_text <> coalesce(mprc_fold(concat_ws(' ', first_name, last_name, father_name, array_to_string(other_names, ' '))), '')`);
    expect(r.differing).toBe(0);
    // The same spellings fold alike: Cyrillic and Albanian spellings of one surname meet.
    const { rows } = await pool.query(`SELECT mprc_fold('Краснићи') = mprc_fold('Krasniqi') AS same`);
    expect(rows[0].same).toBe(true);
  });

  it('rebuilds every index, key and foreign key, and turns the triggers back on', async () => {
    expect(await schemaObjects()).toEqual(before);
    // Foreign keys hold: no dangling references.
    const r = await one(`
      SELECT (SELECT count(*) FROM case_relative cr WHERE NOT EXISTS (SELECT 1 FROM relative r WHERE r.id = cr.relative_id))::int AS relatives,
             (SELECT count(*) FROM contact c WHERE c.relative_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM case_relative cr WHERE cr.case_id = c.case_id AND cr.relative_id = c.relative_id))::int AS contact_relatives,
             (SELECT count(*) FROM "case" c WHERE c.assigned_officer_id IS NOT NULL AND NOT EXISTS (
               SELECT 1 FROM app_user u WHERE u.id = c.assigned_officer_id AND u.role = 'LIAISON_OFFICER' AND u.office_id = c.office_id))::int AS officers`);
    expect(r).toEqual({ relatives: 0, contact_relatives: 0, officers: 0 });
    expect(result.rebuiltIndexes).toBe(true);
  });

  it('keeps the audit chain valid, with one seed.scale entry', async () => {
    const chain = await verifyAuditChain(pool);
    expect(chain.firstBroken).toBeNull();
    const { rows } = await pool.query(`SELECT actor_role, details FROM audit_entry WHERE action = 'seed.scale'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ cases: CASES, synthetic: true, seed: 20261127 });
  });

  it('adds to existing data with fresh case numbers and the indexes in place', async () => {
    const again = await seedScale(database.url, { cases: 50, seed: 1, worker: false });
    expect(again.rebuiltIndexes).toBe(false);
    expect(again.createdUsers).toEqual([]);
    const r = await one(`SELECT count(*)::int AS n, count(DISTINCT case_number)::int AS numbers FROM "case"`);
    expect(r).toEqual({ n: CASES + 50, numbers: CASES + 50 });
    expect((await verifyAuditChain(pool)).firstBroken).toBeNull();
    expect(await schemaObjects()).toEqual(before);
  });
});
