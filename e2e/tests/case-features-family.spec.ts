import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  addRelativeOverApi,
  createCaseOverApi,
  createStaff,
  expect,
  expectJson,
  familyLoginOverHttp,
  issuePortalAccessOverApi,
  loginOverHttp,
  scanAtBothWidths,
  test as base,
  tryFamilyLogin,
  type StaffAccount,
} from '../fixtures/index.js';

// The staff side of the family portal, driven in the browser by a liaison officer: a family's
// message arriving in the inbox (unread count in the menu and on the page), reading it on the case
// and replying, the reply showing in the portal; and the portal-access panel on the relatives tab:
// a code shown once, the printable letter, a new code, revoking, and the lock after wrong codes.
// The officer is made by the administrator and signs in over HTTP; each test seeds its own case.

const RUN = randomBytes(3).toString('hex');
const CODE = /^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;

interface PortalSummary {
  familyLoginLockedUntil: string | null;
  relatives: { relativeId: string; status: 'NONE' | 'ACTIVE' | 'REVOKED' }[];
}

const test = base.extend<object, { officer: StaffAccount }>({
  officer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const admin = await loginOverHttp();
      const officer = await createStaff(admin, {
        name: `Lule Trillimi ${RUN}`,
        role: 'LIAISON_OFFICER',
        officeCode: 'PRISTINA',
      });
      await admin.dispose();
      await use(officer);
      await officer.session.dispose();
    },
    { scope: 'worker' },
  ],
  storageState: async ({ officer }, use) => {
    await use(await officer.session.request.storageState());
  },
});

