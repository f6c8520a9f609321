import type { AuditActor } from '../audit/audit.service.js';
import type { RequestMeta } from '../common/auth/actor.js';

/**
 * The columns of an audit entry that name who acted and from where, exactly as
 * AuditService.record writes them. Hot paths (case read, contact create) write their audit entry
 * inside their own SQL statement, so that the entry and the read or change it records are one
 * statement and one commit; these are its parameters.
 */
export interface AuditFacts {
  actorId: string | null;
  actorRole: string;
  ip: string | null;
  requestId: string | null;
  /** AuditService adds a family member's relative id to the details. */
  relativeId: string | null;
}

export const auditFacts = (actor: AuditActor, meta: RequestMeta): AuditFacts => ({
  actorId: actor.userId ?? null,
  actorRole: actor.role,
  ip: meta.ip ?? null,
  requestId: meta.requestId ?? null,
  relativeId: actor.relativeId ?? null,
});

/** The details object as AuditService.record stores it: null when empty. */
export function auditDetails(facts: AuditFacts, details: Record<string, unknown> | undefined): string | null {
  const all = facts.relativeId ? { ...details, relativeId: facts.relativeId } : details;
  return all && Object.keys(all).length ? JSON.stringify(all) : null;
}
