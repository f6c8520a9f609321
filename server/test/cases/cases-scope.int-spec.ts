import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type HttpResult, type TestApp } from '../setup/test-app.js';
import { createCase, multipart, PNG } from './fixtures.js';

// Records outside a caller's scope answer 404, exactly like ids that do not exist: every case
// route, for a liaison officer of the other office, by id and by case number.

let t: TestApp;
let pristina: ApiClient;
let mitrovica: ApiClient;
let manager: ApiClient;
let pCase: { id: string; caseNumber: string };
let mCase: { id: string; caseNumber: string };
let ids: { relativeId: string; consentId: string; contactId: string; referralId: string; attachmentId: string };

beforeAll(async () => {
  t = await createTestApp();
  pristina = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  mitrovica = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
  manager = await t.signedIn('MANAGER');
  pCase = await createCase(pristina, { firstName: 'Bujar', lastName: 'Gashi', fatherName: 'Ilir' });
  mCase = await createCase(mitrovica, {
    firstName: 'Dragan',
    lastName: 'Đorđević',
    fatherName: 'Milan',
    communityCode: 'SERB',
  });
  const relative = await pristina.post(`/api/v1/cases/${pCase.id}/relatives`, {
    firstName: 'Drita',
    lastName: 'Gashi',
    relationship: 'MOTHER',
    phone: '+383 44 123 456',
  });
  const consent = await pristina.post(`/api/v1/cases/${pCase.id}/relatives/${relative.body.id}/consents`, {
    organisation: 'ICRC',
    givenOn: '2024-01-10',
  });
  const contact = await pristina.post(`/api/v1/cases/${pCase.id}/contacts`, {
    channel: 'VISIT',
    occurredAt: '2024-03-01T10:00:00Z',
    relativeId: relative.body.id,
    summary: 'Visit',
    followUpOn: '2020-01-01',
  });
  const referral = await pristina.post(`/api/v1/cases/${pCase.id}/referrals`, {
    service: 'PSYCHOSOCIAL',
    organisation: 'Center',
  });
  const upload = multipart([{ name: 'file', fileName: 'p.png', contentType: 'image/png', data: PNG }]);
  const attachment = await pristina.post(`/api/v1/cases/${pCase.id}/attachments`, undefined, upload);
  for (const r of [relative, consent, contact, referral, attachment]) expect(r.status, r.text).toBe(201);
  ids = {
    relativeId: relative.body.id,
    consentId: consent.body.id,
    contactId: contact.body.id,
    referralId: referral.body.id,
    attachmentId: attachment.body.id,
  };
});
afterAll(async () => t?.close());

type Call = [string, (client: ApiClient, key: string) => Promise<HttpResult>];
const calls = (): Call[] => [
  ['GET case', (c, k) => c.get(`/api/v1/cases/${k}`)],
  ['PATCH case', (c, k) => c.patch(`/api/v1/cases/${k}`, { version: 1, lastSeenPlace: 'changed' })],
  ['POST status', (c, k) => c.post(`/api/v1/cases/${k}/status`, { workflowStatus: 'VERIFIED', note: 'checked' })],
  [
    'POST family-informed',
    (c, k) => c.post(`/api/v1/cases/${k}/family-informed`, { note: 'visit', informedOn: '2024-05-01' }),
  ],
  ['GET timeline', (c, k) => c.get(`/api/v1/cases/${k}/timeline`)],
  ['GET history', (c, k) => c.get(`/api/v1/cases/${k}/history`)],
  ['GET relatives', (c, k) => c.get(`/api/v1/cases/${k}/relatives`)],
  [
    'POST relatives',
    (c, k) => c.post(`/api/v1/cases/${k}/relatives`, { firstName: 'A', lastName: 'B', relationship: 'SISTER' }),
  ],
  ['PATCH relative', (c, k) => c.patch(`/api/v1/cases/${k}/relatives/${ids.relativeId}`, { phone: '+383 44 000 000' })],
  ['GET consents', (c, k) => c.get(`/api/v1/cases/${k}/relatives/${ids.relativeId}/consents`)],
  [
    'POST consents',
    (c, k) =>
      c.post(`/api/v1/cases/${k}/relatives/${ids.relativeId}/consents`, {
        organisation: 'ICMP',
        givenOn: '2024-01-01',
      }),
  ],
  [
    'PATCH consent',
    (c, k) =>
      c.patch(`/api/v1/cases/${k}/relatives/${ids.relativeId}/consents/${ids.consentId}`, {
        withdrawnOn: '2024-06-01',
      }),
  ],
  ['GET contacts', (c, k) => c.get(`/api/v1/cases/${k}/contacts`)],
  [
    'POST contacts',
    (c, k) =>
      c.post(`/api/v1/cases/${k}/contacts`, { channel: 'PHONE', occurredAt: '2024-03-01T10:00:00Z', summary: 'x' }),
  ],
  ['PATCH contact', (c, k) => c.patch(`/api/v1/cases/${k}/contacts/${ids.contactId}`, { followUpDone: true })],
  ['GET referrals', (c, k) => c.get(`/api/v1/cases/${k}/referrals`)],
  [
    'POST referrals',
    (c, k) => c.post(`/api/v1/cases/${k}/referrals`, { service: 'LEGAL_AID', organisation: 'Lawyers' }),
  ],
  ['PATCH referral', (c, k) => c.patch(`/api/v1/cases/${k}/referrals/${ids.referralId}`, { status: 'ACCEPTED' })],
  ['GET attachments', (c, k) => c.get(`/api/v1/cases/${k}/attachments`)],
  [
    'POST attachments',
    (c, k) =>
      c.post(`/api/v1/cases/${k}/attachments`, undefined, multipart([{ name: 'file', fileName: 'x.png', data: PNG }])),
  ],
  [
    'PATCH attachment',
    (c, k) => c.patch(`/api/v1/cases/${k}/attachments/${ids.attachmentId}`, { visibility: 'FAMILY' }),
  ],
  ['GET attachment content', (c, k) => c.get(`/api/v1/cases/${k}/attachments/${ids.attachmentId}/content`)],
];

