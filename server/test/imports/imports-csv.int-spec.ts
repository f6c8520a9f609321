// Importing a UTF-8 list (with a byte order mark, comma-delimited, English headers) with
// deliberate errors and duplicates: the dry run row by row, the downloadable report, the commit
// (all or nothing), and re-importing the same file.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../cases/fixtures.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { allRows, csvText, dryRun, errorsOf, upload, uploadRaw, UTF8_BOM } from './import-fixtures.js';

let t: TestApp;
let manager: ApiClient;
let officer: ApiClient;
let existing: { id: string; caseNumber: string };
let byReference: { id: string; caseNumber: string };

const HEADER = [
  'First name',
  'Last name',
  "Father's name",
  'Sex',
  'Date of birth',
  'Community',
  'Missing since',
  'Municipality',
  'Place',
  'ICRC reference',
  'Notes',
];
// Row numbers as a spreadsheet shows them: the header is row 1.
const ROWS = [
  /* 2 */ [
    'Agim',
    'Berisha',
    'Ramadan',
    'M',
    '12.03.1970',
    'Shqiptar',
    '1999-04',
    'Prishtinë',
    'Road to Lupç, near the mill',
    'CSV-ICRC-1',
    '',
  ],
  /* 3 */ ['Blerim', 'Gashi', 'Sali', 'M', '1975', 'Albanian', '2099', 'Ferizaj', '', '', ''],
  /* 4 */ ['Drita', 'Hoxha', '', 'F', '1980', 'Albanian', '1999', 'Atlantis', '', '', ''],
  /* 5 */ ['Luan', 'Morina', 'Isa', 'Q', '1962', 'ALBANIAN', '1998-09-01', 'Gjakovë', '', '', ''],
  /* 6 */ ['Shpend', '', 'Hamit', 'M', '1969', '', '1999', 'Peja', '', '', ''],
  /* 7 */ ['Фатмире', 'Краснићи', 'Реџеп', 'Ž', '1970', 'Albanci', '1999', 'Uroševac', '', '', ''],
  /* 8 */ ['AGIM', 'Berisha', 'Ramadan', 'Mashkull', '1970', 'Albanian', '1999', 'Pristina', '', '', ''],
  /* 9 */ ['Valdete', 'Kelmendi', 'Ali', 'Femër', '1985', 'Albanian', '1999-05', 'Pejë', '', 'csv-exist-1', ''],
  /* 10 */ ['Nexhat', 'Shala', '', 'm', '25569', 'Albanian', 'maj 1999', 'Skenderaj', '', 'CSV-ICRC-2', '=1+1'],
  /* 11 */ ['Mirlinda', 'Rexhepi', '', 'f', '5/4/1968', 'Roma', '31.02.1999', 'Prizren', '', '', ''],
];

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  existing = await createCase(manager, {
    firstName: 'Fatmire',
    lastName: 'Krasniqi',
    fatherName: 'Rexhep',
    sex: 'FEMALE',
    dateOfBirth: '1970',
    lastSeenMunicipalityCode: 'FERIZAJ',
    officeCode: 'PRISTINA',
  });
  byReference = await createCase(manager, {
    firstName: 'Valdete',
    lastName: 'Kelmendi',
    officeCode: 'MITROVICA',
    externalReferences: [{ system: 'ICRC', reference: 'CSV-EXIST-1' }],
  });
});
afterAll(async () => t?.close());

const file = Buffer.concat([UTF8_BOM, Buffer.from(csvText([HEADER, ...ROWS]), 'utf8')]);
const countCases = async () => (await t.pool.query('SELECT count(*)::int AS n FROM "case"')).rows[0].n as number;

