// Lists as they arrive: Serbian Latin in Windows-1250 with semicolons, Albanian in Windows-1252
// with tabs, an XLSX with a Cyrillic header row and real date cells. Each is read with the right
// encoding and delimiter, mapped from its own headers, checked row by row and committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../cases/fixtures.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { similarity } from '../../src/imports/trigram.js';
import { allRows, csvText, dryRun, encodeLegacy, errorsOf, upload, xlsxFile } from './import-fixtures.js';

let t: TestApp;
let manager: ApiClient;
let petrovic: { id: string; caseNumber: string };
let ceku: { id: string; caseNumber: string };

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
  petrovic = await createCase(manager, {
    firstName: 'Đorđe',
    lastName: 'Petrović',
    fatherName: 'Miloš',
    sex: 'MALE',
    dateOfBirth: '1965',
    communityCode: 'SERB',
    lastSeenMunicipalityCode: 'SHTERPCE',
    officeCode: 'MITROVICA',
  });
  ceku = await createCase(manager, {
    firstName: 'Besa',
    lastName: 'Ceku',
    fatherName: 'Rrahim',
    sex: 'FEMALE',
    dateOfBirth: '1972-03',
    lastSeenMunicipalityCode: 'GJAKOVE',
    officeCode: 'PRISTINA',
  });
});
afterAll(async () => t?.close());

const casesOf = async (importId: string) =>
  (
    await t.pool.query(
      `SELECT c.first_name, c.last_name, c.father_name, c.sex::text AS sex, c.date_of_birth, c.missing_since,
              m.code AS municipality, cm.code AS community, o.code AS office, c.last_seen_place,
              (SELECT array_agg(system || ':' || reference ORDER BY reference) FROM external_reference x WHERE x.case_id = c.id) AS refs
         FROM "case" c JOIN office o ON o.id = c.office_id
         LEFT JOIN municipality m ON m.id = c.last_seen_municipality_id
         LEFT JOIN community cm ON cm.id = c.community_id
        WHERE c.import_id = $1 ORDER BY c.case_number`,
      [importId],
    )
  ).rows;

describe('Windows-1250, semicolons, Serbian Latin headers and letters', () => {
  const header = [
    'Ime',
    'Prezime',
    'Ime oca',
    'Pol',
    'Datum rođenja',
    'Zajednica',
    'Datum nestanka',
    'Opština',
    'Mesto',
    'GCMP',
    'Kancelarija',
  ];
  const rows = [
    /* 2 */ [
      'Živko',
      'Đurić',
      'Čedomir',
      'Muški',
      '1961.',
      'Srbi',
      'juni 1999',
      'Štrpce',
      'Sevce; kod škole',
      'G-1250-1',
      'Mitrovica',
    ],
    /* 3 */ [
      'Dragica',
      'Živković',
      'Ljubiša',
      'Ženski',
      '03.07.1972',
      'Srpkinja',
      '12.12.2099.',
      'Gračanica',
      '',
      'G-1250-2',
      '',
    ],
    /* 4 */ ['Slaviša', 'Ćirić', 'Dušan', 'Ž', '1970', 'Srbi', '1999-06-15', 'Zvečan', 'Žerovnica', '', 'Peć'],
    /* 5 */ ['Šćepan', 'Nešić', '', 'M', '1958', 'Crnogorci', '1998', 'Leposavić', '', 'g-1250-1', ''],
  ];
  let body: any;

  it('is read as Windows-1250 with ";" and mapped from the Serbian headers', async () => {
    const file = encodeLegacy(csvText([header, ...rows], ';'), 'windows-1250');
    expect(file.includes(0xe8) && file.includes(0x8e)).toBe(true); // č and Ž as single bytes, not UTF-8
    body = await upload(manager, file, 'spisak-1999.csv');
    expect(body).toMatchObject({ encoding: 'windows-1250', delimiter: ';', rowCount: 4, columns: header });
    expect(body.proposedMapping).toEqual({
      Ime: 'firstName',
      Prezime: 'lastName',
      'Ime oca': 'fatherName',
      Pol: 'sex',
      'Datum rođenja': 'dateOfBirth',
      Zajednica: 'communityCode',
      'Datum nestanka': 'missingSince',
      Opština: 'lastSeenMunicipalityCode',
      Mesto: 'lastSeenPlace',
      GCMP: 'gcmpReference',
      Kancelarija: 'officeCode',
    });
    expect(body.sampleRows[0].slice(0, 3)).toEqual(['Živko', 'Đurić', 'Čedomir']);
  });

  it('checks each row: a date in the future, an office that is not one of ours, a reference twice in the file', async () => {
    const result = await dryRun(manager, body.id, { mapping: body.proposedMapping, defaultOfficeCode: 'MITROVICA' });
    expect(result).toMatchObject({ total: 4, valid: 1, invalid: 3 });
    const byRow = await allRows(manager, body.id);
    expect(byRow.get(2)).toMatchObject({ status: 'VALID', firstName: 'Živko', lastName: 'Đurić' });
    expect(errorsOf(byRow.get(3))).toEqual(['Datum nestanka:date_future']);
    expect(errorsOf(byRow.get(4))).toEqual(['Kancelarija:office_unknown']);
    expect(byRow.get(4).errors[0].value).toBe('Peć');
    expect(errorsOf(byRow.get(5))).toEqual(['GCMP:reference_in_file']);
    expect(byRow.get(5).errors[0]).toMatchObject({ value: 'g-1250-1', params: { row: 2 } });
  });

  it('commits with every invalid row left out: names stored with their letters, the office from the column', async () => {
    const res = await manager.post(`/api/v1/imports/${body.id}/commit`, {
      mapping: body.proposedMapping,
      defaultOfficeCode: 'MITROVICA',
      excludeInvalid: true,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ created: 1, skipped: 3, excluded: 3 });
    expect(await casesOf(body.id)).toEqual([
      {
        first_name: 'Živko',
        last_name: 'Đurić',
        father_name: 'Čedomir',
        sex: 'MALE',
        date_of_birth: '1961',
        missing_since: '1999-06',
        municipality: 'SHTERPCE',
        community: 'SERB',
        office: 'MITROVICA',
        last_seen_place: 'Sevce; kod škole',
        refs: ['GCMP:G-1250-1'],
      },
    ]);
  });
});

