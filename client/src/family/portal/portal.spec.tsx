import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../lib/api';
import { json, renderPortal, session, stubApi, testI18n } from '../test-helpers';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe('a phone put down', () => {
  it('leaves the case off the screen once the session has timed out on the server', async () => {
    const i18n = await testI18n();
    await import('./portal'); // the lazy chunk, loaded before the clock stops
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    let signedIn = true;
    const fetchMock = stubApi({
      'GET /me': () =>
        signedIn ? json(200, { ...session, idleTimeoutMinutes: 1 }) : json(401, { code: 'UNAUTHENTICATED' }),
    });
    await renderPortal('/family/contact', i18n);
    await vi.waitFor(async () => {
      await act(() => vi.advanceTimersByTimeAsync(10));
      expect(screen.getByRole('heading', { level: 1, name: 'Your contact details' })).toBeDefined();
    });

    // Before the idle time has passed nothing is asked.
    await act(() => vi.advanceTimersByTimeAsync(50_000));
    expect(fetchMock).toHaveBeenCalledTimes(1);

    // The server ended the session meanwhile: after the idle time, the calm signed-out page.
    signedIn = false;
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('heading', { level: 1, name: 'You have been signed out' })).toBeDefined();
    expect(screen.queryByText('Drita Fiktivi')).toBeNull();
  });
});
