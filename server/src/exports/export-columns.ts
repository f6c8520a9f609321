import {
  localizedName,
  type AgeGroup,
  type ExportColumn,
  type FateStatus,
  type Sex,
  type WorkflowStatus,
} from '@mprc/contracts';
import type { ReportLabels } from '../reports/report-labels.js';
import { AGE_GROUP_SQL, type ReferenceNames } from '../reports/reports.repository.js';
import { REPORT_TIME_ZONE } from '../reports/report-time.js';

// The export columns: the SQL that reads each (as text, so pg parses nothing) and how a value
// becomes a cell. Rows come from the cursor as arrays (rowMode 'array'), one entry per column.

/** A cell: text, a number (years), or a date (XLSX only; CSV gets text). */
export type Cell = string | number | Date | null;

export interface CellContext {
  labels: ReportLabels;
  refs: ReferenceNames;
  /** Staff names by id (assigned officers). */
  users: Map<string, string>;
  anonymized: boolean;
  /** XLSX cells carry real dates; CSV cells text. */
  dates: boolean;
}

interface ColumnSpec {
  sql: string;
  /** XLSX column width, in characters. */
  width: number;
  /** Date and time columns get a date number format in XLSX. */
  format?: 'date' | 'datetime';
  cell: (ctx: CellContext) => (value: string | null) => Cell;
}

const localTime = (column: string) => `to_char(${column} AT TIME ZONE '${REPORT_TIME_ZONE}', 'YYYY-MM-DD HH24:MI:SS')`;

const text = (): ((value: string | null) => Cell) => (v) => v;

/** A partial date: the year alone when anonymized; a real date in XLSX when the day is known. */
const partialDate =
  (ctx: CellContext) =>
  (v: string | null): Cell => {
    if (v === null) return null;
    if (ctx.anonymized) return ctx.dates ? Number(v.slice(0, 4)) : v.slice(0, 4);
    return ctx.dates && v.length === 10 ? new Date(`${v}T00:00:00Z`) : v;
  };

/**
 * A timestamp, already in office time (`YYYY-MM-DD HH:MM:SS`): Excel dates carry no time zone, so
 * the office's wall-clock time is written as the date's UTC fields.
 */
const timestamp =
  (ctx: CellContext) =>
  (v: string | null): Cell => {
    if (v === null) return null;
    if (ctx.anonymized) return ctx.dates ? Number(v.slice(0, 4)) : v.slice(0, 4);
    return ctx.dates ? new Date(`${v.replace(' ', 'T')}Z`) : v;
  };

const reference =
  (kind: keyof ReferenceNames) =>
  (ctx: CellContext) =>
  (v: string | null): Cell => {
    if (v === null) return null;
    const entry = ctx.refs[kind].get(v);
    return entry ? localizedName(entry.names, ctx.labels.language) : v;
  };

export const COLUMN_SPECS: Record<ExportColumn, ColumnSpec> = {
  caseNumber: { sql: 'c.case_number', width: 13, cell: text },
  firstName: { sql: 'c.first_name', width: 16, cell: text },
  lastName: { sql: 'c.last_name', width: 18, cell: text },
  fatherName: { sql: 'c.father_name', width: 16, cell: text },
  otherNames: { sql: `nullif(array_to_string(c.other_names, '; '), '')`, width: 28, cell: text },
  sex: { sql: 'c.sex::text', width: 10, cell: (ctx) => (v) => (v === null ? null : ctx.labels.sex(v as Sex)) },
  dateOfBirth: { sql: 'c.date_of_birth', width: 13, format: 'date', cell: partialDate },
  ageGroup: {
    sql: AGE_GROUP_SQL,
    width: 12,
    cell: (ctx) => (v) => (v === null ? null : ctx.labels.ageGroup(v as AgeGroup)),
  },
  community: { sql: 'c.community_id::text', width: 16, cell: reference('community') },
  placeOfBirth: { sql: 'c.place_of_birth', width: 20, cell: text },
  missingSince: { sql: 'c.missing_since', width: 13, format: 'date', cell: partialDate },
  lastSeenMunicipality: { sql: 'c.last_seen_municipality_id::text', width: 20, cell: reference('municipality') },
  lastSeenPlace: { sql: 'c.last_seen_place', width: 28, cell: text },
  office: { sql: 'c.office_id::text', width: 20, cell: reference('office') },
  fateStatus: {
    sql: 'c.fate_status::text',
    width: 20,
    cell: (ctx) => (v) => (v === null ? null : ctx.labels.fate(v as FateStatus)),
  },
  workflowStatus: {
    sql: 'c.workflow_status::text',
    width: 18,
    cell: (ctx) => (v) => (v === null ? null : ctx.labels.workflow(v as WorkflowStatus)),
  },
  assignedOfficer: {
    sql: 'c.assigned_officer_id::text',
    width: 20,
    cell: (ctx) => (v) => (v === null ? null : (ctx.users.get(v) ?? null)),
  },
  externalReferences: {
    sql: `(SELECT string_agg(er.system::text || ': ' || er.reference, '; ' ORDER BY er.system, er.reference)
             FROM external_reference er WHERE er.case_id = c.id)`,
    width: 24,
    cell: text,
  },
  createdAt: { sql: localTime('c.created_at'), width: 18, format: 'datetime', cell: timestamp },
  updatedAt: { sql: localTime('c.updated_at'), width: 18, format: 'datetime', cell: timestamp },
};

/** Whether any of these columns needs the staff names. */
export const needsUsers = (columns: readonly ExportColumn[]) => columns.includes('assignedOfficer');

export interface PreparedColumns {
  select: string;
  headers: string[];
  specs: ColumnSpec[];
  /** One converter per column, bound to the export's context. */
  convert: ((value: string | null) => Cell)[];
}

export function prepareColumns(columns: readonly ExportColumn[], ctx: CellContext): PreparedColumns {
  const specs = columns.map((c) => COLUMN_SPECS[c]);
  return {
    select: specs.map((s) => s.sql).join(',\n       '),
    headers: columns.map((c) => ctx.labels.column(c)),
    specs,
    convert: specs.map((s) => s.cell(ctx)),
  };
}