test('a family message arrives in the inbox; the officer reads it on the case and replies', async ({
  page,
  officer,
  browser,
}) => {
  test.setTimeout(90_000);
  const api = officer.session;
  const kase = await createCaseOverApi(api, { firstName: 'Arbër', lastName: `Trillimi${RUN}`, fatherName: 'Ilir' });
  const relative = await addRelativeOverApi(api, kase.id, {
    firstName: 'Mirlinda',
    lastName: `Trillimi${RUN}`,
    relationship: 'SISTER',
    preferredLanguage: 'en',
    isPrimaryContact: true,
  });
  const code = await issuePortalAccessOverApi(api, kase.id, relative.id);
  const family = await familyLoginOverHttp(kase.caseNumber, code);
  const question = `Is there any news about my brother? (e2e ${RUN})`;
  await expectJson(
    await family.request.post(`/api/v1/family/cases/${kase.id}/messages`, {
      headers: family.headers,
      data: { body: question, meetingRequested: true },
    }),
    'family writes',
  );
  const familyName = `Mirlinda Trillimi${RUN}`;
  const caseTitle = `${kase.caseNumber} · Arbër Trillimi${RUN}`;

  await test.step('the menu and the inbox show the unread count; the message is listed', async () => {
    // The office's unread count (other specs' families may have written too).
    const { unreadCount } = await expectJson<{ unreadCount: number }>(
      await api.request.get('/api/v1/messages/unread-count'),
      'unread count',
    );
    expect(unreadCount).toBeGreaterThanOrEqual(1);
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    const inboxLink = nav.getByRole('link', { name: /Family messages/ });
    await expect(inboxLink).toContainText(`${unreadCount} unread message`);
    await inboxLink.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Messages from families' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `${unreadCount} unread` })).toBeVisible();
    const entry = page
      .getByRole('list', { name: 'Messages from families' })
      .getByRole('listitem')
      .filter({ hasText: kase.caseNumber });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(`From ${familyName}`);
    await expect(entry).toContainText('Unread');
    await expect(entry).toContainText('Asks for a meeting');
    await expect(entry).toContainText(question);
    // The pointer off the menu: a hovered active entry has its own (shell) colours.
    await page.getByRole('heading', { level: 1 }).hover();
    await scanAtBothWidths(page);

    // "Unread only" is kept in the address.
    // (The box follows the address, which the router updates in a transition: click, then check.)
    await page.getByRole('checkbox', { name: 'Unread only' }).click();
    await expect(page).toHaveURL(/\/inbox\?unread=true$/);
    await expect(page.getByRole('checkbox', { name: 'Unread only' })).toBeChecked();
    await expect(entry).toBeVisible();
  });

  await test.step('opening the case reads the message: the unread count goes down', async () => {
    const before = (await (await api.request.get('/api/v1/messages/unread-count')).json()) as { unreadCount: number };
    await page.getByRole('link', { name: caseTitle }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${kase.id}/messages$`));
    const thread = page.getByRole('list', { name: 'Messages, oldest first' });
    const message = thread.getByRole('listitem').filter({ hasText: question });
    await expect(message).toContainText(`${familyName} wrote`);
    await expect(message).toContainText('Asks for a meeting');
    await expect(message).toContainText(/Read \d/);
    await expect(page.getByRole('tab', { name: /^Messages/ })).not.toContainText('unread');
    const thread2 = await expectJson<{ unreadCount: number; items: { readAt: string | null }[] }>(
      await api.request.get(`/api/v1/cases/${kase.id}/messages`),
      'thread',
    );
    expect(thread2.unreadCount).toBe(0);
    expect(thread2.items[0].readAt).not.toBeNull();
    const after = (await (await api.request.get('/api/v1/messages/unread-count')).json()) as { unreadCount: number };
    expect(after.unreadCount).toBe(before.unreadCount - 1);
  });

  const answer = `Yes: we will visit you on Monday at 10. (e2e ${RUN})`;
  await test.step('the officer replies on the case', async () => {
    const form = page.getByRole('region', { name: 'Write to the family' });
    await expect(form.getByRole('combobox', { name: 'To' })).toHaveValue('Every relative with portal access');
    // Sending nothing says what is missing.
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(form.getByText('Required.')).toBeVisible();
    await form.getByRole('textbox', { name: /^Message/ }).fill(answer);
    await form.getByRole('button', { name: 'Send' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Message sent' })).toBeVisible();
    const reply = page.getByRole('list', { name: 'Messages, oldest first' }).getByRole('listitem').filter({
      hasText: answer,
    });
    await expect(reply).toContainText(`Lule Trillimi ${RUN} replied`);
    await expect(reply).toContainText('Not read by the family yet');
    await expect(form.getByRole('textbox', { name: /^Message/ })).toHaveValue('');
    await scanAtBothWidths(page);
  });

  await test.step('the family reads the reply in the portal', async () => {
    const context = await browser.newContext({ storageState: await family.request.storageState() });
    try {
      const portal = await context.newPage();
      await portal.goto(`/family/cases/${kase.id}/messages`);
      await expect(portal.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
      await expect(portal.getByText(answer)).toBeVisible();
      await expect(portal.getByText(question)).toBeVisible();
    } finally {
      await context.close();
    }
    // Seen by the family: the officer's side says so.
    await expect
      .poll(async () => {
        const thread = (await (await api.request.get(`/api/v1/cases/${kase.id}/messages`)).json()) as {
          items: { body: string; readAt: string | null }[];
        };
        return thread.items.find((m) => m.body === answer)?.readAt ?? null;
      })
      .not.toBeNull();
    await page.reload();
    await expect(page.getByText(/Read by the family/)).toBeVisible();
  });
  await family.dispose();
});

test('portal access: a code shown once, the letter, a new code, revoking, and the lock after wrong codes', async ({
  page,
  officer,
}) => {
  test.setTimeout(90_000);
  const api = officer.session;
  const kase = await createCaseOverApi(api, { firstName: 'Dritan', lastName: `Trillimi${RUN}` });
  const relative = await addRelativeOverApi(api, kase.id, {
    firstName: 'Shpresa',
    lastName: `Trillimi${RUN}`,
    relationship: 'MOTHER',
    email: 'shpresa.trillimi@example.test',
    preferredLanguage: 'sr',
    isPrimaryContact: true,
  });
  const name = `Shpresa Trillimi${RUN}`;
  const summary = () =>
    api.request.get(`/api/v1/cases/${kase.id}/portal-access`).then((r) => expectJson<PortalSummary>(r, 'summary'));

  await page.goto(`/cases/${kase.id}/relatives`);
  const panel = page.getByRole('region', { name: `Family portal access of ${name}` });
  await expect(panel).toContainText('No portal access');

  let firstCode = '';
  await test.step('gives access: the code is shown once, the letter downloads as a PDF', async () => {
    await panel.getByRole('button', { name: `Give portal access to ${name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Portal code for ${name}` });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('This code is shown only once.');
    firstCode = (await dialog.getByTestId('access-code').textContent())?.trim() ?? '';
    expect(firstCode).toMatch(CODE);
    await expect(dialog).toContainText(`To read aloud: ${firstCode[0]} ${firstCode[1]}`);
    // The letter in the relative's language, Serbian, in Cyrillic.
    await expect(dialog.getByRole('combobox', { name: 'Language of the letter' })).toHaveValue('Serbian');
    await dialog.getByRole('combobox', { name: 'Script' }).click();
    await page.getByRole('option', { name: 'Cyrillic' }).click();
    await expect(dialog.getByRole('combobox', { name: 'Script' })).toHaveValue('Cyrillic');
    await scanAtBothWidths(page);

    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Print the letter (PDF)' }).click();
    const letter = await download;
    expect(letter.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = await readFile(await letter.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(1000);

    await dialog.getByRole('button', { name: 'Done, close' }).click();
    await expect(dialog).toBeHidden();
    // Closed is gone: the code is not on the page any more.
    await expect(page.getByText(firstCode)).toHaveCount(0);
    await expect(panel).toContainText('Portal access active');
    await expect(panel).toContainText('Has not signed in yet.');
    const after = await summary();
    expect(after.relatives.find((r) => r.relativeId === relative.id)?.status).toBe('ACTIVE');
    expect((await tryFamilyLogin(kase.caseNumber, firstCode)).status).toBe(200);
  });

  let secondCode = '';
  await test.step('a new code, after a confirmation, replaces the old one', async () => {
    await page.reload();
    await expect(panel).toContainText(/Last signed in/);
    await panel.getByRole('button', { name: `Give a new portal code to ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Give a new code?' });
    await expect(confirm).toContainText('stops working at once');
    await scanAtBothWidths(page);
    await confirm.getByRole('button', { name: 'Give a new code' }).click();
    const dialog = page.getByRole('dialog', { name: `Portal code for ${name}` });
    secondCode = (await dialog.getByTestId('access-code').textContent())?.trim() ?? '';
    expect(secondCode).toMatch(CODE);
    expect(secondCode).not.toBe(firstCode);
    await dialog.getByRole('button', { name: 'Done, close' }).click();
    await expect(dialog).toBeHidden();
    expect((await tryFamilyLogin(kase.caseNumber, firstCode)).status).toBe(401);
  });

  await test.step('revokes the access', async () => {
    await panel.getByRole('button', { name: `Revoke the portal access of ${name}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke portal access?' });
    await expect(confirm).toContainText(`${name} will no longer be able to sign in`);
    await confirm.getByRole('button', { name: 'Revoke access' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Portal access revoked' })).toBeVisible();
    await expect(panel).toContainText('Portal access revoked');
    await expect(panel).toContainText(/Revoked \d/);
    await expect(panel.getByRole('button', { name: `Give a new portal code to ${name}` })).toBeVisible();
    const after = await summary();
    expect(after.relatives.find((r) => r.relativeId === relative.id)?.status).toBe('REVOKED');
    expect((await tryFamilyLogin(kase.caseNumber, secondCode)).status).toBe(401);
  });

  await test.step('wrong codes lock the case number; the officer sees it on the case and unlocks', async () => {
    // Two wrong attempts so far; the fifth failure locks (429), whichever code was tried.
    let answer: { status: number; code: string | null } = { status: 0, code: null };
    for (let attempt = 0; attempt < 6 && answer.status !== 429; attempt++) {
      answer = await tryFamilyLogin(kase.caseNumber, `WRNG-C0DE-00${attempt}`);
      expect([401, 429]).toContain(answer.status);
    }
    // The case number's lock, not the per-address rate limit (RATE_LIMITED).
    expect(answer).toEqual({ status: 429, code: 'LOCKED_OUT' });
    expect((await summary()).familyLoginLockedUntil).not.toBeNull();

    await page.reload();
    const lock = page.getByRole('alert').filter({ hasText: 'Family sign-in is locked' });
    await expect(lock).toContainText('sign-in with this case number is locked until');
    await scanAtBothWidths(page);
    await lock.getByRole('button', { name: 'Unlock sign-in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Sign-in unlocked' })).toBeVisible();
    await expect(lock).toBeHidden();
    expect((await summary()).familyLoginLockedUntil).toBeNull();
  });
});
