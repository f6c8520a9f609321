#!/usr/bin/env node
// The physical limit for our stack on this machine: the same SQL work as the app's hot paths,
// served by node:http + pg with no framework, no ORM, no validation library. `npm run bench`
// runs it beside the real server and reports each path's throughput as a ratio of this one.
//
// Each route sends PostgreSQL the same statements as the app. Where the app's SQL lives in a
// function that runs on the plain pg pool, this server calls that very function from the built
// server (server/dist, on this pool, with no NestJS, Prisma or zod around it), so the two cannot
// drift and prepared statements stay prepared (same names, same text, same parameters). Where
// the app goes through Prisma, the SQL is written here in the fewest statements (same rows,
// joins and writes):
//   every request   session lookup (named statement 'session-resolve') + sliding idle timeout:
//                   SessionService.resolve from server/dist/auth/session.service.js
//   GET  /api/v1/cases/:id           ONE named statement: scope check, merge follow, case with
//                                    json_agg references/merged-from, case.read audit insert:
//                                    CasesRepository.readAudited (server/dist/cases/cases.repository.js)
//   GET  /api/v1/cases?...           CaseSearchRepository.list (server/dist/cases/case-search.repository.js)
//   GET  /api/v1/cases/:id/timeline  readable check + timeline (the app's are Prisma $queryRaw;
//                                    copied from cases.repository.ts findReadable/timeline)
//   POST /api/v1/cases/:id/contacts  CSRF, then ONE named statement: lock FOR SHARE, checks,
//                                    contact, timeline event, audit entry:
//                                    ContactsRepository.createLogged (server/dist/contacts/contacts.repository.js)
//   GET  /api/v1/reports/summary     read-only snapshot, GROUP BY, reference names, audit entry
//                                    (copied from server/src/reports/reports.repository.ts, reports.service.ts)
//
// Before listening, selfCheck() fails the start if the SQL copied here no longer appears in the
// built server modules it was copied from (run `npm run build` first: the bench does).
// Usage: DATABASE_URL=postgres://... PORT=4100 node bench/raw-server.mjs
import fs from 'node:fs';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
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

// The app's own session lookup, on this pool: SessionService.resolve only reads the cookie and
// runs its named statement (and the sliding-timeout UPDATE when stale) on db.pool.
const { SessionService } = await import(new URL('../server/dist/auth/session.service.js', import.meta.url));
const sessions = new SessionService({ pool }, null, { SESSION_IDLE_MINUTES: IDLE_MINUTES });

async function session(req) {
  const token = cookie(req, 'mprc_session');
  const actor = await sessions.resolve({ cookies: token === undefined ? {} : { mprc_session: token } });
  if (!actor || actor.kind !== 'staff' || actor.mfaPending) throw new HttpError(401, 'UNAUTHENTICATED');
  if (actor.role !== 'MANAGER' && actor.role !== 'LIAISON_OFFICER') throw new HttpError(403, 'FORBIDDEN');
  return { ...actor, ip: req.socket.remoteAddress };
}

// The case read and contact create run the repositories' own one-statement SQL on this pool.
const { CasesRepository, toCaseKey } = await import(
  new URL('../server/dist/cases/cases.repository.js', import.meta.url)
);
const { ContactsRepository } = await import(new URL('../server/dist/contacts/contacts.repository.js', import.meta.url));
const { caseScope } = await import(new URL('../server/dist/cases/case-scope.js', import.meta.url));
const { creationChanges } = await import(new URL('../server/dist/audit/audit-changes.js', import.meta.url));
const casesRepo = new CasesRepository({ pool });
const contactsRepo = new ContactsRepository({ pool });

/** cases/audit-facts.ts auditFacts: who acted and from where (a fresh request id, as Fastify's genReqId). */
const facts = (actor) => ({
  actorId: actor.userId,
  actorRole: actor.role,
  ip: actor.ip ?? null,
  requestId: randomUUID(),
  relativeId: null,
});

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

