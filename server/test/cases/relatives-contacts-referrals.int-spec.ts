import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { auditOf, createCase, fieldsOf } from './fixtures.js';

let t: TestApp;
let officer: ApiClient;
let colleague: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  colleague = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

const MASK = '[masked]';

describe('relatives', () => {
  it('adds a relative and audits it with contact details masked', async () => {
    const c = await createCase(officer);
    const res = await officer.post(`/api/v1/cases/${c.id}/relatives`, {
      firstName: 'Drita',
      lastName: 'Krasniqi',
      relationship: 'MOTHER',
      phone: '+383 44 123 456',
      email: 'Drita.K@example.org',
      address: 'Rruga e Dëshmorëve 1, Ferizaj',
      preferredLanguage: 'sq',
      isPrimaryContact: true,
      dnaSampleGiven: 'YES',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      caseId: c.id,
      relationship: 'MOTHER',
      email: 'drita.k@example.org',
      isPrimaryContact: true,
      dnaSampleGiven: 'YES',
      consents: [],
      otherCases: [],
      erased: false,
    });
    const [entry] = await auditOf(t, c.id, 'relative.create');
    expect(entry.entity_type).toBe('Case');
    expect(entry.details).toEqual({ subject: 'Relative', subjectId: res.body.id });
    expect(entry.changes).toMatchObject({
      firstName: { from: null, to: 'Drita' },
      phone: { from: null, to: MASK },
      email: { from: null, to: MASK },
      address: { from: null, to: MASK },
    });
    expect(JSON.stringify(entry)).not.toContain('123 456');

    const update = await officer.patch(`/api/v1/cases/${c.id}/relatives/${res.body.id}`, {
      phone: '+383 49 999 888',
      preferredLanguage: 'en',
    });
    expect(update.body).toMatchObject({ phone: '+383 49 999 888', preferredLanguage: 'en' });
    const [changed] = await auditOf(t, c.id, 'relative.update');
    expect(changed.changes).toEqual({ phone: { from: MASK, to: MASK }, preferredLanguage: { from: 'sq', to: 'en' } });
    expect(JSON.stringify(changed)).not.toContain('999 888');

    // Reading relatives (contact details) is audited.
    await colleague.get(`/api/v1/cases/${c.id}/relatives`);
    expect((await auditOf(t, c.id, 'relative.list')).map((e) => e.actor_id)).toEqual([colleague.user!.id]);
  });

  it('links one relative to two cases (one family, two missing sons) and keeps one primary contact per case', async () => {
    const son1 = await createCase(officer, { firstName: 'Arben' });
    const son2 = await createCase(officer, { firstName: 'Besart' });
    const mother = (
      await officer.post(`/api/v1/cases/${son1.id}/relatives`, {
        firstName: 'Hava',
        lastName: 'Berisha',
        relationship: 'MOTHER',
        isPrimaryContact: true,
      })
    ).body;
    const father = (
      await officer.post(`/api/v1/cases/${son2.id}/relatives`, {
        firstName: 'Ramiz',
        lastName: 'Berisha',
        relationship: 'FATHER',
        isPrimaryContact: true,
      })
    ).body;
    const linked = await officer.post(`/api/v1/cases/${son2.id}/relatives`, {
      relativeId: mother.id,
      relationship: 'MOTHER',
      isPrimaryContact: true,
    });
    expect(linked.status).toBe(201);
    expect(linked.body).toMatchObject({ id: mother.id, otherCases: [{ id: son1.id, caseNumber: son1.caseNumber }] });
    const onSon2 = (await officer.get(`/api/v1/cases/${son2.id}/relatives`)).body as {
      id: string;
      isPrimaryContact: boolean;
    }[];
    expect(onSon2.map((r) => [r.id, r.isPrimaryContact])).toEqual([
      [mother.id, true],
      [father.id, false],
    ]);
    // Details are the person's: changing them on one case shows on the other.
    await officer.patch(`/api/v1/cases/${son2.id}/relatives/${mother.id}`, { phone: '044 111 222' });
    expect((await officer.get(`/api/v1/cases/${son1.id}/relatives`)).body[0].phone).toBe('044 111 222');
    const twice = await officer.post(`/api/v1/cases/${son2.id}/relatives`, {
      relativeId: mother.id,
      relationship: 'MOTHER',
    });
    expect(twice.status).toBe(409);
    expect(fieldsOf(twice)).toEqual(['relativeId']);
    const mixed = await officer.post(`/api/v1/cases/${son2.id}/relatives`, {
      relativeId: father.id,
      relationship: 'FATHER',
      phone: '1234567',
    });
    expect(fieldsOf(mixed)).toEqual(['phone']);
    expect(await auditOf(t, son2.id, 'relative.link')).toHaveLength(1);
  });

  it('validates names, relationship, phone, email and language', async () => {
    const c = await createCase(officer);
    const res = await officer.post(`/api/v1/cases/${c.id}/relatives`, {
      relationship: 'FRIEND',
      phone: 'call me',
      email: 'nope',
      preferredLanguage: 'de',
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res).sort()).toEqual([
      'email',
      'firstName',
      'lastName',
      'phone',
      'preferredLanguage',
      'relationship',
    ]);
    expect((await officer.get(`/api/v1/cases/${c.id}/relatives`)).body).toEqual([]);
    const missing = await officer.patch(`/api/v1/cases/${c.id}/relatives/00000000-0000-4000-8000-000000000000`, {
      phone: '044 111 222',
    });
    expect(missing.status).toBe(404);
  });

  it('records consents and their withdrawal', async () => {
    const c = await createCase(officer);
    const rel = (
      await officer.post(`/api/v1/cases/${c.id}/relatives`, {
        firstName: 'Vesna',
        lastName: 'Jovanović',
        relationship: 'SISTER',
        preferredLanguage: 'sr',
      })
    ).body;
    const consents = `/api/v1/cases/${c.id}/relatives/${rel.id}/consents`;
    const icrc = await officer.post(consents, { organisation: 'ICRC', givenOn: '2023-03-01' });
    expect(icrc.status).toBe(201);
    await officer.post(consents, { organisation: 'Commission on Missing Persons (Belgrade)', givenOn: '2023-04-01' });
    expect(fieldsOf(await officer.post(consents, { organisation: 'ICMP', givenOn: '2999-01-01' }))).toEqual([
      'givenOn',
    ]);
    expect(fieldsOf(await officer.patch(`${consents}/${icrc.body.id}`, { withdrawnOn: '2023-02-01' }))).toEqual([
      'withdrawnOn',
    ]);
    const withdrawn = await officer.patch(`${consents}/${icrc.body.id}`, { withdrawnOn: '2024-01-15' });
    expect(withdrawn.body).toMatchObject({ organisation: 'ICRC', givenOn: '2023-03-01', withdrawnOn: '2024-01-15' });
    expect((await officer.patch(`${consents}/${icrc.body.id}`, { withdrawnOn: '2024-02-15' })).status).toBe(409);
    const list = (await officer.get(consents)).body as { organisation: string; withdrawnOn: string | null }[];
    expect(list.map((x) => [x.organisation, x.withdrawnOn])).toEqual([
      ['ICRC', '2024-01-15'],
      ['Commission on Missing Persons (Belgrade)', null],
    ]);
    expect((await auditOf(t, c.id)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['consent.create', 'consent.withdraw']),
    );
  });
});

