import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { offices, sessionFor } from '../../auth/testing/session-fixtures';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'users']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const admin = sessionFor('ADMIN');
const listed = {
  id: admin.user.id,
  email: admin.user.email,
  name: admin.user.name,
  role: 'ADMIN',
  officeCode: null,
  isActive: true,
  mfaEnabled: false,
  lastLoginAt: null,
  createdAt: '2026-11-01T10:00:00.000Z',
};

async function openCreateDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'New account' }, { timeout: 10_000 }));
  return screen.findByRole('dialog', { name: 'New staff account' });
}

describe('creating a staff account', { timeout: 30_000 }, () => {
  it('checks the fields with the shared schema, including the office of a liaison officer', async () => {
    const create = vi.fn(() => json(201, {}));
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => json(200, admin),
          '/api/v1/users': (_url, init) =>
            init?.method === 'POST' ? create() : json(200, { items: [listed], total: 1, page: 1, pageSize: 25 }),
          '/api/v1/reference/offices': offices,
        }),
      ),
    );
    renderApp('/admin/users', i18n);
    const dialog = await openCreateDialog();

    fireEvent.change(within(dialog).getByLabelText(/^Email address/), { target: { value: 'not an email' } });
    fireEvent.change(within(dialog).getByLabelText(/^Initial password/), { target: { value: 'short' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create account' }));

    expect(await within(dialog).findByText('Enter a valid email address.')).toBeDefined();
    expect(within(dialog).getByText('This field is required.')).toBeDefined(); // the name
    expect(within(dialog).getByText('A liaison officer must belong to an office.')).toBeDefined();
    expect(within(dialog).getByText('Enter at least 12 characters.')).toBeDefined();
    expect(create).not.toHaveBeenCalled();
  });

  it('puts the server’s field errors on the fields and keeps everything typed', async () => {
    const create = vi.fn((_url: string, init?: RequestInit) => {
      const sent = JSON.parse(String(init?.body)) as Record<string, unknown>;
      expect(sent).toMatchObject({
        email: 'drita@example.test',
        name: 'Drita Berisha',
        role: 'LIAISON_OFFICER',
        officeCode: 'MITROVICA',
      });
      return json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Validation failed',
        errors: [{ field: 'password', message: 'This password is too common; choose another', code: 'weak_password' }],
      });
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => json(200, admin),
          '/api/v1/users': (url, init) =>
            init?.method === 'POST'
              ? create(url, init)
              : json(200, { items: [listed], total: 1, page: 1, pageSize: 25 }),
          '/api/v1/reference/offices': offices,
        }),
      ),
    );
    renderApp('/admin/users', i18n);
    const dialog = await openCreateDialog();

    fireEvent.change(within(dialog).getByLabelText(/^Email address/), { target: { value: 'Drita@Example.test' } });
    fireEvent.change(within(dialog).getByLabelText(/^Full name/), { target: { value: 'Drita Berisha' } });
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Office/ }));
    fireEvent.click(await within(dialog).findByRole('option', { name: 'Mitrovica' }));
    fireEvent.change(within(dialog).getByLabelText(/^Initial password/), { target: { value: 'password1234' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create account' }));

    expect(
      await within(dialog).findByText(
        'This password is too common. Choose another one, for example a few unrelated words.',
      ),
    ).toBeDefined();
    expect(create).toHaveBeenCalledTimes(1);
    expect((within(dialog).getByLabelText(/^Email address/) as HTMLInputElement).value).toBe('Drita@Example.test');
    expect((within(dialog).getByLabelText(/^Full name/) as HTMLInputElement).value).toBe('Drita Berisha');
    expect((within(dialog).getByLabelText(/^Initial password/) as HTMLInputElement).value).toBe('password1234');

    // A generated password replaces it and is shown, so it can be passed on.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Generate a password' }));
    await waitFor(() =>
      expect((within(dialog).getByLabelText(/^Initial password/) as HTMLInputElement).value).toMatch(
        /^(\w{4}-){3}\w{4}$/,
      ),
    );
    expect(
      within(dialog)
        .getByLabelText(/^Initial password/)
        .getAttribute('type'),
    ).toBe('text');
  });
});

describe('editing a staff account', { timeout: 30_000 }, () => {
  it('sends only what changed, and says that a new office signs the person out', async () => {
    const officer = {
      ...listed,
      id: '9a1c1d0e-3b7a-4c61-9a55-1c1f5b0f0a09',
      email: 'besa@example.test',
      name: 'Besa Hoxha',
      role: 'LIAISON_OFFICER',
      officeCode: 'PRISTINA',
    };
    const patch = vi.fn((_url: string, init?: RequestInit) => {
      expect(JSON.parse(String(init?.body))).toEqual({ officeCode: 'MITROVICA' });
      return json(200, { ...officer, officeCode: 'MITROVICA' });
    });
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => json(200, admin),
          '/api/v1/users': () => json(200, { items: [listed, officer], total: 2, page: 1, pageSize: 25 }),
          [`/api/v1/users/${officer.id}`]: patch,
          '/api/v1/reference/offices': offices,
        }),
      ),
    );
    renderApp('/admin/users', i18n);

    fireEvent.click(await screen.findByRole('button', { name: 'Actions for Besa Hoxha' }, { timeout: 10_000 }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Edit name, role or office' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Besa Hoxha' });
    expect(within(dialog).getByText('A change of role or office signs the person out on every device.')).toBeDefined();
    fireEvent.click(within(dialog).getByRole('combobox', { name: /^Office/ }));
    fireEvent.click(await within(dialog).findByRole('option', { name: 'Mitrovica' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Edit Besa Hoxha' })).toBeNull());
    expect(patch).toHaveBeenCalledTimes(1);
  });

  it('does not offer to deactivate oneself', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => json(200, admin),
          '/api/v1/users': () => json(200, { items: [listed], total: 1, page: 1, pageSize: 25 }),
          '/api/v1/reference/offices': offices,
        }),
      ),
    );
    renderApp('/admin/users', i18n);
    fireEvent.click(await screen.findByRole('button', { name: 'Actions for Ana Krasniqi' }, { timeout: 10_000 }));
    expect(await screen.findByRole('menuitem', { name: 'Edit name, role or office' })).toBeDefined();
    expect(screen.queryByRole('menuitem', { name: 'Deactivate' })).toBeNull();
  });
});

describe('the accounts page for a role without user.read', { timeout: 30_000 }, () => {
  it('says the page is not allowed', async () => {
    vi.stubGlobal('fetch', vi.fn(fetchRoutes({ '/api/v1/auth/me': () => json(200, sessionFor('LIAISON_OFFICER')) })));
    renderApp('/admin/users', i18n);
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'You do not have access to this page' },
        { timeout: 10_000 },
      ),
    ).toBeDefined();
    expect(screen.queryByRole('link', { name: 'Staff accounts' })).toBeNull();
  });
});
