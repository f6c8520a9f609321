import type pg from 'pg';
import type { Logger } from 'pino';
import { generatePassword, hashPassword } from '../common/auth/passwords.js';
import type { Config } from '../config/config.js';

export const DEFAULT_LOCAL_ADMIN_EMAIL = 'admin@mprc.local';

/**
 * On a start with no users, creates the first administrator: from ADMIN_EMAIL + ADMIN_PASSWORD,
 * or (outside production) with a random password printed once. There is no built-in password.
 */
export async function bootstrapFirstAdmin(
  pool: pg.Pool,
  config: Config,
  print: (line: string) => void,
  logger: Logger,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Two instances starting together must not both create one.
    await client.query('SELECT pg_advisory_xact_lock(727270002)');
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM app_user');
    if (Number(rows[0].n) > 0) {
      await client.query('COMMIT');
      return;
    }
    let email = config.ADMIN_EMAIL?.toLowerCase();
    let password = config.ADMIN_PASSWORD;
    let generated = false;
    if (!email || !password) {
      if (config.NODE_ENV === 'production') {
        await client.query('COMMIT');
        logger.warn(
          'No users exist. Set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run user:create`, to create the first administrator.',
        );
        return;
      }
      email ??= DEFAULT_LOCAL_ADMIN_EMAIL;
      password ??= generatePassword();
      generated = !config.ADMIN_PASSWORD;
    }
    const passwordHash = await hashPassword(password);
    const { rows: created } = await client.query<{ id: string }>(
      `INSERT INTO app_user (id, email, name, role, password_hash, updated_at)
       VALUES (gen_random_uuid(), $1, 'Administrator', 'ADMIN', $2, now()) RETURNING id`,
      [email, passwordHash],
    );
    await client.query(
      `INSERT INTO audit_entry (id, actor_role, action, entity_type, entity_id, details)
       VALUES (gen_random_uuid(), 'SYSTEM', 'user.create', 'User', $1, $2)`,
      [created[0].id, JSON.stringify({ email, role: 'ADMIN', reason: 'first administrator at start-up' })],
    );
    await client.query('COMMIT');
    if (generated) {
      print('');
      print('  First administrator created. This password is shown only once:');
      print(`    email:    ${email}`);
      print(`    password: ${password}`);
      print('  Sign in and change it, or create accounts with `npm run user:create`.');
      print('');
    } else {
      logger.info({ email }, 'First administrator created from ADMIN_EMAIL');
    }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
