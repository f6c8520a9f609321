import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import {
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  loginOverHttp,
  setViewport,
  test as base,
  type ApiSession,
} from '../fixtures/index.js';

// HTML and script typed through the UI into every text field the SPA renders later (case,
// relative, contact, referral, document, family message and profile, staff reply), then every page
// that shows them, staff side and family side. The test fails on any dialog (alert), on any script
// that runs (the payloads push to window.__xss, installed empty before the app loads), on any CSP
// violation or page error (the console guard of `test`), and when a payload is not shown as the
// literal text that was typed. It ends with the manager erasing the relative's personal data.

const RUN = randomBytes(3).toString('hex');

// Each payload runs alert() or pushes to the sentinel if it were ever parsed as HTML, as a URL or
// as a template. None contains "," or ";" (the separators of the "other names" field).
const PAYLOADS = [
  `<img src=x onerror=alert(1)>`,
  `"><script>alert(1)</script>`,
  `<svg onload=alert(1)>`,
  `{{constructor.constructor('alert(1)')()}}`,
  `<img src=x onerror=__xss.push(document.domain)>`,
  `<svg><animate onbegin=__xss.push(1) attributeName=x dur=1s>`,
  `<iframe srcdoc="<script>parent.__xss.push(1)</script>"></iframe>`,
  `'-__xss.push(1)-'`,
] as const;
// Unique per run: a reference number may be recorded on one case only.
const URLISH = `javascript:alert('${RUN}')`;

/** A short value for a one-line field: a readable tag (to find it) and one payload. */
const short = (tag: string, n: number) => `${tag}${RUN} ${PAYLOADS[n % PAYLOADS.length]}`;
/** A long value for a free-text field: every payload, one a line. */
const long = (tag: string) => [`${tag}${RUN}`, ...PAYLOADS, URLISH].join('\n');

const CASE = {
  firstName: short('Arbnor', 0),
  fatherName: short('Fiktiv', 1),
  lastName: short('Provaj', 2),
  otherName: short('Aka', 3),
  placeOfBirth: short('Vendlindja', 4),
  lastSeenPlace: short('Parë', 5),
  circumstances: long('Rrethana'),
  reference: URLISH,
  reference2: short('REF', 6),
  statusNote: long('Shënim'),
};
const RELATIVE = { firstName: short('Drita', 7), lastName: short('Testaj', 0), address: long('Adresa') };
const CONTACT = { summary: long('Brendshme'), family: long('PerFamiljen') };
const REFERRAL = { organisation: short('Org', 2), purpose: long('Qellimi') };
const DOCUMENT = { description: short('Dokument', 3), fileName: `'><svg onload=alert(1)>${RUN}.txt` };
// Stored under a safe name (no <>:"|?*). (Chromium itself sends a " in a file name as %22, so the
// name typed here has none.)
const STORED_FILE_NAME = DOCUMENT.fileName.replace(/[<>:"|?*]/g, '_');
const FAMILY = { message: long('Mesazh'), address: long('AdresaRe') };
const REPLY = long('Pergjigje');
const OFFICER_NAME = `Menaxher ${RUN} <img src=x onerror=alert(1)>`;

/** The first line of a multi-line value: lists and previews may show only that much. */
const firstLine = (value: string) => value.split('\n')[0];

interface Staff {
  session: ApiSession;
}

const test = base.extend<{ watched: Page }, { staff: Staff }>({
  staff: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const admin = await loginOverHttp();
      const credentials = { email: `hostile-${RUN}@example.test`, password: `Sharri-${RUN}-Dragash-2001` };
      const created = await admin.request.post('/api/v1/users', {
        headers: admin.headers,
        data: { ...credentials, name: OFFICER_NAME, role: 'MANAGER', officeCode: 'PRISTINA' },
      });
      expect(created.status(), await created.text()).toBe(201);
      await admin.dispose();
      const session = await loginOverHttp(credentials);
      await use({ session });
      await session.dispose();
    },
    { scope: 'worker' },
  ],
  storageState: async ({ staff }, use) => {
    await use(await staff.session.request.storageState());
  },
  // The page of `test` (console and CSP guard) with the script sentinels and a dialog trap.
  watched: async ({ page }, use) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.addInitScript(() => {
      Object.defineProperty(window, '__xss', { value: [], writable: false, configurable: false });
    });
    await use(page);
    expect(dialogs, 'dialogs opened by injected script').toEqual([]);
    expect(await sentinel(page), 'injected script ran').toEqual([]);
  },
});

async function sentinel(page: Page): Promise<unknown[]> {
  return page.evaluate(() => [...(window as unknown as { __xss: unknown[] }).__xss]);
}

