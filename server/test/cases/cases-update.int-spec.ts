import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { auditOf, createCase, fieldsOf, multipart, PDF, PNG } from './fixtures.js';

let t: TestApp;
let officer: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

describe('PATCH /api/v1/cases/:id', () => {
  it('changes the given fields, bumps the version and audits field-level changes', async () => {
    const c = await createCase(officer, {
      lastName: 'Hoxha',
      externalReferences: [{ system: 'ICRC', reference: 'A-1' }],
    });
    const res = await officer.patch(`/api/v1/cases/${c.id}`, {
      version: 1,
      lastName: 'Hodža',
      otherNames: ['Hoxha'],
      fatherName: '',
      communityCode: 'BOSNIAK',
      missingSince: '1999-05',
      externalReferences: [
        { system: 'ICRC', reference: 'A-1' },
        { system: 'ICMP', reference: 'DNA-55' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      version: 2,
      lastName: 'Hodža',
      otherNames: ['Hoxha'],
      fatherName: null,
      communityCode: 'BOSNIAK',
      missingSince: '1999-05',
      firstName: 'Agim',
      lastSeenMunicipalityCode: 'FERIZAJ',
      externalReferences: [
        { system: 'ICRC', reference: 'A-1' },
        { system: 'ICMP', reference: 'DNA-55' },
      ],
    });
    const [update] = await auditOf(t, c.id, 'case.update');
    expect(update.changes).toEqual({
      lastName: { from: 'Hoxha', to: 'Hodža' },
      otherNames: { from: [], to: ['Hoxha'] },
      fatherName: { from: 'Rexhep', to: null },
      communityCode: { from: 'ALBANIAN', to: 'BOSNIAK' },
      missingSince: { from: '1999-04-12', to: '1999-05' },
      externalReferences: { from: ['ICRC:A-1'], to: ['ICRC:A-1', 'ICMP:DNA-55'] },
    });
    const { rows } = await t.pool.query(
      'SELECT search_text, missing_since_from::text AS from FROM "case" WHERE id = $1',
      [c.id],
    );
    expect(rows[0]).toEqual({ search_text: 'agim hodza hodza', from: '1999-05-01' });
  });

  it('answers a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
    const c = await createCase(officer);
    expect((await officer.patch(`/api/v1/cases/${c.id}`, { version: 1, lastSeenPlace: 'first' })).status).toBe(200);
    const stale = await officer.patch(`/api/v1/cases/${c.id}`, {
      version: 1,
      lastSeenPlace: 'second',
      firstName: 'Other',
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const now = (await officer.get(`/api/v1/cases/${c.id}`)).body;
    expect(now).toMatchObject({ version: 2, lastSeenPlace: 'first', firstName: 'Agim' });
    expect(await auditOf(t, c.id, 'case.update')).toHaveLength(1);
  });

  it('lets exactly one of 50 concurrent PATCHes with the same version win', async () => {
    const c = await createCase(officer);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        officer.patch(`/api/v1/cases/${c.id}`, { version: 1, lastSeenPlace: `writer ${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const winner = results.find((r) => r.status === 200)!;
    const stored = (await officer.get(`/api/v1/cases/${c.id}`)).body;
    expect(stored).toMatchObject({ version: 2, lastSeenPlace: winner.body.lastSeenPlace });
    const updates = await auditOf(t, c.id, 'case.update');
    expect(updates).toHaveLength(1);
    expect(updates[0].changes.lastSeenPlace.to).toBe(winner.body.lastSeenPlace);
  });

  it('checks dates against the stored ones', async () => {
    const c = await createCase(officer, { dateOfBirth: '1975-03-02', missingSince: '1999' });
    const res = await officer.patch(`/api/v1/cases/${c.id}`, { version: 1, missingSince: '1974' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['missingSince']);
    const born = await officer.patch(`/api/v1/cases/${c.id}`, { version: 1, dateOfBirth: '2001' });
    expect(fieldsOf(born)).toEqual(['missingSince']);
    expect((await officer.patch(`/api/v1/cases/${c.id}`, { version: 1, dateOfBirth: '1999' })).status).toBe(200);
  });

  it('names unknown codes and taken references, and writes nothing', async () => {
    const other = await createCase(officer, { externalReferences: [{ system: 'GCMP', reference: 'TAKEN-1' }] });
    const c = await createCase(officer);
    const codes = await officer.patch(`/api/v1/cases/${c.id}`, {
      version: 1,
      communityCode: 'NOPE',
      lastName: 'Changed',
    });
    expect(fieldsOf(codes)).toEqual(['communityCode']);
    const taken = await officer.patch(`/api/v1/cases/${c.id}`, {
      version: 1,
      lastName: 'Changed',
      externalReferences: [{ system: 'GCMP', reference: 'taken-1' }],
    });
    expect(taken.status).toBe(409);
    expect(fieldsOf(taken)).toEqual(['externalReferences.0.reference']);
    expect((await officer.get(`/api/v1/cases/${c.id}`)).body).toMatchObject({
      version: 1,
      lastName: c.lastName,
      externalReferences: [],
    });
    // Keeping one's own reference is not a conflict.
    expect(
      (
        await officer.patch(`/api/v1/cases/${other.id}`, {
          version: 1,
          externalReferences: [{ system: 'GCMP', reference: 'TAKEN-1' }],
        })
      ).status,
    ).toBe(200);
  });

  it('requires a version', async () => {
    const c = await createCase(officer);
    const res = await officer.patch(`/api/v1/cases/${c.id}`, { lastName: 'X' });
    expect(fieldsOf(res)).toEqual(['version']);
  });

  it('leaves moving a case to another office to managers', async () => {
    const c = await createCase(officer);
    const refused = await officer.patch(`/api/v1/cases/${c.id}`, { version: 1, officeCode: 'MITROVICA' });
    expect(fieldsOf(refused)).toEqual(['officeCode']);
    const moved = await manager.patch(`/api/v1/cases/${c.id}`, { version: 1, officeCode: 'MITROVICA' });
    expect(moved.body).toMatchObject({ officeCode: 'MITROVICA', assignedOfficer: null, version: 2 });
    expect((await officer.get(`/api/v1/cases/${c.id}`)).status).toBe(404);
  });

  it('sets the photo from an image attachment of the case only', async () => {
    const c = await createCase(officer);
    const upload = async (name: string, data: Buffer) =>
      (
        await officer.post(
          `/api/v1/cases/${c.id}/attachments`,
          undefined,
          multipart([{ name: 'file', fileName: name, data }]),
        )
      ).body.id as string;
    const png = await upload('face.png', PNG);
    const pdf = await upload('doc.pdf', PDF);
    expect(fieldsOf(await officer.patch(`/api/v1/cases/${c.id}`, { version: 1, photoAttachmentId: pdf }))).toEqual([
      'photoAttachmentId',
    ]);
    const ok = await officer.patch(`/api/v1/cases/${c.id}`, { version: 1, photoAttachmentId: png });
    expect(ok.body.photoAttachmentId).toBe(png);
  });
});

describe('GET /api/v1/cases/:id', () => {
  it('audits every read of the full record', async () => {
    const c = await createCase(officer);
    await officer.get(`/api/v1/cases/${c.id}`);
    await manager.get(`/api/v1/cases/${c.caseNumber}`);
    const reads = await auditOf(t, c.id, 'case.read');
    expect(reads.map((r) => r.actor_id)).toEqual([officer.user!.id, manager.user!.id]);
  });

  it('answers 400 for a malformed key and 404 for an unknown number', async () => {
    expect((await officer.get('/api/v1/cases/not-a-case')).status).toBe(400);
    expect((await officer.get('/api/v1/cases/MP-999999')).status).toBe(404);
  });
});
