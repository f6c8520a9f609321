// Hostile imports: a CSV and an XLSX whose cells hold the Big List of Naughty Strings, uploaded
// under hostile file names, dry run and committed. Every naughty string either round-trips into
// the created case byte for byte (after the trim every text field gets) or is refused with an
// error naming its column; nothing answers 5xx. The dry-run and commit bodies are fuzzed from the
// shared schemas: a refused body stores nothing.
import { CommitRequestSchema, DryRunRequestSchema, IMPORT_FIELDS } from '@mprc/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { allRows, csvText, upload, uploadRaw, UTF8_BOM, xlsxFile } from '../imports/import-fixtures.js';
import { BLNS, acceptable, fieldsOf, not5xx, snapshot, STRESS, longMixed, textish } from './hostile-helpers.js';

const numRuns = Number(process.env.PROPERTY_RUNS ?? 25);
const LONG = 240_000;

let t: TestApp;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

const HEADER = ['First name', 'Last name', "Father's name", 'Place', 'Notes'];
const MAPPING = {
  'First name': 'firstName',
  'Last name': 'lastName',
  "Father's name": 'fatherName',
  Place: 'lastSeenPlace',
  Notes: 'circumstances',
} as const;
const FIELD_MAX: Record<string, number> = { firstName: 100, lastName: 100, fatherName: 100, lastSeenPlace: 500 };

/** Rows of naughty strings, one string per text cell; the notes get a long mixed string now and then. */
function naughtyRows(strings: string[]): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < strings.length; i += 4) {
    const s = (k: number) => strings[(i + k) % strings.length];
    rows.push([s(0), s(1), s(2), s(3), i % 40 === 0 ? longMixed(10_000) : `${s(0)}\n${s(1)}`]);
  }
  return rows;
}

/**
 * Dry run with the mapping, commit every row without errors (duplicates too: the strings look
 * alike), then compare each created case with its row.
 */
async function roundTrip(importId: string, rows: string[][]) {
  const dry = await manager.post(`/api/v1/imports/${importId}/dry-run`, {
    mapping: MAPPING,
    defaultOfficeCode: 'PRISTINA',
  });
  expect(dry.status, dry.text).toBe(200);
  expect(dry.body.total).toBe(rows.length);
  const report = await allRows(manager, importId);
  for (const [rowNumber, row] of report) {
    if (row.status !== 'INVALID') continue;
    expect(row.errors.length).toBeGreaterThan(0);
    // Every error names a column of the file, and the value in it fails the field's rule.
    for (const e of row.errors) {
      expect(HEADER, `row ${rowNumber}: ${JSON.stringify(e)}`).toContain(e.column);
      expect(['required', 'too_long', 'invalid'], JSON.stringify(e)).toContain(e.code);
    }
  }
  const commit = await manager.post(`/api/v1/imports/${importId}/commit`, {
    mapping: MAPPING,
    defaultOfficeCode: 'PRISTINA',
    excludeInvalid: true,
    duplicates: 'include',
  });
  expect(commit.status, commit.text).toBe(200);
  const after = await allRows(manager, importId);
  let created = 0;
  for (const [rowNumber, row] of after) {
    const cells = rows[rowNumber - 2];
    if (row.status === 'INVALID') {
      // Refused only for a reason the case form has: blank or too long after trimming.
      const bad = HEADER.slice(0, 4).filter((h, i) => {
        const v = cells[i].trim();
        const field = MAPPING[h as keyof typeof MAPPING];
        return [...v].length > FIELD_MAX[field] || (!v && (field === 'firstName' || field === 'lastName'));
      });
      expect(
        row.errors.map((e: { column: string }) => e.column).sort(),
        `row ${rowNumber} ${JSON.stringify(cells)}`,
      ).toEqual(bad.sort());
      continue;
    }
    expect(row.status, `row ${rowNumber}`).toBe('CREATED');
    created++;
    const c = await manager.get(`/api/v1/cases/${row.case.id}`);
    expect(c.status).toBe(200);
    expect(c.body.firstName).toBe(cells[0].trim());
    expect(c.body.lastName).toBe(cells[1].trim());
    expect(c.body.fatherName).toBe(cells[2].trim() || null);
    expect(c.body.lastSeenPlace).toBe(cells[3].trim() || null);
    expect(c.body.circumstances).toBe(cells[4].trim() || null);
  }
  expect(created).toBe(commit.body.created);
  return created;
}