/** Nothing ran on this page so far; and every value shows as the text that was typed. */
async function expectLiteral(page: Page, scope: Page | Locator, values: string[]): Promise<void> {
  for (const value of values) {
    for (const line of value.split('\n')) await expect(scope.getByText(line).first()).toBeVisible();
  }
  expect(await sentinel(page), `injected script ran on ${page.url()}`).toEqual([]);
}

async function choose(page: Page, scope: Page | Locator, label: string | RegExp, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

const state = { caseId: '', caseNumber: '', relativeId: '', accessCode: '' };

test.describe.serial('hostile input is shown as text, never run', () => {
  test.use({ actionTimeout: 20_000 });
  test('a manager types payloads into the case, relative, contact, referral and document forms', async ({
    watched: page,
  }) => {
    test.setTimeout(180_000);
    await test.step('the case form (names, places, circumstances, references)', async () => {
      await page.goto('/cases/new');
      await page.getByLabel(/^First name/).fill(CASE.firstName);
      await page.getByLabel("Father's name").fill(CASE.fatherName);
      await page.getByLabel(/^Last name/).fill(CASE.lastName);
      const other = page.getByRole('combobox', { name: /^Other names and spellings/ });
      await other.fill(CASE.otherName);
      await other.press('Enter');
      await page.getByLabel('Place of birth').fill(CASE.placeOfBirth);
      await page.getByLabel('Missing since').fill('1999');
      await page.getByLabel(/^Last seen at/).fill(CASE.lastSeenPlace);
      await page.getByLabel(/^Circumstances/).fill(CASE.circumstances);
      await page.getByRole('button', { name: 'Add a reference' }).click();
      await page.getByRole('textbox', { name: 'Reference 1', exact: true }).fill(CASE.reference);
      // The first reference is checked against other cases as it is typed, which may move the button.
      const second = page.getByRole('textbox', { name: 'Reference 2', exact: true });
      await expect(async () => {
        if ((await second.count()) === 0) await page.getByRole('button', { name: 'Add a reference' }).click();
        await expect(second).toBeVisible({ timeout: 1_000 });
      }).toPass();
      await second.fill(CASE.reference2);
      // A manager picks the office (the first, by name, is Pristina).
      const office = page.getByRole('combobox', { name: /^Office/ });
      await office.focus();
      await office.press('ArrowDown');
      await office.press('Enter');
      await expect(office).toHaveValue(/Pristina/);
      // The duplicate check renders what is typed, before anything is saved.
      await expect(page.getByRole('region', { name: 'Possible duplicates' })).toBeVisible();
      await page.getByRole('button', { name: 'Create case' }).click();
      await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
      const heading = page.getByRole('heading', { level: 1 });
      for (const part of [CASE.firstName, CASE.fatherName, CASE.lastName]) await expect(heading).toContainText(part);
      state.caseId = page.url().split('/').pop()!;
      state.caseNumber = /MP-\d+/.exec((await heading.textContent()) ?? '')![0];
      await expectLiteral(page, page.getByRole('tabpanel'), [
        CASE.otherName,
        CASE.placeOfBirth,
        CASE.lastSeenPlace,
        CASE.circumstances,
        CASE.reference,
        CASE.reference2,
      ]);
      await expect(page.getByRole('link', { name: URLISH })).toHaveCount(0);
    });

    await test.step('a status change with a note', async () => {
      await page.getByRole('button', { name: 'Change status' }).click();
      const dialog = page.getByRole('dialog', { name: `Change the status of ${state.caseNumber}` });
      await dialog.getByRole('radio', { name: /^Verified/ }).check();
      await dialog.getByLabel(/^Note/).fill(CASE.statusNote);
      await dialog.getByRole('button', { name: 'Save the change' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('a relative: name and address; phone and email refuse markup', async () => {
      await page.goto(`/cases/${state.caseId}/relatives`);
      await page.getByRole('button', { name: 'Add a relative' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a relative' });
      await dialog.getByLabel(/^First name/).fill(RELATIVE.firstName);
      await dialog.getByLabel(/^Last name/).fill(RELATIVE.lastName);
      await choose(page, dialog, /^Relationship to the missing person/, 'Sister');
      await dialog.getByLabel('Phone').fill(PAYLOADS[0]);
      await dialog.getByLabel('Email').fill(`${URLISH}@example.test`);
      await dialog.getByLabel('Address').fill(RELATIVE.address);
      await dialog.getByRole('button', { name: 'Add the relative' }).click();
      await expect(dialog.getByText(/phone number/i).first()).toBeVisible();
      await expect(dialog.getByText(/email address/i).first()).toBeVisible();
      await dialog.getByLabel('Phone').fill('+383 44 000 321');
      await dialog.getByLabel('Email').fill(`drita.${RUN}@example.test`);
      await dialog.getByRole('button', { name: 'Add the relative' }).click();
      await expect(dialog).toBeHidden();
      const card = page.getByRole('listitem').filter({ hasText: `Drita${RUN}` });
      await expect(card.getByRole('heading', { level: 3 })).toHaveText(`${RELATIVE.firstName} ${RELATIVE.lastName}`);
      await expectLiteral(page, card, [RELATIVE.address]);
    });

    await test.step('portal access for the relative, code read from the screen', async () => {
      const name = `${RELATIVE.firstName} ${RELATIVE.lastName}`;
      await page.getByRole('button', { name: `Give portal access to ${name}` }).click();
      const dialog = page.getByRole('dialog', { name: `Portal code for ${name}` });
      state.accessCode = ((await dialog.getByTestId('access-code').textContent()) ?? '').trim();
      expect(state.accessCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
      await dialog.getByRole('button', { name: 'Done, close' }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step('a contact: internal and family summaries', async () => {
      await page.goto(`/cases/${state.caseId}/contacts`);
      await page.getByRole('button', { name: 'Log a contact' }).click();
      const form = page.getByRole('region', { name: 'Log a contact' });
      await form.getByLabel(/^Summary \(internal\)/).fill(CONTACT.summary);
      await form.getByLabel(/^Summary for the family/).fill(CONTACT.family);
      await form.getByRole('button', { name: 'Save the contact' }).click();
      await expect(form).toBeHidden();
      await expectLiteral(page, page.getByRole('tabpanel'), [CONTACT.summary, CONTACT.family]);
    });

    await test.step('a referral: organisation and purpose', async () => {
      await page.goto(`/cases/${state.caseId}/referrals`);
      await page.getByRole('button', { name: 'Add a referral' }).click();
      await page.getByLabel(/^Organisation/).fill(REFERRAL.organisation);
      await page.getByLabel('Purpose').fill(REFERRAL.purpose);
      await page.getByRole('button', { name: 'Save the referral' }).click();
      await expect(page.getByRole('button', { name: 'Save the referral' })).toBeHidden();
      await expectLiteral(page, page.getByRole('tabpanel'), [REFERRAL.organisation, REFERRAL.purpose]);
    });

    await test.step('a document for the family: description and file name', async () => {
      await page.goto(`/cases/${state.caseId}/attachments`);
      await page.getByRole('radio', { name: 'The family sees it' }).check();
      await page.getByLabel('Description (optional)').fill(DOCUMENT.description);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Choose files' }).click();
      await (
        await chooser
      ).setFiles({ name: DOCUMENT.fileName, mimeType: 'text/plain', buffer: Buffer.from('Dokument prove.\n') });
      const item = page.getByRole('listitem').filter({ hasText: STORED_FILE_NAME });
      await expect(item).toBeVisible();
      await expectLiteral(page, item, [DOCUMENT.description, STORED_FILE_NAME]);
    });
  });

  test.describe('the family', () => {
    test.use({ storageState: { cookies: [], origins: [] } });

    test('signs in with the code, reads the case, writes a message and corrects their address', async ({
      watched: page,
    }) => {
      test.setTimeout(120_000);
      await page.goto('/family');
      await page.getByLabel('Case number').fill(state.caseNumber);
      await page.getByLabel('Access code').fill(state.accessCode);
      await page.getByRole('button', { name: 'Sign in' }).click();
      // One case: the portal opens it directly.
      await expect(page.getByRole('heading', { level: 1 })).toContainText(CASE.firstName);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(CASE.lastName);
      await expectLiteral(page, page, [CONTACT.family, STORED_FILE_NAME]);
      // Internal text never reaches the family.
      await expect(page.getByText(firstLine(CONTACT.summary))).toHaveCount(0);
      await expect(page.getByText(firstLine(CASE.circumstances))).toHaveCount(0);

      await page.getByRole('link', { name: 'Read and write messages' }).click();
      await page.getByLabel('Your message').fill(FAMILY.message);
      await page.getByRole('button', { name: 'Send message' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Your message has been sent' })).toBeVisible();
      await expectLiteral(page, page.getByRole('region', { name: 'Conversation' }), [FAMILY.message]);

      await page.getByRole('link', { name: 'Your contact details' }).click();
      await page.getByLabel('Phone number').fill(PAYLOADS[2]);
      await page.getByLabel('Address').fill(FAMILY.address);
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText('Please enter a phone number in digits').first()).toBeVisible();
      await page.getByLabel('Phone number').fill('+383 44 000 322');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status').filter({ hasText: 'Your details have been saved' })).toBeVisible();
      await page.reload();
      await expect(page.getByLabel('Address')).toHaveValue(FAMILY.address);
      await page.getByRole('link', { name: 'Your case', exact: true }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText(CASE.firstName);
    });
  });

  test('staff answer the family and see every value as text on every page', async ({ watched: page }) => {
    test.setTimeout(240_000);
    await test.step('replies in the case messages tab', async () => {
      await page.goto(`/cases/${state.caseId}/messages`);
      await expectLiteral(page, page.getByRole('tabpanel'), [FAMILY.message]);
      await page.getByRole('textbox', { name: 'Message' }).fill(REPLY);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expectLiteral(page, page.getByRole('tabpanel'), [REPLY]);
    });

    const pages: [string, string[]][] = [
      [`/cases?q=${state.caseNumber}`, [CASE.firstName, CASE.lastName]],
      [`/cases?q=Arbnor${RUN}`, [CASE.firstName]],
      [
        `/cases/${state.caseId}/person`,
        [CASE.otherName, CASE.placeOfBirth, CASE.lastSeenPlace, CASE.circumstances, CASE.reference],
      ],
      [`/cases/${state.caseId}/relatives`, [RELATIVE.firstName, FAMILY.address]],
      [`/cases/${state.caseId}/contacts`, [CONTACT.summary, CONTACT.family]],
      [`/cases/${state.caseId}/referrals`, [REFERRAL.organisation, REFERRAL.purpose]],
      [`/cases/${state.caseId}/timeline`, [firstLine(CASE.statusNote)]],
      [`/cases/${state.caseId}/attachments`, [DOCUMENT.description]],
      [`/cases/${state.caseId}/messages`, [FAMILY.message, REPLY]],
      [`/cases/${state.caseId}/history`, []],
      ['/inbox', [firstLine(FAMILY.message)]],
      ['/dashboard', []],
      ['/follow-ups', []],
    ];
    for (const [path, values] of pages) {
      await test.step(`views ${path.replace(RUN, '…')}`, async () => {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        if (path.startsWith('/cases/')) {
          await expect(page.getByRole('tabpanel')).toBeVisible();
          await expect(page.getByRole('tabpanel').getByRole('status')).toHaveCount(0);
        }
        await expectLiteral(page, page.getByRole('main'), values);
        // A little time for anything deferred (image errors, animations) to fire.
        await page.waitForTimeout(300);
        expect(await sentinel(page)).toEqual([]);
      });
    }
  });

  test('the manager erases the relative’s personal data; the page passes axe at 360 px', async ({ watched: page }) => {
    test.setTimeout(120_000);
    await setViewport(page, 'phone');
    await page.goto(`/cases/${state.caseId}/relatives`);
    const name = `${RELATIVE.firstName} ${RELATIVE.lastName}`;
    const card = page.getByRole('listitem').filter({ hasText: `Drita${RUN}` });
    await expect(card).toBeVisible();
    const erase = card.getByRole('button', { name: `Erase the personal data of ${name}` });

    // While a consent is in force the action is disabled and says why; withdrawn, it is offered.
    await card.getByRole('button', { name: 'Record a consent' }).click();
    await card.getByRole('button', { name: 'Save the consent' }).click();
    await expect(card.getByRole('button', { name: 'Withdraw the consent for ICRC' })).toBeVisible();
    await expect(erase).toBeDisabled();
    await expect(erase).toHaveAccessibleDescription(/A consent to share their data is still in force/);
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);
    await card.getByRole('button', { name: 'Withdraw the consent for ICRC' }).click();
    await card.getByRole('button', { name: 'Record the withdrawal' }).click();
    await expect(card).toContainText(/withdrawn on/);
    await expect(erase).toBeEnabled();

    await erase.click();
    const dialog = page.getByRole('dialog', { name: `Erase the personal data of ${name}?` });
    await expect(dialog.getByText('This cannot be undone.')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByLabel(/^Reason/).fill(`Written request ${RUN} ${PAYLOADS[0]}`);
    await dialog.getByRole('button', { name: 'Erase permanently' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("This relative's personal data was erased.")).toBeVisible();
    await expect(page.getByText(`Drita${RUN}`)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await expectNoHorizontalScroll(page);

    // Their portal code stops working.
    const login = await page.request.post('/api/v1/family/login', {
      data: { caseNumber: state.caseNumber, accessCode: state.accessCode },
    });
    expect(login.status(), await login.text()).toBe(401);

    // The case history names the erasure in words.
    await page.goto(`/cases/${state.caseId}/history`);
    await expect(page.getByText('Personal data of a relative erased').first()).toBeVisible();

    // The family's messages and the contact summaries are replaced too.
    await page.goto(`/cases/${state.caseId}/contacts`);
    await expect(page.getByText('[erased]').first()).toBeVisible();
    await expect(page.getByText(firstLine(CONTACT.summary))).toHaveCount(0);
  });
});
