import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { sessionFor, unauthenticated } from '../testing/session-fixtures';
import { signedOutReason } from '../utils/signed-out-reason';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'account']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

// Lazy pages compile on first use, slowly on a busy 2-core machine.
describe('a session that ends while someone works', { timeout: 30_000 }, () => {
  it('shows "signed out" over the page, keeps what was typed, and carries on after signing in again', async () => {
    let alive = true;
    const changePassword = vi.fn(() => (alive ? new Response(null, { status: 204 }) : unauthenticated()));
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => (alive ? json(200, sessionFor('LIAISON_OFFICER')) : unauthenticated()),
          '/api/v1/auth/password': changePassword,
          '/api/v1/reference/offices': () => json(200, []),
          '/api/v1/auth/login': () => {
            alive = true;
            return json(200, { ...sessionFor('LIAISON_OFFICER'), csrfToken: 'csrf-token-2' });
          },
        }),
      ),
    );
    renderApp('/account', i18n);
    expect(await screen.findByRole('heading', { level: 1, name: 'My account' }, { timeout: 10_000 })).toBeDefined();

    // The session is revoked on the server (e.g. by an administrator) while the form is filled in.
    alive = false;
    fireEvent.change(screen.getByLabelText(/^Current password/), { target: { value: 'old password 123' } });
    fireEvent.change(screen.getByLabelText(/^New password/), { target: { value: 'a brand new passphrase' } });
    fireEvent.change(screen.getByLabelText(/^Repeat the new password/), {
      target: { value: 'a brand new passphrase' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));

    const dialog = await screen.findByRole('dialog', { name: 'You have been signed out' });
    expect(within(dialog).getByText(/your session was ended/)).toBeDefined();
    // The page is still there underneath, with the typed text.
    expect(screen.getByRole('heading', { level: 1, name: 'My account' })).toBeDefined();
    expect((screen.getByLabelText(/^New password/) as HTMLInputElement).value).toBe('a brand new passphrase');

    // Signing in again, in the dialog: the email is filled in.
    expect(
      ((await within(dialog).findByLabelText(/^Email address/, {}, { timeout: 10_000 })) as HTMLInputElement).value,
    ).toBe('ana@example.test');
    fireEvent.change(within(dialog).getByLabelText(/^Password/), { target: { value: 'old password 123' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'You have been signed out' })).toBeNull());
    expect((screen.getByLabelText(/^New password/) as HTMLInputElement).value).toBe('a brand new passphrase');

    // Saving again works, with the new session's CSRF token.
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await waitFor(() => expect(changePassword).toHaveBeenCalledTimes(2));
    const [, init] = changePassword.mock.calls[1] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('X-CSRF-Token')).toBe('csrf-token-2');
  });

  it('does not show it after signing out on purpose', async () => {
    let alive = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => (alive ? json(200, sessionFor('ADMIN')) : unauthenticated()),
          '/api/v1/auth/logout': () => {
            alive = false;
            return new Response(null, { status: 204 });
          },
          '/api/v1/reference/offices': () => json(200, []),
        }),
      ),
    );
    const { router } = renderApp('/account', i18n);
    fireEvent.click(await screen.findByRole('button', { name: 'Account menu: Ana Krasniqi, Administrator' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, { timeout: 10_000 })).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('');
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('signedOutReason', () => {
  const now = Date.parse('2026-11-27T12:00:00Z');
  const session = sessionFor('ADMIN', { expiresAt: '2026-11-27T18:00:00.000Z', idleTimeoutMinutes: 30 });

  it('blames inactivity after the idle timeout', () => {
    expect(signedOutReason(session, now - 31 * 60_000, now)).toBe('idle');
  });
  it('blames the absolute limit at the session end', () => {
    expect(signedOutReason({ ...session, expiresAt: '2026-11-27T12:00:30.000Z' }, now - 60_000, now)).toBe('expired');
  });
  it('calls anything sooner a revoked session', () => {
    expect(signedOutReason(session, now - 5 * 60_000, now)).toBe('revoked');
  });
});