describe('a liaison officer of another office', () => {
  it.each(calls())('gets the same 404 as for a missing case: %s', async (_, call) => {
    const missing = await call(mitrovica, randomUUID());
    expect(missing.status).toBe(404);
    for (const key of [pCase.id, pCase.caseNumber]) {
      const res = await call(mitrovica, key);
      expect(res.status, `${key}: ${res.text}`).toBe(404);
      expect({ code: res.body.code, message: res.body.message }).toEqual({
        code: missing.body.code,
        message: missing.body.message,
      });
    }
  });

  it('changed nothing while trying', async () => {
    const res = await pristina.get(`/api/v1/cases/${pCase.id}`);
    expect(res.body).toMatchObject({
      version: 1,
      workflowStatus: 'NEW',
      lastSeenPlace: 'Road to the village (test)',
      familyInformedAt: null,
    });
    const relatives = (await pristina.get(`/api/v1/cases/${pCase.id}/relatives`)).body;
    expect(relatives).toHaveLength(1);
    expect(relatives[0]).toMatchObject({ phone: '+383 44 123 456', consents: [{ withdrawnOn: null }] });
    expect((await pristina.get(`/api/v1/cases/${pCase.id}/contacts`)).body).toMatchObject([{ followUpDoneAt: null }]);
    expect((await pristina.get(`/api/v1/cases/${pCase.id}/referrals`)).body).toMatchObject([{ status: 'REQUESTED' }]);
    expect((await pristina.get(`/api/v1/cases/${pCase.id}/attachments`)).body).toMatchObject([
      { visibility: 'INTERNAL' },
    ]);
  });

  it('does not see the case in lists, search, duplicates or follow-ups', async () => {
    const list = await mitrovica.get('/api/v1/cases');
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([mCase.id]);
    expect(list.body.total).toBe(1);
    expect((await mitrovica.get('/api/v1/cases', { query: { q: 'Gashi' } })).body.total).toBe(0);
    expect((await mitrovica.get('/api/v1/cases', { query: { q: pCase.caseNumber } })).body.total).toBe(0);
    expect((await mitrovica.get('/api/v1/cases', { query: { officeCode: 'PRISTINA' } })).body.total).toBe(0);
    expect(
      (await mitrovica.get('/api/v1/cases/duplicates', { query: { firstName: 'Bujar', lastName: 'Gashi' } })).body,
    ).toEqual([]);
    expect((await mitrovica.get('/api/v1/follow-ups', { query: { scope: 'office' } })).body.total).toBe(0);
    expect((await pristina.get('/api/v1/follow-ups', { query: { scope: 'office' } })).body.total).toBe(1);
  });

  it('cannot link a relative of a case it cannot read', async () => {
    const res = await mitrovica.post(`/api/v1/cases/${mCase.id}/relatives`, {
      relativeId: ids.relativeId,
      relationship: 'AUNT',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('relativeId');
  });
});

describe('a manager', () => {
  it('reads cases of both offices, by id and by case number', async () => {
    for (const c of [pCase, mCase]) {
      expect((await manager.get(`/api/v1/cases/${c.id}`)).status).toBe(200);
      expect((await manager.get(`/api/v1/cases/${c.caseNumber}`)).body.id).toBe(c.id);
      expect((await manager.get(`/api/v1/cases/${c.id}/relatives`)).status).toBe(200);
    }
    const list = await manager.get('/api/v1/cases', { query: { sort: 'caseNumber' } });
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([pCase.id, mCase.id]);
    expect((await manager.get('/api/v1/follow-ups', { query: { scope: 'office' } })).body.total).toBe(1);
  });
});

describe('roles without case permissions', () => {
  it('are refused by the route guard', async () => {
    const admin = await t.signedIn('ADMIN');
    expect((await admin.get(`/api/v1/cases/${pCase.id}`)).status).toBe(403);
    expect((await admin.get('/api/v1/cases')).status).toBe(403);
    expect((await admin.get(`/api/v1/cases/${pCase.id}/attachments/${ids.attachmentId}/content`)).status).toBe(403);
    expect((await t.client().get(`/api/v1/cases/${pCase.id}`)).status).toBe(401);
  });

  it('managers alone assign and merge', async () => {
    expect((await pristina.post(`/api/v1/cases/${pCase.id}/assign`, { officerId: null })).status).toBe(403);
    expect(
      (await pristina.post(`/api/v1/cases/${pCase.id}/merge`, { duplicateCaseId: mCase.id, version: 1 })).status,
    ).toBe(403);
  });
});
