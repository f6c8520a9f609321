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

// The missing person's photo on the case page: an image document becomes the photo, the header
// shows it (fetched through the authenticated download route) at 1280 and 360 px with axe, and
// it can be removed again.

const RUN = randomBytes(3).toString('hex');
// A 1x1 PNG: the server reads the type from these bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let admin: ApiSession;
let officer: ApiSession;

async function ok<T>(response: APIResponse, what: string): Promise<T> {
  expect([200, 201], `${what}: ${response.status()} ${await response.text()}`).toContain(response.status());
  return (await response.json()) as T;
}

test.beforeAll(async () => {
  admin = await loginOverHttp();
  const email = `photo-officer-${RUN}@example.test`;
  const password = randomBytes(18).toString('base64url');
  await ok(
    await admin.request.post('/api/v1/users', {
      headers: admin.headers,
      data: { email, name: 'Liridona Fiktive', role: 'LIAISON_OFFICER', officeCode: 'PRISTINA', password },
    }),
    'create officer',
  );
  officer = await loginOverHttp({ email, password });
});
test.afterAll(async () => {
  await admin?.dispose();
  await officer?.dispose();
});

test('an image document becomes the case photo, shown in the header at 1280 and 360 px', async ({ browser }) => {
  test.slow();
  const lastName = `Provë${RUN}`;
  const kase = await ok<{ id: string }>(
    await officer.request.post('/api/v1/cases', { headers: officer.headers, data: { firstName: 'Fiktiv', lastName } }),
    'create case',
  );
  await ok(
    await officer.request.post(`/api/v1/cases/${kase.id}/attachments`, {
      headers: officer.headers,
      multipart: { file: { name: 'portrait.png', mimeType: 'image/png', buffer: PNG }, visibility: 'INTERNAL' },
    }),
    'upload image',
  );

  const context = await browser.newContext({ storageState: await officer.request.storageState(), locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(`/cases/${kase.id}/attachments`);
  await expect(page.getByText('No photo')).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: 'Use portrait.png as the photo of the missing person' }).click();
  const photo = page.getByRole('img', { name: `Photo of Fiktiv ${lastName}` });
  await expect(photo).toBeVisible();
  // Decoded by the browser: the bytes came through the download route.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(page.getByRole('list', { name: 'Documents and photos' }).getByText('Case photo')).toBeVisible();

  await expectNoSeriousA11yViolations(page);
  await setViewport(page, 'phone');
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { timeout: 5_000 })
    .toBeLessThanOrEqual(360);
  await expectNoHorizontalScroll(page);
  await expectNoSeriousA11yViolations(page);
  await setViewport(page, 'desktop');

  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByText('No photo')).toBeVisible();
  const after = await ok<{ photoAttachmentId: string | null }>(
    await officer.request.get(`/api/v1/cases/${kase.id}`),
    'read case',
  );
  expect(after.photoAttachmentId).toBeNull();
  await context.close();
});
