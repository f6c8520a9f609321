import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { createCase, fieldsOf } from './fixtures.js';

// Names of one person arrive in Albanian spelling, Serbian Latin, Serbian Cyrillic, ASCII and with
// typos; the search must find them across all of these and rank the person first.

let t: TestApp;
let manager: ApiClient;
const people: Record<string, { id: string; caseNumber: string }> = {};

const PEOPLE = {
  djordjevic: {
    firstName: 'Dragan',
    lastName: 'Đorđević',
    fatherName: 'Milan',
    communityCode: 'SERB',
    officeCode: 'MITROVICA',
    missingSince: '1999-06',
    lastSeenMunicipalityCode: 'MITROVICE_VERI',
    externalReferences: [{ system: 'ICRC' as const, reference: 'KOS-DJ-0042' }],
  },
  djuric: {
    firstName: 'Dragan',
    lastName: 'Đurić',
    fatherName: 'Petar',
    communityCode: 'SERB',
    officeCode: 'MITROVICA',
    missingSince: '1999-07-02',
  },
  krasniqi: {
    firstName: 'Agim',
    lastName: 'Krasniqi',
    fatherName: 'Rexhep',
    communityCode: 'ALBANIAN',
    officeCode: 'PRISTINA',
    missingSince: '1998',
    lastSeenMunicipalityCode: 'FERIZAJ',
  },
  kryeziu: {
    firstName: 'Agim',
    lastName: 'Kryeziu',
    fatherName: 'Sali',
    communityCode: 'ALBANIAN',
    officeCode: 'PRISTINA',
    missingSince: '1999-04-20',
  },
  hoxha: {
    firstName: 'Fatmir',
    lastName: 'Hoxha',
    fatherName: 'Xhemajl',
    communityCode: 'ALBANIAN',
    officeCode: 'PRISTINA',
    missingSince: '1999-05',
  },
  ceku: {
    firstName: 'Besim',
    lastName: 'Çeku',
    fatherName: 'Qamil',
    communityCode: 'ASHKALI',
    officeCode: 'PRISTINA',
    missingSince: '1999-03-28',
  },
  gashi: {
    firstName: 'Drita',
    lastName: 'Gashi',
    fatherName: 'Zenel',
    sex: 'FEMALE' as const,
    communityCode: 'ALBANIAN',
    officeCode: 'PRISTINA',
    missingSince: '1999-04',
  },
  gusi: {
    firstName: 'Dritan',
    lastName: 'Gusi',
    fatherName: 'Adem',
    communityCode: 'ALBANIAN',
    officeCode: 'PRISTINA',
    missingSince: null,
  },
  jovanovic: {
    firstName: 'Miloš',
    lastName: 'Jovanović',
    fatherName: 'Dragan',
    communityCode: 'MONTENEGRIN',
    officeCode: 'MITROVICA',
    missingSince: '2000-01',
  },
} satisfies Record<string, Record<string, unknown>>;

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
  for (const [key, body] of Object.entries(PEOPLE))
    people[key] = await createCase(manager, { dateOfBirth: '1960', lastSeenMunicipalityCode: null, ...body });
  await manager.post(`/api/v1/cases/${people.hoxha.id}/status`, { fateStatus: 'IDENTIFIED', note: 'DNA' });
  await manager.post(`/api/v1/cases/${people.gashi.id}/status`, { workflowStatus: 'VERIFIED', note: 'ok' });
});
afterAll(async () => t?.close());

const search = async (q: string, extra: Record<string, string | number> = {}) => {
  const res = await manager.get('/api/v1/cases', { query: { q, ...extra } });
  expect(res.status, res.text).toBe(200);
  return res.body as { items: { id: string; lastName: string; score: number }[]; total: number };
};

