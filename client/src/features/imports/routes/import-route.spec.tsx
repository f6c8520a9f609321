import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ImportResponse, ImportUsedMapping } from '@mprc/contracts';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { sessionFor } from '../../auth/testing/session-fixtures';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'imports']);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const ID = '0b7f3a52-9a7e-4d0c-8d43-0f6a1f3c9e11';
const CASE_ID = '2f6a3c1e-8b1d-4c8e-9f3a-5d6e7f809a1b';
const counts = { total: 3, valid: 1, invalid: 1, duplicates: 1, existing: 0, created: 0, skipped: 0 };
const uploaded: ImportResponse = {
  id: ID,
  fileName: 'lista.csv',
  fileFormat: 'csv',
  fileHash: 'a'.repeat(64),
  encoding: 'windows-1250',
  delimiter: ';',
  sheetName: null,
  rowCount: 3,
  columns: ['Ime', 'Prezime', 'Selo'],
  proposedMapping: { Ime: 'firstName', Prezime: 'lastName' },
  sampleRows: [['Petar', 'Ilić', 'Sevce']],
  status: 'UPLOADED',
  usedMapping: null,
  counts: { ...counts, total: 3, valid: 0, invalid: 0, duplicates: 0 },
  sameFile: [],
  createdBy: { id: sessionFor('MANAGER').user.id, name: 'Ana Krasniqi' },
  createdAt: '2026-11-27T09:00:00.000Z',
  committedAt: null,
};
const usedMapping: ImportUsedMapping = {
  mapping: { Ime: 'firstName', Prezime: 'lastName', Selo: 'lastSeenPlace' },
  defaultOfficeCode: 'MITROVICA',
};
const rows = [
  {
    rowNumber: 2,
    status: 'INVALID',
    firstName: 'Jovan',
    lastName: null,
    values: { Ime: 'Jovan' },
    errors: [{ column: 'Prezime', field: 'lastName', code: 'required', message: 'Required', value: null }],
    candidates: [],
    case: null,
  },
  {
    rowNumber: 3,
    status: 'DUPLICATE',
    firstName: 'Петар',
    lastName: 'Илић',
    values: {},
    errors: [],
    candidates: [
      {
        caseId: CASE_ID,
        caseNumber: 'MP-000123',
        rowNumber: null,
        firstName: 'Petar',
        lastName: 'Ilić',
        fatherName: null,
        birthYear: 1960,
        score: 0.85,
        reasons: ['LAST_NAME_SAME'],
      },
    ],
    case: null,
  },
];

describe('an import', { timeout: 30_000 }, () => {
  it('maps a column by hand, runs the dry run, shows errors by column and duplicates, and commits the choices', async () => {
    let detail: ImportResponse = uploaded;
    const dryRun = vi.fn((_url: string, _init?: RequestInit) => {
      detail = { ...uploaded, status: 'DRY_RUN', usedMapping, counts };
      return json(200, { id: ID, total: 3, valid: 1, invalid: 1, duplicates: 1, existing: 0, rows });
    });
    const commit = vi.fn(() => json(200, { id: ID, created: 2, skipped: 1, existing: 0, excluded: 1 }));
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          '/api/v1/auth/me': () => json(200, sessionFor('MANAGER')),
          '/api/v1/messages/unread-count': () => json(200, { unreadCount: 0 }),
          '/api/v1/reference/offices': () =>
            json(200, [
              {
                code: 'MITROVICA',
                names: { en: 'Mitrovica', sq: 'Mitrovicë', srLatn: 'Mitrovica', srCyrl: 'Митровица' },
                phone: null,
                hours: null,
                address: null,
              },
            ]),
          '/api/v1/imports/mappings': () => json(200, []),
          [`/api/v1/imports/${ID}`]: () => json(200, detail),
          [`/api/v1/imports/${ID}/dry-run`]: dryRun,
          [`/api/v1/imports/${ID}/rows`]: (url) => {
            const filter = new URL(url, 'http://localhost').searchParams.get('filter');
            const items = rows.filter(
              (r) => filter === 'all' || (filter === 'invalid' ? r.status === 'INVALID' : r.status === 'DUPLICATE'),
            );
            return json(200, { items, total: items.length, page: 1, pageSize: 25 });
          },
          [`/api/v1/imports/${ID}/commit`]: commit,
        }),
      ),
    );
    renderApp(`/imports/${ID}`, i18n);

    await screen.findByRole('heading', { level: 1, name: 'Import: lista.csv' }, { timeout: 10_000 });
    expect(screen.getByText('Windows-1250')).toBeDefined();
    expect(screen.getByText('semicolon')).toBeDefined();
    expect((screen.getByLabelText('Ime') as HTMLSelectElement).value).toBe('firstName');
    const selo = screen.getByLabelText('Selo') as HTMLSelectElement;
    expect(selo.value).toBe('');
    fireEvent.change(selo, { target: { value: 'lastSeenPlace' } });
    await screen.findByRole('option', { name: /Mitrovica/ });
    fireEvent.change(screen.getByLabelText('Office for rows without one'), { target: { value: 'MITROVICA' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check all rows' }));

    await waitFor(() => expect(dryRun).toHaveBeenCalled());
    expect(JSON.parse(String(dryRun.mock.calls[0][1]?.body))).toEqual(usedMapping);
    // Errors first, by the file's column, in words.
    const report = await screen.findByRole('region', { name: 'Check result' });
    const invalid = await within(report).findByRole('listitem', { name: 'Row 2: Jovan' });
    expect(invalid.textContent).toContain('Prezime: Missing');

    fireEvent.click(within(report).getByRole('radio', { name: 'Possible duplicates' }));
    const duplicate = await within(report).findByRole('listitem', { name: 'Row 3: Петар Илић' });
    expect(within(duplicate).getByRole('link', { name: 'MP-000123 Petar Ilić' }).getAttribute('href')).toBe(
      `/cases/${CASE_ID}`,
    );
    expect(duplicate.textContent).toContain('85% alike');
    const anyway = within(duplicate).getByRole('checkbox', { name: 'Not a duplicate: import row 3 anyway' });
    expect((anyway as HTMLInputElement).checked).toBe(false);
    fireEvent.click(anyway);

    const panel = screen.getByRole('region', { name: 'Create the cases' });
    expect(panel.textContent).toContain('2 cases will be created.');
    fireEvent.click(within(panel).getByRole('button', { name: 'Create 2 cases' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create the cases?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create 2 cases' }));
    await waitFor(() => expect(commit).toHaveBeenCalled());
    expect(JSON.parse(String((commit.mock.calls[0] as unknown as [string, RequestInit])[1].body))).toEqual({
      ...usedMapping,
      excludeInvalid: true,
      duplicates: 'exclude',
      excludeRows: [],
      includeDuplicates: [3],
    });
  });
});
