import { z } from 'zod';
import { CaseRefSchema, DuplicateReasonSchema, PersonRefSchema, type ReferenceSystem } from './cases.js';
import { OfficeCodeSchema, PageQuerySchema, pageOf } from './common.js';
import { UiLanguageSchema } from './locales.js';
import { foldName } from './names.js';

// Importing existing lists (CSV or XLSX) as cases: upload, map the file's columns to our fields,
// dry run (every row validated with the case form's rules, duplicates found), commit in one
// transaction. Rows are numbered as a spreadsheet shows them: the header is row 1.

export const IMPORT_MAX_ROWS = 100_000;

/** Our fields a file column can be mapped to. The four reference fields become externalReferences. */
export const IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fatherName',
  'otherNames',
  'sex',
  'dateOfBirth',
  'placeOfBirth',
  'communityCode',
  'missingSince',
  'lastSeenMunicipalityCode',
  'lastSeenPlace',
  'circumstances',
  'officeCode',
  'icrcReference',
  'gcmpReference',
  'icmpReference',
  'otherReference',
] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportFieldSchema>;

/** Fields that several columns may feed (their values are joined). */
export const IMPORT_MULTI_FIELDS: readonly ImportField[] = ['otherNames'];

export const REFERENCE_FIELDS = {
  icrcReference: 'ICRC',
  gcmpReference: 'GCMP',
  icmpReference: 'ICMP',
  otherReference: 'OTHER',
} as const satisfies Partial<Record<ImportField, ReferenceSystem>>;

/** A file column's header -> our field. Columns left out are not imported. */
export const ImportMappingSchema = z
  .record(z.string().min(1).max(200), ImportFieldSchema)
  .superRefine((mapping, ctx) => {
    const used = new Map<ImportField, string>();
    for (const [column, field] of Object.entries(mapping)) {
      const earlier = used.get(field);
      if (earlier !== undefined && !IMPORT_MULTI_FIELDS.includes(field))
        ctx.addIssue({
          code: 'custom',
          path: [column],
          message: `${field} is already mapped from the column "${earlier}"`,
          params: { reason: 'mapped_twice' },
        });
      used.set(field, column);
    }
    for (const required of ['firstName', 'lastName'] as const)
      if (!used.has(required))
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: `Map a column to ${required}`,
          params: { reason: 'required_field', field: required },
        });
  })
  .meta({ id: 'ImportMapping', description: "The file's column headers and the field each one fills" });
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

const mappingRequest = {
  mapping: ImportMappingSchema,
  defaultOfficeCode: OfficeCodeSchema.optional().meta({
    description:
      'The office of rows whose office column is empty, or of every row when no column is mapped to officeCode',
  }),
};

export const IMPORT_STATUSES = ['UPLOADED', 'DRY_RUN', 'COMMITTED', 'FAILED'] as const;
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

/**
 * A row's outcome. VALID: would be created. INVALID: has errors. DUPLICATE: looks like an existing
 * case or an earlier row of the file. EXISTING: an external reference is already recorded on a
 * case, so the row is that case (skipped, never duplicated). CREATED: stored by the commit.
 */
export const IMPORT_ROW_STATUSES = ['VALID', 'INVALID', 'DUPLICATE', 'EXISTING', 'CREATED'] as const;
export const ImportRowStatusSchema = z.enum(IMPORT_ROW_STATUSES);
export type ImportRowStatus = z.infer<typeof ImportRowStatusSchema>;

/** Why a value was refused (the client words each one in the reader's language). */
export const IMPORT_ERROR_CODES = [
  'required',
  'too_long',
  'too_many',
  'date_format',
  'date_future',
  'date_too_early',
  'before_birth',
  'sex_unknown',
  'municipality_unknown',
  'community_unknown',
  'office_unknown',
  'office_required',
  'ambiguous',
  'reference_twice',
  'reference_in_file',
  'invalid',
] as const;
export const ImportErrorCodeSchema = z.enum(IMPORT_ERROR_CODES);
export type ImportErrorCode = z.infer<typeof ImportErrorCodeSchema>;

