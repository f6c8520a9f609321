import { Controller, Get, Headers, Res, StreamableFile } from '@nestjs/common';
import { ANONYMIZED_EXPORT_COLUMNS, CaseExportQuerySchema, type CaseExportQuery } from '@mprc/contracts';
import type { FastifyReply } from 'fastify';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZQuery } from '../common/http/zod-pipe.js';
import { contentDisposition } from '../reports/content-disposition.js';
import { ExportsService } from './exports.service.js';

@Controller('v1/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('cases')
  @RequirePermission('export.create')
  @ApiDoc({
    summary: 'Export the filtered cases as CSV or XLSX, streamed (any size). Audited when the download ends.',
    description:
      'CSV: UTF-8 with BOM, RFC 4180, formula-like cells (= + - @ tab CR) prefixed with an apostrophe. XLSX: bold frozen ' +
      'header, dates as dates, a second sheet with the filters, the time and who exported. Headers and labels in the ' +
      `caller's language. \`anonymized=true\` allows only: ${ANONYMIZED_EXPORT_COLUMNS.join(', ')} (dates as years).`,
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    tags: ['exports'],
  })
  async cases(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZQuery(CaseExportQuerySchema) query: CaseExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const file = await this.exports.cases(actor, meta, query, acceptLanguage, reply.raw);
    return new StreamableFile(file.stream, { type: file.contentType, disposition: contentDisposition(file.fileName) });
  }
}
