import { Injectable } from '@nestjs/common';
import {
  FamilyProfileSchema,
  FamilySessionResponseSchema,
  normalizeAccessCode,
  type FamilyLoginRequest,
  type FamilyProfile,
  type FamilySessionResponse,
  type UpdateFamilyProfileRequest,
} from '@mprc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { diffChanges } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { LoginThrottle } from '../auth/login-throttle.js';
import { SessionService } from '../auth/session.service.js';
import { requestMeta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { dummyPasswordHash, verifyPassword } from '../common/auth/passwords.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { FamilyRepository, type LinkedRelative } from './family.repository.js';
import { caseLoginKey } from './portal-access.service.js';

const WRONG_CODE = 'The case number or the access code is not correct';
const CONTACT_FIELDS = ['phone', 'email', 'address'] as const;

/** The family's sign-in (case number + access code), session and own contact details. */
@Injectable()
export class FamilyAuthService {
  constructor(
    private readonly db: DatabaseService,
    private readonly repo: FamilyRepository,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async login(request: FastifyRequest, reply: FastifyReply, body: FamilyLoginRequest): Promise<FamilySessionResponse> {
    const meta = requestMeta(request);
    const key = caseLoginKey(body.caseNumber);
    const code = normalizeAccessCode(body.accessCode);
    // Check and count under one lock per case number, so concurrent guesses are counted exactly.
    const outcome = await this.db.transaction(
      async (tx) => {
        await this.throttle.lock(tx, key);
        const retryAfter = await this.throttle.retryAfterSeconds(tx, key);
        if (retryAfter > 0) {
          await this.audit.record(tx, null, meta, {
            action: 'family.login.locked',
            entityType: 'Case',
            details: { caseNumber: body.caseNumber },
          });
          return { locked: retryAfter } as const;
        }
        // Every open access of the relatives linked to the case: a handful, ~50 ms of argon2 each.
        // An unknown case costs one verification too, and every wrong combination answers the same.
        const candidates = await this.repo.loginCandidates(tx, body.caseNumber);
        let relativeId: string | null = null;
        if (!candidates.length) await verifyPassword(await dummyPasswordHash(), code);
        for (const c of candidates) {
          if (await verifyPassword(c.codeHash, code)) {
            relativeId = c.relativeId;
            break;
          }
        }
        await this.throttle.record(tx, key, !!relativeId, meta.ip);
        if (!relativeId) {
          await this.audit.record(tx, null, meta, {
            action: 'family.login.failed',
            entityType: 'Case',
            details: { caseNumber: body.caseNumber },
          });
          return { failed: true } as const;
        }
        await this.audit.record(tx, { role: 'FAMILY', relativeId }, meta, {
          action: 'family.login',
          entityType: 'Relative',
          entityId: relativeId,
        });
        return { relativeId } as const;
      },
      { timeout: 30_000 },
    );
    if ('locked' in outcome) throw this.throttle.lockedOut(outcome.locked!, 'case number');
    if ('failed' in outcome) throw new AppError('UNAUTHENTICATED', WRONG_CODE);
    const session = await this.sessions.create(request, { relativeId: outcome.relativeId, role: 'FAMILY' });
    this.sessions.setCookie(reply, session);
    return this.sessionResponse(outcome.relativeId, session.csrfToken, session.expiresAt);
  }

  async me(actor: Actor): Promise<FamilySessionResponse> {
    const session = await this.db.prisma.session.findUniqueOrThrow({
      where: { id: actor.sessionId },
      select: { expiresAt: true },
    });
    return this.sessionResponse(actor.relativeId!, actor.csrfToken, session.expiresAt);
  }

  async logout(request: FastifyRequest, reply: FastifyReply, actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId);
    this.sessions.clearCookie(reply);
    await this.audit.record(null, actor, requestMeta(request), {
      action: 'family.logout',
      entityType: 'Relative',
      entityId: actor.relativeId,
    });
  }

  /**
   * The family corrects their own phone, email, address or language. Audited with the values
   * masked; each of their cases gets an internal timeline entry so the officer sees it.
   */
  async updateProfile(actor: Actor, meta: RequestMeta, body: UpdateFamilyProfileRequest): Promise<FamilyProfile> {
    const relativeId = actor.relativeId!;
    const updated = await this.db.transaction(async (tx) => {
      const before = await this.repo.profile(relativeId, tx);
      if (!before) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
      const changes = diffChanges(before, body, { sensitive: CONTACT_FIELDS });
      const fields = Object.keys(changes);
      if (!fields.length) return before;
      const after = await tx.relative.update({
        where: { id: relativeId },
        data: {
          ...(body.phone !== undefined ? { phone: body.phone } : {}),
          ...(body.email !== undefined ? { email: body.email } : {}),
          ...(body.address !== undefined ? { address: body.address } : {}),
          ...(body.preferredLanguage ? { preferredLanguage: body.preferredLanguage } : {}),
        },
        select: {
          id: true,
          firstName: true,
          lastName: true,
          phone: true,
          email: true,
          address: true,
          preferredLanguage: true,
        },
      });
      const links = await tx.caseRelative.findMany({
        where: { relativeId, case: { mergedIntoId: null } },
        select: { caseId: true },
      });
      for (const { caseId } of links) {
        await tx.caseEvent.create({
          data: {
            caseId,
            type: 'NOTE',
            familyVisible: false,
            note: `The family updated their contact details in the portal (${fields.join(', ')}).`,
            data: { kind: 'FAMILY_CONTACT_UPDATED', relativeId, fields },
          },
          select: { id: true },
        });
      }
      await this.audit.record(tx, actor, meta, {
        action: 'family.profile.update',
        entityType: 'Relative',
        entityId: relativeId,
        changes,
      });
      return after;
    });
    return this.toProfile(updated);
  }

  private async sessionResponse(
    relativeId: string,
    csrfToken: string,
    expiresAt: Date,
  ): Promise<FamilySessionResponse> {
    const [relative, cases] = await Promise.all([this.repo.profile(relativeId), this.repo.familyCases(relativeId)]);
    if (!relative) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    return FamilySessionResponseSchema.parse({
      relative: this.toProfile(relative),
      csrfToken,
      cases: cases.map((c) => ({ id: c.id, caseNumber: c.caseNumber })),
      idleTimeoutMinutes: this.sessions.idleMinutes(),
      expiresAt: expiresAt.toISOString(),
    });
  }

  private toProfile(r: LinkedRelative): FamilyProfile {
    return FamilyProfileSchema.parse({
      id: r.id,
      firstName: r.firstName,
      lastName: r.lastName,
      phone: r.phone,
      email: r.email,
      address: r.address,
      preferredLanguage: r.preferredLanguage,
    });
  }
}
