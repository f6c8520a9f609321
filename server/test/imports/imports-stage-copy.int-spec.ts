// The dry run writes its rows to the working table by COPY (text format): cells holding what that
// format escapes (backslash, tab, line breaks, a literal \N) or what JSON escapes (quotes) come back
// unchanged, in the report's rows and, after the commit, in the cases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { allRows, csvText, dryRun, upload } from './import-fixtures.js';

let t: TestApp;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

const mapping = {
  'First name': 'firstName',
  'Last name': 'lastName',
  Sex: 'sex',
  Place: 'lastSeenPlace',
  Notes: 'circumstances',
};
// Fictional people (test data).
const ROWS = [
  ['Testin', 'Provëz', 'M', 'C:\\Arkiva\\lista', 'para\ttab'],
  ['Провера', 'Тестић', 'F', '\\N', 'first line\r\nsecond line'],
  ['Quoted', 'Tester', 'M', 'the "old" mill', '{"json": [1, "\\\\x"]}'],
  ['Lone', 'Backslash', 'Qwerty', '\\', 'ends with a carriage return\rand more'],
];

it('keeps backslashes, tabs, line breaks, \\N and quotes through the dry run and the commit', async () => {
  const file = Buffer.from(csvText([['First name', 'Last name', 'Sex', 'Place', 'Notes'], ...ROWS]));
  const { id } = await upload(manager, file, 'escapes.csv');
  const dry = await dryRun(manager, id, { mapping, defaultOfficeCode: 'PRISTINA' });
  expect(dry).toMatchObject({ total: 4, invalid: 1 });

  const rows = await allRows(manager, id);
  ROWS.forEach((cells, i) => {
    const row = rows.get(i + 2);
    expect(row.values).toEqual({
      'First name': cells[0],
      'Last name': cells[1],
      Sex: cells[2],
      Place: cells[3],
      Notes: cells[4],
    });
  });
  // The invalid row's error repeats the cell as it was.
  expect(rows.get(5).errors[0]).toMatchObject({ column: 'Sex', code: 'sex_unknown', value: 'Qwerty' });

  const commit = await manager.post(`/api/v1/imports/${id}/commit`, {
    mapping,
    defaultOfficeCode: 'PRISTINA',
    excludeInvalid: true,
    duplicates: 'include',
  });
  expect(commit.status, commit.text).toBe(200);
  expect(commit.body).toMatchObject({ created: 3, skipped: 1 });
  const { rows: cases } = await t.pool.query<{ first_name: string; last_seen_place: string; circumstances: string }>(
    `SELECT first_name, last_seen_place, circumstances FROM "case" WHERE import_id = $1::uuid ORDER BY case_number`,
    [id],
  );
  expect(cases).toEqual(
    ROWS.slice(0, 3).map((c) => ({ first_name: c[0], last_seen_place: c[3], circumstances: c[4] })),
  );
});
