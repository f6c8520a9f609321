import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@mprc/contracts';
import type { FastifyRequest } from 'fastify';

/** Who is calling: a staff member or a family member, resolved from the session cookie. */
export interface Actor {
  kind: 'staff' | 'family';
  sessionId: string;
  role: Role;
  /** Staff user id. */
  userId?: string;
  /** Family member: the relative's id. */
  relativeId?: string;
  officeId?: string | null;
  officeCode?: string | null;
  name: string;
  email?: string;
  csrfToken: string;
  mfaPending: boolean;
}

/** Request facts that the audit trail records. */
export interface RequestMeta {
  requestId: string;
  ip: string;
  userAgent?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
  }
}

export const requestMeta = (req: FastifyRequest): RequestMeta => ({
  requestId: req.id,
  ip: req.ip,
  userAgent: req.headers['user-agent'],
});

/** The signed-in actor; the guard guarantees one on every non-public route. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | undefined => {
  return ctx.switchToHttp().getRequest<FastifyRequest>().actor;
});

/** The request's id, IP and user agent. */
export const Meta = createParamDecorator((_: unknown, ctx: ExecutionContext): RequestMeta => {
  return requestMeta(ctx.switchToHttp().getRequest<FastifyRequest>());
});
