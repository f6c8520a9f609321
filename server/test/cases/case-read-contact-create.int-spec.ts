import { ContactResponseSchema } from '@mprc/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creationChanges } from '../../src/audit/audit-changes.js';
import { verifyAuditChain } from '../../src/audit/audit.repository.js';
import { ContactsRepository } from '../../src/contacts/contacts.repository.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { auditOf, createCase } from './fixtures.js';

// POST /cases/:id/contacts is one statement: the case locked FOR SHARE in scope, the merge and
// relative checks, the contact, its timeline event and its audit entry. The answer must be what
// the Prisma read-back (ContactsRepository.find) gives, the audit entry what the service wrote
// before (changes from the stored contact), and a refused request must leave nothing behind.

let t: TestApp;
let officer: ApiClient;
let otherOffice: ApiClient;
let manager: ApiClient;
let contacts: ContactsRepository;

/** Rows a contact create writes under a case: contacts, CONTACT_LOGGED events, contact.create entries. */
async function written(caseId: string) {
  const n = async (sql: string) => (await t.pool.query(sql, [caseId])).rows[0].n as number;
  return {
    contacts: await n('SELECT count(*)::int AS n FROM contact WHERE case_id = $1'),
    events: await n(`SELECT count(*)::int AS n FROM case_event WHERE case_id = $1 AND type = 'CONTACT_LOGGED'`),
    audit: await n(
      `SELECT count(*)::int AS n FROM audit_entry WHERE entity_id = $1::text AND action = 'contact.create'`,
    ),
  };
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  otherOffice = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
  manager = await t.signedIn('MANAGER');
  contacts = t.app.get(ContactsRepository);
});
afterAll(async () => t?.close());

