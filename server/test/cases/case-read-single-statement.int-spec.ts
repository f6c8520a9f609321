import { CaseResponseSchema } from '@mprc/contracts';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit.repository.js';
import { CasesRepository, toCaseResponse } from '../../src/cases/cases.repository.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { auditOf, createCase } from './fixtures.js';

// GET /cases/:id is one hand-written statement (scope, merge resolution, the record with its
// relations, the audit entry). Its answer must be exactly what the Prisma read (findFull +
// toCaseResponse, still used by the writes) gives for the same case, and its audit entry exactly
// what AuditService.record writes.

let t: TestApp;
let officer: ApiClient;
let otherOffice: ApiClient;
let manager: ApiClient;
let repo: CasesRepository;

/** What the Prisma path answers for a case. */
async function viaPrisma(id: string, resolvedFrom: { id: string; caseNumber: string } | null = null) {
  const row = await repo.findFull(id);
  expect(row).not.toBeNull();
  return toCaseResponse(row!, resolvedFrom);
}

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  otherOffice = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
  manager = await t.signedIn('MANAGER');
  repo = t.app.get(CasesRepository);
});
afterAll(async () => t?.close());

describe('GET /api/v1/cases/:id as one statement', () => {
  it('answers what the Prisma read answers, with every relation filled', async () => {
    const c = await createCase(officer, {
      firstName: 'Testim',
      lastName: 'Leximi',
      otherNames: ['Тестим Лексими', 'Testim Leksimi'],
      externalReferences: [
        { system: 'ICRC', reference: `ICRC-T-${randomUUID().slice(0, 8)}` },
        { system: 'GCMP', reference: `GCMP-T-${randomUUID().slice(0, 8)}` },
        { system: 'ICMP', reference: `ICMP-T-${randomUUID().slice(0, 8)}` },
      ],
    });
    expect(c.assignedOfficer).not.toBeNull();
    const res = await officer.get(`/api/v1/cases/${c.id}`);
    expect(res.status, res.text).toBe(200);
    expect(CaseResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.body).toEqual(await viaPrisma(c.id));
    expect(res.body.externalReferences).toHaveLength(3);
    expect(Object.keys(res.body)).toEqual(Object.keys(await viaPrisma(c.id)));
  });

  it('answers what the Prisma read answers when the optional relations are empty', async () => {
    const c = await createCase(manager, {
      officeCode: 'MITROVICA',
      firstName: 'Bosh',
      lastName: 'Zbrazeti',
      fatherName: null,
      dateOfBirth: null,
      communityCode: null,
      missingSince: null,
      lastSeenMunicipalityCode: null,
      lastSeenPlace: null,
      circumstances: null,
    });
    const res = await manager.get(`/api/v1/cases/${c.caseNumber}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual(await viaPrisma(c.id));
    expect(res.body).toMatchObject({
      assignedOfficer: null,
      communityCode: null,
      lastSeenMunicipalityCode: null,
      externalReferences: [],
      mergedFrom: [],
      resolvedFrom: null,
      familyInformedAt: null,
    });
  });

  it('writes one case.read entry per read with the columns AuditService writes, chained', async () => {
    const c = await createCase(officer, { firstName: 'Auditim', lastName: 'Leximi' });
    const res = await officer.get(`/api/v1/cases/${c.caseNumber}`);
    expect(res.status).toBe(200);
    const { rows } = await t.pool.query(
      `SELECT actor_id, actor_role, action, entity_type, entity_id, ip, request_id, changes, details
         FROM audit_entry WHERE entity_id = $1 AND action = 'case.read' ORDER BY seq`,
      [c.id],
    );
    expect(rows).toEqual([
      {
        actor_id: officer.user!.id,
        actor_role: 'LIAISON_OFFICER',
        action: 'case.read',
        entity_type: 'Case',
        entity_id: c.id,
        ip: '127.0.0.1',
        request_id: res.headers['x-request-id'],
        changes: null,
        details: null,
      },
    ]);
    expect((await verifyAuditChain(t.pool)).firstBroken).toBeNull();
  });

  it('keeps the chain gapless under concurrent reads (each read commits its own entry)', async () => {
    const c = await createCase(officer, { firstName: 'Njëkohësisht', lastName: 'Leximi' });
    const results = await Promise.all(Array.from({ length: 10 }, () => officer.get(`/api/v1/cases/${c.id}`)));
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(new Set(results.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await auditOf(t, c.id, 'case.read')).toHaveLength(10);
    expect((await verifyAuditChain(t.pool)).firstBroken).toBeNull();
  });

  it('follows a merge, names the requested case in the answer and in the audit entry', async () => {
    const survivor = await createCase(manager, { officeCode: 'PRISTINA', firstName: 'Mbetur', lastName: 'Bashkimi' });
    const duplicate = await createCase(manager, {
      officeCode: 'PRISTINA',
      firstName: 'Mbetur',
      lastName: 'Bashkimi',
      externalReferences: [{ system: 'OTHER', reference: `M-${randomUUID().slice(0, 8)}` }],
    });
    const merge = await manager.post(`/api/v1/cases/${survivor.id}/merge`, {
      duplicateCaseId: duplicate.id,
      version: 1,
    });
    expect(merge.status, merge.text).toBe(200);

    const res = await officer.get(`/api/v1/cases/${duplicate.caseNumber}`);
    expect(res.status, res.text).toBe(200);
    const resolvedFrom = { id: duplicate.id, caseNumber: duplicate.caseNumber };
    expect(res.body).toEqual(await viaPrisma(survivor.id, resolvedFrom));
    expect(res.body.mergedFrom).toEqual([resolvedFrom]);
    expect(res.body.externalReferences).toHaveLength(1);
    const reads = await auditOf(t, survivor.id, 'case.read');
    expect(reads.at(-1)).toMatchObject({ actor_id: officer.user!.id, details: { requested: duplicate.caseNumber } });

    // By the survivor's own id: no resolvedFrom, no details.
    const direct = await officer.get(`/api/v1/cases/${survivor.id}`);
    expect(direct.body).toEqual(await viaPrisma(survivor.id));
    expect((await auditOf(t, survivor.id, 'case.read')).at(-1)!.details).toBeNull();
  });

  it('answers out of scope exactly like a missing case, and audits neither', async () => {
    const c = await createCase(officer, { firstName: 'Jashte', lastName: 'Fushes' });
    const before = (await t.pool.query('SELECT count(*)::int AS n FROM audit_entry WHERE action = $1', ['case.read']))
      .rows[0].n;
    for (const key of [c.id, c.caseNumber]) {
      const hidden = await otherOffice.get(`/api/v1/cases/${key}`);
      const missing = await otherOffice.get(`/api/v1/cases/${key === c.id ? randomUUID() : 'MP-999999'}`);
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      expect({ ...hidden.body, requestId: undefined }).toEqual({ ...missing.body, requestId: undefined });
    }
    const after = (await t.pool.query('SELECT count(*)::int AS n FROM audit_entry WHERE action = $1', ['case.read']))
      .rows[0].n;
    expect(after).toBe(before);
  });

  it('shows a change made by a write on the next read (prepared statements see current rows)', async () => {
    const c = await createCase(officer, { firstName: 'Ndryshim', lastName: 'Leximi' });
    expect((await officer.get(`/api/v1/cases/${c.id}`)).body.version).toBe(1);
    const patch = await officer.patch(`/api/v1/cases/${c.id}`, {
      version: 1,
      lastSeenPlace: 'Near the bridge (test)',
      externalReferences: [{ system: 'ICRC', reference: `ICRC-N-${randomUUID().slice(0, 8)}` }],
    });
    expect(patch.status, patch.text).toBe(200);
    const res = await officer.get(`/api/v1/cases/${c.id}`);
    expect(res.body).toEqual(patch.body);
    expect(res.body).toMatchObject({ version: 2, lastSeenPlace: 'Near the bridge (test)' });
  });
});
