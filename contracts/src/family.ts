import { z } from 'zod';
import { EmailSchema } from './auth.js';
import { parseCaseNumber } from './cases.js';
import { NO_NUL, pageOf, PageQuerySchema, text } from './common.js';
import { ContactLanguageSchema } from './locales.js';
import { OfficeHoursSchema } from './offices.js';

// The family portal: portal access (staff), the family's sign-in, what a family sees, and the
// messages between families and officers. Every family-facing response is a strict object: the
// server parses what it sends through these schemas, so a field that is not listed here never
// reaches a family.

// ---------------------------------------------------------------- access codes

/** 30 symbols without 0/O, 1/I/L or U/V: easy to read aloud, type and copy by hand. */
export const ACCESS_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** 12 symbols of 30: log2(30^12) ≈ 58.9 bits. */
export const ACCESS_CODE_LENGTH = 12;

/** What the family typed, as compared: upper case, without spaces or dashes. */
export function normalizeAccessCode(input: string): string {
  return input.toUpperCase().replace(/[\s\-_.]/g, '');
}

/** Groups of four for reading aloud: 7KX4-M9PQ-R2TW. */
export function formatAccessCode(raw: string): string {
  return normalizeAccessCode(raw).replace(/(.{4})(?=.)/g, '$1-');
}

export const ACCESS_CODE_PATTERN = new RegExp(`^[${ACCESS_CODE_ALPHABET}]{4}(-[${ACCESS_CODE_ALPHABET}]{4}){2}$`);

/**
 * Case numbers as typed by a family ("mp 123", "MP-000123"), as stored; anything else upper-cased.
 * The lockout counts per stored form, so spellings of one number share one counter.
 */
export const CaseNumberInputSchema = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(64, 'At most 64 characters')
  .transform((v) => parseCaseNumber(v) ?? v.toUpperCase());

// ---------------------------------------------------------------- stages

/**
 * The stage a family sees, as a stable key the client words in the family's language. Derived
 * from fate and workflow; news of remains shows only after the officer recorded that the family
 * was informed in person (until then the previous stage shows).
 */
export const FAMILY_STAGES = [
  'SEARCHING',
  'FOUND_ALIVE',
  'REMAINS_RECOVERED',
  'IDENTIFIED',
  'REMAINS_HANDED_OVER',
  'CLOSED',
] as const;
export const FamilyStageSchema = z.enum(FAMILY_STAGES);
export type FamilyStage = z.infer<typeof FamilyStageSchema>;

/** How a contact with the family took place (mirrors the contact channels of a case). */
export const FAMILY_CONTACT_CHANNELS = ['VISIT', 'PHONE', 'OFFICE_MEETING', 'LETTER', 'EMAIL', 'OTHER'] as const;
export const FamilyContactChannelSchema = z.enum(FAMILY_CONTACT_CHANNELS);

// ---------------------------------------------------------------- staff: portal access

export const PortalAccessIssuedSchema = z
  .strictObject({
    /** Shown once; only a hash is stored. */
    accessCode: z.string().regex(ACCESS_CODE_PATTERN),
    issuedAt: z.iso.datetime(),
    /** POST `{ accessCode }` here to get the printable letter (PDF); the code is not stored, so it travels back. */
    letterUrl: z.string(),
  })
  .meta({ id: 'PortalAccessIssued' });
export type PortalAccessIssued = z.infer<typeof PortalAccessIssuedSchema>;

export const PORTAL_ACCESS_STATES = ['NONE', 'ACTIVE', 'REVOKED'] as const;

export const PortalAccessStatusSchema = z
  .strictObject({
    relativeId: z.uuid(),
    caseNumber: z.string(),
    status: z.enum(PORTAL_ACCESS_STATES),
    issuedAt: z.iso.datetime().nullable(),
    issuedBy: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
    revokedAt: z.iso.datetime().nullable(),
    lastSignInAt: z.iso.datetime().nullable(),
    activeSessions: z.number().int(),
    /** Sign-in for this case number is locked after repeated wrong codes, until then (null: not locked). */
    familyLoginLockedUntil: z.iso.datetime().nullable(),
    /** Where notifications would go; false means the family is not notified by email. */
    hasEmail: z.boolean(),
  })
  .meta({ id: 'PortalAccessStatus' });
export type PortalAccessStatus = z.infer<typeof PortalAccessStatusSchema>;

