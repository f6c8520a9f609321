// `npm start` with the embedded PostgreSQL after the app was SIGKILLed: the PostgreSQL it had
// started keeps running (its own process group). The next start must stop that orphan and come
// up on the same data, while a PostgreSQL that a live app still uses is never touched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePostmasterPid } from '../../src/common/database/embedded-postgres.js';
import { buildServer, HttpClient, startServer, stopServer, type ServerProcess } from './server-process.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe('embedded PostgreSQL left behind by a killed app', () => {
  let dataDir: string;
  const servers: ServerProcess[] = [];
  const postmasters = new Set<number>();

  beforeAll(async () => {
    await buildServer();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-orphan-'));
    fs.chmodSync(dataDir, 0o755);
  }, 240_000);

  afterAll(async () => {
    for (const s of servers) await stopServer(s);
    for (const pid of postmasters) if (alive(pid)) process.kill(pid, 'SIGQUIT');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const pgDir = () => fs.realpathSync(path.join(dataDir, 'pg'));
  const postmasterPid = () => {
    const lock = parsePostmasterPid(fs.readFileSync(path.join(pgDir(), 'postmaster.pid'), 'utf8'));
    if (!lock) throw new Error('no postmaster.pid');
    postmasters.add(lock.pid);
    return lock.pid;
  };

  async function start(opts: { waitReady?: boolean } = {}) {
    // info: the launcher says what it did about an orphan at that level
    const s = await startServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info' }, opts);
    servers.push(s);
    return s;
  }

  it('comes up after a SIGKILL, on the same data, having stopped the orphaned PostgreSQL', async () => {
    const first = await start();
    const admin = await new HttpClient(first.url).login();
    const created = await admin.request('POST', '/api/v1/users', {
      email: 'kept@example.test',
      name: 'Kept Across Crashes',
      role: 'MANAGER',
      password: 'q8#Vt!x2Lm@9Rz&Kp4 zebra',
    });
    expect(created.status).toBe(201);
    const orphan = postmasterPid();

    first.child.kill('SIGKILL');
    await first.exited;
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(orphan), 'the killed app left its PostgreSQL running').toBe(true);

    const started = Date.now();
    const second = await start();
    const tookMs = Date.now() - started;
    console.log(`restart after SIGKILL with an orphaned embedded PostgreSQL: ready in ${tookMs} ms`);
    expect(alive(orphan), 'the orphan was stopped').toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    expect(second.output()).toMatch(/left running by app process \d+/);

    const again = await new HttpClient(second.url).login();
    const list = await again.request('GET', '/api/v1/users?q=kept');
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toContain('kept@example.test');
  }, 120_000);

  it('refuses to start beside a live app on the same data, and leaves its PostgreSQL alone', async () => {
    const running = servers.at(-1)!;
    expect(running.child.exitCode).toBeNull();
    const inUse = postmasterPid();

    const intruder = await start({ waitReady: false });
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toMatch(/already running on .*: stop it or use another DATA_DIR/);
    expect(intruder.output()).not.toMatch(/\n\s+at /); // one line, no stack trace
    expect(alive(inUse)).toBe(true);
    expect((await fetch(`${running.url}/api/ready`)).status).toBe(200);

    // A clean stop takes its PostgreSQL with it.
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(alive(inUse)).toBe(false);
  }, 120_000);
});
