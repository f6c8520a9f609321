import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/errors/app-error.js';
import type { Tx } from '../common/database/database.service.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';

/**
 * Lockout after repeated failures for one key (an account's email, a case number), counted in
 * PostgreSQL so it holds across app instances. Callers run `check` and `record` inside one
 * transaction that holds `lock(key)`, so concurrent attempts are counted exactly.
 */
@Injectable()
export class LoginThrottle {
  constructor(@Inject(CONFIG) private readonly config: Config) {}

  async lock(tx: Tx, key: string): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
  }

  /** Seconds until the key may try again, or 0 when it may try now. */
  async retryAfterSeconds(tx: Tx, key: string): Promise<number> {
    const windowMinutes = this.config.LOGIN_LOCKOUT_MINUTES;
    const rows = await tx.$queryRaw<{ failures: bigint; oldest: Date | null }[]>`
      WITH last_success AS (
        SELECT max(created_at) AS at FROM login_attempt WHERE key = ${key} AND success
      )
      SELECT count(*) AS failures, min(created_at) AS oldest
        FROM (SELECT created_at FROM login_attempt, last_success
               WHERE key = ${key} AND NOT success
                 AND created_at > now() - make_interval(mins => ${windowMinutes}::int)
                 AND (last_success.at IS NULL OR created_at > last_success.at)
               ORDER BY created_at DESC LIMIT ${this.config.LOGIN_MAX_FAILURES}) recent`;
    const { failures, oldest } = rows[0];
    if (Number(failures) < this.config.LOGIN_MAX_FAILURES || !oldest) return 0;
    return Math.max(1, Math.ceil((oldest.getTime() + windowMinutes * 60_000 - Date.now()) / 1000));
  }

  async record(tx: Tx, key: string, success: boolean, ip: string): Promise<void> {
    await tx.loginAttempt.create({ data: { key, success, ip } });
  }

  lockedOut(retryAfter: number, what = 'account'): AppError {
    return new AppError('LOCKED_OUT', `Too many failed attempts for this ${what}; try again later`, {
      headers: { 'Retry-After': String(retryAfter) },
      details: { retryAfterSeconds: retryAfter },
    });
  }
}
