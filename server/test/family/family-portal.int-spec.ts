// What a family sees, and what it never sees, proved against the raw JSON the API returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../src/common/http/route-inventory.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { addEvent, addRelative, createCase, familyLogin, issueAccess, type CaseRow } from './family-fixtures.js';

const SECRETS = {
  circumstances: 'CIRCUMSTANCES-SECRET taken from the house at night',
  internalNote: 'INTERNAL-NOTE-SECRET about the investigation',
  informant: 'INFORMANT-SECRET the neighbour Hasan saw the truck',
  internalSummary: 'INTERNAL-SUMMARY-SECRET mother was very upset',
  secondInternalSummary: 'INTERNAL-SUMMARY-TWO possible grave site near the river',
  otherPhone: '+383 49 777 888',
  otherEmail: 'other.relative@example.test',
  otherAddress: 'OTHER-ADDRESS Rruga e Fshehtë 9',
  otherMessage: 'OTHER-RELATIVE-MESSAGE please do not tell my sister',
  internalFile: 'grave-site-lead-SECRET.pdf',
  externalReference: 'ICMP-REF-SECRET-77',
  fatherName: 'FATHERNAME-SECRET',
  officerEmail: 'drita.officer@example.test',
  workflowNote: 'WORKFLOW-NOTE-SECRET checked against the ICRC list',
};

async function insertAttachment(
  t: TestApp,
  caseId: string,
  fileName: string,
  visibility: 'INTERNAL' | 'FAMILY',
  data = Buffer.from('%PDF-1.4 fictional'),
): Promise<string> {
  const { rows } = await t.pool.query<{ id: string }>(
    `INSERT INTO attachment (id, case_id, file_name, content_type, size, sha256, visibility, data)
     VALUES (gen_random_uuid(), $1, $2, 'application/pdf', $3, encode(sha256($4), 'hex'), $5::"Visibility", $4) RETURNING id`,
    [caseId, fileName, data.length, data, visibility],
  );
  return rows[0].id;
}

