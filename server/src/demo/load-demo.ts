// `npm run demo`: an obviously fictional but realistic dataset for trying the application, and
// one account per staff role with a random password (shown once by the command).
//
// Fictional by construction: every person is a random combination of common given names and
// surnames of Kosovo's communities (the lists and the case generator of seed:scale,
// server/src/scale), never a list of real people; each case is tagged with the external
// reference `OTHER DEMO-<case number>` and its circumstances start with "Fictional demo record".
//
// One transaction: the accounts, about 2,000 cases across both offices and every community
// (names in Albanian, Serbian Latin, Serbian Cyrillic and ASCII spellings, a few misspelt),
// relatives (some shared by two missing members of one family) with consents, contacts with
// follow-ups due around today, timelines, referrals, and one `demo.load` audit entry that sums
// it up. It refuses to run twice, and on a database that already holds real cases.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { generatePassword, hashPassword } from '../common/auth/passwords.js';
import {
  CaseGenerator,
  formatCaseNumber,
  TABLE_COLUMNS,
  TABLES,
  Vocabulary,
  type GeneratorContext,
  type OfficeStaff,
  type TableName,
} from '../scale/generate.js';

export const DEMO_REFERENCE_PREFIX = 'DEMO-';
export const DEMO_MARK = 'Fictional demo record.';

export interface DemoAccount {
  role: 'ADMIN' | 'MANAGER' | 'LIAISON_OFFICER';
  email: string;
  name: string;
  officeCode: string | null;
  password: string;
}

export interface DemoOptions {
  cases?: number;
  seed?: number;
  /** Load even though the database already has cases (never the default). */
  allowExistingData?: boolean;
  now?: Date;
  log?: (line: string) => void;
}

export interface DemoResult {
  accounts: DemoAccount[];
  seed: number;
  firstCaseNumber: string;
  lastCaseNumber: string;
  counts: Record<string, number>;
}

const ACCOUNTS: Omit<DemoAccount, 'password'>[] = [
  { role: 'ADMIN', email: 'demo.admin@example.org', name: 'Demo Administrator', officeCode: null },
  { role: 'MANAGER', email: 'demo.manager@example.org', name: 'Demo Manager', officeCode: null },
  {
    role: 'LIAISON_OFFICER',
    email: 'demo.officer.pristina@example.org',
    name: 'Demo Officer (Pristina)',
    officeCode: 'PRISTINA',
  },
  {
    role: 'LIAISON_OFFICER',
    email: 'demo.officer.mitrovica@example.org',
    name: 'Demo Officer (Mitrovica)',
    officeCode: 'MITROVICA',
  },
];

const q = (name: string) => `"${name}"`;

