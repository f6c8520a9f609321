import { randomBytes } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
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

// A liaison officer's whole flow in the browser: a report checked for duplicates as it is typed,
// a relative, a contact with a follow-up that lands on "my follow-ups", the stages NEW -> VERIFIED
// -> ACTIVE, and finding the case again by a Cyrillic and by a misspelled name. The officer is
// created over the API by the administrator and signs in over HTTP (never through the form); the
// near-duplicate is created over the API too.

const RUN = randomBytes(3).toString('hex');
// The case typed in the browser, and an older report of a person with the same name.
const PERSON = { firstName: 'Bekim', fatherName: 'Sali', lastName: 'Hoxha', born: '1982' };
const CYRILLIC = 'Беким Хоџа';
const MISSPELLED = 'Bekim Hoxhs';

interface Officer {
  session: ApiSession;
  /** A case made over the API before the test: the same names, another birth year. */
  earlier: { id: string; caseNumber: string };
}

const test = base.extend<object, { officer: Officer }>({
  officer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const admin = await loginOverHttp();
      const credentials = { email: `cases-officer-${RUN}@example.test`, password: `Lumbardhi-${RUN}-Prizren-1999` };
      const created = await admin.request.post('/api/v1/users', {
        headers: admin.headers,
        data: { ...credentials, name: `Arta Morina ${RUN}`, role: 'LIAISON_OFFICER', officeCode: 'PRISTINA' },
      });
      expect(created.status(), await created.text()).toBe(201);
      await admin.dispose();

      const session = await loginOverHttp(credentials);
      const earlier = await session.request.post('/api/v1/cases', {
        headers: session.headers,
        data: {
          firstName: PERSON.firstName,
          fatherName: PERSON.fatherName,
          lastName: PERSON.lastName,
          dateOfBirth: '1955',
          missingSince: '1999-05',
        },
      });
      expect(earlier.status(), await earlier.text()).toBe(201);
      await use({ session, earlier: (await earlier.json()) as Officer['earlier'] });
      await session.dispose();
    },
    { scope: 'worker' },
  ],
  // Every page opens signed in as the officer (the console guard of `test` still watches it).
  storageState: async ({ officer }, use) => {
    await use(await officer.session.request.storageState());
  },
});

