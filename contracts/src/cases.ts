import { z } from 'zod';
import { FateStatusSchema, WorkflowStatusSchema } from './case-status.js';
import { OfficeCodeSchema, PageQuerySchema, optionalText, pageOf, text } from './common.js';
import {
  certainlyBefore,
  OptionalPartialDateSchema,
  PartialDateBoundSchema,
  PastDateSchema,
  partialDateRange,
} from './partial-date.js';

// ---------------------------------------------------------------- case numbers

/** Case numbers: `MP-` and at least six digits from a sequence; unique, never reused, easy to read aloud. */
export const CASE_NUMBER_PREFIX = 'MP-';
export const formatCaseNumber = (n: number | bigint): string => `${CASE_NUMBER_PREFIX}${String(n).padStart(6, '0')}`;

/** Reads what a person types for a case number ("MP-000123", "mp 123", "000123") as the stored form. */
export function parseCaseNumber(input: string): string | null {
  const m = /^\s*(?:mp)?[\s-]*0*(\d{1,15})\s*$/i.exec(input);
  return m ? formatCaseNumber(BigInt(m[1])) : null;
}

/** A case in a path: its id (UUID) or its case number. */
export const CaseKeySchema = z
  .string()
  .trim()
  .refine(
    (v) => z.uuid().safeParse(v).success || /^MP-\d{6,15}$/i.test(v),
    'A case id (UUID) or a case number (MP-000123)',
  )
  .transform((v) => (/^MP-/i.test(v) ? v.toUpperCase() : v.toLowerCase()))
  .meta({ description: 'Case id (UUID) or case number (MP-000123)' });

/**
 * Cross-field checks run even when a field already failed (zod skips them by default), so a form
 * shows every problem at once. The checks must tolerate invalid field values.
 */
export const EVEN_WITH_FIELD_ERRORS = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

// ---------------------------------------------------------------- the record

export const SEXES = ['MALE', 'FEMALE', 'UNKNOWN'] as const;
export const SexSchema = z.enum(SEXES);
export type Sex = z.infer<typeof SexSchema>;

export const REFERENCE_SYSTEMS = ['ICRC', 'GCMP', 'ICMP', 'OTHER'] as const;
export const ReferenceSystemSchema = z.enum(REFERENCE_SYSTEMS);
export type ReferenceSystem = z.infer<typeof ReferenceSystemSchema>;

export const ExternalReferenceSchema = z
  .object({ system: ReferenceSystemSchema, reference: text(100) })
  .meta({ id: 'ExternalReference' });
export type ExternalReference = z.infer<typeof ExternalReferenceSchema>;

/** Reference-data codes (municipalities, communities): checked against the tables by the server. */
export const ReferenceCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'Unknown code');
const optionalCode = z.preprocess((v) => (v === '' ? null : v), ReferenceCodeSchema.nullish());

