import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionFor } from '@/features/auth/testing/session-fixtures';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { listItem, referenceRoutes } from '../testing/fixtures';

// Whole pages with Mantine in jsdom, on a busy CI machine: allow them time.
vi.setConfig({ testTimeout: 30_000 });

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'cases']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setCsrfToken(null);
});

/** Answers the case list and remembers each query it was asked. */
function stubApi(
  role: 'LIAISON_OFFICER' | 'MANAGER' = 'LIAISON_OFFICER',
  counted: { total: number; totalIsLowerBound?: boolean } = { total: 120 },
) {
  const queries: URLSearchParams[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(
      fetchRoutes({
        '/api/v1/auth/me': () => json(200, sessionFor(role)),
        ...referenceRoutes,
        '/api/v1/cases': (url) => {
          const query = new URL(url, 'http://localhost').searchParams;
          queries.push(query);
          const page = Number(query.get('page'));
          return json(200, {
            items: [
              listItem({ id: `2f6a3c1e-8b1d-4c8e-9f3a-5d6e7f80900${page}`, caseNumber: `MP-00000${page}` }),
              listItem({
                id: '7e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
                caseNumber: 'MP-000777',
                firstName: 'Dragan',
                lastName: 'Petrović',
                fatherName: null,
                otherNames: ['Dragan Đorđević'],
              }),
            ],
            ...counted,
            page,
            pageSize: 25,
          });
        },
      }),
    ),
  );
  return queries;
}

const last = <T,>(items: T[]) => items[items.length - 1];

describe('case list', () => {
  it('reads its filters from the address, asks the API for them and shows the result', async () => {
    const queries = stubApi();
    renderApp('/cases?q=Gjorgjeviq&fateStatus=MISSING&page=2', i18n);

    expect(await screen.findByRole('heading', { level: 1, name: 'Cases' }, { timeout: 10_000 })).toBeDefined();
    expect(await screen.findByText('120 cases', {}, { timeout: 10_000 })).toBeDefined();
    const query = last(queries);
    expect(Object.fromEntries(query)).toEqual({
      q: 'Gjorgjeviq',
      fateStatus: 'MISSING',
      page: '2',
      pageSize: '25',
      sort: 'relevance',
    });
    expect((screen.getByRole('searchbox', { name: /^Search by name/ }) as HTMLInputElement).value).toBe('Gjorgjeviq');
    expect((screen.getByRole('combobox', { name: 'Fate' }) as HTMLInputElement).value).toBe('Missing');
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLInputElement).value).toBe('Best match first');

    // Found through another spelling recorded on the case: the list says which.
    const row = screen.getByRole('row', { name: /MP-000777/ });
    expect(within(row).getByText('Found as: Dragan Đorđević')).toBeDefined();
    expect(within(row).getByRole('link', { name: 'Dragan Petrović' }).getAttribute('href')).toBe(
      '/cases/7e1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
    );
    expect(within(screen.getByRole('row', { name: /MP-000002/ })).getByText('Gjakova')).toBeDefined();
  });

  it('writes each change to the address (back to page 1), and back and forward restore the list', async () => {
    const queries = stubApi();
    const { router } = renderApp('/cases?fateStatus=MISSING&page=3', i18n);
    await screen.findByRole('row', { name: /MP-000003/ }, { timeout: 10_000 });

    fireEvent.click(screen.getByRole('combobox', { name: 'Stage of our work' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Closure requested' }));
    await waitFor(() =>
      expect(router.state.location.search).toBe('?fateStatus=MISSING&workflowStatus=CLOSURE_REQUESTED'),
    );
    await waitFor(() => expect(last(queries).get('workflowStatus')).toBe('CLOSURE_REQUESTED'));
    expect(last(queries).get('page')).toBe('1');

    fireEvent.click(screen.getByRole('button', { name: 'Page 4' }));
    await waitFor(() => expect(router.state.location.search).toContain('page=4'));

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?fateStatus=MISSING&workflowStatus=CLOSURE_REQUESTED');
    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?fateStatus=MISSING&page=3');
    await waitFor(() =>
      expect((screen.getByRole('combobox', { name: 'Stage of our work' }) as HTMLInputElement).value).toBe(''),
    );
    expect(await screen.findByRole('row', { name: /MP-000003/ })).toBeDefined();
  });

  it('searches as the officer types, without a history entry per letter', async () => {
    stubApi();
    const { router } = renderApp('/cases', i18n);
    const box = await screen.findByRole('searchbox', { name: /^Search by name/ }, { timeout: 10_000 });
    await screen.findByRole('row', { name: /MP-000001/ }, { timeout: 10_000 });

    fireEvent.change(box, { target: { value: 'Гаш' } });
    await waitFor(() => expect(router.state.location.search).toBe(`?q=${encodeURIComponent('Гаш')}`), {
      timeout: 2000,
    });
    expect(router.state.historyAction).toBe('PUSH');
    fireEvent.change(box, { target: { value: 'Гаши' } });
    await waitFor(() => expect(router.state.location.search).toBe(`?q=${encodeURIComponent('Гаши')}`), {
      timeout: 2000,
    });
    expect(router.state.historyAction).toBe('REPLACE');
    // Sorting by relevance is offered while searching.
    expect((screen.getByRole('combobox', { name: 'Sort by' }) as HTMLInputElement).value).toBe('Best match first');
  });

  it('says "1,000+" when a name search counted only its exact matches, and keeps the next page reachable', async () => {
    const queries = stubApi('LIAISON_OFFICER', { total: 1000, totalIsLowerBound: true });
    renderApp('/cases?q=Krasniqi', i18n);
    expect(await screen.findByText('1,000+ cases', {}, { timeout: 10_000 })).toBeDefined();
    expect(screen.getByText(/^Only the closest matches are counted/)).toBeDefined();
    // 1,000 at 25 a page is 40 pages; the 41st asks the server to count every match.
    expect(screen.getByRole('button', { name: 'Page 41' })).toBeDefined();
    expect(last(queries).get('q')).toBe('Krasniqi');
  });

  it('shows the office filter to managers only', async () => {
    stubApi('MANAGER');
    renderApp('/cases', i18n);
    expect(await screen.findByRole('combobox', { name: 'Office' }, { timeout: 10_000 })).toBeDefined();
  });
});
