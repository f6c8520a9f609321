import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
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
  type StaffAccount,
} from '../fixtures/index.js';

// The case page's less-travelled features, driven in the browser: a manager assigns and reassigns
// a case to liaison officers and merges a duplicate report into a case; a liaison officer refers
// the family to another service and moves the referral along, and uploads a document, shows it to
// the family (checked in the portal's API too) and downloads it. Accounts are made by the administrator and sign in over HTTP; each
// test seeds its own cases over the API. (Documents cannot be deleted: the API has no such route.)

const RUN = randomBytes(3).toString('hex');
const SURNAME = `Trillimi${RUN}`;

interface People {
  manager: StaffAccount;
  officer: StaffAccount;
  secondOfficer: StaffAccount;
}

const test = base.extend<{ signedInAs: 'manager' | 'officer' }, { people: People }>({
  people: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const admin = await loginOverHttp();
      const manager = await createStaff(admin, { name: `Besa Trillimi ${RUN}`, role: 'MANAGER' });
      const officer = await createStaff(admin, {
        name: `Agron Trillimi ${RUN}`,
        role: 'LIAISON_OFFICER',
        officeCode: 'PRISTINA',
      });
      const secondOfficer = await createStaff(admin, {
        name: `Valbona Trillimi ${RUN}`,
        role: 'LIAISON_OFFICER',
        officeCode: 'PRISTINA',
      });
      await admin.dispose();
      await use({ manager, officer, secondOfficer });
      for (const account of [manager, officer, secondOfficer]) await account.session.dispose();
    },
    { scope: 'worker' },
  ],
  signedInAs: ['officer', { option: true }],
  storageState: async ({ people, signedInAs }, use) => {
    await use(await people[signedInAs].session.request.storageState());
  },
});

