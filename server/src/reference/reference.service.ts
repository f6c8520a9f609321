import { Injectable } from '@nestjs/common';
import type { Office, ReferenceItem } from '@mprc/contracts';
import { DatabaseService } from '../common/database/database.service.js';

const NAME_SELECT = { code: true, nameSq: true, nameSrLatn: true, nameSrCyrl: true, nameEn: true } as const;
type Named = { code: string; nameSq: string; nameSrLatn: string; nameSrCyrl: string; nameEn: string };
const toItem = (r: Named): ReferenceItem => ({ code: r.code, names: { sq: r.nameSq, srLatn: r.nameSrLatn, srCyrl: r.nameSrCyrl, en: r.nameEn } });

// Reference data changes only through migrations and the loader: cached per process for a minute.
const TTL_MS = 60_000;

@Injectable()
export class ReferenceService {
  private cache = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(private readonly db: DatabaseService) {}

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
    return this.cached('offices', async () =>
      (await this.db.prisma.office.findMany({ select: { ...NAME_SELECT, phone: true, hours: true, address: true }, orderBy: { code: 'desc' } })).map(
        (o) => ({ ...toItem(o), phone: o.phone, hours: o.hours, address: o.address }),
      ),
    );
  }
}
