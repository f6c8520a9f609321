import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { authenticator } from 'otplib';
import {
  adminCredentials,
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  loginOverHttp,
  setViewport,
  test,
  VIEWPORTS,
  type ApiSession,
  type Credentials,
  type ViewportName,
} from '../fixtures/index.js';

// Signing in, out and back in through the browser. Each role signs in through the form once
// (the liaison officer in admin.spec.ts, after the administrator creates the account in the UI);
// everything else starts from a session made over HTTP. Accounts are made for this run, so the
// lockout and the revocations touch nobody else.

// A page's first paint can take a while when the server, the database and the browser share two
// busy cores.
const PAGE_LOAD = { timeout: 20_000 };
const RUN = randomBytes(3).toString('hex');

let admin: ApiSession;
test.beforeAll(async () => {
  admin = await loginOverHttp();
});
test.afterAll(async () => {
  await admin?.dispose();
});

async function createStaff(
  role: 'ADMIN' | 'MANAGER' | 'LIAISON_OFFICER',
  label: string,
): Promise<Credentials & { id: string; name: string }> {
  const email = `${label}-${RUN}@example.test`;
  const name = `${label[0].toUpperCase()}${label.slice(1)} ${RUN}`;
  const password = `e2e ${label} ${randomBytes(12).toString('base64url')}`;
  const res = await admin.request.post('/api/v1/users', {
    headers: admin.headers,
    data: { email, name, role, password, ...(role === 'LIAISON_OFFICER' ? { officeCode: 'PRISTINA' } : {}) },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  return { email, password, id, name };
}

/** A browser page already signed in as `credentials` (the session made over HTTP). */
async function signedInPage(browser: Browser, credentials: Credentials): Promise<{ page: Page; session: ApiSession }> {
  const session = await loginOverHttp(credentials);
  const context = await browser.newContext({ storageState: await session.request.storageState(), locale: 'en-US' });
  return { page: await context.newPage(), session };
}

async function signInThroughForm(page: Page, credentials: Credentials) {
  await page.getByLabel(/^Email address/).fill(credentials.email);
  await page.getByLabel(/^Password/).fill(credentials.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main navigation' });

test.describe('signing in through the form', () => {
  // Several pages each; the budget is for a busy 2-core machine.
  test.beforeEach(() => test.slow());
  test('the administrator: sent to sign in, then to the staff accounts', async ({ page }) => {
    await page.goto('/status');
    // The home page, reached inside the app: "/" sends to sign in, then to the role's landing page.
    await page.getByRole('link', { name: 'Missing Persons Resource Center' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible(PAGE_LOAD);

    await signInThroughForm(page, adminCredentials());

    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Staff accounts' })).toBeVisible(PAGE_LOAD);
    await expect(page.getByRole('button', { name: /^Account menu: .+, Administrator$/ })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Audit trail' })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Cases' })).toHaveCount(0);
  });

  test('a manager: a deep link survives the sign-in, and the menu signs out', async ({ page }) => {
    const manager = await createStaff('MANAGER', 'manager');
    await page.goto('/account?from=bookmark');
    await expect(page).toHaveURL(/\/login\?returnTo=%2Faccount%3Ffrom%3Dbookmark$/);

    await signInThroughForm(page, manager);

    await expect(page).toHaveURL(/\/account\?from=bookmark$/);
    await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible(PAGE_LOAD);
    await expect(page.getByText(manager.email, { exact: true })).toBeVisible();
    await expect(nav(page).getByRole('link', { name: 'Staff accounts' })).toBeVisible(); // user.read
    await expect(nav(page).getByRole('link', { name: 'Audit trail' })).toHaveCount(0);

    // The audit trail is not for managers: the page says so.
    await page.goto('/admin/audit');
    await expect(page.getByRole('heading', { level: 1, name: 'You do not have access to this page' })).toBeVisible(
      PAGE_LOAD,
    );

    await page.getByRole('button', { name: `Account menu: ${manager.name}, Manager` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    // The session is over on the server too: the app's pages send back to sign in.
    await page.goto('/account');
    await expect(page).toHaveURL(/\/login\?returnTo=%2Faccount$/);
  });
});

test('five wrong passwords lock the account, and the form says for how long', async ({ page }) => {
  test.slow();
  const victim = await createStaff('LIAISON_OFFICER', 'locked');
  // Four wrong attempts over HTTP, the fifth through the form.
  for (let i = 0; i < 4; i++) {
    const res = await page.request.post('/api/v1/auth/login', {
      data: { email: victim.email, password: `wrong ${i}` },
    });
    expect(res.status()).toBe(401);
  }
  await page.goto('/login');
  await signInThroughForm(page, { email: victim.email, password: 'wrong again' });
  await expect(page.getByRole('alert')).toContainText('The email address or password is not correct.');

  // Now even the right password is refused, with the wait in words.
  await page.getByLabel(/^Password/).fill(victim.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    /^Too many failed sign-in attempts for this account\. For your security, try again in 1[45] minutes\.$/,
  );
  await expect(page).toHaveURL(/\/login$/);
});

test('a session ended on the server shows "signed out" over the page, and signing in again keeps it', async ({
  browser,
}) => {
  test.slow();
  const officer = await createStaff('LIAISON_OFFICER', 'revoked');
  const { page, session } = await signedInPage(browser, officer);
  await page.goto('/account');
  await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible(PAGE_LOAD);
  await page.getByLabel(/^Current password/).fill(officer.password);
  await page.getByLabel(/^New password/).fill('a new passphrase for the test');
  await page.getByLabel(/^Repeat the new password/).fill('a new passphrase for the test');

  // An administrator moves the officer to another office: their sessions end at once.
  const moved = await admin.request.patch(`/api/v1/users/${officer.id}`, {
    headers: admin.headers,
    data: { officeCode: 'MITROVICA' },
  });
  expect(moved.status(), await moved.text()).toBe(200);
  expect((await session.request.get('/api/v1/auth/me')).status()).toBe(401);

  await page.getByRole('button', { name: 'Change password' }).click();
  const dialog = page.getByRole('dialog', { name: 'You have been signed out' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('your session was ended');
  await expect(dialog.getByLabel(/^Email address/)).toHaveValue(officer.email);

  await dialog.getByLabel(/^Password/).fill(officer.password);
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  // Same page, same typed text; the save now goes through with the new session.
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByLabel(/^New password/)).toHaveValue('a new passphrase for the test');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password has been changed.')).toBeVisible();
  await session.dispose();
  await page.context().close();
});

test('enrolling an authenticator: QR code and key, a code from the app, recovery codes once; then a recovery code signs in', async ({
  browser,
}) => {
  test.slow();
  const person = await createStaff('MANAGER', 'mfa');
  const { page, session } = await signedInPage(browser, person);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Set up an authenticator app' }).click();

  const dialog = page.getByRole('dialog', { name: 'Two-step verification' });
  await expect(dialog.getByRole('img', { name: 'QR code to scan with the authenticator app' })).toBeVisible();
  const secret = ((await dialog.getByTestId('mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);

  await dialog.getByLabel(/^6-digit code/).fill(authenticator.generate(secret));
  await dialog.getByRole('button', { name: 'Confirm and turn on' }).click();

  const codes = dialog.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!.trim();
  const next = dialog.getByRole('button', { name: 'Continue' });
  await expect(next).toBeDisabled();
  await dialog.getByLabel('I have saved these recovery codes in a safe place').check();
  await next.click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('On', { exact: true })).toBeVisible();

  // Signing in now takes a second step; a recovery code does it once.
  await page.getByRole('button', { name: `Account menu: ${person.name}, Manager` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signInThroughForm(page, person);
  await expect(page.getByRole('heading', { level: 2, name: 'Two-step verification' })).toBeVisible();
  await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
  await page.getByLabel(/^Recovery code/).fill(recoveryCode);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole('button', { name: `Account menu: ${person.name}, Manager` })).toBeVisible();
  await session.dispose();
  await page.context().close();
});

test.describe('accessibility of the sign-in and account pages', () => {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    test(`sign-in and reset-password at ${VIEWPORTS[viewport].width}px`, async ({ page }) => {
      test.slow(); // several pages and axe scans
      await setViewport(page, viewport);
      await page.goto('/login');
      await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible(PAGE_LOAD);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
      // With an error shown.
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('This field is required.').first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);

      await page.goto('/reset-password');
      await expect(page.getByRole('heading', { level: 1, name: 'Set a new password' })).toBeVisible(PAGE_LOAD);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
    });

    test(`my account at ${VIEWPORTS[viewport].width}px`, async ({ browser }) => {
      test.slow();
      // The administrator's session from beforeAll: no extra sign-in against the per-IP limit.
      const context = await browser.newContext({ storageState: await admin.request.storageState(), locale: 'en-US' });
      const page = await context.newPage();
      await setViewport(page, viewport);
      await page.goto('/account');
      await expect(page.getByRole('heading', { level: 1, name: 'My account' })).toBeVisible(PAGE_LOAD);
      await expectNoHorizontalScroll(page);
      await expectNoSeriousA11yViolations(page);
      await context.close();
    });
  }
});
