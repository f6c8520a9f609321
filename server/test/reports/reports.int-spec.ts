import {
  drillDownFilter,
  REPORT_GROUP_BYS,
  type ReportGroupBy,
  type ReportOfficers,
  type ReportSummary,
  type ReportTimeseries,
} from '@mprc/contracts';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { familyClient } from '../setup/family-session.js';
import { createTestApp, type ApiClient, type TestApp } from '../setup/test-app.js';
import { caseFacts, countBy, seedReportData, type CaseFacts, type Seeded } from './report-fixtures.js';

let t: TestApp;
let manager: ApiClient;
let admin: ApiClient;
let officer: ApiClient;
let family: ApiClient;
let seeded: Seeded;
let facts: CaseFacts[];

beforeAll(async () => {
  t = await createTestApp();
  manager = await t.signedIn('MANAGER');
  admin = await t.signedIn('ADMIN');
  officer = await t.signedIn('LIAISON_OFFICER', 'PRISTINA');
  const a = await t.createUser('LIAISON_OFFICER', 'PRISTINA', { name: 'Officer Arta' });
  const b = await t.createUser('LIAISON_OFFICER', 'MITROVICA', { name: 'Službenik Бојан' });
  seeded = await seedReportData(t.pool, a.id, b.id);
  facts = await caseFacts(t.pool);
  const { rows } = await t.pool.query<{ id: string }>(`SELECT id FROM "case" WHERE merged_into_id IS NULL LIMIT 1`);
  family = (await familyClient(t.pool, t.client(), rows[0].id, manager.user!.id)).client;
});
afterAll(async () => t?.close());

const summary = (
  client: ApiClient,
  groupBy: ReportGroupBy,
  query: Record<string, string> = {},
  headers?: Record<string, string>,
) => client.get<ReportSummary>('/api/v1/reports/summary', { query: { groupBy, ...query }, headers });

const listTotal = async (query: Record<string, string>) => {
  const res = await manager.get('/api/v1/cases', { query: { ...query, pageSize: '1' } });
  expect(res.status, res.text).toBe(200);
  return res.body.total as number;
};

