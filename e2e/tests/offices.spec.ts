import { randomBytes } from 'node:crypto';
import type { APIResponse } from '@playwright/test';
import {
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  loginOverHttp,
  setViewport,
  test,
  type ApiSession,
} from '../fixtures/index.js';

// The administrator edits the Mitrovica office's phone, email and opening hours on the Offices
// page (at 1280 and 360 px, with axe); a family of a Mitrovica case then sees them in the portal.

const RUN = randomBytes(3).toString('hex');
const PHONE = '+383 28 555 010';
const EMAIL = `mitrovica-${RUN}@example.test`;
const HOURS = {
  sq: 'E hënë–e premte 08:00–16:00',
  sr: 'Pon–pet 08:00–16:00',
  en: `Mon–Fri 08:00–16:00 (${RUN})`,
};

let admin: ApiSession;
let officer: ApiSession;

async function ok<T>(response: APIResponse, what: string): Promise<T> {
  expect([200, 201], `${what}: ${response.status()} ${await response.text()}`).toContain(response.status());
  return (await response.json()) as T;
}

test.beforeAll(async () => {
  admin = await loginOverHttp();
  const email = `officer-${RUN}@example.test`;
  const password = randomBytes(18).toString('base64url');
  await ok(
    await admin.request.post('/api/v1/users', {
      headers: admin.headers,
      data: { email, name: 'Arta Fiktive', role: 'LIAISON_OFFICER', officeCode: 'MITROVICA', password },
    }),
    'create officer',
  );
  officer = await loginOverHttp({ email, password });
});
test.afterAll(async () => {
  await admin?.dispose();
  await officer?.dispose();
});

test('an administrator sets the office phone and hours, and the family sees them in the portal', async ({
  browser,
}) => {
  test.slow();
  const context = await browser.newContext({ storageState: await admin.request.storageState(), locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Offices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offices' })).toBeVisible({ timeout: 20_000 });

  const office = page.getByRole('region', { name: 'Mitrovica' });
  await office.getByLabel('Phone').fill('call us');
  await office.getByRole('button', { name: 'Save' }).click();
  await expect(office.getByText('Enter a phone number in digits, for example +383 38 000 000.')).toBeVisible();

  await office.getByLabel('Phone').fill(PHONE);
  await office.getByLabel('Email address').fill(EMAIL);
  await office.getByLabel('Opening hours in Albanian').fill(HOURS.sq);
  await office.getByLabel('Opening hours in Serbian').fill(HOURS.sr);
  await office.getByLabel('Opening hours in English').fill(HOURS.en);
  await office.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Office details saved')).toBeVisible();

  await expectNoSeriousA11yViolations(page);
  await setViewport(page, 'phone');
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5_000 })
    .toBeLessThanOrEqual(360);
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
  // Still there after a reload: saved on the server.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Mitrovica' }).getByLabel('Opening hours in English')).toHaveValue(
    HOURS.en,
  );
  await context.close();

  // A family of a Mitrovica case signs in (over HTTP) and reads the case on a phone.
  const kase = await ok<{ id: string; caseNumber: string }>(
    await officer.request.post('/api/v1/cases', {
      headers: officer.headers,
      data: { firstName: 'Fiktiv', lastName: `Provë${RUN}` },
    }),
    'create case',
  );
  const relative = await ok<{ id: string }>(
    await officer.request.post(`/api/v1/cases/${kase.id}/relatives`, {
      headers: officer.headers,
      data: { firstName: 'Mira', lastName: `Provë${RUN}`, relationship: 'SISTER', preferredLanguage: 'en' },
    }),
    'add relative',
  );
  const { accessCode } = await ok<{ accessCode: string }>(
    await officer.request.post(`/api/v1/cases/${kase.id}/relatives/${relative.id}/portal-access`, {
      headers: officer.headers,
    }),
    'issue access',
  );
  const familyContext = await browser.newContext({ locale: 'en-US', viewport: { width: 360, height: 740 } });
  await ok(
    await familyContext.request.post('/api/v1/family/login', { data: { caseNumber: kase.caseNumber, accessCode } }),
    'family sign-in',
  );
  const portal = await familyContext.newPage();
  await portal.goto(`/family/cases/${kase.id}`);
  const contact = portal.getByRole('region', { name: 'Who to contact' });
  await expect(contact).toContainText(PHONE, { timeout: 20_000 });
  await expect(contact).toContainText(EMAIL);
  await expect(contact).toContainText(HOURS.en);
  await expectNoHorizontalScroll(portal);
  await familyContext.close();
});
