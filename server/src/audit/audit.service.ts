import { Injectable } from '@nestjs/common';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Changes } from './audit-changes.js';

export interface AuditInput {
  action: string;
  entityType?: string;
  entityId?: string;
  changes?: Changes;
  details?: Record<string, unknown>;
}

/** Who did it, as recorded: an actor, or the system (start-up, command line). */
export type AuditActor = Pick<Actor, 'role'> & { userId?: string; relativeId?: string };

/**
 * Writes audit entries. Pass the use case's transaction so the entry commits with the change;
 * the database adds the sequence number and the hash chain (see the platform migration).
 */
@Injectable()
export class AuditService {
  constructor(private readonly db: DatabaseService) {}

  async record(tx: Tx | null, actor: AuditActor | null, meta: RequestMeta | null, input: AuditInput): Promise<void> {
    const client = tx ?? this.db.prisma;
    const details: Record<string, unknown> | undefined = actor?.relativeId
      ? { ...input.details, relativeId: actor.relativeId }
      : input.details;
    await client.auditEntry.create({
      data: {
        actorId: actor?.userId ?? null,
        actorRole: actor?.role ?? 'ANONYMOUS',
        action: input.action,
        entityType: input.entityType ?? null,
        entityId: input.entityId ?? null,
        ip: meta?.ip ?? null,
        requestId: meta?.requestId ?? null,
        changes:
          input.changes && Object.keys(input.changes).length ? (input.changes as Prisma.InputJsonValue) : undefined,
        details: details && Object.keys(details).length ? (details as Prisma.InputJsonValue) : undefined,
      },
      select: { id: true },
    });
  }
}
