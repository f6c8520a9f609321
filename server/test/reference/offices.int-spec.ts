// An office's phone, email and opening hours: edited by administrators only, validated field by
// field, audited, and shown to families in the portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRelative, createCase, familyLogin, issueAccess, type CaseRow } from '../family/family-fixtures.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';

const URL = '/api/v1/reference/offices/MITROVICA';

describe('PATCH /api/v1/reference/offices/:code', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.signedIn('ADMIN');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('changes phone, email and hours per language, answers the office and audits the change in the same transaction', async () => {
    const res = await admin.patch(URL, {
      phone: '+383 28 000 111',
      email: 'Mitrovica.Office@Example.test',
      hours: { sq: 'E hënë–e premte 08:00–16:00', sr: 'Pon–pet 08:00–16:00', en: 'Mon–Fri 08:00–16:00' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: 'MITROVICA',
      phone: '+383 28 000 111',
      email: 'mitrovica.office@example.test',
      hours: { sq: 'E hënë–e premte 08:00–16:00', sr: 'Pon–pet 08:00–16:00', en: 'Mon–Fri 08:00–16:00' },
    });

    const list = await admin.get('/api/v1/reference/offices');
    expect(list.body.find((o: { code: string }) => o.code === 'MITROVICA')).toEqual(res.body);

    const { rows } = await t.pool.query(
      `SELECT actor_id, action, entity_type, changes, details FROM audit_entry WHERE action = 'office.update' ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]).toMatchObject({
      actor_id: admin.user!.id,
      entity_type: 'Office',
      details: { code: 'MITROVICA' },
      changes: {
        phone: { from: null, to: '+383 28 000 111' },
        email: { from: null, to: 'mitrovica.office@example.test' },
        hoursEn: { from: null, to: 'Mon–Fri 08:00–16:00' },
      },
    });
  });

  it('keeps what is left out and clears a value sent as null or empty text', async () => {
    const res = await admin.patch(URL, { email: '', hours: { sr: null } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      phone: '+383 28 000 111',
      email: null,
      hours: { sq: 'E hënë–e premte 08:00–16:00', sr: null, en: 'Mon–Fri 08:00–16:00' },
    });
  });

  it('answers 400 naming each bad field, and changes nothing', async () => {
    const before = await t.pool.query(`SELECT phone, email, hours_sq FROM office WHERE code = 'MITROVICA'`);
    const res = await admin.patch(URL, { phone: 'call us', email: 'not-an-email', hours: { sq: 'x'.repeat(201) } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'hours.sq', 'phone']);
    const unknown = await admin.patch(URL, { address: 'Rruga e Paqes 1' });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body.errors)).toContain('address');
    expect((await admin.patch(URL, {})).status).toBe(400);
    const after = await t.pool.query(`SELECT phone, email, hours_sq FROM office WHERE code = 'MITROVICA'`);
    expect(after.rows).toEqual(before.rows);
  });

  it('answers 404 for an office that does not exist', async () => {
    const res = await admin.patch('/api/v1/reference/offices/NOWHERE', { phone: '+383 38 000 000' });
    expect(res.status).toBe(404);
  });

  it('is for administrators only (reference.manage)', async () => {
    for (const role of ['MANAGER', 'LIAISON_OFFICER'] as const) {
      const c = await t.signedIn(role, 'MITROVICA');
      expect((await c.patch(URL, { phone: '+383 38 000 000' })).status).toBe(403);
    }
    expect((await t.client().patch(URL, { phone: '+383 38 000 000' })).status).toBe(401);
  });

  it('is documented in OpenAPI with its request schema', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const op = res.body.paths['/api/v1/reference/offices/{code}']?.patch;
    expect(op).toBeDefined();
    expect(JSON.stringify(op.requestBody)).toContain('UpdateOfficeRequest');
  });

  it('shows the new values in the family portal', async () => {
    const officer = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
    const kase: CaseRow = await createCase(t.pool, 'MITROVICA');
    const relativeId = await addRelative(t.pool, kase.id);
    const code = await issueAccess(officer, kase.id, relativeId);
    const family = await familyLogin(t.client(), kase.caseNumber, code);
    await admin.patch(URL, { phone: '+383 28 000 222', hours: { sr: 'Pon–sub 09:00–15:00' } });

    const res = await family.get(`/api/v1/family/cases/${kase.id}`);
    expect(res.status).toBe(200);
    expect(res.body.office).toMatchObject({
      code: 'MITROVICA',
      phone: '+383 28 000 222',
      email: null,
      hours: { sq: 'E hënë–e premte 08:00–16:00', sr: 'Pon–sub 09:00–15:00', en: 'Mon–Fri 08:00–16:00' },
    });
  });
});
