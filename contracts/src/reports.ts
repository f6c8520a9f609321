import { z } from 'zod';
import { CaseListQuerySchema, PersonRefSchema } from './cases.js';
import { UiLanguageSchema } from './locales.js';
import { partialDateRange } from './partial-date.js';

// Dashboard, reports and exports. Every report takes the case list's filters (same names, same
// meaning: a drill-down from a chart is a link to /cases with the same query string) and a
// language for labels (`lang`, else the Accept-Language header).

// ---------------------------------------------------------------- filters

// The case list's filters without its paging and sorting. `.omit()` refuses refined schemas, so
// the shape is taken apart and the list's date-range rule is applied again (a test keeps the two
// schemas accepting the same filters).
const { page: _page, pageSize: _pageSize, sort: _sort, ...filterShape } = CaseListQuerySchema.shape;

export const CASE_FILTER_KEYS = [
  'q',
  'fateStatus',
  'workflowStatus',
  'communityCode',
  'municipalityCode',
  'officeCode',
  'missingFrom',
  'missingTo',
  'assignedOfficerId',
] as const satisfies readonly (keyof typeof filterShape)[];
export type CaseFilterKey = (typeof CASE_FILTER_KEYS)[number];

function missingRangeInOrder(
  v: { missingFrom?: string; missingTo?: string },
  ctx: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
): void {
  if (v.missingFrom && v.missingTo) {
    const from = partialDateRange(v.missingFrom);
    const to = partialDateRange(v.missingTo);
    if (from && to && to.to < from.from)
      ctx.addIssue({ code: 'custom', path: ['missingTo'], message: 'Before missingFrom' });
  }
}

export const CaseFiltersSchema = z.object(filterShape).superRefine(missingRangeInOrder);
export type CaseFilters = z.infer<typeof CaseFiltersSchema>;

const lang = UiLanguageSchema.optional().meta({
  description: 'Language of labels and headers; default: the Accept-Language header, else Albanian',
});

export const ReportFiltersQuerySchema = CaseFiltersSchema.extend({ lang });
export type ReportFiltersQuery = z.infer<typeof ReportFiltersQuerySchema>;

// ---------------------------------------------------------------- summary (counts by one dimension)

export const REPORT_GROUP_BYS = [
  'fateStatus',
  'workflowStatus',
  'community',
  'municipality',
  'yearMissing',
  'sex',
  'ageGroup',
  'office',
] as const;
export const ReportGroupBySchema = z.enum(REPORT_GROUP_BYS);
export type ReportGroupBy = z.infer<typeof ReportGroupBySchema>;

