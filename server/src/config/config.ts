import { z } from 'zod';
import { ROLES } from '@mprc/contracts';

// Every setting the server reads, with its default. `.env.example` lists the same keys and a
// unit test keeps the two (and docker-compose.yml) in step.
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: int(1, 65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DB_POOL_SIZE: int(1, 200).default(10),
  DB_CONNECT_TIMEOUT_MS: int(100, 60_000).default(3000),
  DB_STATEMENT_TIMEOUT_MS: int(0, 3_600_000).default(30_000),
  DATA_DIR: z.string().min(1).default('./.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(1024 * 1024),
  UPLOAD_LIMIT_BYTES: int(1024, 200 * 1024 * 1024).default(10 * 1024 * 1024),
  // Largest import file (CSV or XLSX of up to 100,000 rows); applies to POST /api/v1/imports only.
  IMPORT_LIMIT_BYTES: int(1024, 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  TRUST_PROXY: z.preprocess(emptyToUndefined, bool.optional()).default(false),
  COOKIE_SECURE: z.preprocess(emptyToUndefined, bool.optional()),
  SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: int(1, 24 * 30).default(12),
  LOGIN_MAX_FAILURES: int(1, 100).default(5),
  LOGIN_LOCKOUT_MINUTES: int(1, 24 * 60).default(15),
  AUTH_RATE_LIMIT_PER_MINUTE: int(1, 10_000).default(30),
  ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
  ADMIN_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(12, 'must be at least 12 characters').optional()),
  MFA_REQUIRED_ROLES: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ROLES))),
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
      .optional(),
  ),
  SMTP_FROM: z.string().default('Missing Persons Resource Center <no-reply@localhost>'),
  // How often the family notification outbox is checked (seconds; 0: only right after an officer's reply).
  NOTIFY_INTERVAL_SECONDS: int(0, 86_400).default(60),
});

export type Config = z.infer<typeof ConfigSchema> & { publicUrl: string; cookieSecure: boolean };

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(Object.keys(ConfigSchema.shape).map((k) => [k, env[k]]));
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = String(i.path[0] ?? '?');
        const value = env[key];
        return `${key} ${i.message}${value === undefined || /PASSWORD|URL/.test(key) ? '' : ` (got "${value}")`}`;
      }),
    );
  }
  const c = parsed.data;
  return {
    ...c,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    cookieSecure: c.COOKIE_SECURE ?? c.NODE_ENV === 'production',
  };
}
