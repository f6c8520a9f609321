import { ANONYMIZED_EXPORT_COLUMNS, EXPORT_COLUMNS } from '@mprc/contracts';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyClient } from '../setup/family-session.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { caseFacts, seedReportData, TRICKY_NAMES, type CaseFacts, type Seeded } from './report-fixtures.js';

let t: TestApp;
let manager: ApiClient;
let seeded: Seeded;
let facts: CaseFacts[];

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
  const a = await t.createUser('LIAISON_OFFICER', 'PRISTINA', { name: 'Officer Arta' });
  const b = await t.createUser('LIAISON_OFFICER', 'MITROVICA', { name: 'Службеник Бојан' });
  seeded = await seedReportData(t.pool, a.id, b.id);
  facts = await caseFacts(t.pool);
});
afterAll(async () => t?.close());

/** Raw bytes of a GET as the manager (inject keeps the binary payload). */
async function download(query: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await t.app
    .getHttpAdapter()
    .getInstance()
    .inject({ method: 'GET', url: '/api/v1/exports/cases', query, headers: { cookie: manager.cookie!, ...headers } });
  return res;
}

const parseCsv = (text: string): string[][] => parse(text, { bom: true, relax_column_count: false });

describe('CSV export', () => {
  it('is UTF-8 with a BOM, RFC 4180, headers in the language asked for, one row per case', async () => {
    const res = await download({ format: 'csv', lang: 'sr-Cyrl' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="cases-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''cases-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    // Every record ends with CRLF; a lone LF or CR only appears inside quotes.
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(EXPORT_COLUMNS.map(() => expect.any(String)));
    expect(rows[0].slice(0, 3)).toEqual(['Број случаја', 'Име', 'Презиме']);
    expect(rows.length - 1).toBe(facts.length);
    // Same cases as the database (merged ones left out), in case-number order.
    expect(rows.slice(1).map((r) => r[0])).toEqual(facts.map((f) => f.case_number).sort());
    for (const merged of seeded.merged) expect(text).not.toContain(merged);
  });

  it('quotes commas, quotes and line breaks, neutralises formulas, keeps Cyrillic', async () => {
    const res = await download({
      format: 'csv',
      lang: 'en',
      columns: 'caseNumber,firstName,lastName,placeOfBirth,lastSeenPlace',
    });
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual(['Case number', 'First name', 'Last name', 'Place of birth', 'Place last seen']);
    const byNumber = new Map(rows.slice(1).map((r) => [r[0], r]));
    const lastName = (key: keyof typeof TRICKY_NAMES) => byNumber.get(seeded.tricky[key])![2];
    expect(lastName('hyperlink')).toBe(`'${TRICKY_NAMES.hyperlink}`);
    expect(lastName('plus')).toBe("'+1");
    expect(lastName('minus')).toBe("'-2");
    expect(lastName('at')).toBe("'@SUM(A1:A2)");
    expect(lastName('tab')).toBe("'\tTabbed");
    expect(lastName('cr')).toBe("'\rCarriage");
    expect(lastName('comma')).toBe('Comma, Name');
    expect(lastName('quote')).toBe('Quote "Q" Name');
    expect(lastName('newline')).toBe('Line\nBreak');
    expect(byNumber.get(seeded.tricky.newline)!.slice(3)).toEqual(['Village, "North"\nside', 'Line one\r\nline two']);
    expect(byNumber.get(seeded.tricky.cyrillic)!.slice(1, 3)).toEqual(['Драган', 'Јовановић']);
    // The raw text: the quoting and doubling are RFC 4180.
    expect(res.body).toContain('"Quote ""Q"" Name"');
    expect(res.body).toContain('"Comma, Name"');
    expect(res.body).toContain('"Line\nBreak"');
    expect(res.body).toContain(`"'\rCarriage"`);
    // No cell of the whole export starts like a formula.
    const full = parseCsv((await download({ format: 'csv' })).body);
    for (const row of full) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes labels, reference names and partial dates as stored', async () => {
    const res = await download({
      lang: 'sq',
      columns: 'caseNumber,sex,fateStatus,community,office,dateOfBirth,missingSince,externalReferences',
    });
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([
      'Numri i rastit',
      'Gjinia',
      'Fati',
      'Komuniteti',
      'Zyra',
      'Data e lindjes',
      'I zhdukur që nga',
      'Referenca të jashtme',
    ]);
    const row = rows.find((r) => r[0] === seeded.tricky.cyrillic)!;
    expect(row.slice(1, 6)).toEqual([
      'Mashkull',
      'I zhdukur',
      'Serbë',
      'Qendra e Burimeve për Personat e Zhdukur (Prishtinë)',
      '1970-02-03',
    ]);
    expect(rows.some((r) => r[5] === '1950')).toBe(true);
    expect(rows.some((r) => r[5] === '1982-03')).toBe(true);
    expect(rows.some((r) => /^ICRC: KOS-\d+$/.test(r[7]))).toBe(true);
  });

  it('applies the case-list filters (the same rows as the list)', async () => {
    const filters = { fateStatus: 'MISSING', officeCode: 'PRISTINA', q: 'Gashi' };
    const list = await manager.get('/api/v1/cases', { query: { ...filters, pageSize: '200' } });
    const rows = parseCsv((await download({ ...filters, columns: 'caseNumber' })).body).slice(1);
    expect(rows.map((r) => r[0]).sort()).toEqual(
      list.body.items.map((i: { caseNumber: string }) => i.caseNumber).sort(),
    );
    expect(rows.length).toBe(list.body.total);
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses unknown columns, naming `columns`', async () => {
    for (const columns of ['caseNumber,colour', 'password', ',']) {
      const res = await manager.get('/api/v1/exports/cases', { query: { columns } });
      expect(res.status, columns).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['columns']);
    }
    const bad = await manager.get('/api/v1/exports/cases', { query: { format: 'pdf' } });
    expect(bad.status).toBe(400);
  });
});

describe('anonymized export', () => {
  it('carries no names, identifiers, free text or exact dates', async () => {
    const res = await download({ format: 'csv', anonymized: 'true', lang: 'en' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/filename="cases-anonymized-\d{4}-\d{2}-\d{2}\.csv"/);
    const rows = parseCsv(res.body);
    expect(rows[0]).toEqual([
      'Sex',
      'Date of birth',
      'Age when gone missing',
      'Community',
      'Missing since',
      'Municipality last seen',
      'Office',
      'Fate',
      'Case stage',
      'Registered on',
      'Last changed',
    ]);
    expect(rows.length - 1).toBe(facts.length);
    const text = res.body;
    for (const word of [
      'Krasniqi',
      'Gashi',
      'Драган',
      'Јовановић',
      'Rexhep',
      'Officer Arta',
      'MP-',
      'KOS-',
      'river',
      'Village',
      'Internal',
    ])
      expect(text, word).not.toContain(word);
    for (const row of rows.slice(1)) {
      for (const i of [1, 4, 9, 10]) expect(row[i], rows[0][i]).toMatch(/^(\d{4})?$/);
    }
  });

  it('refuses a column that would identify someone', async () => {
    for (const column of EXPORT_COLUMNS.filter((c) => !(ANONYMIZED_EXPORT_COLUMNS as readonly string[]).includes(c))) {
      const res = await manager.get('/api/v1/exports/cases', {
        query: { anonymized: 'true', columns: `sex,${column}` },
      });
      expect(res.status, column).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ field: 'columns' });
    }
  });

  it('writes years, not dates, in XLSX too', async () => {
    const res = await download({ format: 'xlsx', anonymized: 'true', columns: 'dateOfBirth,missingSince,createdAt' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.worksheets[0];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      for (const i of [1, 2, 3]) {
        const v = row.getCell(i).value;
        expect(v === null || (typeof v === 'number' && v >= 1900 && v <= 2100), `${n}:${i} ${String(v)}`).toBe(true);
      }
    });
  });
});

