import { describe, expect, it } from 'vitest';
import { createTestI18n } from '@/testing/test-utils';
import { actionLabel } from './action-label';
import { auditQueryFromSearch, filterValuesFromSearch, searchFor } from './audit-filters';

describe('audit filters in the URL', () => {
  it('reads valid filters, drops invalid ones, and sends whole local days to the API', () => {
    const params = new URLSearchParams('actorId=nope&action=auth.*&from=2026-11-01&to=2026-11-02&page=3');
    expect(filterValuesFromSearch(params)).toMatchObject({ actorId: '', action: 'auth.*', from: '2026-11-01' });
    const query = auditQueryFromSearch(params);
    expect(query).toMatchObject({ page: 3, action: 'auth.*', actorId: undefined });
    expect(new Date(query.from!).getTime()).toBe(new Date(2026, 10, 1, 0, 0, 0, 0).getTime());
    expect(new Date(query.to!).getTime()).toBe(new Date(2026, 10, 2, 23, 59, 59, 999).getTime());
  });

  it('writes only the filters that are set, and the page when not the first', () => {
    expect(searchFor({ action: 'user.create', entityId: ' ' }, 2).toString()).toBe('action=user.create&page=2');
  });
});

describe('action names', () => {
  it('shows a known action in words and leaves an unknown one to its code', async () => {
    const i18n = await createTestI18n('en', ['audit']);
    const t = i18n.getFixedT('en', 'audit');
    expect(actionLabel('auth.login.failed', t, i18n)).toBe('Failed sign-in');
    expect(actionLabel('user.reset_code_issued', t, i18n)).toBe('Password reset code issued');
    expect(actionLabel('something.new', t, i18n)).toBeNull();
  });
});