/** Picks an option of a Mantine Select by the field's label. */
async function choose(page: Page, scope: Page | Locator, label: string | RegExp, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

function today(offsetDays = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const caseState: { id: string; caseNumber: string } = { id: '', caseNumber: '' };

test.describe.serial('a liaison officer works a case from report to active', () => {
  test('creates a case: likely duplicates show while typing, before anything is saved', async ({ page, officer }) => {
    await page.goto('/cases/new');
    await expect(page.getByRole('heading', { level: 1, name: 'New case' })).toBeVisible();
    const duplicates = page.getByRole('region', { name: 'Possible duplicates' });
    await expect(duplicates).toContainText('Type a first or last name');

    // Saving an empty form says what is missing, field by field.
    await page.getByRole('button', { name: 'Create case' }).click();
    await expect(page.getByLabel(/^First name/)).toBeFocused();
    await expect(page.getByText('Required.').first()).toBeVisible();

    await page.getByLabel(/^First name/).fill(PERSON.firstName);
    await page.getByLabel("Father's name").fill(PERSON.fatherName);
    // The Serbian spelling of the same surname: the check folds scripts and spellings.
    await page.getByLabel(/^Last name/).fill('Hodža');
    // The report made before (on a fresh database the only one; the server lists the best ten).
    await expect(duplicates.getByRole('link', { name: `Open case ${officer.earlier.caseNumber}` })).toBeVisible();
    const earlier = duplicates.getByRole('listitem').filter({ hasText: officer.earlier.caseNumber });
    await expect(earlier).toContainText('Bekim (Sali) Hoxha');
    await expect(earlier).toContainText(/\d+% match/);
    await expect(earlier).toContainText("Same father's name");

    // Another birth year: the officer decides it is another person and reports them.
    await page.getByLabel(/^Last name/).fill(PERSON.lastName);
    await page.getByLabel('Date of birth').fill('4.1982');
    await page.getByLabel('Date of birth').blur();
    await expect(page.getByLabel('Date of birth')).toHaveValue('1982-04');
    await expect(page.getByText('Reads as: April 1982')).toBeVisible();
    await expect(earlier).toContainText('Different birth year');
    await page.getByLabel('Missing since').fill('1999');
    await page.getByLabel(/^Circumstances/).fill(`Taken from the bus near Gjakova (e2e ${RUN}).`);
    await page.getByRole('button', { name: 'Create case' }).click();

    await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Bekim (Sali) Hoxha');
    const title = await page.getByRole('heading', { level: 1 }).textContent();
    caseState.caseNumber = /MP-\d+/.exec(title ?? '')![0];
    caseState.id = page.url().split('/').pop()!;
    await expect(page.getByText('April 1982')).toBeVisible();
    // The badges carry their axis for screen readers: "Fate: Missing".
    await expect(page.getByText('Fate: Missing')).toBeVisible();
    await expect(page.getByText('Stage of our work: New')).toBeVisible();
  });

  test('adds a relative', async ({ page }) => {
    await page.goto(`/cases/${caseState.id}/relatives`);
    await page.getByRole('button', { name: 'Add a relative' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a relative' });
    await dialog.getByLabel(/^First name/).fill('Shpresa');
    await dialog.getByLabel(/^Last name/).fill('Hoxha');
    await choose(page, dialog, /^Relationship to the missing person/, 'Mother');
    await dialog.getByLabel('Phone').fill('+383 44 123 456');
    await choose(page, dialog, 'DNA reference sample given', 'Yes');
    await expect(dialog.getByLabel(/^Primary contact/)).toBeChecked();
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Add the relative' }).click();
    await expect(dialog).toBeHidden();

    const card = page.getByRole('listitem').filter({ hasText: 'Shpresa Hoxha' });
    await expect(card).toContainText('Mother');
    await expect(card).toContainText('Primary contact');
    await expect(card.getByRole('link', { name: '+383 44 123 456' })).toBeVisible();
    await expect(card).toContainText('Albanian');
    await expect(card).toContainText('No portal access');
  });

  test('logs a contact with a follow-up, which then shows in "my follow-ups"', async ({ page }) => {
    await page.goto(`/cases/${caseState.id}/contacts`);
    await page.getByRole('button', { name: 'Log a contact' }).click();
    const form = page.getByRole('region', { name: 'Log a contact' });
    await expect(form.getByRole('combobox', { name: 'With which relative' })).toHaveValue('Shpresa Hoxha');
    await form.getByLabel(/^Summary \(internal\)/).fill('Visited the mother; she brought a photo.');
    await form.getByLabel(/^Summary for the family/).fill('We visited you at home and talked about the search.');
    await form.getByLabel(/^Follow up on/).fill(today(2));
    await form.getByRole('button', { name: 'Save the contact' }).click();
    await expect(form).toBeHidden();
    const contact = page
      .getByRole('list', { name: /Contacts with the family/ })
      .getByRole('listitem')
      .first();
    await expect(contact).toContainText('Home visit');
    await expect(contact).toContainText('with Shpresa Hoxha');
    await expect(contact).toContainText('Visited the mother');

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'My follow-ups' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'My follow-ups' })).toBeVisible();
    const week = page.getByRole('region', { name: 'Next 7 days' });
    const item = week.getByRole('link', { name: new RegExp(`${caseState.caseNumber} · Bekim Hoxha`) });
    await expect(item).toBeVisible();
    await item.click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseState.id}/contacts#contact-`));
    await expect(page.getByRole('tab', { name: 'Contacts', selected: true })).toBeVisible();
  });

  test('moves the case NEW -> VERIFIED -> ACTIVE, offered only the allowed steps', async ({ page }) => {
    await page.goto(`/cases/${caseState.id}`);
    await page.getByRole('button', { name: 'Change status' }).click();
    let dialog = page.getByRole('dialog', { name: `Change the status of ${caseState.caseNumber}` });
    const workflow = dialog.getByRole('radiogroup', { name: 'Stage of our work' });
    await expect(workflow.getByRole('radio')).toHaveCount(2); // no change, VERIFIED
    await expect(dialog.getByRole('radiogroup', { name: 'Fate' }).getByRole('radio')).toHaveCount(4);
    await expect(dialog.getByText(/Corrections/)).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await workflow.getByRole('radio', { name: /^Verified/ }).check();
    await dialog.getByLabel(/^Note/).fill('Checked against the ICRC list; no duplicate.');
    await dialog.getByRole('button', { name: 'Save the change' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Stage of our work: Verified')).toBeVisible();

    await page.getByRole('button', { name: 'Change status' }).click();
    dialog = page.getByRole('dialog', { name: `Change the status of ${caseState.caseNumber}` });
    await dialog.getByRole('radio', { name: /^Active/ }).check();
    await dialog.getByLabel(/^Note/).fill('Work with the family started.');
    await dialog.getByLabel(/^Message for the family/).fill('Jemi në kontakt me ju për kërkimin.');
    await dialog.getByRole('button', { name: 'Save the change' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Stage of our work: Active')).toBeVisible();

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page).toHaveURL(new RegExp(`/cases/${caseState.id}/timeline$`));
    await expect(page.getByText('Stage: Verified → Active')).toBeVisible();
    await expect(page.getByText('Stage: New → Verified')).toBeVisible();
    await expect(page.getByText('Jemi në kontakt me ju për kërkimin.')).toBeVisible();
  });

  for (const [how, q] of [
    ['a Cyrillic spelling', CYRILLIC],
    ['a misspelled name', MISSPELLED],
  ] as const) {
    test(`finds the case again from the list by ${how}`, async ({ page }) => {
      await page.goto('/cases');
      await page.getByRole('searchbox', { name: /^Search by name/ }).fill(q);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page).toHaveURL(new RegExp(`\\?q=${encodeURIComponent(q).replace(/%20/g, '(\\+|%20)')}`));
      const link = page.getByRole('link', { name: 'Bekim (Sali) Hoxha' });
      await expect(link.first()).toBeVisible();
      const row = page.getByRole('row').filter({ hasText: caseState.caseNumber });
      await expect(row).toContainText('Active');
      // The address keeps the search: reloading shows the same list.
      await page.reload();
      await expect(page.getByRole('row').filter({ hasText: caseState.caseNumber })).toBeVisible();
    });
  }

  test('the list keeps its filters in the address: back and forward show the same lists', async ({ page }) => {
    await page.goto('/cases');
    await choose(page, page, 'Stage of our work', 'Active');
    await expect(page).toHaveURL(/workflowStatus=ACTIVE/);
    await expect(page.getByRole('row').filter({ hasText: caseState.caseNumber })).toBeVisible();
    await choose(page, page, 'Stage of our work', 'New');
    await expect(page).toHaveURL(/workflowStatus=NEW/);
    await expect(page.getByRole('row').filter({ hasText: caseState.caseNumber })).toHaveCount(0);
    await page.goBack();
    await expect(page).toHaveURL(/workflowStatus=ACTIVE/);
    await expect(page.getByRole('combobox', { name: 'Stage of our work' })).toHaveValue('Active');
    await expect(page.getByRole('row').filter({ hasText: caseState.caseNumber })).toBeVisible();
  });

  test('an edit made while someone else changed the case is kept, with a clear message', async ({ page, officer }) => {
    await page.goto(`/cases/${caseState.id}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit the case' });
    await form.getByLabel('Place of birth').fill('Rahovec');

    // Meanwhile, another officer saves a change to the same case.
    const current = await officer.session.request.get(`/api/v1/cases/${caseState.id}`);
    const { version } = (await current.json()) as { version: number };
    const other = await officer.session.request.patch(`/api/v1/cases/${caseState.id}`, {
      headers: officer.session.headers,
      data: { version, lastSeenPlace: 'Bus station' },
    });
    expect(other.status()).toBe(200);

    await form.getByRole('button', { name: 'Save changes' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Someone else changed this case' });
    await expect(alert).toBeVisible();
    await expect(form.getByLabel('Place of birth')).toHaveValue('Rahovec');
    await alert.getByRole('button', { name: 'Compare the changes' }).click();
    await expect(alert.getByRole('row', { name: /Last seen at/ })).toContainText('Bus station');
    await alert.getByRole('button', { name: 'Keep my edits on top of theirs' }).click();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByText('Rahovec')).toBeVisible();
    await expect(page.getByText('Bus station')).toBeVisible();
  });
});

test.describe('accessibility and small screens', () => {
  const TABS = ['person', 'relatives', 'contacts', 'referrals', 'timeline', 'attachments', 'messages', 'history'];

  for (const viewport of Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[]) {
    test(`list, create, case tabs and follow-ups pass axe at ${VIEWPORTS[viewport].width} px`, async ({
      page,
      officer,
    }) => {
      // Eleven pages, each scanned: on two cores this takes a while.
      test.setTimeout(240_000);
      await setViewport(page, viewport);
      const id = caseState.id || officer.earlier.id;
      const pages: [string, () => Promise<void>][] = [
        ['/cases', () => expect(page.getByRole('status').filter({ hasText: /\d+ cases?/ })).toBeVisible()],
        ['/cases/new', () => expect(page.getByRole('region', { name: 'Possible duplicates' })).toBeVisible()],
        ...TABS.map(
          (tab) =>
            [
              `/cases/${id}/${tab}`,
              async () => {
                await expect(page.getByRole('tabpanel')).toBeVisible();
                await expect(page.getByRole('tabpanel').getByRole('status')).toHaveCount(0);
              },
            ] as [string, () => Promise<void>],
        ),
        ['/follow-ups', () => expect(page.getByRole('heading', { level: 1, name: 'My follow-ups' })).toBeVisible()],
      ];
      for (const [path, ready] of pages) {
        await page.goto(path);
        await ready();
        await expectNoSeriousA11yViolations(page);
        if (viewport === 'phone') await expectNoHorizontalScroll(page);
      }
    });
  }
});
