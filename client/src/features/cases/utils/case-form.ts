import {
  CreateCaseRequestSchema,
  UpdateCaseRequestSchema,
  type CaseResponse,
  type CreateCaseRequest,
  type ReferenceSystem,
  type Sex,
  type UpdateCaseRequest,
} from '@mprc/contracts';
import { z } from 'zod';

/** What the case form holds: text inputs hold '' for "not known", never null. */
export interface CaseFormValues {
  firstName: string;
  lastName: string;
  fatherName: string;
  otherNames: string[];
  sex: Sex;
  dateOfBirth: string;
  communityCode: string;
  placeOfBirth: string;
  missingSince: string;
  lastSeenMunicipalityCode: string;
  lastSeenPlace: string;
  circumstances: string;
  officeCode: string;
  externalReferences: { system: ReferenceSystem; reference: string }[];
}

export const CASE_FORM_FIELDS = [
  'firstName',
  'lastName',
  'fatherName',
  'otherNames',
  'sex',
  'dateOfBirth',
  'communityCode',
  'placeOfBirth',
  'missingSince',
  'lastSeenMunicipalityCode',
  'lastSeenPlace',
  'circumstances',
  'officeCode',
  'externalReferences',
] as const satisfies readonly (keyof CaseFormValues)[];

export function emptyCaseForm(): CaseFormValues {
  return {
    firstName: '',
    lastName: '',
    fatherName: '',
    otherNames: [],
    sex: 'UNKNOWN',
    dateOfBirth: '',
    communityCode: '',
    placeOfBirth: '',
    missingSince: '',
    lastSeenMunicipalityCode: '',
    lastSeenPlace: '',
    circumstances: '',
    officeCode: '',
    externalReferences: [],
  };
}

export function caseToFormValues(c: CaseResponse): CaseFormValues {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    fatherName: c.fatherName ?? '',
    otherNames: [...c.otherNames],
    sex: c.sex,
    dateOfBirth: c.dateOfBirth ?? '',
    communityCode: c.communityCode ?? '',
    placeOfBirth: c.placeOfBirth ?? '',
    missingSince: c.missingSince ?? '',
    lastSeenMunicipalityCode: c.lastSeenMunicipalityCode ?? '',
    lastSeenPlace: c.lastSeenPlace ?? '',
    circumstances: c.circumstances ?? '',
    officeCode: c.officeCode,
    externalReferences: c.externalReferences.map((r) => ({ ...r })),
  };
}

// The shared schemas validate the form. Empty inputs already mean "unknown" to them ('' -> null),
// except the office, which is left out when the form shows no office field (a liaison officer's
// cases are in their own office).
const withoutEmptyOffice = (value: unknown) => {
  if (value && typeof value === 'object' && (value as { officeCode?: unknown }).officeCode === '') {
    const { officeCode: _omitted, ...rest } = value as Record<string, unknown>;
    return rest;
  }
  return value;
};

/** CreateCaseRequestSchema, reading the form's values. */
export const CreateCaseFormSchema = z.preprocess(withoutEmptyOffice, CreateCaseRequestSchema) as z.ZodType<
  CreateCaseRequest,
  CaseFormValues
>;

/**
 * UpdateCaseRequestSchema, reading the edit form's values. The version is not a form field: it is
 * added when the changed fields are sent (`editRequest`); a placeholder lets the schema check the rest.
 */
export const UpdateCaseFormSchema = z.preprocess(
  (value) => ({ version: 1, ...(withoutEmptyOffice(value) as object) }),
  UpdateCaseRequestSchema,
) as z.ZodType<UpdateCaseRequest, CaseFormValues>;

/** The fields whose value differs from the case as it was loaded. */
export function changedFields(values: CaseFormValues, initial: CaseFormValues): (keyof CaseFormValues)[] {
  return CASE_FORM_FIELDS.filter((key) => JSON.stringify(values[key]) !== JSON.stringify(initial[key]));
}

/** The changed fields of a checked edit form, with the version the edit started from. */
export function editRequest(
  parsed: UpdateCaseRequest,
  changed: readonly (keyof CaseFormValues)[],
  version: number,
): UpdateCaseRequest {
  const body: Record<string, unknown> = { version };
  for (const key of changed) body[key] = parsed[key];
  return body as UpdateCaseRequest;
}

/** The birth year of a (partial) date of birth as typed, when it looks like one. */
export function birthYearOf(dateOfBirth: string): number | undefined {
  const match = /^(\d{4})/.exec(dateOfBirth.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  return year >= 1850 && year <= 2100 ? year : undefined;
}