describe('what a family sees, and never sees', () => {
  let t: TestApp;
  let officer: ApiClient;
  let officerId: string;
  let kase: CaseRow;
  let relativeId: string;
  let otherRelativeId: string;
  let family: ApiClient;
  let familyFile: string;
  let internalFile: string;

  beforeAll(async () => {
    t = await createTestApp({ NOTIFY_INTERVAL_SECONDS: '0' });
    const u = await t.createUser('LIAISON_OFFICER', 'PRISTINA', { email: SECRETS.officerEmail, name: 'Drita Officer' });
    officerId = u.id;
    officer = await t.client().login(u.email);
    await t.pool.query(
      `UPDATE office SET phone = '+383 38 555 010', hours_en = 'Mon–Fri 08:00–16:00' WHERE code = 'PRISTINA'`,
    );
    kase = await createCase(t.pool, 'PRISTINA', {
      firstName: 'Agim',
      lastName: 'Fiktivi',
      circumstances: SECRETS.circumstances,
      officerId,
      createdAt: new Date(Date.now() - 30 * 86_400_000),
      workflow: 'ACTIVE',
    });
    await t.pool.query(`UPDATE "case" SET father_name = $2, other_names = ARRAY['Агим'] WHERE id = $1`, [
      kase.id,
      SECRETS.fatherName,
    ]);
    await t.pool.query(
      `INSERT INTO external_reference (id, case_id, system, reference) VALUES (gen_random_uuid(), $1, 'ICMP', $2)`,
      [kase.id, SECRETS.externalReference],
    );
    relativeId = await addRelative(t.pool, kase.id, {
      firstName: 'Shpresa',
      phone: '+383 44 123 456',
      email: 'shpresa@example.test',
      address: 'Rr. Fiktive 1',
      preferredLanguage: 'sq',
      dna: 'YES',
    });
    otherRelativeId = await addRelative(t.pool, kase.id, {
      firstName: 'Other',
      phone: SECRETS.otherPhone,
      email: SECRETS.otherEmail,
      address: SECRETS.otherAddress,
      dna: 'YES',
    });
    await t.pool.query(
      `INSERT INTO consent (id, relative_id, organisation, given_on) VALUES (gen_random_uuid(), $1, 'ICMP', current_date)`,
      [otherRelativeId],
    );

    const day = (n: number) => new Date(Date.now() - n * 86_400_000);
    await addEvent(t.pool, kase.id, { type: 'CREATED', at: day(30), note: SECRETS.internalNote });
    await addEvent(t.pool, kase.id, {
      type: 'WORKFLOW_CHANGED',
      at: day(29),
      from: 'NEW',
      to: 'VERIFIED',
      note: SECRETS.workflowNote,
    });
    await addEvent(t.pool, kase.id, {
      type: 'WORKFLOW_CHANGED',
      at: day(28),
      from: 'VERIFIED',
      to: 'ACTIVE',
      note: SECRETS.workflowNote,
      familyMessage: 'We have started the search for Agim.',
    });
    await addEvent(t.pool, kase.id, { type: 'NOTE', at: day(20), note: SECRETS.informant });
    await addEvent(t.pool, kase.id, {
      type: 'NOTE',
      at: day(10),
      note: SECRETS.internalNote,
      familyMessage: 'We met the ICRC about your case.',
    });
    await t.pool.query(
      `INSERT INTO contact (id, case_id, occurred_at, channel, relative_id, officer_id, summary) VALUES (gen_random_uuid(), $1, now() - interval '15 days', 'VISIT', $2, $3, $4)`,
      [kase.id, relativeId, officerId, SECRETS.internalSummary],
    );
    await t.pool.query(
      `INSERT INTO contact (id, case_id, occurred_at, channel, relative_id, officer_id, summary, family_visible_summary, follow_up_on)
       VALUES (gen_random_uuid(), $1, now() - interval '5 days', 'PHONE', $2, $3, $4, 'We talked about the next steps of the search.', current_date + 12)`,
      [kase.id, otherRelativeId, officerId, SECRETS.secondInternalSummary],
    );
    await t.pool.query(
      `INSERT INTO contact (id, case_id, occurred_at, channel, summary, follow_up_on, follow_up_done_at) VALUES (gen_random_uuid(), $1, now(), 'PHONE', 'x', current_date + 3, now())`,
      [kase.id],
    );
    internalFile = await insertAttachment(t, kase.id, SECRETS.internalFile, 'INTERNAL');
    familyFile = await insertAttachment(
      t,
      kase.id,
      'letter-for-family.pdf',
      'FAMILY',
      Buffer.from('%PDF-1.4 for the family'),
    );
    await t.pool.query(
      `INSERT INTO family_message (id, case_id, relative_id, from_family, body) VALUES (gen_random_uuid(), $1, $2, true, $3)`,
      [kase.id, otherRelativeId, SECRETS.otherMessage],
    );
    // A staff read of the case leaves audit entries that must never reach the family either.
    await t.pool.query(
      `INSERT INTO audit_entry (id, action, entity_type, entity_id, actor_id, actor_role) VALUES (gen_random_uuid(), 'case.read', 'Case', $1, $2, 'LIAISON_OFFICER')`,
      [kase.id, officerId],
    );

    family = await familyLogin(t.client(), kase.caseNumber, await issueAccess(officer, kase.id, relativeId));
  });
  afterAll(() => t?.close());

  const leaks = (json: string) => {
    const found: string[] = [];
    for (const [name, secret] of Object.entries(SECRETS)) if (json.includes(secret)) found.push(name);
    for (const word of [
      'dnaSample',
      'dna_sample',
      '"dna',
      'circumstances',
      'consent',
      'ICMP',
      'informant',
      'prevHash',
      'actorId',
      'actorRole',
      '"hash"',
      '"seq"',
      'requestId',
      '"note"',
      'internal',
      'INTERNAL',
      'fateStatus',
      'workflowStatus',
      'FATE_CHANGED',
      'WORKFLOW_CHANGED',
      '"VERIFIED"',
      '"ACTIVE"',
      'familyVisible',
      'sha256',
      'codeHash',
      'email":"drita',
      otherRelativeId,
      internalFile,
      'Other',
    ])
      if (json.includes(word)) found.push(word);
    return found;
  };

  it('shows the case list: number, missing person, stage key, last update; nothing else', async () => {
    const res = await family.get('/api/v1/family/cases');
    expect(res.status).toBe(200);
    expect(leaks(res.text)).toEqual([]);
    expect(res.body.items).toHaveLength(1);
    expect(Object.keys(res.body.items[0]).sort()).toEqual([
      'caseNumber',
      'id',
      'lastUpdateAt',
      'missingPerson',
      'stage',
      'unreadMessages',
    ]);
    expect(res.body.items[0]).toMatchObject({
      id: kase.id,
      caseNumber: kase.caseNumber,
      missingPerson: { firstName: 'Agim', lastName: 'Fiktivi' },
      stage: 'SEARCHING',
      unreadMessages: 0,
    });
  });

  it('shows the case: timeline for the family, shared documents, office, liaison officer (name only), next appointment', async () => {
    const res = await family.get(`/api/v1/family/cases/${kase.id}`);
    expect(res.status).toBe(200);
    expect(leaks(res.text)).toEqual([]);
    const c = res.body;
    expect(Object.keys(c).sort()).toEqual(
      [
        'attachments',
        'caseNumber',
        'id',
        'lastUpdateAt',
        'liaisonOfficer',
        'messages',
        'missingPerson',
        'nextAppointment',
        'office',
        'stage',
        'timeline',
        'unreadMessages',
      ].sort(),
    );
    expect(c.stage).toBe('SEARCHING');
    expect(c.liaisonOfficer).toEqual({ name: 'Drita Officer' });
    expect(c.office).toMatchObject({
      code: 'PRISTINA',
      phone: '+383 38 555 010',
      hours: { sq: null, sr: null, en: 'Mon–Fri 08:00–16:00' },
    });
    expect(c.office.name.sq).toContain('Qendra');
    const inTwelveDays = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
    expect(c.nextAppointment).toBe(inTwelveDays);
    expect(c.timeline.map((x: { kind: string }) => x.kind)).toEqual([
      'DOCUMENT',
      'CONTACT',
      'UPDATE',
      'UPDATE',
      'CASE_OPENED',
    ]);
    expect(c.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'CONTACT',
        channel: 'PHONE',
        summary: 'We talked about the next steps of the search.',
      }),
    );
    expect(c.timeline).toContainEqual(
      expect.objectContaining({ kind: 'UPDATE', message: 'We have started the search for Agim.' }),
    );
    expect(c.timeline).toContainEqual(
      expect.objectContaining({ kind: 'UPDATE', message: 'We met the ICRC about your case.' }),
    );
    expect(c.attachments).toEqual([
      {
        id: familyFile,
        fileName: 'letter-for-family.pdf',
        contentType: 'application/pdf',
        size: 23,
        createdAt: expect.any(String),
      },
    ]);
    expect(c.messages).toEqual([]);
  });

  it('shows the family their own contact details only', async () => {
    const res = await family.get('/api/v1/family/me');
    expect(res.status).toBe(200);
    expect(leaks(res.text)).toEqual([]);
    expect(res.body.relative).toEqual({
      id: relativeId,
      firstName: 'Shpresa',
      lastName: 'Fiktivi',
      phone: '+383 44 123 456',
      email: 'shpresa@example.test',
      address: 'Rr. Fiktive 1',
      preferredLanguage: 'sq',
    });
  });

  it('downloads shared documents, never internal ones', async () => {
    const ok = await family.get(`/api/v1/family/cases/${kase.id}/attachments/${familyFile}/content`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toBe('application/pdf');
    expect(ok.headers['content-disposition']).toContain('attachment; filename="letter-for-family.pdf"');
    expect(ok.text).toBe('%PDF-1.4 for the family');
    const internal = await family.get(`/api/v1/family/cases/${kase.id}/attachments/${internalFile}/content`);
    expect(internal.status).toBe(404);
    expect(internal.text).not.toContain(SECRETS.internalFile);
  });

  it('lets the family update their contact details: audited with masked values, and the officer sees it on the timeline', async () => {
    const res = await family.patch('/api/v1/family/me', {
      phone: '+383 44 999 000',
      address: '',
      preferredLanguage: 'en',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      phone: '+383 44 999 000',
      address: null,
      email: 'shpresa@example.test',
      preferredLanguage: 'en',
    });
    const { rows } = await t.pool.query(`SELECT phone, address, preferred_language FROM relative WHERE id = $1`, [
      relativeId,
    ]);
    expect(rows[0]).toEqual({ phone: '+383 44 999 000', address: null, preferred_language: 'en' });
    const audit = await t.pool.query(
      `SELECT actor_role, changes, details FROM audit_entry WHERE action = 'family.profile.update' AND entity_id = $1`,
      [relativeId],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].actor_role).toBe('FAMILY');
    expect(audit.rows[0].details).toEqual({ relativeId });
    expect(audit.rows[0].changes).toEqual({
      phone: { from: '[masked]', to: '[masked]' },
      address: { from: '[masked]', to: null },
      preferredLanguage: { from: 'sq', to: 'en' },
    });
    expect(JSON.stringify(audit.rows[0])).not.toContain('999 000');
    const events = await t.pool.query(
      `SELECT note, data, family_visible FROM case_event WHERE case_id = $1 AND data->>'kind' = 'FAMILY_CONTACT_UPDATED'`,
      [kase.id],
    );
    expect(events.rows).toHaveLength(1);
    expect(events.rows[0].family_visible).toBe(false);
    expect(events.rows[0].data).toEqual({
      kind: 'FAMILY_CONTACT_UPDATED',
      relativeId,
      fields: ['phone', 'address', 'preferredLanguage'],
    });
    // Nothing changed: nothing recorded.
    expect((await family.patch('/api/v1/family/me', { phone: '+383 44 999 000' })).status).toBe(200);
    expect(
      (await t.pool.query(`SELECT count(*)::int AS n FROM audit_entry WHERE action = 'family.profile.update'`)).rows[0]
        .n,
    ).toBe(1);
    const bad = await family.patch('/api/v1/family/me', { email: 'not-an-email', phone: 'call me maybe' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'phone']);
    // The family's timeline does not show internal notes about it.
    const view = await family.get(`/api/v1/family/cases/${kase.id}`);
    expect(view.text).not.toContain('FAMILY_CONTACT_UPDATED');
    await family.patch('/api/v1/family/me', { preferredLanguage: 'sq' });
  });

  it("answers 404 on every family route for another family's case, exactly like an id that does not exist", async () => {
    const other = await createCase(t.pool, 'PRISTINA', { firstName: 'Secret', circumstances: 'OTHER-CASE-SECRET' });
    const otherRel = await addRelative(t.pool, other.id);
    await issueAccess(officer, other.id, otherRel);
    const otherFile = await insertAttachment(t, other.id, 'other-family.pdf', 'FAMILY');
    const missing = '00000000-0000-4000-8000-000000000000';
    const routes = listRoutes(t.app).filter((r) => r.path.startsWith('/api/v1/family/cases/:id'));
    expect(routes.length).toBeGreaterThanOrEqual(4);
    const bodyFor = (path: string) => (path.endsWith('/messages') ? { body: 'Hello' } : {});
    for (const r of routes) {
      const answers = [];
      for (const id of [other.id, missing]) {
        const url = r.path.replace(':id', id).replace(':attachmentId', id === other.id ? otherFile : missing);
        const res = await family.request(r.method, url, r.method === 'GET' ? undefined : bodyFor(r.path));
        expect(res.status, `${r.method} ${url}`).toBe(404);
        expect(res.text).not.toContain('OTHER-CASE-SECRET');
        answers.push({ ...res.body, requestId: undefined });
      }
      expect(answers[0], r.path).toEqual(answers[1]);
    }
    // Their own case's route with the other family's document: 404 as well.
    expect((await family.get(`/api/v1/family/cases/${kase.id}/attachments/${otherFile}/content`)).status).toBe(404);
    const { rows } = await t.pool.query(`SELECT count(*)::int AS n FROM family_message WHERE case_id = $1`, [other.id]);
    expect(rows[0].n).toBe(0);
  });
});

