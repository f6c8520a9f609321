import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/auth/mfa.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../setup/test-app.js';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  let officer: { id: string; email: string };

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_MINUTES: '15' });
    officer = await t.createUser('LIAISON_OFFICER', 'PRISTINA', { name: 'Drita Officer' });
  });
  afterAll(() => t.close());

  it('signs in with an opaque HttpOnly cookie and returns the user and a CSRF token', async () => {
    const c = t.client();
    const res = await c.post('/api/v1/auth/login', { email: officer.email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      id: officer.id,
      email: officer.email,
      role: 'LIAISON_OFFICER',
      officeCode: 'PRISTINA',
    });
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = String([res.headers['set-cookie']].flat()[0]);
    expect(cookie).toMatch(/^mprc_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/); // not in test mode; COOKIE_SECURE / production turn it on
    // The token itself is never stored: the table keeps only its hash.
    const token = cookie.split(';')[0].split('=')[1];
    const { rows } = await t.pool.query('SELECT count(*)::int AS n FROM session WHERE id = $1', [token]);
    expect(rows[0].n).toBe(0);
    const me = await c.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(res.body.csrfToken);
  });

  it('answers a wrong password and an unknown email with the same 401 body', async () => {
    const wrong = await t
      .client()
      .post('/api/v1/auth/login', { email: officer.email, password: 'not the password at all' });
    const unknown = await t
      .client()
      .post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'not the password at all' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.body)).toEqual(strip(unknown.body));
    expect(wrong.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' });
  });

  it('validates the login body with field errors', async () => {
    const res = await t.client().post('/api/v1/auth/login', { email: '' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
    const malformed = await t
      .client()
      .post('/api/v1/auth/login', undefined, { payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_REQUEST');
  });

  it('rotates the session id at login and kills the session at logout', async () => {
    const c = await t.client().login(officer.email);
    const first = c.cookie!;
    await c.login(officer.email);
    expect(c.cookie).not.toBe(first);
    const stale = t.client();
    stale.cookie = first;
    expect((await stale.get('/api/v1/auth/me')).status).toBe(401);

    const out = await c.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    const replay = t.client();
    replay.cookie = first.replace(/=.*/, '=') + c.cookie?.split('=')[1];
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('refuses unsafe methods without the CSRF token (403) and records the denial', async () => {
    const admin = await t.signedIn('ADMIN');
    const res = await admin.post(
      '/api/v1/users',
      { email: 'x@example.test' },
      { headers: { 'x-csrf-token': 'wrong' } },
    );
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_FAILED');
    const none = await admin.request('POST', '/api/v1/auth/logout', undefined, { headers: { 'x-csrf-token': '' } });
    expect(none.status).toBe(403);
    const { rows } = await t.pool.query(
      `SELECT details FROM audit_entry WHERE action = 'access.denied' AND actor_id = $1`,
      [admin.user!.id],
    );
    expect(rows.some((r) => r.details.reason === 'csrf')).toBe(true);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const c = await t.client().login(officer.email);
    await t.pool.query(
      `UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1 AND revoked_at IS NULL`,
      [officer.id],
    );
    expect((await c.get('/api/v1/auth/me')).status).toBe(401);
    const d = await t.client().login(officer.email);
    await t.pool.query(
      `UPDATE session SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND revoked_at IS NULL`,
      [officer.id],
    );
    expect((await d.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('locks an account after 5 failures in the window: 429 with Retry-After even for the right password', async () => {
    const victim = await t.createUser('MANAGER');
    for (let i = 0; i < 5; i++) {
      expect(
        (await t.client().post('/api/v1/auth/login', { email: victim.email, password: `wrong password ${i}` })).status,
      ).toBe(401);
    }
    const locked = await t.client().post('/api/v1/auth/login', { email: victim.email, password: TEST_PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('LOCKED_OUT');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // When the window has passed, the right password works again.
    await t.pool.query(`UPDATE login_attempt SET created_at = created_at - interval '16 minutes' WHERE key = $1`, [
      `user:${victim.email}`,
    ]);
    expect((await t.client().post('/api/v1/auth/login', { email: victim.email, password: TEST_PASSWORD })).status).toBe(
      200,
    );
    const { rows } = await t.pool.query(`SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY seq`, [
      victim.id,
    ]);
    expect(rows.map((r) => r.action)).toEqual([
      ...Array(5).fill('auth.login.failed'),
      'auth.login.locked',
      'auth.login',
    ]);
  });

  it('counts concurrent failures exactly', async () => {
    const victim = await t.createUser('MANAGER');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.client().post('/api/v1/auth/login', { email: victim.email, password: `wrong ${i} wrong` }),
      ),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(7);
  });

  it('ends all sessions at once when an account is deactivated', async () => {
    const target = await t.createUser('LIAISON_OFFICER', 'MITROVICA');
    const session = await t.client().login(target.email);
    const admin = await t.signedIn('ADMIN');
    const res = await admin.patch(`/api/v1/users/${target.id}`, { isActive: false });
    expect(res.status).toBe(200);
    expect(res.body.isActive).toBe(false);
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    expect((await t.client().post('/api/v1/auth/login', { email: target.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
  });

  it('changes the own password (other sessions end) and resets with a one-time code', async () => {
    const user = await t.createUser('MANAGER', null, { name: 'Besa Manager' });
    const a = await t.client().login(user.email);
    const b = await t.client().login(user.email);
    const weak = await a.post('/api/v1/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('newPassword');
    const ok = await a.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'the river below the old bridge',
    });
    expect(ok.status).toBe(204);
    expect((await a.get('/api/v1/auth/me')).status).toBe(200);
    expect((await b.get('/api/v1/auth/me')).status).toBe(401);

    const admin = await t.signedIn('ADMIN');
    const code = await admin.post(`/api/v1/users/${user.id}/reset-code`);
    expect(code.status).toBe(201);
    const bad = await t.client().post('/api/v1/auth/reset-password', {
      email: user.email,
      resetCode: 'AAAAA-BBBBB',
      newPassword: 'a brand new long passphrase',
    });
    expect(bad.status).toBe(400);
    const reset = await t.client().post('/api/v1/auth/reset-password', {
      email: user.email,
      resetCode: code.body.resetCode,
      newPassword: 'a brand new long passphrase',
    });
    expect(reset.status).toBe(204);
    expect((await a.get('/api/v1/auth/me')).status).toBe(401);
    await t.client().login(user.email, 'a brand new long passphrase');
    const reuse = await t.client().post('/api/v1/auth/reset-password', {
      email: user.email,
      resetCode: code.body.resetCode,
      newPassword: 'yet another long passphrase',
    });
    expect(reuse.status).toBe(400);
  });
});

describe('second factor (TOTP)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ MFA_REQUIRED_ROLES: 'ADMIN' });
  });
  afterAll(() => t.close());

  it('enrols, then asks for the code at sign-in; a recovery code works once', async () => {
    const user = await t.createUser('MANAGER');
    const c = await t.client().login(user.email);
    const start = await c.post('/api/v1/auth/mfa/enrollment');
    expect(start.status).toBe(201);
    expect(start.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\/MPRC:/);
    const wrong = await c.post('/api/v1/auth/mfa/enrollment/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    const confirm = await c.post('/api/v1/auth/mfa/enrollment/confirm', { code: currentTotp(start.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);

    const again = t.client();
    const login = await again.post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD });
    expect(login.body.mfaRequired).toBe(true);
    again.csrfToken = login.body.csrfToken;
    expect((await again.get('/api/v1/users')).status).toBe(401);
    expect((await again.get('/api/v1/users')).body.code).toBe('MFA_REQUIRED');
    const verified = await again.post('/api/v1/auth/mfa/verify', { code: currentTotp(start.body.secret) });
    expect(verified.status).toBe(200);
    expect((await again.get('/api/v1/users')).status).toBe(200);

    const third = t.client();
    third.csrfToken = (
      await third.post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })
    ).body.csrfToken;
    const recovery = confirm.body.recoveryCodes[0];
    expect((await third.post('/api/v1/auth/mfa/verify', { code: recovery })).status).toBe(200);
    const fourth = t.client();
    fourth.csrfToken = (
      await fourth.post('/api/v1/auth/login', { email: user.email, password: TEST_PASSWORD })
    ).body.csrfToken;
    expect((await fourth.post('/api/v1/auth/mfa/verify', { code: recovery })).status).toBe(400);
  });

  it('makes enrolment mandatory for roles in MFA_REQUIRED_ROLES: the password alone opens only enrolment', async () => {
    const admin = await t.createUser('ADMIN');
    const c = t.client();
    const login = await c.post('/api/v1/auth/login', { email: admin.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.mfaEnrollmentRequired).toBe(true);
    c.csrfToken = login.body.csrfToken;
    expect((await c.get('/api/v1/audit')).status).toBe(401);
    const start = await c.post('/api/v1/auth/mfa/enrollment');
    const confirm = await c.post('/api/v1/auth/mfa/enrollment/confirm', { code: currentTotp(start.body.secret) });
    expect(confirm.status).toBe(200);
    expect((await c.get('/api/v1/audit')).status).toBe(200);
  });
});

describe('per-IP limit on sign-in routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 in the error shape once the address exceeds the limit', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await t.client().post('/api/v1/auth/login', { email: `n${i}@example.test`, password: 'whatever it is' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(last!.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
  });
});
