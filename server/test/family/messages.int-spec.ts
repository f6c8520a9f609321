import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { addRelative, createCase, familyLogin, issueAccess, type CaseRow } from './family-fixtures.js';

describe('messages between families and officers', () => {
  let t: TestApp;
  let officer: ApiClient;
  let mitrovicaOfficer: ApiClient;
  let manager: ApiClient;
  let kase: CaseRow;
  let mitrovicaCase: CaseRow;
  let shpresa: { id: string; client: ApiClient };
  let besim: { id: string; client: ApiClient };
  let mitrovicaFamily: ApiClient;

  beforeAll(async () => {
    t = await createTestApp({ NOTIFY_INTERVAL_SECONDS: '0' });
    officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
    mitrovicaOfficer = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
    manager = await t.signedIn('MANAGER');
    kase = await createCase(t.pool, 'PRISTINA', { firstName: 'Agim' });
    const a = await addRelative(t.pool, kase.id, { firstName: 'Shpresa' });
    const b = await addRelative(t.pool, kase.id, { firstName: 'Besim' });
    shpresa = { id: a, client: await familyLogin(t.client(), kase.caseNumber, await issueAccess(officer, kase.id, a)) };
    besim = { id: b, client: await familyLogin(t.client(), kase.caseNumber, await issueAccess(officer, kase.id, b)) };
    mitrovicaCase = await createCase(t.pool, 'MITROVICA', { firstName: 'Milan' });
    const m = await addRelative(t.pool, mitrovicaCase.id, { preferredLanguage: 'sr' });
    mitrovicaFamily = await familyLogin(
      t.client(),
      mitrovicaCase.caseNumber,
      await issueAccess(mitrovicaOfficer, mitrovicaCase.id, m),
    );
  });
  afterAll(() => t?.close());

  it('lands a family message in the officer inbox with an unread count; the reply shows in the portal', async () => {
    const sent = await shpresa.client.post(`/api/v1/family/cases/${kase.id}/messages`, {
      body: 'Can we meet next week?',
      meetingRequested: true,
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      from: 'FAMILY',
      body: 'Can we meet next week?',
      meetingRequested: true,
      authorName: null,
      readAt: null,
    });
    await mitrovicaFamily.post(`/api/v1/family/cases/${mitrovicaCase.id}/messages`, { body: 'Има ли нових вести?' });

    // The officer of the case's office sees it, the other office does not; a manager sees both.
    expect((await officer.get('/api/v1/messages/unread-count')).body).toEqual({ unreadCount: 1 });
    expect((await mitrovicaOfficer.get('/api/v1/messages/unread-count')).body).toEqual({ unreadCount: 1 });
    expect((await manager.get('/api/v1/messages/unread-count')).body).toEqual({ unreadCount: 2 });
    const inbox = await officer.get('/api/v1/messages/inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body).toMatchObject({ total: 1, unreadCount: 1, page: 1 });
    expect(inbox.body.items[0]).toMatchObject({
      caseId: kase.id,
      caseNumber: kase.caseNumber,
      missingPerson: { firstName: 'Agim', lastName: 'Fiktivi' },
      fromFamily: true,
      relative: { id: shpresa.id, firstName: 'Shpresa', lastName: 'Fiktivi' },
      body: 'Can we meet next week?',
      meetingRequested: true,
      readAt: null,
    });
    expect(inbox.text).not.toContain('Има ли');
    // The family message is on the officer's timeline as an internal event, and audited.
    const ev = await t.pool.query(
      `SELECT family_visible, data FROM case_event WHERE case_id = $1 AND type = 'FAMILY_MESSAGE'`,
      [kase.id],
    );
    expect(ev.rows).toEqual([
      {
        family_visible: false,
        data: expect.objectContaining({ messageId: sent.body.id, direction: 'FROM_FAMILY', relativeId: shpresa.id }),
      },
    ]);
    expect(
      (
        await t.pool.query(
          `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'family.message.create' AND entity_id = $1`,
          [sent.body.id],
        )
      ).rows[0].n,
    ).toBe(1);

    // Reading the thread, then marking it read.
    const thread = await officer.get(`/api/v1/cases/${kase.id}/messages`);
    expect(thread.body.unreadCount).toBe(1);
    expect(thread.body.items).toHaveLength(1);
    const read = await officer.post(`/api/v1/cases/${kase.id}/messages/read`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ updated: 1 });
    expect((await officer.get('/api/v1/messages/unread-count')).body).toEqual({ unreadCount: 0 });
    const after = await officer.get('/api/v1/messages/inbox', { query: { unread: 'false' } });
    expect(after.body.items[0].readAt).not.toBeNull();

    // The reply to Shpresa: she sees it (unread), Besim does not.
    const reply = await officer.post(`/api/v1/cases/${kase.id}/messages`, {
      body: 'Yes, Tuesday at 10 at the office.',
      relativeId: shpresa.id,
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      fromFamily: false,
      author: { id: officer.user!.id, name: 'Test LIAISON_OFFICER' },
      relative: { id: shpresa.id },
    });
    const mine = await shpresa.client.get(`/api/v1/family/cases/${kase.id}`);
    expect(mine.body.unreadMessages).toBe(1);
    expect(mine.body.messages.map((m: { from: string; body: string }) => [m.from, m.body])).toEqual([
      ['FAMILY', 'Can we meet next week?'],
      ['OFFICE', 'Yes, Tuesday at 10 at the office.'],
    ]);
    expect(mine.body.messages[1].authorName).toBe('Test LIAISON_OFFICER');
    expect(mine.text).not.toContain(officer.user!.email);
    const list = await shpresa.client.get('/api/v1/family/cases');
    expect(list.body.items[0].unreadMessages).toBe(1);
    expect(Date.parse(list.body.items[0].lastUpdateAt)).toBe(Date.parse(mine.body.messages[1].at));
    const his = await besim.client.get(`/api/v1/family/cases/${kase.id}`);
    expect(his.body.messages).toEqual([]);
    expect(his.text).not.toMatch(/Tuesday|Can we meet/);

    // A reply to the whole family reaches both.
    await officer.post(`/api/v1/cases/${kase.id}/messages`, { body: 'News for all of you soon.' });
    expect(
      (await besim.client.get(`/api/v1/family/cases/${kase.id}`)).body.messages.map((m: { body: string }) => m.body),
    ).toEqual(['News for all of you soon.']);

    // Shpresa reads her replies.
    expect((await shpresa.client.post(`/api/v1/family/cases/${kase.id}/messages/read`)).body).toEqual({ updated: 2 });
    expect((await shpresa.client.get('/api/v1/family/cases')).body.items[0].unreadMessages).toBe(0);
    const staffView = await officer.get(`/api/v1/cases/${kase.id}/messages`);
    expect(
      staffView.body.items.filter((m: { fromFamily: boolean; readAt: string | null }) => !m.fromFamily && m.readAt),
    ).toHaveLength(2);
  });

  it('keeps each office to its own cases', async () => {
    expect((await mitrovicaOfficer.get(`/api/v1/cases/${kase.id}/messages`)).status).toBe(404);
    expect((await mitrovicaOfficer.post(`/api/v1/cases/${kase.id}/messages`, { body: 'x' })).status).toBe(404);
    expect((await mitrovicaOfficer.post(`/api/v1/cases/${kase.id}/messages/read`)).status).toBe(404);
    expect((await manager.get(`/api/v1/cases/${kase.id}/messages`)).status).toBe(200);
    const inbox = await mitrovicaOfficer.get('/api/v1/messages/inbox');
    expect(inbox.body.items.every((m: { caseId: string }) => m.caseId === mitrovicaCase.id)).toBe(true);
  });

  it('refuses a reply to a relative of another case, an empty message and one that is too long', async () => {
    const strangerCase = await createCase(t.pool, 'PRISTINA');
    const stranger = await addRelative(t.pool, strangerCase.id);
    const res = await officer.post(`/api/v1/cases/${kase.id}/messages`, { body: 'Hello', relativeId: stranger });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('relativeId');
    expect((await shpresa.client.post(`/api/v1/family/cases/${kase.id}/messages`, { body: '   ' })).status).toBe(400);
    expect(
      (await shpresa.client.post(`/api/v1/family/cases/${kase.id}/messages`, { body: 'x'.repeat(4001) })).status,
    ).toBe(400);
    expect(
      (await shpresa.client.post(`/api/v1/family/cases/${kase.id}/messages`, { body: 'x'.repeat(4000) })).status,
    ).toBe(201);
  });
});
