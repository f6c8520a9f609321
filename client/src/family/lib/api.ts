// A small fetch helper for the family portal. The staff app's api-client validates with zod
// (~25 KB gzipped), too much for the portal's first page; the server already parses every family
// response through strict schemas, so the portal trusts the shapes (typed from contracts).

/** The server answered with an error status. */
export class FamilyApiError extends Error {
  override readonly name = 'FamilyApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    /** Seconds from Retry-After (429). */
    readonly retryAfterSeconds?: number,
    /** Field path -> the server's (English) message; the portal words its own. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(`HTTP ${status} ${code}`);
  }
}

/** No answer at all: offline, or the connection dropped. */
export class OfflineError extends Error {
  override readonly name = 'OfflineError';
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const UNAUTHENTICATED = 'family:unauthenticated';
const events = new EventTarget();

/** Called when the session ends under the family's feet (idle timeout, revoked access). */
export function onSessionEnded(listener: () => void): () => void {
  events.addEventListener(UNAUTHENTICATED, listener);
  return () => events.removeEventListener(UNAUTHENTICATED, listener);
}

const BASE = String(import.meta.env.VITE_API_BASE_URL ?? '')
  .trim()
  .replace(/\/+$/, '');

let lastResponseAt = Date.now();
/** When the server last answered: the session's idle timeout counts from there. */
export function lastActivity(): number {
  return lastResponseAt;
}

export function apiUrl(path: string): string {
  return `${BASE}/api/v1/family${path}`;
}

export interface CallOptions {
  method?: 'GET' | 'POST' | 'PATCH';
  body?: unknown;
  /** false where a 401 is an answer, not an ended session (sign-in, the first check). */
  sessionEvents?: boolean;
}

/** Calls `/api/v1/family<path>` with JSON in and out; writes carry the CSRF token. */
export async function call<T>(
  path: string,
  { method = 'GET', body, sessionEvents = true }: CallOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  let data: unknown;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    data = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
  } catch (error) {
    throw new OfflineError(String(error));
  }
  lastResponseAt = Date.now();
  if (response.ok) return data as T;

  const payload = (data ?? {}) as { code?: unknown; errors?: { field?: unknown; message?: unknown }[] };
  const fieldErrors: Record<string, string> = {};
  for (const e of Array.isArray(payload.errors) ? payload.errors : [])
    if (typeof e.field === 'string') fieldErrors[e.field] ??= String(e.message);
  const retry = Number(response.headers.get('retry-after'));
  const error = new FamilyApiError(
    response.status,
    typeof payload.code === 'string' ? payload.code : `HTTP_${response.status}`,
    retry > 0 ? retry : undefined,
    fieldErrors,
  );
  if (response.status === 401 && sessionEvents) events.dispatchEvent(new Event(UNAUTHENTICATED));
  throw error;
}