describe('GET /api/v1/reports/summary', () => {
  it.each(REPORT_GROUP_BYS)('counts by %s as the database does, merged cases left out', async (groupBy) => {
    const res = await summary(manager, groupBy, { lang: 'en' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.groupBy).toBe(groupBy);
    expect(res.body.total).toBe(facts.length);
    expect(res.body.rows.reduce((s, r) => s + r.count, 0)).toBe(facts.length);
    const expected = countBy(groupBy, facts);
    for (const [key, count] of expected)
      expect(res.body.rows.find((r) => r.key === key)?.count, `${groupBy} ${key}`).toBe(count);
    for (const row of res.body.rows) expect(row.count).toBe(expected.get(row.key) ?? 0);
    expect(facts.some((f) => seeded.merged.includes(f.case_number))).toBe(false);
  });

  it('keeps every status, sex and age group (zero rows too) in their own order', async () => {
    const res = await summary(manager, 'ageGroup', { lang: 'en', fateStatus: 'IDENTIFIED' });
    expect(res.body.rows.map((r) => r.key)).toEqual(['0-17', '18-29', '30-44', '45-59', '60+', 'unknown']);
    const fate = await summary(manager, 'fateStatus', { fateStatus: 'IDENTIFIED' });
    expect(fate.body.rows.map((r) => r.key)).toEqual([
      'MISSING',
      'FOUND_ALIVE',
      'REMAINS_RECOVERED',
      'IDENTIFIED',
      'REMAINS_HANDED_OVER',
    ]);
    expect(fate.body.rows.filter((r) => r.count > 0).map((r) => r.key)).toEqual(['IDENTIFIED']);
  });

  const FILTERS: Record<string, string>[] = [
    {},
    { fateStatus: 'MISSING' },
    { workflowStatus: 'ACTIVE', officeCode: 'PRISTINA' },
    { communityCode: 'SERB' },
    { municipalityCode: 'FERIZAJ' },
    { missingFrom: '1999', missingTo: '1999-05' },
    { missingFrom: '1999-05-01' },
    { assignedOfficerId: 'none' },
    { q: 'Krasniqi' },
    { q: 'Краснићи', fateStatus: 'MISSING' },
    { q: 'Jovanović' },
  ];
  it.each(FILTERS)('counts the same cases as the case list for %o', async (filters) => {
    const expected = await listTotal(filters);
    for (const groupBy of ['fateStatus', 'ageGroup', 'community'] as const) {
      const res = await summary(manager, groupBy, filters);
      expect(res.status, res.text).toBe(200);
      expect(res.body.total, `${groupBy} ${JSON.stringify(filters)}`).toBe(expected);
    }
    if (filters.q) expect(expected).toBeGreaterThan(0);
  });

  it('counts an officer filter as the list does', async () => {
    const filters = { assignedOfficerId: seeded.officerA };
    expect((await summary(manager, 'office', filters)).body.total).toBe(await listTotal(filters));
  });

  it('opens the case list on exactly the cases of each row (drill-down filters)', async () => {
    for (const groupBy of [
      'fateStatus',
      'workflowStatus',
      'community',
      'municipality',
      'office',
      'yearMissing',
    ] as const) {
      const res = await summary(manager, groupBy, { officeCode: 'PRISTINA' });
      for (const row of res.body.rows) {
        const drill = drillDownFilter(groupBy, row.key);
        if (!drill || row.count === 0) continue; // the dashboard links only rows with cases
        const total = await listTotal({ officeCode: 'PRISTINA', ...(drill as Record<string, string>) });
        expect(total, `${groupBy}=${row.key}`).toBe(row.count);
      }
    }
  });

  it('labels rows in the language asked for: lang, else Accept-Language, else Albanian', async () => {
    const label = async (query: Record<string, string>, headers?: Record<string, string>) => {
      const res = await summary(manager, 'fateStatus', query, headers);
      return res.body.rows.find((r) => r.key === 'MISSING')!.label;
    };
    expect(await label({ lang: 'en' })).toBe('Missing');
    expect(await label({ lang: 'sq' })).toBe('I zhdukur');
    expect(await label({ lang: 'sr-Latn' })).toBe('Nestalo lice');
    expect(await label({ lang: 'sr-Cyrl' })).toBe('Нестало лице');
    expect(await label({}, { 'accept-language': 'sr-Cyrl-RS,sr;q=0.9' })).toBe('Нестало лице');
    expect(await label({}, { 'accept-language': 'de-DE, en;q=0.5' })).toBe('Missing');
    expect(await label({}, { 'accept-language': 'de-DE' })).toBe('I zhdukur');
    expect(await label({ lang: 'en' }, { 'accept-language': 'sq' })).toBe('Missing');

    const community = async (lang: string) =>
      (await summary(manager, 'community', { lang })).body.rows.find((r) => r.key === 'SERB')!.label;
    expect(await community('sq')).toBe('Serbë');
    expect(await community('sr-Latn')).toBe('Srbi');
    expect(await community('sr-Cyrl')).toBe('Срби');
    expect(await community('en')).toBe('Serb');
    const notRecorded = (await summary(manager, 'community', { lang: 'en' })).body.rows.at(-1)!;
    expect(notRecorded).toMatchObject({ key: null, label: 'Not recorded' });
    const sex = (await summary(manager, 'sex', { lang: 'sr-Latn' })).body.rows.map((r) => r.label);
    expect(sex).toEqual(['Muški', 'Ženski', 'Nepoznat']);
  });

  it('refuses an unknown groupBy or a bad filter, naming the field', async () => {
    const res = await manager.get('/api/v1/reports/summary', { query: { groupBy: 'colour' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('groupBy');
    const bad = await manager.get('/api/v1/reports/summary', {
      query: { groupBy: 'sex', missingFrom: '2000', missingTo: '1999' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('missingTo');
  });

  it('lets administrators read reports; liaison officers and families get 403, strangers 401', async () => {
    expect((await summary(admin, 'office')).body.total).toBe(facts.length);
    for (const path of [
      '/api/v1/reports/summary?groupBy=sex',
      '/api/v1/reports/timeseries',
      '/api/v1/reports/officers',
      '/api/v1/reports/summary.pdf',
    ]) {
      expect((await officer.get(path)).status, path).toBe(403);
      expect((await family.get(path)).status, path).toBe(403);
      expect((await t.client().get(path)).status, path).toBe(401);
    }
  });
});

describe('GET /api/v1/reports/timeseries', () => {
  it('counts new cases, stage changes and family contacts per month, as the database does', async () => {
    const res = await manager.get<ReportTimeseries>('/api/v1/reports/timeseries');
    expect(res.status, res.text).toBe(200);
    expect(res.body.months).toHaveLength(12);
    const { rows } = await t.pool.query<{ month: string; new_cases: number; stage: number; contacts: number }>(
      `WITH m AS (SELECT to_char(generate_series(date_trunc('month', now() AT TIME ZONE 'Europe/Belgrade') - interval '11 months',
                                                date_trunc('month', now() AT TIME ZONE 'Europe/Belgrade'), interval '1 month'), 'YYYY-MM') AS month),
            live AS (SELECT id, created_at FROM "case" WHERE merged_into_id IS NULL)
       SELECT m.month,
              (SELECT count(*) FROM live WHERE to_char(created_at AT TIME ZONE 'Europe/Belgrade', 'YYYY-MM') = m.month)::int AS new_cases,
              (SELECT count(*) FROM case_event e JOIN live ON live.id = e.case_id
                WHERE e.type IN ('FATE_CHANGED', 'WORKFLOW_CHANGED') AND to_char(e.at AT TIME ZONE 'Europe/Belgrade', 'YYYY-MM') = m.month)::int AS stage,
              (SELECT count(*) FROM contact k JOIN live ON live.id = k.case_id
                WHERE to_char(k.occurred_at AT TIME ZONE 'Europe/Belgrade', 'YYYY-MM') = m.month)::int AS contacts
         FROM m ORDER BY m.month`,
    );
    expect(res.body.months).toEqual(
      rows.map((r) => ({ month: r.month, newCases: r.new_cases, stageChanges: r.stage, familyContacts: r.contacts })),
    );
    expect(res.body.months.reduce((s, m) => s + m.stageChanges, 0)).toBeGreaterThan(0);
    expect(res.body.months.reduce((s, m) => s + m.familyContacts, 0)).toBeGreaterThan(0);
  });

  it('takes a range and the case filters', async () => {
    const res = await manager.get<ReportTimeseries>('/api/v1/reports/timeseries', {
      query: { from: '2020-01', to: '2020-03', officeCode: 'MITROVICA' },
    });
    expect(res.body).toEqual({
      from: '2020-01',
      to: '2020-03',
      months: ['2020-01', '2020-02', '2020-03'].map((month) => ({
        month,
        newCases: 0,
        stageChanges: 0,
        familyContacts: 0,
      })),
    });
    expect(
      (await manager.get('/api/v1/reports/timeseries', { query: { from: '2020-05', to: '2020-01' } })).status,
    ).toBe(400);
    expect(
      (await manager.get('/api/v1/reports/timeseries', { query: { from: '2000-01', to: '2020-01' } })).status,
    ).toBe(400);
  });
});

describe('GET /api/v1/reports/officers', () => {
  it('counts open cases and overdue follow-ups per officer as the database does', async () => {
    const res = await manager.get<ReportOfficers>('/api/v1/reports/officers');
    expect(res.status, res.text).toBe(200);
    const open = (id: string | null) =>
      facts.filter((f) => f.assigned_officer_id === id && f.workflow !== 'CLOSED').length;
    const { rows } = await t.pool.query<{ officer_id: string; n: number }>(
      `SELECT k.officer_id, count(*)::int AS n FROM contact k JOIN "case" c ON c.id = k.case_id
        WHERE c.merged_into_id IS NULL AND k.follow_up_on < (now() AT TIME ZONE 'Europe/Belgrade')::date AND k.follow_up_done_at IS NULL
        GROUP BY 1`,
    );
    for (const id of [seeded.officerA, seeded.officerB]) {
      const row = res.body.rows.find((r) => r.officer.id === id)!;
      expect(row.openCases).toBe(open(id));
      expect(row.overdueFollowUps).toBe(rows.find((r) => r.officer_id === id)?.n ?? 0);
      expect(row.overdueFollowUps).toBeGreaterThan(0);
    }
    expect(res.body.unassignedOpenCases).toBe(open(null));
    expect(res.body.rows.find((r) => r.officer.id === seeded.officerB)).toMatchObject({
      officer: { name: 'Službenik Бојан' },
      officeCode: 'MITROVICA',
    });
    // Idle liaison officers are listed with zeros (the officer signed in above has nothing).
    expect(res.body.rows.find((r) => r.officer.id === officer.user!.id)).toMatchObject({
      openCases: 0,
      overdueFollowUps: 0,
    });
  });

  it('applies the case filters', async () => {
    const res = await manager.get<ReportOfficers>('/api/v1/reports/officers', { query: { officeCode: 'MITROVICA' } });
    expect(res.body.rows.map((r) => r.officer.id)).not.toContain(seeded.officerA);
    expect(res.body.rows.find((r) => r.officer.id === seeded.officerB)!.openCases).toBe(
      facts.filter(
        (f) => f.assigned_officer_id === seeded.officerB && f.workflow !== 'CLOSED' && f.office === 'MITROVICA',
      ).length,
    );
  });
});

describe('GET /api/v1/reports/summary.pdf', () => {
  it('is a printable report in Serbian Cyrillic with the title, filters and figures', async () => {
    const res = await manager.request('GET', '/api/v1/reports/summary.pdf?lang=sr-Cyrl&officeCode=PRISTINA');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toMatch(
      /^attachment; filename="case-report-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''case-report-/,
    );
    const pdf = (
      await t.app
        .getHttpAdapter()
        .getInstance()
        .inject({
          method: 'GET',
          url: '/api/v1/reports/summary.pdf?lang=sr-Cyrl&officeCode=PRISTINA',
          headers: { cookie: manager.cookie! },
        })
    ).rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Извештај о случајевима');
    expect(flat).toContain('Кључни подаци');
    expect(flat).toContain('Канцеларија: Центар за ресурсе о несталим лицима (Приштина)');
    expect(flat).toContain('Према судбини');
    expect(flat).toContain('Нестало лице');
    const pristina = facts.filter((f) => f.office === 'PRISTINA');
    expect(flat).toContain(`${pristina.length} Случајева`);
    expect(flat).toContain(`${pristina.filter((f) => f.fate === 'MISSING').length} Још увек несталих`);
    // Every breakdown is there.
    for (const title of [
      'Према фази случаја',
      'Према заједници',
      'Према години нестанка',
      'Према полу',
      'Према узрасту у време нестанка',
      'Према канцеларији',
    ])
      expect(flat).toContain(title);
  });

  it('is in Albanian by default, and English when asked', async () => {
    const inject = (url: string, headers: Record<string, string> = {}) =>
      t.app
        .getHttpAdapter()
        .getInstance()
        .inject({ method: 'GET', url, headers: { cookie: manager.cookie!, ...headers } });
    const sq = await extractText(
      await getDocumentProxy(new Uint8Array((await inject('/api/v1/reports/summary.pdf')).rawPayload)),
      { mergePages: true },
    );
    expect(sq.text).toContain('Raport i rasteve');
    expect(sq.text).toContain('Të gjitha rastet (pa filtra)');
    const en = await extractText(
      await getDocumentProxy(
        new Uint8Array((await inject('/api/v1/reports/summary.pdf', { 'accept-language': 'en' })).rawPayload),
      ),
      { mergePages: true },
    );
    expect(en.text).toContain('Case report');
  });
});

describe('audit trail', () => {
  it('records every report with its filters and counts', async () => {
    const before = await t.pool.query<{ seq: string }>('SELECT coalesce(max(seq), 0)::text AS seq FROM audit_entry');
    await summary(manager, 'community', { fateStatus: 'MISSING', lang: 'en' });
    await manager.get('/api/v1/reports/timeseries', { query: { officeCode: 'PRISTINA' } });
    await manager.get('/api/v1/reports/officers', { query: { workflowStatus: 'ACTIVE' } });
    await manager.get('/api/v1/reports/summary.pdf', { query: { communityCode: 'SERB' } });
    const { rows } = await t.pool.query<{ action: string; actor_id: string; details: any }>(
      'SELECT action, actor_id, details FROM audit_entry WHERE seq > $1 ORDER BY seq',
      [before.rows[0].seq],
    );
    expect(rows.map((r) => r.action)).toEqual(['report.summary', 'report.timeseries', 'report.officers', 'report.pdf']);
    expect(rows.every((r) => r.actor_id === manager.user!.id)).toBe(true);
    expect(rows[0].details).toMatchObject({
      groupBy: 'community',
      filters: { fateStatus: 'MISSING' },
      caseCount: facts.filter((f) => f.fate === 'MISSING').length,
      language: 'en',
    });
    expect(rows[1].details).toMatchObject({ filters: { officeCode: 'PRISTINA' }, rowCount: 12 });
    expect(rows[2].details.filters).toEqual({ workflowStatus: 'ACTIVE' });
    expect(rows[3].details).toMatchObject({
      filters: { communityCode: 'SERB' },
      caseCount: facts.filter((f) => f.community === 'SERB').length,
    });
  });
});
