import { z } from 'zod';
import { CaseRefSchema, EVEN_WITH_FIELD_ERRORS } from './cases.js';
import { optionalText, text } from './common.js';
import { ContactLanguageSchema } from './locales.js';
import { PastDateSchema } from './partial-date.js';

export const RELATIONSHIPS = [
  'MOTHER',
  'FATHER',
  'SPOUSE',
  'SON',
  'DAUGHTER',
  'BROTHER',
  'SISTER',
  'GRANDPARENT',
  'GRANDCHILD',
  'UNCLE',
  'AUNT',
  'NEPHEW',
  'NIECE',
  'COUSIN',
  'IN_LAW',
  'OTHER',
] as const;
export const RelationshipSchema = z
  .enum(RELATIONSHIPS)
  .meta({ description: "The relative's relationship to the missing person" });
export type Relationship = z.infer<typeof RelationshipSchema>;

export const DNA_SAMPLE_VALUES = ['YES', 'NO', 'UNKNOWN'] as const;
export const DnaSampleSchema = z
  .enum(DNA_SAMPLE_VALUES)
  .meta({ description: 'Whether a DNA reference sample was given (no other DNA detail is kept)' });
export type DnaSample = z.infer<typeof DnaSampleSchema>;

export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()/.-]{3,28}[0-9]$/, 'A phone number: digits, spaces, + ( ) / . -');
const optionalPhone = z.preprocess((v) => (v === '' ? null : v), PhoneSchema.nullish());
const optionalEmail = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() || null : v),
  z.email('An email address').max(254).nullish(),
);

const personFields = {
  firstName: text(100),
  lastName: text(100),
  phone: optionalPhone,
  email: optionalEmail,
  address: optionalText(500),
  preferredLanguage: ContactLanguageSchema,
  dnaSampleGiven: DnaSampleSchema,
};

/**
 * Adds a relative to a case: a new person (names and details), or an existing relative linked to
 * this case too (`relativeId`, e.g. a mother of two missing sons).
 */
export const CreateRelativeRequestSchema = z
  .object({
    relativeId: z
      .uuid()
      .optional()
      .meta({ description: 'Link an existing relative (of a case you can read) instead of creating one' }),
    firstName: personFields.firstName.optional(),
    lastName: personFields.lastName.optional(),
    phone: personFields.phone.optional(),
    email: personFields.email.optional(),
    address: personFields.address.optional(),
    preferredLanguage: personFields.preferredLanguage.optional(),
    dnaSampleGiven: personFields.dnaSampleGiven.optional(),
    relationship: RelationshipSchema,
    isPrimaryContact: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    const details = [
      'firstName',
      'lastName',
      'phone',
      'email',
      'address',
      'preferredLanguage',
      'dnaSampleGiven',
    ] as const;
    if (v.relativeId) {
      for (const key of details) {
        if (v[key] !== undefined && v[key] !== null)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'When linking an existing relative, change their details on the relative',
          });
      }
    } else {
      if (!v.firstName) ctx.addIssue({ code: 'custom', path: ['firstName'], message: 'Required' });
      if (!v.lastName) ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'Required' });
    }
  }, EVEN_WITH_FIELD_ERRORS)
  .meta({ id: 'CreateRelativeRequest' });
export type CreateRelativeRequest = z.infer<typeof CreateRelativeRequestSchema>;

export const UpdateRelativeRequestSchema = z
  .object({
    firstName: personFields.firstName.optional(),
    lastName: personFields.lastName.optional(),
    phone: personFields.phone.optional(),
    email: personFields.email.optional(),
    address: personFields.address.optional(),
    preferredLanguage: personFields.preferredLanguage.optional(),
    dnaSampleGiven: personFields.dnaSampleGiven.optional(),
    relationship: RelationshipSchema.optional(),
    isPrimaryContact: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' })
  .meta({ id: 'UpdateRelativeRequest' });
export type UpdateRelativeRequest = z.infer<typeof UpdateRelativeRequestSchema>;

export const ConsentSchema = z
  .object({
    id: z.uuid(),
    relativeId: z.uuid(),
    organisation: z.string(),
    givenOn: z.iso.date(),
    withdrawnOn: z.iso.date().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Consent' });
export type ConsentResponse = z.infer<typeof ConsentSchema>;
export const ConsentListSchema = z.array(ConsentSchema).meta({ id: 'ConsentList' });

/** Organisations named on consent forms; others are written out. */
export const CONSENT_ORGANISATIONS = ['ICRC', 'GCMP', 'ICMP'] as const;

export const CreateConsentRequestSchema = z
  .object({
    organisation: text(200).meta({ description: 'ICRC, GCMP, ICMP or the name of another organisation' }),
    givenOn: PastDateSchema,
  })
  .meta({ id: 'CreateConsentRequest' });
export type CreateConsentRequest = z.infer<typeof CreateConsentRequestSchema>;

export const WithdrawConsentRequestSchema = z
  .object({ withdrawnOn: PastDateSchema })
  .meta({ id: 'WithdrawConsentRequest' });
export type WithdrawConsentRequest = z.infer<typeof WithdrawConsentRequestSchema>;

export const RelativeResponseSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    relationship: z.string(),
    isPrimaryContact: z.boolean(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    preferredLanguage: z.string(),
    dnaSampleGiven: DnaSampleSchema,
    erased: z.boolean(),
    consents: z.array(ConsentSchema),
    otherCases: z
      .array(CaseRefSchema)
      .meta({ description: 'Other cases this relative is linked to (those you may read)' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Relative' });
export type RelativeResponse = z.infer<typeof RelativeResponseSchema>;
export const RelativeListSchema = z.array(RelativeResponseSchema).meta({ id: 'RelativeList' });
