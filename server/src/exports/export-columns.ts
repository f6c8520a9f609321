import {
  AGE_GROUPS,
  FATE_STATUSES,
  localizedName,
  SEXES,
  WORKFLOW_STATUSES,
  type AgeGroup,
  type ExportColumn,
  type FateStatus,
  type Sex,
  type WorkflowStatus,
} from '@mprc/contracts';
import type { ReportLabels } from '../reports/report-labels.js';
import { AGE_GROUP_SQL, type ReferenceNames } from '../reports/reports.repository.js';
import { REPORT_TIME_ZONE } from '../reports/report-time.js';
import { neutralise } from './csv-export.js';

// The export columns: the SQL that reads each (as text, so pg parses nothing) and how a value
// becomes a cell. Rows come from the cursor as arrays (rowMode 'array'), one entry per column.
//
// CSV does not go through Node row by row: each column also has `csv`, the SQL of its final CSV
// text (labels in the caller's language, dates as text, formula-like text neutralised), and
// PostgreSQL's COPY ... (FORMAT csv) quotes and writes the lines (see case-export.repository.ts).

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
  /** The SQL of the column's CSV text (NULL for an empty cell). */
  csv: (ctx: CsvContext) => string;
}

/** What the CSV SQL needs besides the cell context: a way to write a string as an SQL literal. */
export interface CsvContext extends CellContext {
  literal: (value: string) => string;
}

/**
 * Formula-like text (first character =, +, -, @, tab or CR: see csv-export.ts) gets a leading
 * apostrophe, the empty string becomes NULL (an empty field, as the JavaScript encoder writes it,
 * rather than COPY's ""). One ascii() call per value: cheap next to a regular expression.
 */
