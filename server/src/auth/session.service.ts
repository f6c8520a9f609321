import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@mprc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../common/auth/actor.js';
import { requestMeta } from '../common/auth/actor.js';
import { SessionResolver } from '../common/auth/session-resolver.js';
import { DatabaseService } from '../common/database/database.service.js';
import { CONFIG } from '../config/config.module.js';
import type { Config } from '../config/config.js';
import { AuditService } from '../audit/audit.service.js';
import { SESSION_COOKIE } from './session.constants.js';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

interface SessionRow {
  id: string;
  role: Role;
  csrf_token: string;
  mfa_pending: boolean;
  stale: boolean;
  user_id: string | null;
  relative_id: string | null;
  user_role: Role | null;
  user_name: string | null;
  email: string | null;
  is_active: boolean | null;
  office_id: string | null;
  office_code: string | null;
  relative_name: string | null;
  portal_open: boolean | null;
}

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

/**
 * Sessions live in PostgreSQL: the cookie carries a random token, the table only its SHA-256,
 * so a leaked table opens nothing; any app instance can serve any session; revoking is a write.
 */
@Injectable()
export class SessionService extends SessionResolver {
  constructor(
    private readonly db: DatabaseService,
    private readonly audit: AuditService,
    @Inject(CONFIG) private readonly config: Config,
  ) {
    super();
  }

  async resolve(request: FastifyRequest): Promise<Actor | null> {
    const token = request.cookies?.[SESSION_COOKIE];
    if (!token || token.length > 128) return null;
    const id = hashToken(token);
    // Runs before every request: a named (prepared) statement, parsed and planned once per connection.
    const { rows } = await this.db.pool.query<SessionRow>({
      name: 'session-resolve',
      text: `SELECT s.id, s.role, s.csrf_token, s.mfa_pending, s.user_id, s.relative_id,
              s.last_seen_at < now() - interval '30 seconds' AS stale,
              u.role AS user_role, u.name AS user_name, u.email, u.is_active, u.office_id, o.code AS office_code,
              r.first_name || ' ' || r.last_name AS relative_name,
              (pa.id IS NOT NULL AND pa.revoked_at IS NULL) AS portal_open
         FROM session s
         LEFT JOIN app_user u ON u.id = s.user_id
         LEFT JOIN office o ON o.id = u.office_id
         LEFT JOIN relative r ON r.id = s.relative_id
         LEFT JOIN portal_access pa ON pa.relative_id = s.relative_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
          AND s.last_seen_at > now() - make_interval(mins => $2)`,
      values: [id, this.config.SESSION_IDLE_MINUTES],
    });
    const s = rows[0];
    if (!s) return null;
    if (s.user_id ? !s.is_active : !s.portal_open) return null;
    // Sliding idle timeout, written at most every 30 s so reads stay cheap.
    if (s.stale) await this.db.pool.query('UPDATE session SET last_seen_at = now() WHERE id = $1', [id]);
    if (s.user_id) {
      return {
        kind: 'staff',
        sessionId: id,
        role: s.user_role!,
        userId: s.user_id,
        officeId: s.office_id,
        officeCode: s.office_code,
        name: s.user_name!,
        email: s.email!,
        csrfToken: s.csrf_token,
        mfaPending: s.mfa_pending,
      };
    }
    return {
      kind: 'family',
      sessionId: id,
      role: 'FAMILY',
      relativeId: s.relative_id!,
      name: s.relative_name ?? '',
      csrfToken: s.csrf_token,
      mfaPending: false,
    };
  }

  async recordDenial(request: FastifyRequest, actor: Actor | null, reason: string): Promise<void> {
    await this.audit.record(null, actor, requestMeta(request), {
      action: 'access.denied',
      details: { reason, method: request.method, path: request.url.split('?')[0] },
    });
  }

  /** Creates a session; a previous session on the same browser is revoked (id rotation). */
  async create(
    request: FastifyRequest,
    owner: { userId?: string; relativeId?: string; role: Role; mfaPending?: boolean },
  ): Promise<NewSession> {
    const previous = request.cookies?.[SESSION_COOKIE];
    if (previous)
      await this.db.pool.query('UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [
        hashToken(previous),
      ]);
    const token = randomBytes(32).toString('base64url');
    const id = hashToken(token);
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.SESSION_ABSOLUTE_HOURS * 3_600_000);
    await this.db.pool.query(
      `INSERT INTO session (id, user_id, relative_id, role, csrf_token, mfa_pending, expires_at, ip, user_agent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        owner.userId ?? null,
        owner.relativeId ?? null,
        owner.role,
        csrfToken,
        owner.mfaPending ?? false,
        expiresAt,
        request.ip,
        (request.headers['user-agent'] ?? '').slice(0, 300),
      ],
    );
    // Opportunistic clean-up of long-dead sessions; cheap with the expires_at index.
    if (Math.random() < 0.05)
      await this.db.pool.query(`DELETE FROM session WHERE expires_at < now() - interval '7 days'`);
    return { token, id, csrfToken, expiresAt };
  }

  setCookie(reply: FastifyReply, session: NewSession): void {
    void reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: this.config.cookieSecure,
      expires: session.expiresAt,
    });
  }

  clearCookie(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.cookieSecure,
    });
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.pool.query('UPDATE session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
  }

  async completeMfa(sessionId: string): Promise<void> {
    await this.db.pool.query('UPDATE session SET mfa_pending = false WHERE id = $1', [sessionId]);
  }

  /** Ends every session of a user (deactivation, password change), except optionally one. */
  async revokeAllForUser(
    userId: string,
    exceptSessionId?: string,
    tx?: { $executeRaw: DatabaseService['prisma']['$executeRaw'] },
  ): Promise<void> {
    const client = tx ?? this.db.prisma;
    await client.$executeRaw`UPDATE session SET revoked_at = now()
      WHERE user_id = ${userId}::uuid AND revoked_at IS NULL AND id <> ${exceptSessionId ?? ''}`;
  }

  idleMinutes(): number {
    return this.config.SESSION_IDLE_MINUTES;
  }
}
