import { Inject, Injectable } from '@nestjs/common';
import type {
  ChangePasswordRequest,
  LoginRequest,
  MfaEnrollment,
  MfaRecoveryCodes,
  ResetPasswordRequest,
  SessionResponse,
  SessionUser,
} from '@mprc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/auth/actor.js';
import { requestMeta } from '../common/auth/actor.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../common/auth/passwords.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { assertPasswordAllowed } from '../users/password-policy.js';
import { LoginThrottle } from './login-throttle.js';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from './mfa.js';
import { SessionService, type NewSession } from './session.service.js';

const WRONG_CREDENTIALS = 'Email or password is incorrect';

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  passwordHash: true,
  mfaEnabledAt: true,
  mfaSecret: true,
  recoveryCodeHashes: true,
  office: { select: { code: true } },
} as const;

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DatabaseService,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {}

  async login(request: FastifyRequest, reply: FastifyReply, body: LoginRequest): Promise<SessionResponse> {
    const meta = requestMeta(request);
    const key = `user:${body.email}`;
    const outcome = await this.db.transaction(async (tx) => {
      await this.throttle.lock(tx, key);
      const retryAfter = await this.throttle.retryAfterSeconds(tx, key);
      const user = await tx.user.findUnique({ where: { email: body.email }, select: userSelect });
      if (retryAfter > 0) {
        await this.audit.record(tx, null, meta, {
          action: 'auth.login.locked',
          entityType: 'User',
          entityId: user?.id,
          details: { email: body.email },
        });
        return { locked: retryAfter } as const;
      }
      // Same work and the same answer whether or not the account exists.
      const ok = user
        ? (await verifyPassword(user.passwordHash, body.password)) && user.isActive
        : (await verifyPassword(await dummyPasswordHash(), body.password)) && false;
      await this.throttle.record(tx, key, ok, meta.ip);
      if (!ok || !user) {
        await this.audit.record(tx, null, meta, {
          action: 'auth.login.failed',
          entityType: 'User',
          entityId: user?.id,
          details: { email: body.email, ...(user && !user.isActive ? { reason: 'inactive' } : {}) },
        });
        return { failed: true } as const;
      }
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
      await this.audit.record(tx, { userId: user.id, role: user.role }, meta, {
        action: 'auth.login',
        entityType: 'User',
        entityId: user.id,
      });
      return { user } as const;
    });
    if ('locked' in outcome) throw this.throttle.lockedOut(outcome.locked!);
    if ('failed' in outcome) throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
    const user = outcome.user;
    const enrolled = !!user.mfaEnabledAt;
    const mfaEnrollmentRequired = !enrolled && this.config.MFA_REQUIRED_ROLES.includes(user.role);
    const session = await this.sessions.create(request, {
      userId: user.id,
      role: user.role,
      mfaPending: enrolled || mfaEnrollmentRequired,
    });
    this.sessions.setCookie(reply, session);
    return this.sessionResponse(this.toSessionUser(user), session.csrfToken, session.expiresAt, {
      mfaRequired: enrolled,
      mfaEnrollmentRequired,
    });
  }

  async me(actor: Actor): Promise<SessionResponse> {
    if (actor.kind !== 'staff') {
      throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    }
    const [user, session] = await Promise.all([
      this.db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: userSelect }),
      this.db.prisma.session.findUniqueOrThrow({ where: { id: actor.sessionId }, select: { expiresAt: true } }),
    ]);
    const enrolled = !!user.mfaEnabledAt;
    return this.sessionResponse(this.toSessionUser(user), actor.csrfToken, session.expiresAt, {
      mfaRequired: actor.mfaPending && enrolled,
      mfaEnrollmentRequired: actor.mfaPending && !enrolled,
    });
  }

  async logout(request: FastifyRequest, reply: FastifyReply, actor: Actor): Promise<void> {
    await this.sessions.revoke(actor.sessionId);
    this.sessions.clearCookie(reply);
    await this.audit.record(null, actor, requestMeta(request), {
      action: 'auth.logout',
      entityType: actor.kind === 'staff' ? 'User' : 'Relative',
      entityId: actor.userId ?? actor.relativeId,
    });
  }

  async verifyMfa(request: FastifyRequest, actor: Actor, code: string): Promise<SessionResponse> {
    const meta = requestMeta(request);
    const key = `mfa:${actor.userId}`;
    const ok = await this.db.transaction(async (tx) => {
      await this.throttle.lock(tx, key);
      const retryAfter = await this.throttle.retryAfterSeconds(tx, key);
      if (retryAfter > 0) return { locked: retryAfter };
      const user = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: userSelect });
      if (!user.mfaSecret || !user.mfaEnabledAt) throw new AppError('CONFLICT', 'No authenticator is enrolled');
      let passed = checkTotp(code, user.mfaSecret);
      let usedRecovery = false;
      if (!passed) {
        const h = hashRecoveryCode(code);
        if (user.recoveryCodeHashes.includes(h)) {
          passed = usedRecovery = true;
          await tx.user.update({
            where: { id: user.id },
            data: { recoveryCodeHashes: user.recoveryCodeHashes.filter((x) => x !== h) },
          });
        }
      }
      await this.throttle.record(tx, key, passed, meta.ip);
      await this.audit.record(tx, actor, meta, {
        action: passed ? 'auth.mfa.verified' : 'auth.mfa.failed',
        entityType: 'User',
        entityId: actor.userId,
        ...(usedRecovery ? { details: { recoveryCode: true, remaining: user.recoveryCodeHashes.length - 1 } } : {}),
      });
      return { passed };
    });
    if ('locked' in ok) throw this.throttle.lockedOut(ok.locked!);
    if (!ok.passed) throw AppError.field('code', 'The code is not valid', 'invalid_code');
    await this.sessions.completeMfa(actor.sessionId);
    return this.me({ ...actor, mfaPending: false });
  }

  async startMfaEnrollment(request: FastifyRequest, actor: Actor): Promise<MfaEnrollment> {
    const user = await this.db.prisma.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { email: true, mfaEnabledAt: true },
    });
    if (user.mfaEnabledAt) throw new AppError('CONFLICT', 'An authenticator is already enrolled; remove it first');
    const secret = newTotpSecret();
    // Held until confirmed with a valid code; only then is MFA switched on.
    await this.db.transaction(async (tx) => {
      await tx.user.update({ where: { id: actor.userId }, data: { mfaSecret: secret } });
      await this.audit.record(tx, actor, requestMeta(request), {
        action: 'auth.mfa.enrollment_started',
        entityType: 'User',
        entityId: actor.userId,
      });
    });
    return { secret, otpauthUrl: totpUri(user.email, secret) };
  }

  async confirmMfaEnrollment(request: FastifyRequest, actor: Actor, code: string): Promise<MfaRecoveryCodes> {
    const codes = newRecoveryCodes();
    await this.db.transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({
        where: { id: actor.userId },
        select: { mfaSecret: true, mfaEnabledAt: true },
      });
      if (user.mfaEnabledAt) throw new AppError('CONFLICT', 'An authenticator is already enrolled');
      if (!user.mfaSecret) throw new AppError('CONFLICT', 'Start the enrolment first');
      if (!checkTotp(code, user.mfaSecret)) throw AppError.field('code', 'The code is not valid', 'invalid_code');
      await tx.user.update({
        where: { id: actor.userId },
        data: { mfaEnabledAt: new Date(), recoveryCodeHashes: codes.map(hashRecoveryCode) },
      });
      await this.audit.record(tx, actor, requestMeta(request), {
        action: 'auth.mfa.enabled',
        entityType: 'User',
        entityId: actor.userId,
      });
    });
    // Proving possession of the authenticator completes this session's second step.
    await this.sessions.completeMfa(actor.sessionId);
    return { recoveryCodes: codes };
  }

  async disableMfa(request: FastifyRequest, actor: Actor, password: string): Promise<void> {
    const user = await this.db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: userSelect });
    if (!(await verifyPassword(user.passwordHash, password)))
      throw AppError.field('password', 'The password is not correct');
    if (this.config.MFA_REQUIRED_ROLES.includes(user.role))
      throw new AppError('FORBIDDEN', 'Your role must use a second factor');
    await this.db.transaction(async (tx) => {
      await tx.user.update({
        where: { id: user.id },
        data: { mfaEnabledAt: null, mfaSecret: null, recoveryCodeHashes: [] },
      });
      await this.audit.record(tx, actor, requestMeta(request), {
        action: 'auth.mfa.disabled',
        entityType: 'User',
        entityId: user.id,
      });
    });
  }

  async changePassword(request: FastifyRequest, actor: Actor, body: ChangePasswordRequest): Promise<void> {
    const user = await this.db.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: userSelect });
    if (!(await verifyPassword(user.passwordHash, body.currentPassword)))
      throw AppError.field('currentPassword', 'The current password is not correct');
    assertPasswordAllowed(body.newPassword, 'newPassword', [user.email, user.name]);
    const passwordHash = await hashPassword(body.newPassword);
    await this.db.transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordChangedAt: new Date() } });
      await this.sessions.revokeAllForUser(user.id, actor.sessionId, tx);
      await this.audit.record(tx, actor, requestMeta(request), {
        action: 'user.password_changed',
        entityType: 'User',
        entityId: user.id,
        changes: { password: { from: '[masked]', to: '[masked]' } },
      });
    });
  }

  async resetPassword(request: FastifyRequest, body: ResetPasswordRequest): Promise<void> {
    const meta = requestMeta(request);
    const key = `reset:${body.email}`;
    const codeHash = createHash('sha256').update(body.resetCode.trim().toUpperCase()).digest('hex');
    const result = await this.db.transaction(async (tx) => {
      await this.throttle.lock(tx, key);
      const retryAfter = await this.throttle.retryAfterSeconds(tx, key);
      if (retryAfter > 0) return { locked: retryAfter };
      const user = await tx.user.findUnique({
        where: { email: body.email },
        select: { ...userSelect, resetCodeHash: true, resetCodeExpiresAt: true },
      });
      const valid =
        !!user &&
        user.isActive &&
        user.resetCodeHash === codeHash &&
        !!user.resetCodeExpiresAt &&
        user.resetCodeExpiresAt > new Date();
      await this.throttle.record(tx, key, valid, meta.ip);
      if (!valid || !user) {
        await this.audit.record(tx, null, meta, {
          action: 'user.password_reset.failed',
          entityType: 'User',
          entityId: user?.id,
        });
        return { invalid: true };
      }
      assertPasswordAllowed(body.newPassword, 'newPassword', [user.email, user.name]);
      await tx.user.update({
        where: { id: user.id },
        data: {
          passwordHash: await hashPassword(body.newPassword),
          passwordChangedAt: new Date(),
          resetCodeHash: null,
          resetCodeExpiresAt: null,
        },
      });
      await this.sessions.revokeAllForUser(user.id, undefined, tx);
      await this.audit.record(tx, { userId: user.id, role: user.role }, meta, {
        action: 'user.password_reset',
        entityType: 'User',
        entityId: user.id,
      });
      return { ok: true };
    });
    if ('locked' in result) throw this.throttle.lockedOut(result.locked!);
    if ('invalid' in result)
      throw AppError.field('resetCode', 'The reset code is not valid or has expired', 'invalid_code');
  }

  private toSessionUser(user: {
    id: string;
    email: string;
    name: string;
    role: SessionUser['role'];
    mfaEnabledAt: Date | null;
    office: { code: string } | null;
  }): SessionUser {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      officeCode: user.office?.code ?? null,
      mfaEnabled: !!user.mfaEnabledAt,
    };
  }

  private sessionResponse(
    user: SessionUser,
    csrfToken: string,
    expiresAt: Date,
    flags: { mfaRequired: boolean; mfaEnrollmentRequired: boolean },
  ): SessionResponse {
    return {
      user,
      csrfToken,
      ...flags,
      idleTimeoutMinutes: this.sessions.idleMinutes(),
      expiresAt: expiresAt.toISOString(),
    };
  }
}

export type { NewSession };
