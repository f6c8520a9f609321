import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { createCase } from './fixtures.js';

// A name many cases share: the list ranks and counts at most 1,000 hits of a relevance search and
// says the total is a lower bound; further pages, other orders and narrower searches count exactly.
// The names are invented (no real person's).

const CAP = 1000;
const COMMON = 1050; // cases named Zuzuljaj (more than the cap)

let t: TestApp;
let manager: ApiClient;
let officer: ApiClient;

interface Page {
  items: { id: string; firstName: string; lastName: string; score: number | null }[];
  total: number;
  totalIsLowerBound: boolean;
  page: number;
  pageSize: number;
}

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
  officer = await t.signedIn('LIAISON_OFFICER', 'MITROVICA');
  // Bulk fixture straight into the table (the search reads the database; 1,050 API calls would
  // only slow the test): search_text and the name vocabulary come from the triggers.
  await t.pool.query(
    `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, updated_at)
     SELECT gen_random_uuid(), 'MP-' || lpad((900000 + n)::text, 6, '0'),
            (SELECT id FROM office WHERE code = CASE WHEN n % 3 = 0 THEN 'MITROVICA' ELSE 'PRISTINA' END),
            CASE WHEN n <= 4 THEN 'Ardit' ELSE 'Testim' END, 'Zuzuljaj', now() - n * interval '1 minute'
       FROM generate_series(1, $1::int) AS n`,
    [COMMON],
  );
  // Near spellings, which rank after the exact ones.
  for (const lastName of ['Zuzulaj', 'Zuzuljai'])
    await createCase(manager, { firstName: 'Testim', lastName, officeCode: 'PRISTINA' });
});
afterAll(async () => t?.close());

const list = async (client: ApiClient, query: Record<string, string | number>) => {
  const res = await client.get('/api/v1/cases', { query });
  expect(res.status, res.text).toBe(200);
  return res.body as Page;
};

describe('a relevance search with more hits than it ranks', () => {
  it('answers 1,000 as a lower bound, exact spellings first', async () => {
    const page = await list(manager, { q: 'Zuzuljaj' });
    expect(page).toMatchObject({ total: CAP, totalIsLowerBound: true, page: 1, pageSize: 25 });
    expect(page.items).toHaveLength(25);
    expect(page.items.every((i) => i.lastName === 'Zuzuljaj' && i.score === 1)).toBe(true);
    // Cyrillic and the Serbian spelling fold to the same words.
    expect(await list(manager, { q: 'Зузуљај' })).toMatchObject({ total: CAP, totalIsLowerBound: true });
  });

  it('pages up to the cap with the same answer, and counts every hit beyond it', async () => {
    const last = await list(manager, { q: 'Zuzuljaj', page: CAP / 25 });
    expect(last).toMatchObject({ total: CAP, totalIsLowerBound: true });
    expect(last.items).toHaveLength(25);
    const first = await list(manager, { q: 'Zuzuljaj' });
    expect(new Set([...first.items, ...last.items].map((i) => i.id)).size).toBe(50);
    // Past the cap every hit is ranked: the exact count, near spellings included, last.
    const beyond = await list(manager, { q: 'Zuzuljaj', page: 43 });
    expect(beyond).toMatchObject({ total: COMMON + 2, totalIsLowerBound: false });
    expect(
      beyond.items
        .map((i) => i.lastName)
        .slice(-2)
        .sort(),
    ).toEqual(['Zuzulaj', 'Zuzuljai']);
  });

  it('counts exactly when another order is asked for, or the search is narrower', async () => {
    expect(await list(manager, { q: 'Zuzuljaj', sort: 'caseNumber' })).toMatchObject({
      total: COMMON + 2,
      totalIsLowerBound: false,
    });
    const ardit = await list(manager, { q: 'Ardit Zuzuljaj' });
    expect(ardit).toMatchObject({ total: 4, totalIsLowerBound: false });
    expect(ardit.items.every((i) => i.firstName === 'Ardit')).toBe(true);
    // A typo in a rarer name: every near spelling is found and counted.
    const typo = await list(manager, { q: 'Zuzulai' });
    expect(typo.totalIsLowerBound).toBe(true);
    expect(typo.total).toBe(CAP);
  });

  it("keeps to the officer's office and to the filters", async () => {
    const mitrovica = Math.floor(COMMON / 3);
    expect(await list(officer, { q: 'Zuzuljaj' })).toMatchObject({ total: mitrovica, totalIsLowerBound: false });
    expect(await list(manager, { q: 'Zuzuljaj', officeCode: 'MITROVICA' })).toMatchObject({
      total: mitrovica,
      totalIsLowerBound: false,
    });
    expect(await list(manager, { q: 'Zuzuljaj', fateStatus: 'IDENTIFIED' })).toMatchObject({
      total: 0,
      totalIsLowerBound: false,
      items: [],
    });
  });

  it('lists without a search with an exact total', async () => {
    expect(await list(manager, { officeCode: 'PRISTINA', pageSize: 10 })).toMatchObject({
      total: COMMON - Math.floor(COMMON / 3) + 2,
      totalIsLowerBound: false,
    });
  });

  it('finds a name as soon as it is written or changed (the word vocabulary follows the cases)', async () => {
    const created = await createCase(manager, { firstName: 'Qendresa', lastName: 'Xyxylaj', officeCode: 'PRISTINA' });
    expect((await list(manager, { q: 'Xyxylai' })).items.map((i) => i.id)).toEqual([created.id]);
    const res = await manager.patch(`/api/v1/cases/${created.id}`, { version: created.version, lastName: 'Wywywaj' });
    expect(res.status, res.text).toBe(200);
    expect((await list(manager, { q: 'Wywywaj' })).items.map((i) => i.id)).toEqual([created.id]);
    expect((await list(manager, { q: 'Xyxylaj' })).total).toBe(0);
  });
});