describe('contacts and follow-ups', () => {
  it('logs a contact with an internal CONTACT_LOGGED event and audits it', async () => {
    const c = await createCase(officer);
    const rel = (
      await officer.post(`/api/v1/cases/${c.id}/relatives`, {
        firstName: 'Mira',
        lastName: 'Hoxha',
        relationship: 'SPOUSE',
      })
    ).body;
    const res = await officer.post(`/api/v1/cases/${c.id}/contacts`, {
      channel: 'VISIT',
      occurredAt: '2024-04-10T08:30:00+02:00',
      relativeId: rel.id,
      language: 'sq',
      interpreterUsed: false,
      summary: 'Internal: discussed the exhumation plans',
      familyVisibleSummary: 'We visited you and talked about next steps.',
      followUpOn: '2024-05-01',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      occurredAt: '2024-04-10T06:30:00.000Z',
      relative: { id: rel.id, name: 'Mira Hoxha' },
      officer: { id: officer.user!.id },
      followUpOn: '2024-05-01',
      followUpDoneAt: null,
    });
    const [event] = (await officer.get(`/api/v1/cases/${c.id}/timeline`)).body;
    expect(event).toMatchObject({
      type: 'CONTACT_LOGGED',
      familyVisible: false,
      data: { contactId: res.body.id, channel: 'VISIT' },
    });
    expect((await auditOf(t, c.id, 'contact.create'))[0].details).toEqual({
      subject: 'Contact',
      subjectId: res.body.id,
    });
  });

  it('refuses a relative of another case, a future time and an unknown channel', async () => {
    const c = await createCase(officer);
    const other = await createCase(officer);
    const rel = (
      await officer.post(`/api/v1/cases/${other.id}/relatives`, {
        firstName: 'X',
        lastName: 'Y',
        relationship: 'OTHER',
      })
    ).body;
    const wrong = await officer.post(`/api/v1/cases/${c.id}/contacts`, {
      channel: 'PHONE',
      occurredAt: '2024-01-01T10:00:00Z',
      relativeId: rel.id,
      summary: 's',
    });
    expect(fieldsOf(wrong)).toEqual(['relativeId']);
    const bad = await officer.post(`/api/v1/cases/${c.id}/contacts`, {
      channel: 'PIGEON',
      occurredAt: '2999-01-01T10:00:00Z',
      summary: '',
    });
    expect(fieldsOf(bad).sort()).toEqual(['channel', 'occurredAt', 'summary']);
    expect((await officer.get(`/api/v1/cases/${c.id}/contacts`)).body).toEqual([]);
  });

  it("lists due and overdue follow-ups for 'mine' and the office, and drops them once done", async () => {
    const me = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
    const deskmate = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
    const today = new Date();
    const inDays = (n: number) => new Date(today.getTime() + n * 86_400_000).toISOString().slice(0, 10);
    const mine = await createCase(me, { lastName: 'Followup' });
    const theirs = await createCase(deskmate, { lastName: 'Colleague' });
    const log = (client: ApiClient, caseId: string, followUpOn: string) =>
      client.post(`/api/v1/cases/${caseId}/contacts`, {
        channel: 'PHONE',
        occurredAt: new Date().toISOString(),
        summary: `due ${followUpOn}`,
        followUpOn,
      });
    const overdue = (await log(me, mine.id, inDays(-3))).body;
    const soon = (await log(me, mine.id, inDays(2))).body;
    await log(me, mine.id, inDays(30)); // beyond the horizon
    const other = (await log(deskmate, theirs.id, inDays(1))).body;

    const minePage = (await me.get('/api/v1/follow-ups')).body;
    expect(minePage.items.map((f: { contactId: string }) => f.contactId)).toEqual([overdue.id, soon.id]);
    expect(minePage.items[0]).toMatchObject({
      caseId: mine.id,
      caseNumber: mine.caseNumber,
      lastName: 'Followup',
      overdue: true,
      channel: 'PHONE',
      officer: { id: me.user!.id },
    });
    expect(minePage.items[1].overdue).toBe(false);
    const office = (await me.get('/api/v1/follow-ups', { query: { scope: 'office' } })).body;
    expect(office.items.map((f: { contactId: string }) => f.contactId)).toEqual([overdue.id, other.id, soon.id]);
    // Another office's follow-ups stay out of the office view.
    expect(
      (await officer.get('/api/v1/follow-ups', { query: { scope: 'office' } })).body.items.map(
        (f: { caseId: string }) => f.caseId,
      ),
    ).not.toContain(mine.id);

    const done = await me.patch(`/api/v1/cases/${mine.id}/contacts/${overdue.id}`, { followUpDone: true });
    expect(done.body.followUpDoneAt).toEqual(expect.any(String));
    expect((await me.get('/api/v1/follow-ups')).body.items.map((f: { contactId: string }) => f.contactId)).toEqual([
      soon.id,
    ]);
    expect(await auditOf(t, mine.id, 'contact.follow_up_done')).toHaveLength(1);
    const managerView = (await manager.get('/api/v1/follow-ups', { query: { scope: 'office', pageSize: 200 } })).body;
    expect(managerView.items.map((f: { contactId: string }) => f.contactId)).toEqual(
      expect.arrayContaining([soon.id, other.id]),
    );
    expect(fieldsOf(await me.get('/api/v1/follow-ups', { query: { scope: 'everyone' } }))).toEqual(['scope']);
  });
});