export const ImportRowErrorSchema = z
  .object({
    column: z.string().nullable().meta({ description: "The file's column header (null: no column, e.g. the office)" }),
    field: z.string().meta({ description: 'Our field, e.g. `dateOfBirth` or `externalReferences.0.reference`' }),
    code: ImportErrorCodeSchema,
    message: z.string().meta({ description: 'In English; clients word the code themselves' }),
    value: z.string().nullable(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'ImportRowError' });
export type ImportRowError = z.infer<typeof ImportRowErrorSchema>;

export const ImportCandidateSchema = z
  .object({
    caseId: z.uuid().nullable().meta({ description: 'An existing case (null: an earlier row of the file)' }),
    caseNumber: z.string().nullable(),
    rowNumber: z.number().int().nullable().meta({ description: 'An earlier row of the same file' }),
    firstName: z.string(),
    lastName: z.string(),
    fatherName: z.string().nullable(),
    birthYear: z.number().int().nullable(),
    score: z.number(),
    reasons: z.array(DuplicateReasonSchema),
  })
  .meta({ id: 'ImportCandidate' });
export type ImportCandidate = z.infer<typeof ImportCandidateSchema>;

export const ImportRowSchema = z
  .object({
    rowNumber: z.number().int(),
    status: ImportRowStatusSchema,
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    values: z.record(z.string(), z.string()).meta({ description: 'The mapped cells as read from the file, by column' }),
    errors: z.array(ImportRowErrorSchema),
    candidates: z.array(ImportCandidateSchema).meta({ description: 'Possible duplicates, best first' }),
    case: CaseRefSchema.nullable().meta({ description: 'EXISTING: the case it matched; CREATED: the new case' }),
  })
  .meta({ id: 'ImportRow' });
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const ImportCountsSchema = z
  .object({
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
    existing: z.number().int(),
    created: z.number().int(),
    skipped: z.number().int(),
  })
  .meta({ id: 'ImportCounts' });
export type ImportCounts = z.infer<typeof ImportCountsSchema>;

export const IMPORT_FILE_FORMATS = ['csv', 'xlsx'] as const;

export const ImportUsedMappingSchema = z
  .object({ mapping: z.record(z.string(), ImportFieldSchema), defaultOfficeCode: z.string().nullable() })
  .meta({ id: 'ImportUsedMapping' });
export type ImportUsedMapping = z.infer<typeof ImportUsedMappingSchema>;

export const ImportSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    fileFormat: z.enum(IMPORT_FILE_FORMATS),
    fileHash: z.string().meta({ description: 'SHA-256 of the file, hex' }),
    encoding: z
      .string()
      .nullable()
      .meta({ description: 'CSV: utf-8, utf-8-bom, utf-16le, windows-1250 or windows-1252' }),
    delimiter: z.string().nullable().meta({ description: 'CSV: , ; tab or |' }),
    sheetName: z.string().nullable().meta({ description: 'XLSX: the sheet read (the first)' }),
    rowCount: z.number().int().meta({ description: 'Data rows (the header not counted, empty rows left out)' }),
    columns: z.array(z.string()).meta({ description: 'Column headers (made unique; an empty header is named [n])' }),
    proposedMapping: z.record(z.string(), ImportFieldSchema),
    sampleRows: z.array(z.array(z.string())).meta({ description: 'The first data rows, cells by column' }),
    status: ImportStatusSchema,
    usedMapping: ImportUsedMappingSchema.nullable().meta({ description: 'The mapping of the last dry run' }),
    counts: ImportCountsSchema,
    sameFile: z
      .array(z.object({ id: z.uuid(), status: ImportStatusSchema, createdAt: z.iso.datetime() }))
      .meta({ description: 'Earlier uploads of the same file (by hash)' }),
    createdBy: PersonRefSchema.nullable(),
    createdAt: z.iso.datetime(),
    committedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Import' });
export type ImportResponse = z.infer<typeof ImportSchema>;

export const ImportListItemSchema = ImportSchema.pick({
  id: true,
  fileName: true,
  fileFormat: true,
  rowCount: true,
  status: true,
  counts: true,
  createdBy: true,
  createdAt: true,
  committedAt: true,
}).meta({ id: 'ImportListItem' });
export type ImportListItem = z.infer<typeof ImportListItemSchema>;
export const ImportPageSchema = pageOf(ImportListItemSchema).meta({ id: 'ImportPage' });

export const DryRunRequestSchema = z.object(mappingRequest).meta({ id: 'ImportDryRunRequest' });
export type DryRunRequest = z.infer<typeof DryRunRequestSchema>;

export const DRY_RUN_FIRST_ROWS = 50;
export const DryRunResponseSchema = z
  .object({
    id: z.uuid(),
    total: z.number().int(),
    valid: z.number().int(),
    invalid: z.number().int(),
    duplicates: z.number().int(),
    existing: z.number().int(),
    rows: z.array(ImportRowSchema).meta({
      description: `The first ${DRY_RUN_FIRST_ROWS} rows; GET /imports/{id}/rows pages through all of them`,
    }),
  })
  .meta({ id: 'ImportDryRunResponse' });
export type DryRunResponse = z.infer<typeof DryRunResponseSchema>;

export const IMPORT_ROW_FILTERS = ['all', 'invalid', 'duplicates', 'existing', 'valid', 'created'] as const;
export const ImportRowFilterSchema = z.enum(IMPORT_ROW_FILTERS);
export type ImportRowFilter = z.infer<typeof ImportRowFilterSchema>;

export const ImportRowsQuerySchema = PageQuerySchema.extend({
  filter: ImportRowFilterSchema.default('all'),
});
export type ImportRowsQuery = z.infer<typeof ImportRowsQuerySchema>;
export const ImportRowPageSchema = pageOf(ImportRowSchema).meta({ id: 'ImportRowPage' });

const rowNumbers = z
  .array(z.number().int().min(2).max(10_000_000))
  .max(IMPORT_MAX_ROWS)
  .meta({ description: 'Row numbers as in the report (the header is row 1)' });

export const CommitRequestSchema = z
  .object({
    ...mappingRequest,
    excludeRows: rowNumbers
      .optional()
      .meta({ description: 'Rows not to import (invalid and duplicate rows must be here)' }),
    includeDuplicates: rowNumbers
      .optional()
      .meta({ description: 'Duplicate rows checked by the manager and imported anyway' }),
    excludeInvalid: z
      .boolean()
      .optional()
      .meta({ description: 'Leave out every row with errors (no need to list them)' }),
    duplicates: z.enum(['exclude', 'include']).optional().meta({
      description: 'What to do with the possible duplicates not listed in excludeRows or includeDuplicates',
    }),
  })
  .meta({ id: 'ImportCommitRequest' });
export type CommitRequest = z.infer<typeof CommitRequestSchema>;

export const CommitResponseSchema = z
  .object({
    id: z.uuid(),
    created: z.number().int(),
    skipped: z.number().int().meta({ description: 'Rows not created: excluded, or existing by external reference' }),
    existing: z.number().int(),
    excluded: z.number().int(),
  })
  .meta({ id: 'ImportCommitResponse' });
export type CommitResponse = z.infer<typeof CommitResponseSchema>;

export const IMPORT_REPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ImportReportQuerySchema = z.object({
  format: z.enum(IMPORT_REPORT_FORMATS).default('csv'),
  lang: UiLanguageSchema.optional().meta({ description: "Headers and messages; default: the browser's language" }),
});
export type ImportReportQuery = z.infer<typeof ImportReportQuerySchema>;

export const ImportListQuerySchema = PageQuerySchema;

// ---------------------------------------------------------------- saved mappings

export const SaveImportMappingRequestSchema = z
  .object({
    name: z.string().trim().min(1, 'Required').max(100, 'At most 100 characters'),
    ...mappingRequest,
  })
  .meta({ id: 'SaveImportMappingRequest' });
export type SaveImportMappingRequest = z.infer<typeof SaveImportMappingRequestSchema>;

export const SavedImportMappingSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    mapping: z.record(z.string(), ImportFieldSchema),
    defaultOfficeCode: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'SavedImportMapping' });
export type SavedImportMapping = z.infer<typeof SavedImportMappingSchema>;
export const SavedImportMappingListSchema = z.array(SavedImportMappingSchema).meta({ id: 'SavedImportMappingList' });

/**
 * A saved mapping applied to a file's columns: headers are compared folded (letter case, script
 * and diacritics do not matter: "Datëlindja" = "DATELINDJA"); columns the mapping does not know
 * stay unmapped.
 */
export function applySavedMapping(columns: readonly string[], saved: Record<string, ImportField>): ImportMapping {
  const byFolded = new Map<string, ImportField>();
  for (const [header, field] of Object.entries(saved)) byFolded.set(foldName(header), field);
  const out: ImportMapping = {};
  for (const column of columns) {
    const field = byFolded.get(foldName(column));
    if (field) out[column] = field;
  }
  return out;
}
