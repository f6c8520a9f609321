// PostgreSQL goes away under load and comes back on the same port: requests fail fast with 503
// in the error shape (none hangs), /api/ready says 503, the process stays up, and it recovers
// by itself. The server gets its own embedded PostgreSQL so the test can stop it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_TIMEOUT_GRACE_MS } from '../../src/common/database/database.service.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/common/database/embedded-postgres.js';
import { buildServer, HttpClient, startServer, stopServer, type ServerProcess } from './server-process.js';

const CONNECT_TIMEOUT_MS = 1500;
// A request may wait for one connection attempt, plus scheduling on a busy 2-core machine.
const MAX_REQUEST_MS = CONNECT_TIMEOUT_MS + 2500;
// A frozen server accepts connections and reads queries but never answers: a request may wait
// for the statement timeout (enforced client-side then) plus a connection attempt.
const STATEMENT_TIMEOUT_MS = 2000;
const FROZEN_BOUND_MS = STATEMENT_TIMEOUT_MS + QUERY_TIMEOUT_GRACE_MS + CONNECT_TIMEOUT_MS + 3000;

interface Sample {
  startedAt: number;
  ms: number;
  status: number;
  code?: string;
  requestId?: boolean;
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Six clients reading and writing in a loop until stopped; every outcome is kept. */
function startLoad(admin: HttpClient, userId: string) {
  const samples: Sample[] = [];
  let running = true;
  const worker = async (w: number) => {
    for (let i = 0; running; i++) {
      const startedAt = Date.now();
      try {
        const r =
          (i + w) % 3 === 0
            ? await admin.request('PATCH', `/api/v1/users/${userId}`, { name: `Outage Target ${w}-${i}` }, 60_000)
            : await admin.request('GET', '/api/v1/users?pageSize=5', undefined, 60_000);
        samples.push({
          startedAt,
          ms: r.ms,
          status: r.status,
          code: r.body?.code,
          requestId: typeof r.body?.requestId === 'string',
        });
      } catch (e) {
        samples.push({ startedAt, ms: Date.now() - startedAt, status: 0, error: (e as Error).message });
      }
      await sleep(20);
    }
  };
  const workers = Array.from({ length: 6 }, (_, w) => worker(w));
  return {
    samples,
    /** Waits until 10 requests succeeded: the outage must hit a server that was working. */
    warm: async () => {
      const until = Date.now() + 30_000;
      while (samples.filter((s) => s.status >= 200 && s.status < 300).length < 10 && Date.now() < until)
        await sleep(100);
    },
    /** Runs on until 20 requests started after `from` were answered (a busy machine is slow), at most 20 s. */
    settle: async (from: number) => {
      const until = Date.now() + 20_000;
      await sleep(2000);
      while (samples.filter((s) => s.startedAt > from).length < 20 && Date.now() < until) await sleep(200);
    },
    stop: async () => {
      running = false;
      await Promise.all(workers);
    },
  };
}

/** Outcome counts, e.g. [["200", 12], ["503 SERVICE_UNAVAILABLE", 40]]. */
const summary = (list: Sample[]) =>
  Object.entries(
    list.reduce<Record<string, number>>((acc, s) => {
      const key = s.error ? `error ${s.error}` : `${s.status}${s.code ? ` ${s.code}` : ''}`;
      acc[key] = (acc[key] ?? 0) + 1;
      return acc;
    }, {}),
  );
const successes = (list: Sample[]) => summary(list).filter(([k]) => k.startsWith('2'));

async function waitUntilReady(url: string, timeoutMs = 20_000): Promise<number> {
  const from = Date.now();
  while (Date.now() - from < timeoutMs) {
    const r = await fetch(`${url}/api/ready`, { signal: AbortSignal.timeout(5000) }).catch(() => null);
    if (r?.status === 200) return Date.now();
    await sleep(50);
  }
  return 0;
}

/** The postmaster and every backend of a cluster: freezing them all is a hung database. */
function clusterPids(dataDir: string): number[] {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}

describe('database outage', () => {
  let tmp: string;
  let db: EmbeddedPostgres;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    await buildServer();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-outage-'));
    fs.chmodSync(tmp, 0o755);
    db = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), ephemeral: true });
  }, 240_000);

  afterAll(async () => {
    await stopServer(server);
    await db?.stop();
    if (db) fs.rmSync(db.dataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('answers 503 fast while PostgreSQL is down and recovers without a restart', async () => {
    server = await startServer({
      DATABASE_URL: db.url,
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DB_POOL_SIZE: '5',
    });
    const admin = await new HttpClient(server.url).login();
    const created = await admin.request('POST', '/api/v1/users', {
      email: 'outage@example.test',
      name: 'Outage Target',
      role: 'MANAGER',
      password: 'q8#Vt!x2Lm@9Rz&Kp4 zebra',
    });
    expect(created.status).toBe(201);
    const userId = created.body.id as string;

    const load = startLoad(admin, userId);

    await load.warm();
    const downAt = Date.now();
    await db.stop();
    const stoppedAt = Date.now();
    await sleep(4000);
    const ready = await fetch(`${server.url}/api/ready`, { signal: AbortSignal.timeout(MAX_REQUEST_MS) });
    const readyBody = await ready.json();
    const restartAt = Date.now();
    db = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: db.port, ephemeral: true });
    const upAt = Date.now();
    const recoveredAt = await waitUntilReady(server.url);
    await load.settle(recoveredAt + 500);
    await load.stop();
    const { samples } = load;

    expect(server.child.exitCode, `the server stayed up:\n${server.output()}`).toBeNull();
    expect(ready.status).toBe(503);
    expect(readyBody).toMatchObject({ status: 'unavailable', database: { reachable: false } });

    const before = samples.filter((s) => s.startedAt + s.ms < downAt);
    const during = samples.filter((s) => s.startedAt > stoppedAt + 200 && s.startedAt + s.ms < restartAt);
    const after = samples.filter((s) => s.startedAt > recoveredAt + 500);
    console.log(
      `outage: ${before.length} requests before, ${during.length} during (slowest ${Math.max(...during.map((s) => s.ms))} ms), ` +
        `${after.length} after; ready again ${recoveredAt - upAt} ms after PostgreSQL was up ` +
        `(stop took ${stoppedAt - downAt} ms, restart ${upAt - restartAt} ms); during: ${JSON.stringify(summary(during))}`,
    );

    expect(before.length).toBeGreaterThanOrEqual(10);
    expect(summary(before)).toEqual(successes(before));
    expect(during.length).toBeGreaterThan(10);
    expect(summary(during), 'every request during the outage answers 503 in the error shape').toEqual([
      ['503 SERVICE_UNAVAILABLE', during.length],
    ]);
    expect(during.every((s) => s.requestId)).toBe(true);
    const slowest = Math.max(...samples.map((s) => s.ms));
    expect(slowest, 'no request hangs').toBeLessThan(MAX_REQUEST_MS);
    expect(recoveredAt, 'ready again after PostgreSQL returned').toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(10);
    expect(summary(after), 'requests succeed again').toEqual(successes(after));
  }, 120_000);

  it('answers 503 instead of hanging when PostgreSQL freezes (every process stopped), and recovers', async () => {
    await stopServer(server);
    server = await startServer({
      DATABASE_URL: db.url,
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DB_POOL_SIZE: '5',
    });
    const admin = await new HttpClient(server.url).login();
    const created = await admin.request('POST', '/api/v1/users', {
      email: 'frozen@example.test',
      name: 'Frozen Target',
      role: 'MANAGER',
      password: 'q8#Vt!x2Lm@9Rz&Kp4 zebra',
    });
    expect(created.status).toBe(201);
    const load = startLoad(admin, created.body.id);

    await load.warm();
    const pids = clusterPids(db.dataDir);
    const frozenAt = Date.now();
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    let ready: Response;
    let readyMs: number;
    try {
      await sleep(FROZEN_BOUND_MS + 1000);
      const t = Date.now();
      ready = await fetch(`${server.url}/api/ready`, { signal: AbortSignal.timeout(30_000) });
      readyMs = Date.now() - t;
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
    const thawedAt = Date.now();
    const recoveredAt = await waitUntilReady(server.url);
    await load.settle(recoveredAt + 500);
    await load.stop();
    const { samples } = load;

    const during = samples.filter((s) => s.startedAt > frozenAt + 200 && s.startedAt + s.ms < thawedAt);
    const after = samples.filter((s) => s.startedAt > recoveredAt + 500);
    console.log(
      `frozen: ${during.length} requests during (slowest ${Math.max(0, ...during.map((s) => s.ms))} ms, ready answered ` +
        `${ready.status} in ${readyMs} ms), ready again ${recoveredAt - thawedAt} ms after the thaw; ` +
        `slowest overall ${Math.max(...samples.map((s) => s.ms))} ms; during: ${JSON.stringify(summary(during))}`,
    );
    expect(server.child.exitCode, `the server stayed up:\n${server.output()}`).toBeNull();
    expect(ready.status).toBe(503);
    expect(readyMs).toBeLessThan(FROZEN_BOUND_MS);
    expect(during.length).toBeGreaterThan(5);
    expect(summary(during), 'every request during the freeze answers 503').toEqual([
      ['503 SERVICE_UNAVAILABLE', during.length],
    ]);
    expect(Math.max(...samples.map((s) => s.ms)), 'no request hangs').toBeLessThan(FROZEN_BOUND_MS);
    expect(recoveredAt, 'ready again after the thaw').toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(10);
    expect(summary(after), 'requests succeed again').toEqual(successes(after));
  }, 120_000);
});
