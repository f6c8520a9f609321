import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n';
import { setCsrfToken } from './lib/api';
import {
  bodyOf,
  caseDetail,
  CASE_ID,
  json,
  OTHER_CASE_ID,
  renderPortal,
  session,
  stubApi,
  testI18n,
} from './test-helpers';

const anonymous = { 'GET /me': () => json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in' }) };
const wrong = () =>
  json(401, {
    statusCode: 401,
    code: 'UNAUTHENTICATED',
    message: 'The case number or the access code is not correct',
  });

function fillAndSubmit(caseNumber: string, accessCode: string) {
  fireEvent.change(screen.getByLabelText('Case number'), { target: { value: caseNumber } });
  fireEvent.change(screen.getByLabelText('Access code'), { target: { value: accessCode } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

beforeEach(() => setCsrfToken(null));
afterEach(() => {
  vi.unstubAllGlobals();
  window.localStorage.clear();
  window.sessionStorage.clear();
});

describe('sign-in', () => {
  it('asks for both fields before calling the server', async () => {
    const fetchMock = stubApi(anonymous);
    await renderPortal('/family', await testI18n());
    expect(await screen.findByRole('heading', { level: 1, name: 'Family portal' })).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const caseNumber = screen.getByLabelText('Case number');
    expect(caseNumber.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Please enter the case number.')).toBeDefined();
    expect(screen.getByText('Please enter the access code.')).toBeDefined();
    expect(document.activeElement).toBe(caseNumber);
    expect(fetchMock).toHaveBeenCalledTimes(1); // only the first GET /me
  });

  it('says the same for every wrong combination, and reads the letter as typed', async () => {
    const fetchMock = stubApi({ ...anonymous, 'POST /login': wrong });
    await renderPortal('/family', await testI18n());
    await screen.findByLabelText('Case number');

    // A Serbian Cyrillic keyboard: МП for MP and lookalike letters in the code.
    fillAndSubmit('  мп 42 ', '7кх4 м9pq-r2tw');
    const alert = await screen.findByText(/The case number and the access code do not match/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(bodyOf(fetchMock, 'POST /login')).toEqual({ caseNumber: 'MP 42', accessCode: '7KX4M9PQR2TW' });
  });

  it('explains a lockout with the minutes to wait and whom to call', async () => {
    stubApi({
      ...anonymous,
      'POST /login': () =>
        json(
          429,
          { statusCode: 429, code: 'LOCKED_OUT', message: 'Too many failed attempts' },
          { 'Retry-After': '840' },
        ),
    });
    await renderPortal('/family', await testI18n());
    await screen.findByLabelText('Case number');
    fillAndSubmit('MP-000042', 'AAAA-BBBB-CCCC');
    expect(
      await screen.findByText(/paused for your safety.*try again in 14 minutes, or call your office/),
    ).toBeDefined();
  });

  it('tells a too-busy device and a lost connection apart from a wrong code', async () => {
    let answer: () => Response = () =>
      json(429, { statusCode: 429, code: 'RATE_LIMITED', message: 'Too many requests' }, { 'Retry-After': '30' });
    stubApi({ ...anonymous, 'POST /login': () => answer() });
    await renderPortal('/family', await testI18n());
    await screen.findByLabelText('Case number');
    fillAndSubmit('MP-000042', 'AAAA-BBBB-CCCC');
    expect(await screen.findByText(/many attempts from this device/)).toBeDefined();

    answer = () => {
      throw new TypeError('Failed to fetch');
    };
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText(/could not reach the portal/)).toBeDefined();
  });

  it('shows the case after sign-in, in plain words, with the office to call', async () => {
    const fetchMock = stubApi({
      ...anonymous,
      'POST /login': () => json(200, session),
      [`GET /cases/${CASE_ID}`]: () => json(200, caseDetail()),
      'POST /logout': () => new Response(null, { status: 204 }),
    });
    await renderPortal('/family', await testI18n());
    await screen.findByLabelText('Case number');
    fillAndSubmit('MP-000042', 'AAAA-BBBB-CCCC');

    expect(await screen.findByRole('heading', { level: 1, name: 'Arben Fiktivi' })).toBeDefined();
    expect(window.location.pathname).toBe(`/family/cases/${CASE_ID}`);
    expect(screen.getByText('Case number MP-000042')).toBeDefined();
    expect(screen.getByText('The search continues')).toBeDefined();
    expect(screen.queryByText('SEARCHING')).toBeNull();
    expect(screen.getByText('1 new message from your liaison officer')).toBeDefined();
    expect(screen.getByText('03.12.2026')).toBeDefined();
    expect(screen.getByText('We spoke with the ICRC about your request.')).toBeDefined();
    expect(screen.getByRole('heading', { level: 3, name: 'Home visit' })).toBeDefined();
    expect(screen.getByRole('link', { name: '+383 38 000 000' }).getAttribute('href')).toBe('tel:+38338000000');
    expect(screen.getByText('Teuta Officer')).toBeDefined();
    expect(screen.getByText('Pristina office')).toBeDefined();

    // Signing out is a write: it carries the CSRF token from the sign-in.
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('You have signed out. Thank you for your visit.')).toBeDefined();
    expect(window.location.pathname).toBe('/family');
    const logout = fetchMock.mock.calls.find(([input]) => String(input).endsWith('/api/v1/family/logout'));
    expect((logout?.[1]?.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-token-1');
  });

  it('lists the cases when there are several', async () => {
    const two = { ...session, cases: [...session.cases, { id: OTHER_CASE_ID, caseNumber: 'MP-000043' }] };
    stubApi({
      'GET /me': () => json(200, two),
      'GET /cases': () =>
        json(200, {
          items: [
            { ...caseDetail(), unreadMessages: 0 },
            {
              id: OTHER_CASE_ID,
              caseNumber: 'MP-000043',
              missingPerson: { firstName: 'Besim', lastName: 'Fiktivi' },
              stage: 'IDENTIFIED',
              lastUpdateAt: '2026-10-01T10:00:00.000Z',
              unreadMessages: 2,
            },
          ],
        }),
    });
    await renderPortal('/family', await testI18n());
    expect(await screen.findByRole('heading', { level: 1, name: 'Your cases' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'Besim Fiktivi' }).getAttribute('href')).toBe(
      `/family/cases/${OTHER_CASE_ID}`,
    );
    expect(screen.getByText('Your family member has been identified')).toBeDefined();
    expect(screen.getByText('2 new messages from your liaison officer')).toBeDefined();
    expect(screen.getByRole('navigation', { name: 'Portal menu' })).toBeDefined();
  });

  it("answers another family's case with the not-found page", async () => {
    stubApi({
      'GET /me': () => json(200, session),
      [`GET /cases/${OTHER_CASE_ID}`]: () =>
        json(404, { statusCode: 404, code: 'NOT_FOUND', message: 'Case not found' }),
    });
    await renderPortal(`/family/cases/${OTHER_CASE_ID}`, await testI18n());
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeDefined();
    expect(screen.getByText(/We could not find this case/)).toBeDefined();
  });

  it('after the session ended, says so calmly and signs in again to the same page', async () => {
    let caseAnswer = () => json(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Session expired' });
    stubApi({
      'GET /me': () => json(200, session),
      [`GET /cases/${CASE_ID}`]: () => caseAnswer(),
      'POST /login': () => json(200, session),
    });
    await renderPortal(`/family/cases/${CASE_ID}`, await testI18n());

    expect(await screen.findByRole('heading', { level: 1, name: 'You have been signed out' })).toBeDefined();
    expect(window.location.pathname).toBe('/family/signed-out');
    expect(screen.getByText(/For your safety/)).toBeDefined();

    caseAnswer = () => json(200, caseDetail());
    fillAndSubmit('MP-000042', 'AAAA-BBBB-CCCC');
    expect(await screen.findByRole('heading', { level: 1, name: 'Arben Fiktivi' })).toBeDefined();
    expect(window.location.pathname).toBe(`/family/cases/${CASE_ID}`);
  });

  it('a reload after the session ended on the server explains it, where a first visit just asks to sign in', async () => {
    stubApi(anonymous);
    window.sessionStorage.setItem('mprc.family.signedIn', '1');
    const first = await renderPortal(`/family/cases/${CASE_ID}`, await testI18n());
    expect(await screen.findByRole('heading', { level: 1, name: 'You have been signed out' })).toBeDefined();
    expect(window.location.pathname).toBe('/family/signed-out');
    first.unmount();

    await renderPortal(`/family/cases/${CASE_ID}`, await testI18n());
    expect(await screen.findByRole('heading', { level: 1, name: 'Family portal' })).toBeDefined();
  });

  it('switches language from the header and remembers it', async () => {
    stubApi(anonymous);
    const i18n = await testI18n('sq');
    await renderPortal('/family', i18n);
    expect(await screen.findByRole('heading', { level: 1, name: 'Portali për familjet' })).toBeDefined();
    await waitFor(() => expect(document.title).toBe('Portali për familjet – Qendra Burimore për Personat e Zhdukur'));

    const header = screen.getByRole('banner');
    fireEvent.change(within(header).getByRole('combobox', { name: 'Gjuha' }), { target: { value: 'sr-Cyrl' } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Портал за породице' })).toBeDefined();
    expect(screen.getByLabelText('Број предмета')).toBeDefined();
    expect(document.documentElement.lang).toBe('sr-Cyrl');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sr-Cyrl');
  });
});