describe('XLSX export', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    const res = await download({ format: 'xlsx', lang: 'sr-Latn', officeCode: 'PRISTINA' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="cases-\d{4}-\d{2}-\d{2}\.xlsx"/);
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
  });

  it('has a bold, frozen header in the language asked for and one row per case', () => {
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Slučajevi');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('Broj slučaja');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(header.getCell(EXPORT_COLUMNS.length).value).toBe('Poslednja izmena');
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(12);
    expect(sheet.actualRowCount - 1).toBe(facts.filter((f) => f.office === 'PRISTINA').length);
  });

  it('writes full dates and times as dates, partial dates as text, text as text (no formulas)', () => {
    const sheet = workbook.worksheets[0];
    const col = (name: (typeof EXPORT_COLUMNS)[number]) => EXPORT_COLUMNS.indexOf(name) + 1;
    let fullDates = 0;
    let partial = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const dob = row.getCell(col('dateOfBirth'));
      if (dob.value instanceof Date) {
        fullDates++;
        expect(dob.numFmt).toBe('yyyy-mm-dd');
      } else if (dob.value !== null) {
        partial++;
        expect(dob.value).toMatch(/^\d{4}(-\d{2})?$/);
      }
      expect(row.getCell(col('createdAt')).value).toBeInstanceOf(Date);
      expect(row.getCell(col('lastName')).formula).toBeUndefined();
    });
    expect(fullDates).toBeGreaterThan(0);
    expect(partial).toBeGreaterThan(0);
    const tricky = sheet
      .getRows(2, sheet.actualRowCount - 1)!
      .find((r) => r.getCell(1).value === seeded.tricky.hyperlink)!;
    expect(tricky.getCell(col('lastName')).value).toBe(TRICKY_NAMES.hyperlink);
    const cyrillic = sheet
      .getRows(2, sheet.actualRowCount - 1)!
      .find((r) => r.getCell(1).value === seeded.tricky.cyrillic)!;
    expect(cyrillic.getCell(col('lastName')).value).toBe('Јовановић');
    expect(cyrillic.getCell(col('dateOfBirth')).value).toEqual(new Date('1970-02-03T00:00:00Z'));
  });

  it('lists the filters, the time and who exported on a second sheet', () => {
    const about = workbook.worksheets[1];
    expect(about.name).toBe('O izvozu');
    const lines = new Map<string, unknown>();
    about.eachRow((row) => lines.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(lines.has('Izvoz slučajeva')).toBe(true);
    expect(String(lines.get('Izvezeno'))).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(vreme na Kosovu\)$/);
    expect(String(lines.get('Izvezao/la'))).toContain(manager.user!.email);
    expect(lines.get('Anonimizovano')).toBe('Ne');
    expect(lines.get('Slučajeva')).toBe(facts.filter((f) => f.office === 'PRISTINA').length);
    expect(lines.get('Kancelarija')).toBe('Centar za resurse o nestalim licima (Priština)');
  });
});

