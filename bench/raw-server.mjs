#!/usr/bin/env node
// The physical limit for our stack on this machine: the same SQL work as the app's hot paths,
// served by node:http + pg with no framework, no ORM, no validation library. `npm run bench`
// runs it beside the real server and reports each path's throughput as a ratio of this one.
//
// Each route does what the app does in PostgreSQL, statement for statement where the app's SQL
// is hand-written (copied from the files named below; keep them in step), and in the fewest
// statements where the app goes through Prisma (the same rows, joins and writes):
//   every request   session lookup + sliding idle timeout    server/src/auth/session.service.ts
//   GET  /api/v1/cases/:id           readable check, full case (office, community, municipality,
//                                    officer, references, merged-from), audit entry
//                                    server/src/cases/cases.repository.ts, cases.service.ts get()
//   GET  /api/v1/cases?...           the repository itself on this pool (server/dist's
//                                    CaseSearchRepository: the same statements, no framework)
//   GET  /api/v1/cases/:id/timeline  readable check + timeline       cases.repository.ts
//   POST /api/v1/cases/:id/contacts  CSRF, transaction: lock FOR SHARE, insert contact, timeline
//                                    event, read back, audit entry   server/src/contacts/*
//   GET  /api/v1/reports/summary     read-only snapshot, GROUP BY, reference names, audit entry
//                                    server/src/reports/reports.repository.ts, reports.service.ts
//
// Usage: DATABASE_URL=postgres://... PORT=4100 node bench/raw-server.mjs
import http from 'node:http';
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DB_POOL_SIZE ?? 10),
  application_name: 'mprc-raw-baseline',
});
const IDLE_MINUTES = Number(process.env.SESSION_IDLE_MINUTES ?? 30);
const THRESHOLD = 0.4; // case-filters.ts WORD_SIMILARITY_THRESHOLD

// ------------------------------------------------------------------ plumbing

class HttpError extends Error {
  constructor(status, code) {
    super(code);
    this.status = status;
  }
}

function send(res, status, body) {
  const json = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    'cache-control': 'no-store',
  });
  res.end(json);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (data += d));
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : {});
      } catch {
        reject(new HttpError(400, 'VALIDATION_FAILED'));
      }
    });
    req.on('error', reject);
  });
}

function cookie(req, name) {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return undefined;
}

const hashToken = (token) => createHash('sha256').update(token).digest('hex');

// SessionService.resolve, same SQL.
async function session(req) {
  const token = cookie(req, 'mprc_session');
  if (!token || token.length > 128) throw new HttpError(401, 'UNAUTHENTICATED');
  const id = hashToken(token);
  const { rows } = await pool.query(
    `SELECT s.id, s.role, s.csrf_token, s.mfa_pending, s.user_id, s.relative_id,
            s.last_seen_at < now() - interval '30 seconds' AS stale,
            u.role AS user_role, u.name AS user_name, u.email, u.is_active, u.office_id, o.code AS office_code,
            r.first_name || ' ' || r.last_name AS relative_name,
            (pa.id IS NOT NULL AND pa.revoked_at IS NULL) AS portal_open
       FROM session s
       LEFT JOIN app_user u ON u.id = s.user_id
       LEFT JOIN office o ON o.id = u.office_id
       LEFT JOIN relative r ON r.id = s.relative_id
       LEFT JOIN portal_access pa ON pa.relative_id = s.relative_id
      WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        AND s.last_seen_at > now() - make_interval(mins => $2)`,
    [id, IDLE_MINUTES],
  );
  const s = rows[0];
  if (!s || !s.user_id || !s.is_active || s.mfa_pending) throw new HttpError(401, 'UNAUTHENTICATED');
  if (s.stale) await pool.query('UPDATE session SET last_seen_at = now() WHERE id = $1', [id]);
  if (s.user_role !== 'MANAGER' && s.user_role !== 'LIAISON_OFFICER') throw new HttpError(403, 'FORBIDDEN');
  return {
    userId: s.user_id,
    role: s.user_role,
    officeId: s.office_id,
    csrfToken: s.csrf_token,
    ip: req.socket.remoteAddress,
  };
}

/** case-scope.ts: managers every case, officers their office's. */
function scope(actor, column, params) {
  if (actor.role === 'MANAGER') return 'TRUE';
  params.push(actor.officeId);
  return `${column} = $${params.length}::uuid`;
}

