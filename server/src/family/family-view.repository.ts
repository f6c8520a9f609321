import { Injectable } from '@nestjs/common';
import { DatabaseService } from '../common/database/database.service.js';
import type { ViewAttachment, ViewCase, ViewContact, ViewEvent } from './family-view.js';

export interface FamilyViewInput {
  case: ViewCase;
  events: ViewEvent[];
  contacts: ViewContact[];
  attachments: ViewAttachment[];
}

/**
 * Loads what buildFamilyView() needs for a case, selecting only columns that may be shown or
 * that decide visibility: never circumstances, notes, internal summaries, file contents or
 * event data.
 */
@Injectable()
export class FamilyViewRepository {
  constructor(private readonly db: DatabaseService) {}

  async load(caseId: string): Promise<FamilyViewInput | null> {
    const prisma = this.db.prisma;
    const [c, events, contacts, attachments] = await Promise.all([
      prisma.case.findUnique({
        where: { id: caseId },
        select: { fateStatus: true, workflowStatus: true, familyInformedAt: true, createdAt: true },
      }),
      prisma.caseEvent.findMany({
        where: { caseId, OR: [{ type: { in: ['FATE_CHANGED', 'WORKFLOW_CHANGED'] } }, { familyVisible: true }] },
        select: {
          id: true,
          type: true,
          at: true,
          fromStatus: true,
          toStatus: true,
          familyMessage: true,
          familyVisible: true,
        },
        orderBy: [{ at: 'asc' }, { seq: 'asc' }],
      }),
      prisma.contact.findMany({
        where: { caseId, familyVisibleSummary: { not: null } },
        select: { id: true, occurredAt: true, createdAt: true, channel: true, familyVisibleSummary: true },
      }),
      prisma.attachment.findMany({
        where: { caseId, visibility: 'FAMILY' },
        select: { id: true, fileName: true, contentType: true, size: true, createdAt: true },
      }),
    ]);
    if (!c) return null;
    return {
      case: c,
      events,
      contacts: contacts.map((x) => ({ ...x, familyVisibleSummary: x.familyVisibleSummary ?? '' })),
      attachments,
    };
  }
}
