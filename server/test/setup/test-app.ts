// Builds the real application (same module graph as production) on a fresh test database, and
// gives tests HTTP clients that sign in over the API like a browser: cookie + X-CSRF-Token.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '@mprc/contracts';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/common/auth/passwords.js';
import { createLogger } from '../../src/common/logging/logger.js';
import { loadConfig, type Config } from '../../src/config/config.js';
import { createApp } from '../../src/create-app.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_PASSWORD = 'correct horse battery staple 42';
let testPasswordHash: Promise<string> | undefined;

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Raw payload (string or Buffer) instead of JSON. */
  payload?: string | Buffer;
  query?: Record<string, string | number | undefined>;
}

export class ApiClient {
  cookie?: string;
  csrfToken?: string;
  user?: { id: string; email: string; role: Role; officeCode: string | null };

  constructor(private readonly app: NestFastifyApplication) {}

  async request<T = any>(
    method: string,
    url: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && !['GET', 'HEAD'].includes(method) && !('x-csrf-token' in headers))
      headers['x-csrf-token'] = this.csrfToken;
    let payload: string | Buffer | undefined = options.payload;
    if (body !== undefined && payload === undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const query = options.query
      ? Object.fromEntries(
          Object.entries(options.query)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, String(v)]),
        )
      : undefined;
    const res = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method: method as 'GET', url, headers, payload, query });
    const setCookie = res.headers['set-cookie'];
    for (const c of [setCookie ?? []].flat()) {
      const [pair] = c.split(';');
      if (pair.startsWith('mprc_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    let parsed: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').includes('json') && res.body) parsed = JSON.parse(res.body);
    return { status: res.statusCode, body: parsed as T, headers: res.headers, text: res.body };
  }

  get<T = any>(url: string, options?: RequestOptions) {
    return this.request<T>('GET', url, undefined, options);
  }
  post<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', url, body, options);
  }
  patch<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PATCH', url, body, options);
  }
  put<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', url, body, options);
  }
  delete<T = any>(url: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('DELETE', url, body, options);
  }

  /** Signs in over the API; throws unless it succeeds. */
  async login(email: string, password = TEST_PASSWORD): Promise<this> {
    const res = await this.post('/api/v1/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.text}`);
    this.csrfToken = res.body.csrfToken;
    this.user = res.body.user;
    return this;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  config: Config;
  database: TestDatabase;
  /** A pool on the test database, for arranging data and checking what was stored. */
  pool: pg.Pool;
  /** An anonymous client. */
  client(): ApiClient;
  /** Creates a staff user directly in the database (password TEST_PASSWORD). */
  createUser(
    role: Exclude<Role, 'FAMILY'>,
    officeCode?: string | null,
    extra?: { email?: string; name?: string },
  ): Promise<{ id: string; email: string }>;
  /** Creates a user with that role (and office) and returns a signed-in client. */
  signedIn(role: Exclude<Role, 'FAMILY'>, officeCode?: string | null): Promise<ApiClient>;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    DB_POOL_SIZE: '5',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    ...env,
  });
  const app = await createApp(config, { logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const pool = new pg.Pool({ connectionString: database.url, max: 3 });
  // A connection still closing when the database is dropped gets "terminating connection due to
  // administrator command"; unheard, the pool would rethrow it as an uncaught exception.
  pool.on('error', () => undefined);
  testPasswordHash ??= hashPassword(TEST_PASSWORD);

  const createUser: TestApp['createUser'] = async (role, officeCode = null, extra = {}) => {
    const email = extra.email ?? `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@example.test`;
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO app_user (id, email, name, role, office_id, password_hash, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, (SELECT id FROM office WHERE code = $4), $5, now()) RETURNING id`,
      [email, extra.name ?? `Test ${role}`, role, officeCode, await testPasswordHash],
    );
    return { id: rows[0].id, email };
  };

  return {
    app,
    config,
    database,
    pool,
    client: () => new ApiClient(app),
    createUser,
    async signedIn(role, officeCode = role === 'LIAISON_OFFICER' ? 'PRISTINA' : null) {
      const { email } = await createUser(role, officeCode);
      return new ApiClient(app).login(email);
    },
    async close() {
      await app.close();
      await pool.end();
      await database.drop();
    },
  };
}
