import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor.js';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import { OFFICE_SELECT } from '../reference/offices.repository.js';

export interface ScopedCase {
  id: string;
  caseNumber: string;
  officeId: string;
}

export interface LinkedRelative {
  id: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredLanguage: string;
}

export interface MessageRow {
  id: string;
  caseId: string;
  fromFamily: boolean;
  relativeId: string | null;
  relativeFirstName: string | null;
  relativeLastName: string | null;
  authorUserId: string | null;
  authorName: string | null;
  body: string;
  meetingRequested: boolean;
  createdAt: Date;
  readAt: Date | null;
}

const RELATIVE_SELECT = {
  id: true,
  firstName: true,
  lastName: true,
  phone: true,
  email: true,
  address: true,
  preferredLanguage: true,
} as const;

/** SQL for the family portal, portal access and messages; record scope lives in these `where`s. */
@Injectable()
export class FamilyRepository {
  constructor(private readonly db: DatabaseService) {}

  // ------------------------------------------------------------ staff scope

  /**
   * A live (not merged) case the staff member may act on: a manager any, an officer only
   * their office's. Out of scope answers like a missing id.
   */
  async caseInScope(actor: Actor, caseId: string, tx?: Tx): Promise<ScopedCase | null> {
    const c = await (tx ?? this.db.prisma).case.findFirst({
      where: {
        id: caseId,
        mergedIntoId: null,
        ...(actor.role === 'MANAGER' ? {} : { officeId: actor.officeId ?? '00000000-0000-0000-0000-000000000000' }),
      },
      select: { id: true, caseNumber: true, officeId: true },
    });
    return c;
  }

  async relativeOfCase(caseId: string, relativeId: string, tx?: Tx): Promise<LinkedRelative | null> {
    const link = await (tx ?? this.db.prisma).caseRelative.findUnique({
      where: { caseId_relativeId: { caseId, relativeId } },
      select: { relative: { select: { ...RELATIVE_SELECT, erasedAt: true } } },
    });
    if (!link || link.relative.erasedAt) return null;
    const { erasedAt: _, ...relative } = link.relative;
    return relative;
  }

  // ------------------------------------------------------------ portal access

  portalAccess(relativeId: string, tx?: Tx) {
    return (tx ?? this.db.prisma).portalAccess.findUnique({
      where: { relativeId },
      select: {
        id: true,
        codeHash: true,
        issuedAt: true,
        revokedAt: true,
        issuedBy: { select: { id: true, name: true } },
      },
    });
  }

  async revokeSessions(tx: Tx, relativeId: string): Promise<number> {
    return tx.$executeRaw`UPDATE session SET revoked_at = now() WHERE relative_id = ${relativeId}::uuid AND revoked_at IS NULL`;
  }

  async activeSessions(relativeId: string): Promise<number> {
    return this.db.prisma.session.count({ where: { relativeId, revokedAt: null, expiresAt: { gt: new Date() } } });
  }

  async lastSignIn(relativeIds: string[]): Promise<Map<string, Date>> {
    if (!relativeIds.length) return new Map();
    const rows = await this.db.prisma.auditEntry.groupBy({
      by: ['entityId'],
      where: { action: 'family.login', entityType: 'Relative', entityId: { in: relativeIds } },
      _max: { at: true },
    });
    return new Map(rows.filter((r) => r.entityId && r._max.at).map((r) => [r.entityId!, r._max.at!]));
  }

  casePortalRelatives(caseId: string) {
    return this.db.prisma.caseRelative.findMany({
      where: { caseId, relative: { erasedAt: null } },
      select: {
        relative: {
          select: {
            id: true,
            firstName: true,
            lastName: true,
            email: true,
            portalAccess: { select: { issuedAt: true, revokedAt: true } },
          },
        },
      },
      orderBy: [{ isPrimaryContact: 'desc' }, { createdAt: 'asc' }],
    });
  }

  /** Office details for letters and emails. */
  office(officeId: string) {
    return this.db.prisma.office.findUniqueOrThrow({
      where: { id: officeId },
      select: OFFICE_SELECT,
    });
  }

