import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Starts the built app the way `npm start` does (`node scripts/start.mjs`), on a free port, with a
// fresh data folder (so a fresh embedded PostgreSQL) and a known administrator, and stops it with
// SIGTERM at the end. Set E2E_BASE_URL to test an app that is already running instead.

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  process.env.E2E_ADMIN_EMAIL ??= 'admin@example.test';
  process.env.E2E_ADMIN_PASSWORD ??= randomBytes(24).toString('base64url');
  const baseURL = process.env.E2E_BASE_URL!;
  if (process.env.E2E_EXTERNAL_SERVER === '1') {
    console.log(`e2e: testing the app already running at ${baseURL}`);
    return async () => {};
  }

  const dataDir = mkdtempSync(path.join(tmpdir(), 'mprc-e2e-'));
  // When run as root, embedded PostgreSQL runs as the `postgres` user, which must reach this folder.
  chmodSync(dataDir, 0o755);
  const logDir = path.join(repoRoot, '.tmp');
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'e2e-server.log');
  const log = createWriteStream(logFile);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: process.env.E2E_PORT,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL,
    ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
  };
  // Never point the e2e run at a developer's database by accident.
  delete env.DATABASE_URL;
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;

  const started = Date.now();
  // Own process group: if the server does not stop on SIGTERM, the group (with PostgreSQL) is killed.
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: repoRoot,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.pipe(log, { end: false });
  server.stderr!.pipe(log, { end: false });
  // Exit code, or the signal's name when the server ended by re-raising a signal.
  const exited = new Promise<number | string>((resolve) =>
    server.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const killGroup = () => {
    try {
      process.kill(-server.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', () => server.exitCode === null && killGroup());

  const failure = await waitForReady(`${baseURL}/api/ready`, exited);
  if (failure) {
    killGroup();
    await Promise.race([exited, sleep(5_000)]);
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`e2e: ${failure}\n--- server log (${logFile}), last lines ---\n${tail(logFile, 80)}`);
  }
  console.log(
    `e2e: app ready at ${baseURL} in ${((Date.now() - started) / 1000).toFixed(1)} s (log: .tmp/e2e-server.log)`,
  );

  return async () => {
    server.kill('SIGTERM');
    const code = await Promise.race([exited, sleep(STOP_TIMEOUT_MS).then(() => 'timeout' as const)]);
    if (code === 'timeout') killGroup();
    log.end();
    rmSync(dataDir, { recursive: true, force: true });
    if (code === 'timeout')
      throw new Error(`e2e: the server did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM`);
    if (code !== 0 && code !== 'SIGTERM') {
      throw new Error(`e2e: the server exited with code ${code} after SIGTERM\n${tail(logFile, 40)}`);
    }
  };
}

async function waitForReady(url: string, exited: Promise<number | string>): Promise<string | null> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  let gone: number | string | undefined;
  void exited.then((code) => (gone = code));
  while (Date.now() < deadline) {
    if (gone !== undefined) return `the server exited with code ${gone} before it was ready`;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return null;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(500);
  }
  return `${url} did not answer 200 within ${READY_TIMEOUT_MS / 1000} s (last: ${last.slice(0, 300)})`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