describe('name search across scripts and spellings', () => {
  it.each([
    ['djordjevic', 'Ђорђевић'],
    ['djordjevic', 'Djordjevic'],
    ['djordjevic', 'Gjorgjeviq'],
    ['djordjevic', 'DJORDJEVIĆ dragan'],
    ['djordjevic', 'Djordjevix'], // one wrong letter
    ['krasniqi', 'Krasnići'],
    ['krasniqi', 'Краснићи'],
    ['krasniqi', 'krasnici'],
    ['krasniqi', 'Krasniki'], // one wrong letter
    ['krasniqi', 'Agim Krasniqi'],
    ['hoxha', 'Hodža'],
    ['hoxha', 'Хоџа'],
    ['hoxha', 'Hodza'],
    ['ceku', 'Čeku'],
    ['ceku', 'Ceku'],
    ['ceku', 'Ћеку'],
    ['gashi', 'Gaši'],
    ['gashi', 'Гаши'],
    ['gashi', 'gashi drita'],
    ['gashi', 'Gashu'], // one wrong letter in a short name
    ['jovanovic', 'Милош Јовановић'],
    ['jovanovic', 'Milos Jovanovic'],
  ])('finds %s first for "%s"', async (who, q) => {
    const res = await search(q);
    expect(res.items[0]?.id, JSON.stringify(res.items.map((i) => i.lastName))).toBe(people[who].id);
    expect(res.items[0].score).toBeGreaterThan(0);
  });

  it("matches the father's name and ranks exact matches above near ones", async () => {
    const father = await search('Xhemajl');
    expect(father.items.map((i) => i.id)).toEqual([people.hoxha.id]);
    const drita = await search('Drita');
    expect(drita.items[0].id).toBe(people.gashi.id);
    expect(drita.items[0].score).toBe(1);
  });

  it('does not match unrelated names', async () => {
    expect((await search('Berisha')).total).toBe(0);
    expect((await search('Zzyzx')).total).toBe(0);
  });

  it('finds a case number however it is typed, and an external reference in any letter case', async () => {
    const n = people.ceku.caseNumber;
    for (const q of [n, n.toLowerCase(), n.slice(3), String(Number(n.slice(3)))]) {
      expect((await search(q)).items[0]?.id, q).toBe(people.ceku.id);
    }
    expect((await search('kos-dj-0042')).items.map((i) => i.id)).toEqual([people.djordjevic.id]);
  });

  it('combines search with filters and pages through results', async () => {
    const agims = await search('Agim');
    expect(agims.total).toBe(2);
    const one = await search('Agim', { pageSize: 1, page: 2 });
    expect(one.items).toHaveLength(1);
    expect(one.total).toBe(2);
    expect((await search('Agim', { lastSeenMunicipalityCode: 'x' })).total).toBe(2); // unknown parameters are ignored
    expect((await search('Agim', { municipalityCode: 'FERIZAJ' })).items.map((i) => i.id)).toEqual([
      people.krasniqi.id,
    ]);
  });
});