const externalReferences = z
  .array(ExternalReferenceSchema)
  .max(20)
  .superRefine((refs, ctx) => {
    const seen = new Set<string>();
    refs.forEach((r, i) => {
      const key = `${r.system}:${r.reference.toUpperCase()}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'reference'], message: 'Listed twice' });
      seen.add(key);
    });
  });

// No defaults here: an update must tell "absent" (unchanged) from a value.
const caseFields = {
  firstName: text(100),
  lastName: text(100),
  fatherName: optionalText(100),
  otherNames: z.array(text(200)).max(20).meta({ description: 'Other names and spellings of the person' }),
  sex: SexSchema,
  dateOfBirth: OptionalPartialDateSchema,
  communityCode: optionalCode,
  placeOfBirth: optionalText(200),
  missingSince: OptionalPartialDateSchema,
  lastSeenMunicipalityCode: optionalCode,
  lastSeenPlace: optionalText(500),
  circumstances: optionalText(10_000),
  externalReferences,
};

/** Missing since a date certainly before birth is refused; partial dates compare as ranges. */
export function checkCaseDates(
  v: { dateOfBirth?: string | null; missingSince?: string | null },
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
): void {
  if (v.dateOfBirth && v.missingSince && certainlyBefore(v.missingSince, v.dateOfBirth)) {
    ctx.addIssue({ code: 'custom', path: ['missingSince'], message: 'Missing since a date before the date of birth' });
  }
}

export const CreateCaseRequestSchema = z
  .object({
    ...caseFields,
    otherNames: caseFields.otherNames.default([]),
    sex: SexSchema.default('UNKNOWN'),
    externalReferences: externalReferences.default([]),
    officeCode: OfficeCodeSchema.optional().meta({
      description: "Defaults to the liaison officer's own office; required for managers",
    }),
    assignedOfficerId: z
      .uuid()
      .nullish()
      .meta({ description: 'A liaison officer of the case office; defaults to the creating officer' }),
  })
  .superRefine(checkCaseDates, EVEN_WITH_FIELD_ERRORS)
  .meta({ id: 'CreateCaseRequest' });
export type CreateCaseRequest = z.infer<typeof CreateCaseRequestSchema>;
export type CreateCaseInput = z.input<typeof CreateCaseRequestSchema>;

export const UpdateCaseRequestSchema = z
  .object({
    firstName: caseFields.firstName.optional(),
    lastName: caseFields.lastName.optional(),
    fatherName: caseFields.fatherName.optional(),
    otherNames: caseFields.otherNames.optional(),
    sex: caseFields.sex.optional(),
    dateOfBirth: caseFields.dateOfBirth.optional(),
    communityCode: caseFields.communityCode.optional(),
    placeOfBirth: caseFields.placeOfBirth.optional(),
    missingSince: caseFields.missingSince.optional(),
    lastSeenMunicipalityCode: caseFields.lastSeenMunicipalityCode.optional(),
    lastSeenPlace: caseFields.lastSeenPlace.optional(),
    circumstances: caseFields.circumstances.optional(),
    externalReferences: externalReferences
      .optional()
      .meta({ description: 'The complete list (replaces the current one)' }),
    officeCode: OfficeCodeSchema.optional().meta({ description: 'Moving a case to another office needs case.assign' }),
    photoAttachmentId: z
      .uuid()
      .nullable()
      .optional()
      .meta({ description: 'An image attachment of this case, or null' }),
    version: z
      .number()
      .int()
      .min(1)
      .meta({ description: 'The version the change is based on; a stale one answers 409' }),
  })
  .superRefine(checkCaseDates, EVEN_WITH_FIELD_ERRORS)
  .meta({ id: 'UpdateCaseRequest' });
export type UpdateCaseRequest = z.infer<typeof UpdateCaseRequestSchema>;

export const PersonRefSchema = z.object({ id: z.uuid(), name: z.string() }).meta({ id: 'PersonRef' });
export type PersonRef = z.infer<typeof PersonRefSchema>;
export const CaseRefSchema = z.object({ id: z.uuid(), caseNumber: z.string() }).meta({ id: 'CaseRef' });
export type CaseRef = z.infer<typeof CaseRefSchema>;

export const CaseResponseSchema = z
  .object({
    id: z.uuid(),
    caseNumber: z.string(),
    version: z.number().int(),
    firstName: z.string(),
    lastName: z.string(),
    fatherName: z.string().nullable(),
    otherNames: z.array(z.string()),
    sex: SexSchema,
    dateOfBirth: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    communityCode: z.string().nullable(),
    placeOfBirth: z.string().nullable(),
    missingSince: z.string().nullable(),
    lastSeenMunicipalityCode: z.string().nullable(),
    lastSeenPlace: z.string().nullable(),
    circumstances: z.string().nullable(),
    officeCode: z.string(),
    assignedOfficer: PersonRefSchema.nullable(),
    fateStatus: FateStatusSchema,
    workflowStatus: WorkflowStatusSchema,
    familyInformedAt: z.iso.datetime().nullable(),
    photoAttachmentId: z.uuid().nullable(),
    externalReferences: z.array(ExternalReferenceSchema),
    mergedFrom: z.array(CaseRefSchema).meta({ description: 'Cases merged into this one (their numbers resolve here)' }),
    resolvedFrom: CaseRefSchema.nullable().meta({
      description: 'Set when the requested case was merged into this one',
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Case' });
export type CaseResponse = z.infer<typeof CaseResponseSchema>;

// ---------------------------------------------------------------- list and search

export const CASE_SORTS = [
  'relevance',
  'caseNumber',
  '-caseNumber',
  'lastName',
  '-lastName',
  'missingSince',
  '-missingSince',
  'updatedAt',
  '-updatedAt',
  'createdAt',
  '-createdAt',
] as const;
export const CaseSortSchema = z.enum(CASE_SORTS);
export type CaseSort = z.infer<typeof CaseSortSchema>;

export const CaseListQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ description: 'Names in any script or spelling (typos tolerated), a case number or an external reference' }),
  fateStatus: FateStatusSchema.optional(),
  workflowStatus: WorkflowStatusSchema.optional(),
  communityCode: ReferenceCodeSchema.optional(),
  municipalityCode: ReferenceCodeSchema.optional().meta({ description: 'Last-seen municipality' }),
  officeCode: OfficeCodeSchema.optional(),
  missingFrom: PartialDateBoundSchema.optional().meta({
    description: 'Cases that may have gone missing on or after this (partial) date',
  }),
  missingTo: PartialDateBoundSchema.optional().meta({
    description: 'Cases that may have gone missing on or before this (partial) date',
  }),
  assignedOfficerId: z.union([z.uuid(), z.enum(['me', 'none'])]).optional(),
  sort: CaseSortSchema.optional().meta({ description: 'Default: relevance with q, else -updatedAt' }),
}).superRefine((v, ctx) => {
  if (v.missingFrom && v.missingTo) {
    const from = partialDateRange(v.missingFrom);
    const to = partialDateRange(v.missingTo);
    if (from && to && to.to < from.from)
      ctx.addIssue({ code: 'custom', path: ['missingTo'], message: 'Before missingFrom' });
  }
});
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const CaseListItemSchema = z
  .object({
    id: z.uuid(),
    caseNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    fatherName: z.string().nullable(),
    otherNames: z.array(z.string()),
    sex: SexSchema,
    dateOfBirth: z.string().nullable(),
    missingSince: z.string().nullable(),
    communityCode: z.string().nullable(),
    lastSeenMunicipalityCode: z.string().nullable(),
    officeCode: z.string(),
    assignedOfficer: PersonRefSchema.nullable(),
    fateStatus: FateStatusSchema,
    workflowStatus: WorkflowStatusSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    score: z.number().nullable().meta({ description: 'Search similarity 0..1 when q is given' }),
  })
  .meta({ id: 'CaseListItem' });
export type CaseListItem = z.infer<typeof CaseListItemSchema>;
export const CasePageSchema = pageOf(CaseListItemSchema)
  .extend({
    totalIsLowerBound: z
      .boolean()
      .default(false)
      .meta({
        description:
          'True when `total` is a lower bound ("at least"): a name search whose exact matches fill the page counts ' +
          'at most 1,000 of them and leaves near spellings uncounted',
      }),
  })
  .meta({ id: 'CasePage' });
export type CasePage = z.output<typeof CasePageSchema>;

// ---------------------------------------------------------------- status, assignment, merge

export const ChangeCaseStatusRequestSchema = z
  .object({
    fateStatus: FateStatusSchema.optional(),
    workflowStatus: WorkflowStatusSchema.optional(),
    note: text(4000).meta({ description: 'Why; required (a correction needs a reason)' }),
    familyMessage: optionalText(4000).meta({
      description: 'A message for the family, in their language; makes the event family-visible',
    }),
    version: z.number().int().min(1).optional().meta({ description: 'When given, a stale version answers 409' }),
  })
  .superRefine((v, ctx) => {
    if (!v.fateStatus && !v.workflowStatus)
      ctx.addIssue({ code: 'custom', path: ['fateStatus'], message: 'Give fateStatus, workflowStatus or both' });
  })
  .meta({ id: 'ChangeCaseStatusRequest' });
export type ChangeCaseStatusRequest = z.infer<typeof ChangeCaseStatusRequestSchema>;

export const FamilyInformedRequestSchema = z
  .object({
    note: text(4000),
    informedOn: PastDateSchema.meta({ description: 'The day the family was told in person' }),
  })
  .meta({ id: 'FamilyInformedRequest' });
export type FamilyInformedRequest = z.infer<typeof FamilyInformedRequestSchema>;

export const AssignCaseRequestSchema = z
  .object({
    officerId: z.uuid().nullable().meta({ description: 'A liaison officer of the case office, or null to unassign' }),
    version: z.number().int().min(1).optional(),
  })
  .meta({ id: 'AssignCaseRequest' });
export type AssignCaseRequest = z.infer<typeof AssignCaseRequestSchema>;

export const MergeCaseRequestSchema = z
  .object({
    duplicateCaseId: z.uuid().meta({ description: 'The case that is merged into this one and closed' }),
    version: z.number().int().min(1).meta({ description: 'Version of the surviving case' }),
  })
  .meta({ id: 'MergeCaseRequest' });
export type MergeCaseRequest = z.infer<typeof MergeCaseRequestSchema>;

// ---------------------------------------------------------------- timeline

export const CASE_EVENT_TYPES = [
  'CREATED',
  'FATE_CHANGED',
  'WORKFLOW_CHANGED',
  'FAMILY_INFORMED',
  'NOTE',
  'CONTACT_LOGGED',
  'MERGED',
  'FAMILY_MESSAGE',
  'NOTIFICATION_SENT',
  'PORTAL_ACCESS',
] as const;
export const CaseEventTypeSchema = z.enum(CASE_EVENT_TYPES);
export type CaseEventType = z.infer<typeof CaseEventTypeSchema>;

export const CaseEventSchema = z
  .object({
    id: z.uuid(),
    type: CaseEventTypeSchema,
    at: z.iso.datetime(),
    actor: PersonRefSchema.nullable(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    note: z.string().nullable(),
    familyMessage: z.string().nullable(),
    familyVisible: z.boolean(),
    data: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'CaseEvent' });
export type CaseEventResponse = z.infer<typeof CaseEventSchema>;
export const CaseTimelineSchema = z.array(CaseEventSchema).meta({ id: 'CaseTimeline' });

export const CaseHistoryQuerySchema = PageQuerySchema;
export type CaseHistoryQuery = z.infer<typeof CaseHistoryQuerySchema>;

// ---------------------------------------------------------------- duplicates

export const DUPLICATE_REASONS = [
  'LAST_NAME_SAME',
  'LAST_NAME_SIMILAR',
  'FIRST_NAME_SAME',
  'FIRST_NAME_SIMILAR',
  'FATHER_NAME_SAME',
  'FATHER_NAME_SIMILAR',
  'FATHER_NAME_DIFFERENT',
  'BIRTH_YEAR_SAME',
  'BIRTH_YEAR_CLOSE',
  'BIRTH_YEAR_DIFFERENT',
  'MUNICIPALITY_SAME',
  'MUNICIPALITY_DIFFERENT',
] as const;
export const DuplicateReasonSchema = z.enum(DUPLICATE_REASONS);
export type DuplicateReason = z.infer<typeof DuplicateReasonSchema>;

export const DuplicateQuerySchema = z
  .object({
    firstName: z.string().trim().max(100).optional(),
    lastName: z.string().trim().max(100).optional(),
    fatherName: z.string().trim().max(100).optional(),
    birthYear: z.coerce.number().int().min(1850).max(2100).optional(),
    municipalityCode: ReferenceCodeSchema.optional(),
    excludeCaseId: z.uuid().optional().meta({ description: 'Leave this case out (editing an existing case)' }),
  })
  .superRefine((v, ctx) => {
    if (!v.firstName && !v.lastName)
      ctx.addIssue({ code: 'custom', path: ['lastName'], message: 'Give a last name or a first name' });
  });
export type DuplicateQuery = z.infer<typeof DuplicateQuerySchema>;

export const DuplicateCandidateSchema = z
  .object({
    caseId: z.uuid(),
    caseNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    fatherName: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    municipalityCode: z.string().nullable(),
    officeCode: z.string(),
    fateStatus: FateStatusSchema,
    workflowStatus: WorkflowStatusSchema,
    score: z.number().meta({ description: '0..1; 0.5 and above are shown' }),
    reasons: z.array(DuplicateReasonSchema),
  })
  .meta({ id: 'DuplicateCandidate' });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidateSchema>;
export const DuplicateCandidateListSchema = z.array(DuplicateCandidateSchema).meta({ id: 'DuplicateCandidateList' });