describe('referrals', () => {
  it('moves through its statuses, refusing illegal ones with the allowed list', async () => {
    const c = await createCase(officer);
    const res = await officer.post(`/api/v1/cases/${c.id}/referrals`, {
      service: 'PSYCHOSOCIAL',
      organisation: 'Center for trauma',
      purpose: 'Support for the mother',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'REQUESTED',
      closedOn: null,
      createdBy: { id: officer.user!.id },
      referredOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const url = `/api/v1/cases/${c.id}/referrals/${res.body.id}`;
    const illegal = await officer.patch(url, { status: 'DONE' });
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { allowed: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'] },
    });
    expect((await officer.patch(url, { status: 'ACCEPTED' })).body.status).toBe('ACCEPTED');
    const done = await officer.patch(url, { status: 'DONE' });
    expect(done.body).toMatchObject({ status: 'DONE', closedOn: expect.any(String) });
    expect((await officer.patch(url, { status: 'WITHDRAWN' })).status).toBe(409);
    const audits = await auditOf(t, c.id, 'referral.update');
    expect(audits.map((a) => a.changes.status)).toEqual([
      { from: 'REQUESTED', to: 'ACCEPTED' },
      { from: 'ACCEPTED', to: 'DONE' },
    ]);
    expect(
      fieldsOf(await officer.post(`/api/v1/cases/${c.id}/referrals`, { service: 'SPA', organisation: '' })).sort(),
    ).toEqual(['organisation', 'service']);
  });
});
