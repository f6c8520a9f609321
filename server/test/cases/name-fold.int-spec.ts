import { foldName, SAME_NAME_GROUPS, SIMILAR_NAME_PAIRS } from '@mprc/contracts';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

// foldName() (contracts/src/names.ts) must give exactly what PostgreSQL's mprc_fold() stores in
// case.search_text: on real names, and on every single character, in context.

let db: TestDatabase;
let client: pg.Client;
let serverMajor = 0;
beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  serverMajor = Math.floor(Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10000);
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

async function sqlFold(values: string[]): Promise<string[]> {
  const { rows } = await client.query<{ f: string[] }>(
    'SELECT array(SELECT mprc_fold(v) FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i) AS f',
    [values],
  );
  return rows[0].f;
}

describe('foldName() and mprc_fold() agree', () => {
  it('on real names in every spelling', async () => {
    const names = [
      ...SAME_NAME_GROUPS.flat(),
      ...SIMILAR_NAME_PAIRS.flat(),
      'İsmail Öztürk',
      'Ljiljana Njegovan-Džajić',
      'ЉИЉАНА ЊЕГОВАН',
      'Ëmine Çollaku',
      'c\u030Ceku',
    ];
    const sql = await sqlFold(names);
    expect(names.map(foldName)).toEqual(sql);
    for (const group of SAME_NAME_GROUPS) {
      const keys = await sqlFold([...group]);
      expect(new Set(keys).size, group.join(' = ')).toBe(1);
    }
  });

  // foldName()'s table was generated from PostgreSQL 18's unaccent rules (the embedded server).
  // Older servers' rules differ on rare symbols (ª, ¼, ʰ...), never on the letters of names,
  // which the test above checks on every server.
  it('on every character up to U+1FFFF, alone, upper and lower case, between letters', async (ctx) => {
    if (serverMajor < 18) ctx.skip(`unaccent rules of PostgreSQL ${serverMajor} differ from 18's on rare symbols`);
    const samples: string[] = [];
    for (let cp = 1; cp <= 0x1ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      samples.push(`a${ch}b`, `${ch}x${ch.toUpperCase()}`);
    }
    const mismatches: string[] = [];
    for (let i = 0; i < samples.length; i += 20_000) {
      const chunk = samples.slice(i, i + 20_000);
      const sql = await sqlFold(chunk);
      chunk.forEach((s, j) => {
        const ts = foldName(s);
        if (ts !== sql[j])
          mismatches.push(
            `${JSON.stringify(s)} U+${s.codePointAt(1)!.toString(16)}: ts=${JSON.stringify(ts)} sql=${JSON.stringify(sql[j])}`,
          );
      });
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
  });

  it('on what the trigger stores', async () => {
    const { rows } = await client.query(
      `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, father_name, other_names, updated_at)
       VALUES (gen_random_uuid(), 'MP-TEST-FOLD', (SELECT id FROM office LIMIT 1), 'Đorđe', 'Ђорђевић', 'Xhafer', ARRAY['Gjorgjeviq Ćori'], now())
       RETURNING search_text`,
    );
    expect(rows[0].search_text).toBe(foldName('Đorđe Ђорђевић Xhafer Gjorgjeviq Ćori'));
    expect(rows[0].search_text).toBe('djordje djordjevic dzafer djordjevic cori');
  });
});
