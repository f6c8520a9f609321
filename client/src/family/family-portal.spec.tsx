import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n';
import { createTestI18n } from '@/testing/test-utils';
import { FamilyPortal } from './family-portal';

describe('family portal', () => {
  afterEach(() => window.localStorage.clear());

  it('shows its title in the chosen language and remembers the choice', async () => {
    const i18n = await createTestI18n('sq', ['common', 'family']);
    render(
      <I18nextProvider i18n={i18n}>
        <FamilyPortal />
      </I18nextProvider>,
    );

    expect(screen.getByRole('heading', { level: 1, name: 'Portali për familjet' })).toBeDefined();
    expect(screen.getByRole('main')).toBeDefined();
    await waitFor(() => expect(document.title).toBe('Portali për familjet – Qendra Burimore për Personat e Zhdukur'));

    fireEvent.change(screen.getByRole('combobox', { name: 'Gjuha' }), { target: { value: 'sr-Latn' } });

    expect(await screen.findByRole('heading', { level: 1, name: 'Portal za porodice' })).toBeDefined();
    expect(document.documentElement.lang).toBe('sr-Latn');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sr-Latn');
  });
});
