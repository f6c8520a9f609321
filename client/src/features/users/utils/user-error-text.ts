import type { TFunction } from 'i18next';
import { ApiError } from '@/lib/api-client';
import { errorMessageKey } from '@/lib/error-message';

/** A failed change to an account, in plain words (the server's rules that forms cannot check). */
export function userErrorText(error: unknown, t: TFunction<'users'>, tCommon: TFunction<'common'>): string {
  if (error instanceof ApiError) {
    if (error.code === 'CONFLICT' && /last active administrator/i.test(error.message)) return t('errors.lastAdmin');
    if (error.code === 'CONFLICT' && error.fieldErrors.email) return t('errors.emailInUse');
    if (error.code === 'FORBIDDEN' && /yourself|your own role/i.test(error.message)) return t('errors.self');
    if (error.code === 'NOT_FOUND') return t('errors.notFound');
    if (error.code === 'VALIDATION_FAILED') return t('errors.validation');
  }
  return tCommon(errorMessageKey(error));
}