describe('POST /api/v1/imports with naughty cells and file names', () => {
  it(
    'CSV: every naughty string round-trips into its case or is refused naming its column',
    { timeout: LONG },
    async () => {
      const rows = naughtyRows(acceptable(120));
      const file = Buffer.concat([UTF8_BOM, Buffer.from(csvText([HEADER, ...rows]), 'utf8')]);
      const imp = await upload(manager, file, `${STRESS.rtl} ${STRESS.emoji}.csv`);
      expect(imp.fileName).toBe(`${STRESS.rtl} ${STRESS.emoji}.csv`);
      expect(imp.rowCount).toBe(rows.length);
      const created = await roundTrip(imp.id, rows);
      expect(created).toBeGreaterThan(rows.length * 0.9);
    },
  );

  it('XLSX: naughty strings in cells round-trip the same way', { timeout: LONG }, async () => {
    // XML 1.0 cannot carry most C0 control characters: exceljs would write an unreadable sheet.
    // eslint-disable-next-line no-control-regex
    const strings = acceptable(120).filter((s) => !/[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/.test(s));
    const rows = naughtyRows(strings).slice(0, 60);
    const imp = await upload(manager, await xlsxFile([HEADER, ...rows]), `..\\..\\${STRESS.zeroWidth}.xlsx`);
    expect(imp.fileFormat).toBe('xlsx');
    expect(imp.rowCount).toBe(rows.length);
    await roundTrip(imp.id, rows);
  });

  it('NUL bytes in cells and headers are refused (the file, or the row naming the column); never a 5xx', async () => {
    const file = Buffer.from(
      csvText([
        [...HEADER, 'Bad\u0000header'],
        ['Ag\u0000im', 'Testi', '', '', '', 'x'],
        ['Drita', 'Test\u0000a', '', '', 'notes\u0000', 'y'],
        ['Valid', 'Row', '', '', '', 'z'],
      ]),
      'utf8',
    );
    const res = await uploadRaw(manager, file, 'nul.csv');
    not5xx(res);
    if (res.status !== 201) {
      // A file with NUL bytes is not text: refused whole.
      expect([400, 415], res.text).toContain(res.status);
      expect(res.body.code).toBeTruthy();
      return;
    }
    expect(JSON.stringify(res.body)).not.toContain('\\u0000');
    const dry = await manager.post(`/api/v1/imports/${res.body.id}/dry-run`, {
      mapping: MAPPING,
      defaultOfficeCode: 'PRISTINA',
    });
    not5xx(dry);
    expect(dry.status, dry.text).toBe(200);
    const rows = await allRows(manager, res.body.id);
    expect(rows.get(2).status).toBe('INVALID');
    expect(rows.get(2).errors.map((e: { column: string }) => e.column)).toContain('First name');
    expect(rows.get(3).errors.map((e: { column: string }) => e.column)).toEqual(
      expect.arrayContaining(['Last name', 'Notes']),
    );
    expect(rows.get(4).status).toBe('VALID');
  });

  it('hostile file names never answer 5xx, come back without control characters, and give a safe report header', async () => {
    const file = Buffer.from(csvText([HEADER, ['Agim', 'Testi', '', '', '']]), 'utf8');
    for (const name of [
      '../../etc/passwd',
      '..\\..\\boot.ini',
      '%2e%2e%2fimport.csv',
      'a\u0000b.csv',
      'a\r\nSet-Cookie: x=1.csv',
      '"; filename=evil.exe',
      `${'ž'.repeat(300)}.csv`,
      '\u202Egnp.exe.csv',
      ' ',
      ...BLNS.filter((_, i) => i % 25 === 0),
    ]) {
      const res = await uploadRaw(manager, file, name);
      not5xx(res, JSON.stringify(name));
      if (res.status !== 201) {
        expect([400, 413, 415], res.text).toContain(res.status);
        continue;
      }
      // eslint-disable-next-line no-control-regex
      expect(res.body.fileName).not.toMatch(/[\u0000\r\n]/);
      expect(res.body.fileName.length).toBeLessThanOrEqual(200);
      const report = await manager.get(`/api/v1/imports/${res.body.id}/report`);
      expect(report.status, report.text).toBeLessThan(500);
      // Before a dry run there is no report (409), after one its download header is safe.
      const dry = await manager.post(`/api/v1/imports/${res.body.id}/dry-run`, {
        mapping: MAPPING,
        defaultOfficeCode: 'PRISTINA',
      });
      expect(dry.status, dry.text).toBe(200);
      const after = await manager.get(`/api/v1/imports/${res.body.id}/report`);
      expect(after.status, after.text).toBe(200);
      // eslint-disable-next-line no-control-regex
      expect(String(after.headers['content-disposition'])).not.toMatch(/[\r\n\u0000]/);
      expect(after.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('import bodies', () => {
  let importId: string;
  const columns = [...HEADER, STRESS.rtl, STRESS.script];
  beforeAll(async () => {
    const file = Buffer.from(
      csvText([
        columns,
        ['Agim', 'Testi', 'Rexhep', 'Ferizaj road', 'note', 'x', 'y'],
        ['Drita', 'Testa', '', '', '', '', ''],
      ]),
      'utf8',
    );
    importId = (await upload(manager, file, 'bodies.csv')).id;
  });

  const mapping = fc.oneof(
    fc.dictionary(
      fc.oneof(fc.constantFrom(...columns), textish(200).map(String)),
      fc.constantFrom(...IMPORT_FIELDS, 'id', ''),
      {
        maxKeys: 6,
      },
    ),
    fc.constant(MAPPING),
    fc.constantFrom(null, [], 'firstName', { [STRESS.rtl]: 'firstName', [STRESS.script]: 'lastName' }),
  );
  const office = fc.constantFrom('PRISTINA', 'MITROVICA', 'NOWHERE', 'x', '', undefined);

  it('POST /api/v1/imports/:id/dry-run: arbitrary mappings', { timeout: LONG }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.record({ mapping, defaultOfficeCode: office }, { requiredKeys: [] }), async (body) => {
        const parsed = DryRunRequestSchema.safeParse(body);
        const before = await snapshot(t.pool);
        const res = await manager.post(`/api/v1/imports/${importId}/dry-run`, body);
        not5xx(res, JSON.stringify(body));
        if (parsed.success) {
          expect([200, 400], res.text).toContain(res.status);
          // A mapping naming a column the file lacks is refused naming it; an unknown office too.
          if (res.status === 400) expect(fieldsOf(res).length).toBeGreaterThan(0);
          return;
        }
        expect(res.status, res.text).toBe(400);
        expect(await snapshot(t.pool)).toEqual(before);
      }),
      { numRuns },
    );
  });

  it(
    'POST /api/v1/imports/:id/commit: arbitrary bodies; only a complete, matching choice commits',
    { timeout: LONG },
    async () => {
      const rowList = fc.oneof(
        fc.array(fc.integer({ min: -5, max: 12 }), { maxLength: 4 }),
        fc.constantFrom(null, 'all', [2.5], [1e9]),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              mapping,
              defaultOfficeCode: office,
              excludeRows: rowList,
              includeDuplicates: rowList,
              excludeInvalid: fc.oneof(fc.boolean(), fc.constant('yes')),
              duplicates: fc.constantFrom('exclude', 'include', 'all'),
            },
            { requiredKeys: [] },
          ),
          async (body) => {
            // A fresh dry run each time, so a commit that succeeds does not make the rest trivial.
            const file = Buffer.from(csvText([columns, ['Agim', `Testi${Math.random()}`, '', '', '', '', '']]), 'utf8');
            const imp = await upload(manager, file, 'commit.csv');
            await manager.post(`/api/v1/imports/${imp.id}/dry-run`, {
              mapping: MAPPING,
              defaultOfficeCode: 'PRISTINA',
            });
            const parsed = CommitRequestSchema.safeParse(body);
            const before = await snapshot(t.pool);
            const res = await manager.post(`/api/v1/imports/${imp.id}/commit`, body);
            not5xx(res, JSON.stringify(body));
            if (!parsed.success) expect(res.status, res.text).toBe(400);
            if (res.status >= 400) expect(await snapshot(t.pool)).toEqual(before);
            else expect(res.body.created + res.body.skipped).toBe(1);
          },
        ),
        { numRuns },
      );
    },
  );
});