describe('a UTF-8 CSV with a BOM, comma-delimited, English headers', () => {
  let importId: string;
  let mapping: Record<string, string>;

  it('is read on upload: layout, columns, row count, a proposed mapping and the first rows', async () => {
    const body = await upload(manager, file, 'list 2001.csv');
    importId = body.id;
    expect(body).toMatchObject({
      fileName: 'list 2001.csv',
      fileFormat: 'csv',
      encoding: 'utf-8-bom',
      delimiter: ',',
      rowCount: 10,
      columns: HEADER,
      status: 'UPLOADED',
      sameFile: [],
      fileHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(body.proposedMapping).toEqual({
      'First name': 'firstName',
      'Last name': 'lastName',
      "Father's name": 'fatherName',
      Sex: 'sex',
      'Date of birth': 'dateOfBirth',
      Community: 'communityCode',
      'Missing since': 'missingSince',
      Municipality: 'lastSeenMunicipalityCode',
      Place: 'lastSeenPlace',
      'ICRC reference': 'icrcReference',
      Notes: 'circumstances',
    });
    expect(body.sampleRows[0]).toEqual(ROWS[0]);
    mapping = body.proposedMapping;
    const [audit] = (
      await t.pool.query(
        `SELECT actor_id, details FROM audit_entry WHERE action = 'import.upload' AND entity_id = $1`,
        [importId],
      )
    ).rows;
    expect(audit).toMatchObject({
      actor_id: manager.user!.id,
      details: { fileHash: body.fileHash, rowCount: 10, encoding: 'utf-8-bom' },
    });
  });

  it('dry run: every row validated like the form, errors naming the column, duplicates found', async () => {
    const body = await dryRun(manager, importId, { mapping, defaultOfficeCode: 'PRISTINA' });
    expect(body).toMatchObject({ total: 10, valid: 2, invalid: 5, duplicates: 2, existing: 1 });
    expect(body.rows).toHaveLength(10);

    const rows = await allRows(manager, importId);
    expect([...rows.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const status = (n: number) => rows.get(n).status;

    expect(status(2)).toBe('VALID');
    expect(rows.get(2)).toMatchObject({
      firstName: 'Agim',
      lastName: 'Berisha',
      errors: [],
      candidates: [],
      case: null,
    });
    expect(rows.get(2).values).toMatchObject({ Place: 'Road to Lupç, near the mill', 'Date of birth': '12.03.1970' });

    expect(status(3)).toBe('INVALID');
    expect(errorsOf(rows.get(3))).toEqual(['Missing since:date_future']);
    expect(rows.get(3).errors[0]).toMatchObject({
      field: 'missingSince',
      value: '2099',
      message: 'The date is in the future',
    });

    expect(errorsOf(rows.get(4))).toEqual(['Municipality:municipality_unknown']);
    expect(rows.get(4).errors[0].value).toBe('Atlantis');
    expect(errorsOf(rows.get(5))).toEqual(['Sex:sex_unknown']);
    expect(errorsOf(rows.get(6))).toEqual(['Last name:required']);
    expect(status(11)).toBe('INVALID');
    expect(errorsOf(rows.get(11))).toEqual(['Missing since:date_format']); // 31 February

    // Cyrillic spelling of an existing case, father and birth year agreeing.
    expect(status(7)).toBe('DUPLICATE');
    expect(rows.get(7).candidates[0]).toMatchObject({
      caseId: existing.id,
      caseNumber: existing.caseNumber,
      rowNumber: null,
      firstName: 'Fatmire',
      lastName: 'Krasniqi',
      reasons: expect.arrayContaining([
        'LAST_NAME_SAME',
        'FIRST_NAME_SAME',
        'FATHER_NAME_SAME',
        'BIRTH_YEAR_SAME',
        'MUNICIPALITY_SAME',
      ]),
    });
    expect(rows.get(7).candidates[0].score).toBeGreaterThanOrEqual(0.95);

    // The same person twice in the file: the later row points at the earlier one.
    expect(status(8)).toBe('DUPLICATE');
    expect(rows.get(8).candidates).toEqual([
      expect.objectContaining({
        caseId: null,
        caseNumber: null,
        rowNumber: 2,
        firstName: 'Agim',
        lastName: 'Berisha',
        score: 1,
      }),
    ]);

    // An ICRC reference already on a case (letter case aside): that case, not a new one.
    expect(status(9)).toBe('EXISTING');
    expect(rows.get(9).case).toEqual({ id: byReference.id, caseNumber: byReference.caseNumber });

    expect(status(10)).toBe('VALID'); // Excel serial date, month name

    const invalidOnly = await manager.get(`/api/v1/imports/${importId}/rows`, { query: { filter: 'invalid' } });
    expect(invalidOnly.body.items.map((r: any) => r.rowNumber)).toEqual([3, 4, 5, 6, 11]);
    expect(invalidOnly.body.total).toBe(5);
    const duplicatesOnly = await manager.get(`/api/v1/imports/${importId}/rows`, { query: { filter: 'duplicates' } });
    expect(duplicatesOnly.body.items.map((r: any) => r.rowNumber)).toEqual([7, 8]);

    const [audit] = (
      await t.pool.query(`SELECT details FROM audit_entry WHERE action = 'import.dry_run' AND entity_id = $1`, [
        importId,
      ])
    ).rows;
    expect(audit.details).toMatchObject({ total: 10, invalid: 5, duplicates: 2, existing: 1, mapping });
  });

  it('the counts say five invalid rows', async () => {
    const res = await manager.get(`/api/v1/imports/${importId}`);
    expect(res.body).toMatchObject({
      status: 'DRY_RUN',
      counts: { total: 10, valid: 2, invalid: 5, duplicates: 2, existing: 1 },
    });
    expect(res.body.usedMapping).toEqual({ mapping, defaultOfficeCode: 'PRISTINA' });
  });

  it('downloads the report as CSV: row, status, errors with column names, candidates with case numbers and scores', async () => {
    const res = await manager.get(`/api/v1/imports/${importId}/report`, { query: { format: 'csv', lang: 'en' } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(String(res.headers['content-disposition'])).toContain('list 2001-report.csv');
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const records = parse(res.text, { bom: true }) as string[][];
    expect(records[0].slice(0, 7)).toEqual([
      'Row',
      'Status',
      'First name',
      'Last name',
      'Errors',
      'Possible duplicates',
      'Case',
    ]);
    const byRow = new Map(records.slice(1).map((r) => [r[0], r]));
    expect(byRow.size).toBe(10);
    expect(byRow.get('3')!.slice(1, 5)).toEqual([
      'Invalid',
      'Blerim',
      'Gashi',
      'Missing since: The date "2099" is in the future',
    ]);
    expect(byRow.get('4')![4]).toBe('Municipality: Unknown municipality "Atlantis"');
    expect(byRow.get('6')![4]).toBe('Last name: Missing');
    expect(byRow.get('7')![1]).toBe('Possible duplicate');
    expect(byRow.get('7')![5]).toMatch(
      new RegExp(`^${existing.caseNumber} Fatmire Krasniqi \\(score (0\\.9\\d|1\\.00)\\)`),
    );
    expect(byRow.get('8')![5]).toBe('row 2 Agim Berisha (score 1.00)');
    expect(byRow.get('9')!.slice(1, 2).concat(byRow.get('9')![6])).toEqual([
      'Already recorded',
      byReference.caseNumber,
    ]);
    // The mapped cells follow, formula-like text neutralised.
    const notes = records[0].indexOf('Notes');
    expect(byRow.get('10')![notes]).toBe("'=1+1");
  });

  it('downloads the report as XLSX, in Albanian', async () => {
    const raw = await t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'GET',
        url: `/api/v1/imports/${importId}/report?format=xlsx&lang=sq`,
        headers: { cookie: manager.cookie! },
      });
    expect(raw.statusCode).toBe(200);
    expect(raw.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(raw.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).values).toEqual(
      expect.arrayContaining(['Rreshti', 'Gjendja', 'Gabimet', 'Dublikatë të mundshme']),
    );
    const row5 = sheet.getRow(5).values as unknown[];
    expect(row5[1]).toBe(5);
    expect(row5[2]).toBe('Me gabime');
    expect(row5[5]).toBe('Sex: Gjini e panjohur "Q" (M/F, Mashkull/Femër)');
  });

  it('refuses to commit while invalid or duplicate rows are neither excluded nor accepted (409 naming them)', async () => {
    const res = await manager.post(`/api/v1/imports/${importId}/commit`, { mapping, defaultOfficeCode: 'PRISTINA' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('rows with errors: 3, 4, 5, 6, 11');
    expect(res.body.message).toContain('possible duplicates: 7, 8');
    expect(res.body.errors.map((e: any) => e.field)).toEqual([
      'rows.3',
      'rows.4',
      'rows.5',
      'rows.6',
      'rows.11',
      'rows.7',
      'rows.8',
    ]);

    const partly = await manager.post(`/api/v1/imports/${importId}/commit`, {
      mapping,
      defaultOfficeCode: 'PRISTINA',
      excludeRows: [3, 4, 5, 6, 11, 7],
    });
    expect(partly.status).toBe(409);
    expect(partly.body.errors.map((e: any) => e.field)).toEqual(['rows.8']);
  });

  it('refuses a commit with another mapping than the dry run, and row numbers that are not in the file', async () => {
    const other = await manager.post(`/api/v1/imports/${importId}/commit`, { mapping, defaultOfficeCode: 'MITROVICA' });
    expect(other.status).toBe(409);
    const { Notes: _notes, ...fewer } = mapping;
    expect(
      (await manager.post(`/api/v1/imports/${importId}/commit`, { mapping: fewer, defaultOfficeCode: 'PRISTINA' }))
        .status,
    ).toBe(409);
    const unknownRows = await manager.post(`/api/v1/imports/${importId}/commit`, {
      mapping,
      defaultOfficeCode: 'PRISTINA',
      excludeRows: [3, 4, 5, 6, 11, 7, 8, 99],
    });
    expect(unknownRows.status).toBe(400);
    expect(unknownRows.body.errors[0]).toMatchObject({ field: 'excludeRows', message: 'No such rows: 99' });
    const notDuplicate = await manager.post(`/api/v1/imports/${importId}/commit`, {
      mapping,
      defaultOfficeCode: 'PRISTINA',
      excludeRows: [3, 4, 5, 6, 11, 7],
      includeDuplicates: [8, 2],
    });
    expect(notDuplicate.status).toBe(400);
  });

  it('commits the accepted rows in one go: cases with the import id, references, CREATED events, one audit entry', async () => {
    const before = await countCases();
    const res = await manager.post(`/api/v1/imports/${importId}/commit`, {
      mapping,
      defaultOfficeCode: 'PRISTINA',
      excludeRows: [3, 4, 5, 6, 11, 7],
      includeDuplicates: [8], // the manager checked: another Agim Berisha
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ id: importId, created: 3, skipped: 7, existing: 1, excluded: 6 });
    expect(await countCases()).toBe(before + 3);

    const { rows: cases } = await t.pool.query(
      `SELECT c.case_number, c.first_name, c.last_name, c.father_name, c.sex::text, c.date_of_birth, c.birth_year, c.missing_since,
              c.missing_since_from::text AS from, c.last_place, c.search_text, c.circumstances, c.assigned_officer_id, c.created_by_id,
              o.code AS office, m.code AS municipality, cm.code AS community,
              (SELECT array_agg(system || ':' || reference) FROM external_reference x WHERE x.case_id = c.id) AS refs,
              (SELECT array_agg(type::text) FROM case_event e WHERE e.case_id = c.id) AS events
         FROM (SELECT *, last_seen_place AS last_place FROM "case" WHERE import_id = $1) c
         JOIN office o ON o.id = c.office_id
         LEFT JOIN municipality m ON m.id = c.last_seen_municipality_id
         LEFT JOIN community cm ON cm.id = c.community_id
        ORDER BY c.case_number`,
      [importId],
    );
    expect(cases).toHaveLength(3);
    for (const c of cases) expect(c.case_number).toMatch(/^MP-\d{6}$/);
    expect(cases[0]).toMatchObject({
      first_name: 'Agim',
      last_name: 'Berisha',
      father_name: 'Ramadan',
      sex: 'MALE',
      date_of_birth: '1970-03-12',
      birth_year: 1970,
      missing_since: '1999-04',
      from: '1999-04-01',
      last_place: 'Road to Lupç, near the mill',
      search_text: 'agim berisa ramadan',
      office: 'PRISTINA',
      municipality: 'PRISHTINE',
      community: 'ALBANIAN',
      refs: ['ICRC:CSV-ICRC-1'],
      events: ['CREATED'],
      assigned_officer_id: null,
      created_by_id: manager.user!.id,
    });
    expect(cases[1]).toMatchObject({ first_name: 'AGIM', sex: 'MALE', municipality: 'PRISHTINE', refs: null });
    expect(cases[2]).toMatchObject({
      first_name: 'Nexhat',
      date_of_birth: '1970-01-01',
      missing_since: '1999-05',
      municipality: 'SKENDERAJ',
      circumstances: '=1+1',
      refs: ['ICRC:CSV-ICRC-2'],
    });

    const rows = await allRows(manager, importId);
    expect(rows.get(2)).toMatchObject({ status: 'CREATED', case: { caseNumber: cases[0].case_number } });
    expect(rows.get(9).status).toBe('EXISTING');
    expect(rows.get(3).status).toBe('INVALID');

    const audits = (
      await t.pool.query(
        `SELECT actor_id, details FROM audit_entry WHERE action = 'import.commit' AND entity_id = $1`,
        [importId],
      )
    ).rows;
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actor_id: manager.user!.id,
      details: {
        fileHash: expect.any(String),
        mapping,
        created: 3,
        skipped: 7,
        existing: 1,
        excluded: 6,
        duplicatesAccepted: 1,
      },
    });
    expect((await manager.get(`/api/v1/imports/${importId}`)).body).toMatchObject({
      status: 'COMMITTED',
      counts: { created: 3, skipped: 7 },
      committedAt: expect.any(String),
    });
    // The new cases are in the case list like any other.
    const list = await manager.get('/api/v1/cases', { query: { q: 'Nexhat Shala' } });
    expect(list.body.items[0]).toMatchObject({ firstName: 'Nexhat', lastName: 'Shala', officeCode: 'PRISTINA' });
  });

  it('refuses a second commit and a new dry run of a committed import', async () => {
    const again = await manager.post(`/api/v1/imports/${importId}/commit`, {
      mapping,
      defaultOfficeCode: 'PRISTINA',
      excludeRows: [3, 4, 5, 6, 11, 7],
      includeDuplicates: [8],
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already committed/);
    expect(
      (await manager.post(`/api/v1/imports/${importId}/dry-run`, { mapping, defaultOfficeCode: 'PRISTINA' })).status,
    ).toBe(409);
  });

  it('re-importing the same file creates nothing new: rows with references are EXISTING, the others duplicates', async () => {
    const again = await upload(manager, file, 'list 2001 (again).csv');
    expect(again.sameFile).toEqual([expect.objectContaining({ id: importId, status: 'COMMITTED' })]);
    const body = await dryRun(manager, again.id, { mapping, defaultOfficeCode: 'PRISTINA' });
    expect(body).toMatchObject({ total: 10, invalid: 5, existing: 3, valid: 0 });
    const rows = await allRows(manager, again.id);
    expect(rows.get(2).status).toBe('EXISTING');
    expect(rows.get(10).status).toBe('EXISTING');
    expect(rows.get(9).status).toBe('EXISTING');
    // The second Agim Berisha has no reference: proposed as a duplicate of what the first import created.
    expect(rows.get(8).status).toBe('DUPLICATE');
    expect(rows.get(8).candidates.map((c: any) => c.firstName.toLowerCase())).toContain('agim');
    expect(rows.get(7).status).toBe('DUPLICATE');

    const before = await countCases();
    const res = await manager.post(`/api/v1/imports/${again.id}/commit`, {
      mapping,
      defaultOfficeCode: 'PRISTINA',
      excludeRows: [3, 4, 5, 6, 11, 7, 8],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ created: 0, skipped: 10, existing: 3 });
    expect(await countCases()).toBe(before);
  });
});

describe('all or nothing', () => {
  it('stores no case, reference, event or audit entry when a row fails in the middle of the commit', async () => {
    const rows = [
      ['Ime', 'Prezime', 'ICMP'],
      ['Arben', 'Rama', 'AON-1'],
      ['Petar', 'Failhere', 'AON-2'],
      ['Jovan', 'Ilić', 'AON-3'],
    ];
    const body = await upload(manager, Buffer.from(csvText(rows)), 'all-or-nothing.csv');
    expect(body.proposedMapping).toEqual({ Ime: 'firstName', Prezime: 'lastName', ICMP: 'icmpReference' });
    const mapping = body.proposedMapping;
    const dry = await dryRun(manager, body.id, { mapping, defaultOfficeCode: 'MITROVICA' });
    expect(dry).toMatchObject({ total: 3, valid: 3 });

    // A database rule the second row breaks, hit after the first row's case was written.
    await t.pool.query(`
      CREATE FUNCTION test_refuse_failhere() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.last_name = 'Failhere' THEN RAISE EXCEPTION 'test: refused %', NEW.last_name; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_refuse_failhere BEFORE INSERT ON "case" FOR EACH ROW EXECUTE FUNCTION test_refuse_failhere();`);
    const casesBefore = await countCases();
    const sequenceBefore = (await t.pool.query(`SELECT last_value FROM case_number_seq`)).rows[0].last_value;
    try {
      const res = await manager.post(`/api/v1/imports/${body.id}/commit`, { mapping, defaultOfficeCode: 'MITROVICA' });
      expect(res.status).toBe(500);
      expect(res.body.code).toBe('INTERNAL');
    } finally {
      await t.pool.query(`DROP TRIGGER test_refuse_failhere ON "case"; DROP FUNCTION test_refuse_failhere();`);
    }
    expect(await countCases()).toBe(casesBefore);
    expect(
      (await t.pool.query(`SELECT count(*)::int AS n FROM "case" WHERE import_id = $1`, [body.id])).rows[0].n,
    ).toBe(0);
    expect(
      (await t.pool.query(`SELECT count(*)::int AS n FROM external_reference WHERE reference LIKE 'AON-%'`)).rows[0].n,
    ).toBe(0);
    expect(
      (await t.pool.query(`SELECT count(*)::int AS n FROM case_event WHERE data->>'importId' = $1`, [body.id])).rows[0]
        .n,
    ).toBe(0);
    expect(
      (
        await t.pool.query(
          `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'import.commit' AND entity_id = $1`,
          [body.id],
        )
      ).rows[0].n,
    ).toBe(0);
    const rowsAfter = await allRows(manager, body.id);
    expect([...rowsAfter.values()].map((r) => r.status)).toEqual(['VALID', 'VALID', 'VALID']);
    expect((await manager.get(`/api/v1/imports/${body.id}`)).body.status).toBe('FAILED');
    void sequenceBefore;

    // A failed commit needs a new dry run; then it goes through.
    const retry = await manager.post(`/api/v1/imports/${body.id}/commit`, { mapping, defaultOfficeCode: 'MITROVICA' });
    expect(retry.status).toBe(409);
    await dryRun(manager, body.id, { mapping, defaultOfficeCode: 'MITROVICA' });
    const ok = await manager.post(`/api/v1/imports/${body.id}/commit`, { mapping, defaultOfficeCode: 'MITROVICA' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.created).toBe(3);
    expect(await countCases()).toBe(casesBefore + 3);
  });
});

describe('access and input checks', () => {
  it('is for managers: a liaison officer gets 403 on every import route', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const mapping = { Ime: 'firstName', Prezime: 'lastName' };
    const results = await Promise.all([
      uploadRaw(officer, Buffer.from('Ime,Prezime\r\nA,B\r\n'), 'x.csv'),
      officer.get('/api/v1/imports'),
      officer.get(`/api/v1/imports/${id}`),
      officer.post(`/api/v1/imports/${id}/dry-run`, { mapping }),
      officer.get(`/api/v1/imports/${id}/rows`),
      officer.post(`/api/v1/imports/${id}/commit`, { mapping }),
      officer.get(`/api/v1/imports/${id}/report`),
      officer.get('/api/v1/imports/mappings'),
      officer.post('/api/v1/imports/mappings', { name: 'x', mapping }),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill(403));
  });

  it('refuses a mapping without last name, a column the file lacks, a field mapped twice, an unknown office', async () => {
    const body = await upload(
      manager,
      Buffer.from(
        csvText([
          ['Emri', 'Mbiemri', 'Emri i babait'],
          ['A', 'B', 'C'],
        ]),
      ),
      'checks.csv',
    );
    expect(body.proposedMapping).toEqual({ Emri: 'firstName', Mbiemri: 'lastName', 'Emri i babait': 'fatherName' });
    const noLast = await manager.post(`/api/v1/imports/${body.id}/dry-run`, { mapping: { Emri: 'firstName' } });
    expect(noLast.status).toBe(400);
    const noColumn = await manager.post(`/api/v1/imports/${body.id}/dry-run`, {
      mapping: { Emri: 'firstName', Mbiemri: 'lastName', Atesia: 'fatherName' },
    });
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.errors[0]).toMatchObject({ field: 'mapping.Atesia', code: 'unknown_column' });
    const twice = await manager.post(`/api/v1/imports/${body.id}/dry-run`, {
      mapping: { Emri: 'firstName', Mbiemri: 'lastName', 'Emri i babait': 'lastName' },
    });
    expect(twice.status).toBe(400);
    const office = await manager.post(`/api/v1/imports/${body.id}/dry-run`, {
      mapping: { Emri: 'firstName', Mbiemri: 'lastName' },
      defaultOfficeCode: 'NOWHERE',
    });
    expect(office.status).toBe(400);
    expect(office.body.errors[0].field).toBe('defaultOfficeCode');

    // Without any office every row says so.
    const noOffice = await dryRun(manager, body.id, { mapping: { Emri: 'firstName', Mbiemri: 'lastName' } });
    expect(noOffice.rows[0].errors).toEqual([
      expect.objectContaining({ column: null, field: 'officeCode', code: 'office_required' }),
    ]);
  });

  it('refuses what is not a list: no file part, an empty file, an old .xls, JSON instead of multipart', async () => {
    expect((await manager.post('/api/v1/imports', {})).status).toBe(415);
    expect((await uploadRaw(manager, Buffer.alloc(0), 'empty.csv')).status).toBe(400);
    expect((await uploadRaw(manager, Buffer.from('Emri,Mbiemri\r\n'), 'header-only.csv')).status).toBe(400);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]);
    const res = await uploadRaw(manager, xls, 'old.xls');
    expect(res.status).toBe(415);
    expect(res.body.message).toMatch(/xlsx/i);
  });

  it('saves, lists, replaces and deletes named mappings (audited)', async () => {
    const mapping = { Emri: 'firstName', Mbiemri: 'lastName', Komuna: 'lastSeenMunicipalityCode' };
    const saved = await manager.post('/api/v1/imports/mappings', {
      name: 'ICRC list 2003',
      mapping,
      defaultOfficeCode: 'PRISTINA',
    });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.body).toMatchObject({ name: 'ICRC list 2003', mapping, defaultOfficeCode: 'PRISTINA' });
    const replaced = await manager.post('/api/v1/imports/mappings', {
      name: 'ICRC list 2003',
      mapping: { Emri: 'firstName', Mbiemri: 'lastName' },
    });
    expect(replaced.status).toBe(201);
    expect(replaced.body.id).toBe(saved.body.id);
    const list = await manager.get('/api/v1/imports/mappings');
    expect(list.body).toEqual([
      expect.objectContaining({
        name: 'ICRC list 2003',
        mapping: { Emri: 'firstName', Mbiemri: 'lastName' },
        defaultOfficeCode: null,
      }),
    ]);
    expect((await manager.delete(`/api/v1/imports/mappings/${saved.body.id}`)).status).toBe(204);
    expect((await manager.get('/api/v1/imports/mappings')).body).toEqual([]);
    expect((await manager.delete(`/api/v1/imports/mappings/${saved.body.id}`)).status).toBe(404);
    const actions = (
      await t.pool.query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY seq`, [saved.body.id])
    ).rows;
    expect(actions.map((a) => a.action)).toEqual([
      'import.mapping.save',
      'import.mapping.save',
      'import.mapping.delete',
    ]);
  });
});
