import {
  expect,
  expectNoHorizontalScroll,
  expectNoSeriousA11yViolations,
  setViewport,
  test,
  VIEWPORTS,
  type ViewportName,
} from '../fixtures/index.js';

// The walking skeleton end to end: built SPA served by the API server, which talks to a real
// PostgreSQL. The browser's language is English (playwright.config.ts), so texts are English
// unless a test switches language.

test.describe('status page', () => {
  test('shows the server version and a ready database', async ({ page, request }) => {
    const health = await request.get('/api/health');
    expect(health.status()).toBe(200);
    const { version } = (await health.json()) as { version: string };
    expect(version).toMatch(/\d+\.\d+\.\d+/);

    await page.goto('/status');
    await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('Everything is working');

    const server = page.getByRole('region', { name: 'Server' });
    await expect(server.getByText(version, { exact: true })).toBeVisible();
    await expect(server.getByText('Running', { exact: true })).toBeVisible();

    const database = page.getByRole('region', { name: 'Database' });
    await expect(database.getByText('Connected', { exact: true })).toBeVisible();
    await expect(database.getByText('All applied', { exact: true })).toBeVisible();
  });

  test('is open without signing in, while the home page asks to sign in', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);
    await page.getByRole('link', { name: 'System status' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
  });
});

test('a deep link is answered by the SPA (history fallback)', async ({ page, request }) => {
  const res = await request.get('/status');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/html/);

  await page.goto('/status?from=bookmark');
  await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});

test('an unknown API route answers 404 in the common error shape, not with the SPA', async ({ request }) => {
  const res = await request.get('/api/v1/nope');
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  expect(res.headers()['x-request-id']).toBeTruthy();
  const body = (await res.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace
});

test.describe('security headers', () => {
  for (const path of ['/status', '/family', '/api/health', '/api/v1/nope']) {
    test(`on ${path}`, async ({ request }) => {
      const headers = (await request.get(path)).headers();
      const csp = headers['content-security-policy'];
      expect(csp, 'Content-Security-Policy').toBeTruthy();
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name, ...values] = d.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      const scriptSrc = directives.get('script-src') ?? directives.get('default-src');
      expect(scriptSrc, 'script-src (or default-src)').toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(scriptSrc).not.toContain('*');
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('no-referrer');
      expect(headers['x-frame-options']).toMatch(/^(DENY|SAMEORIGIN)$/i);
      expect(headers['x-powered-by']).toBeUndefined();
    });
  }
});

test('the language switch to Serbian Cyrillic persists after a reload', async ({ page }) => {
  await page.goto('/status');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'Language: English' }).click();
  await page.getByRole('menuitemradio', { name: 'Српски (ћирилица)' }).click();

  const heading = page.getByRole('heading', { level: 1 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl');
  await expect(heading).toHaveText(/^[\p{Script=Cyrillic}\s\p{P}]+$/u);
  const cyrillicTitle = await heading.textContent();

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl');
  await expect(heading).toHaveText(cyrillicTitle!);
});

test('the family portal entry page loads on its own bundle', async ({ page }) => {
  await page.goto('/family');
  await expect(page.getByRole('heading', { level: 1, name: 'Family portal' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
});

// Every page that exists, at both sizes: 0 serious/critical axe violations, no sideways scroll.
const PAGES = [
  { name: 'status', path: '/status', ready: 'Everything is working' },
  { name: 'not found', path: '/no/such/page', ready: 'Page not found' },
  { name: 'family portal', path: '/family', ready: 'Family portal' },
];
test.describe('accessibility', () => {
  for (const viewport of Object.keys(VIEWPORTS) as ViewportName[]) {
    for (const target of PAGES) {
      test(`${target.name} at ${VIEWPORTS[viewport].width}px`, async ({ page }) => {
        await setViewport(page, viewport);
        await page.goto(target.path);
        await expect(page.getByText(target.ready, { exact: true }).first()).toBeVisible();
        await expectNoHorizontalScroll(page);
        await expectNoSeriousA11yViolations(page);
      });
    }
  }
});
