import { z } from 'zod';
import { text } from './common.js';
import { PhoneSchema } from './relatives.js';
import { latinToCyrillic } from './transliterate.js';

// An office's contact details as families see them in the portal, their letters and emails.
// Administrators edit them (PATCH /api/v1/reference/offices/:code, reference.manage).

export const OFFICE_HOURS_LANGUAGES = ['sq', 'sr', 'en'] as const;
export type OfficeHoursLanguage = (typeof OFFICE_HOURS_LANGUAGES)[number];

/** Opening hours as free text per language ("Mon-Fri 08:00-16:00"); Serbian in Latin script. */
export const OfficeHoursSchema = z
  .object({ sq: z.string().nullable(), sr: z.string().nullable(), en: z.string().nullable() })
  .meta({ id: 'OfficeHours' });
export type OfficeHours = z.infer<typeof OfficeHoursSchema>;

export const OFFICE_HOURS_MAX = 200;

// '' clears a value, like null.
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optionalHours = z.preprocess(blankToNull, text(OFFICE_HOURS_MAX).nullish());

export const UpdateOfficeRequestSchema = z
  .strictObject({
    phone: z.preprocess(blankToNull, PhoneSchema.nullish()),
    email: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() || null : v),
      z.email('An email address').max(254).nullish(),
    ),
    hours: z
      .strictObject({ sq: optionalHours, sr: optionalHours, en: optionalHours })
      .optional()
      .meta({ description: 'Opening hours per language; a language left out keeps its text, null clears it' }),
  })
  .refine((v) => v.phone !== undefined || v.email !== undefined || v.hours !== undefined, {
    message: 'Nothing to change',
  })
  .meta({ id: 'UpdateOfficeRequest' });
export type UpdateOfficeRequest = z.input<typeof UpdateOfficeRequestSchema>;
export type UpdateOfficeFields = z.output<typeof UpdateOfficeRequestSchema>;

/**
 * The opening hours for an interface or letter language (`sq`, `sr-Latn`, `sr-Cyrl`, `sr`, `en`,
 * or a relative's language such as `tr`): that language's text, else English, Albanian, Serbian.
 * Serbian text is transliterated for Cyrillic.
 */
export function officeHoursFor(hours: OfficeHours | null | undefined, language: string): string | null {
  if (!hours) return null;
  const key: OfficeHoursLanguage = language.startsWith('sr') ? 'sr' : language === 'sq' ? 'sq' : 'en';
  const order: OfficeHoursLanguage[] = [key, ...(['en', 'sq', 'sr'] as const).filter((l) => l !== key)];
  for (const l of order) {
    const value = hours[l];
    if (value) return l === 'sr' && language === 'sr-Cyrl' ? latinToCyrillic(value) : value;
  }
  return null;
}

/** Null when no language has hours. */
export function officeHoursOrNull(hours: OfficeHours): OfficeHours | null {
  return hours.sq || hours.sr || hours.en ? hours : null;
}
