import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { addRelative, createCase, familyLogin, issueAccess, linkRelative, type CaseRow } from './family-fixtures.js';

describe('family sign-in', () => {
  let t: TestApp;
  let officer: ApiClient;
  let kase: CaseRow;
  let relativeId: string;
  let code: string;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_MINUTES: '15' });
    officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
    kase = await createCase(t.pool, 'PRISTINA');
    relativeId = await addRelative(t.pool, kase.id, {
      firstName: 'Shpresa',
      lastName: 'Fiktivi',
      preferredLanguage: 'sq',
      phone: '+383 44 000 111',
    });
    code = await issueAccess(officer, kase.id, relativeId);
  });
  afterAll(() => t?.close());

  it('signs in with the case number and the code: a FAMILY session with the same cookie and CSRF rules as staff', async () => {
    const c = t.client();
    // Typed loosely: "mp 12" for MP-000012, the code in lower case without dashes.
    const res = await c.post('/api/v1/family/login', {
      caseNumber: ` mp ${Number(kase.caseNumber.slice(3))} `,
      accessCode: code.toLowerCase().replaceAll('-', ''),
    });
    expect(res.status).toBe(200);
    expect(res.body.relative).toMatchObject({
      id: relativeId,
      firstName: 'Shpresa',
      lastName: 'Fiktivi',
      preferredLanguage: 'sq',
    });
    expect(res.body.cases).toEqual([{ id: kase.id, caseNumber: kase.caseNumber }]);
    expect(res.body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = [res.headers['set-cookie']].flat()[0]!;
    expect(cookie).toMatch(/^mprc_session=[\w-]{40,};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const { rows } = await t.pool.query(
      `SELECT role, user_id FROM session WHERE relative_id = $1 AND revoked_at IS NULL`,
      [relativeId],
    );
    expect(rows).toEqual([{ role: 'FAMILY', user_id: null }]);

    c.csrfToken = res.body.csrfToken;
    const me = await c.get('/api/v1/family/me');
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).toBe(res.body.csrfToken);
    expect(me.body.relative.phone).toBe('+383 44 000 111');
    // CSRF applies: an unsafe request without the token is refused.
    expect(
      (
        await c.request(
          'PATCH',
          '/api/v1/family/me',
          { phone: '+383 44 000 222' },
          { headers: { 'x-csrf-token': 'nope' } },
        )
      ).status,
    ).toBe(403);
    // Staff routes stay closed to a family session.
    expect((await c.get('/api/v1/messages/inbox')).status).toBe(403);
    expect((await c.get('/api/v1/auth/me')).status).toBe(403);

    const out = await c.post('/api/v1/family/logout');
    expect(out.status).toBe(204);
    expect((await c.get('/api/v1/family/me')).status).toBe(401);
    const audit = await t.pool.query(
      `SELECT action, actor_role, details FROM audit_entry WHERE entity_id = $1 AND action LIKE 'family.log%' ORDER BY seq`,
      [relativeId],
    );
    expect(audit.rows.map((r) => [r.action, r.actor_role])).toEqual([
      ['family.login', 'FAMILY'],
      ['family.logout', 'FAMILY'],
    ]);
  });

  it('ends the family session after the idle timeout', async () => {
    const c = await familyLogin(t.client(), kase.caseNumber, code);
    await t.pool.query(
      `UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE relative_id = $1 AND revoked_at IS NULL`,
      [relativeId],
    );
    expect((await c.get('/api/v1/family/me')).status).toBe(401);
  });

  it('answers every wrong combination with the same 401', async () => {
    const other = await createCase(t.pool, 'PRISTINA');
    const otherRelative = await addRelative(t.pool, other.id);
    const otherCode = await issueAccess(officer, other.id, otherRelative);
    const revokedCase = await createCase(t.pool, 'PRISTINA');
    const revokedRelative = await addRelative(t.pool, revokedCase.id);
    const revokedCode = await issueAccess(officer, revokedCase.id, revokedRelative);
    expect(
      (await officer.delete(`/api/v1/cases/${revokedCase.id}/relatives/${revokedRelative}/portal-access`)).status,
    ).toBe(204);
    const unlinkedCase = await createCase(t.pool, 'PRISTINA');

    const attempts = [
      { caseNumber: 'MP-999999', accessCode: code }, // unknown case
      { caseNumber: kase.caseNumber, accessCode: 'AAAA-BBBB-CCCC' }, // wrong code
      { caseNumber: kase.caseNumber, accessCode: otherCode }, // another family's code
      { caseNumber: revokedCase.caseNumber, accessCode: revokedCode }, // revoked access
      { caseNumber: unlinkedCase.caseNumber, accessCode: code }, // relative not linked to this case
    ];
    const bodies = [];
    for (const a of attempts) {
      const res = await t.client().post('/api/v1/family/login', a);
      expect(res.status, JSON.stringify(a)).toBe(401);
      expect(res.headers['set-cookie']).toBeUndefined();
      bodies.push({ ...res.body, requestId: undefined });
    }
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(bodies[0]).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The case number or the access code is not correct',
    });
    const failed = await t.pool.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'family.login.failed'`,
    );
    expect(failed.rows[0].n).toBeGreaterThanOrEqual(5);
  });

  it('locks a case number after 5 failures in 15 minutes (429 + Retry-After, even for the right code); staff see it and can lift it', async () => {
    const locked = await createCase(t.pool, 'PRISTINA');
    const rel = await addRelative(t.pool, locked.id);
    const right = await issueAccess(officer, locked.id, rel);
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await t.client().post('/api/v1/family/login', {
            // Spellings of one number share one counter.
            caseNumber: i % 2 ? locked.caseNumber : `mp ${Number(locked.caseNumber.slice(3))}`,
            accessCode: `WRNG-C0DE-00${i}X`,
          })
        ).status,
      ).toBe(401);
    }
    const res = await t.client().post('/api/v1/family/login', { caseNumber: locked.caseNumber, accessCode: right });
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('LOCKED_OUT');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(900);
    // The lock is per case number: another case signs in as usual.
    await familyLogin(t.client(), kase.caseNumber, code);

    const status = await officer.get(`/api/v1/cases/${locked.id}/relatives/${rel}/portal-access`);
    expect(status.status).toBe(200);
    const until = Date.parse(status.body.familyLoginLockedUntil);
    expect(until).toBeGreaterThan(Date.now() + 800_000);
    const summary = await officer.get(`/api/v1/cases/${locked.id}/portal-access`);
    expect(Date.parse(summary.body.familyLoginLockedUntil)).toBeGreaterThan(Date.now() + 800_000);

    // The officer spoke to the family and lifts the lock.
    expect((await officer.post(`/api/v1/cases/${locked.id}/portal-access/unlock`)).status).toBe(204);
    expect((await officer.get(`/api/v1/cases/${locked.id}/portal-access`)).body.familyLoginLockedUntil).toBeNull();
    await familyLogin(t.client(), locked.caseNumber, right);
    const audit = await t.pool.query(
      `SELECT action FROM audit_entry WHERE action IN ('family.login.locked', 'portal.login_unlocked')`,
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['family.login.locked', 'portal.login_unlocked']);
  });

  it('counts concurrent guesses exactly', async () => {
    const target = await createCase(t.pool, 'PRISTINA');
    await issueAccess(officer, target.id, await addRelative(t.pool, target.id));
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        t.client().post('/api/v1/family/login', { caseNumber: target.caseNumber, accessCode: `GUES-S${i}22-2222` }),
      ),
    );
    expect(results.filter((r) => r.status === 401)).toHaveLength(5);
    expect(results.filter((r) => r.status === 429)).toHaveLength(4);
  });

  it('finds the right relative among several with access to the same case', async () => {
    const shared = await createCase(t.pool, 'PRISTINA');
    const a = await addRelative(t.pool, shared.id, { firstName: 'Ana' });
    const b = await addRelative(t.pool, shared.id, { firstName: 'Besa' });
    const codeA = await issueAccess(officer, shared.id, a);
    const codeB = await issueAccess(officer, shared.id, b);
    const resA = await t.client().post('/api/v1/family/login', { caseNumber: shared.caseNumber, accessCode: codeA });
    const resB = await t.client().post('/api/v1/family/login', { caseNumber: shared.caseNumber, accessCode: codeB });
    expect(resA.body.relative.firstName).toBe('Ana');
    expect(resB.body.relative.firstName).toBe('Besa');
  });

  it('shows a relative linked to two cases both of them after one sign-in', async () => {
    const second = await createCase(t.pool, 'MITROVICA', { firstName: 'Bekim' });
    await linkRelative(t.pool, second.id, relativeId, 'PARENT');
    const c = await familyLogin(t.client(), second.caseNumber, code);
    const me = await c.get('/api/v1/family/me');
    expect(me.body.cases.map((x: { id: string }) => x.id).sort()).toEqual([kase.id, second.id].sort());
    const list = await c.get('/api/v1/family/cases');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { caseNumber: string }) => x.caseNumber).sort()).toEqual(
      [kase.caseNumber, second.caseNumber].sort(),
    );
    expect((await c.get(`/api/v1/family/cases/${second.id}`)).status).toBe(200);
    expect((await c.get(`/api/v1/family/cases/${kase.id}`)).status).toBe(200);
  });

  it('validates the body with field errors', async () => {
    const res = await t.client().post('/api/v1/family/login', { caseNumber: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['accessCode', 'caseNumber']);
  });
});
