// The size limits of an import: the file (IMPORT_LIMIT_BYTES, its own limit above the attachments')
// and the number of rows (100,000).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { upload, uploadRaw } from './import-fixtures.js';

let t: TestApp;
let manager: ApiClient;

beforeAll(async () => {
  // Attachments stay at 10 KB here: an import's limit is its own.
  t = await createTestApp({ IMPORT_LIMIT_BYTES: String(3 * 1024 * 1024), UPLOAD_LIMIT_BYTES: '10240' });
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

const rows = (n: number) => Buffer.from(`Emri,Mbiemri\r\n${'A,B\r\n'.repeat(n)}`);

it('takes a file above the attachment limit, and exactly 100,000 rows', async () => {
  const body = await upload(manager, rows(100_000), 'full.csv');
  expect(body.rowCount).toBe(100_000);
});

it('refuses 100,001 rows (400) and a file above IMPORT_LIMIT_BYTES (413)', async () => {
  const tooMany = await uploadRaw(manager, rows(100_001), 'too-many.csv');
  expect(tooMany.status).toBe(400);
  expect(tooMany.body.errors[0]).toMatchObject({ field: 'file', code: 'too_many_rows' });
  const tooBig = await uploadRaw(manager, Buffer.concat([rows(10), Buffer.alloc(3 * 1024 * 1024, 0x41)]), 'big.csv');
  expect(tooBig.status).toBe(413);
  expect((await t.pool.query('SELECT count(*)::int AS n FROM import')).rows[0].n).toBe(1);
});
