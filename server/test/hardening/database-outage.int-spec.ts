// PostgreSQL goes away under load and comes back on the same port: requests fail fast with 503
// in the error shape (none hangs), /api/ready says 503, the process stays up, and it recovers
// by itself. The server gets its own embedded PostgreSQL so the test can stop it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/common/database/embedded-postgres.js';
import { buildServer, HttpClient, startServer, stopServer, type ServerProcess } from './server-process.js';

const CONNECT_TIMEOUT_MS = 1500;
// A request may wait for one connection attempt, plus scheduling on a busy 2-core machine.
const MAX_REQUEST_MS = CONNECT_TIMEOUT_MS + 2500;

interface Sample {
  startedAt: number;
  ms: number;
  status: number;
  code?: string;
  requestId?: boolean;
  error?: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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

    const samples: Sample[] = [];
    let running = true;
    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const startedAt = Date.now();
        try {
          const r =
            (i + w) % 3 === 0
              ? await admin.request('PATCH', `/api/v1/users/${userId}`, { name: `Outage Target ${w}-${i}` }, 15_000)
              : await admin.request('GET', '/api/v1/users?pageSize=5', undefined, 15_000);
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

    await sleep(1500);
    const downAt = Date.now();
    await db.stop();
    const stoppedAt = Date.now();
    await sleep(4000);
    const ready = await fetch(`${server.url}/api/ready`, { signal: AbortSignal.timeout(MAX_REQUEST_MS) });
    const readyBody = await ready.json();
    const restartAt = Date.now();
    db = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), port: db.port, ephemeral: true });
    const upAt = Date.now();
    let recoveredAt = 0;
    while (!recoveredAt && Date.now() - upAt < 20_000) {
      const r = await fetch(`${server.url}/api/ready`).catch(() => null);
      if (r?.status === 200) recoveredAt = Date.now();
      else await sleep(50);
    }
    await sleep(2000);
    running = false;
    await Promise.all(workers);

    expect(server.child.exitCode, `the server stayed up:\n${server.output()}`).toBeNull();
    expect(ready.status).toBe(503);
    expect(readyBody).toMatchObject({ status: 'unavailable', database: { reachable: false } });

    const before = samples.filter((s) => s.startedAt + s.ms < downAt);
    const during = samples.filter((s) => s.startedAt > stoppedAt + 200 && s.startedAt + s.ms < restartAt);
    const after = samples.filter((s) => s.startedAt > recoveredAt + 500);
    const summary = (list: Sample[]) =>
      Object.entries(
        list.reduce<Record<string, number>>((acc, s) => {
          const key = s.error ? `error ${s.error}` : `${s.status}${s.code ? ` ${s.code}` : ''}`;
          acc[key] = (acc[key] ?? 0) + 1;
          return acc;
        }, {}),
      );
    console.log(
      `outage: ${before.length} requests before, ${during.length} during (slowest ${Math.max(...during.map((s) => s.ms))} ms), ` +
        `${after.length} after; ready again ${recoveredAt - upAt} ms after PostgreSQL was up ` +
        `(stop took ${stoppedAt - downAt} ms, restart ${upAt - restartAt} ms); during: ${JSON.stringify(summary(during))}`,
    );

    expect(summary(before)).toEqual(summary(before).filter(([k]) => k.startsWith('2')));
    expect(during.length).toBeGreaterThan(10);
    expect(summary(during), 'every request during the outage answers 503 in the error shape').toEqual([
      ['503 SERVICE_UNAVAILABLE', during.length],
    ]);
    expect(during.every((s) => s.requestId)).toBe(true);
    const slowest = Math.max(...samples.map((s) => s.ms));
    expect(slowest, 'no request hangs').toBeLessThan(MAX_REQUEST_MS);
    expect(recoveredAt, 'ready again after PostgreSQL returned').toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(10);
    expect(summary(after), 'requests succeed again').toEqual(summary(after).filter(([k]) => k.startsWith('2')));
  }, 120_000);
});