describe('Windows-1252, tabs, Albanian headers and letters', () => {
  const header = [
    'Emri',
    'Mbiemri',
    'Atësia',
    'Gjinia',
    'Datëlindja',
    'Komuniteti',
    'Data e zhdukjes',
    'Komuna',
    'Vendi',
    'KQPZ',
  ];
  const rows = [
    /* 2 */ [
      'Gëzim',
      'Krasniqi',
      'Ramë',
      'Mashkull',
      '1968',
      'Shqiptarë',
      'prill 1999',
      'Gjakovë',
      'Rruga për Çabrat',
      'K-1252-1',
    ],
    /* 3 */ ['Besë', 'Çeku', 'Rrahim', 'Femër', '3.1972', 'Shqiptare', '1999', 'Gjakova', 'Meja', ''],
    /* 4 */ ['Shpëtim', 'Hoxha', 'Qazim', 'Mashkull', '1975', 'Ashkali', '1999', 'Kamenicë', '', ''],
    /* 5 */ ['Ilir', 'Zeka', 'Xhemë', 'Mashkull', '1980', 'Egjiptian', '1999-13', 'Deçan', '', ''],
    /* 6 */ ['Gezim', 'KRASNIQI', 'Rame', 'M', '1968', 'Albanian', '1999', 'Gjakove', '', ''],
  ];
  let body: any;

  it('is read as Windows-1252 with tabs; "Atësia" is the father\'s name, "KQPZ" the government commission', async () => {
    body = await upload(manager, encodeLegacy(csvText([header, ...rows], '\t'), 'windows-1252'), 'lista.txt');
    expect(body).toMatchObject({ encoding: 'windows-1252', delimiter: '\t', rowCount: 5 });
    expect(body.proposedMapping).toMatchObject({
      Atësia: 'fatherName',
      KQPZ: 'gcmpReference',
      Datëlindja: 'dateOfBirth',
    });
    expect(body.sampleRows[1].slice(0, 2)).toEqual(['Besë', 'Çeku']);
  });

  it('finds the existing case written without ç, an earlier row in another spelling, and a month 13', async () => {
    const result = await dryRun(manager, body.id, { mapping: body.proposedMapping, defaultOfficeCode: 'PRISTINA' });
    expect(result).toMatchObject({ total: 5, valid: 2, invalid: 1, duplicates: 2 });
    const byRow = await allRows(manager, body.id);
    expect(byRow.get(2).status).toBe('VALID');
    expect(byRow.get(3).status).toBe('DUPLICATE');
    expect(byRow.get(3).candidates[0]).toMatchObject({
      caseId: ceku.id,
      caseNumber: ceku.caseNumber,
      reasons: expect.arrayContaining(['LAST_NAME_SAME', 'FATHER_NAME_SAME', 'BIRTH_YEAR_SAME', 'MUNICIPALITY_SAME']),
    });
    expect(byRow.get(4).status).toBe('VALID');
    expect(errorsOf(byRow.get(5))).toEqual(['Data e zhdukjes:date_format']);
    expect(byRow.get(6).status).toBe('DUPLICATE');
    expect(byRow.get(6).candidates).toEqual([
      expect.objectContaining({ rowNumber: 2, firstName: 'Gëzim', lastName: 'Krasniqi', score: 1, caseId: null }),
    ]);
  });
});

