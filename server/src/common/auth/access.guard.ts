import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Permission } from '@mprc/contracts';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors/app-error.js';
import { ALLOW_MFA_PENDING_KEY, PERMISSION_KEY, PUBLIC_KEY } from './access.decorators.js';
import { SessionResolver } from './session-resolver.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The one gate in front of every route: public routes pass; every other route needs a live
 * session, a CSRF token on unsafe methods, and a role that grants the route's permission.
 * A route that declares neither is refused (and a test fails on it).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets);
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, targets);

    if (isPublic) {
      // Public routes still learn who is calling when a session exists (e.g. sign-in state).
      request.actor = (await this.sessions.resolve(request)) ?? undefined;
      return true;
    }
    if (!permission) throw new AppError('FORBIDDEN', 'This route declares no access rule');

    const actor = await this.sessions.resolve(request);
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in to continue');
    request.actor = actor;

    if (UNSAFE.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, actor.csrfToken)) {
        await this.sessions.recordDenial(request, actor, 'csrf');
        throw new AppError('CSRF_FAILED', 'Missing or invalid X-CSRF-Token header');
      }
    }
    if (actor.mfaPending && !this.reflector.getAllAndOverride<boolean>(ALLOW_MFA_PENDING_KEY, targets)) {
      throw new AppError('MFA_REQUIRED', 'Complete the second sign-in step first');
    }
    if (!can(actor.role, permission)) {
      await this.sessions.recordDenial(request, actor, `permission:${permission}`);
      throw new AppError('FORBIDDEN', 'You do not have access to this action');
    }
    return true;
  }
}
