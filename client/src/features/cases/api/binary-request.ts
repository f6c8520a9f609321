import { ErrorResponseSchema } from '@mprc/contracts';
import type { z } from 'zod';
import { ApiError, apiUrl, getCsrfToken, NetworkError, UnexpectedResponseError } from '@/lib/api-client';

// Requests the JSON client does not cover: a multipart upload, and a POST answered with a file.
// Same rules as lib/api-client: session cookie, CSRF token on writes, errors as ApiError.

async function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = getCsrfToken();
  if (token) headers.set('X-CSRF-Token', token);
  let response: Response;
  try {
    response = await fetch(apiUrl(path), { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError({ cause: error });
  }
  if (!response.ok) {
    let body: unknown = undefined;
    try {
      body = await response.json();
    } catch {
      // Not JSON (a proxy's page): described by the status alone.
    }
    const parsed = ErrorResponseSchema.safeParse(body);
    throw parsed.success
      ? new ApiError({ ...parsed.data, status: response.status })
      : new ApiError({
          status: response.status,
          code:
            response.status === 413 ? 'PAYLOAD_TOO_LARGE' : response.status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST',
          message: `HTTP ${response.status}`,
        });
  }
  return response;
}

/** POST multipart/form-data (a file upload); the answer is JSON checked by `schema`. */
export async function apiUpload<T>(
  path: string,
  form: FormData,
  schema: z.ZodType<T>,
  signal?: AbortSignal,
): Promise<T> {
  const response = await send(path, { method: 'POST', body: form, headers: { Accept: 'application/json' }, signal });
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new UnexpectedResponseError(response.status, { cause: parsed.error });
  return parsed.data;
}

/** POST JSON, answered with a file (a printable letter). */
export async function apiPostForFile(
  path: string,
  body: unknown,
  query?: Record<string, string | undefined>,
): Promise<{ blob: Blob; fileName: string | null }> {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) search.set(key, value);
  const response = await send(search.size ? `${path}?${search}` : path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Accept: 'application/pdf' },
  });
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
  return { blob: await response.blob(), fileName };
}

/** Saves a file the page received (the browser's download). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the address is released.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
