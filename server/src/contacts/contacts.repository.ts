import { Injectable } from '@nestjs/common';
import {
  FOLLOW_UP_HORIZON_DAYS,
  type CaseRef,
  type ContactResponse,
  type FollowUp,
  type FollowUpQuery,
  type Page,
} from '@mprc/contracts';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import { Prisma } from '../generated/prisma/client.js';
import { auditDetails, type AuditFacts } from '../cases/audit-facts.js';
import { scopeSql, type CaseScope } from '../cases/case-scope.js';
import type { CaseKey } from '../cases/cases.repository.js';
import { OFFICE_TIME_ZONE } from '../cases/office-time.js';

const CONTACT_SELECT = {
  id: true,
  caseId: true,
  channel: true,
  occurredAt: true,
  language: true,
  interpreterUsed: true,
  summary: true,
  familyVisibleSummary: true,
  followUpOn: true,
  followUpDoneAt: true,
  createdAt: true,
  relative: { select: { id: true, firstName: true, lastName: true } },
  officer: { select: { id: true, name: true } },
} as const satisfies Prisma.ContactSelect;
type ContactRow = Prisma.ContactGetPayload<{ select: typeof CONTACT_SELECT }>;

const toContactResponse = (c: ContactRow): ContactResponse => ({
  id: c.id,
  caseId: c.caseId,
  channel: c.channel,
  occurredAt: c.occurredAt.toISOString(),
  relative: c.relative ? { id: c.relative.id, name: `${c.relative.firstName} ${c.relative.lastName}` } : null,
  officer: c.officer,
  language: c.language,
  interpreterUsed: c.interpreterUsed,
  summary: c.summary,
  familyVisibleSummary: c.familyVisibleSummary,
  followUpOn: c.followUpOn ? c.followUpOn.toISOString().slice(0, 10) : null,
  followUpDoneAt: c.followUpDoneAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
});

export interface NewContact {
  caseId: string;
  channel: ContactResponse['channel'];
  occurredAt: Date;
  relativeId: string | null;
  officerId: string | null;
  language: string | null;
  interpreterUsed: boolean;
  summary: string;
  familyVisibleSummary: string | null;
  followUpOn: Date | null;
}

/** A contact to log through `createLogged`: its id is chosen by the caller (the event and audit name it). */
export interface LoggedContact extends Omit<NewContact, 'caseId'> {
  id: string;
  /** The CONTACT_LOGGED timeline event's data. */
  eventData: Record<string, unknown>;
  /** The `contact.create` audit entry's changes and details. */
  changes: Record<string, unknown>;
  details: Record<string, unknown>;
}

export type LoggedContactResult =
  | { kind: 'created'; contact: ContactResponse }
  | { kind: 'missing' }
  | { kind: 'merged'; caseNumber: string; mergedInto: CaseRef }
  | { kind: 'relative-not-linked' };

/**
 * Logging a contact as one statement (finding 8 of docs/PERFORMANCE.md): the case is found in the
 * caller's scope (a merged case's scope is its survivor's) and locked FOR SHARE, as
 * CasesRepository.lockWritable does, so a merge waits; only when it is not merged and the relative
 * (if any) is linked to it, the contact, its CONTACT_LOGGED timeline event and the
 * `contact.create` audit entry are inserted by data-modifying CTEs. One statement is one
 * transaction: all three commit together or not at all. The answer tells which check failed.
 */
