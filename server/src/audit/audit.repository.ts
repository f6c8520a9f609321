import { Injectable } from '@nestjs/common';
import type { AuditEntryResponse, AuditQuery, Page } from '@mprc/contracts';
import type pg from 'pg';
import { DatabaseService } from '../common/database/database.service.js';
import type { Prisma } from '../generated/prisma/client.js';

const endOfDay = (v: string) => (v.length === 10 ? new Date(`${v}T23:59:59.999Z`) : new Date(v));

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DatabaseService) {}

  async list(
    query: AuditQuery,
    restrictTo?: { entityType: string; entityIds: string[] },
  ): Promise<Page<AuditEntryResponse>> {
    const where: Prisma.AuditEntryWhereInput = {
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.entityType ? { entityType: query.entityType } : {}),
      ...(query.entityId ? { entityId: query.entityId } : {}),
      ...(query.action
        ? { action: query.action.endsWith('*') ? { startsWith: query.action.slice(0, -1) } : query.action }
        : {}),
      ...(query.from || query.to
        ? {
            at: {
              ...(query.from ? { gte: new Date(query.from) } : {}),
              ...(query.to ? { lte: endOfDay(query.to) } : {}),
            },
          }
        : {}),
      ...(restrictTo ? { entityType: restrictTo.entityType, entityId: { in: restrictTo.entityIds } } : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.prisma.auditEntry.findMany({
        where,
        orderBy: { seq: 'desc' },
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.db.prisma.auditEntry.count({ where }),
    ]);
    const actorIds = [...new Set(rows.map((r) => r.actorId).filter((v): v is string => !!v))];
    const actors = actorIds.length
      ? await this.db.prisma.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
      : [];
    const names = new Map(actors.map((a) => [a.id, a.name]));
    return {
      items: rows.map((r) => ({
        seq: r.seq.toString(),
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
        actorRole: r.actorRole,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        ip: r.ip,
        requestId: r.requestId,
        changes: (r.changes as AuditEntryResponse['changes']) ?? null,
        details: (r.details as AuditEntryResponse['details']) ?? null,
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

export interface ChainVerification {
  entries: number;
  firstBroken: { seq: string; reason: 'hash' | 'link' | 'gap' } | null;
}

/**
 * Recomputes every entry's hash in PostgreSQL and checks each link to the previous entry and
 * that no sequence number is missing (a deleted row). Reports the first broken entry.
 */
export async function verifyAuditChain(client: pg.Pool | pg.Client): Promise<ChainVerification> {
  const { rows } = await client.query<{ entries: string; seq: string | null; reason: 'hash' | 'link' | 'gap' | null }>(`
    WITH chain AS (
      SELECT seq, hash,
        audit_entry_hash(prev_hash, seq, id, at, actor_id, actor_role, action, entity_type, entity_id, ip,
                         request_id, changes, details) AS recomputed,
        prev_hash,
        lag(hash) OVER (ORDER BY seq) AS previous_hash,
        lag(seq) OVER (ORDER BY seq) AS previous_seq
      FROM audit_entry
    ), broken AS (
      SELECT seq,
        CASE WHEN hash <> recomputed THEN 'hash'
             WHEN prev_hash <> coalesce(previous_hash, '') THEN 'link'
             ELSE 'gap' END AS reason
      FROM chain
      WHERE hash <> recomputed OR prev_hash <> coalesce(previous_hash, '')
         OR (previous_seq IS NOT NULL AND seq <> previous_seq + 1)
      ORDER BY seq LIMIT 1
    )
    SELECT (SELECT count(*) FROM audit_entry) AS entries, broken.seq::text AS seq, broken.reason
    FROM (SELECT 1) one LEFT JOIN broken ON true`);
  const r = rows[0];
  return { entries: Number(r.entries), firstBroken: r.seq ? { seq: r.seq, reason: r.reason! } : null };
}
