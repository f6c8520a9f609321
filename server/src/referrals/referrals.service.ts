import { Injectable } from '@nestjs/common';
import {
  isReferralClosed,
  REFERRAL_TRANSITIONS,
  type CreateReferralRequest,
  type ReferralResponse,
  type UpdateReferralRequest,
} from '@mprc/contracts';
import { creationChanges, diffChanges } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { onCase } from '../cases/case-audit.js';
import { dateOnly, officeToday } from '../cases/office-time.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import type { Prisma } from '../generated/prisma/client.js';
import { ReferralsRepository } from './referrals.repository.js';

@Injectable()
export class ReferralsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly referrals: ReferralsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, key: string): Promise<ReferralResponse[]> {
    const c = await this.access.readable(actor, key);
    return this.referrals.listForCase(c.id);
  }

  async create(actor: Actor, meta: RequestMeta, key: string, body: CreateReferralRequest): Promise<ReferralResponse> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'share');
      const referredOn = body.referredOn ?? officeToday();
      const id = await this.referrals.create(tx, {
        caseId: c.id,
        service: body.service,
        organisation: body.organisation,
        purpose: body.purpose,
        referredOn: dateOnly(referredOn),
        createdById: actor.userId ?? null,
      });
      await this.audit.record(
        tx,
        actor,
        meta,
        onCase(
          c.id,
          'referral.create',
          { type: 'Referral', id },
          creationChanges({
            service: body.service,
            organisation: body.organisation,
            purpose: body.purpose,
            referredOn,
            status: 'REQUESTED',
          }),
        ),
      );
      return (await this.referrals.find(tx, c.id, id))!;
    });
  }

  /** Status moves REQUESTED -> ACCEPTED | REJECTED | WITHDRAWN, ACCEPTED -> DONE | WITHDRAWN; a closed referral gets its closing date. */
  async update(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    referralId: string,
    body: UpdateReferralRequest,
  ): Promise<ReferralResponse> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'share');
      const before = await this.referrals.find(tx, c.id, referralId);
      if (!before) throw AppError.notFound('Referral');
      const data: Prisma.ReferralUncheckedUpdateInput = {};
      if (body.status !== undefined && body.status !== before.status) {
        const allowed = REFERRAL_TRANSITIONS[before.status];
        if (!allowed.includes(body.status))
          throw new AppError('ILLEGAL_TRANSITION', `A ${before.status} referral cannot become ${body.status}`, {
            details: { field: 'status', from: before.status, to: body.status, allowed },
          });
        data.status = body.status;
        if (isReferralClosed(body.status)) data.closedOn = dateOnly(officeToday());
      }
      if (body.organisation !== undefined) data.organisation = body.organisation;
      if (body.purpose !== undefined) data.purpose = body.purpose;
      await this.referrals.update(tx, referralId, data);
      const after = (await this.referrals.find(tx, c.id, referralId))!;
      const changes = diffChanges(before as unknown as Record<string, unknown>, {
        status: after.status,
        organisation: after.organisation,
        purpose: after.purpose,
        closedOn: after.closedOn,
      });
      await this.audit.record(
        tx,
        actor,
        meta,
        onCase(c.id, 'referral.update', { type: 'Referral', id: referralId }, changes),
      );
      return after;
    });
  }
}
