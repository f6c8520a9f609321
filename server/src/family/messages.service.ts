import { Injectable } from '@nestjs/common';
import {
  CaseMessageSchema,
  CaseMessageThreadSchema,
  InboxPageSchema,
  MarkedReadSchema,
  UnreadCountSchema,
  type CaseMessage,
  type CaseMessageThread,
  type CreateCaseMessageRequest,
  type InboxPage,
  type InboxQuery,
  type MarkedRead,
  type UnreadCount,
} from '@mprc/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { NotificationService } from '../notifications/notification.service.js';
import { FamilyRepository, type MessageRow } from './family.repository.js';

// An officer without an office sees no office's cases.
const NO_OFFICE = '00000000-0000-0000-0000-000000000000';

const toCaseMessage = (m: MessageRow): CaseMessage => ({
  id: m.id,
  caseId: m.caseId,
  fromFamily: m.fromFamily,
  relative:
    m.relativeId && m.relativeFirstName != null
      ? { id: m.relativeId, firstName: m.relativeFirstName, lastName: m.relativeLastName ?? '' }
      : null,
  author: m.authorUserId ? { id: m.authorUserId, name: m.authorName ?? '' } : null,
  body: m.body,
  meetingRequested: m.meetingRequested,
  createdAt: m.createdAt.toISOString(),
  readAt: m.readAt?.toISOString() ?? null,
});

/** The staff side of family messages: the inbox, a case's thread, replies. */
@Injectable()
export class MessagesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: FamilyRepository,
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  private office(actor: Actor): string | null {
    return actor.role === 'MANAGER' ? null : (actor.officeId ?? NO_OFFICE);
  }

  async inbox(actor: Actor, query: InboxQuery): Promise<InboxPage> {
    const unread = query.unread === undefined ? undefined : query.unread === 'true';
    const { rows, total, unreadCount } = await this.repo.inbox(this.office(actor), unread, query.page, query.pageSize);
    return InboxPageSchema.parse({
      items: rows.map((r) => ({
        ...toCaseMessage(r),
        caseNumber: r.caseNumber,
        missingPerson: { firstName: r.caseFirstName, lastName: r.caseLastName },
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
      unreadCount,
    });
  }

  async unreadCount(actor: Actor): Promise<UnreadCount> {
    return UnreadCountSchema.parse({ unreadCount: await this.repo.unreadCount(this.office(actor)) });
  }

  async thread(actor: Actor, caseId: string): Promise<CaseMessageThread> {
    if (!(await this.repo.caseInScope(actor, caseId))) throw AppError.notFound('Case');
    const [rows, unreadCount] = await Promise.all([this.repo.messages(caseId), this.repo.unreadFromFamily(caseId)]);
    return CaseMessageThreadSchema.parse({ items: rows.map(toCaseMessage), unreadCount });
  }

  /** An officer's reply, visible to the family in the portal; the family is told by email. */
  async reply(actor: Actor, meta: RequestMeta, caseId: string, body: CreateCaseMessageRequest): Promise<CaseMessage> {
    const id = await this.db.transaction(async (tx) => {
      if (!(await this.repo.caseInScope(actor, caseId, tx))) throw AppError.notFound('Case');
      if (body.relativeId && !(await this.repo.relativeOfCase(caseId, body.relativeId, tx)))
        throw AppError.field('relativeId', 'Not a relative of this case', 'not_linked');
      const m = await tx.familyMessage.create({
        data: {
          caseId,
          relativeId: body.relativeId ?? null,
          fromFamily: false,
          authorUserId: actor.userId,
          body: body.body,
        },
        select: { id: true },
      });
      await tx.caseEvent.create({
        data: {
          caseId,
          type: 'FAMILY_MESSAGE',
          actorId: actor.userId,
          familyVisible: false,
          data: { messageId: m.id, relativeId: body.relativeId ?? null, direction: 'TO_FAMILY' },
        },
        select: { id: true },
      });
      await this.audit.record(tx, actor, meta, {
        action: 'message.reply',
        entityType: 'FamilyMessage',
        entityId: m.id,
        details: { caseId, relativeId: body.relativeId ?? null },
      });
      return m.id;
    });
    // After commit: the outbox row written by the trigger is there to be sent.
    void this.notifications.kick();
    const row = (await this.repo.messages(caseId)).find((m) => m.id === id)!;
    return CaseMessageSchema.parse(toCaseMessage(row));
  }

  async markRead(actor: Actor, meta: RequestMeta, caseId: string): Promise<MarkedRead> {
    const updated = await this.db.transaction(async (tx) => {
      if (!(await this.repo.caseInScope(actor, caseId, tx))) throw AppError.notFound('Case');
      const n = await tx.familyMessage.updateMany({
        where: { caseId, fromFamily: true, readAt: null },
        data: { readAt: new Date() },
      });
      if (n.count)
        await this.audit.record(tx, actor, meta, {
          action: 'message.read',
          entityType: 'Case',
          entityId: caseId,
          details: { messages: n.count },
        });
      return n.count;
    });
    return MarkedReadSchema.parse({ updated });
  }
}