export const CasePortalSummarySchema = z
  .strictObject({
    caseNumber: z.string(),
    familyLoginLockedUntil: z.iso.datetime().nullable(),
    relatives: z.array(
      z.strictObject({
        relativeId: z.uuid(),
        firstName: z.string(),
        lastName: z.string(),
        status: z.enum(PORTAL_ACCESS_STATES),
        issuedAt: z.iso.datetime().nullable(),
        revokedAt: z.iso.datetime().nullable(),
        lastSignInAt: z.iso.datetime().nullable(),
        hasEmail: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'CasePortalSummary' });
export type CasePortalSummary = z.infer<typeof CasePortalSummarySchema>;

export const PortalLetterRequestSchema = z
  .object({ accessCode: z.string().trim().min(1, 'Required').max(64) })
  .meta({ id: 'PortalLetterRequest' });
export type PortalLetterRequest = z.infer<typeof PortalLetterRequestSchema>;

export const PortalLetterQuerySchema = z.object({
  /** Serbian letters are in Latin script unless `cyrl` is asked for. */
  script: z.enum(['latn', 'cyrl']).optional(),
  /** Another language than the relative's preferred one. */
  language: ContactLanguageSchema.optional(),
});
export type PortalLetterQuery = z.infer<typeof PortalLetterQuerySchema>;

// ---------------------------------------------------------------- family: sign-in and profile

export const FamilyLoginRequestSchema = z
  .object({ caseNumber: CaseNumberInputSchema, accessCode: z.string().min(1, 'Required').max(64) })
  .meta({ id: 'FamilyLoginRequest' });
export type FamilyLoginRequest = z.infer<typeof FamilyLoginRequestSchema>;

export const FamilyProfileSchema = z
  .strictObject({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    preferredLanguage: ContactLanguageSchema,
  })
  .meta({ id: 'FamilyProfile' });
export type FamilyProfile = z.infer<typeof FamilyProfileSchema>;

export const FamilyCaseRefSchema = z.strictObject({ id: z.uuid(), caseNumber: z.string() });

export const FamilySessionResponseSchema = z
  .strictObject({
    relative: FamilyProfileSchema,
    csrfToken: z.string(),
    cases: z.array(FamilyCaseRefSchema),
    idleTimeoutMinutes: z.number().int(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'FamilySessionResponse' });
export type FamilySessionResponse = z.infer<typeof FamilySessionResponseSchema>;

// Omitted: unchanged; null or "": cleared.
const clearable = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(...NO_NUL)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));

export const UpdateFamilyProfileRequestSchema = z
  .object({
    phone: clearable(40).refine((v) => v == null || /^\+?[0-9 ()/.-]{5,40}$/.test(v), 'Not a valid phone number'),
    email: z.union([z.literal('').transform(() => null), z.null(), EmailSchema]).optional(),
    address: clearable(500),
    preferredLanguage: ContactLanguageSchema.optional(),
  })
  .meta({ id: 'UpdateFamilyProfileRequest' });
export type UpdateFamilyProfileRequest = z.infer<typeof UpdateFamilyProfileRequestSchema>;

// ---------------------------------------------------------------- family: cases

export const FamilyOfficeSchema = z.strictObject({
  code: z.string(),
  name: z.strictObject({ sq: z.string(), srLatn: z.string(), srCyrl: z.string(), en: z.string() }),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Opening hours per language (Serbian in Latin script); null when none are recorded. */
  hours: OfficeHoursSchema.nullable(),
  address: z.string().nullable(),
});

export const FamilyCaseSummarySchema = z
  .strictObject({
    id: z.uuid(),
    caseNumber: z.string(),
    missingPerson: z.strictObject({ firstName: z.string(), lastName: z.string() }),
    stage: FamilyStageSchema,
    /** The date of the last update the family can see. */
    lastUpdateAt: z.iso.datetime(),
    /** Replies from the office not read yet. */
    unreadMessages: z.number().int(),
  })
  .meta({ id: 'FamilyCaseSummary' });
export type FamilyCaseSummary = z.infer<typeof FamilyCaseSummarySchema>;

export const FamilyTimelineItemSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('CASE_OPENED'), at: z.iso.datetime() }),
    /** The stage changed; `message` is what the officer wrote for the family, if anything. */
    z.strictObject({
      kind: z.literal('STAGE_CHANGED'),
      at: z.iso.datetime(),
      stage: FamilyStageSchema,
      message: z.string().nullable(),
    }),
    /** A message written for the family on the case's timeline. */
    z.strictObject({ kind: z.literal('UPDATE'), at: z.iso.datetime(), message: z.string() }),
    /** A visit, call or meeting, with the summary written for the family. */
    z.strictObject({
      kind: z.literal('CONTACT'),
      at: z.iso.datetime(),
      channel: FamilyContactChannelSchema,
      summary: z.string(),
    }),
    z.strictObject({ kind: z.literal('DOCUMENT'), at: z.iso.datetime(), attachmentId: z.uuid(), fileName: z.string() }),
  ])
  .meta({ id: 'FamilyTimelineItem' });
