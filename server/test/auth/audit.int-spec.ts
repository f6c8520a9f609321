import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit.repository.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';

describe('audit trail', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedIn('ADMIN');
  });
  afterAll(() => t.close());

  it('records account changes with who, what, from where and masked field changes', async () => {
    const created = await admin.post(
      '/api/v1/users',
      {
        email: 'Vjosa.Officer@Example.test',
        name: 'Vjosa Officer',
        role: 'LIAISON_OFFICER',
        officeCode: 'MITROVICA',
        password: 'a walk along the ibar river',
      },
      { headers: { 'x-request-id': 'audit-test-1' } },
    );
    expect(created.status).toBe(201);
    expect(created.body.email).toBe('vjosa.officer@example.test');
    const res = await admin.get('/api/v1/audit', { query: { entityType: 'User', entityId: created.body.id } });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      action: 'user.create',
      actorId: admin.user!.id,
      actorRole: 'ADMIN',
      ip: '127.0.0.1',
      requestId: 'audit-test-1',
      changes: { email: { from: null, to: 'vjosa.officer@example.test' }, role: { from: null, to: 'LIAISON_OFFICER' } },
    });
    expect(JSON.stringify(res.body)).not.toContain('a walk along the ibar river');

    const patched = await admin.patch(`/api/v1/users/${created.body.id}`, { role: 'MANAGER', officeCode: null });
    expect(patched.status).toBe(200);
    const after = await admin.get('/api/v1/audit', { query: { entityId: created.body.id, action: 'user.update' } });
    expect(after.body.items[0].changes).toEqual({
      role: { from: 'LIAISON_OFFICER', to: 'MANAGER' },
      officeCode: { from: 'MITROVICA', to: null },
    });
  });

  it('filters by actor, action prefix and time range, newest first, with the total', async () => {
    const res = await admin.get('/api/v1/audit', {
      query: { actorId: admin.user!.id, action: 'user.*', from: '2000-01-01', to: '2999-12-31', pageSize: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.total).toBeGreaterThanOrEqual(2);
    expect(res.body.items[0].action).toMatch(/^user\./);
    const bad = await admin.get('/api/v1/audit', { query: { from: 'yesterday' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('from');
  });

  it('records sign-in failures and permission denials', async () => {
    await t.client().post('/api/v1/auth/login', { email: 'ghost@example.test', password: 'not a real password' });
    const officer = await t.signedIn('LIAISON_OFFICER');
    expect((await officer.get('/api/v1/users')).status).toBe(403);
    const { rows } = await t.pool.query(
      `SELECT action, actor_id, details FROM audit_entry WHERE action IN ('auth.login.failed', 'access.denied') ORDER BY seq`,
    );
    expect(rows.some((r) => r.action === 'auth.login.failed' && r.details.email === 'ghost@example.test')).toBe(true);
    expect(
      rows.some(
        (r) =>
          r.action === 'access.denied' &&
          r.actor_id === officer.user!.id &&
          r.details.reason === 'permission:user.read',
      ),
    ).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database level', async () => {
    await expect(t.pool.query(`UPDATE audit_entry SET action = 'x'`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
  });

  it('chains every entry to the one before and finds the first broken link', async () => {
    const ok = await verifyAuditChain(t.pool);
    expect(ok.firstBroken).toBeNull();
    expect(ok.entries).toBeGreaterThan(5);
    // Tamper as a superuser would (bypassing the triggers), then verify.
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await client.query('SET session_replication_role = replica');
      const { rows } = await client.query(`SELECT seq FROM audit_entry ORDER BY seq OFFSET 2 LIMIT 1`);
      await client.query(`UPDATE audit_entry SET details = '{"forged":true}' WHERE seq = $1`, [rows[0].seq]);
      const broken = await verifyAuditChain(client);
      expect(broken.firstBroken).toEqual({ seq: String(rows[0].seq), reason: 'hash' });
    } finally {
      await client.end();
    }
  });
});

describe('account administration', () => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedIn('ADMIN');
  });
  afterAll(() => t.close());

  it('validates new accounts with named fields and stores nothing on failure', async () => {
    const cases: [object, string][] = [
      [
        { email: 'a@example.test', name: 'A', role: 'LIAISON_OFFICER', password: 'a perfectly long passphrase' },
        'officeCode',
      ],
      [{ email: 'b@example.test', name: 'B', role: 'MANAGER', password: 'password1234' }, 'password'],
      [{ email: 'not-an-email', name: 'C', role: 'MANAGER', password: 'a perfectly long passphrase' }, 'email'],
      [{ email: 'd@example.test', name: 'D', role: 'FAMILY', password: 'a perfectly long passphrase' }, 'role'],
      [
        {
          email: 'e@example.test',
          name: 'E',
          role: 'LIAISON_OFFICER',
          officeCode: 'NOWHERE',
          password: 'a perfectly long passphrase',
        },
        'officeCode',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/users', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM app_user WHERE email LIKE '_@example.test'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses a duplicate email with 409 and protects the last administrator', async () => {
    const body = { email: 'dup@example.test', name: 'Dup', role: 'MANAGER', password: 'a perfectly long passphrase' };
    expect((await admin.post('/api/v1/users', body)).status).toBe(201);
    const dup = await admin.post('/api/v1/users', body);
    expect(dup.status).toBe(409);
    expect(dup.body.errors[0].field).toBe('email');
    expect((await admin.patch(`/api/v1/users/${admin.user!.id}`, { isActive: false })).status).toBe(403);
  });

  it('lists accounts with filters', async () => {
    const res = await admin.get('/api/v1/users', { query: { role: 'MANAGER', q: 'dup' } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((u: { email: string }) => u.email)).toEqual(['dup@example.test']);
    expect(res.body.total).toBe(1);
  });
});
