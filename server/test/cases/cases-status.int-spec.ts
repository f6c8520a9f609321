import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { auditOf, createCase, fieldsOf } from './fixtures.js';

let t: TestApp;
let officer: ApiClient;
let manager: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  manager = await t.signedIn('MANAGER');
});
afterAll(async () => t?.close());

const status = (client: ApiClient, id: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/cases/${id}/status`, { note: 'Checked against the lists', ...body });

describe('workflow status', () => {
  it('walks NEW -> VERIFIED -> ACTIVE -> CLOSURE_REQUESTED; a manager approves, reopens', async () => {
    const c = await createCase(officer);
    for (const [to, version] of [
      ['VERIFIED', 2],
      ['ACTIVE', 3],
      ['CLOSURE_REQUESTED', 4],
    ] as const) {
      const res = await status(officer, c.id, { workflowStatus: to });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ workflowStatus: to, version });
    }
    const approve = await status(officer, c.id, { workflowStatus: 'CLOSED' });
    expect(approve.status).toBe(403);
    expect(approve.body.details).toMatchObject({ requiredPermission: 'case.status.correct', allowed: [] });
    expect((await status(manager, c.id, { workflowStatus: 'CLOSED', note: 'All done' })).body.workflowStatus).toBe(
      'CLOSED',
    );
    expect((await status(officer, c.id, { workflowStatus: 'ACTIVE' })).status).toBe(403);
    expect(
      (await status(manager, c.id, { workflowStatus: 'ACTIVE', note: 'New information' })).body.workflowStatus,
    ).toBe('ACTIVE');

    const timeline = (await officer.get(`/api/v1/cases/${c.id}/timeline`)).body as {
      type: string;
      fromStatus: string;
      toStatus: string;
      note: string;
      actor: { id: string };
    }[];
    expect(timeline.map((e) => `${e.type}:${e.fromStatus ?? ''}>${e.toStatus ?? ''}`)).toEqual([
      'WORKFLOW_CHANGED:CLOSED>ACTIVE',
      'WORKFLOW_CHANGED:CLOSURE_REQUESTED>CLOSED',
      'WORKFLOW_CHANGED:ACTIVE>CLOSURE_REQUESTED',
      'WORKFLOW_CHANGED:VERIFIED>ACTIVE',
      'WORKFLOW_CHANGED:NEW>VERIFIED',
      'CREATED:>',
    ]);
    expect(timeline[0]).toMatchObject({ note: 'New information', actor: { id: manager.user!.id } });
  });

  it('a manager rejects a closure request', async () => {
    const c = await createCase(officer);
    for (const to of ['VERIFIED', 'ACTIVE', 'CLOSURE_REQUESTED']) await status(officer, c.id, { workflowStatus: to });
    const res = await status(manager, c.id, { workflowStatus: 'ACTIVE', note: 'Not yet: the family asked for more' });
    expect(res.body.workflowStatus).toBe('ACTIVE');
  });

  it('refuses a skipped stage with 409 ILLEGAL_TRANSITION naming the allowed ones, and changes nothing', async () => {
    const c = await createCase(officer);
    const res = await status(manager, c.id, { workflowStatus: 'ACTIVE' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: { field: 'workflowStatus', from: 'NEW', to: 'ACTIVE', allowed: ['VERIFIED'] },
    });
    const same = await status(officer, c.id, { workflowStatus: 'NEW' });
    expect(same.status).toBe(409);
    const now = (await officer.get(`/api/v1/cases/${c.id}`)).body;
    expect(now).toMatchObject({ version: 1, workflowStatus: 'NEW' });
    expect((await officer.get(`/api/v1/cases/${c.id}/timeline`)).body).toHaveLength(1);
    expect(await auditOf(t, c.id, 'case.status')).toHaveLength(0);
  });
});

describe('fate status', () => {
  it('moves MISSING -> REMAINS_RECOVERED -> IDENTIFIED -> REMAINS_HANDED_OVER, fate events visible to the family', async () => {
    const c = await createCase(officer);
    const first = await status(officer, c.id, {
      fateStatus: 'REMAINS_RECOVERED',
      familyMessage: 'Ju lutem na kontaktoni.',
    });
    expect(first.body).toMatchObject({ fateStatus: 'REMAINS_RECOVERED', version: 2 });
    await status(officer, c.id, { fateStatus: 'IDENTIFIED' });
    await status(officer, c.id, { fateStatus: 'REMAINS_HANDED_OVER' });
    const timeline = (await officer.get(`/api/v1/cases/${c.id}/timeline`)).body as Record<string, unknown>[];
    expect(timeline.slice(0, 3).map((e) => [e.type, e.toStatus, e.familyVisible])).toEqual([
      ['FATE_CHANGED', 'REMAINS_HANDED_OVER', true],
      ['FATE_CHANGED', 'IDENTIFIED', true],
      ['FATE_CHANGED', 'REMAINS_RECOVERED', true],
    ]);
    expect(timeline[2]).toMatchObject({ familyMessage: 'Ju lutem na kontaktoni.', note: 'Checked against the lists' });
    const audits = await auditOf(t, c.id, 'case.status');
    expect(audits[0].changes).toEqual({ fateStatus: { from: 'MISSING', to: 'REMAINS_RECOVERED' } });
    expect(audits[0].details).toMatchObject({
      note: 'Checked against the lists',
      familyMessage: 'Ju lutem na kontaktoni.',
    });
  });

  it('allows MISSING -> IDENTIFIED and MISSING -> FOUND_ALIVE, nothing after FOUND_ALIVE', async () => {
    const a = await createCase(officer);
    expect((await status(officer, a.id, { fateStatus: 'IDENTIFIED' })).status).toBe(200);
    const b = await createCase(officer);
    expect((await status(officer, b.id, { fateStatus: 'FOUND_ALIVE' })).status).toBe(200);
    const res = await status(officer, b.id, { fateStatus: 'IDENTIFIED' });
    expect(res.status).toBe(403); // only a correction could change it
    expect(res.body.details.allowed).toEqual([]);
  });

  it('refuses a backwards correction to an officer and allows it to a manager, with the reason', async () => {
    const c = await createCase(officer);
    await status(officer, c.id, { fateStatus: 'IDENTIFIED' });
    const refused = await status(officer, c.id, { fateStatus: 'MISSING', note: 'Misidentified' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      code: 'FORBIDDEN',
      details: { allowed: ['REMAINS_HANDED_OVER'], requiredPermission: 'case.status.correct' },
    });
    const denial = await t.pool.query(
      `SELECT details FROM audit_entry WHERE action = 'access.denied' AND actor_id = $1 ORDER BY seq DESC LIMIT 1`,
      [officer.user!.id],
    );
    expect(denial.rows[0].details).toMatchObject({
      reason: 'permission:case.status.correct',
      from: 'IDENTIFIED',
      to: 'MISSING',
    });

    const corrected = await status(manager, c.id, { fateStatus: 'MISSING', note: 'DNA match withdrawn by the lab' });
    expect(corrected.body.fateStatus).toBe('MISSING');
    const [, correction] = await auditOf(t, c.id, 'case.status');
    expect(correction.details).toMatchObject({ note: 'DNA match withdrawn by the lab', corrections: ['fateStatus'] });
    const noReason = await manager.post(`/api/v1/cases/${c.id}/status`, { fateStatus: 'IDENTIFIED', note: ' ' });
    expect(fieldsOf(noReason)).toEqual(['note']);
  });

  it('changes both axes at once, the family message on the fate event', async () => {
    const c = await createCase(officer);
    const res = await status(officer, c.id, {
      fateStatus: 'FOUND_ALIVE',
      workflowStatus: 'VERIFIED',
      familyMessage: 'Good news',
    });
    expect(res.body).toMatchObject({ fateStatus: 'FOUND_ALIVE', workflowStatus: 'VERIFIED', version: 2 });
    const [workflow, fate] = (await officer.get(`/api/v1/cases/${c.id}/timeline`)).body;
    expect([fate.type, fate.familyMessage, fate.familyVisible]).toEqual(['FATE_CHANGED', 'Good news', true]);
    expect([workflow.type, workflow.familyMessage, workflow.familyVisible]).toEqual(['WORKFLOW_CHANGED', null, false]);
  });

  it('needs a status, and checks an optional version', async () => {
    const c = await createCase(officer);
    expect(fieldsOf(await officer.post(`/api/v1/cases/${c.id}/status`, { note: 'x' }))).toEqual(['fateStatus']);
    expect((await status(officer, c.id, { workflowStatus: 'VERIFIED', version: 7 })).body.code).toBe(
      'VERSION_CONFLICT',
    );
  });
});

describe('POST /api/v1/cases/:id/family-informed', () => {
  it('records the visit, sets familyInformedAt and an internal event', async () => {
    const c = await createCase(officer);
    await status(officer, c.id, { fateStatus: 'REMAINS_RECOVERED' });
    const res = await officer.post(`/api/v1/cases/${c.id}/family-informed`, {
      note: 'Visited the mother with the psychologist',
      informedOn: '2024-05-02',
    });
    expect(res.status).toBe(200);
    expect(res.body.familyInformedAt).toEqual(expect.any(String));
    const [event] = (await officer.get(`/api/v1/cases/${c.id}/timeline`)).body;
    expect(event).toMatchObject({
      type: 'FAMILY_INFORMED',
      familyVisible: false,
      data: { informedOn: '2024-05-02', fateStatus: 'REMAINS_RECOVERED' },
    });
    expect((await auditOf(t, c.id, 'case.family_informed'))[0].details).toMatchObject({ informedOn: '2024-05-02' });
    const future = await officer.post(`/api/v1/cases/${c.id}/family-informed`, { note: 'x', informedOn: '2999-01-01' });
    expect(fieldsOf(future)).toEqual(['informedOn']);
  });
});

describe('POST /api/v1/cases/:id/assign', () => {
  it('assigns an officer of the case office only', async () => {
    const c = await createCase(officer);
    const colleague = await t.createUser('LIAISON_OFFICER', 'PRISTINA', { name: 'Colleague' });
    const elsewhere = await t.createUser('LIAISON_OFFICER', 'MITROVICA');
    const bad = await manager.post(`/api/v1/cases/${c.id}/assign`, { officerId: elsewhere.id });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad)).toEqual(['officerId']);
    expect(fieldsOf(await manager.post(`/api/v1/cases/${c.id}/assign`, { officerId: manager.user!.id }))).toEqual([
      'officerId',
    ]);
    const res = await manager.post(`/api/v1/cases/${c.id}/assign`, { officerId: colleague.id });
    expect(res.body).toMatchObject({ assignedOfficer: { id: colleague.id, name: 'Colleague' }, version: 2 });
    const [entry] = await auditOf(t, c.id, 'case.assign');
    expect(entry.changes).toEqual({ assignedOfficerId: { from: officer.user!.id, to: colleague.id } });
    const mine = await officer.get('/api/v1/cases', { query: { assignedOfficerId: 'me' } });
    expect(mine.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
  });
});
