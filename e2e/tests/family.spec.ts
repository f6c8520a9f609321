import { randomBytes } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { APIResponse, Page } from '@playwright/test';
import {
  AXE_TAGS,
  expect,
  expectNoHorizontalScroll,
  formatViolations,
  loginOverHttp,
  test,
  VIEWPORTS,
  type ApiSession,
} from '../fixtures/index.js';

// The family portal's whole story in Chromium, on a phone-sized screen: an officer (over the API)
// opens the cases, writes for the family and issues portal access with its letter; the family
// signs in in Serbian Cyrillic, reads the news, corrects their phone number and writes; the
// officer reads it and answers; the session ending, signing out, another family's case and a
// locked-out case number. Every portal page is scanned by axe (no violations at all) and checked
// for sideways scrolling at 360 px.

test.use({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
test.describe.configure({ mode: 'serial' });

// The interface in Serbian Cyrillic, as generated from the Serbian Latin texts.
const SR = {
  title: 'Портал за породице',
  language: 'Језик',
  caseNumber: 'Број предмета',
  accessCode: 'Приступни код',
  signIn: 'Пријавите се',
  cases: 'Ваши предмети',
  searching: 'Потрага се наставља',
  foundAlive: 'Члан ваше породице је пронађен жив',
  update: 'Вест од вашег службеника за везу',
  visit: 'Посета код куће',
  documentShared: 'Подељен је документ са вама',
  openMessages: 'Читајте и пишите поруке',
  messages: 'Поруке',
  message: 'Ваша порука',
  meeting: 'Желим састанак',
  send: 'Пошаљите поруку',
  sent: 'Ваша порука је послата. Ваш службеник за везу одговориће овде.',
  meetingRequested: 'Затражили сте састанак.',
  newReply: 'Ново',
  contact: 'Ваши контакт подаци',
  phone: 'Број телефона',
  save: 'Сачувајте',
  saved: 'Ваши подаци су сачувани. Ваш службеник за везу видеће промену.',
  notFound: 'Страница није пронађена',
  notYours: /Овај предмет нисмо пронашли/,
  expired: 'Одјављени сте',
  signOut: 'Одјавите се',
  signedOut: 'Одјавили сте се. Хвала вам на посети.',
};

interface CaseRef {
  id: string;
  caseNumber: string;
}

const FAMILY_MESSAGE = 'Ovo je Teuta, vaš službenik za vezu. Predmet je proveren i potraga je u toku.';
const VISIT_SUMMARY = 'Posetili smo vas kod kuće i razgovarali o potrazi.';
const INTERNAL_SUMMARY = 'INTERNAL: informant named a possible site near the river';
const FAMILY_WRITES = 'Можемо ли да се видимо у понедељак?';
const OFFICER_REPLIES = 'Да, доћи ћу у понедељак у 10 часова.';
const NEW_PHONE = '+383 49 555 123';

let admin: ApiSession;
let officer: ApiSession;
let family: { caseA: CaseRef; caseB: CaseRef; relativeId: string; accessCode: string };
let other: { caseC: CaseRef; relativeId: string };

async function ok<T>(response: APIResponse, what: string, status = [200, 201]): Promise<T> {
  expect(status, `${what}: ${response.status()} ${await response.text()}`).toContain(response.status());
  return (await response.json()) as T;
}

async function createCase(firstName: string, lastName: string): Promise<CaseRef> {
  const res = await officer.request.post('/api/v1/cases', { headers: officer.headers, data: { firstName, lastName } });
  return ok<CaseRef>(res, `create case ${firstName} ${lastName}`);
}

async function addRelative(caseId: string, data: Record<string, unknown>): Promise<string> {
  const res = await officer.request.post(`/api/v1/cases/${caseId}/relatives`, { headers: officer.headers, data });
  return (await ok<{ id: string }>(res, 'add relative')).id;
}

async function issueAccess(caseId: string, relativeId: string): Promise<string> {
  const res = await officer.request.post(`/api/v1/cases/${caseId}/relatives/${relativeId}/portal-access`, {
    headers: officer.headers,
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { accessCode: string }).accessCode;
}

/** axe with the WCAG 2.1 A/AA rules: no violations of any impact on a portal page. */
async function expectNoA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const where = `${new URL(page.url()).pathname} at ${page.viewportSize()?.width}px`;
  expect(results.violations, `axe on ${where}:\n${formatViolations(results.violations)}`).toEqual([]);
}

async function checkPage(page: Page): Promise<void> {
  await expectNoHorizontalScroll(page);
  await expectNoA11yViolations(page);
}

async function signIn(page: Page, caseNumber: string, accessCode: string): Promise<void> {
  await page.getByLabel(SR.caseNumber).fill(caseNumber);
  await page.getByLabel(SR.accessCode).fill(accessCode);
  await page.getByRole('button', { name: SR.signIn }).click();
}

test.beforeAll(async () => {
  admin = await loginOverHttp();
  const email = `officer-${randomBytes(4).toString('hex')}@example.test`;
  const password = randomBytes(18).toString('base64url');
  await ok(
    await admin.request.post('/api/v1/users', {
      headers: admin.headers,
      data: { email, name: 'Teuta Krasniqi', role: 'LIAISON_OFFICER', officeCode: 'PRISTINA', password },
    }),
    'create officer',
  );
  officer = await loginOverHttp({ email, password });

  // One family looking for two brothers; another family with a case of their own.
  const caseA = await createCase('Arben', 'Fiktivi');
  const caseB = await createCase('Besim', 'Fiktivi');
  const caseC = await createCase('Dardan', 'Tjetri');
  const relativeId = await addRelative(caseA.id, {
    firstName: 'Drita',
    lastName: 'Fiktivi',
    email: 'drita.fiktivi@example.test',
    phone: '+383 44 000 001',
    preferredLanguage: 'sr',
    relationship: 'MOTHER',
    isPrimaryContact: true,
  });
  await addRelative(caseB.id, { relativeId, relationship: 'MOTHER' });
  const otherRelative = await addRelative(caseC.id, { firstName: 'Vesa', lastName: 'Tjetri', relationship: 'SPOUSE' });

  // What the family will read: a status change with a message written for them, a visit with a
  // family-visible summary (and an internal one), the next appointment and a shared document.
  await ok(
    await officer.request.post(`/api/v1/cases/${caseA.id}/status`, {
      headers: officer.headers,
      data: { workflowStatus: 'VERIFIED', note: 'Report checked against the ICRC list', familyMessage: FAMILY_MESSAGE },
    }),
    'status change with a family message',
  );
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await ok(
    await officer.request.post(`/api/v1/cases/${caseA.id}/contacts`, {
      headers: officer.headers,
      data: {
        channel: 'VISIT',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        relativeId,
        summary: INTERNAL_SUMMARY,
        familyVisibleSummary: VISIT_SUMMARY,
        followUpOn: inAWeek,
      },
    }),
    'log a visit',
  );
  await ok(
    await officer.request.post(`/api/v1/cases/${caseA.id}/attachments`, {
      headers: officer.headers,
      multipart: {
        file: { name: 'potvrda.txt', mimeType: 'text/plain', buffer: Buffer.from('Potvrda o prijavi nestanka.\n') },
        visibility: 'FAMILY',
        description: 'Confirmation of the report',
      },
    }),
    'share a document',
  );
  await ok(
    await officer.request.post(`/api/v1/cases/${caseB.id}/status`, {
      headers: officer.headers,
      data: { fateStatus: 'FOUND_ALIVE', note: 'Confirmed by the ICRC', familyMessage: 'Besim je živ i zdrav.' },
    }),
    'found alive',
  );

  // Portal access and its letter (a PDF, in Serbian Cyrillic for this family).
  const accessCode = await issueAccess(caseA.id, relativeId);
  expect(accessCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
  const letter = await officer.request.post(
    `/api/v1/cases/${caseA.id}/relatives/${relativeId}/portal-access/letter?script=cyrl`,
    { headers: officer.headers, data: { accessCode } },
  );
  expect(letter.status(), await letter.text()).toBe(200);
  expect(letter.headers()['content-type']).toMatch(/^application\/pdf/);
  const pdf = await letter.body();
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(1000);
  await issueAccess(caseC.id, otherRelative);

  family = { caseA, caseB, relativeId, accessCode };
  other = { caseC, relativeId: otherRelative };
});

test.afterAll(async () => {
  await officer?.dispose();
  await admin?.dispose();
});

test('a family follows their case on a phone in Serbian Cyrillic, and the officer answers', async ({ page }) => {
  test.setTimeout(120_000);
  const { caseA, caseB } = family;

  await test.step('sign-in page, switched to Serbian Cyrillic', async () => {
    await page.goto('/family');
    await expect(page.getByRole('heading', { level: 1, name: 'Family portal' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).selectOption('sr-Cyrl');
    await expect(page.getByRole('heading', { level: 1, name: SR.title })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl');
    await expect(page.getByRole('combobox', { name: SR.language })).toHaveValue('sr-Cyrl');
    await checkPage(page);
  });

  await test.step('signs in with the case number and the code as printed on the letter', async () => {
    await signIn(page, caseA.caseNumber, family.accessCode);
    await expect(page.getByRole('heading', { level: 1, name: SR.cases })).toBeVisible();
    await expect(page).toHaveURL(/\/family\/cases$/);
    const cards = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    await expect(cards).toHaveCount(2);
    await expect(cards.filter({ hasText: 'Besim Fiktivi' })).toContainText(SR.foundAlive);
    await expect(cards.filter({ hasText: 'Arben Fiktivi' })).toContainText(SR.searching);
    await expect(cards.filter({ hasText: 'Arben Fiktivi' })).toContainText(caseA.caseNumber);
    await expect(page.getByText(caseB.caseNumber)).toBeVisible();
    await checkPage(page);
  });

  await test.step('reads the case: stage in words, the timeline, the appointment, whom to call', async () => {
    await page.getByRole('link', { name: 'Arben Fiktivi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Arben Fiktivi' })).toBeVisible();
    await expect(page.getByText(`Број предмета ${caseA.caseNumber}`)).toBeVisible();
    await expect(page.getByText(SR.searching, { exact: true })).toBeVisible();
    await expect(page.getByText('SEARCHING')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 3, name: SR.update })).toBeVisible();
    await expect(page.getByText(FAMILY_MESSAGE)).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: SR.visit })).toBeVisible();
    await expect(page.getByText(VISIT_SUMMARY)).toBeVisible();
    await expect(page.getByText(INTERNAL_SUMMARY)).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 3, name: SR.documentShared })).toBeVisible();
    await expect(page.getByText('Teuta Krasniqi')).toBeVisible();
    const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    await expect(page.getByText(inAWeek, { exact: true })).toBeVisible();
    await checkPage(page);

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'potvrda.txt' }).first().click();
    expect((await download).suggestedFilename()).toBe('potvrda.txt');
  });

  const messagesUrl = `/family/cases/${caseA.id}/messages`;
  await test.step('writes to the liaison officer and asks for a meeting', async () => {
    await page.getByRole('link', { name: SR.openMessages }).click();
    await expect(page.getByRole('heading', { level: 1, name: SR.messages })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${messagesUrl}$`));
    await page.getByLabel(SR.message).fill(FAMILY_WRITES);
    await page.getByRole('checkbox', { name: SR.meeting }).check();
    await page.getByRole('button', { name: SR.send }).click();
    await expect(page.getByRole('status').filter({ hasText: SR.sent })).toBeVisible();
    await expect(page.getByText(FAMILY_WRITES)).toBeVisible();
    await expect(page.getByText(SR.meetingRequested)).toBeVisible();
    await checkPage(page);
  });

  await test.step('corrects their phone number; the officer sees it', async () => {
    await page.getByRole('link', { name: SR.contact }).click();
    await expect(page.getByRole('heading', { level: 1, name: SR.contact })).toBeVisible();
    await expect(page.getByLabel(SR.phone)).toHaveValue('+383 44 000 001');
    await page.getByLabel(SR.phone).fill(NEW_PHONE);
    await page.getByRole('button', { name: SR.save }).click();
    await expect(page.getByRole('status').filter({ hasText: SR.saved })).toBeVisible();
    await checkPage(page);

    const relatives = await ok<{ id: string; phone: string | null }[]>(
      await officer.request.get(`/api/v1/cases/${caseA.id}/relatives`),
      'relatives',
    );
    expect(relatives.find((r) => r.id === family.relativeId)?.phone).toBe(NEW_PHONE);
  });

  await test.step('the officer finds the message in the inbox and answers', async () => {
    const inbox = await ok<{
      items: { caseId: string; body: string; meetingRequested: boolean; caseNumber: string }[];
      unreadCount: number;
    }>(await officer.request.get('/api/v1/messages/inbox'), 'inbox');
    const received = inbox.items.find((m) => m.caseId === caseA.id);
    expect(received).toMatchObject({ body: FAMILY_WRITES, meetingRequested: true, caseNumber: caseA.caseNumber });
    expect(inbox.unreadCount).toBeGreaterThanOrEqual(1);
    await ok(
      await officer.request.post(`/api/v1/cases/${caseA.id}/messages`, {
        headers: officer.headers,
        data: { body: OFFICER_REPLIES },
      }),
      'reply',
    );
  });

  await test.step('the family sees the reply after a reload', async () => {
    await page.goto(messagesUrl);
    const thread = page.getByRole('region', { name: 'Преписка' });
    const reply = thread.getByRole('listitem').filter({ hasText: OFFICER_REPLIES });
    await expect(reply).toBeVisible();
    await expect(reply).toContainText('Teuta Krasniqi');
    await expect(reply).toContainText(SR.newReply);
    await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl');
  });

  await test.step("another family's case answers the not-found page (404 from the API)", async () => {
    const api = await page.request.get(`/api/v1/family/cases/${other.caseC.id}`);
    expect(api.status()).toBe(404);
    await page.goto(`/family/cases/${other.caseC.id}`);
    await expect(page.getByRole('heading', { level: 1, name: SR.notFound })).toBeVisible();
    await expect(page.getByText(SR.notYours)).toBeVisible();
    await expect(page.getByText('Dardan')).toHaveCount(0);
    await checkPage(page);
  });

  await test.step('a new code ends the session: a calm signed-out page, and back in', async () => {
    await page.getByRole('link', { name: SR.cases }).click();
    await expect(page.getByRole('heading', { level: 1, name: SR.cases })).toBeVisible();
    // The officer issues a new code (the family lost the letter): the old code's sessions end.
    const newCode = await issueAccess(caseA.id, family.relativeId);
    await page.getByRole('link', { name: 'Besim Fiktivi' }).click();
    await expect(page.getByRole('heading', { level: 1, name: SR.expired })).toBeVisible();
    await expect(page).toHaveURL(/\/family\/signed-out$/);
    await checkPage(page);

    // Typed loosely: lower case, spaces instead of dashes.
    await signIn(page, caseA.caseNumber.toLowerCase().replace('-', ' '), newCode.toLowerCase().replaceAll('-', ' '));
    // Back on the page they had asked for: the other brother's case, found alive.
    await expect(page.getByRole('heading', { level: 1, name: 'Besim Fiktivi' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/family/cases/${caseB.id}$`));
    await expect(page.getByRole('heading', { level: 3, name: `Нова фаза: ${SR.foundAlive}` })).toBeVisible();
    await expect(page.getByText('Besim je živ i zdrav.')).toBeVisible();
  });

  await test.step('signs out', async () => {
    await page.getByRole('button', { name: SR.signOut }).click();
    await expect(page.getByRole('status').filter({ hasText: SR.signedOut })).toBeVisible();
    await expect(page).toHaveURL(/\/family$/);
    const me = await page.request.get('/api/v1/family/me');
    expect(me.status()).toBe(401);
  });
});

test('five wrong codes pause sign-in for the case number, with the minutes to wait', async ({ page }) => {
  await page.goto('/family');
  await expect(page.getByRole('heading', { level: 1, name: 'Family portal' })).toBeVisible();
  const alert = page.getByRole('alert');
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel('Case number').fill(other.caseC.caseNumber);
    await page.getByLabel('Access code').fill(`WRNG-C0DE-000${attempt}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(alert).toHaveText(/The case number and the access code do not match/);
    await expect(page.getByRole('button', { name: 'Sign in' })).not.toHaveAttribute('aria-disabled');
  }
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(alert).toHaveText(/paused for your safety.*try again in 15 minutes, or call your office/);
  await expectNoA11yViolations(page);

  // The officer sees the lock on the case.
  const summary = await ok<{ familyLoginLockedUntil: string | null }>(
    await officer.request.get(`/api/v1/cases/${other.caseC.id}/portal-access`),
    'portal access summary',
  );
  expect(summary.familyLoginLockedUntil).not.toBeNull();
});
