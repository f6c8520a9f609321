// Every write route of the application (from the route inventory) must be fuzzed by a hardening
// spec, or be exempt here with a reason: a new POST/PATCH/PUT/DELETE without a fuzz case fails.
// A spec covers a route by naming it exactly (POST /api/v1/cases/:id/referrals) in a describe
// or it title; the older specs, written before this rule, are listed with the file that covers
// the route.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRoutes } from '../../src/common/http/route-inventory.js';
import { createTestApp, type TestApp } from '../setup/test-app.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Routes fuzzed by the first hardening specs (property.int-spec.ts, hostile-input.int-spec.ts). */
const COVERED_BY_EARLIER_SPECS: Record<string, string> = {
  'POST /api/v1/cases': 'property.int-spec.ts',
  'POST /api/v1/cases/:id/contacts': 'property.int-spec.ts',
  'POST /api/v1/cases/:id/relatives': 'property.int-spec.ts',
  'POST /api/v1/cases/:id/attachments': 'hostile-input.int-spec.ts',
  'POST /api/v1/family/cases/:id/messages': 'hostile-input.int-spec.ts',
  'PATCH /api/v1/family/me': 'hostile-input.int-spec.ts',
};

/** Write routes without a fuzz case, and why. */
const EXEMPT: Record<string, string> = {
  'POST /api/v1/auth/logout': 'takes no body; ends the caller’s own session',
  'POST /api/v1/family/logout': 'takes no body; ends the caller’s own session',
  'POST /api/v1/auth/mfa/enrollment': 'takes no body; answers a fresh secret',
};

describe('write route inventory', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('every write route has a hostile-input or property case, or an exemption with a reason', () => {
    const routes = listRoutes(t.app)
      .filter((r) => WRITE.has(r.method) && r.path.startsWith('/api/v1/'))
      .map((r) => `${r.method} ${r.path}`);
    expect(routes.length).toBeGreaterThan(20);
    const specs = readdirSync(HERE)
      .filter((f) => /^(property|hostile)-.*\.int-spec\.ts$/.test(f) && f !== 'hostile-route-inventory.int-spec.ts')
      .map((f) => readFileSync(`${HERE}/${f}`, 'utf8'))
      .join('\n');
    // Named as a whole: 'POST /api/v1/cases/:id/messages' does not count for '.../messages/read'.
    const named = (r: string) => new RegExp(`(^|[^\\w/])${escape(r)}(?![\\w/-]|:\\w)`).test(specs);
    const missing = routes.filter((r) => !COVERED_BY_EARLIER_SPECS[r] && !EXEMPT[r] && !named(r));
    expect(missing, 'write routes without a fuzz case: add one to a hardening spec or exempt it').toEqual([]);
    // Entries for routes that no longer exist are stale.
    const stale = [...Object.keys(COVERED_BY_EARLIER_SPECS), ...Object.keys(EXEMPT)].filter((r) => !routes.includes(r));
    expect(stale).toEqual([]);
    for (const [route, file] of Object.entries(COVERED_BY_EARLIER_SPECS)) {
      const text = readFileSync(`${HERE}/${file}`, 'utf8');
      const tail = route.split(' ')[1].replace('/api/v1', '').split('/:id').pop()!;
      expect(text.includes(tail), `${file} should exercise ${route}`).toBe(true);
    }
  });
});