const neutralSql = (x: string) =>
  `CASE ascii(${x}) WHEN 0 THEN NULL ${[0x3d, 0x2b, 0x2d, 0x40, 0x09, 0x0d].map((c) => `WHEN ${c} THEN '''' || ${x}`).join(' ')} ELSE ${x} END`;

/** A label per stored value, written into the SQL (a handful of values: a CASE is cheaper than a join). */
const labelSql = (x: string, values: readonly string[], label: (v: string) => string, ctx: CsvContext, cast = '') =>
  values.length
    ? `CASE ${x} ${values.map((v) => `WHEN ${ctx.literal(v)}${cast} THEN ${ctx.literal(neutralise(label(v)))}`).join(' ')} ELSE ${x}::text END`
    : `${x}::text`;

const textCsv = (x: string) => () => neutralSql(x);

/** Partial dates (YYYY, YYYY-MM or YYYY-MM-DD): the year alone when anonymized. */
const partialDateCsv = (x: string) => (ctx: CsvContext) => neutralSql(ctx.anonymized ? `left(${x}, 4)` : x);

const referenceCsv = (x: string, kind: keyof ReferenceNames) => (ctx: CsvContext) =>
  labelSql(
    x,
    [...ctx.refs[kind].keys()],
    (id) => localizedName(ctx.refs[kind].get(id)!.names, ctx.labels.language),
    ctx,
    '::uuid',
  );

const localTime = (column: string, format = 'YYYY-MM-DD HH24:MI:SS') =>
  `to_char(${column} AT TIME ZONE '${REPORT_TIME_ZONE}', '${format}')`;
/**
 * A timestamp in office time as `YYYY-MM-DD HH:MM:SS`: a timestamp's own text (DateStyle ISO, set
 * by the export) costs less than to_char (0.3 s of database CPU per million rows).
 */
const timestampCsv = (column: string) => (ctx: CsvContext) =>
  ctx.anonymized
    ? localTime(column, 'YYYY')
    : `date_trunc('second', ${column} AT TIME ZONE '${REPORT_TIME_ZONE}')::text`;

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
  caseNumber: { sql: 'c.case_number', width: 13, cell: text, csv: textCsv('c.case_number') },
  firstName: { sql: 'c.first_name', width: 16, cell: text, csv: textCsv('c.first_name') },
  lastName: { sql: 'c.last_name', width: 18, cell: text, csv: textCsv('c.last_name') },
  fatherName: { sql: 'c.father_name', width: 16, cell: text, csv: textCsv('c.father_name') },
  otherNames: {
    sql: `nullif(array_to_string(c.other_names, '; '), '')`,
    width: 28,
    cell: text,
    csv: textCsv(`array_to_string(c.other_names, '; ')`),
  },
  sex: {
    sql: 'c.sex::text',
    width: 10,
    cell: (ctx) => (v) => (v === null ? null : ctx.labels.sex(v as Sex)),
    csv: (ctx) => labelSql('c.sex', SEXES, (v) => ctx.labels.sex(v as Sex), ctx),
  },
  dateOfBirth: {
    sql: 'c.date_of_birth',
    width: 13,
    format: 'date',
    cell: partialDate,
    csv: partialDateCsv('c.date_of_birth'),
  },
  ageGroup: {
    sql: AGE_GROUP_SQL,
    width: 12,
    cell: (ctx) => (v) => (v === null ? null : ctx.labels.ageGroup(v as AgeGroup)),
    csv: (ctx) => labelSql(`(${AGE_GROUP_SQL})`, AGE_GROUPS, (v) => ctx.labels.ageGroup(v as AgeGroup), ctx),
  },
  community: {
    sql: 'c.community_id::text',
    width: 16,
    cell: reference('community'),
    csv: referenceCsv('c.community_id', 'community'),
  },
  placeOfBirth: { sql: 'c.place_of_birth', width: 20, cell: text, csv: textCsv('c.place_of_birth') },
  missingSince: {
    sql: 'c.missing_since',
    width: 13,
    format: 'date',
    cell: partialDate,
    csv: partialDateCsv('c.missing_since'),
  },
  lastSeenMunicipality: {
    sql: 'c.last_seen_municipality_id::text',
    width: 20,
    cell: reference('municipality'),
    csv: referenceCsv('c.last_seen_municipality_id', 'municipality'),
  },
  lastSeenPlace: { sql: 'c.last_seen_place', width: 28, cell: text, csv: textCsv('c.last_seen_place') },
  office: {
    sql: 'c.office_id::text',
    width: 20,
    cell: reference('office'),
    csv: referenceCsv('c.office_id', 'office'),
  },
  fateStatus: {
    sql: 'c.fate_status::text',
    width: 20,
    cell: (ctx) => (v) => (v === null ? null : ctx.labels.fate(v as FateStatus)),
    csv: (ctx) => labelSql('c.fate_status', FATE_STATUSES, (v) => ctx.labels.fate(v as FateStatus), ctx),
  },
  workflowStatus: {
    sql: 'c.workflow_status::text',
    width: 18,
    cell: (ctx) => (v) => (v === null ? null : ctx.labels.workflow(v as WorkflowStatus)),
    csv: (ctx) =>
      labelSql('c.workflow_status', WORKFLOW_STATUSES, (v) => ctx.labels.workflow(v as WorkflowStatus), ctx),
  },
  assignedOfficer: {
    sql: 'c.assigned_officer_id::text',
    width: 20,
    cell: (ctx) => (v) => (v === null ? null : (ctx.users.get(v) ?? null)),
    // One index probe per assigned case (staff may be many: too many for a CASE).
    csv: () => `(SELECT ${neutralSql('u.name')} FROM app_user u WHERE u.id = c.assigned_officer_id)`,
  },
  externalReferences: {
    sql: `(SELECT string_agg(er.system::text || ': ' || er.reference, '; ' ORDER BY er.system, er.reference)
             FROM external_reference er WHERE er.case_id = c.id)`,
    width: 24,
    cell: text,
    // Starts with the system's name (ICRC, GCMP, ICMP, OTHER): never formula-like.
    csv: () => `(SELECT string_agg(er.system::text || ': ' || er.reference, '; ' ORDER BY er.system, er.reference)
                   FROM external_reference er WHERE er.case_id = c.id)`,
  },
  createdAt: {
    sql: localTime('c.created_at'),
    width: 18,
    format: 'datetime',
    cell: timestamp,
    csv: timestampCsv('c.created_at'),
  },
  updatedAt: {
    sql: localTime('c.updated_at'),
    width: 18,
    format: 'datetime',
    cell: timestamp,
    csv: timestampCsv('c.updated_at'),
  },
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

/** The SELECT list of a CSV export: each column's final text. */
export function csvSelect(columns: readonly ExportColumn[], ctx: CsvContext): string {
  return columns.map((c) => COLUMN_SPECS[c].csv(ctx)).join(',\n       ');
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