describe('list filters, sort and pagination', () => {
  const ids = async (query: Record<string, string | number>) => {
    const res = await manager.get('/api/v1/cases', { query: { pageSize: 100, ...query } });
    expect(res.status, res.text).toBe(200);
    return (res.body.items as { id: string }[]).map((i) => i.id);
  };
  const set = (...keys: (keyof typeof PEOPLE)[]) => keys.map((k) => people[k].id).sort();

  it('filters by status, community, municipality and office', async () => {
    expect(await ids({ fateStatus: 'IDENTIFIED' })).toEqual([people.hoxha.id]);
    expect(await ids({ workflowStatus: 'VERIFIED' })).toEqual([people.gashi.id]);
    expect((await ids({ communityCode: 'SERB' })).sort()).toEqual(set('djordjevic', 'djuric'));
    expect(await ids({ municipalityCode: 'FERIZAJ' })).toEqual([people.krasniqi.id]);
    expect((await ids({ officeCode: 'MITROVICA' })).sort()).toEqual(set('djordjevic', 'djuric', 'jovanovic'));
    expect(await ids({ communityCode: 'NOBODY' })).toEqual([]);
  });

  it('filters by missing date, treating partial dates as ranges', async () => {
    // 1998 (krasniqi) may fall in 1998-12; 1999-04 (gashi) overlaps 1999-04-15..; 1999-03-28 (ceku) does not.
    expect((await ids({ missingFrom: '1998-12', missingTo: '1998-12' })).sort()).toEqual(set('krasniqi'));
    expect((await ids({ missingFrom: '1999-04-15', missingTo: '1999-04-30' })).sort()).toEqual(set('kryeziu', 'gashi'));
    expect((await ids({ missingFrom: '2000' })).sort()).toEqual(set('jovanovic'));
    expect(await ids({ missingTo: '1998' })).toEqual([people.krasniqi.id]);
    const bad = await manager.get('/api/v1/cases', { query: { missingFrom: '2000', missingTo: '1999' } });
    expect(fieldsOf(bad)).toEqual(['missingTo']);
  });

  it('filters by assigned officer', async () => {
    expect((await ids({ assignedOfficerId: 'none' })).length).toBe(Object.keys(PEOPLE).length);
    expect(await ids({ assignedOfficerId: 'me' })).toEqual([]);
  });

  it('sorts by the allowed keys only', async () => {
    const byName = await manager.get('/api/v1/cases', { query: { sort: 'lastName', pageSize: 100 } });
    const names = (byName.body.items as { lastName: string }[]).map((i) => i.lastName);
    // Folded order: Çeku as ceku, Đorđević as djordjevic.
    expect(names).toEqual(['Çeku', 'Đorđević', 'Đurić', 'Gashi', 'Gusi', 'Hoxha', 'Jovanović', 'Krasniqi', 'Kryeziu']);
    const desc = await manager.get('/api/v1/cases', { query: { sort: '-lastName', pageSize: 100 } });
    expect((desc.body.items as { lastName: string }[]).map((i) => i.lastName)).toEqual([...names].reverse());
    const byNumber = await ids({ sort: '-caseNumber' });
    expect(byNumber[0]).toBe(people.jovanovic.id);
    expect(byNumber.at(-1)).toBe(people.djordjevic.id);
    const missing = await manager.get('/api/v1/cases', { query: { sort: 'missingSince', pageSize: 100 } });
    const dates = (missing.body.items as { missingSince: string | null }[]).map((i) => i.missingSince);
    expect(dates[0]).toBe('1998');
    expect(dates.at(-1)).toBeNull();
    for (const sort of ['last_name', 'lastName; DROP TABLE "case"', 'c.id', '-relevance', 'random()']) {
      const res = await manager.get('/api/v1/cases', { query: { sort } });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual(['sort']);
    }
    expect((await t.pool.query('SELECT count(*)::int AS n FROM "case"')).rows[0].n).toBe(Object.keys(PEOPLE).length);
  });

  it('pages with totals and bounds the page size', async () => {
    const page1 = await manager.get('/api/v1/cases', { query: { sort: 'caseNumber', pageSize: 4 } });
    const page3 = await manager.get('/api/v1/cases', { query: { sort: 'caseNumber', pageSize: 4, page: 3 } });
    expect(page1.body).toMatchObject({ total: 9, page: 1, pageSize: 4 });
    expect(page1.body.items).toHaveLength(4);
    expect(page3.body.items).toHaveLength(1);
    expect(page3.body.items[0].id).toBe(people.jovanovic.id);
    expect(fieldsOf(await manager.get('/api/v1/cases', { query: { pageSize: 1000 } }))).toEqual(['pageSize']);
    expect(fieldsOf(await manager.get('/api/v1/cases', { query: { fateStatus: 'DEAD' } }))).toEqual(['fateStatus']);
  });

  it('returns list items with codes and the assigned officer in one query', async () => {
    const res = await manager.get('/api/v1/cases', { query: { q: 'Đorđević' } });
    expect(res.body.items[0]).toMatchObject({
      caseNumber: people.djordjevic.caseNumber,
      firstName: 'Dragan',
      fatherName: 'Milan',
      communityCode: 'SERB',
      lastSeenMunicipalityCode: 'MITROVICE_VERI',
      officeCode: 'MITROVICA',
      assignedOfficer: null,
      fateStatus: 'MISSING',
      workflowStatus: 'NEW',
    });
  });
});
