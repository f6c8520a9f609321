// The built server as a child process: killed with SIGKILL in the middle of a burst of writes,
// and stopped with SIGTERM while a request is in flight.
import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit.repository.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';
import { buildServer, HttpClient, startServer, stopServer, type ServerProcess } from './server-process.js';

const PASSWORD = 'q8#Vt!x2Lm@9Rz&Kp4 burst';

/** A request on a brand-new TCP connection (no keep-alive pool): does the server still accept? */
function freshConnection(url: string): Promise<{ status: number } | { error: string }> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/api/health`, { agent: false, timeout: 3000 }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    req.on('timeout', () => req.destroy(new Error('timeout')));
  });
}

describe('crashes', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    await buildServer();
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 3 });
  }, 240_000);

  afterAll(async () => {
    for (const s of servers) await stopServer(s);
    await pool?.end();
    await db?.drop();
  });

  async function start(): Promise<ServerProcess> {
    const s = await startServer({ DATABASE_URL: db.url, DB_POOL_SIZE: '10' });
    servers.push(s);
    return s;
  }

  it('loses no acknowledged write and leaves none half-written when SIGKILLed mid-burst', async () => {
    const server = await start();
    const admin = await new HttpClient(server.url).login();
    const N = 200;
    const acknowledged = new Map<string, { id: string; email: string; name: string }>();
    let failedRequests = 0;
    const burst = Array.from({ length: N }, (_, i) => {
      const body = { email: `burst-${i}@example.test`, name: `Бурст Đorđe ${i}`, role: 'MANAGER', password: PASSWORD };
      return admin.request('POST', '/api/v1/users', body).then(
        (r) => {
          if (r.status >= 200 && r.status < 300)
            acknowledged.set(body.email, { id: r.body.id, email: body.email, name: body.name });
          else failedRequests++;
        },
        () => failedRequests++,
      );
    });
    // Kill once some writes were acknowledged and many are still running.
    const t0 = Date.now();
    while (acknowledged.size < 15 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 5));
    server.child.kill('SIGKILL');
    await Promise.all(burst);
    expect(await server.exited).toBe('SIGKILL');
    expect(acknowledged.size, 'some writes were acknowledged before the kill').toBeGreaterThanOrEqual(15);
    expect(acknowledged.size + failedRequests, 'every request ended, one way or the other').toBe(N);
    expect(acknowledged.size, 'the kill came in the middle of the burst').toBeLessThan(N);

    const restarted = await start();
    // Every acknowledged write is there, complete, with its audit entry.
    const { rows } = await pool.query<{ id: string; email: string; name: string; role: string; audits: string }>(
      `SELECT u.id, u.email, u.name, u.role,
              (SELECT count(*) FROM audit_entry a WHERE a.action = 'user.create' AND a.entity_id = u.id::text) AS audits
         FROM app_user u WHERE u.email LIKE 'burst-%'`,
    );
    const stored = new Map(rows.map((r) => [r.email, r]));
    for (const a of acknowledged.values()) {
      expect(stored.get(a.email), `${a.email} was acknowledged`).toMatchObject({
        id: a.id,
        name: a.name,
        role: 'MANAGER',
        audits: '1',
      });
    }
    // Nothing half-written: no user without its audit entry, no audit entry without its user.
    expect(rows.filter((r) => r.audits !== '1')).toEqual([]);
    const orphans = await pool.query(
      `SELECT a.entity_id FROM audit_entry a WHERE a.action = 'user.create' AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.id::text = a.entity_id)`,
    );
    expect(orphans.rows).toEqual([]);
    expect((await verifyAuditChain(pool)).firstBroken).toBeNull();

    // The restarted server serves the same data and takes writes again.
    const again = await new HttpClient(restarted.url).login();
    const list = await again.request('GET', '/api/v1/users?pageSize=100&q=burst');
    expect(list.status).toBe(200);
    const one = await again.request('POST', '/api/v1/users', {
      email: 'after-kill@example.test',
      name: 'After Kill',
      role: 'MANAGER',
      password: PASSWORD,
    });
    expect(one.status).toBe(201);
    await stopServer(restarted);
  }, 120_000);

  it('loses no acknowledged contact note when SIGKILLed mid-burst: note, timeline event and audit entry together', async () => {
    const server = await start();
    const admin = await new HttpClient(server.url).login();
    const manager = { email: 'notes-manager@example.test', password: PASSWORD };
    const made = await admin.request('POST', '/api/v1/users', { ...manager, name: 'Notes Manager', role: 'MANAGER' });
    expect(made.status).toBe(201);
    const client = await new HttpClient(server.url).login(manager.email, manager.password);
    const kase = await client.request('POST', '/api/v1/cases', {
      firstName: 'Љиљана',
      lastName: 'Krasniqi-Đorđević',
      officeCode: 'PRISTINA',
    });
    expect(kase.status, JSON.stringify(kase.body)).toBe(201);
    const caseId = kase.body.id as string;

    const N = 300;
    const acknowledged = new Map<string, string>(); // contact id -> summary sent
    let failed = 0;
    const burst = Array.from({ length: N }, (_, i) => {
      const summary = `Посета ${i}: the family (Gjyla, Đorđe) said "hello" \\ 👩‍👧 שלום\nsecond line ${i}`;
      return client
        .request('POST', `/api/v1/cases/${caseId}/contacts`, {
          channel: 'VISIT',
          occurredAt: new Date(Date.now() - 60_000).toISOString(),
          summary,
        })
        .then(
          (r) => {
            if (r.status >= 200 && r.status < 300) acknowledged.set(r.body.id, summary);
            else failed++;
          },
          () => failed++,
        );
    });
    const t0 = Date.now();
    while (acknowledged.size < 20 && Date.now() - t0 < 20_000) await new Promise((r) => setTimeout(r, 2));
    server.child.kill('SIGKILL');
    await Promise.all(burst);
    expect(acknowledged.size + failed).toBe(N);
    expect(acknowledged.size, 'the kill came in the middle of the burst').toBeLessThan(N);

    await start();
    const { rows } = await pool.query<{ id: string; summary: string; events: string; audits: string }>(
      `SELECT c.id, c.summary,
              (SELECT count(*) FROM case_event e WHERE e.case_id = c.case_id AND e.type = 'CONTACT_LOGGED' AND e.data->>'contactId' = c.id::text) AS events,
              (SELECT count(*) FROM audit_entry a WHERE a.action = 'contact.create' AND a.details->>'subjectId' = c.id::text) AS audits
         FROM contact c WHERE c.case_id = $1`,
      [caseId],
    );
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const [id, summary] of acknowledged) {
      expect(stored.get(id), `acknowledged contact ${id}`).toMatchObject({ summary, events: '1', audits: '1' });
    }
    expect(
      rows.filter((r) => r.events !== '1' || r.audits !== '1'),
      'half-written contacts',
    ).toEqual([]);
    const strays = await pool.query(
      `SELECT a.seq FROM audit_entry a WHERE a.action = 'contact.create'
          AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.id::text = a.details->>'subjectId')`,
    );
    expect(strays.rows, 'audit entries of contacts that do not exist').toEqual([]);
    expect((await verifyAuditChain(pool)).firstBroken).toBeNull();
  }, 120_000);

  it('on SIGTERM finishes the request in flight, refuses new connections, and exits 0', async () => {
    const server = await start();
    const admin = await new HttpClient(server.url).login();
    // Hold a lock the next request needs, so that it is still running when SIGTERM arrives.
    const blocker = new pg.Client({ connectionString: db.url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE app_user IN ACCESS EXCLUSIVE MODE');
      const inFlight = admin.request('GET', '/api/v1/users?pageSize=5');
      // Wait until the server's query is waiting for the lock.
      for (let i = 0; ; i++) {
        const { rows } = await pool.query(
          `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND application_name = 'mprc'`,
        );
        if (rows.length) break;
        if (i > 200) throw new Error('the request never reached the database');
        await new Promise((r) => setTimeout(r, 25));
      }
      server.child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      expect(server.child.exitCode, 'still draining').toBeNull();
      const late = await freshConnection(server.url);

      await blocker.query('COMMIT');
      const res = await inFlight;
      const code = await server.exited;
      if (code !== 0) console.log(server.output());
      expect({ late, inFlight: res.status, items: res.body.items?.length > 0, code }).toEqual({
        late: { error: 'ECONNREFUSED' },
        inFlight: 200,
        items: true,
        code: 0,
      });
    } finally {
      await blocker.end().catch(() => undefined);
    }
  }, 60_000);
});
