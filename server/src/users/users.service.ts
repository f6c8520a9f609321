import { Injectable } from '@nestjs/common';
import type {
  CreateUserRequest,
  ListUsersQuery,
  Page,
  ResetCodeResponse,
  UpdateUserRequest,
  UserResponse,
} from '@mprc/contracts';
import { createHash, randomBytes } from 'node:crypto';
import { diffChanges } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { SessionService } from '../auth/session.service.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { hashPassword } from '../common/auth/passwords.js';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { assertPasswordAllowed } from './password-policy.js';
import { toUserResponse, UsersRepository } from './users.repository.js';

const RESET_CODE_HOURS = 24;
const RESET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: DatabaseService,
    private readonly users: UsersRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  list(query: ListUsersQuery): Promise<Page<UserResponse>> {
    return this.users.list(query);
  }

  async get(id: string): Promise<UserResponse> {
    const user = await this.users.findById(id);
    if (!user || user.role === 'FAMILY') throw AppError.notFound('User');
    return toUserResponse(user);
  }

  async create(actor: Actor | null, meta: RequestMeta | null, body: CreateUserRequest): Promise<UserResponse> {
    assertPasswordAllowed(body.password, 'password', [body.email, body.name]);
    const passwordHash = await hashPassword(body.password);
    return this.db.transaction(async (tx) => {
      const officeId = await this.resolveOffice(tx, body.role, body.officeCode ?? null);
      if (await tx.user.findUnique({ where: { email: body.email }, select: { id: true } }))
        throw new AppError('CONFLICT', 'A user with this email already exists', {
          errors: [{ field: 'email', message: 'Already in use', code: 'duplicate' }],
        });
      const created = await tx.user.create({
        data: { email: body.email, name: body.name, role: body.role, officeId, passwordHash },
        select: { id: true },
      });
      await this.audit.record(tx, actor, meta, {
        action: 'user.create',
        entityType: 'User',
        entityId: created.id,
        changes: diffChanges(
          {},
          { email: body.email, name: body.name, role: body.role, officeCode: body.officeCode ?? null },
        ),
      });
      return toUserResponse((await this.users.findById(created.id, tx))!);
    });
  }

  async update(actor: Actor, meta: RequestMeta, id: string, body: UpdateUserRequest): Promise<UserResponse> {
    return this.db.transaction(async (tx) => {
      const before = await this.users.findById(id, tx);
      if (!before || before.role === 'FAMILY') throw AppError.notFound('User');
      if (id === actor.userId && (body.isActive === false || (body.role && body.role !== before.role)))
        throw new AppError('FORBIDDEN', 'You cannot deactivate yourself or change your own role');
      const role = body.role ?? before.role;
      const officeCode = body.officeCode !== undefined ? body.officeCode : (before.office?.code ?? null);
      const officeId = await this.resolveOffice(tx, role, officeCode);
      if (before.role === 'ADMIN' && (role !== 'ADMIN' || body.isActive === false)) {
        const admins = await tx.user.count({ where: { role: 'ADMIN', isActive: true, id: { not: id } } });
        if (admins === 0) throw new AppError('CONFLICT', 'This is the last active administrator');
      }
      await tx.user.update({
        where: { id },
        data: {
          ...(body.name ? { name: body.name } : {}),
          role,
          officeId,
          ...(body.isActive !== undefined ? { isActive: body.isActive } : {}),
        },
      });
      // A deactivated account, or one whose role or office changed, signs in again.
      if (body.isActive === false || role !== before.role || officeId !== before.officeId)
        await this.sessions.revokeAllForUser(id, undefined, tx);
      const changes = diffChanges(
        { name: before.name, role: before.role, officeCode: before.office?.code ?? null, isActive: before.isActive },
        { name: body.name, role: body.role, officeCode: body.officeCode, isActive: body.isActive },
      );
      await this.audit.record(tx, actor, meta, {
        action:
          body.isActive === false
            ? 'user.deactivate'
            : body.isActive === true && !before.isActive
              ? 'user.reactivate'
              : 'user.update',
        entityType: 'User',
        entityId: id,
        changes,
      });
      return toUserResponse((await this.users.findById(id, tx))!);
    });
  }

  async issueResetCode(actor: Actor, meta: RequestMeta, id: string): Promise<ResetCodeResponse> {
    const bytes = randomBytes(10);
    const raw = [...bytes].map((b) => RESET_ALPHABET[b % RESET_ALPHABET.length]).join('');
    const resetCode = `${raw.slice(0, 5)}-${raw.slice(5)}`;
    const expiresAt = new Date(Date.now() + RESET_CODE_HOURS * 3_600_000);
    await this.db.transaction(async (tx) => {
      const user = await this.users.findById(id, tx);
      if (!user || user.role === 'FAMILY') throw AppError.notFound('User');
      await tx.user.update({
        where: { id },
        data: { resetCodeHash: createHash('sha256').update(resetCode).digest('hex'), resetCodeExpiresAt: expiresAt },
      });
      await this.audit.record(tx, actor, meta, {
        action: 'user.reset_code_issued',
        entityType: 'User',
        entityId: id,
        details: { expiresAt: expiresAt.toISOString() },
      });
    });
    return { resetCode, expiresAt: expiresAt.toISOString() };
  }

  private async resolveOffice(tx: Tx, role: string, officeCode: string | null): Promise<string | null> {
    if (role === 'LIAISON_OFFICER' && !officeCode)
      throw AppError.field('officeCode', 'A liaison officer belongs to an office');
    if (!officeCode) return null;
    const officeId = await this.users.officeIdByCode(officeCode, tx);
    if (!officeId) throw AppError.field('officeCode', `Unknown office code ${officeCode}`);
    return officeId;
  }
}
