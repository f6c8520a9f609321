import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { createTestI18n, fetchRoutes, json, renderApp } from '@/testing/test-utils';
import { sessionFor, unauthenticated } from '../testing/session-fixtures';

let i18n: I18n;
beforeAll(async () => {
  i18n = await createTestI18n('en', ['common', 'auth', 'account']);
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('the idle timeout', { timeout: 30_000 }, () => {
  it('warns a minute before, can be put off, and then shows "signed out" by itself', async () => {
    // Fake clocks that still move on their own, so React and the requests run as usual.
    vi.useFakeTimers({
      shouldAdvanceTime: true,
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
    let alive = true;
    const me = vi.fn(() => (alive ? json(200, sessionFor('ADMIN', { idleTimeoutMinutes: 30 })) : unauthenticated()));
    vi.stubGlobal(
      'fetch',
      vi.fn(fetchRoutes({ '/api/v1/auth/me': me, '/api/v1/reference/offices': () => json(200, []) })),
    );
    renderApp('/account', i18n);
    expect(await screen.findByRole('heading', { level: 1, name: 'My account' }, { timeout: 10_000 })).toBeDefined();
    expect(screen.queryByRole('dialog')).toBeNull();

    // 28 minutes without a request: the server may end the session 30 s early, so warn now.
    await vi.advanceTimersByTimeAsync(28 * 60_000 + 31_000);
    const warning = await screen.findByRole('dialog', { name: 'Are you still there?' });
    expect(warning.textContent).toMatch(/you will be signed out in (\d+ seconds|1 minute)/);

    // Staying asks the server, which counts as activity: the warning goes.
    const asked = me.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Stay signed in' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Are you still there?' })).toBeNull());
    expect(me.mock.calls.length).toBe(asked + 1);

    // Then nothing for 30 minutes: the app asks once more, learns the session is over, says so.
    alive = false;
    await vi.advanceTimersByTimeAsync(30 * 60_000 + 3_000);
    const dialog = await screen.findByRole('dialog', { name: 'You have been signed out' });
    expect(dialog.textContent).toContain('you were signed out after 30 minutes without activity');
    expect(screen.getByRole('heading', { level: 1, name: 'My account' })).toBeDefined();
  });
});
