import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getCsrfToken, setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { emptyPage, offices, sessionFor, unauthenticated } from '../testing/session-fixtures';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'users']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const body = (init?: RequestInit) => JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;

async function fillCredentials(email: string, password: string) {
  fireEvent.change(await screen.findByLabelText(/^Email address/, {}, { timeout: 10_000 }), {
    target: { value: email },
  });
  fireEvent.change(screen.getByLabelText(/^Password/), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

// Lazy pages compile on first use, slowly on a busy 2-core machine.
describe('sign-in', { timeout: 30_000 }, () => {
  it('sends someone not signed in to /login and back to the page they asked for', async () => {
    let signedIn = false;
    const login = vi.fn((_url: string, init?: RequestInit) => {
      signedIn = true;
      expect(body(init)).toEqual({ email: 'ana@example.test', password: 'correct horse battery' });
      return json(200, sessionFor('ADMIN'));
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => (signedIn ? json(200, sessionFor('ADMIN')) : unauthenticated()),
          '/api/v1/auth/login': login,
          '/api/v1/users': emptyPage,
          '/api/v1/reference/offices': offices,
        }),
      ),
    );

    const { router } = renderApp('/admin/users?q=ana', i18n);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' }, { timeout: 10_000 })).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe(`?returnTo=${encodeURIComponent('/admin/users?q=ana')}`);

    // The shared schema (LoginRequestSchema) lower-cases the email.
    await fillCredentials('Ana@Example.test', 'correct horse battery');

    expect(await screen.findByRole('heading', { level: 1, name: 'Staff accounts' }, { timeout: 10_000 })).toBeDefined();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe('/admin/users?q=ana');
    expect(login).toHaveBeenCalledTimes(1);
    expect(getCsrfToken()).toBe('csrf-token-1');
    // The header names who is signed in.
    expect(screen.getByRole('button', { name: 'Account menu: Ana Krasniqi, Administrator' })).toBeDefined();
  });

  it('checks the fields before asking the server', async () => {
    const fetchMock = vi.fn(fetchRoutes({ '/api/v1/auth/me': unauthenticated }));
    vi.stubGlobal('fetch', fetchMock);
    renderApp('/login', i18n);

    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }, { timeout: 10_000 }));

    expect(await screen.findAllByText('This field is required.')).toHaveLength(2);
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/v1/auth/me']);
  });

  it('says the same for a wrong password as for an unknown email', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': unauthenticated,
          '/api/v1/auth/login': () =>
            json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Email or password is incorrect' }),
        }),
      ),
    );
    renderApp('/login', i18n);

    await fillCredentials('nobody@example.test', 'whatever password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The email address or password is not correct.');
    expect(alert.textContent).not.toMatch(/unknown|no account|does not exist/i);
    // Still on the sign-in page, with what was typed.
    expect((screen.getByLabelText(/^Email address/) as HTMLInputElement).value).toBe('nobody@example.test');
  });

  it('says how long to wait when the account is locked', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': unauthenticated,
          '/api/v1/auth/login': () =>
            new Response(
              JSON.stringify({
                statusCode: 429,
                code: 'LOCKED_OUT',
                message: 'Too many failed attempts',
                details: { retryAfterSeconds: 821 },
              }),
              { status: 429, headers: { 'Content-Type': 'application/json', 'Retry-After': '821' } },
            ),
        }),
      ),
    );
    renderApp('/login', i18n);

    await fillCredentials('ana@example.test', 'correct horse battery');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many failed sign-in attempts for this account. For your security, try again in 14 minutes.',
    );
  });

  it('tells a per-network limit from an account lockout (Retry-After header only)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': unauthenticated,
          '/api/v1/auth/login': () =>
            new Response(JSON.stringify({ statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests' }), {
              status: 429,
              headers: { 'Content-Type': 'application/json', 'Retry-After': '40' },
            }),
        }),
      ),
    );
    renderApp('/login', i18n);

    await fillCredentials('ana@example.test', 'correct horse battery');

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Too many sign-in attempts from this network. Wait 40 seconds and try again.',
    );
  });

  it('asks for the authenticator code as a second step', async () => {
    let verified = false;
    const verify = vi.fn((_url: string, init?: RequestInit) => {
      expect(new Headers(init?.headers).get('X-CSRF-Token')).toBe('csrf-token-1');
      if (body(init).code !== '123456')
        return json(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Invalid',
          errors: [{ field: 'code', message: 'The code is not valid', code: 'invalid_code' }],
        });
      verified = true;
      return json(200, sessionFor('MANAGER', { user: { ...sessionFor('MANAGER').user, mfaEnabled: true } }));
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => (verified ? json(200, sessionFor('MANAGER')) : unauthenticated()),
          '/api/v1/auth/login': () => json(200, sessionFor('MANAGER', { mfaRequired: true })),
          '/api/v1/auth/mfa/verify': verify,
          '/api/v1/users': emptyPage,
          '/api/v1/reference/offices': offices,
        }),
      ),
    );
    const { router } = renderApp('/login?returnTo=%2Fadmin%2Fusers', i18n);

    await fillCredentials('ana@example.test', 'correct horse battery');

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Two-step verification' }, { timeout: 10_000 }),
    ).toBeDefined();
    // The password alone opens nothing: still on the sign-in page.
    expect(router.state.location.pathname).toBe('/login');

    fireEvent.change(screen.getByLabelText(/^6-digit code/), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(
      await screen.findByText(/The code is not valid\. Check that you are looking at the right account/),
    ).toBeDefined();

    // A recovery code instead of the app.
    fireEvent.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    expect(screen.getByLabelText(/^Recovery code/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Use a code from the app instead' }));

    fireEvent.change(screen.getByLabelText(/^6-digit code/), { target: { value: '123 456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Staff accounts' }, { timeout: 10_000 })).toBeDefined();
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('makes a role that must use an authenticator enrol one before anything else opens', async () => {
    let enrolled = false;
    const pending = sessionFor('ADMIN', { mfaEnrollmentRequired: true });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => json(200, enrolled ? sessionFor('ADMIN') : pending),
          '/api/v1/auth/mfa/enrollment': () =>
            json(201, {
              secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
              otpauthUrl: 'otpauth://totp/MPRC:ana?secret=JBSWY3DPEHPK3PXP',
            }),
          '/api/v1/auth/mfa/enrollment/confirm': (_url, init) => {
            expect(body(init)).toEqual({ code: '654321' });
            enrolled = true;
            return json(200, { recoveryCodes: Array.from({ length: 10 }, (_, i) => `code-${i}-abcd`) });
          },
          '/api/v1/users': emptyPage,
          '/api/v1/reference/offices': offices,
        }),
      ),
    );
    // A reload half-way: the session says enrolment is still due, so /admin/users sends to /login.
    const { router } = renderApp('/admin/users', i18n);

    expect(
      await screen.findByRole('heading', { level: 2, name: 'Set up an authenticator app' }, { timeout: 10_000 }),
    ).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByText(/Your role must use two-step verification/)).toBeDefined();
    expect(screen.getByTestId('mfa-secret').textContent).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
    const qr = await screen.findByRole('img', { name: 'QR code to scan with the authenticator app' });
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);

    fireEvent.change(screen.getByLabelText(/^6-digit code/), { target: { value: '654321' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm and turn on' }));

    const codes = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(codes).getAllByRole('listitem')).toHaveLength(10);
    const next = screen.getByRole('button', { name: 'Continue' });
    expect(next.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByLabelText('I have saved these recovery codes in a safe place'));
    await waitFor(() => expect(next.hasAttribute('disabled')).toBe(false));
    fireEvent.click(next);

    expect(await screen.findByRole('heading', { level: 1, name: 'Staff accounts' }, { timeout: 10_000 })).toBeDefined();
  });
});