  // ------------------------------------------------------------ family sign-in

  /**
   * Open portal accesses of the relatives linked to the case with this number. An old number
   * of a merged case leads to the surviving case.
   */
  async loginCandidates(tx: Tx, caseNumber: string): Promise<{ relativeId: string; codeHash: string }[]> {
    return tx.$queryRaw<{ relativeId: string; codeHash: string }[]>`
      WITH RECURSIVE target(id, merged_into_id, depth) AS (
        SELECT id, merged_into_id, 0 FROM "case" WHERE case_number = ${caseNumber}
        UNION ALL
        SELECT c.id, c.merged_into_id, t.depth + 1 FROM "case" c JOIN target t ON c.id = t.merged_into_id WHERE t.depth < 5
      )
      SELECT r.id AS "relativeId", pa.code_hash AS "codeHash"
        FROM target t
        JOIN case_relative cr ON cr.case_id = t.id
        JOIN relative r ON r.id = cr.relative_id AND r.erased_at IS NULL
        JOIN portal_access pa ON pa.relative_id = r.id AND pa.revoked_at IS NULL
       WHERE t.merged_into_id IS NULL
       ORDER BY pa.issued_at DESC
       LIMIT 20`;
  }

  // ------------------------------------------------------------ family scope

  profile(relativeId: string, tx?: Tx): Promise<LinkedRelative | null> {
    return (tx ?? this.db.prisma).relative.findFirst({
      where: { id: relativeId, erasedAt: null },
      select: RELATIVE_SELECT,
    });
  }

  /** The live cases a relative is linked to. */
  familyCases(relativeId: string) {
    return this.db.prisma.case.findMany({
      where: { mergedIntoId: null, relatives: { some: { relativeId } } },
      select: { id: true, caseNumber: true, firstName: true, lastName: true, createdAt: true },
      orderBy: { createdAt: 'asc' },
    });
  }

  /** One case, only if the relative is linked to it: otherwise null, exactly like a missing id. */
  familyCase(relativeId: string, caseId: string, tx?: Tx) {
    return (tx ?? this.db.prisma).case.findFirst({
      where: { id: caseId, mergedIntoId: null, relatives: { some: { relativeId } } },
      select: {
        id: true,
        caseNumber: true,
        firstName: true,
        lastName: true,
        officeId: true,
        office: {
          select: {
            code: true,
            nameSq: true,
            nameSrLatn: true,
            nameSrCyrl: true,
            nameEn: true,
            phone: true,
            email: true,
            hoursSq: true,
            hoursSr: true,
            hoursEn: true,
            address: true,
          },
        },
        assignedOfficer: { select: { name: true } },
      },
    });
  }

  async nextAppointment(caseId: string): Promise<string | null> {
    const rows = await this.db.prisma.$queryRaw<{ day: string | null }[]>`
      SELECT to_char(min(follow_up_on), 'YYYY-MM-DD') AS day FROM contact
       WHERE case_id = ${caseId}::uuid AND follow_up_on >= current_date AND follow_up_done_at IS NULL`;
    return rows[0]?.day ?? null;
  }

  familyAttachment(caseId: string, attachmentId: string) {
    return this.db.prisma.attachment.findFirst({
      where: { id: attachmentId, caseId, visibility: 'FAMILY' },
      select: { id: true, fileName: true, contentType: true, size: true, data: true },
    });
  }

  // ------------------------------------------------------------ messages

  /** The thread as one relative sees it: their own messages and the replies to them or to the whole family. */
  async familyThread(caseId: string, relativeId: string): Promise<MessageRow[]> {
    return this.messages(caseId, relativeId);
  }

  async unreadRepliesByCase(relativeId: string, caseIds: string[]): Promise<Map<string, number>> {
    if (!caseIds.length) return new Map();
    const rows = await this.db.prisma.familyMessage.groupBy({
      by: ['caseId'],
      where: { caseId: { in: caseIds }, fromFamily: false, readAt: null, OR: [{ relativeId }, { relativeId: null }] },
      _count: { _all: true },
    });
    return new Map(rows.map((r) => [r.caseId, r._count._all]));
  }

