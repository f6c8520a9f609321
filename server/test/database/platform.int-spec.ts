// Rules the database enforces whoever writes (prisma/migrations/*_platform): extensions, the
// append-only hash-chained audit trail, and the name fold used by search.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

it('has the pg_trgm and unaccent extensions', async () => {
  const { rows } = await client.query(
    `SELECT extname FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent') ORDER BY extname`,
  );
  expect(rows.map((r) => r.extname)).toEqual(['pg_trgm', 'unaccent']);
});

describe('audit_entry', () => {
  const append = (action: string, extra: { entityId?: string; changes?: unknown } = {}) =>
    client.query(
      `INSERT INTO audit_entry (id, action, entity_type, entity_id, changes) VALUES (gen_random_uuid(), $1, 'case', $2, $3)
       RETURNING seq, prev_hash, hash`,
      [action, extra.entityId ?? null, extra.changes === undefined ? null : JSON.stringify(extra.changes)],
    );

  it('links every entry to the one before it by hash', async () => {
    await append('case.create', { entityId: 'a' });
    await append('case.update', { entityId: 'a', changes: { lastName: ['Gashi', 'Gaši'] } });
    await append('case.view');
    const { rows } = await client.query(
      `SELECT seq::int, prev_hash, hash,
              hash = audit_entry_hash(prev_hash, seq, id, at, actor_id, actor_role, action, entity_type, entity_id, ip, request_id, changes, details) AS verifies
         FROM audit_entry ORDER BY seq`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0].prev_hash).toBe('');
    for (let i = 1; i < rows.length; i++) {
      expect(rows[i].seq).toBeGreaterThan(rows[i - 1].seq);
      expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    }
    expect(rows.every((r) => r.verifies && /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it('hashes the documented fields, so the chain can be verified outside the database', async () => {
    const {
      rows: [e],
    } = await client.query(
      `SELECT prev_hash, seq::text, id::text, (extract(epoch FROM at) * 1000000)::bigint::text AS micros, action, hash
         FROM audit_entry WHERE action = 'case.view'`,
    );
    const fields = [e.prev_hash, e.seq, e.id, e.micros, '', '', e.action, 'case', '', '', '', '', ''];
    expect(createHash('sha256').update(fields.join('\x1f'), 'utf8').digest('hex')).toBe(e.hash);
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    const refused = { code: '42501', message: expect.stringMatching(/append-only/) };
    await expect(client.query(`UPDATE audit_entry SET action = 'forged'`)).rejects.toMatchObject(refused);
    await expect(client.query('DELETE FROM audit_entry')).rejects.toMatchObject(refused);
    await expect(client.query('TRUNCATE audit_entry')).rejects.toMatchObject(refused);
    expect((await client.query('SELECT count(*)::int AS n FROM audit_entry')).rows[0].n).toBe(3);
  });

  it('sets seq and hashes itself, ignoring what the writer sends', async () => {
    const {
      rows: [r],
    } = await client.query(
      `INSERT INTO audit_entry (seq, id, action, prev_hash, hash) VALUES (1, gen_random_uuid(), 'x', 'fake', 'fake') RETURNING seq::int, prev_hash, hash`,
    );
    expect(r.seq).toBeGreaterThan(3);
    expect(r.prev_hash).not.toBe('fake');
    expect(r.hash).not.toBe('fake');
  });
});

describe('mprc_fold', () => {
  const fold = async (names: string[]) =>
    (
      await client.query<{ k: string }>(
        'SELECT mprc_fold(n) AS k FROM unnest($1::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i',
        [names],
      )
    ).rows.map((r) => r.k);

  it.each([
    [['Đorđević', 'Djordjevic', 'Ђорђевић', 'Gjorgjeviq', 'ĐORĐEVIĆ'], 'djordjevic'],
    [['Krasniqi', 'Krasnići', 'Краснићи'], 'krasnici'],
    [['Hoxha', 'Hodža', 'Хоџа'], 'hodza'],
    [['Çeku', 'Čeku', 'Ceku'], 'ceku'],
    [['Gashi', 'Gaši', 'Гаши'], 'gasi'],
  ])('folds %j to one key', async (spellings, key) => {
    expect(await fold(spellings)).toEqual(spellings.map(() => key));
  });

  it('keeps different names apart and turns punctuation into single spaces', async () => {
    expect(await fold(['Gashi', 'Hoxha', '  Berisha-Krasniqi,  Ilir '])).toEqual([
      'gasi',
      'hodza',
      'berisa krasnici ilir',
    ]);
  });

  it('fills case.search_text through the trigger', async () => {
    const {
      rows: [office],
    } = await client.query(`SELECT id FROM office ORDER BY code LIMIT 1`);
    const {
      rows: [c],
    } = await client.query(
      `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, father_name, other_names, updated_at)
       VALUES (gen_random_uuid(), 'T-1', $1, 'Ђорђе', 'Hoxha', 'Çeku', ARRAY['Gaši'], now()) RETURNING search_text`,
      [office.id],
    );
    expect(c.search_text).toBe('djordje hodza ceku gasi');
  });
});
