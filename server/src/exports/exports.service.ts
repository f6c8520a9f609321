import { Injectable, Logger } from '@nestjs/common';
import { exportColumns, type CaseExportQuery, type CaseFilters } from '@mprc/contracts';
import type { Readable } from 'node:stream';
import { AuditService } from '../audit/audit.service.js';
import { caseScope } from '../cases/case-scope.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { reportLabels } from '../reports/report-labels.js';
import { reportLanguage } from '../reports/report-language.js';
import { describeFilters, givenFilters } from '../reports/report-rows.js';
import { officeDate, officeDateTime } from '../reports/report-time.js';
import { ReportsRepository } from '../reports/reports.repository.js';
import { ReportsService } from '../reports/reports.service.js';
import { CaseExportRepository, CsvCopyStream, XLSX_BATCH_ROWS, type CaseRowStream } from './case-export.repository.js';
import { CSV_BOM, csvRecord } from './csv-export.js';
import { csvSelect, needsUsers, prepareColumns, type CellContext } from './export-columns.js';
import { xlsxStream } from './xlsx-export.js';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** The HTTP response the file goes to: its end (or the client leaving) closes the audit entry. */
export interface ResponseEnd {
  once(event: 'close' | 'finish', listener: () => void): unknown;
}

export interface ExportFile {
  stream: Readable;
  fileName: string;
  contentType: string;
}

@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Export');

  constructor(
    private readonly exports: CaseExportRepository,
    private readonly reports: ReportsRepository,
    private readonly reportsService: ReportsService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Starts a case export. The file streams from a database cursor; the audit entry is written
   * when the response ends, with the rows sent and whether the file was complete.
   */
  async cases(
    actor: Actor,
    meta: RequestMeta,
    query: CaseExportQuery,
    acceptLanguage: string | undefined,
    response: ResponseEnd,
  ): Promise<ExportFile> {
    const { format, columns: _columns, anonymized, lang, ...filters } = query;
    const columns = exportColumns(query);
    const labels = reportLabels(reportLanguage(lang, acceptLanguage));
    const now = new Date();
    const [refs, users] = await Promise.all([
      this.reports.referenceNames(),
      needsUsers(columns) && format === 'xlsx' ? this.exports.userNames() : Promise.resolve(new Map<string, string>()),
    ]);
    const ctx: CellContext = { labels, refs, users, anonymized, dates: format === 'xlsx' };
    const prepared = prepareColumns(columns, ctx);
    const scope = caseScope(actor);

    let rows: CsvCopyStream | CaseRowStream;
    if (format === 'csv') {
      // PostgreSQL writes the CSV (COPY): the labels, dates and neutralising are in its SELECT.
      rows = await this.exports.openCsv(
        scope,
        filters,
        actor.userId,
        (literal) => csvSelect(columns, { ...ctx, literal }),
        CSV_BOM + csvRecord(prepared.headers),
      );
    } else {
      rows = await this.exports.open(scope, filters, actor.userId, prepared.select, XLSX_BATCH_ROWS);
    }
    const fileName = `cases${anonymized ? '-anonymized' : ''}-${officeDate(now)}.${format}`;
    const audit = (completed: boolean, error?: Error) =>
      this.audit
        .record(null, actor, meta, {
          action: 'export.cases',
          details: {
            format,
            filters: givenFilters(filters),
            columns,
            anonymized,
            language: labels.language,
            rowCount: rows.rows,
            completed,
            ...(error ? { error: error.message } : {}),
          },
        })
        .catch((e: unknown) => this.logger.error({ reason: (e as Error).message }, 'Export audit entry failed'));

    let stream: Readable;
    let complete: () => Promise<boolean>;
    if (rows instanceof CsvCopyStream) {
      // The COPY stream is the file (Fastify logs a stream error).
      const csv = rows;
      stream = csv;
      complete = () => Promise.resolve(csv.complete);
    } else {
      const officerName = await this.reportsService.officerName(actor, filters as CaseFilters);
      const xlsx = xlsxStream(rows, prepared, !anonymized, {
        sheetName: labels.text('casesSheet'),
        aboutSheetName: labels.text('aboutSheet'),
        title: labels.text('exportTitle'),
        lines: [
          { label: labels.text('exportedAt'), value: `${officeDateTime(now)} (${labels.text('timeZone')})` },
          { label: labels.text('exportedBy'), value: actor.email ? `${actor.name} <${actor.email}>` : actor.name },
          { label: labels.text('anonymized'), value: labels.text(anonymized ? 'yes' : 'no') },
          { label: labels.text('columns'), value: prepared.headers.join(', ') },
        ],
        rowsLabel: labels.text('totalCases'),
        filtersLabel: labels.text('filters'),
        filters: describeFilters(filters as CaseFilters, labels, refs, officerName),
        noFilters: labels.text('noFilters'),
      });
      stream = xlsx.output;
      complete = () =>
        xlsx.done.then(
          () => true,
          () => false,
        );
    }

    // 'finish': the last byte was handed to the connection; 'close' alone: the client left first.
    let finished = false;
    let recorded = false;
    const end = () => {
      if (recorded) return;
      recorded = true;
      if (!finished) rows.destroy();
      void (finished ? complete() : Promise.resolve(false)).then((completed) => audit(completed));
    };
    response.once('finish', () => {
      finished = true;
      end();
    });
    response.once('close', end);
    return { stream, fileName, contentType: CONTENT_TYPES[format] };
  }
}
