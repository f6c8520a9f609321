// Two app processes on one database, as behind a load balancer: whatever one instance knows
// (sessions, CSRF tokens, sign-out, failed sign-ins) the other knows, because it lives in
// PostgreSQL. Runs the built server (`node server/dist/main.js`, as in production): the
// integration tier runs before `npm test` builds, so the server is compiled here (tsc -b is
// incremental: about 4 s cold, nothing when up to date).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/common/auth/passwords.js';
import { freePort } from '../../src/common/database/embedded-postgres.js';
import { TEST_PASSWORD } from '../setup/test-app.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const MAIN = path.join(root, 'server/dist/main.js');

function buildServer(): void {
  try {
    execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'server'], { cwd: root, stdio: 'pipe' });
  } catch (e) {
    // Type errors still emit JavaScript; only a missing build is fatal here (typecheck reports the rest).
    if (!existsSync(MAIN))
      throw new Error(`tsc -b server failed: ${(e as { stdout?: Buffer }).stdout?.toString().slice(0, 2000)}`);
  }
}

interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

async function startInstance(name: string, databaseUrl: string, dataDir: string): Promise<Instance> {
  const port = await freePort();
  // A clean environment: only what production would set, so a developer's shell cannot leak in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    DB_POOL_SIZE: '3',
    LOGIN_MAX_FAILURES: '5',
    LOGIN_LOCKOUT_MINUTES: '15',
  };
  const child = spawn(process.execPath, [MAIN], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  while (!output.includes('is running at')) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`instance ${name} did not start: ${output.slice(-2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    name,
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A browser-like client: one cookie jar and CSRF token, usable against any instance. */
class Browser {
  cookie?: string;
  csrfToken?: string;

  async request(instance: Instance, method: string, url: string, body?: unknown, opts: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrfToken && opts.csrf !== false) headers['x-csrf-token'] = this.csrfToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${instance.url}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair.startsWith('mprc_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : text;
    return { status: res.status, body: json, headers: res.headers };
  }

  async login(instance: Instance, email: string, password = TEST_PASSWORD) {
    const res = await this.request(instance, 'POST', '/api/v1/auth/login', { email, password });
    if (res.status === 200) this.csrfToken = res.body.csrfToken;
    return res;
  }
}

let database: TestDatabase;
let pool: pg.Pool;
let dataDir: string;
let a: Instance;
let b: Instance;

async function createUser(role: string, officeCode: string | null): Promise<string> {
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 10)}@example.test`;
  await pool.query(
    `INSERT INTO app_user (id, email, name, role, office_id, password_hash, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, (SELECT id FROM office WHERE code = $4), $5, now())`,
    [email, `Test ${role}`, role, officeCode, await hashPassword(TEST_PASSWORD)],
  );
  return email;
}

beforeAll(async () => {
  buildServer();
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 2 });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'mprc-two-instances-'));
  [a, b] = await Promise.all([startInstance('A', database.url, dataDir), startInstance('B', database.url, dataDir)]);
}, 180_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await pool?.end();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

describe('two app instances on one database', () => {
  it('runs two separate processes', () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    expect(a.url).not.toBe(b.url);
  });

  it('serves a session signed in on A from B: CSRF token, case create and read, then sign-out on B ends it on A', async () => {
    const email = await createUser('LIAISON_OFFICER', 'PRISTINA');
    const browser = new Browser();
    expect((await browser.login(a, email)).status).toBe(200);

    const meOnB = await browser.request(b, 'GET', '/api/v1/auth/me');
    expect(meOnB.status).toBe(200);
    expect(meOnB.body.user.email).toBe(email);
    expect(meOnB.body.csrfToken).toBe(browser.csrfToken);

    // B checks the CSRF token that A issued (and refuses a write without it).
    const body = { firstName: 'Agim', lastName: 'Krasniqi', fatherName: 'Kujtim', missingSince: '1999-04' };
    expect((await browser.request(b, 'POST', '/api/v1/cases', body, { csrf: false })).status).toBe(403);
    const created = await browser.request(b, 'POST', '/api/v1/cases', body);
    expect(created.status).toBe(201);
    expect(created.body.caseNumber).toMatch(/^MP-\d{6,}$/);

    const readOnA = await browser.request(a, 'GET', `/api/v1/cases/${created.body.id}`);
    expect(readOnA.status).toBe(200);
    expect(readOnA.body).toMatchObject({ id: created.body.id, lastName: 'Krasniqi', officeCode: 'PRISTINA' });
    const readOnB = await browser.request(b, 'GET', `/api/v1/cases/${created.body.caseNumber}`);
    expect(readOnB.status).toBe(200);
    // Found from A by a Cyrillic spelling, though B wrote it.
    const search = await browser.request(a, 'GET', `/api/v1/cases?q=${encodeURIComponent('Краснићи')}`);
    expect(search.status).toBe(200);
    expect(search.body.items.map((c: { id: string }) => c.id)).toContain(created.body.id);

    // Both reads are in the one audit trail, whichever instance served them.
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'case.read' AND entity_id = $1`,
      [created.body.id],
    );
    expect(rows[0].n).toBe(2);

    const cookie = browser.cookie;
    expect((await browser.request(b, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    // The old cookie, replayed on A (a stolen or cached copy), opens nothing.
    const stale = new Browser();
    stale.cookie = cookie;
    expect((await stale.request(a, 'GET', '/api/v1/auth/me')).status).toBe(401);
    expect((await stale.request(a, 'GET', `/api/v1/cases/${created.body.id}`)).status).toBe(401);
  });

  it('counts failed sign-ins across instances: 3 on A and 2 on B lock the account on both', async () => {
    const email = await createUser('LIAISON_OFFICER', 'MITROVICA');
    const browser = new Browser();
    for (const instance of [a, a, a, b, b]) {
      const res = await browser.login(instance, email, 'not the password at all');
      expect(res.status).toBe(401);
    }
    for (const instance of [a, b]) {
      const res = await browser.login(instance, email);
      expect(res.status, instance.name).toBe(429);
      expect(res.body.code).toBe('LOCKED_OUT');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
  });

  it('keeps nothing about the session in process memory: a restarted A still serves a session made on B', async () => {
    const email = await createUser('MANAGER', null);
    const browser = new Browser();
    expect((await browser.login(b, email)).status).toBe(200);
    await a.stop();
    a = await startInstance('A', database.url, dataDir);
    const me = await browser.request(a, 'GET', '/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email);
  }, 90_000);
});
