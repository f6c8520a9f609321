import { Injectable } from '@nestjs/common';
import type { ReferralResponse } from '@mprc/contracts';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import type { Prisma } from '../generated/prisma/client.js';

const REFERRAL_SELECT = {
  id: true,
  caseId: true,
  service: true,
  organisation: true,
  purpose: true,
  status: true,
  referredOn: true,
  closedOn: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ReferralSelect;
type ReferralRow = Prisma.ReferralGetPayload<{ select: typeof REFERRAL_SELECT }> & { createdByName?: string | null };

const day = (d: Date) => d.toISOString().slice(0, 10);

@Injectable()
export class ReferralsRepository {
  constructor(private readonly db: DatabaseService) {}

  // Referral has no relation to its author in the schema: names come from one extra query.
  private async withAuthors(rows: ReferralRow[], client: Tx | DatabaseService['prisma']): Promise<ReferralResponse[]> {
    const ids = [...new Set(rows.map((r) => r.createdById).filter((v): v is string => !!v))];
    const users = ids.length
      ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      service: r.service as ReferralResponse['service'],
      organisation: r.organisation,
      purpose: r.purpose,
      status: r.status,
      referredOn: day(r.referredOn),
      closedOn: r.closedOn ? day(r.closedOn) : null,
      createdBy: r.createdById ? { id: r.createdById, name: names.get(r.createdById) ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  async listForCase(caseId: string): Promise<ReferralResponse[]> {
    const rows = await this.db.prisma.referral.findMany({
      where: { caseId },
      select: REFERRAL_SELECT,
      orderBy: [{ referredOn: 'desc' }, { createdAt: 'desc' }],
    });
    return this.withAuthors(rows, this.db.prisma);
  }

  async find(tx: Tx, caseId: string, referralId: string): Promise<ReferralResponse | null> {
    const row = await tx.referral.findFirst({ where: { id: referralId, caseId }, select: REFERRAL_SELECT });
    return row ? (await this.withAuthors([row], tx))[0] : null;
  }

  async create(tx: Tx, data: Prisma.ReferralUncheckedCreateInput): Promise<string> {
    return (await tx.referral.create({ data, select: { id: true } })).id;
  }

  async update(tx: Tx, referralId: string, data: Prisma.ReferralUncheckedUpdateInput): Promise<void> {
    await tx.referral.update({ where: { id: referralId }, data, select: { id: true } });
  }
}