  async markRepliesRead(caseId: string, relativeId: string): Promise<number> {
    return this.db.prisma.$executeRaw`
      UPDATE family_message SET read_at = now()
       WHERE case_id = ${caseId}::uuid AND NOT from_family AND read_at IS NULL
         AND (relative_id IS NULL OR relative_id = ${relativeId}::uuid)`;
  }

  /** Every message of a case (staff), or one relative's view of it. */
  async messages(caseId: string, relativeId?: string): Promise<MessageRow[]> {
    const { rows } = await this.db.pool.query<MessageRow>(
      `SELECT m.id, m.case_id AS "caseId", m.from_family AS "fromFamily", m.relative_id AS "relativeId",
              r.first_name AS "relativeFirstName", r.last_name AS "relativeLastName",
              m.author_user_id AS "authorUserId", u.name AS "authorName",
              m.body, m.meeting_requested AS "meetingRequested", m.created_at AS "createdAt", m.read_at AS "readAt"
         FROM family_message m
         LEFT JOIN relative r ON r.id = m.relative_id
         LEFT JOIN app_user u ON u.id = m.author_user_id
        WHERE m.case_id = $1
          AND ($2::uuid IS NULL OR (m.from_family AND m.relative_id = $2) OR (NOT m.from_family AND (m.relative_id IS NULL OR m.relative_id = $2)))
        ORDER BY m.created_at ASC, m.id`,
      [caseId, relativeId ?? null],
    );
    return rows;
  }

  async unreadFromFamily(caseId: string): Promise<number> {
    return this.db.prisma.familyMessage.count({ where: { caseId, fromFamily: true, readAt: null } });
  }

  /**
   * The staff inbox: family messages on the cases in scope (officeId null: every office),
   * unread first, newest first.
   */
  async inbox(
    officeId: string | null,
    unread: boolean | undefined,
    page: number,
    pageSize: number,
  ): Promise<{
    rows: (MessageRow & { caseNumber: string; caseFirstName: string; caseLastName: string })[];
    total: number;
    unreadCount: number;
  }> {
    const params: unknown[] = [officeId];
    const where = `m.from_family AND c.merged_into_id IS NULL AND ($1::uuid IS NULL OR c.office_id = $1::uuid)`;
    const filter = unread === undefined ? '' : unread ? ' AND m.read_at IS NULL' : ' AND m.read_at IS NOT NULL';
    const [list, counts] = await Promise.all([
      this.db.pool.query(
        `SELECT m.id, m.case_id AS "caseId", m.from_family AS "fromFamily", m.relative_id AS "relativeId",
                r.first_name AS "relativeFirstName", r.last_name AS "relativeLastName",
                NULL::uuid AS "authorUserId", NULL::text AS "authorName",
                m.body, m.meeting_requested AS "meetingRequested", m.created_at AS "createdAt", m.read_at AS "readAt",
                c.case_number AS "caseNumber", c.first_name AS "caseFirstName", c.last_name AS "caseLastName"
           FROM family_message m
           JOIN "case" c ON c.id = m.case_id
           LEFT JOIN relative r ON r.id = m.relative_id
          WHERE ${where}${filter}
          ORDER BY (m.read_at IS NULL) DESC, m.created_at DESC, m.id
          LIMIT $2 OFFSET $3`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      this.db.pool.query<{ total: number; unread: number }>(
        `SELECT count(*) FILTER (WHERE true${filter})::int AS total,
                count(*) FILTER (WHERE m.read_at IS NULL)::int AS unread
           FROM family_message m JOIN "case" c ON c.id = m.case_id
          WHERE ${where}`,
        params,
      ),
    ]);
    return { rows: list.rows, total: counts.rows[0].total, unreadCount: counts.rows[0].unread };
  }

  async unreadCount(officeId: string | null): Promise<number> {
    const { rows } = await this.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM family_message m JOIN "case" c ON c.id = m.case_id
        WHERE m.from_family AND m.read_at IS NULL AND c.merged_into_id IS NULL AND ($1::uuid IS NULL OR c.office_id = $1::uuid)`,
      [officeId],
    );
    return rows[0].n;
  }
}
