// Data protection: a manager erases a relative's personal data once consent is withdrawn. The
// values are gone from every table that held them (scanned as JSON text), the case, its links and
// counts stay, the audit entry records ids, counts and the reason only. Earlier audit entries are
// append-only and may still hold the name (contact fields are masked there); see the README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditOf, createCase } from '../cases/fixtures.js';
import { familyLogin, issueAccess } from '../family/family-fixtures.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';

let t: TestApp;
let officer: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp({ NOTIFY_INTERVAL_SECONDS: '0' });
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

const SECRET = {
  firstName: 'Zylfije',
  lastName: 'Uniqueova',
  phone: '+383 44 987 654',
  email: 'zylfije.unique@example.org',
  address: 'Rruga e Fshehtë 77, Ferizaj',
};
const SUMMARY = 'Visited Zylfije at home; she spoke about her brother Qerimtest';
const FAMILY_SUMMARY = 'Family-visible note for Zylfije Qerimtest';
const MESSAGE = 'Message written by Zylfije about Qerimtest';
const REPLY = 'Reply to Zylfije about Qerimtest';
const NEEDLES = [SECRET.firstName, SECRET.lastName, SECRET.phone, SECRET.email, 'Fshehtë', 'Qerimtest'];
const TABLES = [
  'relative',
  'case_relative',
  'contact',
  'family_message',
  'consent',
  'portal_access',
  'session',
  'case_event',
  'notification_outbox',
];

/** Rows of the table (as JSON text) that contain any of the needles. */
async function leaks(table: string): Promise<string[]> {
  const { rows } = await t.pool.query<{ j: string }>(`SELECT row_to_json(x)::text AS j FROM ${table} x`);
  return rows
    .map((r) => r.j)
    .filter((j) => NEEDLES.some((n) => j.includes(n) || j.includes(JSON.stringify(n).slice(1, -1))));
}

