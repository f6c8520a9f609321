import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import {
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  loginOverHttp,
  setViewport,
  test,
  VIEWPORTS,
  type ApiSession,
  type ViewportName,
} from '../fixtures/index.js';

// The administrator's pages end to end: an account made in the UI, its owner signing in, a reset
// code, deactivation, and the audit trail showing all of it. The administrator's browser reuses
// the session made over HTTP in beforeAll.

// A page's first paint can take a while when the server, the database and the browser share two
// busy cores.
const PAGE_LOAD = { timeout: 20_000 };
const RUN = randomBytes(3).toString('hex');
const OFFICER = { email: `officer-${RUN}@example.test`, name: `Drita Berisha ${RUN}`, password: '' };
let officerId = '';

let admin: ApiSession;
test.beforeAll(async () => {
  admin = await loginOverHttp();
});
test.afterAll(async () => {
  await admin?.dispose();
});

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: await admin.request.storageState(), locale: 'en-US' });
  return context.newPage();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

test.describe.serial('a liaison officer account, from creation to deactivation', () => {
  // Several pages each; the budget is for a busy 2-core machine.
  test.beforeEach(() => test.slow());
  test('the administrator creates it in the UI', async ({ browser }) => {
    const page = await adminPage(browser);
    await page.goto('/admin/users');
    await page.getByRole('button', { name: 'New account' }).click();
    const dialog = page.getByRole('dialog', { name: 'New staff account' });

    await dialog.getByLabel(/^Email address/).fill(OFFICER.email);
    await dialog.getByLabel(/^Full name/).fill(OFFICER.name);
    await expect(dialog.getByRole('combobox', { name: /^Role/ })).toHaveValue('Liaison officer');
    // A liaison officer needs an office: the form says so before the server does.
    await dialog.getByRole('button', { name: 'Generate a password' }).click();
    await dialog.getByRole('button', { name: 'Create account' }).click();
    await expect(dialog.getByText('A liaison officer must belong to an office.')).toBeVisible();

    await dialog.getByRole('combobox', { name: /^Office/ }).click();
    await page.getByRole('option', { name: 'Pristina' }).click();
    OFFICER.password = await dialog.getByLabel(/^Initial password/).inputValue();
    expect(OFFICER.password).toMatch(/^(\w{4}-){3}\w{4}$/);
    await dialog.getByRole('button', { name: 'Create account' }).click();

    const done = page.getByRole('dialog', { name: 'Account created' });
    await expect(done).toContainText(OFFICER.email);
    await expect(done).toContainText(OFFICER.password);
    await done.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('textbox', { name: 'Search' }).fill(RUN);
    await expect(page).toHaveURL(new RegExp(`\\?q=${RUN}$`));
    const row = page.getByRole('row', { name: new RegExp(OFFICER.name) });
    await expect(row).toContainText('Liaison officer');
    await expect(row).toContainText('Pristina');
    await expect(row).toContainText('Never');

    const listed = await admin.request.get('/api/v1/users', { params: { q: OFFICER.email } });
    officerId = ((await listed.json()) as { items: { id: string }[] }).items[0].id;
    await page.context().close();
  });

  test('the officer signs in through the form and sees only the officer pages', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel(/^Email address/).fill(OFFICER.email);
    await page.getByLabel(/^Password/).fill(OFFICER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // The officer's landing page: their follow-ups (or the cases, or their account until those exist).
    await expect(page).toHaveURL(/\/(follow-ups|cases|account)$/);
    await expect(page.getByRole('button', { name: `Account menu: ${OFFICER.name}, Liaison officer` })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'System status' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Staff accounts' })).toHaveCount(0);
    await expect(nav(page).getByRole('link', { name: 'Audit trail' })).toHaveCount(0);

    for (const path of ['/admin/users', '/admin/audit']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible(
        PAGE_LOAD,
      );
    }
  });

  test('the audit trail shows the creation, with the fields set', async ({ browser }) => {
    const page = await adminPage(browser);
    await page.goto(`/admin/audit?action=user.create&entityId=${officerId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible(PAGE_LOAD);
    const table = page.getByRole('table', { name: 'Audit trail entries, newest first' });
    await expect(table.getByText('Account created')).toBeVisible();
    await expect(table.getByText('user.create', { exact: true })).toBeVisible();

    await table
      .getByRole('button', { name: /^Details of entry / })
      .first()
      .click();
    const changes = page.getByRole('table', { name: 'Changes' });
    await expect(changes.getByRole('row', { name: /Email address/ })).toContainText(OFFICER.email);
    await expect(changes.getByRole('row', { name: /Office/ })).toContainText('PRISTINA');
    await page.context().close();
  });

  test('a reset code issued in the UI lets the officer set a new password', async ({ browser, page }) => {
    const adminView = await adminPage(browser);
    await adminView.goto(`/admin/users?q=${RUN}`);
    await adminView.getByRole('button', { name: `Actions for ${OFFICER.name}` }).click();
    await adminView.getByRole('menuitem', { name: 'Issue a password reset code' }).click();
    const dialog = adminView.getByRole('dialog', { name: `Password reset for ${OFFICER.name}` });
    await dialog.getByRole('button', { name: 'Issue a code' }).click();
    const code = (await dialog.getByTestId('reset-code').textContent())!.trim();
    await expect(dialog).toContainText(/Valid until \d{2}\.\d{2}\.\d{4} \d{2}:\d{2}\./);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await adminView.context().close();

    const newPassword = `after reset ${randomBytes(9).toString('base64url')}`;
    await page.goto('/reset-password');
    await page.getByLabel(/^Email address/).fill(OFFICER.email);
    await page.getByLabel(/^Reset code/).fill(code);
    await page.getByLabel(/^New password/).fill(newPassword);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await expect(page).toHaveURL(/\/login\?reset=done$/);
    await expect(page.getByText('Your password has been changed. Sign in with the new password.')).toBeVisible();
    OFFICER.password = newPassword;
  });

  test('deactivating asks first, says sessions end, and ends them', async ({ browser }) => {
    const officer = await loginOverHttp({ email: OFFICER.email, password: OFFICER.password });
    const page = await adminPage(browser);
    await page.goto(`/admin/users?q=${RUN}`);
    await page.getByRole('button', { name: `Actions for ${OFFICER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Deactivate' }).click();
    const dialog = page.getByRole('dialog', { name: `Deactivate the account of ${OFFICER.name}?` });
    await expect(dialog).toContainText('signed out at once on every device');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('row', { name: new RegExp(OFFICER.name) })).toContainText('Deactivated');

    expect((await officer.request.get('/api/v1/auth/me')).status()).toBe(401);
    await officer.dispose();

    await page.goto(`/admin/audit?entityId=${officerId}&action=user.deactivate`);
    await expect(page.getByText('Account deactivated')).toBeVisible();
    await page.context().close();
  });
});

test.describe('accessibility of the administration pages', () => {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    test(`staff accounts and audit trail at ${VIEWPORTS[viewport].width}px`, async ({ browser }) => {
      test.slow(); // several pages and axe scans
      const page = await adminPage(browser);
      await setViewport(page, viewport);

      await page.goto('/admin/users');
      await expect(page.getByRole('heading', { level: 1, name: 'Staff accounts' })).toBeVisible(PAGE_LOAD);
      await expect(page.getByText(/^\d+–\d+ of \d+$/)).toBeVisible();
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
      await page.getByRole('button', { name: 'New account' }).click();
      await expect(page.getByRole('dialog', { name: 'New staff account' })).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press('Escape');

      await page.goto('/admin/audit');
      await expect(page.getByRole('heading', { level: 1, name: 'Audit trail' })).toBeVisible(PAGE_LOAD);
      await page
        .getByRole('button', { name: /^(Details of entry|Show details)/ })
        .first()
        .click();
      await expect(page.getByText('Origin').first()).toBeVisible();
      await page.mouse.move(0, 0); // scan the page at rest, not the hovered button
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
      await page.context().close();
    });
  }
});
