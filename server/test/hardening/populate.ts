// Fills a migrated test database with rows in every table, with the values that break naive
// dumps: Cyrillic and Albanian names, emoji, right-to-left text, quotes, backslashes, tabs and
// newlines, binary data with every byte value, JSON, arrays, NULLs, and a big attachment.
// Audit entries go through the chain trigger like the app's; the family-notification triggers
// fill the outbox.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';

export const STRANGE = [
  'Љубица Ђорђевић',
  'Gjergj Kastrioti Skënderbeu',
  'Zoë 👩‍👩‍👧 O\'Brien "the \\ one"',
  'שלום עליכם مرحبا',
  'tab\there\nnewline\r\nand \\N not null',
  'e\u0301 combining, zero\u200dwidth',
  '<script>alert(1)</script>; DROP TABLE "case"; --',
];

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

/** Returns the ids made, for checks that follow rows across a restore. */
export async function populateEveryTable(
  pool: pg.Pool,
  opts: { cases?: number; bigAttachmentBytes?: number } = {},
): Promise<{ caseIds: string[] }> {
  const cases = opts.cases ?? 25;
  const q = (sql: string, params: unknown[] = []) => pool.query(sql, params);
  const one = async (sql: string, params: unknown[] = []) => (await pool.query<{ id: string }>(sql, params)).rows[0].id;

  const officeId = await one(`SELECT id FROM office ORDER BY code LIMIT 1`);
  const userId = await one(
    `INSERT INTO app_user (id, email, name, role, office_id, password_hash, recovery_code_hashes, mfa_secret, updated_at)
     VALUES (gen_random_uuid(), 'officer@example.test', $1, 'LIAISON_OFFICER', $2, '$argon2id$v=19$fake', ARRAY['a','b\\c'], 'SECRET', now())
     RETURNING id`,
    [STRANGE[0], officeId],
  );
  await q(
    `INSERT INTO app_user (id, email, name, role, password_hash, is_active, updated_at)
     VALUES (gen_random_uuid(), 'admin@example.test', $1, 'ADMIN', 'x', false, now())`,
    [STRANGE[2]],
  );
  await q(
    `INSERT INTO session (id, user_id, role, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, 'LIAISON_OFFICER', 'csrf', now() + interval '1 hour', '127.0.0.1', $3)`,
    [createHash('sha256').update('token').digest('hex'), userId, STRANGE[4]],
  );
  for (let i = 0; i < 5; i++) {
    await q(`INSERT INTO login_attempt (key, success, ip) VALUES ($1, $2, '10.0.0.1')`, [
      `officer@example.test`,
      i % 2 === 0,
    ]);
  }
  const importId = await one(
    `INSERT INTO import (id, file_name, file_hash, file_format, columns, row_count, mapping, status, data, created_by_id)
     VALUES (gen_random_uuid(), $1, 'abc', 'csv', ARRAY['Emri', 'Мбиемри', 'a,b'], 2, $2, 'COMMITTED', $3, $4) RETURNING id`,
    [
      `${STRANGE[3]}.csv`,
      JSON.stringify({ first: 'Emri', note: STRANGE[4] }),
      Buffer.concat([ALL_BYTES, Buffer.from(STRANGE.join('\n'))]),
      userId,
    ],
  );
  await q(`INSERT INTO import_mapping (id, name, mapping, created_by_id) VALUES (gen_random_uuid(), $1, $2, $3)`, [
    STRANGE[5],
    JSON.stringify({ columns: STRANGE }),
    userId,
  ]);

  const caseIds: string[] = [];
  for (let i = 0; i < cases; i++) {
    const name = STRANGE[i % STRANGE.length];
    const caseId = await one(
      `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, father_name, other_names, sex, date_of_birth,
                           missing_since, missing_since_from, circumstances, import_id, created_by_id, assigned_officer_id, updated_at)
       VALUES (gen_random_uuid(), 'BK-' || nextval('case_number_seq'), $1, $2, $3, $4, $5, 'FEMALE', '1971-03', '1999', '1999-01-01',
               $6, $7, $8, $8, now()) RETURNING id`,
      [
        officeId,
        name,
        `Петровић ${i}`,
        i % 3 ? null : 'Ilir',
        [STRANGE[i % 7], 'Xhemajl'],
        STRANGE.join(' | '),
        i === 0 ? importId : null,
        userId,
      ],
    );
    caseIds.push(caseId);
    await q(
      `INSERT INTO audit_entry (id, actor_id, actor_role, action, entity_type, entity_id, ip, request_id, changes, details)
       VALUES (gen_random_uuid(), $1, 'LIAISON_OFFICER', 'case.create', 'Case', $2, '127.0.0.1', $3, $4, $5)`,
      [
        userId,
        caseId,
        `req-${i}`,
        JSON.stringify({ firstName: { from: null, to: name } }),
        JSON.stringify({ note: STRANGE[(i + 3) % 7] }),
      ],
    );
    await q(
      `INSERT INTO external_reference (id, case_id, system, reference) VALUES (gen_random_uuid(), $1, 'ICRC', $2)`,
      [caseId, `ICRC-${i}`],
    );
    const relativeId = await one(
      `INSERT INTO relative (id, first_name, last_name, phone, email, address, preferred_language, updated_at)
       VALUES (gen_random_uuid(), $1, 'Relative', '+383 44 000 000', $2, $3, 'sr', now()) RETURNING id`,
      [STRANGE[(i + 1) % 7], `relative${i}@example.test`, STRANGE[4]],
    );
    await q(
      `INSERT INTO case_relative (case_id, relative_id, relationship, is_primary_contact) VALUES ($1, $2, 'MOTHER', true)`,
      [caseId, relativeId],
    );
    await q(
      `INSERT INTO consent (id, relative_id, organisation, given_on) VALUES (gen_random_uuid(), $1, 'MPRC', '2020-02-29')`,
      [relativeId],
    );
    await q(
      `INSERT INTO portal_access (id, relative_id, code_hash, issued_by_id) VALUES (gen_random_uuid(), $1, 'hash', $2)`,
      [relativeId, userId],
    );
    await q(
      `INSERT INTO contact (id, case_id, occurred_at, channel, relative_id, officer_id, language, summary, family_visible_summary, follow_up_on)
       VALUES (gen_random_uuid(), $1, now() - interval '1 day', 'VISIT', $2, $3, 'sq', $4, $5, current_date + 7)`,
      [caseId, relativeId, userId, STRANGE.join('\n'), i % 2 ? STRANGE[i % 7] : null],
    );
    await q(
      `INSERT INTO referral (id, case_id, service, organisation, purpose, referred_on, created_by_id, updated_at)
       VALUES (gen_random_uuid(), $1, 'LEGAL_AID', $2, $3, '2024-01-31', $4, now())`,
      [caseId, STRANGE[3], STRANGE[6], userId],
    );
    const data =
      i === 0 && opts.bigAttachmentBytes
        ? randomBytes(opts.bigAttachmentBytes)
        : Buffer.concat([ALL_BYTES, randomBytes(64)]);
    await q(
      `INSERT INTO attachment (id, case_id, file_name, content_type, size, sha256, visibility, description, data, uploaded_by_id)
       VALUES (gen_random_uuid(), $1, $2, 'application/octet-stream', $3, $4, $5, $6, $7, $8)`,
      [
        caseId,
        `../../etc/${STRANGE[i % 7]}.bin`,
        data.length,
        createHash('sha256').update(data).digest('hex'),
        i % 2 ? 'FAMILY' : 'INTERNAL',
        STRANGE[5],
        data,
        userId,
      ],
    );
    await q(
      `INSERT INTO case_event (id, case_id, type, actor_id, from_status, to_status, note, family_message, family_visible, data)
       VALUES (gen_random_uuid(), $1, 'FATE_CHANGED', $2, 'MISSING', 'IDENTIFIED', $3, $4, true, $5)`,
      [caseId, userId, STRANGE[4], STRANGE[0], JSON.stringify({ list: STRANGE, n: 1.5e-7, big: 1234567890123456 })],
    );
    await q(
      `INSERT INTO family_message (id, case_id, relative_id, from_family, author_user_id, body, meeting_requested)
       VALUES (gen_random_uuid(), $1, $2, false, $3, $4, true), (gen_random_uuid(), $1, $2, true, NULL, $5, false)`,
      [caseId, relativeId, userId, STRANGE[2], STRANGE[3]],
    );
  }
  // One case merged into another: a self-reference the load must accept in any order.
  await q(`UPDATE "case" SET merged_into_id = $1 WHERE id = $2`, [caseIds[0], caseIds[1]]);
  await q(
    `INSERT INTO import_row (import_id, row_number, "values", errors, duplicates, case_id) VALUES ($1, 1, $2, $3, '[]', $4), ($1, 2, '{}', NULL, NULL, NULL)`,
    [
      importId,
      JSON.stringify({ Emri: STRANGE[1], Мбиемри: STRANGE[0] }),
      JSON.stringify([{ field: 'x', message: STRANGE[6] }]),
      caseIds[0],
    ],
  );
  return { caseIds };
}
