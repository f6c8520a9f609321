import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';

// The config is loaded by the runner and again by every worker. The runner picks a free port once
// and leaves it in the environment, which the workers (started later) inherit.
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
// E2E_BASE_URL set before the run means "test the app already running there" (global-setup.ts).
if (process.env.E2E_BASE_URL && !process.env.E2E_PORT) process.env.E2E_EXTERNAL_SERVER = '1';
process.env.E2E_PORT ??= String(await freePort());
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT}`;
process.env.E2E_BASE_URL = baseURL;

// Debian's Chromium: `npx playwright install` cannot download browsers on these machines.
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests',
  outputDir: '../test-results',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  // 2 cores: one browser at a time, the server and its database need the other core.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      // English browser: the app follows the browser's language when none was chosen, so texts in
      // the specs are English. Tests that need another language switch it through the UI.
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, locale: 'en-US' },
    },
  ],
});
