import { REPORT_GROUP_BYS, type ReportGroupBy, type ReportSummary } from '@mprc/contracts';
import { screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { offices, sessionFor } from '@/features/auth/testing/session-fixtures';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'dashboard', 'reports']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const SUMMARIES: Record<ReportGroupBy, ReportSummary['rows']> = {
  fateStatus: [
    { key: 'MISSING', label: 'Missing', count: 7 },
    { key: 'FOUND_ALIVE', label: 'Found alive', count: 0 },
    { key: 'REMAINS_RECOVERED', label: 'Remains recovered', count: 1 },
    { key: 'IDENTIFIED', label: 'Identified', count: 2 },
    { key: 'REMAINS_HANDED_OVER', label: 'Remains handed over', count: 0 },
  ],
  workflowStatus: [
    { key: 'NEW', label: 'New', count: 4 },
    { key: 'CLOSED', label: 'Closed', count: 6 },
  ],
  community: [
    { key: 'SERB', label: 'Serb', count: 6 },
    { key: null, label: 'Not recorded', count: 4 },
  ],
  municipality: [{ key: 'FERIZAJ', label: 'Ferizaj', count: 10 }],
  yearMissing: [
    { key: '1999', label: '1999', count: 9 },
    { key: null, label: 'Not recorded', count: 1 },
  ],
  sex: [
    { key: 'MALE', label: 'Male', count: 6 },
    { key: 'FEMALE', label: 'Female', count: 4 },
    { key: 'UNKNOWN', label: 'Unknown', count: 0 },
  ],
  ageGroup: [
    { key: '0-17', label: '0–17', count: 1 },
    { key: 'unknown', label: 'Unknown', count: 9 },
  ],
  office: [
    { key: 'PRISTINA', label: 'Pristina office', count: 10 },
    { key: 'MITROVICA', label: 'Mitrovica office', count: 0 },
  ],
};

function stubApi(role: 'MANAGER' | 'ADMIN' | 'LIAISON_OFFICER') {
  const requests: URL[] = [];
  const fetch = vi.fn(
    fetchRoutes({
      '/api/v1/auth/me': () => json(200, sessionFor(role)),
      '/api/v1/reference/offices': offices,
      '/api/v1/reference/communities': () => json(200, []),
      '/api/v1/reference/municipalities': () => json(200, []),
      '/api/v1/reports/summary': (url) => {
        const u = new URL(url, 'http://localhost');
        requests.push(u);
        const groupBy = u.searchParams.get('groupBy') as ReportGroupBy;
        return json(200, { groupBy, total: 10, rows: SUMMARIES[groupBy] });
      },
      '/api/v1/reports/timeseries': (url) => {
        requests.push(new URL(url, 'http://localhost'));
        return json(200, {
          from: '2026-01',
          to: '2026-02',
          months: [
            { month: '2026-01', newCases: 3, stageChanges: 1, familyContacts: 5 },
            { month: '2026-02', newCases: 2, stageChanges: 0, familyContacts: 4 },
          ],
        });
      },
      '/api/v1/reports/officers': () =>
        json(200, {
          rows: [
            {
              officer: { id: '00000000-0000-4000-8000-000000000001', name: 'Arta Berisha' },
              officeCode: 'PRISTINA',
              openCases: 4,
              overdueFollowUps: 2,
            },
          ],
          unassignedOpenCases: 3,
        }),
    }),
  );
  vi.stubGlobal('fetch', fetch);
  return requests;
}

