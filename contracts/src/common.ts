import { z } from 'zod';

export const UuidSchema = z.uuid();

/** Page-based pagination shared by list endpoints. */
export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});
export type PageQuery = z.infer<typeof PageQuerySchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

// PostgreSQL text cannot hold U+0000: refused here as invalid input (400 naming the field), not a 500 from the database.
export const NO_NUL = [(v: string) => !v.includes('\u0000'), 'Must not contain a NUL character'] as const;

/** Trimmed text with a maximum length; empty strings are refused. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine(...NO_NUL);
/** Optional trimmed text: empty strings become null (a cleared field). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(...NO_NUL)
    .nullish()
    .transform((v) => (v ? v : null));

export const OFFICE_CODES = ['PRISTINA', 'MITROVICA'] as const;
/** Office codes are reference data; PRISTINA and MITROVICA are seeded, others may be added. */
export const OfficeCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,31}$/, 'Unknown office code');
