import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CaseResponse, Role } from '@mprc/contracts';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestI18n, fetchRoutes, json, renderWithProviders } from '@/testing/test-utils';
import { caseResponse, stubDocumentFonts } from '../testing/fixtures';
import { StatusDialog } from './status-dialog';

vi.setConfig({ testTimeout: 30_000 });

let i18n: I18n;
beforeAll(async () => {
  stubDocumentFonts();
  i18n = await createTestI18n('en', ['common', 'cases']);
});
afterEach(() => vi.unstubAllGlobals());

function open(role: Role, statuses: Pick<CaseResponse, 'fateStatus' | 'workflowStatus'>) {
  const caseData = caseResponse(statuses);
  renderWithProviders(
    <StatusDialog caseData={caseData} role={role} opened onClose={() => {}} familyLanguage="sq" />,
    i18n,
  );
  const dialog = screen.getByRole('dialog', { name: `Change the status of ${caseData.caseNumber}` });
  const radios = (group: string) =>
    within(within(dialog).getByRole('radiogroup', { name: group }))
      .getAllByRole('radio')
      .map((radio) => radio.closest('.mantine-Radio-root')?.textContent ?? '');
  return { dialog, radios };
}

describe('status dialog', () => {
  it('offers a liaison officer only the next steps of the transition tables', () => {
    const { dialog, radios } = open('LIAISON_OFFICER', { fateStatus: 'MISSING', workflowStatus: 'NEW' });
    expect(radios('Fate')).toEqual(['No change', 'Found alive', 'Remains recovered', 'Identified']);
    expect(radios('Stage of our work')).toEqual([
      'No change',
      'Verified: checked against the official lists and for duplicates',
    ]);
    expect(within(dialog).queryByText(/Corrections/)).toBeNull();
    expect(within(dialog).queryByText('Manager decisions')).toBeNull();
    expect(within(dialog).getByText(/Write it in their language \(Albanian\)/)).toBeDefined();
  });

  it('tells a liaison officer that a requested closure waits for a manager', () => {
    const { dialog, radios } = open('LIAISON_OFFICER', {
      fateStatus: 'IDENTIFIED',
      workflowStatus: 'CLOSURE_REQUESTED',
    });
    expect(radios('Fate')).toEqual(['No change', 'Remains handed over to the family']);
    expect(radios('Stage of our work')).toEqual(['No change']);
    expect(within(dialog).getByText('Waiting for a manager to approve or reject the closure.')).toBeDefined();
  });

  it('offers a manager corrections and the closure decisions, which need a reason', () => {
    const { dialog, radios } = open('MANAGER', { fateStatus: 'IDENTIFIED', workflowStatus: 'CLOSURE_REQUESTED' });
    expect(radios('Fate')).toEqual([
      'No change',
      'Remains handed over to the family',
      'Correct to: Missing',
      'Correct to: Found alive',
      'Correct to: Remains recovered',
    ]);
    expect(radios('Stage of our work')).toEqual([
      'No change',
      'Approve the closure',
      'Reject the closure (back to active work)',
    ]);
    expect(within(dialog).getByLabelText(/^Note/)).toBeDefined();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Correct to: Missing' }));
    expect(within(dialog).getByLabelText(/^Reason for this decision/)).toBeDefined();
  });

  it('warns that news of remains reaches the family in person first', () => {
    const { dialog } = open('LIAISON_OFFICER', { fateStatus: 'MISSING', workflowStatus: 'ACTIVE' });
    expect(within(dialog).queryByText(/Tell the family in person first/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Remains recovered' }));
    expect(within(dialog).getByText(/Tell the family in person first/)).toBeDefined();
  });

  it('requires a note and a change, then sends them with the version', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(
        fetchRoutes({
          [`/api/v1/cases/${caseResponse().id}/status`]: (_url, init) => {
            sent.push(JSON.parse(String(init?.body)));
            return json(200, caseResponse({ workflowStatus: 'VERIFIED', version: 5 }));
          },
        }),
      ),
    );
    const { dialog } = open('LIAISON_OFFICER', { fateStatus: 'MISSING', workflowStatus: 'NEW' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the change' }));
    expect(await within(dialog).findByText('Choose a new fate, a new stage, or both.')).toBeDefined();
    expect(within(dialog).getByText('Required.')).toBeDefined();
    expect(sent).toHaveLength(0);

    fireEvent.click(within(dialog).getByRole('radio', { name: /^Verified/ }));
    fireEvent.change(within(dialog).getByLabelText(/^Note/), { target: { value: 'Checked against the lists.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the change' }));
    await waitFor(() =>
      expect(sent).toEqual([
        { workflowStatus: 'VERIFIED', note: 'Checked against the lists.', familyMessage: null, version: 4 },
      ]),
    );
  });
});
