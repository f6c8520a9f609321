// Property-based tests of the write endpoints the first property spec left out, driven by the
// shared zod schemas: for arbitrary bodies the API agrees with `Schema.safeParse`. Invalid: 400
// naming a field the zod issues name, and no table's row count changes (the audit trail
// included). Valid: never a 5xx, and the accepted strings come back byte for byte (after the
// schema's trim). PROPERTY_RUNS sets the number of runs (default 25).
import {
  ChangeCaseStatusRequestSchema,
  CONTACT_LANGUAGES,
  CreateCaseMessageRequestSchema,
  CreateConsentRequestSchema,
  CreateReferralRequestSchema,
  CreateUserRequestSchema,
  EraseRelativeRequestSchema,
  FamilyInformedRequestSchema,
  FATE_STATUSES,
  AssignCaseRequestSchema,
  MergeCaseRequestSchema,
  PortalLetterRequestSchema,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  RELATIONSHIPS,
  SaveImportMappingRequestSchema,
  IMPORT_FIELDS,
  UpdateAttachmentRequestSchema,
  UpdateCaseRequestSchema,
  UpdateContactRequestSchema,
  UpdateReferralRequestSchema,
  UpdateRelativeRequestSchema,
  UpdateUserRequestSchema,
  UpdateOfficeRequestSchema,
  WithdrawConsentRequestSchema,
  WORKFLOW_STATUSES,
} from '@mprc/contracts';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDF, createCase, multipart } from '../cases/fixtures.js';
import { createTestApp, type ApiClient, type HttpResult, type TestApp } from '../setup/test-app.js';
import { acceptable, fieldsOf, snapshot, STRESS, textish, uuidish } from './hostile-helpers.js';

const numRuns = Number(process.env.PROPERTY_RUNS ?? 25);
const LONG = 120_000;

let t: TestApp;
let officer: ApiClient;
let manager: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  manager = await t.signedIn('MANAGER');
  admin = await t.signedIn('ADMIN');
});
afterAll(async () => t?.close());

