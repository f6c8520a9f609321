import { Injectable } from '@nestjs/common';
import type {
  ConsentResponse,
  CreateConsentRequest,
  CreateRelativeRequest,
  RelativeResponse,
  UpdateRelativeRequest,
  WithdrawConsentRequest,
} from '@mprc/contracts';
import { creationChanges, diffChanges } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { onCase } from '../cases/case-audit.js';
import { caseScope } from '../cases/case-scope.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { RelativesRepository, type RelativeDetails } from './relatives.repository.js';

/** Contact details: the audit trail records that they changed, never their values. */
export const RELATIVE_SENSITIVE = ['phone', 'email', 'address'] as const;

@Injectable()
export class RelativesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly relatives: RelativesRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  /** The case's relatives with their contact details; the read is audited. */
  async list(actor: Actor, meta: RequestMeta, key: string): Promise<RelativeResponse[]> {
    const c = await this.access.readable(actor, key);
    const items = await this.relatives.listForCase(c.id, caseScope(actor));
    await this.audit.record(null, actor, meta, onCase(c.id, 'relative.list', null, undefined, { count: items.length }));
    return items;
  }

  async add(actor: Actor, meta: RequestMeta, key: string, body: CreateRelativeRequest): Promise<RelativeResponse> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'share');
      const scope = caseScope(actor);
      let relativeId: string;
      if (body.relativeId) {
        if (!(await this.relatives.isVisible(tx, body.relativeId, scope)))
          throw AppError.field('relativeId', 'No such relative on a case you can read', 'not_found');
        if (await this.relatives.isLinked(tx, c.id, body.relativeId))
          throw new AppError('CONFLICT', 'This relative is already linked to the case', {
            errors: [{ field: 'relativeId', message: 'Already linked to this case', code: 'duplicate' }],
          });
        relativeId = body.relativeId;
        await this.relatives.link(tx, c.id, relativeId, body.relationship, body.isPrimaryContact);
        await this.audit.record(
          tx,
          actor,
          meta,
          onCase(
            c.id,
            'relative.link',
            { type: 'Relative', id: relativeId },
            creationChanges({ relationship: body.relationship, isPrimaryContact: body.isPrimaryContact }),
          ),
        );
      } else {
        const details: RelativeDetails = {
          firstName: body.firstName!,
          lastName: body.lastName!,
          phone: body.phone ?? null,
          email: body.email ?? null,
          address: body.address ?? null,
          preferredLanguage: body.preferredLanguage ?? 'sq',
          dnaSampleGiven: body.dnaSampleGiven ?? 'UNKNOWN',
        };
        relativeId = await this.relatives.create(tx, details);
        await this.relatives.link(tx, c.id, relativeId, body.relationship, body.isPrimaryContact);
        await this.audit.record(
          tx,
          actor,
          meta,
          onCase(
            c.id,
            'relative.create',
            { type: 'Relative', id: relativeId },
            creationChanges(
              { ...details, relationship: body.relationship, isPrimaryContact: body.isPrimaryContact },
              { sensitive: RELATIVE_SENSITIVE },
            ),
          ),
        );
      }
      return (await this.relatives.findOnCase(c.id, relativeId, scope, tx))!;
    });
  }

  private async linked(tx: Tx, actor: Actor, key: string, relativeId: string) {
    const c = await this.access.writable(tx, actor, key, 'share');
    const before = await this.relatives.findOnCase(c.id, relativeId, caseScope(actor), tx);
    if (!before) throw AppError.notFound('Relative');
    return { c, before };
  }

  async update(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    relativeId: string,
    body: UpdateRelativeRequest,
  ): Promise<RelativeResponse> {
    return this.db.transaction(async (tx) => {
      const { c, before } = await this.linked(tx, actor, key, relativeId);
      if (before.erased) throw new AppError('CONFLICT', "This relative's data was erased");
      const { relationship, isPrimaryContact, ...details } = body;
      await this.relatives.updateDetails(
        tx,
        relativeId,
        Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)),
      );
      await this.relatives.updateLink(tx, c.id, relativeId, {
        ...(relationship !== undefined ? { relationship } : {}),
        ...(isPrimaryContact !== undefined ? { isPrimaryContact } : {}),
      });
      const after = (await this.relatives.findOnCase(c.id, relativeId, caseScope(actor), tx))!;
      const changes = diffChanges(before as unknown as Record<string, unknown>, body as Record<string, unknown>, {
        sensitive: RELATIVE_SENSITIVE,
      });
      await this.audit.record(
        tx,
        actor,
        meta,
        onCase(c.id, 'relative.update', { type: 'Relative', id: relativeId }, changes),
      );
      return after;
    });
  }

  async consents(actor: Actor, key: string, relativeId: string): Promise<ConsentResponse[]> {
    const c = await this.access.readable(actor, key);
    if (!(await this.relatives.findOnCase(c.id, relativeId, caseScope(actor)))) throw AppError.notFound('Relative');
    return this.relatives.consents(relativeId);
  }

  async addConsent(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    relativeId: string,
    body: CreateConsentRequest,
  ): Promise<ConsentResponse> {
    return this.db.transaction(async (tx) => {
      const { c } = await this.linked(tx, actor, key, relativeId);
      const consent = await this.relatives.createConsent(tx, relativeId, body.organisation, body.givenOn);
      await this.audit.record(
        tx,
        actor,
        meta,
        onCase(
          c.id,
          'consent.create',
          { type: 'Consent', id: consent.id },
          creationChanges({ organisation: body.organisation, givenOn: body.givenOn }),
          {
            relativeId,
          },
        ),
      );
      return consent;
    });
  }

  async withdrawConsent(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    relativeId: string,
    consentId: string,
    body: WithdrawConsentRequest,
  ): Promise<ConsentResponse> {
    return this.db.transaction(async (tx) => {
      const { c } = await this.linked(tx, actor, key, relativeId);
      const consent = await this.relatives.findConsent(tx, relativeId, consentId);
      if (!consent) throw AppError.notFound('Consent');
      if (consent.withdrawnOn) throw new AppError('CONFLICT', `This consent was withdrawn on ${consent.withdrawnOn}`);
      if (body.withdrawnOn < consent.givenOn)
        throw AppError.field('withdrawnOn', 'Before the consent was given', 'before_given');
      const after = await this.relatives.withdrawConsent(tx, consentId, body.withdrawnOn);
      await this.audit.record(
        tx,
        actor,
        meta,
        onCase(
          c.id,
          'consent.withdraw',
          { type: 'Consent', id: consentId },
          { withdrawnOn: { from: null, to: body.withdrawnOn } },
          {
            relativeId,
            organisation: consent.organisation,
          },
        ),
      );
      return after;
    });
  }
}
