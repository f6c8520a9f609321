// Property-based tests driven by the shared zod schemas: for arbitrary request bodies the API must
// agree with `Schema.safeParse` — valid: 201 and the values round-trip; invalid: 400 naming a field
// the zod issues name; never a 5xx. PROPERTY_RUNS sets the number of runs (default 100).
import { CreateCaseRequestSchema, CreateContactRequestSchema, CreateRelativeRequestSchema } from '@mprc/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, fieldsOf } from '../cases/fixtures.js';
import { createTestApp, type ApiClient, type HttpResult, type TestApp } from '../setup/test-app.js';

const numRuns = Number(process.env.PROPERTY_RUNS ?? 100);

let t: TestApp;
let officer: ApiClient;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
});
afterAll(async () => t?.close());

/** Strings that are often valid, sometimes blank, long, NUL-bearing or not strings at all. */
const textish = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom('', '   ', 'x'.repeat(max + 1), 'a\u0000b', 'Ђорђе', 'نور', '👩‍👩‍👧'),
    fc.constantFrom(null, 42, true, ['x']),
  );
const partialDate = fc.oneof(
  fc.constantFrom('1999', '1999-04', '1999-04-12', '2099-01-01', '1999-13', '1999-02-30', 'yesterday', '', null),
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const code = fc.oneof(
  fc.constantFrom('ALBANIAN', 'SERB', 'FERIZAJ', 'PRISTINA', 'NOPE', '', null),
  fc.string({ maxLength: 12 }),
);

/** Asserts the API's answer matches the schema's verdict; returns the parsed value when valid. */
function agrees(res: HttpResult, parsed: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  expect(res.status, res.text).toBeLessThan(500);
  if (parsed.success) return;
  expect(res.status, res.text).toBe(400);
  const zodFields = parsed.error!.issues.map((i) => i.path.map(String).join('.') || '(root)');
  const apiFields = fieldsOf(res);
  expect(apiFields.length, res.text).toBeGreaterThan(0);
  // Every field the API names is one the schema names (the API may stop at fewer).
  for (const f of apiFields)
    expect(
      zodFields.some((z) => z === f || z.startsWith(`${f}.`) || f.startsWith(`${z}.`) || f === z.split('.')[0]),
      `${f} not in ${zodFields.join(',')}`,
    ).toBe(true);
}

describe('the API agrees with the shared schemas', () => {
  it('POST /cases', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            firstName: textish(100),
            lastName: textish(100),
            fatherName: textish(100),
            otherNames: fc.array(textish(200), { maxLength: 3 }),
            sex: fc.constantFrom('MALE', 'FEMALE', 'UNKNOWN', 'other', 1),
            dateOfBirth: partialDate,
            missingSince: partialDate,
            communityCode: code,
            lastSeenMunicipalityCode: code,
            lastSeenPlace: textish(500),
            circumstances: textish(10_000),
          },
          { requiredKeys: ['firstName', 'lastName'] },
        ),
        async (body) => {
          const parsed = CreateCaseRequestSchema.safeParse(body);
          const res = await officer.post('/api/v1/cases', body);
          agrees(res, parsed);
          if (!parsed.success) return;
          // Valid by the schema may still be refused by reference data (an unknown code): 400, never 5xx.
          if (res.status === 400) {
            expect(
              fieldsOf(res).every((f) => /Code$/.test(f)),
              res.text,
            ).toBe(true);
            return;
          }
          expect(res.status, res.text).toBe(201);
          const got = (await officer.get(`/api/v1/cases/${res.body.id}`)).body;
          const v = parsed.data;
          expect(got).toMatchObject({
            firstName: v.firstName,
            lastName: v.lastName,
            fatherName: v.fatherName ?? null,
            otherNames: v.otherNames,
            lastSeenPlace: v.lastSeenPlace ?? null,
            circumstances: v.circumstances ?? null,
          });
        },
      ),
      { numRuns },
    );
  });

  it('POST /cases/:id/contacts', async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            channel: fc.constantFrom('VISIT', 'PHONE', 'EMAIL', 'FAX', ''),
            occurredAt: fc.oneof(
              fc
                .date({ min: new Date('2000-01-01'), max: new Date(Date.now() + 86_400_000), noInvalidDate: true })
                .map((d) => d.toISOString()),
              fc.constantFrom('2020-01-01', 'now', ''),
            ),
            summary: textish(10_000),
            familyVisibleSummary: textish(4000),
            interpreterUsed: fc.oneof(fc.boolean(), fc.constant('yes')),
            followUpOn: fc.oneof(fc.constantFrom('', null, '2030-01-01', '2020-02-30'), fc.string({ maxLength: 10 })),
          },
          { requiredKeys: ['channel', 'summary'] },
        ),
        async (body) => {
          const parsed = CreateContactRequestSchema.safeParse(body);
          const res = await officer.post(`/api/v1/cases/${c.id}/contacts`, body);
          agrees(res, parsed);
          if (!parsed.success) return;
          expect(res.status, res.text).toBe(201);
          expect(res.body).toMatchObject({
            summary: parsed.data.summary,
            familyVisibleSummary: parsed.data.familyVisibleSummary ?? null,
          });
        },
      ),
      { numRuns },
    );
  });

  it('POST /cases/:id/relatives', async () => {
    const c = await createCase(officer);
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            firstName: textish(100),
            lastName: textish(100),
            relationship: fc.constantFrom('MOTHER', 'SON', 'OTHER', 'FRIEND', ''),
            phone: fc.oneof(fc.constantFrom('+383 44 123 456', '12', 'abc', '', null), fc.string({ maxLength: 15 })),
            email: fc.oneof(
              fc.constantFrom('a@example.org', 'A@Example.ORG ', 'nope', '', null),
              fc.string({ maxLength: 15 }),
            ),
            address: textish(500),
            preferredLanguage: fc.constantFrom('sq', 'sr', 'en', 'xx'),
          },
          { requiredKeys: ['relationship'] },
        ),
        async (body) => {
          const parsed = CreateRelativeRequestSchema.safeParse(body);
          const res = await officer.post(`/api/v1/cases/${c.id}/relatives`, body);
          agrees(res, parsed);
          if (!parsed.success) return;
          expect(res.status, res.text).toBe(201);
          expect(res.body).toMatchObject({
            firstName: parsed.data.firstName,
            lastName: parsed.data.lastName,
            address: parsed.data.address ?? null,
            email: parsed.data.email ?? null,
          });
        },
      ),
      { numRuns },
    );
  });
});