describe('erasing a relative', () => {
  let caseId: string;
  let relativeId: string;
  let otherId: string;
  let consentId: string;
  let family: ApiClient;
  const url = () => `/api/v1/cases/${caseId}/relatives/${relativeId}/erase`;

  beforeAll(async () => {
    const c = await createCase(officer);
    caseId = c.id;
    const rel = await officer.post(`/api/v1/cases/${caseId}/relatives`, { ...SECRET, relationship: 'SISTER' });
    expect(rel.status, rel.text).toBe(201);
    relativeId = rel.body.id;
    const other = await officer.post(`/api/v1/cases/${caseId}/relatives`, {
      firstName: 'Besa',
      lastName: 'Tjetra',
      phone: '+383 49 111 222',
      relationship: 'MOTHER',
    });
    otherId = other.body.id;
    for (const [channel, summary] of [
      ['VISIT', SUMMARY],
      ['PHONE', SUMMARY],
    ] as const) {
      const res = await officer.post(`/api/v1/cases/${caseId}/contacts`, {
        channel,
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        relativeId,
        summary,
        familyVisibleSummary: FAMILY_SUMMARY,
      });
      expect(res.status, res.text).toBe(201);
    }
    await officer.post(`/api/v1/cases/${caseId}/contacts`, {
      channel: 'LETTER',
      occurredAt: new Date().toISOString(),
      relativeId: otherId,
      summary: 'About Besa',
    });
    family = await familyLogin(t.client(), c.caseNumber, await issueAccess(officer, caseId, relativeId));
    expect((await family.post(`/api/v1/family/cases/${caseId}/messages`, { body: MESSAGE })).status).toBe(201);
    expect((await officer.post(`/api/v1/cases/${caseId}/messages`, { body: REPLY, relativeId })).status).toBe(201);
    const consent = await officer.post(`/api/v1/cases/${caseId}/relatives/${relativeId}/consents`, {
      organisation: 'ICRC',
      givenOn: '2020-01-01',
    });
    expect(consent.status, consent.text).toBe(201);
    consentId = consent.body.id;
  });

  it('is for managers only', async () => {
    const res = await officer.post(url(), { reason: 'Request 12/2026' });
    expect(res.status).toBe(403);
  });

  it('refuses while a consent is in force, naming why', async () => {
    const res = await manager.post(url(), { reason: 'Request 12/2026' });
    expect(res.status, res.text).toBe(409);
    expect(res.body.message).toMatch(/consent/i);
    expect(
      (await t.pool.query('SELECT erased_at FROM relative WHERE id = $1', [relativeId])).rows[0].erased_at,
    ).toBeNull();
  });

  it('replaces the name, contacts and free text, ends portal access, keeps the case and its counts', async () => {
    const w = await officer.patch(`/api/v1/cases/${caseId}/relatives/${relativeId}/consents/${consentId}`, {
      withdrawnOn: '2025-01-01',
    });
    expect(w.status, w.text).toBe(200);
    const countsBefore = (
      await t.pool.query(
        `SELECT channel::text, count(*)::int AS n FROM contact WHERE case_id = $1 GROUP BY 1 ORDER BY 1`,
        [caseId],
      )
    ).rows;
    const messagesBefore = (
      await t.pool.query('SELECT count(*)::int AS n FROM family_message WHERE case_id = $1', [caseId])
    ).rows[0].n;

    // The scan finds the values before the erasure (so an empty result afterwards means something).
    for (const table of ['relative', 'contact', 'family_message'])
      expect((await leaks(table)).length, table).toBeGreaterThan(0);

    const res = await manager.post(url(), { reason: 'Request 12/2026' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ relativeId, contacts: 2, messages: 2, sessions: 1 });

    for (const table of TABLES) expect(await leaks(table), table).toEqual([]);
    const r = (await t.pool.query('SELECT * FROM relative WHERE id = $1', [relativeId])).rows[0];
    expect(r).toMatchObject({ first_name: 'Erased', last_name: 'relative', phone: null, email: null, address: null });
    expect(r.erased_at).not.toBeNull();

    // The case, the link and the statistics stay.
    expect((await officer.get(`/api/v1/cases/${caseId}`)).status).toBe(200);
    const list = await officer.get(`/api/v1/cases/${caseId}/relatives`);
    expect(list.body.find((x: { id: string }) => x.id === relativeId)).toMatchObject({
      firstName: 'Erased',
      erased: true,
    });
    expect(
      (
        await t.pool.query(
          `SELECT channel::text, count(*)::int AS n FROM contact WHERE case_id = $1 GROUP BY 1 ORDER BY 1`,
          [caseId],
        )
      ).rows,
    ).toEqual(countsBefore);
    expect(
      (await t.pool.query('SELECT count(*)::int AS n FROM family_message WHERE case_id = $1', [caseId])).rows[0].n,
    ).toBe(messagesBefore);

    // The family session is over.
    expect((await family.get('/api/v1/family/me')).status).toBe(401);

    // Other relatives untouched.
    const other = (await t.pool.query('SELECT first_name, phone, erased_at FROM relative WHERE id = $1', [otherId]))
      .rows[0];
    expect(other).toEqual({ first_name: 'Besa', phone: '+383 49 111 222', erased_at: null });
    expect((await t.pool.query('SELECT summary FROM contact WHERE relative_id = $1', [otherId])).rows).toEqual([
      { summary: 'About Besa' },
    ]);

    // Audited without the values.
    const [entry] = await auditOf(t, caseId, 'relative.erase');
    expect(entry.details).toEqual({
      subject: 'Relative',
      subjectId: relativeId,
      reason: 'Request 12/2026',
      contacts: 2,
      messages: 2,
      sessions: 1,
    });
    expect(NEEDLES.some((n) => JSON.stringify(entry).includes(n))).toBe(false);
  });

  it('answers 409 a second time', async () => {
    const res = await manager.post(url(), { reason: 'again' });
    expect(res.status).toBe(409);
    expect(await auditOf(t, caseId, 'relative.erase')).toHaveLength(1);
  });

  it('allows a relative who never gave consent', async () => {
    const res = await manager.post(`/api/v1/cases/${caseId}/relatives/${otherId}/erase`, { reason: 'Request 13/2026' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ contacts: 1, messages: 0 });
  });
});
