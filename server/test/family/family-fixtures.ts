// Rows for family portal tests, written with SQL so these tests do not depend on the staff case
// API. Values are fictional.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { SMTPServer } from 'smtp-server';
import type { ApiClient } from '../setup/test-app.js';

export interface CaseRow {
  id: string;
  caseNumber: string;
}

export async function createCase(
  pool: pg.Pool,
  officeCode: string,
  opts: {
    firstName?: string;
    lastName?: string;
    circumstances?: string;
    fate?: string;
    workflow?: string;
    officerId?: string | null;
    createdAt?: Date;
  } = {},
): Promise<CaseRow> {
  const { rows } = await pool.query<CaseRow>(
    `INSERT INTO "case" (id, case_number, office_id, first_name, last_name, circumstances, fate_status, workflow_status, assigned_officer_id, created_at, updated_at)
     VALUES (gen_random_uuid(), 'MP-' || lpad(nextval('case_number_seq')::text, 6, '0'), (SELECT id FROM office WHERE code = $1),
             $2, $3, $4, $5::"FateStatus", $6::"WorkflowStatus", $7, coalesce($8, now()), now())
     RETURNING id, case_number AS "caseNumber"`,
    [
      officeCode,
      opts.firstName ?? 'Arben',
      opts.lastName ?? 'Fiktivi',
      opts.circumstances ?? null,
      opts.fate ?? 'MISSING',
      opts.workflow ?? 'ACTIVE',
      opts.officerId ?? null,
      opts.createdAt ?? null,
    ],
  );
  return rows[0];
}

export interface RelativeOpts {
  firstName?: string;
  lastName?: string;
  phone?: string | null;
  email?: string | null;
  address?: string | null;
  preferredLanguage?: string;
  dna?: 'YES' | 'NO' | 'UNKNOWN';
  relationship?: string;
}

export async function addRelative(pool: pg.Pool, caseId: string, opts: RelativeOpts = {}): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO relative (id, first_name, last_name, phone, email, address, preferred_language, dna_sample_given, updated_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7::"DnaSample", now()) RETURNING id`,
    [
      opts.firstName ?? 'Drita',
      opts.lastName ?? 'Fiktivi',
      opts.phone ?? null,
      opts.email ?? null,
      opts.address ?? null,
      opts.preferredLanguage ?? 'sq',
      opts.dna ?? 'UNKNOWN',
    ],
  );
  await linkRelative(pool, caseId, rows[0].id, opts.relationship);
  return rows[0].id;
}

export async function linkRelative(
  pool: pg.Pool,
  caseId: string,
  relativeId: string,
  relationship = 'SIBLING',
): Promise<void> {
  await pool.query(`INSERT INTO case_relative (case_id, relative_id, relationship) VALUES ($1, $2, $3)`, [
    caseId,
    relativeId,
    relationship,
  ]);
}

export async function addEvent(
  pool: pg.Pool,
  caseId: string,
  e: {
    type: string;
    at?: Date;
    from?: string | null;
    to?: string | null;
    note?: string | null;
    familyMessage?: string | null;
    familyVisible?: boolean;
  },
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO case_event (id, case_id, type, at, from_status, to_status, note, family_message, family_visible)
     VALUES (gen_random_uuid(), $1, $2::"CaseEventType", coalesce($3, now()), $4, $5, $6, $7, $8) RETURNING id`,
    [
      caseId,
      e.type,
      e.at ?? null,
      e.from ?? null,
      e.to ?? null,
      e.note ?? null,
      e.familyMessage ?? null,
      e.familyVisible ?? !!e.familyMessage,
    ],
  );
  return rows[0].id;
}

/** Issues portal access over the API as the given officer; returns the code. */
export async function issueAccess(officer: ApiClient, caseId: string, relativeId: string): Promise<string> {
  const res = await officer.post(`/api/v1/cases/${caseId}/relatives/${relativeId}/portal-access`);
  if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${res.text}`);
  return res.body.accessCode;
}

/** Signs a family member in over the API; throws unless it succeeds. */
export async function familyLogin(client: ApiClient, caseNumber: string, accessCode: string): Promise<ApiClient> {
  const res = await client.post('/api/v1/family/login', { caseNumber, accessCode });
  if (res.status !== 200) throw new Error(`family login failed: ${res.status} ${res.text}`);
  client.csrfToken = res.body.csrfToken;
  return client;
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server in this process: nodemailer talks SMTP to it and tests read what arrived. */
export async function startSmtpServer(): Promise<{
  url: string;
  mails: ReceivedMail[];
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async waitFor(count, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (mails.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The text part of a raw message, decoded (nodemailer sends quoted-printable or base64 for UTF-8). */
export function mailText(raw: string): { subject: string; body: string; headers: string } {
  const [headers, ...rest] = raw.split(/\r?\n\r?\n/);
  let body = rest.join('\n\n');
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(unfolded)?.[1]?.toLowerCase();
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    body = decodeURIComponent(
      body
        .replace(/=\r?\n/g, '')
        .replace(/%/g, '%25')
        .replace(/=([0-9A-F]{2})/gi, '%$1'),
    );
  }
  const subjectRaw = /^subject:\s*(.*)$/im.exec(unfolded)?.[1] ?? '';
  const subject = subjectRaw.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeURIComponent(
          data
            .replace(/%/g, '%25')
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, '%$1'),
        ),
  );
  return { subject, body: body.replace(/\r\n/g, '\n'), headers: unfolded };
}
