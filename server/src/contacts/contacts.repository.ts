import { Injectable } from '@nestjs/common';
import {
  FOLLOW_UP_HORIZON_DAYS,
  type ContactResponse,
  type FollowUp,
  type FollowUpQuery,
  type Page,
} from '@mprc/contracts';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import { Prisma } from '../generated/prisma/client.js';
import { scopeSql, type CaseScope } from '../cases/case-scope.js';
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
