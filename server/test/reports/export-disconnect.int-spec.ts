// A client that leaves in the middle of a big export stops the database query at once and gets
// its connection back to nobody: the export's backend ends, the pool is not drained, and the
// audit entry says the export was not completed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';

const CASES = 60_000;
let t: TestApp;
let manager: ApiClient;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
  await t.pool.query(
    `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, sex, date_of_birth, birth_year, missing_since,
                         missing_since_from, last_seen_place, updated_at)
     SELECT gen_random_uuid(), 'MP-' || lpad(nextval('case_number_seq')::text, 6, '0'),
            (SELECT id FROM office WHERE code = CASE WHEN i % 2 = 0 THEN 'PRISTINA' ELSE 'MITROVICA' END),
            'Name' || i, 'Surname, "quoted" ' || i, 'MALE', '1970-01-0' || (1 + i % 9), 1970, '1999', '1999-01-01',
            'A long place description to make every row a little bigger than it would otherwise be ' || i, now()
       FROM generate_series(1, $1::int) AS i`,
    [CASES],
  );
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => t?.close());

const exportQueries = async () => {
  const { rows } = await t.pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%mprc:export%' AND pid <> pg_backend_pid()`,
  );
  return rows[0].n;
};

/** Starts an export, reads the first chunk, then drops the connection. Resolves with the bytes received. */
function abortAfterFirstChunk(path: string, whileOpen?: () => Promise<void>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}${path}`, { headers: { cookie: manager.cookie! } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      let received = 0;
      res.once('data', (chunk: Buffer) => {
        received += chunk.length;
        // Let the server fill the socket, then leave.
        setTimeout(() => {
          void (whileOpen?.() ?? Promise.resolve()).then(
            () => {
              req.destroy();
              resolve(received);
            },
            (e: unknown) => {
              req.destroy();
              reject(e as Error);
            },
          );
        }, 50);
      });
    });
    req.on('error', (e) => {
      if (!req.destroyed) reject(e);
    });
  });
}

async function waitFor(check: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

it.each(['csv', 'xlsx'])('stops the query when the client disconnects (%s)', async (format) => {
  const before = await t.pool.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM audit_entry');
  const received = await abortAfterFirstChunk(`/api/v1/exports/cases?format=${format}`, async () => {
    // While the client is connected the export's query is there (so the check below means something).
    expect(await exportQueries()).toBe(1);
  });
  expect(received).toBeGreaterThan(0);
  expect(await waitFor(async () => (await exportQueries()) === 0), 'the export query is still running').toBe(true);

  const audit = async () =>
    (
      await t.pool.query<{ details: any }>(
        `SELECT details FROM audit_entry WHERE seq > $1 AND action = 'export.cases' ORDER BY seq`,
        [before.rows[0].seq],
      )
    ).rows;
  expect(await waitFor(async () => (await audit()).length === 1)).toBe(true);
  const [entry] = await audit();
  expect(entry.details).toMatchObject({ format, completed: false });
  expect(entry.details.rowCount).toBeLessThan(CASES);
});

it('leaks no database connection: many abandoned exports, then a complete one', async () => {
  for (let i = 0; i < 8; i++)
    await abortAfterFirstChunk('/api/v1/exports/cases?format=csv&columns=caseNumber,lastName');
  expect(await waitFor(async () => (await exportQueries()) === 0)).toBe(true);
  const res = await manager.get('/api/v1/exports/cases', { query: { columns: 'caseNumber', officeCode: 'PRISTINA' } });
  expect(res.status).toBe(200);
  expect(res.text.split('\r\n').filter(Boolean)).toHaveLength(CASES / 2 + 1);
});
