import { Controller, Get, Headers, StreamableFile } from '@nestjs/common';
import {
  ReportFiltersQuerySchema,
  ReportOfficersSchema,
  ReportSummaryQuerySchema,
  ReportSummarySchema,
  ReportTimeseriesQuerySchema,
  ReportTimeseriesSchema,
  type ReportFiltersQuery,
  type ReportOfficers,
  type ReportSummary,
  type ReportSummaryQuery,
  type ReportTimeseries,
  type ReportTimeseriesQuery,
} from '@mprc/contracts';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZQuery } from '../common/http/zod-pipe.js';
import { contentDisposition } from './content-disposition.js';
import { ReportsService } from './reports.service.js';

const tags = ['reports'];

@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('summary')
  @RequirePermission('report.read')
  @ApiDoc({
    summary: 'Cases counted by one dimension, with the case list filters; labels in the caller’s language. Audited.',
    description:
      'Merged cases are left out. Rows of fixed lists (statuses, sex, age groups) come in their own order with zero ' +
      'counts kept; reference data by count; years in order; `key: null` (not recorded) last.',
    response: ReportSummarySchema,
    tags,
  })
  summary(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZQuery(ReportSummaryQuerySchema) query: ReportSummaryQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<ReportSummary> {
    return this.reports.summary(actor, meta, query, acceptLanguage);
  }

  @Get('timeseries')
  @RequirePermission('report.read')
  @ApiDoc({
    summary:
      'Per month (office calendar): new cases, stage changes and family contacts of the filtered cases. Audited.',
    response: ReportTimeseriesSchema,
    tags,
  })
  timeseries(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZQuery(ReportTimeseriesQuerySchema) query: ReportTimeseriesQuery,
  ): Promise<ReportTimeseries> {
    return this.reports.timeseries(actor, meta, query);
  }

  @Get('officers')
  @RequirePermission('report.read')
  @ApiDoc({
    summary: 'Per liaison officer: open cases and overdue follow-ups among the filtered cases. Audited.',
    response: ReportOfficersSchema,
    tags,
  })
  officers(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZQuery(ReportFiltersQuerySchema) query: ReportFiltersQuery,
  ): Promise<ReportOfficers> {
    return this.reports.officers(actor, meta, query);
  }

  @Get('summary.pdf')
  @RequirePermission('report.read')
  @ApiDoc({
    summary:
      'The printable report (PDF, A4) in the caller’s language: filters, key figures, every breakdown with its bar chart. Audited.',
    produces: ['application/pdf'],
    tags,
  })
  async summaryPdf(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZQuery(ReportFiltersQuerySchema) query: ReportFiltersQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const { pdf, fileName } = await this.reports.summaryPdf(actor, meta, query, acceptLanguage);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: contentDisposition(fileName),
      length: pdf.length,
    });
  }
}
