import type { ParseKeys } from 'i18next';
import { ApiError, NetworkError } from './api-client';

/** The translation key (common namespace) that explains an error to the person using the app. */
export function errorMessageKey(error: unknown): ParseKeys<'common'> {
  if (error instanceof NetworkError) return 'apiErrors.network';
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'UNAUTHENTICATED':
        return 'apiErrors.unauthenticated';
      case 'FORBIDDEN':
        return 'apiErrors.forbidden';
      case 'NOT_FOUND':
        return 'apiErrors.notFound';
      case 'RATE_LIMITED':
        return 'apiErrors.rateLimited';
      default:
        return error.status >= 500 ? 'apiErrors.server' : 'apiErrors.unexpected';
    }
  }
  return 'apiErrors.unexpected';
}

export function errorRequestId(error: unknown): string | undefined {
  return error instanceof ApiError ? error.requestId : undefined;
}
