import { ACCESS_CODE_ALPHABET, ACCESS_CODE_PATTERN } from '@mprc/contracts';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { addRelative, createCase, familyLogin, issueAccess, type CaseRow } from './family-fixtures.js';

async function pdfText(buffer: Buffer): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text, pages: totalPages };
}

describe('portal access (staff)', () => {
  // Binary responses: straight through Fastify's inject, which keeps the raw bytes.
  const postPdf = (c: ApiClient, url: string, body: unknown, query: Record<string, string> = {}) =>
    t.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url,
        query,
        headers: { cookie: c.cookie!, 'x-csrf-token': c.csrfToken!, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });

  let t: TestApp;
  let officer: ApiClient;
  let mitrovicaOfficer: ApiClient;
  let manager: ApiClient;
  let kase: CaseRow;
  let relativeId: string;
  const base = () => `/api/v1/cases/${kase.id}/relatives/${relativeId}/portal-access`;

  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
    mitrovicaOfficer = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
    manager = await t.signedIn('MANAGER');
    kase = await createCase(t.pool, 'PRISTINA');
    relativeId = await addRelative(t.pool, kase.id, {
      firstName: 'Vesna',
      lastName: 'Petrović',
      preferredLanguage: 'sr',
      email: 'vesna@example.test',
    });
    await t.pool.query(
      `UPDATE office SET phone = '+383 38 555 010', hours_sr = 'pon–pet 08:00–16:00' WHERE code = 'PRISTINA'`,
    );
  });
  afterAll(() => t?.close());

  it('issues a code shown once: 12 symbols in groups of four from a 30-symbol alphabet, stored only as an argon2id hash', async () => {
    const res = await officer.post(base());
    expect(res.status).toBe(201);
    expect(res.body.accessCode).toMatch(ACCESS_CODE_PATTERN);
    expect(res.body.accessCode).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(res.body.accessCode).not.toMatch(/[01OILU]/);
    for (const ch of res.body.accessCode.replaceAll('-', '')) expect(ACCESS_CODE_ALPHABET).toContain(ch);
    expect(12 * Math.log2(ACCESS_CODE_ALPHABET.length)).toBeGreaterThan(50);
    expect(res.body.letterUrl).toBe(`${base()}/letter`);
    expect(Date.parse(res.body.issuedAt)).toBeGreaterThan(Date.now() - 60_000);
    const { rows } = await t.pool.query(`SELECT code_hash FROM portal_access WHERE relative_id = $1`, [relativeId]);
    expect(rows[0].code_hash).toMatch(/^\$argon2id\$/);
    expect(rows[0].code_hash).not.toContain(res.body.accessCode.replaceAll('-', ''));
    // The plain code appears nowhere in the database (audit details, events included).
    const plain = res.body.accessCode.replaceAll('-', '');
    const dump = await t.pool.query(
      `SELECT (SELECT coalesce(jsonb_agg(a), '[]') FROM audit_entry a)::text || (SELECT coalesce(jsonb_agg(e), '[]') FROM case_event e)::text AS all`,
    );
    expect(dump.rows[0].all).not.toContain(plain);
    expect(dump.rows[0].all).not.toContain(res.body.accessCode);
  });

  it('replaces the old code on reissue and ends the sessions opened with it', async () => {
    const first = await issueAccess(officer, kase.id, relativeId);
    const family = await familyLogin(t.client(), kase.caseNumber, first);
    expect((await family.get('/api/v1/family/me')).status).toBe(200);
    const second = await issueAccess(officer, kase.id, relativeId);
    expect(second).not.toBe(first);
    expect((await family.get('/api/v1/family/me')).status).toBe(401);
    expect(
      (await t.client().post('/api/v1/family/login', { caseNumber: kase.caseNumber, accessCode: first })).status,
    ).toBe(401);
    await familyLogin(t.client(), kase.caseNumber, second);
    const { rows } = await t.pool.query(
      `SELECT action FROM audit_entry WHERE entity_type = 'Relative' AND entity_id = $1 AND action LIKE 'portal.%' ORDER BY seq`,
      [relativeId],
    );
    expect(rows.map((r) => r.action)).toEqual(['portal.issue', 'portal.reissue', 'portal.reissue']);
    const events = await t.pool.query(
      `SELECT data FROM case_event WHERE case_id = $1 AND type = 'PORTAL_ACCESS' ORDER BY at`,
      [kase.id],
    );
    expect(events.rows.map((r) => r.data.action)).toEqual(['issued', 'reissued', 'reissued']);
  });

  it('revokes access: the family is signed out at once and the code stops working', async () => {
    const code = await issueAccess(officer, kase.id, relativeId);
    const family = await familyLogin(t.client(), kase.caseNumber, code);
    const res = await officer.delete(base());
    expect(res.status).toBe(204);
    expect((await family.get('/api/v1/family/cases')).status).toBe(401);
    expect(
      (await t.client().post('/api/v1/family/login', { caseNumber: kase.caseNumber, accessCode: code })).status,
    ).toBe(401);
    const status = await officer.get(base());
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      status: 'REVOKED',
      activeSessions: 0,
      caseNumber: kase.caseNumber,
      hasEmail: true,
    });
    expect(status.body.revokedAt).not.toBeNull();
    expect((await officer.delete(base())).status).toBe(204); // already revoked: nothing to do
    const { rows } = await t.pool.query(
      `SELECT count(*)::int AS n FROM session WHERE relative_id = $1 AND revoked_at IS NULL`,
      [relativeId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('shows the status: issued by whom, last sign-in, active sessions', async () => {
    const code = await issueAccess(officer, kase.id, relativeId);
    await familyLogin(t.client(), kase.caseNumber, code);
    const res = await manager.get(base());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      relativeId,
      status: 'ACTIVE',
      revokedAt: null,
      activeSessions: 1,
      familyLoginLockedUntil: null,
    });
    expect(res.body.issuedBy).toEqual({ id: officer.user!.id, name: 'Test LIAISON_OFFICER' });
    expect(Date.parse(res.body.lastSignInAt)).toBeGreaterThan(Date.now() - 60_000);
    const summary = await officer.get(`/api/v1/cases/${kase.id}/portal-access`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ caseNumber: kase.caseNumber, familyLoginLockedUntil: null });
    expect(summary.body.relatives).toEqual([
      expect.objectContaining({
        relativeId,
        firstName: 'Vesna',
        lastName: 'Petrović',
        status: 'ACTIVE',
        hasEmail: true,
      }),
    ]);
  });

  it("answers 404 for another office's case, a relative of another case, and ids that do not exist", async () => {
    const other = await createCase(t.pool, 'MITROVICA');
    const otherRelative = await addRelative(t.pool, other.id);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const [client, url] of [
      [mitrovicaOfficer, base()],
      [officer, `/api/v1/cases/${other.id}/relatives/${otherRelative}/portal-access`],
      [officer, `/api/v1/cases/${kase.id}/relatives/${otherRelative}/portal-access`],
      [officer, `/api/v1/cases/${missing}/relatives/${relativeId}/portal-access`],
    ] as const) {
      for (const method of ['POST', 'GET', 'DELETE']) {
        const res = await client.request(method, url);
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
    }
    expect((await mitrovicaOfficer.get(`/api/v1/cases/${kase.id}/portal-access`)).status).toBe(404);
    // A manager reaches every office.
    expect((await manager.post(`/api/v1/cases/${other.id}/relatives/${otherRelative}/portal-access`)).status).toBe(201);
    // Families and administrators cannot issue access at all.
    expect((await (await t.signedIn('ADMIN')).post(base())).status).toBe(403);
  });

  it('prints the letter in Serbian Cyrillic with the case number, the code, the portal address and the office phone', async () => {
    const code = await issueAccess(officer, kase.id, relativeId);
    const res = await postPdf(officer, `${base()}/letter`, { accessCode: code }, { script: 'cyrl' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const raw = res.rawPayload;
    expect(raw.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfText(raw);
    expect(pages).toBe(1);
    expect(text).toContain('Ваш приступ порталу за породице');
    expect(text).toContain('Број предмета');
    expect(text).toContain('Ваш приступни код');
    expect(text).toContain(kase.caseNumber);
    expect(text).toContain(code);
    expect(text).toContain(`${t.config.publicUrl}/family`);
    expect(text).toContain('+383 38 555 010');
    expect(text).toContain('Центар за ресурсе о несталим лицима');
    // The code is not stored with the letter either.
    const audit = await t.pool.query(
      `SELECT details FROM audit_entry WHERE action = 'portal.letter' AND entity_id = $1`,
      [relativeId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(JSON.stringify(audit.rows[0].details)).not.toContain(code);
  });

  it('prints Serbian in Latin script by default, Albanian and English on request, and both Albanian and English for Turkish', async () => {
    const code = await issueAccess(officer, kase.id, relativeId);
    const letter = async (query: Record<string, string>) => {
      // Typed as a family might read it out: lower case, spaces for dashes.
      const res = await postPdf(
        officer,
        `${base()}/letter`,
        { accessCode: code.toLowerCase().replaceAll('-', ' ') },
        query,
      );
      expect(res.statusCode).toBe(200);
      return pdfText(res.rawPayload);
    };
    expect((await letter({})).text).toContain('Vaš pristup portalu za porodice');
    expect((await letter({ language: 'sq' })).text).toContain('Qasja juaj në portalin për familjet');
    expect((await letter({ language: 'en' })).text).toContain('Your access to the family portal');
    const tr = await letter({ language: 'tr' });
    expect(tr.pages).toBe(1);
    expect(tr.text).toContain('Numri i rastit / Case number');
  });

  it('refuses to print a letter for a code that is not the current one', async () => {
    const old = await issueAccess(officer, kase.id, relativeId);
    await issueAccess(officer, kase.id, relativeId);
    const res = await officer.post(`${base()}/letter`, { accessCode: old });
    expect(res.status).toBe(409);
    expect(res.body.errors[0].field).toBe('accessCode');
  });
});
