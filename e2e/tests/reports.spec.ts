import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Browser, Download, Page } from '@playwright/test';
import {
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  loginOverHttp,
  setViewport,
  test,
  type ApiSession,
} from '../fixtures/index.js';

// A manager's dashboard end to end: seeded over the API, signed in over HTTP, then the browser
// filters the dashboard, drills into the case list and downloads CSV, XLSX and PDF; the files are
// opened and checked against the API. Every case here carries a surname made for this run, so
// the figures are this test's own whatever else is in the database.

const RUN = randomBytes(3).toString('hex');
const SURNAME = `Raportiq${RUN}`;
const CYRILLIC_FIRST = 'Драгана';

interface Seeded {
  manager: ApiSession;
  cases: { caseNumber: string; fate: string; office: string }[];
}

let seeded: Seeded;

async function seed(): Promise<Seeded> {
  const admin = await loginOverHttp();
  const email = `manager-${RUN}@example.test`;
  const password = `reports e2e ${randomBytes(12).toString('base64url')}`;
  const created = await admin.request.post('/api/v1/users', {
    headers: admin.headers,
    data: { email, name: `Menaxher ${RUN}`, role: 'MANAGER', password },
  });
  expect(created.status(), await created.text()).toBe(201);
  await admin.dispose();
  const manager = await loginOverHttp({ email, password });

  const people = [
    { firstName: 'Agim', officeCode: 'PRISTINA', missingSince: '1999-04', fate: 'MISSING' },
    { firstName: CYRILLIC_FIRST, officeCode: 'MITROVICA', missingSince: '1999', fate: 'MISSING' },
    { firstName: 'Fatmire', officeCode: 'PRISTINA', missingSince: '1998-07-12', fate: 'IDENTIFIED' },
    { firstName: 'Jovan', officeCode: 'MITROVICA', missingSince: '1999-06-01', fate: 'FOUND_ALIVE' },
    { firstName: 'Besnik', officeCode: 'PRISTINA', missingSince: '2000', fate: 'MISSING' },
    { firstName: '=HYPERLINK("x")', officeCode: 'PRISTINA', missingSince: '1999-05', fate: 'MISSING' },
  ];
  const cases: Seeded['cases'] = [];
  for (const p of people) {
    const res = await manager.request.post('/api/v1/cases', {
      headers: manager.headers,
      data: {
        firstName: p.firstName,
        lastName: SURNAME,
        fatherName: 'Rexhep',
        sex: 'FEMALE',
        dateOfBirth: '1975-03-02',
        communityCode: 'ALBANIAN',
        missingSince: p.missingSince,
        lastSeenMunicipalityCode: 'FERIZAJ',
        officeCode: p.officeCode,
      },
    });
    expect(res.status(), await res.text()).toBe(201);
    const body = (await res.json()) as { id: string; caseNumber: string };
    if (p.fate !== 'MISSING') {
      const status = await manager.request.post(`/api/v1/cases/${body.id}/status`, {
        headers: manager.headers,
        data: { fateStatus: p.fate, note: 'e2e report test' },
      });
      expect(status.status(), await status.text()).toBe(200);
    }
    cases.push({ caseNumber: body.caseNumber, fate: p.fate, office: p.officeCode });
  }
  return { manager, cases };
}

test.beforeAll(async () => {
  seeded = await seed();
});
test.afterAll(async () => {
  await seeded?.manager.dispose();
});

async function managerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    storageState: await seeded.manager.request.storageState(),
    locale: 'en-US',
    acceptDownloads: true,
  });
  return context.newPage();
}

async function summary(groupBy: string, query: Record<string, string>) {
  const res = await seeded.manager.request.get('/api/v1/reports/summary', {
    params: { groupBy, lang: 'en', ...query },
  });
  expect(res.status()).toBe(200);
  return (await res.json()) as { total: number; rows: { key: string | null; label: string; count: number }[] };
}

async function listNumbers(query: Record<string, string>): Promise<string[]> {
  const res = await seeded.manager.request.get('/api/v1/cases', { params: { ...query, pageSize: '200' } });
  const body = (await res.json()) as { items: { caseNumber: string }[] };
  return body.items.map((i) => i.caseNumber).sort();
}

async function downloaded(page: Page, name: string | RegExp): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

