import {
  CreateCaseRequestSchema,
  partialDateRange,
  REFERENCE_FIELDS,
  yearOf,
  type ExternalReference,
  type ImportErrorCode,
  type ImportField,
  type ImportMapping,
  type ImportRowError,
  type Sex,
} from '@mprc/contracts';
import type { z } from 'zod';
import { ReferenceResolver, splitList, toPartialDate, toSex, type Resolution } from './import-values.js';

// One file row -> the case it would create, checked with the case form's own schema
// (CreateCaseRequestSchema) after the cells were turned into form values. Every error names the
// file's column it came from.

export interface ColumnPlan {
  index: number;
  column: string;
  field: ImportField;
}

/** The mapped columns in file order (columns the mapping names but the file lacks are dropped). */
export function planColumns(columns: readonly string[], mapping: ImportMapping): ColumnPlan[] {
  const plan: ColumnPlan[] = [];
  columns.forEach((column, index) => {
    const field = mapping[column];
    if (field) plan.push({ index, column, field });
  });
  return plan;
}

/** A case ready to insert: the form's values with reference codes resolved to ids. */
export interface ImportCaseData {
  firstName: string;
  lastName: string;
  fatherName: string | null;
  otherNames: string[];
  sex: Sex;
  dateOfBirth: string | null;
  birthYear: number | null;
  communityId: string | null;
  communityCode: string | null;
  placeOfBirth: string | null;
  missingSince: string | null;
  /** First day of the partial date, YYYY-MM-DD. */
  missingSinceFrom: string | null;
  lastSeenMunicipalityId: string | null;
  municipalityCode: string | null;
  lastSeenPlace: string | null;
  circumstances: string | null;
  officeId: string;
  officeCode: string;
  externalReferences: ExternalReference[];
}

export interface BuiltRow {
  values: Record<string, string>;
  firstName: string | null;
  lastName: string | null;
  errors: ImportRowError[];
  data: ImportCaseData | null;
  /** The column of each external reference (by index in data.externalReferences). */
  referenceColumns: string[];
}

export interface RowContext {
  municipalities: ReferenceResolver;
  communities: ReferenceResolver;
  offices: ReferenceResolver;
  defaultOffice: { id: string; code: string } | null;
}

const TEXT_FIELDS = ['firstName', 'lastName', 'fatherName', 'placeOfBirth', 'lastSeenPlace', 'circumstances'] as const;

function zodCode(issue: z.core.$ZodIssue, field: string, absent: boolean): ImportErrorCode {
  if (issue.code === 'too_small' || (issue.code === 'invalid_type' && absent)) return 'required';
  if (issue.code === 'too_big') return issue.origin === 'array' ? 'too_many' : 'too_long';
  if (issue.code === 'custom') {
    const reason = (issue.params as { reason?: string } | undefined)?.reason;
    if (reason === 'format') return 'date_format';
    if (reason === 'future') return 'date_future';
    if (reason === 'too_early') return 'date_too_early';
    if (field === 'missingSince') return 'before_birth';
    if (/externalReferences\.\d+\.reference/.test(field)) return 'reference_twice';
  }
  return 'invalid';
}

