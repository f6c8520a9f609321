// The CSV export is written by PostgreSQL (COPY ... FORMAT csv, labels and neutralising in SQL).
// This test holds it to the JavaScript encoder it replaced: for the same cases, every column, each
// language, anonymized or not, with filters (a search text with a quote and a backslash, which
// COPY gets as a literal), the bytes must be exactly what csvRecord writes from the cursor's rows.
import { ANONYMIZED_EXPORT_COLUMNS, EXPORT_COLUMNS, type ExportColumn, type UiLanguage } from '@mprc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilterInput } from '../../src/cases/case-filters.js';
import { caseScope } from '../../src/cases/case-scope.js';
import { CaseExportRepository, type ExportRow } from '../../src/exports/case-export.repository.js';
import { CSV_BOM, csvRecord } from '../../src/exports/csv-export.js';
import { prepareColumns } from '../../src/exports/export-columns.js';
import { reportLabels } from '../../src/reports/report-labels.js';
import { ReportsRepository } from '../../src/reports/reports.repository.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { seedReportData } from './report-fixtures.js';

let t: TestApp;
let manager: ApiClient;
let officer: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
  const a = await t.createUser('LIAISON_OFFICER', 'PRISTINA', { name: '=Officer "Arta", Pristina' });
  const b = await t.createUser('LIAISON_OFFICER', 'MITROVICA', { name: 'Службеник Бојан' });
  officer = a;
  await seedReportData(t.pool, a.id, b.id);
  // Text COPY would write differently from the encoder unless the SQL takes care: empty strings,
  // a backslash, a lone quote, text that is only a line break, and "\." (COPY's end-of-data mark).
  await t.pool.query(
    `UPDATE "case" SET first_name = '', father_name = 'Back\\slash', place_of_birth = '"',
            last_seen_place = E'\\n', other_names = ARRAY['\\.', '-minus']
      WHERE case_number = (SELECT min(case_number) FROM "case" WHERE merged_into_id IS NULL)`,
  );
  await t.pool.query(
    `UPDATE "case" SET place_of_birth = '\\.', last_seen_place = '\\.'
      WHERE case_number = (SELECT max(case_number) FROM "case" WHERE merged_into_id IS NULL)`,
  );
});
afterAll(async () => t?.close());

/** What the JavaScript encoder writes for these filters: the cursor's rows through csvRecord. */
async function reference(
  language: UiLanguage,
  anonymized: boolean,
  columns: readonly ExportColumn[],
  filters: CaseFilterInput,
): Promise<string> {
  const exportsRepo = t.app.get(CaseExportRepository);
  const refs = await t.app.get(ReportsRepository).referenceNames();
  const users = await exportsRepo.userNames();
  const prepared = prepareColumns(columns, { labels: reportLabels(language), refs, users, anonymized, dates: false });
  const stream = await exportsRepo.open(
    caseScope({ kind: 'staff', role: 'MANAGER', officeId: null }),
    filters,
    undefined,
    prepared.select,
  );
  let text = CSV_BOM + csvRecord(prepared.headers);
  for await (const batch of stream as AsyncIterable<ExportRow[]>)
    for (const row of batch) text += csvRecord(row.map((v, i) => prepared.convert[i](v)));
  return text;
}

async function download(query: Record<string, string>): Promise<string> {
  const res = await t.app
    .getHttpAdapter()
    .getInstance()
    .inject({ method: 'GET', url: '/api/v1/exports/cases', query, headers: { cookie: manager.cookie! } });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload.toString('utf8');
}

describe('CSV from COPY', () => {
  it.each<[UiLanguage, boolean]>([
    ['en', false],
    ['sq', false],
    ['sr-Latn', false],
    ['sr-Cyrl', false],
    ['en', true],
    ['sr-Cyrl', true],
  ])("writes the encoder's bytes for every case (%s, anonymized %s)", async (lang, anonymized) => {
    const columns = anonymized ? ANONYMIZED_EXPORT_COLUMNS : EXPORT_COLUMNS;
    const text = await download({ format: 'csv', lang, anonymized: String(anonymized) });
    expect(text.split('\r\n').length).toBeGreaterThan(90);
    expect(text).toBe(await reference(lang, anonymized, columns, {}));
  });

  it('writes the same with filters, a search text with a quote and a backslash, and picked columns', async () => {
    const columns: ExportColumn[] = ['lastName', 'caseNumber', 'assignedOfficer', 'externalReferences', 'office'];
    const cases: [Record<string, string>, CaseFilterInput][] = [
      [
        { officeCode: 'PRISTINA', fateStatus: 'MISSING' },
        { officeCode: 'PRISTINA', fateStatus: 'MISSING' },
      ],
      [{ q: "Kra'sniqi\\" }, { q: "Kra'sniqi\\" }],
      [{ q: '$1 Gashi' }, { q: '$1 Gashi' }],
      [
        { assignedOfficerId: officer.id, missingFrom: '1999' },
        { assignedOfficerId: officer.id, missingFrom: '1999' },
      ],
    ];
    for (const [query, filters] of cases) {
      const text = await download({ format: 'csv', lang: 'en', columns: columns.join(','), ...query });
      expect(text).toBe(await reference('en', false, columns, filters));
    }
    // The officer's name is neutralised and quoted.
    const text = await download({ format: 'csv', lang: 'en', columns: 'assignedOfficer', officeCode: 'PRISTINA' });
    expect(text).toContain(`"'=Officer ""Arta"", Pristina"\r\n`);
  });
});
