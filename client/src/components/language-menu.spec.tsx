import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n';
import { createTestI18n, renderWithProviders } from '@/testing/test-utils';
import { LanguageMenu } from './language-menu';

describe('LanguageMenu', () => {
  afterEach(() => window.localStorage.clear());

  it('switches the interface language, sets <html lang> and remembers the choice', async () => {
    const i18n = await createTestI18n('en');
    expect(document.documentElement.lang).toBe('en');
    renderWithProviders(<LanguageMenu />, i18n);

    fireEvent.click(screen.getByRole('button', { name: 'Language: English' }));
    const options = await screen.findAllByRole('menuitemradio');
    expect(options.map((option) => [option.textContent, option.getAttribute('lang')])).toEqual([
      ['Shqip', 'sq'],
      ['Srpski (latinica)', 'sr-Latn'],
      ['Српски (ћирилица)', 'sr-Cyrl'],
      ['English', 'en'],
    ]);
    expect(screen.getByRole('menuitemradio', { name: 'English' }).getAttribute('aria-checked')).toBe('true');

    fireEvent.click(screen.getByRole('menuitemradio', { name: 'Српски (ћирилица)' }));

    await waitFor(() => expect(document.documentElement.lang).toBe('sr-Cyrl'));
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sr-Cyrl');
    // The label itself is now in Serbian Cyrillic, generated from the Latin strings.
    expect(await screen.findByRole('button', { name: 'Језик: Српски (ћирилица)' })).toBeDefined();
  });
});