test('a manager filters the dashboard, drills into the cases and downloads CSV, XLSX and PDF', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await managerPage(browser);
  await page.goto(`/dashboard?q=${SURNAME}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Dashboard' })).toBeVisible();

  // The fate table shows what the API counts.
  const fate = page.getByRole('table', { name: 'By fate: cases by value' });
  const api = await summary('fateStatus', { q: SURNAME });
  expect(api.total).toBe(seeded.cases.length);
  for (const row of api.rows) {
    await expect(fate.getByRole('row', { name: new RegExp(`^${row.label} ${row.count} `) })).toBeVisible();
  }

  // Filter by office: the address keeps it, the figures follow.
  await page.getByRole('combobox', { name: 'Office' }).click();
  await page.getByRole('option', { name: /Pristina/ }).click();
  await expect(page).toHaveURL(/officeCode=PRISTINA/);
  const pristina = seeded.cases.filter((c) => c.office === 'PRISTINA');
  const office = page.getByRole('region', { name: 'By fate' });
  await expect(office.getByText(`Total: ${pristina.length}`)).toBeVisible();

  // Downloads: CSV.
  await expect(page.getByRole('link', { name: 'Cases as CSV' })).toHaveAttribute('href', /officeCode=PRISTINA/);
  const csv = await downloaded(page, 'Cases as CSV');
  expect(csv.download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(csv.bytes.toString('utf8'), { bom: true }) as string[][];
  expect(rows[0].slice(0, 3)).toEqual(['Case number', 'First name', 'Last name']);
  const expected = await listNumbers({ q: SURNAME, officeCode: 'PRISTINA' });
  expect(
    rows
      .slice(1)
      .map((r) => r[0])
      .sort(),
  ).toEqual(expected);
  expect(rows.some((r) => r[1] === `'=HYPERLINK("x")`)).toBe(true);

  // XLSX, anonymized, all offices' cases again (the office filter cleared through the form).
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).not.toHaveURL(/officeCode/);
  const search = page.getByRole('textbox', { name: 'Name, case number or reference' });
  await expect(search).toHaveValue('');
  await search.fill(SURNAME);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${SURNAME}`));
  // The links follow the applied filters on the next render: wait for it, or on a busy machine the
  // click downloads the previous (unfiltered) export.
  await expect(page.getByRole('link', { name: 'Cases as a spreadsheet (XLSX)' })).toHaveAttribute(
    'href',
    new RegExp(`q=${SURNAME}`),
  );
  const xlsx = await downloaded(page, 'Cases as a spreadsheet (XLSX)');
  expect(xlsx.download.suggestedFilename()).toMatch(/^cases-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as never);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).getCell(1).value).toBe('Case number');
  expect(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold).toBe(true);
  expect(sheet.actualRowCount - 1).toBe(seeded.cases.length);
  const firstNames: unknown[] = [];
  sheet.eachRow((row, n) => n > 1 && firstNames.push(row.getCell(2).value));
  expect(firstNames).toContain(CYRILLIC_FIRST);
  expect(workbook.worksheets[1].getRow(1).getCell(1).value).toBe('Case export');

  // Drill down: the "Missing" row opens the case list with the same filters.
  await page.getByRole('table', { name: 'By fate: cases by value' }).getByRole('link', { name: 'Missing' }).click();
  await expect(page).toHaveURL(new RegExp(`/cases\\?q=${SURNAME}&fateStatus=MISSING$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  const missing = seeded.cases.filter((c) => c.fate === 'MISSING');
  for (const c of missing) await expect(page.getByText(c.caseNumber).first()).toBeVisible();
  await expect(page.getByText(seeded.cases.find((c) => c.fate === 'IDENTIFIED')!.caseNumber)).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // The PDF, in Serbian Cyrillic (switched through the language menu).
  await page.getByRole('button', { name: /^Language:/ }).click();
  await page.getByRole('menuitemradio', { name: 'Српски (ћирилица)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Контролна табла' })).toBeVisible();
  const pdf = await downloaded(page, 'Извештај за штампу (PDF)');
  expect(pdf.download.suggestedFilename()).toMatch(/^case-report-\d{4}-\d{2}-\d{2}\.pdf$/);
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf.bytes)), { mergePages: true });
  const flat = text.replace(/\s+/g, ' ');
  expect(flat).toContain('Извештај о случајевима');
  expect(flat).toContain(`Претрага: ${SURNAME}`);
  expect(flat).toContain(`${seeded.cases.length} Случајева`);
  expect(flat).toContain(`${missing.length} Још увек несталих`);
  await page.context().close();
});

for (const viewport of ['desktop', 'phone'] as const) {
  test(`the dashboard passes an accessibility scan (${viewport})`, async ({ browser }) => {
    const page = await managerPage(browser);
    await setViewport(page, viewport);
    await page.goto(`/dashboard?q=${SURNAME}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'By office: cases by value' })).toBeVisible();
    await expect(page.getByRole('table', { name: /^Per month/ })).toBeVisible();
    // The charts have loaded too (they are part of what is scanned).
    await expect(page.locator('.recharts-surface').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });
}