describe('news of remains reaches the family in person first', () => {
  let t: TestApp;
  let officer: ApiClient;
  let kase: CaseRow;
  let family: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ NOTIFY_INTERVAL_SECONDS: '0' });
    officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
    kase = await createCase(t.pool, 'PRISTINA', { createdAt: new Date(Date.now() - 10 * 86_400_000) });
    const rel = await addRelative(t.pool, kase.id, { preferredLanguage: 'sr' });
    family = await familyLogin(t.client(), kase.caseNumber, await issueAccess(officer, kase.id, rel));
  });
  afterAll(() => t?.close());

  it('shows the previous stage, and nothing written since, until the officer records the visit', async () => {
    const before = await family.get(`/api/v1/family/cases/${kase.id}`);
    const lastUpdateBefore = before.body.lastUpdateAt;
    await t.pool.query(`UPDATE "case" SET fate_status = 'REMAINS_RECOVERED' WHERE id = $1`, [kase.id]);
    await addEvent(t.pool, kase.id, {
      type: 'FATE_CHANGED',
      from: 'MISSING',
      to: 'REMAINS_RECOVERED',
      note: 'ICMP site 12',
      familyMessage: 'REMAINS-MESSAGE We are so sorry.',
    });
    await addEvent(t.pool, kase.id, { type: 'NOTE', familyMessage: 'HIDDEN-FOLLOW-UP about the handover' });
    const report = await insertAttachment(t, kase.id, 'identification-report.pdf', 'FAMILY');

    for (const url of [`/api/v1/family/cases/${kase.id}`, '/api/v1/family/cases']) {
      const res = await family.get(url);
      expect(res.status).toBe(200);
      expect(res.text).not.toMatch(/REMAINS|IDENTIFIED|HANDED_OVER|HIDDEN-FOLLOW-UP|identification-report/);
      expect(res.text).toContain('"stage":"SEARCHING"');
      expect(res.text).toContain(`"lastUpdateAt":"${lastUpdateBefore}"`);
    }
    expect((await family.get(`/api/v1/family/cases/${kase.id}/attachments/${report}/content`)).status).toBe(404);

    // The officer visited the family and records it (what POST /cases/:id/family-informed does).
    await t.pool.query(`UPDATE "case" SET family_informed_at = now() WHERE id = $1`, [kase.id]);
    await addEvent(t.pool, kase.id, { type: 'FAMILY_INFORMED', note: 'Visited at home' });
    const after = await family.get(`/api/v1/family/cases/${kase.id}`);
    expect(after.body.stage).toBe('REMAINS_RECOVERED');
    expect(after.body.timeline).toContainEqual(
      expect.objectContaining({
        kind: 'STAGE_CHANGED',
        stage: 'REMAINS_RECOVERED',
        message: 'REMAINS-MESSAGE We are so sorry.',
      }),
    );
    expect(after.text).toContain('HIDDEN-FOLLOW-UP');
    expect(after.text).not.toMatch(/ICMP site|Visited at home/);
    expect(after.body.attachments.map((a: { fileName: string }) => a.fileName)).toEqual(['identification-report.pdf']);
    expect((await family.get(`/api/v1/family/cases/${kase.id}/attachments/${report}/content`)).status).toBe(200);

    // A later identification waits for the next visit.
    await t.pool.query(`UPDATE "case" SET fate_status = 'IDENTIFIED' WHERE id = $1`, [kase.id]);
    await addEvent(t.pool, kase.id, {
      type: 'FATE_CHANGED',
      from: 'REMAINS_RECOVERED',
      to: 'IDENTIFIED',
      at: new Date(Date.now() + 1000),
    });
    const later = await family.get(`/api/v1/family/cases/${kase.id}`);
    expect(later.body.stage).toBe('REMAINS_RECOVERED');
    expect(later.text).not.toContain('IDENTIFIED');
  });
});