// cases.repository.ts findReadable, same SQL.
async function readable(client, actor, key) {
  const params = [key];
  const keyCond = key.startsWith('MP-') ? 'c.case_number = $1' : 'c.id = $1::uuid';
  const { rows } = await client.query(
    `SELECT s.id, s.case_number, s.office_id,
            CASE WHEN c.id <> s.id THEN c.id END AS from_id,
            CASE WHEN c.id <> s.id THEN c.case_number END AS from_number
       FROM "case" c
       JOIN "case" s ON s.id = coalesce(c.merged_into_id, c.id)
      WHERE ${keyCond} AND ${scope(actor, 's.office_id', params)}`,
    params,
  );
  if (!rows[0]) throw new HttpError(404, 'NOT_FOUND');
  return rows[0];
}

async function audit(client, actor, entry) {
  await client.query(
    `INSERT INTO audit_entry (id, actor_id, actor_role, action, entity_type, entity_id, ip, request_id, changes, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      randomUUID(),
      actor.userId,
      actor.role,
      entry.action,
      entry.entityType,
      entry.entityId,
      actor.ip,
      randomUUID(),
      entry.changes ?? null,
      entry.details ?? null,
    ],
  );
}

const iso = (d) => (d ? d.toISOString() : null);

// ------------------------------------------------------------------ routes

async function getCase(req, res, id) {
  const actor = await session(req);
  const found = await readable(pool, actor, id);
  // One statement for what Prisma's findUnique(select: CASE_SELECT) reads.
  const { rows } = await pool.query(
    `SELECT c.id, c.case_number, c.version, c.first_name, c.last_name, c.father_name, c.other_names, c.sex::text AS sex,
            c.date_of_birth, c.birth_year, c.place_of_birth, c.missing_since, c.last_seen_place, c.circumstances,
            c.fate_status::text AS fate_status, c.workflow_status::text AS workflow_status, c.family_informed_at,
            c.photo_attachment_id, c.created_at, c.updated_at, c.assigned_officer_id,
            o.code AS office_code, cm.code AS community_code, mu.code AS municipality_code, u.name AS officer_name,
            coalesce((SELECT json_agg(json_build_object('system', er.system, 'reference', er.reference) ORDER BY er.created_at, er.reference)
                        FROM external_reference er WHERE er.case_id = c.id), '[]') AS refs,
            coalesce((SELECT json_agg(json_build_object('id', m.id, 'caseNumber', m.case_number) ORDER BY m.case_number)
                        FROM "case" m WHERE m.merged_into_id = c.id), '[]') AS merged_from
       FROM "case" c
       JOIN office o ON o.id = c.office_id
       LEFT JOIN community cm ON cm.id = c.community_id
       LEFT JOIN municipality mu ON mu.id = c.last_seen_municipality_id
       LEFT JOIN app_user u ON u.id = c.assigned_officer_id
      WHERE c.id = $1`,
    [found.id],
  );
  const c = rows[0];
  if (!c) throw new HttpError(404, 'NOT_FOUND');
  await audit(pool, actor, {
    action: 'case.read',
    entityType: 'Case',
    entityId: found.id,
    details: found.from_id ? { requested: found.from_number } : null,
  });
  send(res, 200, {
    id: c.id,
    caseNumber: c.case_number,
    version: c.version,
    firstName: c.first_name,
    lastName: c.last_name,
    fatherName: c.father_name,
    otherNames: c.other_names,
    sex: c.sex,
    dateOfBirth: c.date_of_birth,
    birthYear: c.birth_year,
    communityCode: c.community_code,
    placeOfBirth: c.place_of_birth,
    missingSince: c.missing_since,
    lastSeenMunicipalityCode: c.municipality_code,
    lastSeenPlace: c.last_seen_place,
    circumstances: c.circumstances,
    officeCode: c.office_code,
    assignedOfficer: c.assigned_officer_id ? { id: c.assigned_officer_id, name: c.officer_name } : null,
    fateStatus: c.fate_status,
    workflowStatus: c.workflow_status,
    familyInformedAt: iso(c.family_informed_at),
    photoAttachmentId: c.photo_attachment_id,
    externalReferences: c.refs,
    mergedFrom: c.merged_from,
    resolvedFrom: found.from_id ? { id: found.from_id, caseNumber: found.from_number } : null,
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
  });
}

// The case list and name search: the SQL is the repository's own (server/dist's CaseSearchRepository
// on this pool: its statements are built by a few string functions and run on plain pg, with no
// NestJS, Prisma or zod around them), since copying its several statements here would only drift.
const { CaseSearchRepository } = await import(
  new URL('../server/dist/cases/case-search.repository.js', import.meta.url)
);
const caseSearch = new CaseSearchRepository({ pool });

async function listCases(req, res, url) {
  const actor = await session(req);
  const q = url.searchParams;
  const query = {
    page: Math.max(1, Number(q.get('page') ?? 1)),
    pageSize: Math.min(100, Math.max(1, Number(q.get('pageSize') ?? 20))),
  };
  for (const key of ['q', 'fateStatus', 'workflowStatus', 'communityCode', 'municipalityCode', 'officeCode'])
    if (q.get(key)) query[key] = q.get(key);
  const scope = actor.role === 'MANAGER' ? { kind: 'all' } : { kind: 'office', officeId: actor.officeId };
  send(res, 200, await caseSearch.list(scope, query, actor.userId));
}

async function timeline(req, res, id) {
  const actor = await session(req);
  const found = await readable(pool, actor, id);
  const { rows } = await pool.query(
    `SELECT e.id, e.type::text AS type, e.at, e.actor_id, u.name AS actor_name, e.from_status, e.to_status, e.note,
            e.family_message, e.family_visible, e.data
       FROM case_event e
       LEFT JOIN app_user u ON u.id = e.actor_id
      WHERE e.case_id = $1::uuid
      ORDER BY e.at DESC, e.id`,
    [found.id],
  );
  send(
    res,
    200,
    rows.map((r) => ({
      id: r.id,
      type: r.type,
      at: iso(r.at),
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      note: r.note,
      familyMessage: r.family_message,
      familyVisible: r.family_visible,
      data: r.data,
    })),
  );
}

async function createContact(req, res, key) {
  const actor = await session(req);
  if (req.headers['x-csrf-token'] !== actor.csrfToken) throw new HttpError(403, 'CSRF_FAILED');
  const body = await readBody(req);
  if (typeof body.summary !== 'string' || !body.channel || !body.occurredAt)
    throw new HttpError(400, 'VALIDATION_FAILED');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // cases.repository.ts lockWritable(mode 'share'), same SQL.
    const params = [key];
    const { rows: found } = await client.query(
      `SELECT c.id, c.case_number, c.office_id, c.version, c.fate_status::text AS fate_status,
              c.workflow_status::text AS workflow_status, m.id AS merged_id, m.case_number AS merged_number
         FROM "case" c
         LEFT JOIN "case" m ON m.id = c.merged_into_id
        WHERE ${key.startsWith('MP-') ? 'c.case_number = $1' : 'c.id = $1::uuid'} AND ${scope(actor, 'coalesce(m.office_id, c.office_id)', params)}
        FOR SHARE OF c`,
      params,
    );
    const c = found[0];
    if (!c) throw new HttpError(404, 'NOT_FOUND');
    if (c.merged_id) throw new HttpError(409, 'CONFLICT');
    if (body.relativeId) {
      const linked = await client.query('SELECT 1 FROM case_relative WHERE case_id = $1 AND relative_id = $2', [
        c.id,
        body.relativeId,
      ]);
      if (!linked.rowCount) throw new HttpError(400, 'VALIDATION_FAILED');
    }
    const id = randomUUID();
    await client.query(
      `INSERT INTO contact (id, case_id, occurred_at, channel, relative_id, officer_id, language, interpreter_used, summary,
                            family_visible_summary, follow_up_on)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        c.id,
        new Date(body.occurredAt),
        body.channel,
        body.relativeId ?? null,
        actor.userId,
        body.language ?? null,
        body.interpreterUsed ?? false,
        body.summary,
        body.familyVisibleSummary ?? null,
        body.followUpOn ?? null,
      ],
    );
    await client.query(
      `INSERT INTO case_event (id, case_id, type, actor_id, family_visible, data) VALUES ($1, $2, 'CONTACT_LOGGED', $3, false, $4)`,
      [randomUUID(), c.id, actor.userId, { contactId: id, channel: body.channel, occurredAt: body.occurredAt }],
    );
    const { rows } = await client.query(
      `SELECT ct.id, ct.case_id, ct.channel::text AS channel, ct.occurred_at, ct.language, ct.interpreter_used, ct.summary,
              ct.family_visible_summary, ct.follow_up_on::text AS follow_up_on, ct.follow_up_done_at, ct.created_at,
              r.id AS relative_id, r.first_name, r.last_name, u.id AS officer_id, u.name AS officer_name
         FROM contact ct
         LEFT JOIN relative r ON r.id = ct.relative_id
         LEFT JOIN app_user u ON u.id = ct.officer_id
        WHERE ct.id = $1 AND ct.case_id = $2`,
      [id, c.id],
    );
    const r = rows[0];
    const contact = {
      id: r.id,
      caseId: r.case_id,
      channel: r.channel,
      occurredAt: iso(r.occurred_at),
      relative: r.relative_id ? { id: r.relative_id, name: `${r.first_name} ${r.last_name}` } : null,
      officer: r.officer_id ? { id: r.officer_id, name: r.officer_name } : null,
      language: r.language,
      interpreterUsed: r.interpreter_used,
      summary: r.summary,
      familyVisibleSummary: r.family_visible_summary,
      followUpOn: r.follow_up_on,
      followUpDoneAt: iso(r.follow_up_done_at),
      createdAt: iso(r.created_at),
    };
    const changes = {};
    for (const k of [
      'channel',
      'occurredAt',
      'language',
      'interpreterUsed',
      'summary',
      'familyVisibleSummary',
      'followUpOn',
    ]) {
      if (contact[k] !== null && contact[k] !== undefined) changes[k] = { from: null, to: contact[k] };
    }
    await audit(client, actor, {
      action: 'contact.create',
      entityType: 'Case',
      entityId: c.id,
      changes,
      details: { subject: 'Contact', subjectId: id },
    });
    await client.query('COMMIT');
    send(res, 201, contact);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

