import { z } from 'zod';
import { OfficeHoursSchema } from './offices.js';

export const LocalizedNamesSchema = z.object({
  sq: z.string(),
  srLatn: z.string(),
  srCyrl: z.string(),
  en: z.string(),
});
export type LocalizedNames = z.infer<typeof LocalizedNamesSchema>;

export const ReferenceItemSchema = z
  .object({ code: z.string(), names: LocalizedNamesSchema })
  .meta({ id: 'ReferenceItem' });
export type ReferenceItem = z.infer<typeof ReferenceItemSchema>;
export const ReferenceListSchema = z.array(ReferenceItemSchema).meta({ id: 'ReferenceList' });

export const OfficeSchema = ReferenceItemSchema.extend({
  phone: z.string().nullable(),
  // A default keeps clients of the first version of this response working.
  email: z.string().nullable().default(null),
  /** Null when no language has opening hours. */
  hours: OfficeHoursSchema.nullable(),
  address: z.string().nullable(),
}).meta({ id: 'Office' });
export type Office = z.infer<typeof OfficeSchema>;
export const OfficeListSchema = z.array(OfficeSchema).meta({ id: 'OfficeList' });

/** Picks the name for an interface language. */
export function localizedName(names: LocalizedNames, language: string): string {
  if (language === 'sr-Cyrl') return names.srCyrl;
  if (language.startsWith('sr')) return names.srLatn;
  if (language === 'en') return names.en;
  return names.sq;
}
