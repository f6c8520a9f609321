// A family member's session, made directly in the database (the portal sign-in has its own tests):
// a relative linked to the given case, open portal access, and a live session cookie.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ApiClient } from './test-app.js';

export async function familyClient(
  pool: pg.Pool,
  client: ApiClient,
  caseId: string,
  issuedById: string,
): Promise<{ client: ApiClient; relativeId: string }> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO relative (id, first_name, last_name, preferred_language, updated_at)
     VALUES (gen_random_uuid(), 'Test', 'Relative', 'sr', now()) RETURNING id`,
  );
  const relativeId = rows[0].id;
  await pool.query(
    `INSERT INTO case_relative (case_id, relative_id, relationship, is_primary_contact) VALUES ($1, $2, 'SIBLING', true)`,
    [caseId, relativeId],
  );
  await pool.query(
    `INSERT INTO portal_access (id, relative_id, code_hash, issued_by_id) VALUES (gen_random_uuid(), $1, 'x', $2)`,
    [relativeId, issuedById],
  );
  const token = randomBytes(32).toString('base64url');
  const csrf = randomBytes(24).toString('base64url');
  await pool.query(
    `INSERT INTO session (id, relative_id, role, csrf_token, expires_at) VALUES ($1, $2, 'FAMILY', $3, now() + interval '1 hour')`,
    [createHash('sha256').update(token).digest('hex'), relativeId, csrf],
  );
  client.cookie = `mprc_session=${token}`;
  client.csrfToken = csrf;
  return { client, relativeId };
}

/** A minimal case row in an office, for access tests that need one to exist. */
export async function insertCase(pool: pg.Pool, officeCode: string, name = 'Fictional'): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, updated_at)
     VALUES (gen_random_uuid(), 'T-' || nextval('case_number_seq'), (SELECT id FROM office WHERE code = $1), $2, 'Testcase', now())
     RETURNING id`,
    [officeCode, name],
  );
  return rows[0].id;
}
