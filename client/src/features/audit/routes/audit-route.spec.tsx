import { fireEvent, screen, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { sessionFor } from '../../auth/testing/session-fixtures';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'audit']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const admin = sessionFor('ADMIN');
const entry = {
  seq: '41',
  id: '0b7f3a52-9a7e-4d0c-8d43-0f6a1f3c9e11',
  at: '2026-11-27T09:15:02.000Z',
  actorId: admin.user.id,
  actorName: admin.user.name,
  actorRole: 'ADMIN',
  action: 'user.password_changed',
  entityType: 'User',
  entityId: admin.user.id,
  ip: '10.1.2.3',
  requestId: 'req-77',
  changes: { password: { from: '[masked]', to: '[masked]' }, officeCode: { from: null, to: 'PRISTINA' } },
  details: { recoveryCode: true },
};

describe('the audit trail', { timeout: 30_000 }, () => {
  it('puts the URL filters in the query, names actions, and opens an entry with masked values shown as such', async () => {
    const audit = vi.fn(() => json(200, { items: [entry], total: 1, page: 1, pageSize: 50 }));
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => json(200, admin),
          '/api/v1/audit': audit,
          '/api/v1/users': () => json(200, { items: [], total: 0, page: 1, pageSize: 200 }),
        }),
      ),
    );
    renderApp('/admin/audit?action=user.*&entityType=User', i18n);

    const table = await screen.findByRole('table', { name: 'Audit trail entries, newest first' }, { timeout: 10_000 });
    const url = new URL(String((audit.mock.calls[0] as unknown as [string])[0]), 'http://localhost');
    expect(url.searchParams.get('action')).toBe('user.*');
    expect(url.searchParams.get('entityType')).toBe('User');
    expect(url.searchParams.get('pageSize')).toBe('50');
    expect(within(table).getByText('Password changed')).toBeDefined();
    expect(within(table).getByText('user.password_changed')).toBeDefined();
    // The filter form starts from the URL.
    expect((screen.getByRole('combobox', { name: /^Action/ }) as HTMLInputElement).value).toBe('user.*');

    fireEvent.click(within(table).getByRole('button', { name: 'Details of entry 41' }));
    const changes = await screen.findByRole('table', { name: 'Changes' });
    const password = within(changes).getByRole('row', { name: /Password/ });
    expect(within(password).getAllByText('hidden')).toHaveLength(2);
    const office = within(changes).getByRole('row', { name: /Office/ });
    expect(within(office).getByText('(empty)')).toBeDefined();
    expect(within(office).getByText('PRISTINA')).toBeDefined();
    expect(screen.getByText('10.1.2.3')).toBeDefined();
    expect(screen.getByText('req-77')).toBeDefined();
    expect(screen.getByText('Recovery code used')).toBeDefined();
  });
});