const today = () => new Date().toISOString().slice(0, 10);
const dateish = fc.oneof(
  fc.constantFrom('2001-02-03', '1999-02-30', '2099-01-01', '1999', 'yesterday', '', null, 20010203),
  fc.constant(undefined).map(() => today()),
  fc
    .date({ min: new Date('1950-01-01'), max: new Date('2020-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const versionish = fc.oneof(fc.constantFrom(1, 0, -1, 1.5, '1', null), fc.integer({ min: 1, max: 5 }));

/**
 * Sends one body; checks the API agrees with the schema's verdict. An invalid body must answer
 * 400 naming fields the schema names, with no row stored anywhere. Returns the parsed value for
 * a valid one (the caller checks what was stored), or undefined.
 */
async function agrees<S extends z.ZodType>(
  schema: S,
  body: unknown,
  send: () => Promise<HttpResult>,
): Promise<{ res: HttpResult; data?: z.output<S> }> {
  const parsed = schema.safeParse(body);
  const before = parsed.success ? undefined : await snapshot(t.pool);
  const res = await send();
  expect(
    res.status,
    `${res.status} ${res.text?.slice(0, 400)} for ${JSON.stringify(body)?.slice(0, 400)}`,
  ).toBeLessThan(500);
  if (parsed.success) return { res, data: parsed.data };
  expect(res.status, res.text).toBe(400);
  const zodFields = parsed.error.issues.map((i) => i.path.map(String).join('.') || '(root)');
  const apiFields = fieldsOf(res);
  expect(apiFields.length, res.text).toBeGreaterThan(0);
  for (const f of apiFields)
    expect(
      zodFields.some((z) => z === f || z.startsWith(`${f}.`) || f.startsWith(`${z}.`) || f === z.split('.')[0]),
      `${f} not in ${zodFields.join(',')}`,
    ).toBe(true);
  expect(await snapshot(t.pool)).toEqual(before);
  return { res };
}

/** 2xx, or one of the refusals a valid body may still meet (state, reference data, scope). */
const settled = (res: HttpResult, ok: number[], refusals: number[] = []) =>
  expect([...ok, ...refusals], `${res.status} ${res.text?.slice(0, 400)}`).toContain(res.status);

describe('case writes', () => {
  it('PATCH /api/v1/cases/:id', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            firstName: textish(100),
            lastName: textish(100),
            fatherName: textish(100),
            otherNames: fc.array(textish(200), { maxLength: 3 }),
            lastSeenPlace: textish(500),
            circumstances: textish(10_000),
            sex: fc.constantFrom('MALE', 'FEMALE', 'X'),
            version: fc.oneof(fc.constant('CURRENT'), versionish),
          },
          { requiredKeys: [] },
        ),
        async (raw) => {
          const current = (await officer.get(`/api/v1/cases/${c.id}`)).body.version;
          const body = { ...raw, version: raw.version === 'CURRENT' ? current : raw.version };
          const { res, data } = await agrees(UpdateCaseRequestSchema, body, () =>
            officer.patch(`/api/v1/cases/${c.id}`, body),
          );
          if (!data) return;
          settled(res, [200], [409]);
          if (res.status !== 200) return;
          const got = (await officer.get(`/api/v1/cases/${c.id}`)).body;
          for (const key of [
            'firstName',
            'lastName',
            'fatherName',
            'otherNames',
            'lastSeenPlace',
            'circumstances',
          ] as const)
            if (data[key] !== undefined) expect(got[key]).toEqual(data[key]);
        },
      ),
      { numRuns },
    );
  });

  it('POST /api/v1/cases/:id/status', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            fateStatus: fc.constantFrom(...FATE_STATUSES, 'ALIVE?', ''),
            workflowStatus: fc.constantFrom(...WORKFLOW_STATUSES, 'nope'),
            note: textish(4000),
            familyMessage: textish(4000),
            version: versionish,
          },
          { requiredKeys: ['note'] },
        ),
        async (body) => {
          const { res, data } = await agrees(ChangeCaseStatusRequestSchema, body, () =>
            manager.post(`/api/v1/cases/${c.id}/status`, body),
          );
          if (!data) return;
          settled(res, [200], [409]);
          if (res.status !== 200) return;
          const timeline = (await manager.get(`/api/v1/cases/${c.id}/timeline`)).body as { note: string | null }[];
          expect(timeline.some((e) => e.note === data.note)).toBe(true);
        },
      ),
      { numRuns },
    );
  });

  it('POST /api/v1/cases/:id/family-informed', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(fc.record({ note: textish(4000), informedOn: dateish }, { requiredKeys: [] }), async (body) => {
        const { res, data } = await agrees(FamilyInformedRequestSchema, body, () =>
          manager.post(`/api/v1/cases/${c.id}/family-informed`, body),
        );
        if (data) settled(res, [200], [409]);
      }),
      { numRuns },
    );
  });

  it('POST /api/v1/cases/:id/assign', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    const other = await t.createUser('LIAISON_OFFICER', 'PRISTINA');
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { officerId: fc.oneof(uuidish, fc.constantFrom(other.id, officer.user!.id)), version: versionish },
          { requiredKeys: [] },
        ),
        async (body) => {
          const { res, data } = await agrees(AssignCaseRequestSchema, body, () =>
            manager.post(`/api/v1/cases/${c.id}/assign`, body),
          );
          if (!data) return;
          settled(res, [200], [400, 404, 409]);
          if (res.status === 200) expect(res.body.assignedOfficer?.id ?? null).toBe(data.officerId);
        },
      ),
      { numRuns },
    );
  });

  it('POST /api/v1/cases/:id/merge', { timeout: LONG }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            duplicateCaseId: fc.oneof(uuidish, fc.constant('FRESH')),
            version: fc.oneof(fc.constant('CURRENT'), versionish),
          },
          { requiredKeys: [] },
        ),
        async (raw) => {
          const survivor = await createCase(officer);
          const body = {
            duplicateCaseId: raw.duplicateCaseId === 'FRESH' ? (await createCase(officer)).id : raw.duplicateCaseId,
            version: raw.version === 'CURRENT' ? survivor.version : raw.version,
          };
          const { res, data } = await agrees(MergeCaseRequestSchema, body, () =>
            manager.post(`/api/v1/cases/${survivor.id}/merge`, body),
          );
          if (data) settled(res, [200], [400, 404, 409]);
        },
      ),
      { numRuns },
    );
  });
});