export function buildRow(cells: readonly string[], plan: readonly ColumnPlan[], ctx: RowContext): BuiltRow {
  const values: Record<string, string> = {};
  const raw = new Map<ImportField, string>();
  const columnOf = new Map<string, string>();
  const otherNames: string[] = [];
  const refs: ExternalReference[] = [];
  const referenceColumns: string[] = [];
  for (const p of plan) {
    const cell = (cells[p.index] ?? '').trim();
    if (cell) values[p.column] = cell;
    if (!columnOf.has(p.field)) columnOf.set(p.field, p.column);
    if (p.field === 'otherNames') otherNames.push(...splitList(cell));
    else if (p.field in REFERENCE_FIELDS) {
      for (const reference of cell
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)) {
        refs.push({ system: REFERENCE_FIELDS[p.field as keyof typeof REFERENCE_FIELDS], reference });
        referenceColumns.push(p.column);
      }
    } else if (!raw.has(p.field)) raw.set(p.field, cell);
  }

  const errors: ImportRowError[] = [];
  const fail = (field: string, code: ImportErrorCode, message: string, params?: ImportRowError['params']) => {
    const column = columnOf.get(field) ?? null;
    errors.push({
      column,
      field,
      code,
      message,
      value: column ? (values[column] ?? null) : null,
      ...(params ? { params } : {}),
    });
  };

  const input: Record<string, unknown> = { otherNames, externalReferences: refs };
  for (const f of TEXT_FIELDS) input[f] = raw.get(f) || (f === 'firstName' || f === 'lastName' ? undefined : null);

  const sexText = raw.get('sex') ?? '';
  const sex = toSex(sexText);
  if (sex === null)
    fail('sex', 'sex_unknown', `Unknown sex "${sexText}": use M/F, Mashkull/Femër, Muški/Ženski or Male/Female`);
  input.sex = sex ?? 'UNKNOWN';
  input.dateOfBirth = toPartialDate(raw.get('dateOfBirth') ?? '');
  input.missingSince = toPartialDate(raw.get('missingSince') ?? '');

  const resolve = (field: 'communityCode' | 'lastSeenMunicipalityCode' | 'officeCode', resolver: ReferenceResolver) => {
    const text = raw.get(field) ?? '';
    if (!text) return null;
    const r: Resolution = resolver.resolve(text);
    if (r.ok) return r;
    const what = field === 'communityCode' ? 'community' : field === 'officeCode' ? 'office' : 'municipality';
    if (r.reason === 'ambiguous')
      fail(field, 'ambiguous', `"${text}" fits several: ${r.codes.join(', ')}`, { codes: r.codes.join(', ') });
    else fail(field, `${what}_unknown` as ImportErrorCode, `Unknown ${what} "${text}"`);
    return undefined;
  };
  const community = resolve('communityCode', ctx.communities);
  const municipality = resolve('lastSeenMunicipalityCode', ctx.municipalities);
  let office = resolve('officeCode', ctx.offices);
  if (office === null) {
    office = ctx.defaultOffice ? { ok: true, ...ctx.defaultOffice } : null;
    if (!office) fail('officeCode', 'office_required', 'No office: map an office column or choose a default office');
  }
  input.communityCode = community?.code ?? null;
  input.lastSeenMunicipalityCode = municipality?.code ?? null;
  input.officeCode = office?.code;

  const parsed = CreateCaseRequestSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const field = path.join('.');
      const code = zodCode(issue, field, input[path[0]] === undefined);
      if (path[0] === 'externalReferences' && path.length > 1) {
        const column = referenceColumns[Number(path[1])] ?? null;
        errors.push({ column, field, code, message: issue.message, value: refs[Number(path[1])]?.reference ?? null });
      } else if (path[0] === 'sex' && sex === null) {
        continue; // already reported
      } else {
        const column = columnOf.get(path[0]) ?? null;
        const message = code === 'required' ? 'Required' : issue.message;
        errors.push({ column, field, code, message, value: column ? (values[column] ?? null) : null });
      }
    }
  }
  const firstName = (raw.get('firstName') || null) as string | null;
  const lastName = (raw.get('lastName') || null) as string | null;
  if (errors.length || !parsed.success || !office)
    return { values, firstName, lastName, errors, data: null, referenceColumns };

  const v = parsed.data;
  return {
    values,
    firstName,
    lastName,
    errors,
    referenceColumns,
    data: {
      firstName: v.firstName,
      lastName: v.lastName,
      fatherName: v.fatherName,
      otherNames: v.otherNames,
      sex: v.sex,
      dateOfBirth: v.dateOfBirth ?? null,
      birthYear: v.dateOfBirth ? yearOf(v.dateOfBirth) : null,
      communityId: community?.id ?? null,
      communityCode: community?.code ?? null,
      placeOfBirth: v.placeOfBirth,
      missingSince: v.missingSince ?? null,
      missingSinceFrom: v.missingSince ? partialDateRange(v.missingSince)!.from : null,
      lastSeenMunicipalityId: municipality?.id ?? null,
      municipalityCode: municipality?.code ?? null,
      lastSeenPlace: v.lastSeenPlace,
      circumstances: v.circumstances,
      officeId: office.id,
      officeCode: office.code,
      externalReferences: v.externalReferences,
    },
  };
}
