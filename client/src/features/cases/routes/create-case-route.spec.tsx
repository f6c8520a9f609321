import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionFor } from '@/features/auth/testing/session-fixtures';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { caseResponse, referenceRoutes, stubDocumentFonts } from '../testing/fixtures';
import { NEW_CASE_DRAFT_KEY } from './create-case-route';

vi.setConfig({ testTimeout: 30_000 });
const WAIT = { timeout: 10_000 };

let i18n: I18n;
beforeAll(async () => {
  stubDocumentFonts();
  i18n = await createTestI18n('en', ['common', 'auth', 'cases']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  window.sessionStorage.clear();
  setCsrfToken(null);
});

const candidate = {
  caseId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  caseNumber: 'MP-000042',
  firstName: 'Bekim',
  lastName: 'Hoxha',
  fatherName: 'Sali',
  birthYear: 1955,
  municipalityCode: 'GJAKOVA',
  officeCode: 'PRISTINA',
  fateStatus: 'MISSING',
  workflowStatus: 'ACTIVE',
  score: 0.87,
  reasons: ['FIRST_NAME_SAME', 'LAST_NAME_SAME', 'FATHER_NAME_SAME', 'BIRTH_YEAR_DIFFERENT'],
};

interface Stub {
  duplicateQueries: URLSearchParams[];
  created: unknown[];
}

function stubApi(createAnswer: (body: unknown) => Response): Stub {
  const stub: Stub = { duplicateQueries: [], created: [] };
  vi.stubGlobal(
    'fetch',
    vi.fn(
      fetchRoutes({
        '/api/v1/auth/me': () => json(200, sessionFor('LIAISON_OFFICER')),
        ...referenceRoutes,
        '/api/v1/cases/duplicates': (url) => {
          stub.duplicateQueries.push(new URL(url, 'http://localhost').searchParams);
          return json(200, [candidate]);
        },
        '/api/v1/cases': (_url, init) => {
          const body = JSON.parse(String(init?.body));
          stub.created.push(body);
          return createAnswer(body);
        },
        [`/api/v1/cases/${caseResponse().id}`]: () => json(200, caseResponse()),
        [`/api/v1/cases/${caseResponse().id}/timeline`]: () => json(200, []),
        [`/api/v1/cases/${caseResponse().id}/relatives`]: () => json(200, []),
      }),
    ),
  );
  return stub;
}

const field = (label: RegExp | string) => screen.getByLabelText(label) as HTMLInputElement;

describe('new case form', () => {
  it('checks the fields with the shared schema before anything is sent', async () => {
    const stub = stubApi(() => json(201, caseResponse()));
    renderApp('/cases/new', i18n);
    fireEvent.click(await screen.findByRole('button', { name: 'Create case' }, WAIT));

    await waitFor(() => expect(screen.getAllByText('Required.')).toHaveLength(2));
    expect(document.activeElement).toBe(field(/^First name/));

    fireEvent.change(field(/^First name/), { target: { value: 'Bekim' } });
    fireEvent.change(field(/^Last name/), { target: { value: 'Hoxha' } });
    // Partial dates: read as the officer wrote them, refused when certainly wrong.
    fireEvent.change(field('Date of birth'), { target: { value: '4.1982' } });
    fireEvent.blur(field('Date of birth'));
    expect(field('Date of birth').value).toBe('1982-04');
    expect(screen.getByText('Reads as: April 1982')).toBeDefined();
    fireEvent.change(field('Missing since'), { target: { value: '1970' } });
    fireEvent.blur(field('Missing since'));
    fireEvent.click(screen.getByRole('button', { name: 'Create case' }));
    expect(await screen.findByText('The person cannot have gone missing before they were born.')).toBeDefined();
    expect(stub.created).toHaveLength(0);
  });

  it('shows likely duplicates with score and reasons as the officer types, before saving', async () => {
    const stub = stubApi(() => json(201, caseResponse()));
    renderApp('/cases/new', i18n);
    const panel = await screen.findByRole('region', { name: 'Possible duplicates' }, WAIT);
    expect(within(panel).getByText(/Type a first or last name/)).toBeDefined();

    fireEvent.change(field(/^First name/), { target: { value: 'Bekim' } });
    fireEvent.change(field("Father's name"), { target: { value: 'Sali' } });
    fireEvent.change(field(/^Last name/), { target: { value: 'Hodža' } });
    fireEvent.change(field('Date of birth'), { target: { value: '1982' } });
    fireEvent.blur(field('Date of birth'));

    const item = await within(panel).findByRole('listitem', { name: 'Bekim (Sali) Hoxha' }, WAIT);
    expect(within(item).getByText('87% match')).toBeDefined();
    expect(within(item).getByText("Same father's name")).toBeDefined();
    expect(within(item).getByText('Different birth year')).toBeDefined();
    expect(within(item).getByRole('link', { name: 'Open case MP-000042' }).getAttribute('href')).toBe(
      `/cases/${candidate.caseId}`,
    );
    expect(within(panel).getByRole('status').textContent).toBe('1 similar case found. Check it before you save.');
    // Debounced: one question for what was typed, with the birth year taken from the date.
    await waitFor(() =>
      expect(Object.fromEntries(stub.duplicateQueries.at(-1)!)).toEqual({
        firstName: 'Bekim',
        lastName: 'Hodža',
        fatherName: 'Sali',
        birthYear: '1982',
      }),
    );
    expect(stub.duplicateQueries.length).toBeLessThanOrEqual(3);
    expect(stub.created).toHaveLength(0);
  });

  it('puts server field errors on their fields and keeps everything typed', async () => {
    stubApi(() =>
      json(409, {
        statusCode: 409,
        code: 'CONFLICT',
        message: 'An external reference is already recorded on another case',
        errors: [
          { field: 'externalReferences.0.reference', message: 'Already recorded on another case', code: 'duplicate' },
        ],
        requestId: 'req-1',
      }),
    );
    renderApp('/cases/new', i18n);
    fireEvent.change(await screen.findByLabelText(/^First name/, {}, WAIT), { target: { value: 'Bekim' } });
    fireEvent.change(field(/^Last name/), { target: { value: 'Hoxha' } });
    fireEvent.change(field(/^Circumstances/), { target: { value: 'Taken from the bus near Gjakova.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a reference' }));
    fireEvent.change(field('Reference 1'), { target: { value: 'KOS-7741' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create case' }));

    expect(
      await screen.findByText(
        'This reference is already recorded on another case. Search for it: it may be the same person.',
        {},
        WAIT,
      ),
    ).toBeDefined();
    expect(field('Reference 1').getAttribute('aria-invalid')).toBe('true');
    expect(field(/^First name/).value).toBe('Bekim');
    expect(field(/^Circumstances/).value).toBe('Taken from the bus near Gjakova.');
    expect(field('Reference 1').value).toBe('KOS-7741');
    // The draft is kept for the tab too.
    await waitFor(() =>
      expect(JSON.parse(window.sessionStorage.getItem(NEW_CASE_DRAFT_KEY) ?? '{}')).toMatchObject({
        firstName: 'Bekim',
        externalReferences: [{ system: 'ICRC', reference: 'KOS-7741' }],
      }),
    );
  });

  it('brings an unsaved report back after a reload, and saves it', async () => {
    window.sessionStorage.setItem(
      NEW_CASE_DRAFT_KEY,
      JSON.stringify({ firstName: 'Bekim', lastName: 'Hoxha', otherNames: ['Беким Хоџа'], unknownField: 'x' }),
    );
    const stub = stubApi(() => json(201, caseResponse()));
    const { router } = renderApp('/cases/new', i18n);
    expect(await screen.findByText('Your unsaved report is back', {}, WAIT)).toBeDefined();
    expect(field(/^First name/).value).toBe('Bekim');
    expect(screen.getByText('Беким Хоџа')).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Create case' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${caseResponse().id}`), WAIT);
    expect(stub.created[0]).toMatchObject({
      firstName: 'Bekim',
      lastName: 'Hoxha',
      otherNames: ['Беким Хоџа'],
      sex: 'UNKNOWN',
      fatherName: null,
      dateOfBirth: null,
      externalReferences: [],
    });
    // A liaison officer's case goes to their own office: no office is sent.
    expect(stub.created[0]).not.toHaveProperty('officeCode');
    expect(window.sessionStorage.getItem(NEW_CASE_DRAFT_KEY)).toBeNull();
  });
});
