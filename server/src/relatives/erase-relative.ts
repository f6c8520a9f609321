// Erasure of a relative's personal data on a manager's request (data protection): the person
// becomes "Erased relative", contact details go, free text written by or about them is replaced,
// portal access and sessions end. The case, its links and the statistics (contact and message
// counts by channel and date) stay. One transaction; the audit entry carries ids, counts and the
// reason only — never the erased values.
import { Injectable } from '@nestjs/common';
import { ERASED_NAME, ERASED_TEXT, type EraseRelativeRequest, type EraseRelativeResponse } from '@mprc/contracts';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { onCase } from '../cases/case-audit.js';
import { caseScope } from '../cases/case-scope.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { RelativesRepository } from './relatives.repository.js';

@Injectable()
export class EraseRelative {
  constructor(
    private readonly db: DatabaseService,
    private readonly relatives: RelativesRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async execute(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    relativeId: string,
    body: EraseRelativeRequest,
  ): Promise<EraseRelativeResponse> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'share');
      if (!(await this.relatives.findOnCase(c.id, relativeId, caseScope(actor), tx)))
        throw AppError.notFound('Relative');
      // The row lock makes a second, concurrent erasure wait and then see erased_at.
      const [row] = await tx.$queryRaw<{ erased_at: Date | null }[]>`
        SELECT erased_at FROM relative WHERE id = ${relativeId}::uuid FOR UPDATE`;
      if (row.erased_at) throw new AppError('CONFLICT', 'This relative was already erased');
      // Consent in force means their data is shared on their agreement: withdraw it first.
      const active = await tx.consent.count({ where: { relativeId, withdrawnOn: null } });
      if (active > 0)
        throw new AppError('CONFLICT', `The relative has ${active} consent(s) in force: withdraw them before erasing`, {
          errors: [{ field: 'consents', message: 'Consent still in force', code: 'consent_active' }],
        });

      const now = new Date();
      await tx.relative.update({
        where: { id: relativeId },
        data: { ...ERASED_NAME, phone: null, email: null, address: null, erasedAt: now },
      });
      const contacts = await tx.contact.updateMany({
        where: { relativeId },
        data: { summary: ERASED_TEXT, familyVisibleSummary: ERASED_TEXT },
      });
      // Messages by them and replies addressed to them.
      const messages = await tx.familyMessage.updateMany({ where: { relativeId }, data: { body: ERASED_TEXT } });
      const sessions = await tx.session.updateMany({
        where: { relativeId, revokedAt: null },
        data: { revokedAt: now },
      });
      await tx.portalAccess.updateMany({ where: { relativeId, revokedAt: null }, data: { revokedAt: now } });

      const counts = { contacts: contacts.count, messages: messages.count, sessions: sessions.count };
      await this.audit.record(
        tx,
        actor,
        meta,
        onCase(c.id, 'relative.erase', { type: 'Relative', id: relativeId }, undefined, {
          reason: body.reason,
          ...counts,
        }),
      );
      return { relativeId, erasedAt: now.toISOString(), ...counts };
    });
  }
}
