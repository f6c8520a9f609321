import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RelativeResponse, Role } from '@mprc/contracts';
import type { i18n as I18n } from 'i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { caseResponse, stubDocumentFonts } from '@/features/cases/testing/fixtures';
import { RoleContext } from '@/lib/authorization';
import { createTestI18n, fetchRoutes, json, renderWithProviders } from '@/testing/test-utils';
import { RelativesTab } from './relatives-tab';

vi.setConfig({ testTimeout: 30_000 });

const caseData = caseResponse();
const RELATIVE_ID = '0b7e2a51-4c3d-4e8f-9a10-2b3c4d5e6f70';
const base = `/api/v1/cases/${caseData.id}`;

function relative(overrides: Partial<RelativeResponse> = {}): RelativeResponse {
  return {
    id: RELATIVE_ID,
    caseId: caseData.id,
    firstName: 'Fiktive',
    lastName: 'Testaj',
    relationship: 'MOTHER',
    isPrimaryContact: true,
    phone: '+383 44 000 999',
    email: 'fiktive.testaj@example.test',
    address: 'Rruga e Provës 1',
    preferredLanguage: 'sq',
    dnaSampleGiven: 'UNKNOWN',
    erased: false,
    consents: [],
    otherCases: [],
    createdAt: '2024-03-01T10:00:00.000Z',
    updatedAt: '2024-03-01T10:00:00.000Z',
    ...overrides,
  };
}

const ACTIVE_CONSENT = {
  id: '5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
  relativeId: RELATIVE_ID,
  organisation: 'ICRC',
  givenOn: '2024-01-10',
  withdrawnOn: null,
  createdAt: '2024-01-10T09:00:00.000Z',
};

const portalSummary = { caseNumber: caseData.caseNumber, familyLoginLockedUntil: null, relatives: [] };

let i18n: I18n;
beforeAll(async () => {
  stubDocumentFonts();
  i18n = await createTestI18n('en', ['common', 'cases', 'relatives']);
});
afterEach(() => vi.unstubAllGlobals());

function stub(list: () => RelativeResponse[], erase?: (body: unknown) => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      fetchRoutes({
        [`${base}/relatives`]: () => json(200, list()),
        [`${base}/portal-access`]: () => json(200, portalSummary),
        ...(erase
          ? { [`${base}/relatives/${RELATIVE_ID}/erase`]: (_url, init) => erase(JSON.parse(String(init?.body))) }
          : {}),
      }),
    ),
  );
}

function renderTab(role: Role) {
  return renderWithProviders(
    <RoleContext value={role}>
      <MemoryRouter>
        <RelativesTab caseData={caseData} />
      </MemoryRouter>
    </RoleContext>,
    i18n,
  );
}

describe('erasing a relative’s personal data', () => {
  it('is not offered to a liaison officer', async () => {
    stub(() => [relative()]);
    renderTab('LIAISON_OFFICER');
    expect(await screen.findByRole('heading', { name: 'Fiktive Testaj' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Edit Fiktive Testaj' })).toBeDefined();
    expect(screen.queryByRole('button', { name: /Erase/ })).toBeNull();
  });

  it('is disabled for a manager while a consent is in force, and says why', async () => {
    stub(() => [relative({ consents: [ACTIVE_CONSENT] })]);
    renderTab('MANAGER');
    const button = await screen.findByRole('button', { name: 'Erase the personal data of Fiktive Testaj' });
    expect((button as HTMLButtonElement).disabled).toBe(true);
    const hint = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/consent to share their data is still in force/);
  });

  it('explains what goes and what stays, needs a reason, then shows the relative as erased', async () => {
    const sent: unknown[] = [];
    let erased = false;
    stub(
      () => [
        erased
          ? relative({
              firstName: 'Erased',
              lastName: 'relative',
              phone: null,
              email: null,
              address: null,
              erased: true,
            })
          : relative({ consents: [{ ...ACTIVE_CONSENT, withdrawnOn: '2024-02-01' }] }),
      ],
      (body) => {
        sent.push(body);
        erased = true;
        return json(200, {
          relativeId: RELATIVE_ID,
          erasedAt: '2024-03-05T10:00:00.000Z',
          contacts: 2,
          messages: 1,
          sessions: 0,
        });
      },
    );
    renderTab('MANAGER');
    fireEvent.click(await screen.findByRole('button', { name: 'Erase the personal data of Fiktive Testaj' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase the personal data of Fiktive Testaj?' });
    expect(within(dialog).getByText('Their name becomes "Erased relative".')).toBeDefined();
    expect(within(dialog).getByText('Their phone, email and address are removed.')).toBeDefined();
    expect(within(dialog).getByText(/The case and their relationship to the missing person/)).toBeDefined();
    expect(within(dialog).getByText(/The statistics: how many contacts and messages/)).toBeDefined();
    expect(within(dialog).getByText(/audit trail .* without the erased data/)).toBeDefined();
    expect(within(dialog).getByText('This cannot be undone.')).toBeDefined();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase permanently' }));
    expect(await within(dialog).findByText('Required.')).toBeDefined();
    expect(sent).toHaveLength(0);

    fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: 'Written request FR-0001' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase permanently' }));
    await waitFor(() => expect(sent).toEqual([{ reason: 'Written request FR-0001' }]));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText("This relative's personal data was erased.")).toBeDefined();
    expect(screen.queryByText('Fiktive Testaj')).toBeNull();
    expect(screen.queryByText('+383 44 000 999')).toBeNull();
    expect(screen.queryByRole('button', { name: /Erase/ })).toBeNull();
  });

  it('shows the server’s refusal in plain words when a consent was recorded meanwhile', async () => {
    stub(
      () => [relative()],
      () =>
        json(409, {
          statusCode: 409,
          code: 'CONFLICT',
          message: 'The relative has 1 consent(s) in force: withdraw them before erasing',
          errors: [{ field: 'consents', message: 'Consent still in force', code: 'consent_active' }],
          requestId: 'req-1',
        }),
    );
    renderTab('MANAGER');
    fireEvent.click(await screen.findByRole('button', { name: 'Erase the personal data of Fiktive Testaj' }));
    const dialog = screen.getByRole('dialog', { name: 'Erase the personal data of Fiktive Testaj?' });
    fireEvent.change(within(dialog).getByLabelText(/^Reason/), { target: { value: 'Written request FR-0002' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Erase permanently' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toMatch(/The data was not erased/);
    expect(alert.textContent).toMatch(/Record its withdrawal first, then erase/);
    expect(screen.getByRole('dialog')).toBeDefined();
  });
});