describe('referrals', () => {
  it('POST /api/v1/cases/:id/referrals', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            service: fc.constantFrom(...REFERRAL_SERVICES, 'LEGAL', ''),
            organisation: textish(200),
            purpose: textish(4000),
            referredOn: dateish,
          },
          { requiredKeys: ['service'] },
        ),
        async (body) => {
          const { res, data } = await agrees(CreateReferralRequestSchema, body, () =>
            officer.post(`/api/v1/cases/${c.id}/referrals`, body),
          );
          if (!data) return;
          settled(res, [201]);
          expect(res.body).toMatchObject({ organisation: data.organisation, purpose: data.purpose ?? null });
          const list = (await officer.get(`/api/v1/cases/${c.id}/referrals`)).body as { id: string }[];
          expect(list.find((r) => r.id === res.body.id)).toMatchObject({ organisation: data.organisation });
        },
      ),
      { numRuns },
    );
  });

  it('PATCH /api/v1/cases/:id/referrals/:referralId', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { status: fc.constantFrom(...REFERRAL_STATUSES, 'OPEN'), organisation: textish(200), purpose: textish(4000) },
          { requiredKeys: [] },
        ),
        async (body) => {
          const created = await officer.post(`/api/v1/cases/${c.id}/referrals`, {
            service: 'LEGAL_AID',
            organisation: 'Fictional Legal Aid (test)',
          });
          expect(created.status).toBe(201);
          const { res, data } = await agrees(UpdateReferralRequestSchema, body, () =>
            officer.patch(`/api/v1/cases/${c.id}/referrals/${created.body.id}`, body),
          );
          if (!data) return;
          settled(res, [200], [409]);
          if (res.status !== 200) return;
          if (data.organisation !== undefined) expect(res.body.organisation).toBe(data.organisation);
          if (data.purpose !== undefined) expect(res.body.purpose).toBe(data.purpose);
        },
      ),
      { numRuns },
    );
  });
});

