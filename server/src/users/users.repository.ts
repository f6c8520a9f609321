import { Injectable } from '@nestjs/common';
import type { ListUsersQuery, Page, UserResponse } from '@mprc/contracts';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import type { Prisma } from '../generated/prisma/client.js';

export const USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  isActive: true,
  mfaEnabledAt: true,
  lastLoginAt: true,
  createdAt: true,
  officeId: true,
  office: { select: { code: true } },
} as const;
type UserRow = Prisma.UserGetPayload<{ select: typeof USER_SELECT }>;

export const toUserResponse = (u: UserRow): UserResponse => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  officeCode: u.office?.code ?? null,
  isActive: u.isActive,
  mfaEnabled: !!u.mfaEnabledAt,
  lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
});

@Injectable()
export class UsersRepository {
  constructor(private readonly db: DatabaseService) {}

  async list(query: ListUsersQuery): Promise<Page<UserResponse>> {
    const where: Prisma.UserWhereInput = {
      role: query.role ?? { not: 'FAMILY' },
      ...(query.officeCode ? { office: { code: query.officeCode } } : {}),
      ...(query.active ? { isActive: query.active === 'true' } : {}),
      ...(query.q
        ? {
            OR: [
              { name: { contains: query.q, mode: 'insensitive' } },
              { email: { contains: query.q, mode: 'insensitive' } },
            ],
          }
        : {}),
    };
    const [rows, total] = await Promise.all([
      this.db.prisma.user.findMany({
        where,
        select: USER_SELECT,
        orderBy: [{ isActive: 'desc' }, { name: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.db.prisma.user.count({ where }),
    ]);
    return { items: rows.map(toUserResponse), total, page: query.page, pageSize: query.pageSize };
  }

  findById(id: string, tx?: Tx): Promise<UserRow | null> {
    return (tx ?? this.db.prisma).user.findUnique({ where: { id }, select: USER_SELECT });
  }

  async officeIdByCode(code: string, tx: Tx): Promise<string | null> {
    const office = await tx.office.findUnique({ where: { code }, select: { id: true } });
    return office?.id ?? null;
  }
}
