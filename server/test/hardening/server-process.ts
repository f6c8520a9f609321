// The built server (server/dist/main.js) as a child process, as `npm start` runs it: for tests
// that kill it, stop its database or send it signals. The integration tier runs before
// `npm run build`, so the first caller builds it (one build at a time across test files).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/common/database/embedded-postgres.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MAIN = path.join(ROOT, 'server/dist/main.js');
export const ADMIN_EMAIL = 'admin@hardening.test';
export const ADMIN_PASSWORD = 'hardening admin password 42';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `tsc -b server` once per process, serialised across workers with a lock folder. */
let built: Promise<void> | undefined;
export function buildServer(): Promise<void> {
  built ??= (async () => {
    const lock = path.join(ROOT, '.tmp', 'server-build.lock');
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    const deadline = Date.now() + 180_000;
    for (;;) {
      try {
        fs.mkdirSync(lock);
        break;
      } catch {
        // A lock older than 3 minutes belongs to a run that died.
        const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        if (age > 180_000) fs.rmSync(lock, { recursive: true, force: true });
        if (Date.now() > deadline) throw new Error('waited 3 minutes for another test file to build the server');
        await sleep(200);
      }
    }
    try {
      execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-b', 'server'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      // tsc still emits when there are type errors (the typecheck tier reports them); only a
      // build with nothing to run is fatal here.
      const out = `${(e as { stdout?: Buffer }).stdout ?? ''}${(e as { stderr?: Buffer }).stderr ?? ''}`;
      if (!fs.existsSync(MAIN)) throw new Error(`tsc -b server failed:\n${out.slice(0, 4000)}`);
      console.warn(`tsc -b server reported errors; running what it emitted:\n${out.slice(0, 1000)}`);
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  })();
  return built;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  /** Resolves with the exit code (or the signal name) once the process ended. */
  exited: Promise<number | string>;
}

export async function startServer(
  env: Record<string, string>,
  opts: { port?: number; waitReady?: boolean; cwd?: string } = {},
): Promise<ServerProcess> {
  const port = opts.port ?? (await freePort());
  const child = spawn(process.execPath, [MAIN], {
    cwd: opts.cwd ?? ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      TMPDIR: process.env.TMPDIR,
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (d: Buffer) => (out = (out + d.toString('utf8')).slice(-64_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const server: ServerProcess = { child, url: `http://127.0.0.1:${port}`, port, output: () => out, exited };
  if (opts.waitReady !== false) await waitReady(server);
  return server;
}

export async function waitReady(server: ServerProcess, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  let gone = false;
  void server.exited.then(() => (gone = true));
  while (Date.now() - started < timeoutMs) {
    if (gone) throw new Error(`the server exited before it was ready:\n${server.output()}`);
    try {
      const res = await fetch(`${server.url}/api/ready`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms:\n${server.output()}`);
}

export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
  await server.exited;
  clearTimeout(timer);
}

export interface Response<T = any> {
  status: number;
  body: T;
  ms: number;
}

/** A signed-in staff client over real HTTP (cookie + X-CSRF-Token), as the SPA does it. */
export class HttpClient {
  cookie?: string;
  csrf?: string;

  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, url: string, body?: unknown, timeoutMs = 30_000): Promise<Response<T>> {
    const started = Date.now();
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      if (pair.startsWith('mprc_session=')) this.cookie = pair;
    }
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T, ms: Date.now() - started };
  }

  async login(email = ADMIN_EMAIL, password = ADMIN_PASSWORD): Promise<this> {
    const res = await this.request('POST', '/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.csrf = res.body.csrfToken;
    return this;
  }
}
