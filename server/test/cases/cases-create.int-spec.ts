import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { auditOf, caseBody, createCase, fieldsOf } from './fixtures.js';

let t: TestApp;
let officer: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

const countCases = async () => (await t.pool.query('SELECT count(*)::int AS n FROM "case"')).rows[0].n as number;

describe('POST /api/v1/cases', () => {
  it('creates a case with a case number, version 1, MISSING/NEW, in the officer office and assigned to them', async () => {
    const res = await officer.post('/api/v1/cases', {
      ...caseBody({ firstName: 'Fatmire', lastName: 'Krasniqi', sex: 'FEMALE' }),
      otherNames: ['Fatmire Krasnići'],
      placeOfBirth: 'Ferizaj',
      externalReferences: [{ system: 'ICRC', reference: 'KOS-0001' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseNumber: expect.stringMatching(/^MP-\d{6}$/),
      version: 1,
      fateStatus: 'MISSING',
      workflowStatus: 'NEW',
      officeCode: 'PRISTINA',
      firstName: 'Fatmire',
      lastName: 'Krasniqi',
      otherNames: ['Fatmire Krasnići'],
      dateOfBirth: '1970-05',
      birthYear: 1970,
      missingSince: '1999-04-12',
      communityCode: 'ALBANIAN',
      lastSeenMunicipalityCode: 'FERIZAJ',
      externalReferences: [{ system: 'ICRC', reference: 'KOS-0001' }],
      assignedOfficer: { id: officer.user!.id },
      resolvedFrom: null,
    });
    const { rows } = await t.pool.query(
      'SELECT search_text, missing_since_from::text AS from FROM "case" WHERE id = $1',
      [res.body.id],
    );
    expect(rows[0]).toEqual({ search_text: 'fatmire krasnici redzep fatmire krasnici', from: '1999-04-12' });

    const [created] = await auditOf(t, res.body.id, 'case.create');
    expect(created.changes).toMatchObject({
      firstName: { from: null, to: 'Fatmire' },
      externalReferences: { to: ['ICRC:KOS-0001'] },
    });
    expect(created.actor_id).toBe(officer.user!.id);
    const events = (await officer.get(`/api/v1/cases/${res.body.id}/timeline`)).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['CREATED']);
  });

  it('accepts partial dates and a missing date in the same year as the birth', async () => {
    const a = await officer.post('/api/v1/cases', caseBody({ dateOfBirth: '1999', missingSince: '1999-03' }));
    expect(a.status).toBe(201);
    const b = await officer.post(
      '/api/v1/cases',
      caseBody({ dateOfBirth: null, missingSince: '1998', otherNames: [] }),
    );
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ dateOfBirth: null, birthYear: null, missingSince: '1998' });
  });

  it.each([
    ['a date that does not exist', { dateOfBirth: '1970-02-30' }, 'dateOfBirth'],
    ['a month 13', { missingSince: '1999-13' }, 'missingSince'],
    ['a free-text date', { dateOfBirth: 'spring 1970' }, 'dateOfBirth'],
    ['a future date', { missingSince: `${new Date().getUTCFullYear() + 1}-01` }, 'missingSince'],
    ['missing before birth', { dateOfBirth: '1980-06', missingSince: '1979' }, 'missingSince'],
    ['an empty first name', { firstName: '  ' }, 'firstName'],
    ['an unknown sex', { sex: 'X' as never }, 'sex'],
    [
      'an empty external reference',
      {
        externalReferences: [
          { system: 'ICRC', reference: 'A-1' },
          { system: 'GCMP', reference: '' },
        ],
      },
      'externalReferences.1.reference',
    ],
    [
      'an unknown reference system',
      { externalReferences: [{ system: 'UN' as never, reference: 'A-1' }] },
      'externalReferences.0.system',
    ],
    [
      'a reference listed twice',
      {
        externalReferences: [
          { system: 'ICMP', reference: 'x-9' },
          { system: 'ICMP', reference: 'X-9' },
        ],
      },
      'externalReferences.1.reference',
    ],
  ])('refuses %s with a field error and stores nothing', async (_, overrides, field) => {
    const before = await countCases();
    const res = await officer.post('/api/v1/cases', caseBody(overrides as never));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(res)).toContain(field);
    expect(await countCases()).toBe(before);
  });

  it('names every unknown code at once', async () => {
    const before = await countCases();
    const res = await officer.post(
      '/api/v1/cases',
      caseBody({ communityCode: 'MARTIAN', lastSeenMunicipalityCode: 'ATLANTIS' }),
    );
    expect(res.status).toBe(400);
    expect(fieldsOf(res).sort()).toEqual(['communityCode', 'lastSeenMunicipalityCode']);
    expect(await countCases()).toBe(before);
  });

  it('keeps a liaison officer to their own office', async () => {
    const res = await officer.post('/api/v1/cases', caseBody({ officeCode: 'MITROVICA' }));
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(['officeCode']);
    const own = await officer.post('/api/v1/cases', caseBody({ officeCode: 'PRISTINA' }));
    expect(own.status).toBe(201);
  });

  it('makes a manager name the office, and checks the assigned officer belongs to it', async () => {
    const none = await manager.post('/api/v1/cases', caseBody());
    expect(fieldsOf(none)).toEqual(['officeCode']);
    const unknown = await manager.post('/api/v1/cases', caseBody({ officeCode: 'PRIZREN' }));
    expect(fieldsOf(unknown)).toEqual(['officeCode']);
    const wrongOfficer = await manager.post(
      '/api/v1/cases',
      caseBody({ officeCode: 'MITROVICA', assignedOfficerId: officer.user!.id }),
    );
    expect(fieldsOf(wrongOfficer)).toEqual(['assignedOfficerId']);
    const mitrovicaOfficer = await t.createUser('LIAISON_OFFICER', 'MITROVICA');
    const ok = await manager.post(
      '/api/v1/cases',
      caseBody({ officeCode: 'MITROVICA', assignedOfficerId: mitrovicaOfficer.id }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ officeCode: 'MITROVICA', assignedOfficer: { id: mitrovicaOfficer.id } });
    const unassigned = await manager.post('/api/v1/cases', caseBody({ officeCode: 'MITROVICA' }));
    expect(unassigned.body.assignedOfficer).toBeNull();
  });

  it('refuses an external reference already recorded on another case (409, naming the field), whatever its letter case', async () => {
    await createCase(officer, { externalReferences: [{ system: 'GCMP', reference: 'GC-777' }] });
    const before = await countCases();
    const res = await officer.post(
      '/api/v1/cases',
      caseBody({
        externalReferences: [
          { system: 'ICRC', reference: 'new-1' },
          { system: 'GCMP', reference: 'gc-777' },
        ],
      }),
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONFLICT');
    expect(fieldsOf(res)).toEqual(['externalReferences.1.reference']);
    expect(await countCases()).toBe(before);
    // The same number in another system is another reference.
    expect(
      (await officer.post('/api/v1/cases', caseBody({ externalReferences: [{ system: 'ICMP', reference: 'GC-777' }] })))
        .status,
    ).toBe(201);
  });

  it('gives 20 concurrent creates 20 different case numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => officer.post('/api/v1/cases', caseBody())));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.body.caseNumber as string);
    expect(new Set(numbers).size).toBe(20);
    const { rows } = await t.pool.query(
      'SELECT count(DISTINCT case_number)::int AS n, count(*)::int AS total FROM "case"',
    );
    expect(rows[0].n).toBe(rows[0].total);
  });

  it('never reuses a number, even after a failed create', async () => {
    const a = await createCase(officer);
    await officer.post('/api/v1/cases', caseBody({ communityCode: 'NOPE' }));
    const b = await createCase(officer);
    expect(Number(b.caseNumber.slice(3))).toBeGreaterThan(Number(a.caseNumber.slice(3)));
  });

  it('refuses roles without case permissions', async () => {
    const admin = await t.signedIn('ADMIN');
    expect((await admin.post('/api/v1/cases', caseBody())).status).toBe(403);
    expect((await t.client().post('/api/v1/cases', caseBody())).status).toBe(401);
  });
});