async function copyInto(client: pg.ClientBase, table: TableName, chunks: Buffer[]): Promise<void> {
  if (!chunks.length) return;
  const columns = TABLE_COLUMNS[table].map(q).join(', ');
  await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${q(table)} (${columns}) FROM STDIN`)));
}

export async function loadDemoData(client: pg.ClientBase, options: DemoOptions = {}): Promise<DemoResult> {
  const log = options.log ?? (() => {});
  const total = options.cases ?? 2000;
  if (!Number.isInteger(total) || total < 10) throw new Error('--cases must be a whole number of at least 10');
  const seed = (options.seed ?? Math.floor(Math.random() * 2 ** 31)) >>> 0;
  const now = options.now ?? new Date();

  await client.query('BEGIN');
  try {
    const loaded = await client.query(
      `SELECT 1 FROM app_user WHERE email = ANY($1::text[])
       UNION ALL SELECT 1 FROM external_reference WHERE system = 'OTHER' AND reference LIKE $2 LIMIT 1`,
      [ACCOUNTS.map((a) => a.email), `${DEMO_REFERENCE_PREFIX}%`],
    );
    if (loaded.rowCount) throw new Error('the demo data is already loaded in this database');
    const existing = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM "case"')).rows[0].n);
    if (existing > 0 && !options.allowExistingData)
      throw new Error(
        `this database already holds ${existing} cases: demo data goes into an empty database (or pass --allow-existing-data)`,
      );

    const offices = (
      await client.query<{ id: string; code: string }>(
        `SELECT id, code FROM office WHERE code IN ('PRISTINA', 'MITROVICA') ORDER BY code = 'PRISTINA' DESC`,
      )
    ).rows;
    if (offices.length !== 2)
      throw new Error('the offices PRISTINA and MITROVICA are missing: load the reference data first');

    // Accounts, each with its own random password (shown once, never stored in clear).
    const accounts: DemoAccount[] = [];
    const userIds = new Map<string, string>();
    for (const a of ACCOUNTS) {
      const password = generatePassword(20);
      const officeId = a.officeCode ? offices.find((o) => o.code === a.officeCode)!.id : null;
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO app_user (id, email, name, role, office_id, password_hash, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING id`,
        [a.email, a.name, a.role, officeId, await hashPassword(password)],
      );
      userIds.set(a.email, rows[0].id);
      accounts.push({ ...a, password });
    }
    const managerId = userIds.get('demo.manager@example.org')!;
    const staff: OfficeStaff[] = offices.map((o) => ({
      id: o.id,
      code: o.code,
      officerIds: [userIds.get(`demo.officer.${o.code.toLowerCase()}@example.org`)!],
      managerId,
    }));

    // Case numbers for the whole load; names folded by PostgreSQL's own mprc_fold().
    const { rows: seqRows } = await client.query<{ last: string }>(
      `SELECT setval('case_number_seq', nextval('case_number_seq') + $1 - 1) AS last`,
      [total],
    );
    const lastSeq = Number(seqRows[0].last);
    const firstSeq = lastSeq - total + 1;
    const words = new Vocabulary(seed).words();
    const { rows: foldRows } = await client.query<{ w: string; f: string }>(
      'SELECT w, mprc_fold(w) AS f FROM unnest($1::text[]) w',
      [words],
    );
    const ctx: GeneratorContext = {
      seed,
      offices: staff,
      municipalities: (
        await client.query(
          'SELECT id, code, name_sq AS "nameSq", name_sr_latn AS "nameSrLatn" FROM municipality ORDER BY code',
        )
      ).rows,
      communities: (await client.query('SELECT id, code FROM community ORDER BY code')).rows,
      folds: Object.fromEntries(foldRows.map((r) => [r.w, r.f])),
      firstCaseSeq: firstSeq,
      totalCases: total,
      now: now.toISOString(),
    };
    log(`Generating ${total} fictional cases (seed ${seed})`);
    const batch = new CaseGenerator(ctx).next(total);
    for (const table of TABLES) await copyInto(client, table, batch[table]);

    const first = formatCaseNumber(firstSeq);
    const last = formatCaseNumber(lastSeq);
    // The rest in SQL over the loaded cases (random() seeded: the same seed gives the same picks).
    await client.query('SELECT setseed($1)', [(seed % 1_000_000) / 1_000_000]);
    await client.query(
      `CREATE TEMP TABLE demo_case ON COMMIT DROP AS
       SELECT id, case_number, created_at, office_id, assigned_officer_id, workflow_status FROM "case"
        WHERE case_number ~ '^MP-[0-9]+$' AND substring(case_number FROM 4)::bigint BETWEEN $1 AND $2`,
      [firstSeq, lastSeq],
    );
    await client.query(
      `INSERT INTO external_reference (id, case_id, system, reference, created_at)
       SELECT gen_random_uuid(), id, 'OTHER', $1 || case_number, created_at FROM demo_case`,
      [DEMO_REFERENCE_PREFIX],
    );
    await client.query(
      `UPDATE "case" c SET circumstances = $1 || coalesce(' ' || c.circumstances, '') FROM demo_case d WHERE d.id = c.id`,
      [DEMO_MARK],
    );
    const referrals = await client.query(
      `INSERT INTO referral (id, case_id, service, organisation, purpose, status, referred_on, closed_on, created_by_id, created_at, updated_at)
       SELECT gen_random_uuid(), d.id,
              (ARRAY['PSYCHOSOCIAL', 'LEGAL_AID', 'MEDICAL', 'OTHER'])[d.k],
              (ARRAY['Demo psychosocial support centre', 'Demo legal aid office', 'Demo health centre', 'Demo association of families'])[d.k],
              (ARRAY['Support for the family', 'Inheritance and property papers', 'Check-up for the mother', 'Family support group'])[d.k],
              d.status::"ReferralStatus", (d.created_at + interval '20 days')::date,
              CASE WHEN d.status IN ('DONE', 'REJECTED', 'WITHDRAWN') THEN (d.created_at + interval '80 days')::date END,
              coalesce(d.assigned_officer_id, $1::uuid), d.created_at + interval '20 days', d.created_at + interval '80 days'
         FROM (SELECT dc.*, 1 + floor(random() * 4)::int AS k,
                      (ARRAY['REQUESTED', 'ACCEPTED', 'DONE', 'DONE', 'REJECTED', 'WITHDRAWN'])[1 + floor(random() * 6)::int] AS status
                 FROM demo_case dc WHERE random() < 0.2 AND dc.created_at + interval '80 days' < now()) d`,
      [managerId],
    );
    const consents = await client.query(
      `INSERT INTO consent (id, relative_id, organisation, given_on, withdrawn_on, created_at)
       SELECT gen_random_uuid(), r.relative_id, (ARRAY['ICRC', 'ICMP', 'GCMP'])[1 + floor(random() * 3)::int],
              (r.created_at + interval '30 days')::date,
              CASE WHEN random() < 0.1 THEN (r.created_at + interval '400 days')::date END,
              r.created_at + interval '30 days'
         FROM (SELECT DISTINCT ON (cr.relative_id) cr.relative_id, cr.created_at FROM case_relative cr JOIN demo_case d ON d.id = cr.case_id) r
        WHERE random() < 0.3 AND r.created_at + interval '400 days' < now()`,
    );
    // Work for the demo officers' home page: follow-ups due this week or overdue on open cases.
    const followUps = await client.query(
      `UPDATE contact ct SET follow_up_on = current_date + (floor(random() * 17) - 10)::int, follow_up_done_at = NULL
         FROM (SELECT DISTINCT ON (ct.case_id) ct.id
                 FROM contact ct JOIN demo_case d ON d.id = ct.case_id
                WHERE d.workflow_status IN ('VERIFIED', 'ACTIVE') AND d.assigned_officer_id IS NOT NULL AND ct.officer_id = d.assigned_officer_id
                ORDER BY ct.case_id, ct.occurred_at DESC) latest
        WHERE ct.id = latest.id AND random() < 0.05`,
    );

    const counts: Record<string, number> = {};
    for (const [name, sql] of Object.entries({
      cases: 'SELECT count(*) FROM demo_case',
      relatives: 'SELECT count(DISTINCT relative_id) FROM case_relative cr JOIN demo_case d ON d.id = cr.case_id',
      contacts: 'SELECT count(*) FROM contact ct JOIN demo_case d ON d.id = ct.case_id',
      events: 'SELECT count(*) FROM case_event e JOIN demo_case d ON d.id = e.case_id',
      externalReferences: 'SELECT count(*) FROM external_reference er JOIN demo_case d ON d.id = er.case_id',
    })) {
      counts[name] = Number((await client.query<{ count: string }>(sql)).rows[0].count);
    }
    counts.referrals = referrals.rowCount ?? 0;
    counts.consents = consents.rowCount ?? 0;
    counts.openFollowUps = followUps.rowCount ?? 0;

    await client.query(
      `INSERT INTO audit_entry (id, actor_role, action, entity_type, details) VALUES (gen_random_uuid(), 'SYSTEM', 'demo.load', 'Case', $1)`,
      [
        JSON.stringify({
          via: 'command line',
          fictional: true,
          seed,
          caseNumbers: { first, last },
          counts,
          accounts: accounts.map((a) => a.email),
        }),
      ],
    );
    await client.query('COMMIT');
    for (const t of [...TABLES, 'referral', 'consent']) await client.query(`ANALYZE ${q(t)}`);
    return { accounts, seed, firstCaseNumber: first, lastCaseNumber: last, counts };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