describe('relatives, consents, erasure, portal letters', () => {
  const newRelative = async (caseId: string) => {
    const res = await officer.post(`/api/v1/cases/${caseId}/relatives`, {
      firstName: 'Testa',
      lastName: 'Relativja',
      relationship: 'MOTHER',
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  };

  it('PATCH /api/v1/cases/:id/relatives/:relativeId', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    const relativeId = await newRelative(c.id);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            firstName: textish(100),
            lastName: textish(100),
            phone: fc.oneof(fc.constantFrom('+383 44 123 456', '12', '', null), fc.string({ maxLength: 15 })),
            email: fc.oneof(fc.constantFrom('a@example.org', 'nope', '', null), fc.string({ maxLength: 15 })),
            address: textish(500),
            preferredLanguage: fc.constantFrom(...CONTACT_LANGUAGES, 'xx'),
            relationship: fc.constantFrom(...RELATIONSHIPS, 'FRIEND'),
            isPrimaryContact: fc.oneof(fc.boolean(), fc.constant('yes')),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const { res, data } = await agrees(UpdateRelativeRequestSchema, body, () =>
            officer.patch(`/api/v1/cases/${c.id}/relatives/${relativeId}`, body),
          );
          if (!data) return;
          settled(res, [200]);
          for (const key of ['firstName', 'lastName', 'address', 'email'] as const)
            if (data[key] !== undefined) expect(res.body[key]).toEqual(data[key]);
        },
      ),
      { numRuns },
    );
  });

  it('POST /api/v1/cases/:id/relatives/:relativeId/consents', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    const relativeId = await newRelative(c.id);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ organisation: textish(200), givenOn: dateish }, { requiredKeys: [] }),
        async (body) => {
          const { res, data } = await agrees(CreateConsentRequestSchema, body, () =>
            officer.post(`/api/v1/cases/${c.id}/relatives/${relativeId}/consents`, body),
          );
          if (!data) return;
          settled(res, [201], [409]);
          if (res.status === 201) expect(res.body.organisation).toBe(data.organisation);
        },
      ),
      { numRuns },
    );
  });

  it('PATCH /api/v1/cases/:id/relatives/:relativeId/consents/:consentId', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    const relativeId = await newRelative(c.id);
    await fc.assert(
      fc.asyncProperty(fc.record({ withdrawnOn: dateish }, { requiredKeys: [] }), async (body) => {
        const consent = await officer.post(`/api/v1/cases/${c.id}/relatives/${relativeId}/consents`, {
          organisation: 'ICRC',
          givenOn: '2001-01-01',
        });
        expect(consent.status, consent.text).toBe(201);
        const { res, data } = await agrees(WithdrawConsentRequestSchema, body, () =>
          officer.patch(`/api/v1/cases/${c.id}/relatives/${relativeId}/consents/${consent.body.id}`, body),
        );
        if (data) settled(res, [200], [400, 409]);
      }),
      { numRuns },
    );
  });

  it('POST /api/v1/cases/:id/relatives/:relativeId/erase', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(fc.record({ reason: textish(500) }, { requiredKeys: [] }), async (body) => {
        const relativeId = await newRelative(c.id);
        const { res, data } = await agrees(EraseRelativeRequestSchema, body, () =>
          manager.post(`/api/v1/cases/${c.id}/relatives/${relativeId}/erase`, body),
        );
        if (!data) return;
        settled(res, [200], [409]);
        if (res.status === 200) {
          const { rows } = await t.pool.query(
            `SELECT details FROM audit_entry WHERE action = 'relative.erase' ORDER BY seq DESC LIMIT 1`,
          );
          expect(rows[0]?.details?.reason).toBe(data.reason);
        }
      }),
      { numRuns },
    );
  });

  it('POST /api/v1/cases/:id/relatives/:relativeId/portal-access/letter', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    const relativeId = await newRelative(c.id);
    const issued = await officer.post(`/api/v1/cases/${c.id}/relatives/${relativeId}/portal-access`);
    expect(issued.status, issued.text).toBe(201);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { accessCode: fc.oneof(textish(64), fc.constant(issued.body.accessCode as string)) },
          { requiredKeys: [] },
        ),
        fc.record({
          script: fc.constantFrom('latn', 'cyrl', '../x', undefined),
          language: fc.constantFrom('sq', 'sr', 'zz', undefined),
        }),
        async (body, query) => {
          const { res } = await agrees(PortalLetterRequestSchema, body, () =>
            officer.post(`/api/v1/cases/${c.id}/relatives/${relativeId}/portal-access/letter`, body, { query }),
          );
          if (res.status === 200) expect(String(res.headers['content-type'])).toContain('application/pdf');
        },
      ),
      { numRuns },
    );
  });
});

describe('contacts, attachments, staff messages', () => {
  it('PATCH /api/v1/cases/:id/contacts/:contactId', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    const contact = await officer.post(`/api/v1/cases/${c.id}/contacts`, {
      channel: 'PHONE',
      occurredAt: new Date().toISOString(),
      summary: 'Test call (fictional)',
      followUpOn: '2030-01-01',
    });
    expect(contact.status, contact.text).toBe(201);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            followUpDone: fc.oneof(fc.boolean(), fc.constant('true')),
            followUpOn: fc.oneof(dateish, fc.string({ maxLength: 10 })),
            familyVisibleSummary: textish(4000),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const { res, data } = await agrees(UpdateContactRequestSchema, body, () =>
            officer.patch(`/api/v1/cases/${c.id}/contacts/${contact.body.id}`, body),
          );
          if (!data) return;
          settled(res, [200]);
          if (data.familyVisibleSummary !== undefined)
            expect(res.body.familyVisibleSummary).toBe(data.familyVisibleSummary);
          if (data.followUpOn !== undefined) expect(res.body.followUpOn).toBe(data.followUpOn);
        },
      ),
      { numRuns },
    );
  });

  it('PATCH /api/v1/cases/:id/attachments/:attachmentId', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    const up = await officer.post(
      `/api/v1/cases/${c.id}/attachments`,
      undefined,
      multipart([{ name: 'file', fileName: 'letter.pdf', contentType: 'application/pdf', data: PDF }]),
    );
    expect(up.status, up.text).toBe(201);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { visibility: fc.constantFrom('INTERNAL', 'FAMILY', 'PUBLIC'), description: textish(500) },
          { requiredKeys: [] },
        ),
        async (body) => {
          const { res, data } = await agrees(UpdateAttachmentRequestSchema, body, () =>
            officer.patch(`/api/v1/cases/${c.id}/attachments/${up.body.id}`, body),
          );
          if (!data) return;
          settled(res, [200]);
          if (data.description !== undefined) expect(res.body.description).toBe(data.description);
        },
      ),
      { numRuns },
    );
  });

  it('POST /api/v1/cases/:id/messages', { timeout: LONG }, async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(
        fc.record({ body: textish(4000), relativeId: uuidish }, { requiredKeys: ['body'] }),
        async (body) => {
          const { res, data } = await agrees(CreateCaseMessageRequestSchema, body, () =>
            officer.post(`/api/v1/cases/${c.id}/messages`, body),
          );
          if (!data) return;
          settled(res, [201], [400, 404, 409]);
          if (res.status === 201) expect(res.body.body).toBe(data.body);
        },
      ),
      { numRuns },
    );
  });
});

