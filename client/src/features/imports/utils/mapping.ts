import {
  IMPORT_FIELDS,
  ImportMappingSchema,
  type ImportField,
  type ImportMapping,
  type ImportResponse,
  type ImportUsedMapping,
} from '@mprc/contracts';

/** What the mapping screen edits: the column -> field mapping and the default office. */
export interface MappingDraft {
  mapping: ImportMapping;
  defaultOfficeCode: string | null;
}

/** The last dry run's mapping when there was one, else the server's proposal. */
export function initialDraft(imp: Pick<ImportResponse, 'usedMapping' | 'proposedMapping' | 'columns'>): MappingDraft {
  const columns = new Set(imp.columns);
  const source = imp.usedMapping?.mapping ?? imp.proposedMapping;
  return {
    mapping: Object.fromEntries(Object.entries(source).filter(([column]) => columns.has(column))),
    defaultOfficeCode: imp.usedMapping?.defaultOfficeCode ?? null,
  };
}

const canonical = (d: MappingDraft | ImportUsedMapping) =>
  JSON.stringify([
    Object.entries(d.mapping).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    d.defaultOfficeCode ?? null,
  ]);

/** Whether the draft is what the last dry run used (else the dry run must be run again). */
export function sameMapping(
  a: MappingDraft | ImportUsedMapping | null,
  b: MappingDraft | ImportUsedMapping | null,
): boolean {
  return !!a && !!b && canonical(a) === canonical(b);
}

export type MappingProblem = { kind: 'required'; field: ImportField } | { kind: 'twice'; column: string };

/** What keeps the mapping from being used, checked by the contracts' own schema. */
export function mappingProblems(mapping: ImportMapping): MappingProblem[] {
  const result = ImportMappingSchema.safeParse(mapping);
  if (result.success) return [];
  return result.error.issues.map((issue): MappingProblem => {
    const params = (issue as { params?: { reason?: string; field?: ImportField } }).params;
    return params?.reason === 'required_field' && params.field
      ? { kind: 'required', field: params.field }
      : { kind: 'twice', column: String(issue.path[0] ?? '') };
  });
}

/** The fields in the order the select lists them. */
export const FIELD_OPTIONS: readonly ImportField[] = IMPORT_FIELDS;
