import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { i18n as I18n } from 'i18next';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';

const health = { status: 'ok', version: '1.4.2', uptimeSeconds: 93_784 };
const ready = {
  status: 'ready',
  version: '1.4.2',
  database: { reachable: true, migrationsApplied: true, pendingMigrations: [] },
};
const down = {
  status: 'unavailable',
  version: '1.4.2',
  database: { reachable: false, migrationsApplied: false, pendingMigrations: [] },
};

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'status']);
});
afterEach(() => vi.unstubAllGlobals());

describe('status page', () => {
  it('shows a labelled loading state, then the server version and database state', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/health': async () => (await answered, json(200, health)),
          '/api/ready': async () => (await answered, json(200, ready)),
        }),
      ),
    );

    // Public: no sign-in needed (the home page "/" is each role's landing page).
    renderApp('/status', i18n);

    expect(await screen.findByRole('heading', { level: 1, name: 'System status' })).toBeDefined();
    expect(screen.getByRole('status').textContent).toContain('Checking the system status…');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('main')).toBeDefined();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeDefined();
    await waitFor(() => expect(document.title).toBe('System status – Missing Persons Resource Center'));

    answer();
    expect(await screen.findByText('Everything is working')).toBeDefined();
    const server = screen.getByRole('region', { name: 'Server' });
    expect(within(server).getByText('1.4.2')).toBeDefined();
    expect(within(server).getByText('1 day, 2 hours')).toBeDefined();
    const database = screen.getByRole('region', { name: 'Database' });
    expect(within(database).getByText('Connected')).toBeDefined();
    expect(within(database).getByText('All applied')).toBeDefined();
    expect(screen.getByText(/^Last checked: /)).toBeDefined();
  });

  it('treats a 503 from /api/ready as data: the database is shown as unavailable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(fetchRoutes({ '/api/health': () => json(200, health), '/api/ready': () => json(503, down) })),
    );

    renderApp('/status', i18n);

    expect(await screen.findByText('The system is not fully available')).toBeDefined();
    const database = screen.getByRole('region', { name: 'Database' });
    expect(within(database).getByText(/the database is not available/)).toBeDefined();
    expect(within(database).getByText('Not connected')).toBeDefined();
    expect(within(database).getByText('Unknown')).toBeDefined();
    expect(within(database).queryByRole('alert')).toBeNull();
  });

  it('lists migrations that are not applied yet', async () => {
    const pending = {
      ...ready,
      status: 'unavailable',
      database: {
        reachable: true,
        migrationsApplied: false,
        pendingMigrations: ['20260101_cases', '20260102_contacts'],
      },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(fetchRoutes({ '/api/health': () => json(200, health), '/api/ready': () => json(503, pending) })),
    );

    renderApp('/status', i18n);

    expect(await screen.findByText('2 updates not yet applied')).toBeDefined();
    expect(screen.getByText('20260102_contacts')).toBeDefined();
  });

  it('shows an alert with a retry button when the server cannot be reached', async () => {
    const fetchMock = vi.fn(
      fetchRoutes({
        '/api/health': () => Promise.reject(new TypeError('Failed to fetch')),
        '/api/ready': () => Promise.reject(new TypeError('Failed to fetch')),
      }),
    );
    vi.stubGlobal('fetch', fetchMock);

    renderApp('/status', i18n);

    const server = await screen.findByRole('region', { name: 'Server' });
    const alert = await within(server).findByRole('alert');
    expect(within(alert).getByText('Could not check the server')).toBeDefined();
    expect(within(alert).getByText(/Check your internet connection/)).toBeDefined();
    // The app retries a network failure once before showing it.
    expect(fetchMock.mock.calls.filter(([url]) => String(url) === '/api/health')).toHaveLength(2);

    fetchMock.mockImplementation(
      fetchRoutes({ '/api/health': () => json(200, health), '/api/ready': () => json(200, ready) }),
    );
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await within(server).findByText('1.4.2')).toBeDefined();
  });
});
