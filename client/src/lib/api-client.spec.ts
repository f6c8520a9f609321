import { HealthResponseSchema, ReadyResponseSchema } from '@mprc/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  apiGet,
  ApiError,
  apiPost,
  NetworkError,
  onUnauthenticated,
  setCsrfToken,
  UnexpectedResponseError,
} from './api-client';
import { isRetryable } from './query-client';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function mockFetch(response: Response | Error) {
  const fetchMock = vi.fn<typeof fetch>(() =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const ready = {
  status: 'unavailable',
  version: '1.2.3',
  database: { reachable: false, migrationsApplied: false, pendingMigrations: [] },
};

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    setCsrfToken(null);
  });

  it('sends JSON with the session cookie and parses the answer with the schema', async () => {
    const fetchMock = mockFetch(jsonResponse(200, { status: 'ok', version: '1.2.3', uptimeSeconds: 5 }));
    await expect(apiGet('/api/health', HealthResponseSchema)).resolves.toEqual({
      status: 'ok',
      version: '1.2.3',
      uptimeSeconds: 5,
    });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/health');
    expect(init).toMatchObject({ method: 'GET', credentials: 'same-origin' });
    expect(init?.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('adds the CSRF token to unsafe methods only', async () => {
    setCsrfToken('token-1');
    const fetchMock = mockFetch(new Response(null, { status: 204 }));
    await apiPost('/api/v1/things', { a: 1 }, undefined, { query: { page: 2, q: undefined } });
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/v1/things?page=2');
    expect(init?.headers).toMatchObject({ 'X-CSRF-Token': 'token-1', 'Content-Type': 'application/json' });
    expect(init?.body).toBe('{"a":1}');

    fetchMock.mockResolvedValueOnce(jsonResponse(200, {}));
    await apiGet('/api/v1/things');
    expect(fetchMock.mock.calls[1][1]?.headers).not.toHaveProperty('X-CSRF-Token');
  });

  it('parses the error shape into an ApiError with field errors', async () => {
    mockFetch(
      jsonResponse(422, {
        statusCode: 422,
        code: 'VALIDATION_FAILED',
        message: 'Invalid request',
        errors: [{ field: 'names.0.given', message: 'Required' }],
        requestId: 'req-1',
      }),
    );
    const error = await apiPost('/api/v1/cases', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 422,
      code: 'VALIDATION_FAILED',
      requestId: 'req-1',
      fieldErrors: { 'names.0.given': 'Required' },
    });
    expect(isRetryable(error)).toBe(false);
  });

  it('gives a code to error answers that are not in our shape', async () => {
    mockFetch(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    const error = await apiGet('/api/health').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'SERVICE_UNAVAILABLE' });
    expect(isRetryable(error)).toBe(true);
  });

  it('treats accepted error statuses as data', async () => {
    mockFetch(jsonResponse(503, ready));
    await expect(apiGet('/api/ready', ReadyResponseSchema, { acceptStatuses: [503] })).resolves.toEqual(ready);
  });

  it('reports a request with no answer as a NetworkError', async () => {
    mockFetch(new TypeError('Failed to fetch'));
    const error = await apiGet('/api/health').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(isRetryable(error)).toBe(true);
  });

  it('rejects an answer the schema does not accept', async () => {
    mockFetch(jsonResponse(200, { status: 'ok' }));
    const error = await apiGet('/api/health', HealthResponseSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(isRetryable(error)).toBe(false);
  });

  it('announces a 401 unless told the 401 is expected', async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    const body = { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Signed out' };
    mockFetch(jsonResponse(401, body));
    await expect(apiGet('/api/v1/cases')).rejects.toBeInstanceOf(ApiError);
    expect(listener).toHaveBeenCalledWith(expect.objectContaining({ status: 401, code: 'UNAUTHENTICATED' }));

    mockFetch(jsonResponse(401, body));
    await expect(apiPost('/api/v1/auth/login', {}, undefined, { notifyUnauthenticated: false })).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('refuses paths outside the API', async () => {
    await expect(apiGet('/health')).rejects.toThrow(/\/api\//);
  });
});