describe('access and audit', () => {
  it('is for managers only: administrators, liaison officers and families get 403', async () => {
    const admin = await t.signedIn('ADMIN');
    const officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
    const { rows } = await t.pool.query<{ id: string }>(`SELECT id FROM "case" LIMIT 1`);
    const family = (await familyClient(t.pool, t.client(), rows[0].id, manager.user!.id)).client;
    for (const c of [admin, officer, family]) expect((await c.get('/api/v1/exports/cases')).status).toBe(403);
    expect((await t.client().get('/api/v1/exports/cases')).status).toBe(401);
  });

  it('records each export with its filters, columns and row count when it ends', async () => {
    const before = await t.pool.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM audit_entry');
    await download({ format: 'csv', communityCode: 'SERB', columns: 'caseNumber,lastName' });
    await download({ format: 'xlsx', anonymized: 'true' });
    // The entry is written when the response has ended.
    await new Promise((r) => setTimeout(r, 200));
    const { rows } = await t.pool.query<{ action: string; actor_id: string; details: any }>(
      'SELECT action, actor_id, details FROM audit_entry WHERE seq > $1 ORDER BY seq',
      [before.rows[0].seq],
    );
    expect(rows.map((r) => r.action)).toEqual(['export.cases', 'export.cases']);
    expect(rows[0].actor_id).toBe(manager.user!.id);
    expect(rows[0].details).toEqual({
      format: 'csv',
      filters: { communityCode: 'SERB' },
      columns: ['caseNumber', 'lastName'],
      anonymized: false,
      language: 'sq',
      rowCount: facts.filter((f) => f.community === 'SERB').length,
      completed: true,
    });
    expect(rows[1].details).toMatchObject({
      format: 'xlsx',
      anonymized: true,
      rowCount: facts.length,
      completed: true,
    });
  });
});
