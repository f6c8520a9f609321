// Helpers for the portal's component tests (imported by *.spec.tsx only).
import type { FamilyCaseDetail, FamilySessionResponse } from '@mprc/contracts';
import { render } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import { createI18n, type UiLanguage } from '@/lib/i18n';
import { FamilyApp } from './family-app';

export const CASE_ID = '6f1c2a4e-5b7d-4c3a-9e2f-1a2b3c4d5e6f';
export const OTHER_CASE_ID = '0b9e8d7c-6a5b-4c3d-8e2f-9a8b7c6d5e4f';

export function testI18n(language: UiLanguage = 'en'): Promise<I18n> {
  return createI18n({ language, namespaces: ['common', 'family'] });
}

export const session: FamilySessionResponse = {
  relative: {
    id: '11111111-2222-4333-8444-555555555555',
    firstName: 'Drita',
    lastName: 'Fiktivi',
    phone: '+383 44 000 001',
    email: null,
    address: null,
    preferredLanguage: 'sq',
  },
  csrfToken: 'csrf-token-1',
  cases: [{ id: CASE_ID, caseNumber: 'MP-000042' }],
  idleTimeoutMinutes: 30,
  expiresAt: new Date(Date.now() + 12 * 3600_000).toISOString(),
};

export function caseDetail(change: Partial<FamilyCaseDetail> = {}): FamilyCaseDetail {
  return {
    id: CASE_ID,
    caseNumber: 'MP-000042',
    missingPerson: { firstName: 'Arben', lastName: 'Fiktivi' },
    stage: 'SEARCHING',
    lastUpdateAt: '2026-11-20T10:00:00.000Z',
    unreadMessages: 1,
    office: {
      code: 'PRISTINA',
      name: {
        sq: 'Zyra në Prishtinë',
        srLatn: 'Kancelarija u Prištini',
        srCyrl: 'Канцеларија у Приштини',
        en: 'Pristina office',
      },
      phone: '+383 38 000 000',
      email: null,
      hours: { sq: 'E hënë–e premte 8:00–16:00', sr: 'Pon–pet 8:00–16:00', en: 'Mon–Fri 8:00–16:00' },
      address: null,
    },
    liaisonOfficer: { name: 'Teuta Officer' },
    nextAppointment: '2026-12-03',
    timeline: [
      { kind: 'UPDATE', at: '2026-11-20T10:00:00.000Z', message: 'We spoke with the ICRC about your request.' },
      { kind: 'CONTACT', at: '2026-11-10T09:00:00.000Z', channel: 'VISIT', summary: 'We visited you at home.' },
      { kind: 'CASE_OPENED', at: '2026-11-01T09:00:00.000Z' },
    ],
    attachments: [],
    messages: [
      {
        id: '22222222-2222-4333-8444-555555555555',
        at: '2026-11-18T10:00:00.000Z',
        from: 'OFFICE',
        body: 'Hello, I will call you on Monday.',
        meetingRequested: false,
        authorName: 'Teuta Officer',
        readAt: null,
      },
    ],
    ...change,
  };
}

export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

type Handler = (init: RequestInit | undefined) => Response | Promise<Response>;

/** A fetch stub answering "METHOD /path" (under /api/v1/family); anything else fails the test. */
export function stubApi(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url, 'http://localhost').pathname.replace('/api/v1/family', '');
    const key = `${init?.method ?? 'GET'} ${path}`;
    const handler = routes[key];
    if (!handler) throw new Error(`Unexpected request in test: ${key}`);
    return handler(init);
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The JSON body of the first request to "METHOD /path". */
export function bodyOf(fetchMock: ReturnType<typeof stubApi>, key: string): unknown {
  const [method, path] = key.split(' ');
  const call = fetchMock.mock.calls.find(
    ([input, init]) => (init?.method ?? 'GET') === method && String(input).endsWith(`/api/v1/family${path}`),
  );
  return call?.[1]?.body ? JSON.parse(String(call[1].body)) : undefined;
}

/** The whole portal at a path. The lazy signed-in chunk is loaded first: compiling it on demand can outlast findBy's wait. */
export async function renderPortal(path: string, i18n: I18n) {
  await import('./portal/portal');
  window.history.replaceState(null, '', path);
  return render(
    <I18nextProvider i18n={i18n}>
      <FamilyApp />
    </I18nextProvider>,
  );
}
