import {
  AGE_GROUPS,
  CASE_FILTER_KEYS,
  FATE_STATUSES,
  localizedName,
  SEXES,
  WORKFLOW_STATUSES,
  type AgeGroup,
  type CaseFilters,
  type FateStatus,
  type ReportGroupBy,
  type ReportSummaryRow,
  type Sex,
  type WorkflowStatus,
} from '@mprc/contracts';
import type { ReportLabels } from './report-labels.js';
import type { GroupCount, ReferenceEntry, ReferenceNames } from './reports.repository.js';

// Turns the database's counts into labelled rows, in a stable order: fixed lists (statuses, sex,
// age groups) in their own order with zero rows kept, so charts don't jump between filters;
// reference data by count; years in order; "not recorded" last.

function fixed<K extends string>(
  keys: readonly K[],
  counts: GroupCount[],
  label: (k: K) => string,
): ReportSummaryRow[] {
  const byKey = new Map(counts.map((c) => [c.key, c.count]));
  return keys.map((key) => ({ key, label: label(key), count: byKey.get(key) ?? 0 }));
}

function reference(
  entries: Map<string, ReferenceEntry>,
  counts: GroupCount[],
  labels: ReportLabels,
  keepZero: boolean,
): ReportSummaryRow[] {
  const byId = new Map(counts.map((c) => [c.key, c.count]));
  const rows: ReportSummaryRow[] = [];
  for (const [id, entry] of entries) {
    const count = byId.get(id) ?? 0;
    if (count > 0 || keepZero)
      rows.push({ key: entry.code, label: localizedName(entry.names, labels.language), count });
  }
  rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const unknown = byId.get(null);
  if (unknown) rows.push({ key: null, label: labels.text('notRecorded'), count: unknown });
  return rows;
}

export function summaryRows(
  groupBy: ReportGroupBy,
  counts: GroupCount[],
  labels: ReportLabels,
  refs: ReferenceNames,
): ReportSummaryRow[] {
  switch (groupBy) {
    case 'fateStatus':
      return fixed<FateStatus>(FATE_STATUSES, counts, labels.fate);
    case 'workflowStatus':
      return fixed<WorkflowStatus>(WORKFLOW_STATUSES, counts, labels.workflow);
    case 'sex':
      return fixed<Sex>(SEXES, counts, labels.sex);
    case 'ageGroup':
      return fixed<AgeGroup>(AGE_GROUPS, counts, labels.ageGroup);
    case 'community':
      return reference(refs.community, counts, labels, false);
    case 'municipality':
      return reference(refs.municipality, counts, labels, false);
    case 'office':
      return reference(refs.office, counts, labels, true);
    case 'yearMissing': {
      const rows = counts
        .filter((c) => c.key !== null)
        .sort((a, b) => Number(a.key) - Number(b.key))
        .map((c) => ({ key: c.key, label: c.key!, count: c.count }));
      const unknown = counts.find((c) => c.key === null);
      if (unknown) rows.push({ key: null, label: labels.text('notRecorded'), count: unknown.count });
      return rows;
    }
  }
}

/** The filters that were given, as they were given (for the audit trail). */
export function givenFilters(filters: CaseFilters): Partial<CaseFilters> {
  const given: Partial<CaseFilters> = {};
  for (const key of CASE_FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== '') (given as Record<string, unknown>)[key] = value;
  }
  return given;
}

/**
 * The filters in words, for people reading a report or an export: labels in the report's
 * language, reference names instead of codes, the officer's name instead of an id.
 */
export function describeFilters(
  filters: CaseFilters,
  labels: ReportLabels,
  refs: ReferenceNames,
  officerName: string | null,
): { label: string; value: string }[] {
  const byCode = (entries: Map<string, ReferenceEntry>, code: string) => {
    for (const entry of entries.values()) if (entry.code === code) return localizedName(entry.names, labels.language);
    return code;
  };
  const out: { label: string; value: string }[] = [];
  for (const [key, value] of Object.entries(givenFilters(filters)) as [keyof CaseFilters, string][]) {
    let text: string = value;
    if (key === 'fateStatus') text = labels.fate(value as FateStatus);
    else if (key === 'workflowStatus') text = labels.workflow(value as WorkflowStatus);
    else if (key === 'communityCode') text = byCode(refs.community, value);
    else if (key === 'municipalityCode') text = byCode(refs.municipality, value);
    else if (key === 'officeCode') text = byCode(refs.office, value);
    else if (key === 'assignedOfficerId') text = value === 'none' ? labels.text('unassigned') : (officerName ?? value);
    out.push({ label: labels.filter(key), value: text });
  }
  return out;
}