/** Age in the year of disappearance (missing-since year minus birth year; partial dates allowed). */
export const AGE_GROUPS = ['0-17', '18-29', '30-44', '45-59', '60+', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

/**
 * The case-list filter a summary row stands for, so a chart's bar opens the case list filtered
 * to it. Null when the case list has no such filter (sex, age group) or the row is "not recorded".
 */
export function drillDownFilter(
  groupBy: ReportGroupBy,
  key: string | null,
): Partial<Record<CaseFilterKey, string>> | null {
  if (key === null) return null;
  switch (groupBy) {
    case 'fateStatus':
      return { fateStatus: key };
    case 'workflowStatus':
      return { workflowStatus: key };
    case 'community':
      return { communityCode: key };
    case 'municipality':
      return { municipalityCode: key };
    case 'office':
      return { officeCode: key };
    case 'yearMissing':
      // A partial date lies inside one year, so "may have gone missing in Y" is exactly year Y.
      return { missingFrom: key, missingTo: key };
    case 'sex':
    case 'ageGroup':
      return null;
  }
}

export const ReportSummaryQuerySchema = ReportFiltersQuerySchema.extend({ groupBy: ReportGroupBySchema });
export type ReportSummaryQuery = z.infer<typeof ReportSummaryQuerySchema>;

export const ReportSummaryRowSchema = z
  .object({
    key: z.string().nullable().meta({
      description:
        'Status / sex code, reference code, year, or age group; null for cases where the value is not recorded',
    }),
    label: z.string(),
    count: z.number().int(),
  })
  .meta({ id: 'ReportSummaryRow' });
export type ReportSummaryRow = z.infer<typeof ReportSummaryRowSchema>;

export const ReportSummarySchema = z
  .object({
    groupBy: ReportGroupBySchema,
    total: z.number().int().meta({ description: 'Cases matching the filters (merged cases excluded)' }),
    rows: z.array(ReportSummaryRowSchema),
  })
  .meta({ id: 'ReportSummary' });
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

// ---------------------------------------------------------------- per month

const MonthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM')
  .meta({ example: '2026-01' });
export const MAX_REPORT_MONTHS = 120;

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;

export const ReportTimeseriesQuerySchema = ReportFiltersQuerySchema.extend({
  from: MonthSchema.optional().meta({ description: 'First month; default: 11 months before `to`' }),
  to: MonthSchema.optional().meta({ description: 'Last month; default: the current month' }),
}).superRefine((v, ctx) => {
  if (v.from && v.to) {
    const span = monthIndex(v.to) - monthIndex(v.from);
    if (span < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Before from' });
    else if (span >= MAX_REPORT_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['from'], message: `At most ${MAX_REPORT_MONTHS} months` });
  }
});
export type ReportTimeseriesQuery = z.infer<typeof ReportTimeseriesQuerySchema>;

export const ReportMonthSchema = z
  .object({
    month: z.string().meta({ description: 'YYYY-MM' }),
    newCases: z.number().int().meta({ description: 'Cases registered that month' }),
    stageChanges: z.number().int().meta({ description: 'Fate and workflow status changes recorded that month' }),
    familyContacts: z.number().int().meta({ description: 'Contacts with families that took place that month' }),
  })
  .meta({ id: 'ReportMonth' });
export type ReportMonth = z.infer<typeof ReportMonthSchema>;

export const ReportTimeseriesSchema = z
  .object({ from: z.string(), to: z.string(), months: z.array(ReportMonthSchema) })
  .meta({ id: 'ReportTimeseries' });
export type ReportTimeseries = z.infer<typeof ReportTimeseriesSchema>;

// ---------------------------------------------------------------- per officer

export const ReportOfficerRowSchema = z
  .object({
    officer: PersonRefSchema,
    officeCode: z.string().nullable(),
    openCases: z.number().int().meta({ description: 'Assigned cases matching the filters that are not closed' }),
    overdueFollowUps: z
      .number()
      .int()
      .meta({ description: 'Follow-ups the officer set on contacts of those cases, due before today and not done' }),
  })
  .meta({ id: 'ReportOfficerRow' });
export type ReportOfficerRow = z.infer<typeof ReportOfficerRowSchema>;

export const ReportOfficersSchema = z
  .object({
    rows: z.array(ReportOfficerRowSchema),
    unassignedOpenCases: z.number().int(),
  })
  .meta({ id: 'ReportOfficers' });
export type ReportOfficers = z.infer<typeof ReportOfficersSchema>;

// ---------------------------------------------------------------- exports

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const EXPORT_COLUMNS = [
  'caseNumber',
  'firstName',
  'lastName',
  'fatherName',
  'otherNames',
  'sex',
  'dateOfBirth',
  'ageGroup',
  'community',
  'placeOfBirth',
  'missingSince',
  'lastSeenMunicipality',
  'lastSeenPlace',
  'office',
  'fateStatus',
  'workflowStatus',
  'assignedOfficer',
  'externalReferences',
  'createdAt',
  'updatedAt',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/**
 * Columns an anonymized export may carry: no names (of the person, the father, the officer), no
 * identifiers that lead back to a person (case numbers, external references), no free text
 * (places as reported), and dates reduced to the year.
 */
export const ANONYMIZED_EXPORT_COLUMNS = [
  'sex',
  'dateOfBirth',
  'ageGroup',
  'community',
  'missingSince',
  'lastSeenMunicipality',
  'office',
  'fateStatus',
  'workflowStatus',
  'createdAt',
  'updatedAt',
] as const satisfies readonly ExportColumn[];

const isExportColumn = (v: string): v is ExportColumn => (EXPORT_COLUMNS as readonly string[]).includes(v);

const columnsParam = z
  .union([z.string(), z.array(z.string())])
  .transform((value, ctx) => {
    const list = [value]
      .flat()
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    const unknown = list.filter((c) => !isExportColumn(c));
    if (unknown.length) {
      ctx.addIssue({ code: 'custom', message: `Unknown column: ${unknown.join(', ')}` });
      return z.NEVER;
    }
    if (!list.length) {
      ctx.addIssue({ code: 'custom', message: 'Name at least one column' });
      return z.NEVER;
    }
    return [...new Set(list)] as ExportColumn[];
  })
  .meta({
    description: `Comma-separated, in order; default: every column allowed. Columns: ${EXPORT_COLUMNS.join(', ')}`,
  });

const booleanParam = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const CaseExportQuerySchema = CaseFiltersSchema.extend({
  lang,
  format: ExportFormatSchema.default('csv'),
  columns: columnsParam.optional(),
  anonymized: booleanParam.default(false).meta({
    description: `No names, identifiers, free text or exact dates (years only). Columns allowed: ${ANONYMIZED_EXPORT_COLUMNS.join(', ')}`,
  }),
}).superRefine((v, ctx) => {
  if (v.anonymized && v.columns) {
    const refused = v.columns.filter((c) => !(ANONYMIZED_EXPORT_COLUMNS as readonly string[]).includes(c));
    if (refused.length)
      ctx.addIssue({
        code: 'custom',
        path: ['columns'],
        message: `Not allowed in an anonymized export: ${refused.join(', ')}`,
      });
  }
});
export type CaseExportQuery = z.infer<typeof CaseExportQuerySchema>;

/** The columns an export carries: the ones asked for, else every column its mode allows. */
export function exportColumns(query: Pick<CaseExportQuery, 'columns' | 'anonymized'>): ExportColumn[] {
  return query.columns ?? [...(query.anonymized ? ANONYMIZED_EXPORT_COLUMNS : EXPORT_COLUMNS)];
}
