// Before the contracts' schemas are built (see the module); also keeps it in the shared chunk.
import './zod-config';
import { ErrorResponseSchema, type ErrorCode, type FieldError } from '@mprc/contracts';
import type { z } from 'zod';
import { env } from './env';

/** The server answered with an error status (its body parsed from the contracts' error shape). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: ErrorCode;
  /** Validation messages by dotted field path (`externalReferences.0.reference`), for forms. */
  readonly fieldErrors: Record<string, string>;
  readonly errors: FieldError[];
  readonly requestId: string | undefined;
  readonly details: Record<string, unknown> | undefined;
  /** From the Retry-After header (429, 503): seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    status: number;
    code: ErrorCode;
    message: string;
    errors?: FieldError[];
    requestId?: string;
    details?: Record<string, unknown>;
    retryAfterSeconds?: number;
  }) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.errors = init.errors ?? [];
    this.fieldErrors = {};
    for (const error of this.errors) this.fieldErrors[error.field] ??= error.message;
    this.requestId = init.requestId;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** The request never got an answer (offline, DNS, connection reset, proxy down). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  constructor(options?: { cause?: unknown }) {
    super('The server could not be reached', options);
  }
}

/** The server answered, but not in the shape the contracts describe: a bug, never retried. */
export class UnexpectedResponseError extends Error {
  override readonly name = 'UnexpectedResponseError';
  readonly status: number;
  constructor(status: number, options?: { cause?: unknown }) {
    super(`Unexpected response (HTTP ${status})`, options);
    this.status = status;
  }
}

// --- CSRF token, held in memory only (the session endpoint hands it out after sign-in). ---

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function getCsrfToken(): string | null {
  return csrfToken;
}

// --- Events: a 401 anywhere means the session is gone; the app shows a "signed out" screen. ---

export const UNAUTHENTICATED_EVENT = 'mprc:unauthenticated';
const events = new EventTarget();

export function onUnauthenticated(listener: (error: ApiError) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<ApiError>).detail);
  events.addEventListener(UNAUTHENTICATED_EVENT, handler);
  return () => events.removeEventListener(UNAUTHENTICATED_EVENT, handler);
}

// --- Requests ---

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE_METHODS = new Set<HttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** Appended as a query string; undefined and null values are left out. */
  query?: Record<string, string | number | boolean | null | undefined>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Error statuses whose body is data, not a failure: `/api/ready` answers 503 with the same
   * body as 200 when the database is down.
   */
  acceptStatuses?: readonly number[];
  /** Leave out for calls where a 401 is an expected answer (a wrong password at sign-in). */
  notifyUnauthenticated?: boolean;
}

const FALLBACK_CODES: Record<number, ErrorCode> = {
  400: 'MALFORMED_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'VALIDATION_FAILED',
  423: 'LOCKED_OUT',
  429: 'RATE_LIMITED',
  502: 'SERVICE_UNAVAILABLE',
  503: 'SERVICE_UNAVAILABLE',
  504: 'SERVICE_UNAVAILABLE',
};

/** Builds the URL of an API path, which starts with `/api/` (`/api/v1/cases`, `/api/health`). */
export function apiUrl(path: string, query?: RequestOptions['query']): string {
  if (!path.startsWith('/api/')) throw new Error(`API paths start with /api/: ${path}`);
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value != null) params.append(key, String(value));
  const search = params.toString();
  return `${env.VITE_API_BASE_URL}${path}${search ? `?${search}` : ''}`;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Retry-After in seconds; the HTTP-date form is converted from the local clock. */
function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function toApiError(status: number, body: unknown, retryAfterSeconds?: number): ApiError {
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) return new ApiError({ ...parsed.data, status, retryAfterSeconds });
  // Not our error shape: a proxy's HTML page, a gateway timeout.
  return new ApiError({
    status,
    code: FALLBACK_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'MALFORMED_REQUEST'),
    message: `HTTP ${status}`,
    retryAfterSeconds,
  });
}

/**
 * Calls the API with JSON in and out, the session cookie and, on unsafe methods, the CSRF token.
 * Throws ApiError for error statuses, NetworkError when there is no answer, and
 * UnexpectedResponseError when `schema` rejects the body. An aborted request rethrows the
 * AbortError so TanStack Query can cancel quietly.
 */
export async function apiRequest<T = unknown>(
  path: string,
  options: RequestOptions = {},
  schema?: z.ZodType<T>,
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  const url = apiUrl(path, options.query);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError({ cause: error });
  }

  const body = await readBody(response).catch((error: unknown) => {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError({ cause: error });
  });

  if (!response.ok && !options.acceptStatuses?.includes(response.status)) {
    const error = toApiError(response.status, body, parseRetryAfter(response.headers.get('retry-after')));
    if (response.status === 401 && options.notifyUnauthenticated !== false) {
      events.dispatchEvent(new CustomEvent(UNAUTHENTICATED_EVENT, { detail: error }));
    }
    throw error;
  }

  if (!schema) return body as T;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new UnexpectedResponseError(response.status, { cause: parsed.error });
  return parsed.data;
}

type BodylessOptions = Omit<RequestOptions, 'method' | 'body'>;

export function apiGet<T = unknown>(path: string, schema?: z.ZodType<T>, options?: BodylessOptions): Promise<T> {
  return apiRequest(path, { ...options, method: 'GET' }, schema);
}
export function apiPost<T = unknown>(
  path: string,
  body?: unknown,
  schema?: z.ZodType<T>,
  options?: BodylessOptions,
): Promise<T> {
  return apiRequest(path, { ...options, method: 'POST', body }, schema);
}
export function apiPut<T = unknown>(
  path: string,
  body?: unknown,
  schema?: z.ZodType<T>,
  options?: BodylessOptions,
): Promise<T> {
  return apiRequest(path, { ...options, method: 'PUT', body }, schema);
}
export function apiPatch<T = unknown>(
  path: string,
  body?: unknown,
  schema?: z.ZodType<T>,
  options?: BodylessOptions,
): Promise<T> {
  return apiRequest(path, { ...options, method: 'PATCH', body }, schema);
}
export function apiDelete<T = unknown>(path: string, schema?: z.ZodType<T>, options?: BodylessOptions): Promise<T> {
  return apiRequest(path, { ...options, method: 'DELETE' }, schema);
}