// server/src/reports (reports.service.ts summary, reports.repository.ts withCases/countBy/
// referenceNames): a read-only snapshot, the GROUP BY over the case list's base filter (no
// filters given: merged cases left out), the reference names for labels, then the audit entry.
// Group by the raw column, cast to text after the grouping (reports.repository.ts GROUPINGS).
const GROUP_KEYS = {
  fateStatus: 'c.fate_status',
  workflowStatus: 'c.workflow_status',
  community: 'c.community_id',
  municipality: 'c.last_seen_municipality_id',
  office: 'c.office_id',
  sex: 'c.sex',
};
async function summary(req, res, url) {
  const actor = await session(req);
  if (actor.role !== 'MANAGER') throw new HttpError(403, 'FORBIDDEN');
  const groupBy = url.searchParams.get('groupBy') ?? 'fateStatus';
  if (!GROUP_KEYS[groupBy]) throw new HttpError(400, 'VALIDATION_FAILED');
  const client = await pool.connect();
  let counts;
  let names;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${THRESHOLD}`);
    counts = (
      await client.query(
        `SELECT k::text AS key, sum(n)::int AS count
           FROM (SELECT ${GROUP_KEYS[groupBy]} AS k, count(*) AS n
                   FROM "case" c
                  WHERE c.merged_into_id IS NULL AND TRUE
                  GROUP BY 1) x
          GROUP BY 1`,
        [],
      )
    ).rows;
    names = (
      await client.query(
        `SELECT kind, id, code, name_sq AS sq, name_sr_latn AS sr_latn, name_sr_cyrl AS sr_cyrl, name_en AS en FROM (
           SELECT 'office' AS kind, id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM office
           UNION ALL SELECT 'municipality', id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM municipality
           UNION ALL SELECT 'community', id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM community) r`,
      )
    ).rows;
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  const byId = new Map(names.map((n) => [n.id, n]));
  const rows = counts
    .map((c) => {
      const ref = c.key ? byId.get(c.key) : undefined;
      return { key: ref?.code ?? c.key ?? 'UNKNOWN', label: ref?.en ?? c.key ?? 'Unknown', count: c.count };
    })
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const total = counts.reduce((n, c) => n + c.count, 0);
  await audit(pool, actor, {
    action: 'report.summary',
    entityType: null,
    entityId: null,
    details: { groupBy, filters: {}, caseCount: total, rowCount: rows.length, language: 'en' },
  });
  send(res, 200, { groupBy, total, rows });
}

// ------------------------------------------------------------------ router

const CASE = /^\/api\/v1\/cases\/([^/]+)$/;
const TIMELINE = /^\/api\/v1\/cases\/([^/]+)\/timeline$/;
const CONTACTS = /^\/api\/v1\/cases\/([^/]+)\/contacts$/;

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://raw');
    const path = url.pathname;
    let m;
    if (req.method === 'GET' && path === '/api/v1/cases') return await listCases(req, res, url);
    if (req.method === 'GET' && (m = TIMELINE.exec(path))) return await timeline(req, res, decodeURIComponent(m[1]));
    if (req.method === 'POST' && (m = CONTACTS.exec(path)))
      return await createContact(req, res, decodeURIComponent(m[1]));
    if (req.method === 'GET' && path !== '/api/v1/cases/duplicates' && (m = CASE.exec(path)))
      return await getCase(req, res, decodeURIComponent(m[1]));
    if (req.method === 'GET' && path === '/api/v1/reports/summary') return await summary(req, res, url);
    if (path === '/health') return send(res, 200, { status: 'ok' });
    send(res, 404, { code: 'NOT_FOUND' });
  } catch (e) {
    if (e instanceof HttpError) return send(res, e.status, { code: e.message });
    process.stderr.write(`raw-server: ${e.stack ?? e}\n`);
    if (!res.headersSent) send(res, 500, { code: 'INTERNAL' });
    else res.destroy();
  }
});
server.keepAliveTimeout = 72_000;
server.listen(Number(process.env.PORT ?? 4100), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`raw baseline listening on ${process.env.HOST ?? '127.0.0.1'}:${server.address().port}\n`);
});
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
