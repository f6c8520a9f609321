import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.js';

/** Resolves the caller from the request's session cookie (implemented by the auth module). */
export abstract class SessionResolver {
  abstract resolve(request: FastifyRequest): Promise<Actor | null>;
  /** Records a refused request in the audit trail. */
  abstract recordDenial(request: FastifyRequest, actor: Actor | null, reason: string): Promise<void>;
}