describe('XLSX with a Cyrillic header row and date cells', () => {
  const header = [
    'Име',
    'Презиме',
    'Име оца',
    'Пол',
    'Датум рођења',
    'Заједница',
    'Датум нестанка',
    'Општина',
    'Место',
    'ICMP',
  ];
  let body: any;

  it('is read from the first sheet; dates come from date cells, serial numbers and years', async () => {
    const file = await xlsxFile([
      header,
      /* 2 */ [
        'Ђорђе',
        'Петровић',
        'Милош',
        'М',
        new Date(Date.UTC(1965, 4, 12)),
        'Срби',
        36_281,
        'Штрпце',
        'Севце',
        'X-1',
      ],
      /* 3 */ ['Драган', 'Јовановић', 'Стојан', 'Мушки', 1970, 'Срби', 1999, 'Звечан', '', 'X-2'],
      /* 4 */ ['Dragan', 'Jovanović', 'Stojan', 'M', 1970, 'Srbi', 1999, 'Zvečan', '', ''],
      /* 5 */ ['Милена', 'Ристић', '', 'Q', 1980, 'Срби', 1999, 'Београд', '', ''],
      /* 6 */ [null, null, null, null, null, null, null, null, null, null],
      /* 7 */ ['Стана', '', '', 'Женски', new Date(Date.UTC(2099, 0, 1)), '', 1999, '', '', ''],
    ]);
    body = await upload(manager, file, 'списак.xlsx');
    expect(body).toMatchObject({
      fileFormat: 'xlsx',
      encoding: null,
      delimiter: null,
      sheetName: 'Lista',
      rowCount: 5,
      columns: header,
    });
    expect(body.proposedMapping).toEqual({
      Име: 'firstName',
      Презиме: 'lastName',
      'Име оца': 'fatherName',
      Пол: 'sex',
      'Датум рођења': 'dateOfBirth',
      Заједница: 'communityCode',
      'Датум нестанка': 'missingSince',
      Општина: 'lastSeenMunicipalityCode',
      Место: 'lastSeenPlace',
      ICMP: 'icmpReference',
    });
    expect(body.sampleRows[0].slice(4, 7)).toEqual(['1965-05-12', 'Срби', '36281']);
  });

  it('reports each row: the Cyrillic duplicate of an existing case, a row repeated in Latin, errors by column', async () => {
    const result = await dryRun(manager, body.id, { mapping: body.proposedMapping, defaultOfficeCode: 'MITROVICA' });
    expect(result).toMatchObject({ total: 5, valid: 1, invalid: 2, duplicates: 2 });
    const byRow = await allRows(manager, body.id);
    expect([...byRow.keys()]).toEqual([2, 3, 4, 5, 7]); // the empty row 6 is left out, numbering kept
    expect(byRow.get(2).status).toBe('DUPLICATE');
    const candidate = byRow.get(2).candidates[0];
    expect(candidate).toMatchObject({ caseId: petrovic.id, caseNumber: petrovic.caseNumber, firstName: 'Đorđe' });
    expect(candidate.score).toBe(1);
    expect(byRow.get(3).status).toBe('VALID');
    expect(byRow.get(4).candidates).toEqual([expect.objectContaining({ rowNumber: 3, firstName: 'Драган', score: 1 })]);
    expect(errorsOf(byRow.get(5)).sort()).toEqual(['Општина:municipality_unknown', 'Пол:sex_unknown']);
    // The form's rules, cross-field check included: missing since 1999 is before a birth in 2099.
    expect(errorsOf(byRow.get(7)).sort()).toEqual([
      'Датум нестанка:before_birth',
      'Датум рођења:date_future',
      'Презиме:required',
    ]);

    // The same score as the case form's duplicate check gives for that person.
    const check = await manager.get('/api/v1/cases/duplicates', {
      query: {
        firstName: 'Ђорђе',
        lastName: 'Петровић',
        fatherName: 'Милош',
        birthYear: 1965,
        municipalityCode: 'SHTERPCE',
      },
    });
    expect(check.status).toBe(200);
    const same = check.body.find((c: any) => c.caseId === petrovic.id);
    expect(same).toMatchObject({ score: candidate.score, reasons: candidate.reasons });
  });

  it('commits the Cyrillic names as written, dates converted', async () => {
    const res = await manager.post(`/api/v1/imports/${body.id}/commit`, {
      mapping: body.proposedMapping,
      defaultOfficeCode: 'MITROVICA',
      excludeInvalid: true,
      duplicates: 'exclude',
      includeDuplicates: [4],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ created: 2, excluded: 3 });
    const cases = await casesOf(body.id);
    expect(cases).toEqual([
      expect.objectContaining({
        first_name: 'Драган',
        last_name: 'Јовановић',
        municipality: 'ZVECAN',
        refs: ['ICMP:X-2'],
      }),
      expect.objectContaining({
        first_name: 'Dragan',
        last_name: 'Jovanović',
        date_of_birth: '1970',
        missing_since: '1999',
      }),
    ]);
  });
});

it("compares fathers' names within a file as PostgreSQL's pg_trgm does", async () => {
  const pairs = [
    ['word', 'two words'],
    ['redzep', 'redzep'],
    ['ramadan', 'ramadani'],
    ['dzemajl', 'dzemal'],
    ['milos', 'milovan'],
    ['a b', 'b a c'],
  ];
  const { rows } = await t.pool.query<{ s: number }>(
    `SELECT similarity(a, b)::float8 AS s FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS p(a, b, i) ORDER BY i`,
    [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
  );
  expect(pairs.map(([a, b]) => Math.round(similarity(a, b) * 1e6) / 1e6)).toEqual(
    rows.map((r) => Math.round(r.s * 1e6) / 1e6),
  );
});
