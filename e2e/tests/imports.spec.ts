import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  loginOverHttp,
  setViewport,
  test as base,
  VIEWPORTS,
  type ApiSession,
} from '../fixtures/index.js';

// A manager imports a list in the browser: uploads a CSV made here (UTF-8, semicolons, Albanian
// headers, one column the server cannot name), maps that column by hand, reads the check result
// (an unknown municipality, a Cyrillic spelling of an existing case), downloads the report,
// creates the cases and finds them in the case list. The manager is created over the API by the
// administrator and signs in over HTTP; the existing case is created over the API too.

const RUN = randomBytes(3).toString('hex');
const SURNAME = `Dushku${RUN}`;
const HEADER = ['Emri', 'Mbiemri', 'Emri i babait', 'Gjinia', 'Datëlindja', 'Lokaliteti', 'Komuna', 'ICRC'];
const ROWS = [
  /* 2 */ ['Gjergj', SURNAME, 'Pal', 'M', '12.03.1971', 'Rrugica e mullirit', 'Gjakovë', `E2E-${RUN}-1`],
  /* 3 */ ['Lirie', 'Bajraktari', 'Ndue', 'F', '1975', 'Zhabel', 'Atlantis', ''],
  /* 4 */ ['Фатмире', `Краснићи${RUN}`, 'Реџеп', 'Ж', '1970', '', 'Uroševac', ''],
  /* 5 */ ['Arben', SURNAME, 'Pal', 'Mashkull', '1974', 'Qyteti', 'Pejë', `E2E-${RUN}-2`],
];
const FILE = {
  name: `lista-${RUN}.csv`,
  mimeType: 'text/csv',
  buffer: Buffer.from(`${[HEADER, ...ROWS].map((r) => r.join(';')).join('\r\n')}\r\n`, 'utf8'),
};

interface Manager {
  session: ApiSession;
  existing: { id: string; caseNumber: string };
}

const test = base.extend<object, { manager: Manager }>({
  manager: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const admin = await loginOverHttp();
      const credentials = { email: `imports-manager-${RUN}@example.test`, password: `Drini-i-Bardhe-${RUN}-1999` };
      const created = await admin.request.post('/api/v1/users', {
        headers: admin.headers,
        data: { ...credentials, name: `Vjosa Berisha ${RUN}`, role: 'MANAGER' },
      });
      expect(created.status(), await created.text()).toBe(201);
      await admin.dispose();
      const session = await loginOverHttp(credentials);
      const existing = await session.request.post('/api/v1/cases', {
        headers: session.headers,
        data: {
          firstName: 'Fatmire',
          lastName: `Krasniqi${RUN}`,
          fatherName: 'Rexhep',
          sex: 'FEMALE',
          dateOfBirth: '1970',
          lastSeenMunicipalityCode: 'FERIZAJ',
          officeCode: 'PRISTINA',
        },
      });
      expect(existing.status(), await existing.text()).toBe(201);
      await use({ session, existing: (await existing.json()) as Manager['existing'] });
      await session.dispose();
    },
    { scope: 'worker' },
  ],
  storageState: async ({ manager }, use) => {
    await use(await manager.session.request.storageState());
  },
});

async function scanBothWidths(page: Page) {
  await setViewport(page, 'desktop');
  await expectNoSeriousA11yViolations(page);
  await setViewport(page, 'phone');
  // The shell hides its menu with a short transition after the resize.
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5_000 })
    .toBeLessThanOrEqual(VIEWPORTS.phone.width);
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
  await setViewport(page, 'desktop');
}

test('a manager uploads a list, fixes a column, reads the check result and creates the cases', async ({
  page,
  manager,
}) => {
  test.setTimeout(90_000); // a whole import, on a machine that may be busy
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Import lists' }).click();
  const title = page.getByRole('heading', { level: 1, name: 'Import lists' });
  await expect(title).toBeVisible();
  // The pointer off the menu: a hovered active entry has its own (shell) colours.
  await title.hover();
  await scanBothWidths(page);

  // Upload: the detected layout is shown.
  await page.locator('input[type="file"]').setInputFiles(FILE);
  await expect(page.getByRole('heading', { level: 1, name: `Import: ${FILE.name}` })).toBeVisible();
  const file = page.getByRole('region', { name: 'The file' });
  await expect(file.getByText('semicolon')).toBeVisible();
  await expect(file.getByText('UTF-8', { exact: true })).toBeVisible();

  // The proposal: known headers mapped, "Lokaliteti" not; the manager maps it.
  await expect(page.getByLabel('Emri i babait')).toHaveValue('fatherName');
  await expect(page.getByLabel('ICRC')).toHaveValue('icrcReference');
  const place = page.getByLabel('Lokaliteti');
  await expect(place).toHaveValue('');
  await place.selectOption({ label: 'Place last seen' });
  await page.getByLabel('Office for rows without one').selectOption('PRISTINA');
  await scanBothWidths(page);

  // The dry run: errors first, by column.
  await page.getByRole('button', { name: 'Check all rows' }).click();
  const report = page.getByRole('region', { name: 'Check result' });
  await expect(report).toBeVisible({ timeout: 30_000 });
  const row3 = report
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Row 3: Lirie Bajraktari' }) });
  await expect(row3).toContainText('Komuna: Unknown municipality “Atlantis”');

  // The Cyrillic spelling of an existing case, linked to it.
  await report
    .locator('label')
    .filter({ hasText: /^Possible duplicates$/ })
    .click();
  await expect(report.getByRole('radio', { name: 'Possible duplicates' })).toBeChecked();
  const row4 = report.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Row 4:/ }) });
  await expect(row4.getByRole('link', { name: new RegExp(manager.existing.caseNumber) })).toHaveAttribute(
    'href',
    `/cases/${manager.existing.id}`,
  );
  await expect(row4.getByRole('checkbox', { name: 'Not a duplicate: import row 4 anyway' })).not.toBeChecked();
  await scanBothWidths(page);

  // The report downloads as a spreadsheet.
  const download = page.waitForEvent('download');
  await report.getByRole('link', { name: 'Report (CSV)' }).click();
  const csv = await readFile(await (await download).path());
  expect(csv.toString('utf8')).toContain('3,Invalid,Lirie,Bajraktari,"Komuna: Unknown municipality ""Atlantis"""');

  // Commit with a confirmation.
  const commit = page.getByRole('region', { name: 'Create the cases' });
  await expect(commit).toContainText('2 cases will be created.');
  await commit.getByRole('button', { name: 'Create 2 cases' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create the cases?' });
  await dialog.getByRole('button', { name: 'Create 2 cases' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Import finished' });
  await expect(done).toContainText('Cases created: 2. Rows left out: 2.');

  // The new cases are in the case list; the column mapped by hand was imported.
  await done.getByRole('link', { name: 'Open the case list' }).click();
  await expect(page).toHaveURL(/\/cases\?sort=-createdAt/);
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible();
  await expect(page.getByText(SURNAME).first()).toBeVisible();
  const found = await manager.session.request.get('/api/v1/cases', { params: { q: `Gjergj ${SURNAME}` } });
  const [gjergj] = ((await found.json()) as { items: { id: string }[] }).items;
  const detail = await manager.session.request.get(`/api/v1/cases/${gjergj.id}`);
  expect(await detail.json()).toMatchObject({
    lastSeenPlace: 'Rrugica e mullirit',
    lastSeenMunicipalityCode: 'GJAKOVE',
    dateOfBirth: '1971-03-12',
    officeCode: 'PRISTINA',
    externalReferences: [{ system: 'ICRC', reference: `E2E-${RUN}-1` }],
  });
});
