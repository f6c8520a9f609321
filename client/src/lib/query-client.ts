import { QueryClient } from '@tanstack/react-query';
import { ApiError, NetworkError } from './api-client';

/** Retry once what may pass on a second try: no answer, or a server-side (5xx) failure. */
export function isRetryable(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof ApiError) return error.status >= 500 && error.status !== 501;
  return false;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => failureCount < 1 && isRetryable(error),
      },
      // A retried write might apply twice: the user decides.
      mutations: { retry: false },
    },
  });
}