describe('POST /api/v1/cases/:id/contacts as one statement', () => {
  it('answers what the Prisma read-back answers and audits the stored values', async () => {
    const c = await createCase(officer, { firstName: 'Kontakt', lastName: 'Njësh' });
    const relative = await officer.post(`/api/v1/cases/${c.id}/relatives`, {
      firstName: 'Motra',
      lastName: 'Njësh',
      relationship: 'SISTER',
    });
    expect(relative.status, relative.text).toBe(201);
    const body = {
      channel: 'VISIT',
      occurredAt: '2024-03-01T11:00:00.123456+01:00',
      // Upper case is a valid uuid; it is stored (and audited) in PostgreSQL's form.
      relativeId: relative.body.id.toUpperCase(),
      language: 'sq',
      interpreterUsed: true,
      summary: 'Home visit (test record).',
      familyVisibleSummary: 'We visited the family (test).',
      followUpOn: '2030-01-15',
    };
    const res = await officer.post(`/api/v1/cases/${c.caseNumber}/contacts`, body);
    expect(res.status, res.text).toBe(201);
    expect(ContactResponseSchema.parse(res.body)).toEqual(res.body);
    const stored = await contacts.find(c.id, res.body.id);
    expect(res.body).toEqual(stored);
    expect(res.body).toMatchObject({
      caseId: c.id,
      occurredAt: '2024-03-01T10:00:00.123Z',
      relative: { id: relative.body.id, name: 'Motra Njësh' },
      officer: { id: officer.user!.id },
      followUpOn: '2030-01-15',
      followUpDoneAt: null,
    });

    const [entry] = await auditOf(t, c.id, 'contact.create');
    // What the service recorded when it read the contact back inside its transaction.
    expect(entry.changes).toEqual(
      creationChanges({
        channel: stored!.channel,
        occurredAt: stored!.occurredAt,
        relativeId: stored!.relative?.id ?? null,
        language: stored!.language,
        interpreterUsed: stored!.interpreterUsed,
        summary: stored!.summary,
        familyVisibleSummary: stored!.familyVisibleSummary,
        followUpOn: stored!.followUpOn,
      }),
    );
    expect(entry).toMatchObject({
      entity_type: 'Case',
      actor_id: officer.user!.id,
      details: { subject: 'Contact', subjectId: res.body.id },
    });
    const { rows } = await t.pool.query(
      `SELECT actor_role, ip, request_id FROM audit_entry WHERE entity_id = $1 AND action = 'contact.create'`,
      [c.id],
    );
    expect(rows).toEqual([{ actor_role: 'LIAISON_OFFICER', ip: '127.0.0.1', request_id: res.headers['x-request-id'] }]);

    const timeline = await officer.get(`/api/v1/cases/${c.id}/timeline`);
    expect(timeline.body.filter((e: { type: string }) => e.type === 'CONTACT_LOGGED')).toEqual([
      expect.objectContaining({
        actor: { id: officer.user!.id, name: expect.any(String) },
        familyVisible: false,
        data: { contactId: res.body.id, channel: 'VISIT', occurredAt: body.occurredAt },
      }),
    ]);
  });

  it('stores the minimal contact with the defaults', async () => {
    const c = await createCase(manager, { officeCode: 'MITROVICA', firstName: 'Kontakt', lastName: 'Dysh' });
    const res = await manager.post(`/api/v1/cases/${c.id}/contacts`, {
      channel: 'PHONE',
      occurredAt: '2024-04-02T08:30:00Z',
      summary: 'Call (test record).',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toEqual(await contacts.find(c.id, res.body.id));
    expect(res.body).toMatchObject({
      relative: null,
      language: null,
      interpreterUsed: false,
      familyVisibleSummary: null,
      followUpOn: null,
    });
    const [entry] = await auditOf(t, c.id, 'contact.create');
    expect(entry.changes).toEqual({
      channel: { from: null, to: 'PHONE' },
      occurredAt: { from: null, to: '2024-04-02T08:30:00.000Z' },
      interpreterUsed: { from: null, to: false },
      summary: { from: null, to: 'Call (test record).' },
    });
  });

  it('refuses a relative of another case (400 naming the field) and writes nothing', async () => {
    const c = await createCase(officer, { firstName: 'Kontakt', lastName: 'Tresh' });
    const other = await createCase(officer, { firstName: 'Kontakt', lastName: 'Katër' });
    const stranger = await officer.post(`/api/v1/cases/${other.id}/relatives`, {
      firstName: 'Vëllai',
      lastName: 'Katër',
      relationship: 'BROTHER',
    });
    for (const relativeId of [stranger.body.id, randomUUID()]) {
      const res = await officer.post(`/api/v1/cases/${c.id}/contacts`, {
        channel: 'PHONE',
        occurredAt: '2024-04-02T08:30:00Z',
        relativeId,
        summary: 'Should not be stored.',
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['relativeId']);
    }
    expect(await written(c.id)).toEqual({ contacts: 0, events: 0, audit: 0 });
  });

  it('answers out of scope like a missing case and writes nothing', async () => {
    const c = await createCase(officer, { firstName: 'Kontakt', lastName: 'Pesh' });
    const body = { channel: 'PHONE', occurredAt: '2024-04-02T08:30:00Z', summary: 'Should not be stored.' };
    for (const key of [c.id, c.caseNumber]) {
      const hidden = await otherOffice.post(`/api/v1/cases/${key}/contacts`, body);
      const missing = await otherOffice.post(
        `/api/v1/cases/${key === c.id ? randomUUID() : 'MP-999999'}/contacts`,
        body,
      );
      expect(hidden.status).toBe(404);
      expect({ ...hidden.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
    }
    expect(await written(c.id)).toEqual({ contacts: 0, events: 0, audit: 0 });
  });

  it('refuses a merged case (409 naming the survivor) and writes nothing under it', async () => {
    const survivor = await createCase(officer, { firstName: 'Kontakt', lastName: 'Gjashtë' });
    const duplicate = await createCase(officer, { firstName: 'Kontakt', lastName: 'Gjashtë' });
    const merge = await manager.post(`/api/v1/cases/${survivor.id}/merge`, {
      duplicateCaseId: duplicate.id,
      version: 1,
    });
    expect(merge.status, merge.text).toBe(200);
    const before = await written(survivor.id);
    const res = await officer.post(`/api/v1/cases/${duplicate.caseNumber}/contacts`, {
      channel: 'PHONE',
      occurredAt: '2024-04-02T08:30:00Z',
      summary: 'Should not be stored.',
    });
    expect(res.status).toBe(409);
    expect(res.body.details.mergedInto).toEqual({ id: survivor.id, caseNumber: survivor.caseNumber });
    expect(await written(survivor.id)).toEqual(before);
    expect(await written(duplicate.id)).toEqual({ contacts: 0, events: 0, audit: 0 });
  });

  it('keeps every concurrent contact, event and audit entry, with the chain intact', async () => {
    const c = await createCase(officer, { firstName: 'Kontakt', lastName: 'Shtatë' });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        officer.post(`/api/v1/cases/${c.id}/contacts`, {
          channel: 'PHONE',
          occurredAt: `2024-05-0${i + 1}T09:00:00Z`,
          summary: `Call ${i} (test record).`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(await written(c.id)).toEqual({ contacts: 8, events: 8, audit: 8 });
    expect((await verifyAuditChain(t.pool)).firstBroken).toBeNull();
  });
});
