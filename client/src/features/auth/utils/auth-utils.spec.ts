import { describe, expect, it } from 'vitest';
import { createTestI18n } from '@/testing/test-utils';
import { translateFieldError } from './form-errors';
import { formatWait } from './format-wait';
import { loginPath, safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps paths of this app with their query and hash', () => {
    expect(safeReturnTo('/cases/12?tab=contacts#notes')).toBe('/cases/12?tab=contacts#notes');
  });
  it('refuses other sites, protocol-relative and odd URLs (no open redirect)', () => {
    for (const bad of [
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      'javascript:alert(1)',
      'cases',
      '',
      null,
    ])
      expect(safeReturnTo(bad)).toBe('/');
  });
  it('never returns to a sign-in page or into the family portal', () => {
    expect(safeReturnTo('/login?returnTo=/x')).toBe('/');
    expect(safeReturnTo('/reset-password')).toBe('/');
    expect(safeReturnTo('/family/case')).toBe('/');
  });
  it('builds the sign-in link', () => {
    expect(loginPath('/admin/users?q=a')).toBe('/login?returnTo=%2Fadmin%2Fusers%3Fq%3Da');
    expect(loginPath('/')).toBe('/login');
  });
});

describe('formatWait and field errors in words', () => {
  it('rounds a wait up to whole minutes, in the interface language', async () => {
    const en = await createTestI18n('en', ['common']);
    expect(formatWait(821, en.getFixedT('en', 'common'))).toBe('14 minutes');
    expect(formatWait(40, en.getFixedT('en', 'common'))).toBe('40 seconds');
    expect(formatWait(3_900, en.getFixedT('en', 'common'))).toBe('1 hour, 5 minutes');
    const sq = await createTestI18n('sq', ['common']);
    expect(formatWait(60, sq.getFixedT('sq', 'common'))).toBe('1 minutë');
  });

  it('translates the English messages of the shared schemas and of the server', async () => {
    const sr = await createTestI18n('sr-Latn', ['common', 'auth']);
    const t = sr.getFixedT('sr-Latn', 'auth');
    expect(translateFieldError({ type: 'too_small', message: 'At least 12 characters' }, t)).toBe(
      'Unesite najmanje 12 znakova.',
    );
    expect(translateFieldError({ type: 'too_small', message: 'Required' }, t)).toBe('Ovo polje je obavezno.');
    expect(translateFieldError({ type: 'server:weak_password', message: 'Something new' }, t)).toBe(
      'Ova lozinka nije dozvoljena. Izaberite drugu.',
    );
    expect(translateFieldError({ type: 'invalid_format', message: 'Whatever zod says' }, t)).toBe(
      'Ova vrednost nije ispravna.',
    );
  });
});
