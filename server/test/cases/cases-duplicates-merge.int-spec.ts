import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { auditOf, createCase, fieldsOf, multipart, PNG } from './fixtures.js';

let t: TestApp;
let officer: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

describe('GET /api/v1/cases/duplicates', () => {
  let same: { id: string };
  let namesake: { id: string };
  let brother: { id: string };

  beforeAll(async () => {
    same = await createCase(officer, {
      firstName: 'Agim',
      lastName: 'Krasniqi',
      fatherName: 'Rexhep',
      dateOfBirth: '1970',
      lastSeenMunicipalityCode: 'FERIZAJ',
    });
    namesake = await createCase(officer, {
      firstName: 'Agim',
      lastName: 'Krasniqi',
      fatherName: 'Sali',
      dateOfBirth: '1985-02',
      lastSeenMunicipalityCode: 'PEJE',
    });
    brother = await createCase(officer, {
      firstName: 'Agron',
      lastName: 'Krasniqi',
      fatherName: 'Rexhep',
      dateOfBirth: '1970',
      lastSeenMunicipalityCode: 'FERIZAJ',
    });
    await createCase(officer, { firstName: 'Dragan', lastName: 'Đorđević', fatherName: 'Milan' });
  });

  it('scores the same person first, across spellings, with the reasons', async () => {
    const res = await officer.get('/api/v1/cases/duplicates', {
      query: {
        firstName: 'Agim',
        lastName: 'Краснићи',
        fatherName: 'Redžep',
        birthYear: 1971,
        municipalityCode: 'FERIZAJ',
      },
    });
    expect(res.status).toBe(200);
    const ids = res.body.map((c: { caseId: string }) => c.caseId);
    expect(ids).toEqual([same.id, brother.id, namesake.id]);
    expect(res.body[0]).toMatchObject({
      firstName: 'Agim',
      lastName: 'Krasniqi',
      fatherName: 'Rexhep',
      birthYear: 1970,
      municipalityCode: 'FERIZAJ',
      officeCode: 'PRISTINA',
      reasons: ['LAST_NAME_SAME', 'FIRST_NAME_SAME', 'FATHER_NAME_SAME', 'BIRTH_YEAR_CLOSE', 'MUNICIPALITY_SAME'],
    });
    expect(res.body[0].score).toBeGreaterThan(0.95);
    expect(res.body[2].reasons).toEqual([
      'LAST_NAME_SAME',
      'FIRST_NAME_SAME',
      'FATHER_NAME_DIFFERENT',
      'BIRTH_YEAR_DIFFERENT',
      'MUNICIPALITY_DIFFERENT',
    ]);
    const scores = res.body.map((c: { score: number }) => c.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('warns on a typo as the officer types, with only a last name', async () => {
    const res = await officer.get('/api/v1/cases/duplicates', { query: { lastName: 'Krasniki' } });
    expect(res.body.map((c: { caseId: string }) => c.caseId)).toEqual(
      expect.arrayContaining([same.id, namesake.id, brother.id]),
    );
    expect(res.body[0].reasons).toContain('LAST_NAME_SIMILAR');
  });

  it('leaves out the case being edited, and needs a name', async () => {
    const res = await officer.get('/api/v1/cases/duplicates', {
      query: { firstName: 'Agim', lastName: 'Krasniqi', excludeCaseId: same.id },
    });
    expect(res.body.map((c: { caseId: string }) => c.caseId)).not.toContain(same.id);
    const none = await officer.get('/api/v1/cases/duplicates', { query: { birthYear: 1970 } });
    expect(none.status).toBe(400);
    expect(fieldsOf(none)).toEqual(['lastName']);
  });

  it('returns at most ten candidates', async () => {
    for (let i = 0; i < 12; i++)
      await createCase(officer, {
        firstName: 'Besa',
        lastName: 'Shala',
        fatherName: null,
        dateOfBirth: null,
        lastSeenMunicipalityCode: null,
      });
    const res = await officer.get('/api/v1/cases/duplicates', { query: { firstName: 'Besa', lastName: 'Šala' } });
    expect(res.body).toHaveLength(10);
  });
});

describe('POST /api/v1/cases/:id/merge', () => {
  it('moves everything to the surviving case, closes the duplicate and resolves its number', async () => {
    const survivor = await createCase(officer, {
      firstName: 'Ilir',
      lastName: 'Hoxha',
      fatherName: null,
      dateOfBirth: null,
      externalReferences: [{ system: 'ICRC', reference: 'S-1' }],
    });
    const duplicate = await createCase(officer, {
      firstName: 'Ilir',
      lastName: 'Hodža',
      fatherName: 'Selim',
      dateOfBirth: '1971-08',
      otherNames: ['Ilir Hodza'],
      externalReferences: [{ system: 'GCMP', reference: 'D-9' }],
    });
    const mother = (
      await officer.post(`/api/v1/cases/${survivor.id}/relatives`, {
        firstName: 'Shpresa',
        lastName: 'Hoxha',
        relationship: 'MOTHER',
        isPrimaryContact: true,
      })
    ).body;
    await officer.post(`/api/v1/cases/${duplicate.id}/relatives`, {
      relativeId: mother.id,
      relationship: 'MOTHER',
      isPrimaryContact: true,
    });
    const brother = (
      await officer.post(`/api/v1/cases/${duplicate.id}/relatives`, {
        firstName: 'Arben',
        lastName: 'Hodža',
        relationship: 'BROTHER',
        isPrimaryContact: false,
      })
    ).body;
    const contact = (
      await officer.post(`/api/v1/cases/${duplicate.id}/contacts`, {
        channel: 'PHONE',
        occurredAt: '2024-01-05T09:00:00Z',
        relativeId: brother.id,
        summary: 'Called',
      })
    ).body;
    const referral = (
      await officer.post(`/api/v1/cases/${duplicate.id}/referrals`, {
        service: 'LEGAL_AID',
        organisation: 'Legal aid office',
      })
    ).body;
    const attachment = (
      await officer.post(
        `/api/v1/cases/${duplicate.id}/attachments`,
        undefined,
        multipart([{ name: 'file', fileName: 'photo.png', data: PNG }]),
      )
    ).body;
    await officer.post(`/api/v1/cases/${duplicate.id}/status`, { workflowStatus: 'VERIFIED', note: 'checked' });

    const stale = await manager.post(`/api/v1/cases/${survivor.id}/merge`, {
      duplicateCaseId: duplicate.id,
      version: 9,
    });
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const self = await manager.post(`/api/v1/cases/${survivor.id}/merge`, { duplicateCaseId: survivor.id, version: 1 });
    expect(fieldsOf(self)).toEqual(['duplicateCaseId']);

    const res = await manager.post(`/api/v1/cases/${survivor.id}/merge`, { duplicateCaseId: duplicate.id, version: 1 });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: survivor.id,
      version: 2,
      otherNames: [],
      fatherName: 'Selim',
      dateOfBirth: '1971-08',
      birthYear: 1971,
      mergedFrom: [{ id: duplicate.id, caseNumber: duplicate.caseNumber }],
    });
    expect(res.body.externalReferences).toEqual(
      expect.arrayContaining([
        { system: 'ICRC', reference: 'S-1' },
        { system: 'GCMP', reference: 'D-9' },
      ]),
    );

    // The old id and number resolve to the survivor.
    for (const key of [duplicate.id, duplicate.caseNumber]) {
      const old = await officer.get(`/api/v1/cases/${key}`);
      expect(old.body).toMatchObject({
        id: survivor.id,
        resolvedFrom: { id: duplicate.id, caseNumber: duplicate.caseNumber },
      });
    }
    const found = await officer.get('/api/v1/cases', { query: { q: duplicate.caseNumber } });
    expect(found.body.items.map((i: { id: string }) => i.id)).toEqual([survivor.id]);
    const list = await officer.get('/api/v1/cases', { query: { pageSize: 200 } });
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(duplicate.id);
    expect(
      (await officer.get('/api/v1/cases/duplicates', { query: { lastName: 'Hodža', firstName: 'Ilir' } })).body.map(
        (c: { caseId: string }) => c.caseId,
      ),
    ).toEqual([survivor.id]);

    // Relatives (the shared mother once, one primary contact), contacts, referrals, attachments moved.
    const relatives = (await officer.get(`/api/v1/cases/${survivor.id}/relatives`)).body as {
      id: string;
      isPrimaryContact: boolean;
    }[];
    expect(relatives.map((r) => r.id).sort()).toEqual([mother.id, brother.id].sort());
    expect(relatives.filter((r) => r.isPrimaryContact).map((r) => r.id)).toEqual([mother.id]);
    expect((await officer.get(`/api/v1/cases/${survivor.id}/contacts`)).body.map((c: { id: string }) => c.id)).toEqual([
      contact.id,
    ]);
    expect((await officer.get(`/api/v1/cases/${survivor.id}/referrals`)).body.map((r: { id: string }) => r.id)).toEqual(
      [referral.id],
    );
    expect(
      (await officer.get(`/api/v1/cases/${survivor.id}/attachments`)).body.map((a: { id: string }) => a.id),
    ).toEqual([attachment.id]);
    expect((await officer.get(`/api/v1/cases/${survivor.id}/attachments/${attachment.id}/content`)).status).toBe(200);

    // The timeline carries both histories and the merge.
    const timeline = (await officer.get(`/api/v1/cases/${survivor.id}/timeline`)).body as {
      type: string;
      data: Record<string, unknown>;
    }[];
    expect(timeline[0]).toMatchObject({
      type: 'MERGED',
      data: { mergedCaseId: duplicate.id, mergedCaseNumber: duplicate.caseNumber },
    });
    expect(timeline.filter((e) => e.type === 'CREATED')).toHaveLength(2);
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['WORKFLOW_CHANGED', 'CONTACT_LOGGED']));

    // The duplicate is closed, points at the survivor and keeps its own MERGED event.
    const { rows } = await t.pool.query('SELECT workflow_status::text AS w, merged_into_id FROM "case" WHERE id = $1', [
      duplicate.id,
    ]);
    expect(rows[0]).toEqual({ w: 'CLOSED', merged_into_id: survivor.id });
    const dupEvents = await t.pool.query(`SELECT type::text, data FROM case_event WHERE case_id = $1`, [duplicate.id]);
    expect(dupEvents.rows).toEqual([
      { type: 'MERGED', data: { mergedIntoId: survivor.id, mergedIntoCaseNumber: survivor.caseNumber } },
    ]);

    // The survivor's history includes the duplicate's entries; the merge is audited on both.
    const history = (await officer.get(`/api/v1/cases/${survivor.id}/history`, { query: { pageSize: 100 } })).body
      .items as { action: string; entityId: string }[];
    expect(
      history
        .filter((h) => h.action === 'case.create')
        .map((h) => h.entityId)
        .sort(),
    ).toEqual([survivor.id, duplicate.id].sort());
    expect(history.map((h) => h.action)).toEqual(
      expect.arrayContaining([
        'case.merge',
        'case.merged_into',
        'contact.create',
        'relative.create',
        'attachment.create',
        'referral.create',
      ]),
    );
    const [merge] = await auditOf(t, survivor.id, 'case.merge');
    expect(merge.details).toMatchObject({
      duplicateCaseNumber: duplicate.caseNumber,
      moved: { contact: 1, referral: 1, attachment: 1, external_reference: 1 },
    });
    expect(merge.changes).toMatchObject({ fatherName: { from: null, to: 'Selim' } });

    // Writes to the merged case are refused, naming the survivor.
    const write = await officer.post(`/api/v1/cases/${duplicate.id}/contacts`, {
      channel: 'PHONE',
      occurredAt: '2024-01-06T09:00:00Z',
      summary: 'x',
    });
    expect(write.status).toBe(409);
    expect(write.body.details.mergedInto).toEqual({ id: survivor.id, caseNumber: survivor.caseNumber });
    const again = await manager.post(`/api/v1/cases/${survivor.id}/merge`, {
      duplicateCaseId: duplicate.id,
      version: 2,
    });
    expect(fieldsOf(again)).toEqual(['duplicateCaseId']);
  });

  it('keeps other spellings of the duplicate as other names of the survivor', async () => {
    const survivor = await createCase(officer, { firstName: 'Besnik', lastName: 'Gashi' });
    const duplicate = await createCase(officer, {
      firstName: 'Besnik',
      lastName: 'Gaši',
      otherNames: ['Бесник Гаши', 'Besnik Gashaj'],
    });
    const res = await manager.post(`/api/v1/cases/${survivor.id}/merge`, { duplicateCaseId: duplicate.id, version: 1 });
    // "Besnik Gaši" and "Бесник Гаши" fold to the survivor's own name; "Gashaj" is new.
    expect(res.body.otherNames).toEqual(['Besnik Gashaj']);
    expect(
      (await officer.get('/api/v1/cases', { query: { q: 'Gashaj' } })).body.items.map((i: { id: string }) => i.id),
    ).toEqual([survivor.id]);
  });

  it('chains: a case merged earlier into the duplicate resolves to the new survivor', async () => {
    const a = await createCase(officer);
    const b = await createCase(officer);
    const c = await createCase(officer);
    await manager.post(`/api/v1/cases/${b.id}/merge`, { duplicateCaseId: a.id, version: 1 });
    await manager.post(`/api/v1/cases/${c.id}/merge`, { duplicateCaseId: b.id, version: 1 });
    expect((await officer.get(`/api/v1/cases/${a.caseNumber}`)).body).toMatchObject({
      id: c.id,
      resolvedFrom: { caseNumber: a.caseNumber },
    });
    expect(
      (await officer.get(`/api/v1/cases/${c.id}`)).body.mergedFrom.map((m: { id: string }) => m.id).sort(),
    ).toEqual([a.id, b.id].sort());
  });
});
