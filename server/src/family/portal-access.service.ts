import { Injectable } from '@nestjs/common';
import {
  CasePortalSummarySchema,
  normalizeAccessCode,
  officeHoursFor,
  PortalAccessIssuedSchema,
  PortalAccessStatusSchema,
  type CasePortalSummary,
  type ContactLanguage,
  type PortalAccessIssued,
  type PortalAccessStatus,
  type PortalLetterQuery,
} from '@mprc/contracts';
import { AuditService } from '../audit/audit.service.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { hashPassword, verifyPassword } from '../common/auth/passwords.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { Inject } from '@nestjs/common';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { newAccessCode } from './access-code.js';
import { FamilyRepository, type ScopedCase } from './family.repository.js';
import { languagesFor } from './letter/letter-texts.js';
import { renderPortalLetter } from './letter/portal-letter.js';

/** The lockout key of a case number; the family sign-in counts failures under the same key. */
export const caseLoginKey = (caseNumber: string) => `case:${caseNumber.trim().toUpperCase()}`;

/** Portal access for relatives: issue (shown once), revoke, status, the printed letter. */
@Injectable()
export class PortalAccessService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: FamilyRepository,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async issue(actor: Actor, meta: RequestMeta, caseId: string, relativeId: string): Promise<PortalAccessIssued> {
    const accessCode = newAccessCode();
    // Hashed before the transaction: argon2 takes tens of milliseconds.
    const codeHash = await hashPassword(normalizeAccessCode(accessCode));
    const issuedAt = await this.db.transaction(async (tx) => {
      await this.scoped(actor, caseId, relativeId, tx);
      const before = await this.repo.portalAccess(relativeId, tx);
      const now = new Date();
      await tx.portalAccess.upsert({
        where: { relativeId },
        create: { relativeId, codeHash, issuedById: actor.userId!, issuedAt: now },
        update: { codeHash, issuedById: actor.userId!, issuedAt: now, revokedAt: null },
        select: { id: true },
      });
      // A new code replaces the old one: whoever signed in with the old code is signed out.
      const sessionsEnded = await this.repo.revokeSessions(tx, relativeId);
      const action = before ? 'reissued' : 'issued';
      await tx.caseEvent.create({
        data: { caseId, type: 'PORTAL_ACCESS', actorId: actor.userId, data: { action, relativeId } },
        select: { id: true },
      });
      await this.audit.record(tx, actor, meta, {
        action: before ? 'portal.reissue' : 'portal.issue',
        entityType: 'Relative',
        entityId: relativeId,
        details: { caseId, sessionsEnded },
      });
      return now;
    });
    return PortalAccessIssuedSchema.parse({
      accessCode,
      issuedAt: issuedAt.toISOString(),
      letterUrl: `/api/v1/cases/${caseId}/relatives/${relativeId}/portal-access/letter`,
    });
  }

  async revoke(actor: Actor, meta: RequestMeta, caseId: string, relativeId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      await this.scoped(actor, caseId, relativeId, tx);
      const access = await this.repo.portalAccess(relativeId, tx);
      if (!access) throw AppError.notFound('Portal access');
      if (access.revokedAt) return;
      await tx.portalAccess.update({ where: { relativeId }, data: { revokedAt: new Date() }, select: { id: true } });
      const sessionsEnded = await this.repo.revokeSessions(tx, relativeId);
      await tx.caseEvent.create({
        data: { caseId, type: 'PORTAL_ACCESS', actorId: actor.userId, data: { action: 'revoked', relativeId } },
        select: { id: true },
      });
      await this.audit.record(tx, actor, meta, {
        action: 'portal.revoke',
        entityType: 'Relative',
        entityId: relativeId,
        details: { caseId, sessionsEnded },
      });
    });
  }

  async status(actor: Actor, caseId: string, relativeId: string): Promise<PortalAccessStatus> {
    const { caseRow, relative } = await this.scoped(actor, caseId, relativeId);
    const [access, lastSignIn, activeSessions, lockedUntil] = await Promise.all([
      this.repo.portalAccess(relativeId),
      this.repo.lastSignIn([relativeId]),
      this.repo.activeSessions(relativeId),
      this.lockedUntil(caseRow.caseNumber),
    ]);
    return PortalAccessStatusSchema.parse({
      relativeId,
      caseNumber: caseRow.caseNumber,
      status: !access ? 'NONE' : access.revokedAt ? 'REVOKED' : 'ACTIVE',
      issuedAt: access?.issuedAt.toISOString() ?? null,
      issuedBy: access ? { id: access.issuedBy.id, name: access.issuedBy.name } : null,
      revokedAt: access?.revokedAt?.toISOString() ?? null,
      lastSignInAt: lastSignIn.get(relativeId)?.toISOString() ?? null,
      activeSessions: access?.revokedAt ? 0 : activeSessions,
      familyLoginLockedUntil: lockedUntil?.toISOString() ?? null,
      hasEmail: !!relative.email,
    });
  }

  async caseSummary(actor: Actor, caseId: string): Promise<CasePortalSummary> {
    const caseRow = await this.repo.caseInScope(actor, caseId);
    if (!caseRow) throw AppError.notFound('Case');
    const links = await this.repo.casePortalRelatives(caseId);
    const [lastSignIn, lockedUntil] = await Promise.all([
      this.repo.lastSignIn(links.map((l) => l.relative.id)),
      this.lockedUntil(caseRow.caseNumber),
    ]);
    return CasePortalSummarySchema.parse({
      caseNumber: caseRow.caseNumber,
      familyLoginLockedUntil: lockedUntil?.toISOString() ?? null,
      relatives: links.map(({ relative: r }) => ({
        relativeId: r.id,
        firstName: r.firstName,
        lastName: r.lastName,
        status: !r.portalAccess ? 'NONE' : r.portalAccess.revokedAt ? 'REVOKED' : 'ACTIVE',
        issuedAt: r.portalAccess?.issuedAt.toISOString() ?? null,
        revokedAt: r.portalAccess?.revokedAt?.toISOString() ?? null,
        lastSignInAt: lastSignIn.get(r.id)?.toISOString() ?? null,
        hasEmail: !!r.email,
      })),
    });
  }

  /** Lifts the lockout of a case number (the officer has spoken to the family). */
  async unlock(actor: Actor, meta: RequestMeta, caseId: string): Promise<void> {
    const caseRow = await this.repo.caseInScope(actor, caseId);
    if (!caseRow) throw AppError.notFound('Case');
    const key = caseLoginKey(caseRow.caseNumber);
    await this.db.transaction(async (tx) => {
      await this.throttle.lock(tx, key);
      // Failures count only after the last success, so a recorded success clears the lock.
      await this.throttle.record(tx, key, true, meta.ip);
      await this.audit.record(tx, actor, meta, {
        action: 'portal.login_unlocked',
        entityType: 'Case',
        entityId: caseId,
      });
    });
  }

  /**
   * The printable letter. The code is never stored, so the officer's browser sends back the code
   * it was just shown; it must be the current one.
   */
  async letter(
    actor: Actor,
    meta: RequestMeta,
    caseId: string,
    relativeId: string,
    accessCode: string,
    query: PortalLetterQuery,
  ): Promise<{ pdf: Buffer; fileName: string }> {
    const { caseRow, relative } = await this.scoped(actor, caseId, relativeId);
    const access = await this.repo.portalAccess(relativeId);
    const normalized = normalizeAccessCode(accessCode);
    if (!access || access.revokedAt || !(await verifyPassword(access.codeHash, normalized)))
      throw new AppError(
        'CONFLICT',
        'This is not the current access code of this relative; issue a new code to print a letter',
        {
          errors: [{ field: 'accessCode', message: 'Not the current access code', code: 'not_current' }],
        },
      );
    const language = (query.language ?? relative.preferredLanguage) as ContactLanguage;
    const languages = languagesFor(language, query.script ?? 'latn');
    const office = await this.repo.office(caseRow.officeId);
    const officeName = {
      sq: office.nameSq,
      'sr-Latn': office.nameSrLatn,
      'sr-Cyrl': office.nameSrCyrl,
      en: office.nameEn,
    }[languages[0]];
    const pdf = await renderPortalLetter({
      languages,
      portalUrl: `${this.config.publicUrl}/family`,
      caseNumber: caseRow.caseNumber,
      accessCode: normalized.replace(/(.{4})(?=.)/g, '$1-'),
      office: {
        name: officeName,
        phone: office.phone,
        hours: officeHoursFor({ sq: office.hoursSq, sr: office.hoursSr, en: office.hoursEn }, languages[0]!),
        address: office.address,
      },
    });
    await this.audit.record(null, actor, meta, {
      action: 'portal.letter',
      entityType: 'Relative',
      entityId: relativeId,
      details: { caseId, languages },
    });
    return { pdf, fileName: `portal-letter-${caseRow.caseNumber.replace(/[^A-Za-z0-9-]/g, '_')}.pdf` };
  }

  async lockedUntil(caseNumber: string): Promise<Date | null> {
    const seconds = await this.db.transaction((tx) => this.throttle.retryAfterSeconds(tx, caseLoginKey(caseNumber)));
    return seconds > 0 ? new Date(Date.now() + seconds * 1000) : null;
  }

  private async scoped(
    actor: Actor,
    caseId: string,
    relativeId: string,
    tx?: Parameters<FamilyRepository['caseInScope']>[2],
  ): Promise<{ caseRow: ScopedCase; relative: NonNullable<Awaited<ReturnType<FamilyRepository['relativeOfCase']>>> }> {
    const caseRow = await this.repo.caseInScope(actor, caseId, tx);
    if (!caseRow) throw AppError.notFound('Case');
    const relative = await this.repo.relativeOfCase(caseId, relativeId, tx);
    if (!relative) throw AppError.notFound('Relative');
    return { caseRow, relative };
  }
}
