import type { TFunction } from 'i18next';
import { ApiError } from '@/lib/api-client';
import { errorMessageKey } from '@/lib/error-message';
import { formatWait } from './format-wait';

export type AuthErrorContext = 'login' | 'mfa' | 'reset';

function waitSeconds(error: ApiError): number | undefined {
  const fromBody = error.details?.retryAfterSeconds;
  if (typeof fromBody === 'number' && fromBody > 0) return fromBody;
  return error.retryAfterSeconds && error.retryAfterSeconds > 0 ? error.retryAfterSeconds : undefined;
}

/**
 * A failed sign-in step in plain words. A wrong password and an unknown email read the same
 * (the server answers both alike; so must the page), and a lockout says how long to wait.
 */
export function authErrorText(
  error: unknown,
  context: AuthErrorContext,
  t: TFunction<'auth'>,
  tCommon: TFunction<'common'>,
): string {
  if (error instanceof ApiError) {
    const seconds = waitSeconds(error);
    const wait = seconds ? formatWait(seconds, tCommon) : undefined;
    if (error.code === 'LOCKED_OUT') {
      if (context === 'mfa') return wait ? t('errors.mfaLockedOut', { wait }) : t('errors.mfaLockedOutNoWait');
      if (context === 'reset') return wait ? t('errors.resetLockedOut', { wait }) : t('errors.resetLockedOutNoWait');
      return wait ? t('errors.lockedOut', { wait }) : t('errors.lockedOutNoWait');
    }
    if (error.status === 429) return wait ? t('errors.rateLimited', { wait }) : t('errors.rateLimitedNoWait');
    if (context === 'login' && error.status === 401) return t('errors.wrongCredentials');
    if (context === 'mfa' && error.status === 401) return t('errors.mfaSessionEnded');
  }
  return tCommon(errorMessageKey(error));
}