// Rendering the whole app with eight charts is slow on a busy two-core machine.
describe('/dashboard', { timeout: 30_000 }, () => {
  it('shows every breakdown as a table beside its chart, with the filters from the address', async () => {
    const requests = stubApi('MANAGER');
    renderApp('/dashboard?fateStatus=MISSING&officeCode=PRISTINA', i18n);
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' }, { timeout: 10_000 })).toBeDefined();

    for (const groupBy of REPORT_GROUP_BYS) {
      const title = i18n.t(`dashboard:groups.${groupBy}`);
      const section = await screen.findByRole('region', { name: title });
      expect(
        await within(section).findByRole('table', { name: `${title}: cases by value` }, { timeout: 10_000 }),
      ).toBeDefined();
    }
    await waitFor(() =>
      expect(requests.filter((u) => u.pathname.endsWith('/summary'))).toHaveLength(REPORT_GROUP_BYS.length),
    );
    for (const u of requests) {
      expect(u.searchParams.get('fateStatus')).toBe('MISSING');
      expect(u.searchParams.get('officeCode')).toBe('PRISTINA');
    }
    expect(requests.find((u) => u.pathname.endsWith('/summary'))!.searchParams.get('lang')).toBe('en');

    // Rows open the case list with the same parameter names; rows without a list filter don't.
    const fate = screen.getByRole('table', { name: 'By fate: cases by value' });
    expect(within(fate).getByRole('link', { name: 'Identified' }).getAttribute('href')).toBe(
      '/cases?fateStatus=IDENTIFIED&officeCode=PRISTINA',
    );
    expect(within(fate).queryByRole('link', { name: 'Found alive' })).toBeNull(); // no cases
    const year = screen.getByRole('table', { name: 'By year gone missing: cases by value' });
    expect(within(year).getByRole('link', { name: '1999' }).getAttribute('href')).toBe(
      '/cases?fateStatus=MISSING&officeCode=PRISTINA&missingFrom=1999&missingTo=1999',
    );
    expect(within(year).queryByRole('link', { name: 'Not recorded' })).toBeNull();
    const sex = screen.getByRole('table', { name: 'By sex: cases by value' });
    expect(within(sex).queryAllByRole('link')).toHaveLength(0);

    // Key figures, the monthly table and the officers table.
    const figures = screen.getByRole('region', { name: 'Key figures' });
    expect(within(figures).getByText('7')).toBeDefined(); // still missing
    expect(within(figures).getByText('4')).toBeDefined(); // open = 10 - 6 closed
    const monthly = await screen.findByRole('table', { name: /^Per month/ });
    expect(within(monthly).getByRole('rowheader', { name: '01.2026' })).toBeDefined();
    const officers = await screen.findByRole('table', { name: /per liaison officer$/ });
    expect(within(officers).getByRole('rowheader', { name: 'Arta Berisha' })).toBeDefined();
    expect(screen.getByText('Open cases without a liaison officer: 3')).toBeDefined();

    // Downloads carry the same filters.
    const csv = screen.getByRole('link', { name: 'Cases as CSV' });
    const url = new URL(csv.getAttribute('href')!, 'http://localhost');
    expect(url.pathname).toBe('/api/v1/exports/cases');
    expect(url.searchParams.get('fateStatus')).toBe('MISSING');
    expect(url.searchParams.get('format')).toBe('csv');
    expect(csv.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Cases as a spreadsheet (XLSX)' }).getAttribute('href')).toContain(
      'format=xlsx',
    );
    expect(screen.getByRole('link', { name: 'Printable report (PDF)' }).getAttribute('href')).toMatch(
      /^\/api\/v1\/reports\/summary\.pdf\?fateStatus=MISSING&officeCode=PRISTINA&lang=en$/,
    );
  });

  it('lets administrators read the figures, without case links or case exports', async () => {
    stubApi('ADMIN');
    renderApp('/dashboard', i18n);
    const fate = await screen.findByRole('table', { name: 'By fate: cases by value' }, { timeout: 10_000 });
    expect(within(fate).queryAllByRole('link')).toHaveLength(0);
    expect(screen.queryByRole('link', { name: 'Cases as CSV' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Printable report (PDF)' })).toBeDefined();
  });

  it('is not for liaison officers', async () => {
    stubApi('LIAISON_OFFICER');
    renderApp('/dashboard', i18n);
    expect(
      await screen.findByRole('heading', { level: 1, name: i18n.t('auth:forbidden.title') }, { timeout: 10_000 }),
    ).toBeDefined();
  });
});
