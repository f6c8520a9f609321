// Walks every route x every role (and anonymous) against a real database and checks the access
// decision, including another office's case and another family's case. Prints the matrix.
import { can, type Permission, type Role } from '@mprc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, type RouteInfo } from '../../src/common/http/route-inventory.js';
import { familyClient, insertCase } from '../setup/family-session.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';

type Who = Role | 'ANONYMOUS';
const WHO: Who[] = ['ANONYMOUS', 'ADMIN', 'MANAGER', 'LIAISON_OFFICER', 'FAMILY'];
const RANDOM_UUID = '00000000-0000-4000-8000-000000000000';
// Routes that change the caller's own session are exercised last so they don't end it mid-walk.
const SESSION_ENDING = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/family/logout']);

describe('route x role access matrix', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const clients = new Map<Who, ApiClient>();
  let ownCase: string; // PRISTINA case: the officer's office, and the family's own case
  let otherOfficeCase: string; // MITROVICA case
  let otherFamilyCase: string; // a PRISTINA case of another family
  let userId: string;
  const matrix: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    routes = listRoutes(t.app).filter((r) => r.path.startsWith('/api/v1/'));
    clients.set('ANONYMOUS', t.client());
    ownCase = await insertCase(t.pool, 'PRISTINA');
    otherOfficeCase = await insertCase(t.pool, 'MITROVICA');
    otherFamilyCase = await insertCase(t.pool, 'PRISTINA');
    await signInAll();
    userId = clients.get('MANAGER')!.user!.id;
    await familyClient(t.pool, t.client(), otherFamilyCase, userId);
  });
  // Fresh sessions for every role: the walk signs them out (auth/logout, family/logout).
  const signInAll = async () => {
    for (const role of ['ADMIN', 'MANAGER', 'LIAISON_OFFICER'] as const) clients.set(role, await t.signedIn(role));
    clients.set('FAMILY', (await familyClient(t.pool, t.client(), ownCase, clients.get('MANAGER')!.user!.id)).client);
  };
  afterAll(async () => {
    console.log(
      `\nRoute x role matrix (status codes; case routes use the caller's own/PRISTINA case):\n${matrix.join('\n')}\n`,
    );
    await t?.close();
  });

  const fill = (path: string, caseId: string) =>
    path
      .replace(/\/cases\/:id\b/, `/cases/${caseId}`)
      .replace(/\/family\/cases\/:id\b/, `/family/cases/${caseId}`)
      .replace(/\/users\/:id\b/, `/users/${userId}`)
      .replace(/:[A-Za-z]+/g, RANDOM_UUID);

  const call = (c: ApiClient, r: RouteInfo, caseId: string) => {
    const body = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) ? {} : undefined;
    return c.request(r.method, fill(r.path, caseId), body);
  };

  it('applies the permission table to every route for every role', async () => {
    const ordered = [...routes].sort(
      (a, b) =>
        Number(SESSION_ENDING.has(`${a.method} ${a.path}`)) - Number(SESSION_ENDING.has(`${b.method} ${b.path}`)),
    );
    const failures: string[] = [];
    matrix.push(['route'.padEnd(60), ...WHO.map((w) => w.padEnd(16))].join(''));
    for (const r of ordered) {
      if (SESSION_ENDING.has(`${r.method} ${r.path}`)) await signInAll();
      const row: string[] = [];
      for (const who of WHO) {
        const res = await call(clients.get(who)!, r, ownCase);
        row.push(String(res.status).padEnd(16));
        const allowed = r.isPublic || (who !== 'ANONYMOUS' && can(who, r.permission as Permission));
        const label = `${r.method} ${r.path} as ${who}: ${res.status} ${res.body?.code ?? ''}`;
        if (res.status >= 500) failures.push(`${label} (server error)`);
        else if (!allowed && who === 'ANONYMOUS' && res.status !== 401) failures.push(`${label} (expected 401)`);
        else if (!allowed && who !== 'ANONYMOUS' && res.status !== 403) failures.push(`${label} (expected 403)`);
        else if (allowed && (res.status === 401 || res.status === 403) && !r.isPublic)
          failures.push(`${label} (expected access)`);
      }
      matrix.push(`${`${r.method} ${r.path}`.padEnd(60)}${row.join('')}`);
    }
    expect(failures).toEqual([]);
  });

  it('lets only administrators edit an office (reference.manage)', () => {
    const route = routes.find((r) => r.method === 'PATCH' && r.path === '/api/v1/reference/offices/:code');
    expect(route?.permission).toBe('reference.manage');
    expect(WHO.filter((w) => w !== 'ANONYMOUS' && can(w, 'reference.manage'))).toEqual(['ADMIN']);
  });

  it("never lets an officer reach another office's case, nor a family another family's case (404 like a missing id)", async () => {
    await signInAll();
    const scoped = routes.filter((r) => /\/cases\/:id\b/.test(r.path));
    expect(scoped.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const r of scoped) {
      const who: Who = r.path.startsWith('/api/v1/family/') ? 'FAMILY' : 'LIAISON_OFFICER';
      if (!can(who as Role, r.permission as Permission)) continue;
      const target = who === 'FAMILY' ? otherFamilyCase : otherOfficeCase;
      const res = await call(clients.get(who)!, r, target);
      const missing = await call(clients.get(who)!, r, RANDOM_UUID);
      // Body validation may answer first for an empty body; what must never happen is success,
      // or an answer that differs from the one for an id that does not exist.
      if (res.status < 400 || res.status !== missing.status)
        failures.push(`${r.method} ${r.path} as ${who}: ${res.status} (missing id: ${missing.status})`);
      if (r.method === 'GET' && res.status !== 404)
        failures.push(`${r.method} ${r.path} as ${who}: ${res.status}, expected 404`);
    }
    expect(failures).toEqual([]);
  });
});
