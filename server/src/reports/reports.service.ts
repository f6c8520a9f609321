import { Injectable, Logger } from '@nestjs/common';
import {
  REPORT_GROUP_BYS,
  type CaseFilters,
  type ReportFiltersQuery,
  type ReportOfficers,
  type ReportSummary,
  type ReportSummaryQuery,
  type ReportTimeseries,
  type ReportTimeseriesQuery,
  type UiLanguage,
} from '@mprc/contracts';
import { AuditService } from '../audit/audit.service.js';
import { caseScope, type CaseScope } from '../cases/case-scope.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { reportLabels } from './report-labels.js';
import { reportLanguage } from './report-language.js';
import { describeFilters, givenFilters, summaryRows } from './report-rows.js';
import { addMonths, officeDate, officeDateTime, officeMonth } from './report-time.js';
import { ReportsRepository } from './reports.repository.js';
import { renderSummaryPdf } from './summary-pdf.js';

/**
 * Reports see every case: they are for managers and administrators (report.read), who answer
 * for the whole center. Any other role keeps its case-list scope.
 */
export function reportScope(actor: Actor): CaseScope {
  if (actor.kind === 'staff' && (actor.role === 'MANAGER' || actor.role === 'ADMIN')) return { kind: 'all' };
  return caseScope(actor);
}

const filtersOf = ({ lang: _lang, ...filters }: ReportFiltersQuery): CaseFilters => filters;

@Injectable()
export class ReportsService {
  private readonly logger = new Logger('Reports');

  constructor(
    private readonly reports: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  async summary(
    actor: Actor,
    meta: RequestMeta,
    query: ReportSummaryQuery,
    acceptLanguage?: string,
  ): Promise<ReportSummary> {
    const { groupBy, ...rest } = query;
    const filters = filtersOf(rest);
    const labels = reportLabels(reportLanguage(query.lang, acceptLanguage));
    const { counts, refs } = await this.reports.withCases(reportScope(actor), filters, actor.userId, async (set) => ({
      counts: await this.reports.countBy(set, groupBy),
      refs: await this.reports.referenceNames(set.client),
    }));
    const rows = summaryRows(groupBy, counts, labels, refs);
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    await this.audit.record(null, actor, meta, {
      action: 'report.summary',
      details: {
        groupBy,
        filters: givenFilters(filters),
        caseCount: total,
        rowCount: rows.length,
        language: labels.language,
      },
    });
    return { groupBy, total, rows };
  }

  async timeseries(actor: Actor, meta: RequestMeta, query: ReportTimeseriesQuery): Promise<ReportTimeseries> {
    const { from: fromParam, to: toParam, ...rest } = query;
    const filters = filtersOf(rest);
    const to = toParam ?? (fromParam ? addMonths(fromParam, 11) : officeMonth());
    const from = fromParam ?? addMonths(to, -11);
    const rows = await this.reports.withCases(reportScope(actor), filters, actor.userId, (set) =>
      this.reports.months(set, from, to),
    );
    const months = rows.map((r) => ({
      month: r.month,
      newCases: r.new_cases,
      stageChanges: r.stage_changes,
      familyContacts: r.family_contacts,
    }));
    await this.audit.record(null, actor, meta, {
      action: 'report.timeseries',
      details: { from, to, filters: givenFilters(filters), rowCount: months.length },
    });
    return { from, to, months };
  }

  async officers(actor: Actor, meta: RequestMeta, query: ReportFiltersQuery): Promise<ReportOfficers> {
    const filters = filtersOf(query);
    const rows = await this.reports.withCases(reportScope(actor), filters, actor.userId, (set) =>
      this.reports.officers(set, { officeCode: filters.officeCode, withIdleOfficers: !filters.assignedOfficerId }),
    );
    const unassigned = rows.find((r) => r.officer_id === null);
    const result: ReportOfficers = {
      rows: rows
        .filter((r) => r.officer_id !== null)
        .map((r) => ({
          officer: { id: r.officer_id!, name: r.officer_name ?? '' },
          officeCode: r.office_code,
          openCases: r.open_cases,
          overdueFollowUps: r.overdue,
        })),
      unassignedOpenCases: unassigned?.open_cases ?? 0,
    };
    await this.audit.record(null, actor, meta, {
      action: 'report.officers',
      details: { filters: givenFilters(filters), rowCount: result.rows.length },
    });
    return result;
  }

  /** The printable report: key figures and every breakdown, in one snapshot of the data. */
  async summaryPdf(
    actor: Actor,
    meta: RequestMeta,
    query: ReportFiltersQuery,
    acceptLanguage?: string,
  ): Promise<{ pdf: Buffer; fileName: string; language: UiLanguage }> {
    const filters = filtersOf(query);
    const labels = reportLabels(reportLanguage(query.lang, acceptLanguage));
    const now = new Date();
    const { figures, counts, refs } = await this.reports.withCases(
      reportScope(actor),
      filters,
      actor.userId,
      async (set) => ({
        figures: await this.reports.keyFigures(set),
        counts: await this.reports.countByAll(set, REPORT_GROUP_BYS),
        refs: await this.reports.referenceNames(set.client),
      }),
    );
    const officerName = await this.officerName(actor, filters);
    const pdf = await renderSummaryPdf({
      labels,
      generatedAt: officeDateTime(now),
      generatedBy: actor.name,
      filters: describeFilters(filters, labels, refs, officerName),
      figures,
      breakdowns: REPORT_GROUP_BYS.map((groupBy) => ({
        groupBy,
        rows: summaryRows(groupBy, counts.get(groupBy) ?? [], labels, refs),
      })),
    });
    await this.audit.record(null, actor, meta, {
      action: 'report.pdf',
      details: {
        filters: givenFilters(filters),
        caseCount: figures.total,
        language: labels.language,
        bytes: pdf.length,
      },
    });
    return { pdf, fileName: `case-report-${officeDate(now)}.pdf`, language: labels.language };
  }

  /** The name to show for the assignedOfficerId filter ("me" is the caller). */
  async officerName(actor: Actor, filters: CaseFilters): Promise<string | null> {
    const id = filters.assignedOfficerId;
    if (!id || id === 'none') return null;
    if (id === 'me') return actor.name;
    return this.reports.userName(id).catch((e: unknown) => {
      this.logger.warn({ reason: (e as Error).message }, 'Officer name lookup failed');
      return null;
    });
  }
}
