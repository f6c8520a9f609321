import { Injectable } from '@nestjs/common';
import type { ConsentResponse, RelativeResponse } from '@mprc/contracts';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import type { Prisma } from '../generated/prisma/client.js';
import { scopeWhere, type CaseScope } from '../cases/case-scope.js';
import { dateOnly } from '../cases/office-time.js';

const CONSENT_SELECT = {
  id: true,
  relativeId: true,
  organisation: true,
  givenOn: true,
  withdrawnOn: true,
  createdAt: true,
} as const;
type ConsentRow = Prisma.ConsentGetPayload<{ select: typeof CONSENT_SELECT }>;

const day = (d: Date) => d.toISOString().slice(0, 10);
export const toConsentResponse = (c: ConsentRow): ConsentResponse => ({
  id: c.id,
  relativeId: c.relativeId,
  organisation: c.organisation,
  givenOn: day(c.givenOn),
  withdrawnOn: c.withdrawnOn ? day(c.withdrawnOn) : null,
  createdAt: c.createdAt.toISOString(),
});

/** One relative as linked to one case; their other cases only when the caller may read them. */
const linkSelect = (caseId: string, scope: CaseScope) =>
  ({
    caseId: true,
    relationship: true,
    isPrimaryContact: true,
    relative: {
      select: {
        id: true,
        firstName: true,
        lastName: true,
        phone: true,
        email: true,
        address: true,
        preferredLanguage: true,
        dnaSampleGiven: true,
        erasedAt: true,
        createdAt: true,
        updatedAt: true,
        consents: { select: CONSENT_SELECT, orderBy: [{ givenOn: 'asc' }, { createdAt: 'asc' }] },
        cases: {
          where: { caseId: { not: caseId }, case: { mergedIntoId: null, ...scopeWhere(scope) } },
          select: { case: { select: { id: true, caseNumber: true } } },
          orderBy: { case: { caseNumber: 'asc' } },
        },
      },
    },
  }) as const satisfies Prisma.CaseRelativeSelect;
type LinkRow = Prisma.CaseRelativeGetPayload<{ select: ReturnType<typeof linkSelect> }>;

const toRelativeResponse = (l: LinkRow): RelativeResponse => ({
  id: l.relative.id,
  caseId: l.caseId,
  firstName: l.relative.firstName,
  lastName: l.relative.lastName,
  relationship: l.relationship,
  isPrimaryContact: l.isPrimaryContact,
  phone: l.relative.phone,
  email: l.relative.email,
  address: l.relative.address,
  preferredLanguage: l.relative.preferredLanguage,
  dnaSampleGiven: l.relative.dnaSampleGiven,
  erased: !!l.relative.erasedAt,
  consents: l.relative.consents.map(toConsentResponse),
  otherCases: l.relative.cases.map((c) => c.case),
  createdAt: l.relative.createdAt.toISOString(),
  updatedAt: l.relative.updatedAt.toISOString(),
});

export interface RelativeDetails {
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  preferredLanguage: string;
  dnaSampleGiven: 'YES' | 'NO' | 'UNKNOWN';
}

type Client = Tx | DatabaseService['prisma'];

@Injectable()
export class RelativesRepository {
  constructor(private readonly db: DatabaseService) {}

  async listForCase(caseId: string, scope: CaseScope): Promise<RelativeResponse[]> {
    const rows = await this.db.prisma.caseRelative.findMany({
      where: { caseId },
      select: linkSelect(caseId, scope),
      orderBy: [{ isPrimaryContact: 'desc' }, { createdAt: 'asc' }],
    });
    return rows.map(toRelativeResponse);
  }

  async findOnCase(
    caseId: string,
    relativeId: string,
    scope: CaseScope,
    client: Client = this.db.prisma,
  ): Promise<RelativeResponse | null> {
    const row = await client.caseRelative.findUnique({
      where: { caseId_relativeId: { caseId, relativeId } },
      select: linkSelect(caseId, scope),
    });
    return row ? toRelativeResponse(row) : null;
  }

  /** Whether the relative is linked to some case the caller may read (so they may link it elsewhere). */
  async isVisible(tx: Tx, relativeId: string, scope: CaseScope): Promise<boolean> {
    const n = await tx.caseRelative.count({
      where: { relativeId, case: { mergedIntoId: null, ...scopeWhere(scope) } },
    });
    return n > 0;
  }

  async isLinked(tx: Tx, caseId: string, relativeId: string): Promise<boolean> {
    return (await tx.caseRelative.count({ where: { caseId, relativeId } })) === 1;
  }

  async create(tx: Tx, details: RelativeDetails): Promise<string> {
    const r = await tx.relative.create({ data: details, select: { id: true } });
    return r.id;
  }

  async link(
    tx: Tx,
    caseId: string,
    relativeId: string,
    relationship: string,
    isPrimaryContact: boolean,
  ): Promise<void> {
    if (isPrimaryContact) await this.clearPrimary(tx, caseId);
    await tx.caseRelative.create({ data: { caseId, relativeId, relationship, isPrimaryContact } });
  }

  /** One primary contact per case. */
  async clearPrimary(tx: Tx, caseId: string): Promise<void> {
    await tx.caseRelative.updateMany({ where: { caseId, isPrimaryContact: true }, data: { isPrimaryContact: false } });
  }

  async updateDetails(tx: Tx, relativeId: string, data: Partial<RelativeDetails>): Promise<void> {
    if (Object.keys(data).length) await tx.relative.update({ where: { id: relativeId }, data, select: { id: true } });
  }

  async updateLink(
    tx: Tx,
    caseId: string,
    relativeId: string,
    data: { relationship?: string; isPrimaryContact?: boolean },
  ): Promise<void> {
    if (data.isPrimaryContact) await this.clearPrimary(tx, caseId);
    if (Object.keys(data).length)
      await tx.caseRelative.update({ where: { caseId_relativeId: { caseId, relativeId } }, data });
  }

  async consents(relativeId: string): Promise<ConsentResponse[]> {
    const rows = await this.db.prisma.consent.findMany({
      where: { relativeId },
      select: CONSENT_SELECT,
      orderBy: [{ givenOn: 'asc' }, { createdAt: 'asc' }],
    });
    return rows.map(toConsentResponse);
  }

  async createConsent(tx: Tx, relativeId: string, organisation: string, givenOn: string): Promise<ConsentResponse> {
    const row = await tx.consent.create({
      data: { relativeId, organisation, givenOn: dateOnly(givenOn) },
      select: CONSENT_SELECT,
    });
    return toConsentResponse(row);
  }

  async findConsent(tx: Tx, relativeId: string, consentId: string): Promise<ConsentResponse | null> {
    const row = await tx.consent.findFirst({ where: { id: consentId, relativeId }, select: CONSENT_SELECT });
    return row ? toConsentResponse(row) : null;
  }

  async withdrawConsent(tx: Tx, consentId: string, withdrawnOn: string): Promise<ConsentResponse> {
    const row = await tx.consent.update({
      where: { id: consentId },
      data: { withdrawnOn: dateOnly(withdrawnOn) },
      select: CONSENT_SELECT,
    });
    return toConsentResponse(row);
  }
}
