import { Injectable } from '@nestjs/common';
import type { Office, ReferenceItem, UpdateOfficeFields } from '@mprc/contracts';
import { diffChanges } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { contactOf, OfficesRepository } from './offices.repository.js';

const NAME_SELECT = { code: true, nameSq: true, nameSrLatn: true, nameSrCyrl: true, nameEn: true } as const;
type Named = { code: string; nameSq: string; nameSrLatn: string; nameSrCyrl: string; nameEn: string };
const toItem = (r: Named): ReferenceItem => ({
  code: r.code,
  names: { sq: r.nameSq, srLatn: r.nameSrLatn, srCyrl: r.nameSrCyrl, en: r.nameEn },
});

// Names change only through migrations and the loader; an office's contact details through the
// admin page, which clears this process's cache (other instances catch up within the minute).
const TTL_MS = 60_000;

@Injectable()
export class ReferenceService {
  private cache = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly db: DatabaseService,
    private readonly officesRepo: OfficesRepository,
    private readonly audit: AuditService,
  ) {}

  private cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value as Promise<T>;
    const value = load().catch((e: unknown) => {
      this.cache.delete(key);
      throw e;
    });
    this.cache.set(key, { at: Date.now(), value });
    return value;
  }

  municipalities(): Promise<ReferenceItem[]> {
    return this.cached('municipalities', async () =>
      (await this.db.prisma.municipality.findMany({ select: NAME_SELECT, orderBy: { nameSq: 'asc' } })).map(toItem),
    );
  }

  communities(): Promise<ReferenceItem[]> {
    return this.cached('communities', async () =>
      (await this.db.prisma.community.findMany({ select: NAME_SELECT, orderBy: { code: 'asc' } })).map(toItem),
    );
  }

  offices(): Promise<Office[]> {
    return this.cached('offices', () => this.officesRepo.list());
  }

  /** An administrator edits an office's phone, email and opening hours (audited with the change). */
  async updateOffice(actor: Actor, meta: RequestMeta, code: string, fields: UpdateOfficeFields): Promise<Office> {
    const office = await this.db.transaction(async (tx) => {
      const before = await this.officesRepo.findByCode(tx, code);
      if (!before) throw AppError.notFound('Office');
      const after = await this.officesRepo.updateContact(tx, before.id, fields);
      await this.audit.record(tx, actor, meta, {
        action: 'office.update',
        entityType: 'Office',
        entityId: before.id,
        changes: diffChanges(contactOf(before), {
          phone: after.phone,
          email: after.email,
          hoursSq: after.hours?.sq ?? null,
          hoursSr: after.hours?.sr ?? null,
          hoursEn: after.hours?.en ?? null,
        }),
        details: { code },
      });
      return after;
    });
    this.cache.delete('offices');
    return office;
  }
}
