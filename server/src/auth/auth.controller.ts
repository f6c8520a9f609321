import { Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  MfaEnrollmentSchema,
  MfaRecoveryCodesSchema,
  MfaVerifyRequestSchema,
  ResetPasswordRequestSchema,
  SessionResponseSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type MfaEnrollment,
  type MfaRecoveryCodes,
  type MfaVerifyRequest,
  type ResetPasswordRequest,
  type SessionResponse,
} from '@mprc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../common/auth/actor.js';
import { CurrentActor } from '../common/auth/actor.js';
import { AllowMfaPending, Public, RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody } from '../common/http/zod-pipe.js';
import { AuthService } from './auth.service.js';

/** Per-IP limit on the sign-in routes (per instance; the per-account lockout is in PostgreSQL). */
export const AUTH_RATE_LIMIT = { rateLimit: { groupId: 'auth' } };

@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @ApiDoc({ summary: 'Sign in (staff)', response: SessionResponseSchema, status: 200, tags: ['auth'] })
  login(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ZBody(LoginRequestSchema) body: LoginRequest,
  ): Promise<SessionResponse> {
    return this.auth.login(req, reply, body);
  }

  @Get('me')
  @AllowMfaPending('account.self')
  @ApiDoc({ summary: 'The signed-in user and the CSRF token', response: SessionResponseSchema, tags: ['auth'] })
  me(@CurrentActor() actor: Actor): Promise<SessionResponse> {
    return this.auth.me(actor);
  }

  @Post('logout')
  @HttpCode(204)
  @AllowMfaPending('session.self')
  @ApiDoc({ summary: 'Sign out: the session ends on the server', status: 204, tags: ['auth'] })
  logout(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    return this.auth.logout(req, reply, actor);
  }

  @Post('mfa/verify')
  @HttpCode(200)
  @AllowMfaPending('account.self')
  @RouteConfig(AUTH_RATE_LIMIT)
  @ApiDoc({
    summary: 'Second sign-in step: a TOTP code or a recovery code',
    response: SessionResponseSchema,
    status: 200,
    tags: ['auth'],
  })
  verifyMfa(
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
    @ZBody(MfaVerifyRequestSchema) body: MfaVerifyRequest,
  ): Promise<SessionResponse> {
    return this.auth.verifyMfa(req, actor, body.code);
  }

  @Post('mfa/enrollment')
  @AllowMfaPending('account.self')
  @ApiDoc({
    summary: 'Start enrolling an authenticator app (secret and otpauth URL for the QR code)',
    response: MfaEnrollmentSchema,
    tags: ['auth'],
  })
  startEnrollment(@Req() req: FastifyRequest, @CurrentActor() actor: Actor): Promise<MfaEnrollment> {
    return this.auth.startMfaEnrollment(req, actor);
  }

  @Post('mfa/enrollment/confirm')
  @HttpCode(200)
  @AllowMfaPending('account.self')
  @ApiDoc({
    summary: 'Confirm enrolment with a code; returns ten one-time recovery codes',
    response: MfaRecoveryCodesSchema,
    status: 200,
    tags: ['auth'],
  })
  confirmEnrollment(
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
    @ZBody(MfaVerifyRequestSchema) body: MfaVerifyRequest,
  ): Promise<MfaRecoveryCodes> {
    return this.auth.confirmMfaEnrollment(req, actor, body.code);
  }

  @Delete('mfa')
  @HttpCode(204)
  @RequirePermission('account.self')
  @ApiDoc({ summary: 'Remove the authenticator (needs the password)', status: 204, tags: ['auth'] })
  disableMfa(
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
    @ZBody(z.object({ password: z.string().min(1, 'Required') })) body: { password: string },
  ): Promise<void> {
    return this.auth.disableMfa(req, actor, body.password);
  }

  @Post('password')
  @HttpCode(204)
  @RequirePermission('account.self')
  @ApiDoc({ summary: 'Change my password (other sessions end)', status: 204, tags: ['auth'] })
  changePassword(
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
    @ZBody(ChangePasswordRequestSchema) body: ChangePasswordRequest,
  ): Promise<void> {
    return this.auth.changePassword(req, actor, body);
  }

  @Post('reset-password')
  @HttpCode(204)
  @Public()
  @RouteConfig(AUTH_RATE_LIMIT)
  @ApiDoc({
    summary: 'Set a new password with a one-time reset code from an administrator',
    status: 204,
    tags: ['auth'],
  })
  resetPassword(
    @Req() req: FastifyRequest,
    @ZBody(ResetPasswordRequestSchema) body: ResetPasswordRequest,
  ): Promise<void> {
    return this.auth.resetPassword(req, body);
  }
}