async function getCase(req, res, key) {
  const actor = await session(req);
  const found = await casesRepo.readAudited(caseScope(actor), toCaseKey(key), facts(actor));
  if (!found) throw new HttpError(404, 'NOT_FOUND');
  send(res, 200, found);
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
  send(res, 200, await caseSearch.list(caseScope(actor), query, actor.userId));
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

// contacts.service.ts create(): the values, the audit changes, then createLogged's one statement.
async function createContact(req, res, key) {
  const actor = await session(req);
  if (req.headers['x-csrf-token'] !== actor.csrfToken) throw new HttpError(403, 'CSRF_FAILED');
  const body = await readBody(req);
  if (typeof body.summary !== 'string' || !body.channel || !body.occurredAt)
    throw new HttpError(400, 'VALIDATION_FAILED');
  const id = randomUUID();
  const occurredAt = new Date(body.occurredAt);
  const relativeId = body.relativeId?.toLowerCase() ?? null;
  const followUpOn = body.followUpOn ? new Date(`${body.followUpOn}T00:00:00Z`) : null;
  const contact = {
    channel: body.channel,
    occurredAt,
    relativeId,
    officerId: actor.userId,
    language: body.language ?? null,
    interpreterUsed: body.interpreterUsed ?? false,
    summary: body.summary,
    familyVisibleSummary: body.familyVisibleSummary ?? null,
    followUpOn,
  };
  const changes = creationChanges({
    channel: contact.channel,
    occurredAt: occurredAt.toISOString(),
    relativeId,
    language: contact.language,
    interpreterUsed: contact.interpreterUsed,
    summary: contact.summary,
    familyVisibleSummary: contact.familyVisibleSummary,
    followUpOn: followUpOn ? followUpOn.toISOString().slice(0, 10) : null,
  });
  const result = await contactsRepo.createLogged(
    caseScope(actor),
    toCaseKey(key),
    {
      ...contact,
      id,
      eventData: { contactId: id, channel: body.channel, occurredAt: body.occurredAt },
      changes,
      details: { subject: 'Contact', subjectId: id },
    },
    facts(actor),
  );
  if (result.kind === 'missing') throw new HttpError(404, 'NOT_FOUND');
  if (result.kind === 'merged') throw new HttpError(409, 'CONFLICT');
  if (result.kind === 'relative-not-linked') throw new HttpError(400, 'VALIDATION_FAILED');
  send(res, 201, result.contact);
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

// ------------------------------------------------------------------ drift check

/**
 * The SQL copied above (timeline and summary paths) must still be the app's: each fragment,
 * whitespace folded, has to appear in the built module it came from, or the baseline refuses to
 * start (and `npm run bench` stops) rather than measure something else.
 */
function selfCheck() {
  const fold = (t) => t.replaceAll(/\s+/g, ' ').trim();
  const copied = [
    [
      'cases/cases.repository.js',
      `SELECT s.id, s.case_number, s.office_id,
            CASE WHEN c.id <> s.id THEN c.id END AS from_id,
            CASE WHEN c.id <> s.id THEN c.case_number END AS from_number
       FROM "case" c
       JOIN "case" s ON s.id = coalesce(c.merged_into_id, c.id)`,
    ],
    [
      'cases/cases.repository.js',
      `SELECT e.id, e.type::text AS type, e.at, e.actor_id, u.name AS actor_name, e.from_status, e.to_status, e.note,
            e.family_message, e.family_visible, e.data
       FROM case_event e
       LEFT JOIN app_user u ON u.id = e.actor_id`,
    ],
    ['reports/reports.repository.js', `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`],
    ['reports/reports.repository.js', `AS key, sum(n)::int AS count`],
    [
      'reports/reports.repository.js',
      `SELECT kind, id, code, name_sq AS sq, name_sr_latn AS sr_latn, name_sr_cyrl AS sr_cyrl, name_en AS en FROM (
         SELECT 'office' AS kind, id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM office
         UNION ALL SELECT 'municipality', id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM municipality
         UNION ALL SELECT 'community', id, code, name_sq, name_sr_latn, name_sr_cyrl, name_en FROM community) r`,
    ],
    [
      'contacts/contacts.repository.js', // the columns AuditService.record writes
      `INSERT INTO audit_entry (id, actor_id, actor_role, action, entity_type, entity_id, ip, request_id, changes, details)`,
    ],
  ];
  const drifted = copied.filter(([file, sql]) => {
    const text = fs.readFileSync(new URL(`../server/dist/${file}`, import.meta.url), 'utf8');
    return !fold(text).includes(fold(sql));
  });
  if (drifted.length)
    throw new Error(
      `raw-server.mjs: SQL copied from the server no longer matches it (${drifted.map(([f, q]) => `${f}: ${fold(q).slice(0, 60)}...`).join('; ')}); update bench/raw-server.mjs`,
    );
}
selfCheck();

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
