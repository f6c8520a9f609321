import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { stubDocumentFonts } from '../../cases/testing/fixtures';
import { sessionFor } from '../../auth/testing/session-fixtures';

let i18n: I18n;
beforeAll(async () => {
  stubDocumentFonts();
  i18n = await createTestI18n('en', ['common', 'auth', 'offices']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const pristina = {
  code: 'PRISTINA',
  names: { sq: 'Prishtinë', srLatn: 'Priština', srCyrl: 'Приштина', en: 'Pristina' },
  phone: '+383 38 000 000',
  email: 'pristina@example.test',
  hours: { sq: 'E hënë–e premte 08:00–16:00', sr: null, en: 'Mon–Fri 08:00–16:00' },
  address: null,
};
const mitrovica = {
  code: 'MITROVICA',
  names: { sq: 'Mitrovicë', srLatn: 'Mitrovica', srCyrl: 'Митровица', en: 'Mitrovica' },
  phone: null,
  email: null,
  hours: null,
  address: null,
};

function stub(patch: (url: string, init?: RequestInit) => Response) {
  const fetch = vi.fn(
    fetchRoutes({
      '/api/v1/auth/me': () => json(200, sessionFor('ADMIN')),
      '/api/v1/reference/offices': () => json(200, [pristina, mitrovica]),
      '/api/v1/reference/offices/MITROVICA': patch,
    }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const section = (name: string) => screen.findByRole('region', { name }, { timeout: 10_000 });

describe('the offices page', { timeout: 30_000 }, () => {
  it("shows each office's details and saves a change (empty fields clear)", async () => {
    const patch = vi.fn((_url: string, init?: RequestInit) => {
      expect(init?.method).toBe('PATCH');
      expect(JSON.parse(String(init?.body))).toEqual({
        phone: '+383 28 000 111',
        email: 'mitrovica@example.test',
        hours: { sq: 'E hënë–e premte 08:00–15:00', sr: 'Pon–pet 08:00–15:00', en: null },
      });
      return json(200, {
        ...mitrovica,
        phone: '+383 28 000 111',
        email: 'mitrovica@example.test',
        hours: { sq: 'E hënë–e premte 08:00–15:00', sr: 'Pon–pet 08:00–15:00', en: null },
      });
    });
    stub(patch);
    renderApp('/admin/offices', i18n);

    expect(await screen.findByRole('heading', { level: 1, name: 'Offices' }, { timeout: 10_000 })).toBeDefined();
    const first = await section('Pristina');
    expect((within(first).getByLabelText('Phone') as HTMLInputElement).value).toBe('+383 38 000 000');
    expect((within(first).getByLabelText('Opening hours in English') as HTMLTextAreaElement).value).toBe(
      'Mon–Fri 08:00–16:00',
    );

    const form = await section('Mitrovica');
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '+383 28 000 111' } });
    fireEvent.change(within(form).getByLabelText('Email address'), { target: { value: ' Mitrovica@Example.test ' } });
    fireEvent.change(within(form).getByLabelText('Opening hours in Albanian'), {
      target: { value: 'E hënë–e premte 08:00–15:00' },
    });
    fireEvent.change(within(form).getByLabelText('Opening hours in Serbian'), {
      target: { value: 'Pon–pet 08:00–15:00' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Office details saved')).toBeDefined();
    expect(patch).toHaveBeenCalledTimes(1);
  });

  it('explains a bad phone number and email in words before sending anything', async () => {
    const patch = vi.fn(() => json(200, mitrovica));
    stub(patch);
    renderApp('/admin/offices', i18n);
    const form = await section('Mitrovica');

    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: 'call us' } });
    fireEvent.change(within(form).getByLabelText('Email address'), { target: { value: 'office at example' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await within(form).findByText('Enter a phone number in digits, for example +383 38 000 000.')).toBeDefined();
    expect(within(form).getByText('Enter an email address, for example office@example.org.')).toBeDefined();
    expect(patch).not.toHaveBeenCalled();
  });

  it("puts the server's field error next to its field and keeps what was typed", async () => {
    const patch = vi.fn(() =>
      json(400, {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'The request has invalid fields',
        errors: [{ field: 'hours.en', message: 'At most 200 characters', code: 'too_big' }],
      }),
    );
    stub(patch);
    renderApp('/admin/offices', i18n);
    const form = await section('Mitrovica');

    fireEvent.change(within(form).getByLabelText('Opening hours in English'), { target: { value: 'Mon–Fri 9–5' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(patch).toHaveBeenCalledTimes(1));
    const field = within(form).getByLabelText('Opening hours in English') as HTMLTextAreaElement;
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(field.value).toBe('Mon–Fri 9–5');
  });
});
