import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultReferenceDir, loadReferenceData } from '../../src/common/database/reference-data.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase(); // the template already holds the reference data
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

const count = async (table: string) => (await client.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
/** Row versions: an UPDATE that writes, even the same values, changes xmin. */
const versions = async (table: string) =>
  (await client.query(`SELECT code, xmin::text AS v FROM ${table} ORDER BY code`)).rows;

describe('loadReferenceData', () => {
  it("loads Kosovo's 38 municipalities, the communities and the two offices", async () => {
    expect(await count('municipality')).toBe(38);
    expect(await count('community')).toBeGreaterThanOrEqual(12);
    expect(await count('office')).toBe(2);
    expect(await loadReferenceData(client)).toEqual({
      offices: 2,
      municipalities: 38,
      communities: await count('community'),
    });
  });

  it('derives Serbian Cyrillic names from the Latin ones', async () => {
    const { rows } = await client.query(
      `SELECT code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM municipality WHERE code IN ('FERIZAJ', 'GJAKOVE', 'LEPOSAVIQ') ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: 'FERIZAJ', name_sq: 'Ferizaj', name_sr_latn: 'Uroševac', name_sr_cyrl: 'Урошевац', name_en: 'Ferizaj' },
      { code: 'GJAKOVE', name_sq: 'Gjakovë', name_sr_latn: 'Đakovica', name_sr_cyrl: 'Ђаковица', name_en: 'Gjakova' },
      {
        code: 'LEPOSAVIQ',
        name_sq: 'Leposaviq',
        name_sr_latn: 'Leposavić',
        name_sr_cyrl: 'Лепосавић',
        name_en: 'Leposavić',
      },
    ]);
    const ids = await client.query(`SELECT count(*)::int AS n FROM community WHERE id IS NULL OR name_sr_cyrl = ''`);
    expect(ids.rows[0].n).toBe(0);
  });

  it('changes nothing when loaded again', async () => {
    const all = async () => [await versions('office'), await versions('municipality'), await versions('community')];
    const before = await all();
    await loadReferenceData(client);
    await loadReferenceData(client);
    expect(await all()).toEqual(before);
  });

  it('updates a renamed entry in place and keeps the columns the files do not carry', async () => {
    await client.query(
      `UPDATE office SET phone = '+383 38 000 000', hours_en = 'Mon-Fri 8-16' WHERE code = 'PRISTINA'`,
    );
    const {
      rows: [{ id }],
    } = await client.query(`SELECT id FROM office WHERE code = 'PRISTINA'`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-reference-'));
    try {
      fs.cpSync(defaultReferenceDir(), dir, { recursive: true });
      const file = path.join(dir, 'offices.csv');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('(Pristina)', '(Prishtina)'));
      await loadReferenceData(client, dir);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const after = await client.query(`SELECT id, name_en, phone, hours_en FROM office WHERE code = 'PRISTINA'`);
    expect(after.rows[0]).toEqual({
      id,
      name_en: 'Missing Persons Resource Center (Prishtina)',
      phone: '+383 38 000 000',
      hours_en: 'Mon-Fri 8-16',
    });
  });
});