function createLoggedSql(byId: boolean, scope: CaseScope['kind']): string {
  const scopeCond =
    scope === 'all' ? 'TRUE' : scope === 'office' ? 'coalesce(m.office_id, c.office_id) = $19::uuid' : 'FALSE';
  return `
    WITH target AS (
      SELECT c.id, c.case_number, m.id AS merged_id, m.case_number AS merged_number
        FROM "case" c
        LEFT JOIN "case" m ON m.id = c.merged_into_id
       WHERE ${byId ? 'c.id = $1::uuid' : 'c.case_number = $1'} AND ${scopeCond}
         FOR SHARE OF c
    ), ok AS (
      SELECT t.id FROM target t
       WHERE t.merged_id IS NULL
         AND ($6::uuid IS NULL OR EXISTS (SELECT 1 FROM case_relative cr WHERE cr.case_id = t.id AND cr.relative_id = $6::uuid))
    ), created AS (
      INSERT INTO contact (id, case_id, occurred_at, channel, relative_id, officer_id, language, interpreter_used,
                           summary, family_visible_summary, follow_up_on)
      SELECT $2::uuid, ok.id, $3::timestamptz, $4::"ContactChannel", $6::uuid, $7::uuid, $8, $9::boolean, $10, $11, $12::date
        FROM ok
      RETURNING id, case_id, channel::text AS channel, occurred_at, relative_id, officer_id, language, interpreter_used,
                summary, family_visible_summary, to_char(follow_up_on, 'YYYY-MM-DD') AS follow_up_on, follow_up_done_at,
                created_at
    ), event AS (
      INSERT INTO case_event (id, case_id, type, at, actor_id, from_status, to_status, note, family_message,
                              family_visible, data)
      SELECT gen_random_uuid(), ok.id, 'CONTACT_LOGGED', clock_timestamp(), $13::uuid, NULL, NULL, NULL, NULL, false,
             $5::jsonb
        FROM ok
    ), audited AS (
      INSERT INTO audit_entry (id, actor_id, actor_role, action, entity_type, entity_id, ip, request_id, changes, details)
      SELECT gen_random_uuid(), $13::uuid, $14, 'contact.create', 'Case', ok.id::text, $15, $16, $17::jsonb, $18::jsonb
        FROM ok
    )
    SELECT t.case_number, t.merged_id, t.merged_number, (ct.id IS NOT NULL) AS created,
           ct.id, ct.case_id, ct.channel, ct.occurred_at, ct.language, ct.interpreter_used, ct.summary,
           ct.family_visible_summary, ct.follow_up_on, ct.follow_up_done_at, ct.created_at,
           r.id AS relative_id, r.first_name AS relative_first_name, r.last_name AS relative_last_name,
           u.id AS officer_id, u.name AS officer_name
      FROM target t
      LEFT JOIN created ct ON TRUE
      LEFT JOIN relative r ON r.id = ct.relative_id
      LEFT JOIN app_user u ON u.id = ct.officer_id`;
}
const CREATE_LOGGED_SQL = new Map<string, string>();
for (const byId of [true, false])
  for (const scope of ['all', 'office', 'none'] as const)
    CREATE_LOGGED_SQL.set(`contact-create:${byId ? 'id' : 'number'}:${scope}`, createLoggedSql(byId, scope));

interface LoggedRow {
  case_number: string;
  merged_id: string | null;
  merged_number: string | null;
  created: boolean;
  id: string | null;
  case_id: string;
  channel: ContactResponse['channel'];
  occurred_at: Date;
  language: string | null;
  interpreter_used: boolean;
  summary: string;
  family_visible_summary: string | null;
  follow_up_on: string | null;
  follow_up_done_at: Date | null;
  created_at: Date;
  relative_id: string | null;
  relative_first_name: string | null;
  relative_last_name: string | null;
  officer_id: string | null;
  officer_name: string | null;
}

@Injectable()
export class ContactsRepository {
  constructor(private readonly db: DatabaseService) {}

