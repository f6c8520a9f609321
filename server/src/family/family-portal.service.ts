import { Injectable } from '@nestjs/common';
import {
  FamilyCaseDetailSchema,
  FamilyCaseListSchema,
  FamilyMessageSchema,
  MarkedReadSchema,
  officeHoursOrNull,
  type CreateFamilyMessageRequest,
  type FamilyCaseDetail,
  type FamilyCaseList,
  type FamilyMessage,
  type MarkedRead,
} from '@mprc/contracts';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { buildFamilyView, type FamilyView } from './family-view.js';
import { FamilyViewRepository } from './family-view.repository.js';
import { FamilyRepository, type MessageRow } from './family.repository.js';

const toFamilyMessage = (m: MessageRow): FamilyMessage => ({
  id: m.id,
  at: m.createdAt.toISOString(),
  from: m.fromFamily ? 'FAMILY' : 'OFFICE',
  body: m.body,
  meetingRequested: m.meetingRequested,
  authorName: m.fromFamily ? null : m.authorName,
  readAt: m.readAt?.toISOString() ?? null,
});

/**
 * What a family sees of their own cases. Every response is parsed through its strict contract
 * schema, so a field that is not in the contract cannot reach a family; cases they are not
 * linked to answer 404 exactly like ids that do not exist.
 */
@Injectable()
export class FamilyPortalService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: FamilyRepository,
    private readonly views: FamilyViewRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor): Promise<FamilyCaseList> {
    const relativeId = actor.relativeId!;
    const cases = await this.repo.familyCases(relativeId);
    const unread = await this.repo.unreadRepliesByCase(
      relativeId,
      cases.map((c) => c.id),
    );
    const items = await Promise.all(
      cases.map(async (c) => {
        const [view, thread] = await Promise.all([this.view(c.id), this.repo.familyThread(c.id, relativeId)]);
        return {
          id: c.id,
          caseNumber: c.caseNumber,
          missingPerson: { firstName: c.firstName, lastName: c.lastName },
          stage: view.stage,
          lastUpdateAt: lastUpdate(view, thread).toISOString(),
          unreadMessages: unread.get(c.id) ?? 0,
        };
      }),
    );
    return FamilyCaseListSchema.parse({ items });
  }

  async get(actor: Actor, caseId: string): Promise<FamilyCaseDetail> {
    const relativeId = actor.relativeId!;
    const c = await this.repo.familyCase(relativeId, caseId);
    if (!c) throw AppError.notFound('Case');
    const [view, thread, nextAppointment, unread] = await Promise.all([
      this.view(caseId),
      this.repo.familyThread(caseId, relativeId),
      this.repo.nextAppointment(caseId),
      this.repo.unreadRepliesByCase(relativeId, [caseId]),
    ]);
    return FamilyCaseDetailSchema.parse({
      id: c.id,
      caseNumber: c.caseNumber,
      missingPerson: { firstName: c.firstName, lastName: c.lastName },
      stage: view.stage,
      lastUpdateAt: lastUpdate(view, thread).toISOString(),
      unreadMessages: unread.get(caseId) ?? 0,
      office: {
        code: c.office.code,
        name: { sq: c.office.nameSq, srLatn: c.office.nameSrLatn, srCyrl: c.office.nameSrCyrl, en: c.office.nameEn },
        phone: c.office.phone,
        email: c.office.email,
        hours: officeHoursOrNull({ sq: c.office.hoursSq, sr: c.office.hoursSr, en: c.office.hoursEn }),
        address: c.office.address,
      },
      liaisonOfficer: c.assignedOfficer ? { name: c.assignedOfficer.name } : null,
      nextAppointment,
      timeline: view.timeline,
      attachments: view.attachments.map((a) => ({
        id: a.id,
        fileName: a.fileName,
        contentType: a.contentType,
        size: a.size,
        createdAt: a.createdAt.toISOString(),
      })),
      messages: thread.map(toFamilyMessage),
    });
  }

  /** A family-visible document of the family's own case (also held back while news waits for the visit). */
  async attachment(
    actor: Actor,
    meta: RequestMeta,
    caseId: string,
    attachmentId: string,
  ): Promise<{ data: Buffer; fileName: string; contentType: string }> {
    const c = await this.repo.familyCase(actor.relativeId!, caseId);
    if (!c) throw AppError.notFound('Attachment');
    const view = await this.view(caseId);
    if (!view.visibleIds.has(attachmentId)) throw AppError.notFound('Attachment');
    const file = await this.repo.familyAttachment(caseId, attachmentId);
    if (!file) throw AppError.notFound('Attachment');
    await this.audit.record(null, actor, meta, {
      action: 'family.attachment.download',
      entityType: 'Attachment',
      entityId: attachmentId,
      details: { caseId },
    });
    return { data: Buffer.from(file.data), fileName: file.fileName, contentType: file.contentType };
  }

  async postMessage(
    actor: Actor,
    meta: RequestMeta,
    caseId: string,
    body: CreateFamilyMessageRequest,
  ): Promise<FamilyMessage> {
    const relativeId = actor.relativeId!;
    const message = await this.db.transaction(async (tx) => {
      const c = await this.repo.familyCase(relativeId, caseId, tx);
      if (!c) throw AppError.notFound('Case');
      const m = await tx.familyMessage.create({
        data: { caseId, relativeId, fromFamily: true, body: body.body, meetingRequested: body.meetingRequested },
        select: { id: true, createdAt: true },
      });
      // Internal: the officer's timeline shows that the family wrote (the text stays in the thread).
      await tx.caseEvent.create({
        data: {
          caseId,
          type: 'FAMILY_MESSAGE',
          familyVisible: false,
          data: { messageId: m.id, relativeId, direction: 'FROM_FAMILY', meetingRequested: body.meetingRequested },
        },
        select: { id: true },
      });
      await this.audit.record(tx, actor, meta, {
        action: 'family.message.create',
        entityType: 'FamilyMessage',
        entityId: m.id,
        details: { caseId, meetingRequested: body.meetingRequested, length: body.body.length },
      });
      return m;
    });
    return FamilyMessageSchema.parse({
      id: message.id,
      at: message.createdAt.toISOString(),
      from: 'FAMILY',
      body: body.body,
      meetingRequested: body.meetingRequested,
      authorName: null,
      readAt: null,
    });
  }

  /** The family has read the office's replies on this case. */
  async markRead(actor: Actor, caseId: string): Promise<MarkedRead> {
    const c = await this.repo.familyCase(actor.relativeId!, caseId);
    if (!c) throw AppError.notFound('Case');
    return MarkedReadSchema.parse({ updated: await this.repo.markRepliesRead(caseId, actor.relativeId!) });
  }

  private async view(caseId: string): Promise<FamilyView> {
    const input = await this.views.load(caseId);
    if (!input) throw AppError.notFound('Case');
    return buildFamilyView(input.case, input.events, input.contacts, input.attachments);
  }
}

function lastUpdate(view: FamilyView, thread: MessageRow[]): Date {
  const replies = thread.filter((m) => !m.fromFamily).map((m) => m.createdAt.getTime());
  return new Date(Math.max(view.lastUpdateAt.getTime(), ...replies));
}