describe('users and saved import mappings', () => {
  it('POST /api/v1/users', { timeout: LONG }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            email: fc.oneof(
              fc.emailAddress(),
              fc.constantFrom(
                'A.Tester@Example.ORG ',
                'nope',
                '',
                'a@b',
                `${'x'.repeat(250)}@e.org`,
                "o'neil@example.org",
              ),
              textish(254),
            ),
            name: textish(200),
            role: fc.constantFrom('ADMIN', 'MANAGER', 'LIAISON_OFFICER', 'FAMILY', 'ROOT'),
            officeCode: fc.constantFrom('PRISTINA', 'MITROVICA', 'NOWHERE', 'pristina', '', null),
            password: fc.oneof(
              fc.constantFrom('short', 'correct horse battery staple 43', 'password1234', 'x'.repeat(257)),
              fc.string({ minLength: 10, maxLength: 40 }),
              fc.string({ unit: 'grapheme', minLength: 12, maxLength: 30 }),
            ),
          },
          { requiredKeys: ['email', 'name'] },
        ),
        async (body) => {
          const { res, data } = await agrees(CreateUserRequestSchema, body, () => admin.post('/api/v1/users', body));
          if (!data) return;
          settled(res, [201], [400, 409]);
          if (res.status === 400)
            expect(
              fieldsOf(res).every((f) => ['password', 'officeCode'].includes(f)),
              res.text,
            ).toBe(true);
          if (res.status === 201) {
            expect(res.body).toMatchObject({ email: data.email, name: data.name, role: data.role });
            const got = await admin.get(`/api/v1/users/${res.body.id}`);
            expect(got.body).toMatchObject({ email: data.email, name: data.name });
          }
        },
      ),
      { numRuns },
    );
  });

  it('PATCH /api/v1/users/:id', { timeout: LONG }, async () => {
    const target = await t.createUser('LIAISON_OFFICER', 'PRISTINA');
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: textish(200),
            role: fc.constantFrom('ADMIN', 'MANAGER', 'LIAISON_OFFICER', 'FAMILY'),
            officeCode: fc.constantFrom('PRISTINA', 'MITROVICA', 'NOWHERE', '', null),
            isActive: fc.oneof(fc.boolean(), fc.constant('false')),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const { res, data } = await agrees(UpdateUserRequestSchema, body, () =>
            admin.patch(`/api/v1/users/${target.id}`, body),
          );
          if (!data) return;
          settled(res, [200], [400, 409]);
          if (res.status === 200 && data.name !== undefined) expect(res.body.name).toBe(data.name);
        },
      ),
      { numRuns },
    );
  });

  it('POST /api/v1/imports/mappings', { timeout: LONG }, async () => {
    const header = fc.oneof(textish(200), fc.constantFrom('First name', 'Mbiemri', 'Презиме', STRESS.rtl));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: textish(100),
            mapping: fc.oneof(
              fc.dictionary(
                fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('a\u0000b', STRESS.emoji, STRESS.script)),
                fc.constantFrom(...IMPORT_FIELDS, 'password'),
                { maxKeys: 4 },
              ),
              fc.tuple(header, header).map(([a, b]) => ({ [String(a)]: 'firstName', [String(b)]: 'lastName' })),
              fc.constantFrom(null, [], 'firstName', { __proto__: { x: 1 } }),
            ),
            defaultOfficeCode: fc.constantFrom('PRISTINA', 'NOWHERE', 'bad code', ''),
          },
          { requiredKeys: ['mapping'] },
        ),
        async (body) => {
          const { res, data } = await agrees(SaveImportMappingRequestSchema, body, () =>
            manager.post('/api/v1/imports/mappings', body),
          );
          if (!data) return;
          settled(res, [201], [400]);
          if (res.status !== 201) return;
          expect(res.body).toMatchObject({ name: data.name, mapping: data.mapping });
          const saved = (await manager.get('/api/v1/imports/mappings')).body as { id: string; name: string }[];
          expect(saved.find((m) => m.id === res.body.id)).toMatchObject({ name: data.name, mapping: data.mapping });
        },
      ),
      { numRuns },
    );
  });

  it('DELETE /api/v1/imports/mappings/:mappingId refuses hostile ids without a 5xx', async () => {
    for (const id of ['x', "' OR 1=1 --", '..%2F..%2Fetc', '00000000-0000-4000-8000-000000000000', '%00']) {
      const before = await snapshot(t.pool);
      const res = await manager.delete(`/api/v1/imports/mappings/${id}`, { junk: [1, 2] });
      expect([400, 404], res.text).toContain(res.status);
      expect(await snapshot(t.pool)).toEqual(before);
    }
    const saved = await manager.post('/api/v1/imports/mappings', {
      name: STRESS.rtl,
      mapping: { [STRESS.cyrillic]: 'firstName', [STRESS.emoji]: 'lastName' },
    });
    expect(saved.status, saved.text).toBe(201);
    expect((await manager.delete(`/api/v1/imports/mappings/${saved.body.id}`)).status).toBe(204);
  });
});

