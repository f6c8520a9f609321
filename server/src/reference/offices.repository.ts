import { Injectable } from '@nestjs/common';
import { officeHoursOrNull, type Office, type UpdateOfficeFields } from '@mprc/contracts';
import { DatabaseService, type Tx } from '../common/database/database.service.js';

/** An office's contact details, as the admin page, letters and emails show them. */
export const OFFICE_SELECT = {
  code: true,
  nameSq: true,
  nameSrLatn: true,
  nameSrCyrl: true,
  nameEn: true,
  phone: true,
  email: true,
  hoursSq: true,
  hoursSr: true,
  hoursEn: true,
  address: true,
} as const;

type OfficeRow = {
  code: string;
  nameSq: string;
  nameSrLatn: string;
  nameSrCyrl: string;
  nameEn: string;
  phone: string | null;
  email: string | null;
  hoursSq: string | null;
  hoursSr: string | null;
  hoursEn: string | null;
  address: string | null;
};

export const toOffice = (o: OfficeRow): Office => ({
  code: o.code,
  names: { sq: o.nameSq, srLatn: o.nameSrLatn, srCyrl: o.nameSrCyrl, en: o.nameEn },
  phone: o.phone,
  email: o.email,
  hours: officeHoursOrNull({ sq: o.hoursSq, sr: o.hoursSr, en: o.hoursEn }),
  address: o.address,
});

/** The flat, audited shape of an office's editable contact details. */
export const contactOf = (o: Pick<OfficeRow, 'phone' | 'email' | 'hoursSq' | 'hoursSr' | 'hoursEn'>) => ({
  phone: o.phone,
  email: o.email,
  hoursSq: o.hoursSq,
  hoursSr: o.hoursSr,
  hoursEn: o.hoursEn,
});

@Injectable()
export class OfficesRepository {
  constructor(private readonly db: DatabaseService) {}

  async list(): Promise<Office[]> {
    return (await this.db.prisma.office.findMany({ select: OFFICE_SELECT, orderBy: { code: 'desc' } })).map(toOffice);
  }

  findByCode(tx: Tx, code: string): Promise<(OfficeRow & { id: string }) | null> {
    return tx.office.findUnique({ where: { code }, select: { ...OFFICE_SELECT, id: true } });
  }

  async updateContact(tx: Tx, id: string, fields: UpdateOfficeFields): Promise<Office> {
    const updated = await tx.office.update({
      where: { id },
      data: {
        phone: fields.phone,
        email: fields.email,
        hoursSq: fields.hours?.sq,
        hoursSr: fields.hours?.sr,
        hoursEn: fields.hours?.en,
      },
      select: OFFICE_SELECT,
    });
    return toOffice(updated);
  }
}