export type FamilyTimelineItem = z.infer<typeof FamilyTimelineItemSchema>;

export const FamilyAttachmentSchema = z
  .strictObject({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'FamilyAttachment' });
export type FamilyAttachment = z.infer<typeof FamilyAttachmentSchema>;

export const FamilyMessageSchema = z
  .strictObject({
    id: z.uuid(),
    at: z.iso.datetime(),
    from: z.enum(['FAMILY', 'OFFICE']),
    body: z.string(),
    meetingRequested: z.boolean(),
    /** The officer who wrote an office reply (name only); null for the family's own messages. */
    authorName: z.string().nullable(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'FamilyMessage' });
export type FamilyMessage = z.infer<typeof FamilyMessageSchema>;

export const FamilyCaseDetailSchema = z
  .strictObject({
    ...FamilyCaseSummarySchema.shape,
    office: FamilyOfficeSchema,
    /** The liaison officer: name only (call the office phone). */
    liaisonOfficer: z.strictObject({ name: z.string() }).nullable(),
    /** The next planned follow-up on the case (YYYY-MM-DD), shown as the next appointment. */
    nextAppointment: z.iso.date().nullable(),
    timeline: z.array(FamilyTimelineItemSchema),
    attachments: z.array(FamilyAttachmentSchema),
    messages: z.array(FamilyMessageSchema),
  })
  .meta({ id: 'FamilyCaseDetail' });
export type FamilyCaseDetail = z.infer<typeof FamilyCaseDetailSchema>;

export const FamilyCaseListSchema = z
  .strictObject({ items: z.array(FamilyCaseSummarySchema) })
  .meta({ id: 'FamilyCaseList' });
export type FamilyCaseList = z.infer<typeof FamilyCaseListSchema>;

export const MESSAGE_MAX_LENGTH = 4000;

export const CreateFamilyMessageRequestSchema = z
  .object({ body: text(MESSAGE_MAX_LENGTH), meetingRequested: z.boolean().default(false) })
  .meta({ id: 'CreateFamilyMessageRequest' });
export type CreateFamilyMessageRequest = z.infer<typeof CreateFamilyMessageRequestSchema>;

export const MarkedReadSchema = z.strictObject({ updated: z.number().int() }).meta({ id: 'MarkedRead' });
export type MarkedRead = z.infer<typeof MarkedReadSchema>;

// ---------------------------------------------------------------- staff: messages from families

export const CaseMessageSchema = z
  .strictObject({
    id: z.uuid(),
    caseId: z.uuid(),
    fromFamily: z.boolean(),
    /** The family member who wrote it, or to whom a reply is addressed (null: every relative with access). */
    relative: z.strictObject({ id: z.uuid(), firstName: z.string(), lastName: z.string() }).nullable(),
    /** The officer who wrote a reply. */
    author: z.strictObject({ id: z.uuid(), name: z.string() }).nullable(),
    body: z.string(),
    meetingRequested: z.boolean(),
    createdAt: z.iso.datetime(),
    /** Family messages: read by staff; replies: read by the family. */
    readAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CaseMessage' });
export type CaseMessage = z.infer<typeof CaseMessageSchema>;

export const CaseMessageThreadSchema = z
  .strictObject({ items: z.array(CaseMessageSchema), unreadCount: z.number().int() })
  .meta({ id: 'CaseMessageThread' });
export type CaseMessageThread = z.infer<typeof CaseMessageThreadSchema>;

export const CreateCaseMessageRequestSchema = z
  .object({
    body: text(MESSAGE_MAX_LENGTH),
    /** Address one relative; without it every relative of the case with portal access sees the reply. */
    relativeId: z.uuid().optional(),
  })
  .meta({ id: 'CreateCaseMessageRequest' });
export type CreateCaseMessageRequest = z.infer<typeof CreateCaseMessageRequestSchema>;

export const InboxQuerySchema = PageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() });
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export const InboxItemSchema = z
  .strictObject({
    ...CaseMessageSchema.shape,
    caseNumber: z.string(),
    missingPerson: z.strictObject({ firstName: z.string(), lastName: z.string() }),
  })
  .meta({ id: 'InboxItem' });
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxPageSchema = pageOf(InboxItemSchema)
  .extend({ unreadCount: z.number().int() })
  .meta({ id: 'InboxPage' });
export type InboxPage = z.infer<typeof InboxPageSchema>;

export const UnreadCountSchema = z.strictObject({ unreadCount: z.number().int() }).meta({ id: 'UnreadCount' });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;