  async listForCase(caseId: string): Promise<ContactResponse[]> {
    const rows = await this.db.prisma.contact.findMany({
      where: { caseId },
      select: CONTACT_SELECT,
      orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }],
    });
    return rows.map(toContactResponse);
  }

  async find(
    caseId: string,
    contactId: string,
    client: Tx | DatabaseService['prisma'] = this.db.prisma,
  ): Promise<ContactResponse | null> {
    const row = await client.contact.findFirst({ where: { id: contactId, caseId }, select: CONTACT_SELECT });
    return row ? toContactResponse(row) : null;
  }

  async relativeLinked(tx: Tx, caseId: string, relativeId: string): Promise<boolean> {
    return (await tx.caseRelative.count({ where: { caseId, relativeId } })) === 1;
  }

  async create(tx: Tx, data: NewContact): Promise<string> {
    return (await tx.contact.create({ data, select: { id: true } })).id;
  }

  /** Logs a contact, its timeline event and its audit entry in one statement (see createLoggedSql). */
  async createLogged(
    scope: CaseScope,
    key: CaseKey,
    c: LoggedContact,
    audit: AuditFacts,
  ): Promise<LoggedContactResult> {
    const name = `contact-create:${key.id ? 'id' : 'number'}:${scope.kind}`;
    const values: unknown[] = [
      key.id ?? key.caseNumber,
      c.id,
      c.occurredAt,
      c.channel,
      JSON.stringify(c.eventData),
      c.relativeId,
      c.officerId,
      c.language,
      c.interpreterUsed,
      c.summary,
      c.familyVisibleSummary,
      c.followUpOn ? c.followUpOn.toISOString().slice(0, 10) : null,
      audit.actorId,
      audit.actorRole,
      audit.ip,
      audit.requestId,
      Object.keys(c.changes).length ? JSON.stringify(c.changes) : null,
      auditDetails(audit, c.details),
    ];
    if (scope.kind === 'office') values.push(scope.officeId);
    const { rows } = await this.db.pool.query<LoggedRow>({ name, text: CREATE_LOGGED_SQL.get(name)!, values });
    const r = rows[0];
    if (!r) return { kind: 'missing' };
    if (r.merged_id)
      return {
        kind: 'merged',
        caseNumber: r.case_number,
        mergedInto: { id: r.merged_id, caseNumber: r.merged_number! },
      };
    if (!r.created) return { kind: 'relative-not-linked' };
    return {
      kind: 'created',
      contact: {
        id: r.id!,
        caseId: r.case_id,
        channel: r.channel,
        occurredAt: r.occurred_at.toISOString(),
        relative: r.relative_id
          ? { id: r.relative_id, name: `${r.relative_first_name} ${r.relative_last_name}` }
          : null,
        officer: r.officer_id ? { id: r.officer_id, name: r.officer_name! } : null,
        language: r.language,
        interpreterUsed: r.interpreter_used,
        summary: r.summary,
        familyVisibleSummary: r.family_visible_summary,
        followUpOn: r.follow_up_on,
        followUpDoneAt: r.follow_up_done_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      },
    };
  }

  async update(tx: Tx, contactId: string, data: Prisma.ContactUncheckedUpdateInput): Promise<void> {
    await tx.contact.update({ where: { id: contactId }, data, select: { id: true } });
  }

  /**
   * Follow-ups due within the horizon or overdue and not done, on open cases in scope: for
   * `mine`, those the officer logged or on cases assigned to them. One query with the case and
   * names joined in.
   */
  async followUps(scope: CaseScope, userId: string | undefined, query: FollowUpQuery): Promise<Page<FollowUp>> {
    const today = Prisma.sql`(now() AT TIME ZONE ${OFFICE_TIME_ZONE})::date`;
    const mine =
      query.scope === 'mine'
        ? userId
          ? Prisma.sql`AND (ct.officer_id = ${userId}::uuid OR c.assigned_officer_id = ${userId}::uuid)`
          : Prisma.sql`AND FALSE`
        : Prisma.empty;
    const where = Prisma.sql`
      WHERE ct.follow_up_on IS NOT NULL AND ct.follow_up_done_at IS NULL
        AND ct.follow_up_on <= ${today} + ${FOLLOW_UP_HORIZON_DAYS}::int
        AND c.merged_into_id IS NULL AND ${scopeSql(scope, Prisma.sql`c.office_id`)} ${mine}`;
    const [rows, count] = await Promise.all([
      this.db.prisma.$queryRaw<
        {
          id: string;
          case_id: string;
          case_number: string;
          first_name: string;
          last_name: string;
          follow_up_on: string;
          overdue: boolean;
          channel: FollowUp['channel'];
          relative_id: string | null;
          relative_name: string | null;
          officer_id: string | null;
          officer_name: string | null;
          summary: string;
        }[]
      >`
        SELECT ct.id, ct.case_id, c.case_number, c.first_name, c.last_name,
               to_char(ct.follow_up_on, 'YYYY-MM-DD') AS follow_up_on, ct.follow_up_on < ${today} AS overdue,
               ct.channel::text AS channel, r.id AS relative_id, concat_ws(' ', r.first_name, r.last_name) AS relative_name,
               u.id AS officer_id, u.name AS officer_name, ct.summary
          FROM contact ct
          JOIN "case" c ON c.id = ct.case_id
          LEFT JOIN relative r ON r.id = ct.relative_id
          LEFT JOIN app_user u ON u.id = ct.officer_id
          ${where}
         ORDER BY ct.follow_up_on, c.case_number, ct.id
         LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      this.db.prisma.$queryRaw<{ total: number }[]>`
        SELECT count(*)::int AS total FROM contact ct JOIN "case" c ON c.id = ct.case_id ${where}`,
    ]);
    return {
      items: rows.map((r) => ({
        contactId: r.id,
        caseId: r.case_id,
        caseNumber: r.case_number,
        firstName: r.first_name,
        lastName: r.last_name,
        followUpOn: r.follow_up_on,
        overdue: r.overdue,
        channel: r.channel,
        relative: r.relative_id ? { id: r.relative_id, name: r.relative_name ?? '' } : null,
        officer: r.officer_id ? { id: r.officer_id, name: r.officer_name ?? '' } : null,
        summary: r.summary,
      })),
      total: count[0].total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