describe('reference data', () => {
  it('PATCH /api/v1/reference/offices/:code', { timeout: LONG }, async () => {
    const hours = fc.oneof(textish(200), fc.constant(undefined));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            phone: fc.oneof(fc.constantFrom('+383 38 000 000', '12', '', null), fc.string({ maxLength: 15 })),
            email: fc.oneof(
              fc.constantFrom('office@example.org', ' Office@Example.ORG ', 'nope', '', null),
              textish(50),
            ),
            hours: fc.oneof(
              fc.record({ sq: hours, sr: hours, en: hours }, { requiredKeys: [] }),
              fc.constantFrom(null, 'x'),
            ),
            extra: fc.constantFrom(undefined, 'x'),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom('PRISTINA', 'MITROVICA', 'NOWHERE', 'pristina', "X' OR '1'='1"),
        async (raw, code) => {
          const body = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined));
          const { res, data } = await agrees(UpdateOfficeRequestSchema, body, () =>
            admin.patch(`/api/v1/reference/offices/${encodeURIComponent(code)}`, body),
          );
          if (!data) return;
          settled(res, [200], [400, 404]);
          if (res.status !== 200) return;
          if (data.phone !== undefined) expect(res.body.phone).toBe(data.phone);
          if (data.email !== undefined) expect(res.body.email).toBe(data.email);
          for (const l of ['sq', 'sr', 'en'] as const)
            if (data.hours?.[l] !== undefined) expect(res.body.hours?.[l] ?? null).toBe(data.hours[l]);
        },
      ),
      { numRuns },
    );
    // Naughty opening hours come back as sent, trimmed.
    for (const s of acceptable(200).filter((_, i) => i % 5 === 0)) {
      const res = await admin.patch('/api/v1/reference/offices/MITROVICA', { hours: { sr: s } });
      expect(res.status, `${res.text} for ${JSON.stringify(s)}`).toBe(200);
      expect(res.body.hours.sr).toBe(s.trim());
    }
  });
});