async function openMoreActions(page: Page, item: string) {
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test.describe('a manager', () => {
  test.use({ signedInAs: 'manager' });

  test('assigns a case to a liaison officer, then gives it to another', async ({ page, people }) => {
    test.setTimeout(60_000);
    const api = people.manager.session;
    const kase = await createCaseOverApi(api, { firstName: 'Fisnik', lastName: SURNAME, officeCode: 'PRISTINA' });
    await page.goto(`/cases/${kase.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(kase.caseNumber);

    await openMoreActions(page, 'Assign a liaison officer');
    const dialog = page.getByRole('dialog', { name: `Assign ${kase.caseNumber}` });
    await expect(dialog).toContainText(/Choose a liaison officer of the .*Pristina.* office\./);
    const select = dialog.getByRole('combobox', { name: 'Liaison officer' });
    await expect(select).toBeEnabled();
    await scanAtBothWidths(page);
    await select.click();
    await page.getByRole('option', { name: people.officer.name }).click();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Case assigned' })).toContainText(
      `${kase.caseNumber} is now with ${people.officer.name}.`,
    );
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Liaison officer: ${people.officer.name}`)).toBeVisible();

    // Reassigned: the dialog opens on the current officer.
    await openMoreActions(page, 'Assign a liaison officer');
    await expect(select).toHaveValue(people.officer.name);
    await select.click();
    await page.getByRole('option', { name: people.secondOfficer.name }).click();
    await dialog.getByRole('button', { name: 'Assign' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Liaison officer: ${people.secondOfficer.name}`)).toBeVisible();

    const saved = await expectJson<{ assignedOfficer: { id: string } | null; version: number }>(
      await api.request.get(`/api/v1/cases/${kase.id}`),
      'case',
    );
    expect(saved.assignedOfficer?.id).toBe(people.secondOfficer.id);
    expect(saved.version).toBeGreaterThan(kase.version);
    // The new officer sees it among their cases.
    const mine = await expectJson<{ assignedOfficer: { id: string } | null }>(
      await people.secondOfficer.session.request.get(`/api/v1/cases/${kase.id}`),
      'case as the officer',
    );
    expect(mine.assignedOfficer?.id).toBe(people.secondOfficer.id);
  });

  test('merges a duplicate report into a case; the old number leads to the surviving case', async ({
    page,
    people,
  }) => {
    test.setTimeout(60_000);
    const api = people.manager.session;
    const person = { firstName: 'Gëzim', fatherName: 'Fatmir', lastName: SURNAME, dateOfBirth: '1968' };
    const survivor = await createCaseOverApi(api, { ...person, officeCode: 'PRISTINA', missingSince: '1999-04' });
    // The same man reported again, at the other office, with a relative of his own.
    const duplicate = await createCaseOverApi(api, { ...person, officeCode: 'MITROVICA', missingSince: '1999' });
    await addRelativeOverApi(api, duplicate.id, {
      firstName: 'Teuta',
      lastName: SURNAME,
      relationship: 'SPOUSE',
      preferredLanguage: 'sq',
    });

    await page.goto(`/cases/${survivor.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(survivor.caseNumber);
    await openMoreActions(page, 'Merge a duplicate into this case');
    const dialog = page.getByRole('dialog', { name: `Merge a duplicate into ${survivor.caseNumber}` });
    // The duplicate is suggested, with its similarity.
    const suggestion = dialog.getByRole('radio', { name: new RegExp(`^${duplicate.caseNumber} · .*% match\\)$`) });
    await expect(suggestion).toBeVisible();
    const merge = dialog.getByRole('button', { name: 'Merge the cases' });
    await expect(merge).toBeDisabled();
    await suggestion.check();
    await expect(dialog).toContainText('This cannot be undone');
    await expect(dialog).toContainText(`moves to ${survivor.caseNumber}`);
    // Only once the manager confirms having checked.
    await expect(merge).toBeDisabled();
    const understood = dialog.getByRole('checkbox', {
      name: `I have checked that ${duplicate.caseNumber} is the same person`,
    });
    await understood.check();
    await expect(merge).toBeEnabled();
    await scanAtBothWidths(page);

    // Choosing the case being merged into, by its number, is refused.
    await dialog.getByRole('radio', { name: 'Another case, by its number' }).check();
    await dialog.getByRole('textbox', { name: 'Case number' }).fill(survivor.caseNumber);
    await expect(dialog.getByRole('alert')).toHaveText('This is the case you are merging into. Choose another one.');
    await expect(merge).toBeDisabled();
    await suggestion.check();
    await understood.check();
    await merge.click();
    await expect(page.getByRole('alert').filter({ hasText: 'Cases merged' })).toContainText(
      `${duplicate.caseNumber} was merged into ${survivor.caseNumber}.`,
    );
    await expect(dialog).toBeHidden();

    // The duplicate's relative is on the surviving case now.
    await page.getByRole('tab', { name: 'Relatives' }).click();
    await expect(page.getByRole('heading', { level: 3, name: `Teuta ${SURNAME}` })).toBeVisible();

    // The old case (by id and by number) opens the surviving one, saying so.
    const resolved = await expectJson<{ id: string; resolvedFrom: { caseNumber: string } | null }>(
      await api.request.get(`/api/v1/cases/${duplicate.id}`),
      'merged case',
    );
    expect(resolved).toMatchObject({ id: survivor.id, resolvedFrom: { caseNumber: duplicate.caseNumber } });
    await page.goto(`/cases/${duplicate.id}`);
    await expect(page).toHaveURL(new RegExp(`/cases/${survivor.id}/person$`));
    await expect(
      page.getByText(`Case ${duplicate.caseNumber} was merged into this case, ${survivor.caseNumber}.`),
    ).toBeVisible();
    await scanAtBothWidths(page);
  });
});

test.describe('a liaison officer', () => {
  test('cannot assign or merge cases: those actions are for managers', async ({ page, people }) => {
    const kase = await createCaseOverApi(people.officer.session, { firstName: 'Jeton', lastName: SURNAME });
    await page.goto(`/cases/${kase.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(kase.caseNumber);
    await page.getByRole('button', { name: 'More actions' }).click();
    await expect(page.getByRole('menuitem', { name: 'Record that the family was told in person' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Assign a liaison officer' })).toHaveCount(0);
    await expect(page.getByRole('menuitem', { name: 'Merge a duplicate into this case' })).toHaveCount(0);
    const assign = await people.officer.session.request.post(`/api/v1/cases/${kase.id}/assign`, {
      headers: people.officer.session.headers,
      data: { officerId: people.secondOfficer.id, version: kase.version },
    });
    expect(assign.status()).toBe(403);
  });

  test('refers the family to a service and moves the referral along', async ({ page, people }) => {
    test.setTimeout(60_000);
    const api = people.officer.session;
    const kase = await createCaseOverApi(api, { firstName: 'Hana', lastName: SURNAME });
    const organisation = `Qendra Juridike Fiktive ${RUN}`;

    await page.goto(`/cases/${kase.id}/referrals`);
    await expect(page.getByText('No referral yet')).toBeVisible();
    await page.getByRole('button', { name: 'Add a referral' }).click();
    const form = page.getByRole('region', { name: 'Add a referral' });
    await expect(form).toBeVisible();
    await scanAtBothWidths(page);

    // Saving without an organisation says so at the field.
    await form.getByRole('button', { name: 'Save the referral' }).click();
    await expect(form.getByRole('textbox', { name: /^Organisation/ })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Required.')).toBeVisible();

    await form.getByRole('combobox', { name: /^Service/ }).click();
    await page.getByRole('option', { name: 'Legal aid' }).click();
    await form.getByRole('textbox', { name: /^Organisation/ }).fill(organisation);
    await form.getByRole('textbox', { name: 'Purpose' }).fill('Help with the declaration of the missing person.');
    await form.getByRole('button', { name: 'Save the referral' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Referral saved' })).toBeVisible();
    await expect(form).toBeHidden();

    const item = page.getByRole('list', { name: 'Referrals' }).getByRole('listitem').filter({ hasText: organisation });
    await expect(item).toContainText('Legal aid');
    await expect(item).toContainText('Requested');
    await expect(item).toContainText(`by ${people.officer.name}`);

    const changeStatus = item.getByRole('button', { name: `Change the status of the referral to ${organisation}` });
    await changeStatus.click();
    // Only the steps allowed from "requested".
    await expect(page.getByRole('menuitem')).toHaveText([
      'Mark as accepted',
      'Mark as rejected',
      'Withdraw the referral',
    ]);
    await page.getByRole('menuitem', { name: 'Mark as accepted' }).click();
    await expect(item).toContainText('Accepted');
    await changeStatus.click();
    await page.getByRole('menuitem', { name: 'Mark as done' }).click();
    await expect(item).toContainText('Done');
    await expect(item).toContainText(/closed \d/);
    // A finished referral has no next step.
    await expect(changeStatus).toHaveCount(0);
    await scanAtBothWidths(page);

    const referrals = await expectJson<
      { organisation: string; service: string; status: string; closedOn: string | null }[]
    >(await api.request.get(`/api/v1/cases/${kase.id}/referrals`), 'referrals');
    expect(referrals).toEqual([
      expect.objectContaining({ organisation, service: 'LEGAL_AID', status: 'DONE', closedOn: expect.any(String) }),
    ]);
  });

  test('uploads a document, shows it to the family, hides it again and downloads it', async ({ page, people }) => {
    test.setTimeout(60_000);
    const api = people.officer.session;
    const kase = await createCaseOverApi(api, { firstName: 'Ilir', lastName: SURNAME });
    const content = Buffer.from(`Vertetim i rremë për provë (e2e ${RUN}).\n`, 'utf8');
    const fileName = `vertetim-${RUN}.txt`;

    await page.goto(`/cases/${kase.id}/attachments`);
    await expect(page.getByText('No document yet')).toBeVisible();
    const upload = page.getByRole('region', { name: 'Add documents or photos' });
    await expect(upload.getByRole('radio', { name: 'Internal' })).toBeChecked();
    await scanAtBothWidths(page);

    // A file of a kind that is not accepted, and a text document.
    await upload.getByRole('textbox', { name: 'Description (optional)' }).fill('Confirmation of the report');
    await upload.locator('input[type="file"]').setInputFiles([
      { name: 'program.exe', mimeType: 'application/octet-stream', buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0]) },
      { name: fileName, mimeType: 'text/plain', buffer: content },
    ]);
    const problems = page.getByRole('alert').filter({ hasText: 'Some files were not uploaded' });
    await expect(problems).toContainText('program.exe is not a supported kind of file');
    const uploaded = page.getByRole('alert').filter({ hasText: /^Uploaded/ });
    await expect(uploaded).toContainText(fileName);

    const list = page.getByRole('list', { name: 'Documents and photos' });
    const item = list.getByRole('listitem').filter({ hasText: fileName });
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(item).toContainText('Internal');
    await expect(item).toContainText('Confirmation of the report');
    await expect(item).toContainText(`by ${people.officer.name}`);
    await expect(upload.getByRole('textbox', { name: 'Description (optional)' })).toHaveValue('');

    await item.getByRole('button', { name: `Show ${fileName} to the family` }).click();
    await expect(item).toContainText('The family sees it');
    const shared = await expectJson<{ fileName: string; visibility: string; sha256: string }[]>(
      await api.request.get(`/api/v1/cases/${kase.id}/attachments`),
      'attachments',
    );
    expect(shared).toEqual([expect.objectContaining({ fileName, visibility: 'FAMILY' })]);
    // The family, signed in to the portal, sees the document (and only while it is shared).
    const relative = await addRelativeOverApi(api, kase.id, {
      firstName: 'Flutura',
      lastName: SURNAME,
      relationship: 'MOTHER',
      preferredLanguage: 'sq',
    });
    const family = await familyLoginOverHttp(
      kase.caseNumber,
      await issuePortalAccessOverApi(api, kase.id, relative.id),
    );
    const familyFiles = async () =>
      (
        await expectJson<{ attachments: { fileName: string }[] }>(
          await family.request.get(`/api/v1/family/cases/${kase.id}`),
          'family case',
        )
      ).attachments.map((a) => a.fileName);
    expect(await familyFiles()).toEqual([fileName]);
    await scanAtBothWidths(page);

    await item.getByRole('button', { name: `Hide ${fileName} from the family` }).click();
    await expect(item).toContainText('Internal');
    await expect(item.getByRole('button', { name: `Show ${fileName} to the family` })).toBeVisible();
    expect(await familyFiles()).toEqual([]);
    await family.dispose();

    const download = page.waitForEvent('download');
    await item.getByRole('link', { name: fileName }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(fileName);
    expect(await readFile(await file.path())).toEqual(content);

    const after = await expectJson<{ visibility: string }[]>(
      await api.request.get(`/api/v1/cases/${kase.id}/attachments`),
      'attachments',
    );
    expect(after.map((a) => a.visibility)).toEqual(['INTERNAL']);
  });
});
