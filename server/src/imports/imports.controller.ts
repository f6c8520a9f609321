import { Controller, Delete, Get, Headers, HttpCode, Post, Req, StreamableFile } from '@nestjs/common';
import {
  CommitRequestSchema,
  CommitResponseSchema,
  DryRunRequestSchema,
  DryRunResponseSchema,
  ImportListQuerySchema,
  ImportPageSchema,
  ImportReportQuerySchema,
  ImportRowPageSchema,
  ImportRowsQuerySchema,
  ImportSchema,
  SavedImportMappingListSchema,
  SavedImportMappingSchema,
  SaveImportMappingRequestSchema,
  UuidSchema,
  type CommitRequest,
  type CommitResponse,
  type DryRunRequest,
  type DryRunResponse,
  type ImportListItem,
  type ImportReportQuery,
  type ImportResponse,
  type ImportRow,
  type ImportRowsQuery,
  type Page,
  type PageQuery,
  type SavedImportMapping,
  type SaveImportMappingRequest,
} from '@mprc/contracts';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam, ZQuery } from '../common/http/zod-pipe.js';
import { contentDisposition } from '../reports/content-disposition.js';
import { ImportsService } from './imports.service.js';
import { readImportUpload } from './upload.js';

const tags = ['imports'];

@Controller('v1/imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post()
  @RequirePermission('import.manage')
  @ApiDoc({
    summary: 'Upload a list to import (multipart/form-data, part `file`): CSV or XLSX, up to 100,000 rows',
    description:
      'CSV in UTF-8 (with or without BOM), UTF-16, Windows-1250 or Windows-1252, delimited by , ; tab or | (detected). ' +
      'XLSX: the first sheet. Up to IMPORT_LIMIT_BYTES (64 MB by default: 413 beyond). Answers with the columns, a ' +
      'proposed mapping (headers in Albanian, Serbian or English) and the first rows. Audited (import.upload).',
    response: ImportSchema,
    tags,
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @Req() request: FastifyRequest,
  ): Promise<ImportResponse> {
    return this.imports.upload(actor, meta, await readImportUpload(request, this.imports.uploadLimit));
  }

  @Get()
  @RequirePermission('import.manage')
  @ApiDoc({ summary: 'Imports, the most recent first', response: ImportPageSchema, tags })
  list(@ZQuery(ImportListQuerySchema) query: PageQuery): Promise<Page<ImportListItem>> {
    return this.imports.list(query);
  }

  @Get('mappings')
  @RequirePermission('import.manage')
  @ApiDoc({ summary: 'Saved column mappings, by name', response: SavedImportMappingListSchema, tags })
  mappings(): Promise<SavedImportMapping[]> {
    return this.imports.mappings();
  }

  @Post('mappings')
  @RequirePermission('import.manage')
  @ApiDoc({
    summary: 'Save a column mapping under a name (an existing name is replaced)',
    response: SavedImportMappingSchema,
    tags,
  })
  saveMapping(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZBody(SaveImportMappingRequestSchema) body: SaveImportMappingRequest,
  ): Promise<SavedImportMapping> {
    return this.imports.saveMapping(actor, meta, body);
  }

  @Delete('mappings/:mappingId')
  @HttpCode(204)
  @RequirePermission('import.manage')
  @ApiDoc({ summary: 'Delete a saved column mapping', status: 204, tags })
  deleteMapping(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('mappingId', UuidSchema) mappingId: string,
  ): Promise<void> {
    return this.imports.deleteMapping(actor, meta, mappingId);
  }

  @Get(':id')
  @RequirePermission('import.manage')
  @ApiDoc({
    summary: 'An import: its file, columns, proposed and last used mapping, counts',
    response: ImportSchema,
    tags,
  })
  get(@ZParam('id', UuidSchema) id: string): Promise<ImportResponse> {
    return this.imports.get(id);
  }

  @Post(':id/dry-run')
  @HttpCode(200)
  @RequirePermission('import.manage')
  @ApiDoc({
    summary: 'Validate every row with the case form rules and find duplicates; nothing is created',
    description:
      "Each row's outcome is stored (GET .../rows pages through it, GET .../report downloads it); a new dry run replaces " +
      'the previous one. Duplicates: existing cases (name similarity across scripts, father, birth year, municipality) and ' +
      'earlier rows of the file; rows with an external reference already recorded are EXISTING. Audited (import.dry_run).',
    response: DryRunResponseSchema,
    tags,
  })
  dryRun(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZBody(DryRunRequestSchema) body: DryRunRequest,
  ): Promise<DryRunResponse> {
    return this.imports.dryRun(actor, meta, id, body);
  }

  @Get(':id/rows')
  @RequirePermission('import.manage')
  @ApiDoc({
    summary: "The last dry run's rows, by row number (filter: invalid, duplicates...)",
    response: ImportRowPageSchema,
    tags,
  })
  rows(
    @ZParam('id', UuidSchema) id: string,
    @ZQuery(ImportRowsQuerySchema) query: ImportRowsQuery,
  ): Promise<Page<ImportRow>> {
    return this.imports.rows(id, query);
  }

  @Post(':id/commit')
  @HttpCode(200)
  @RequirePermission('import.manage')
  @ApiDoc({
    summary: 'Create the cases of the accepted rows, all in one transaction',
    description:
      'Only after a dry run with the same mapping and default office (409 otherwise), with every invalid row and every ' +
      'possible duplicate in excludeRows (or a duplicate in includeDuplicates): 409 names the rows left. Rows whose ' +
      'external reference is already on a case are skipped. A second commit is refused. Audited (import.commit).',
    response: CommitResponseSchema,
    tags,
  })
  commit(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZBody(CommitRequestSchema) body: CommitRequest,
  ): Promise<CommitResponse> {
    return this.imports.commit(actor, meta, id, body);
  }

  @Get(':id/report')
  @RequirePermission('import.manage')
  @ApiDoc({
    summary: 'The dry-run report as CSV or XLSX (row, status, errors with columns, duplicate candidates with scores)',
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    tags,
  })
  async report(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', UuidSchema) id: string,
    @ZQuery(ImportReportQuerySchema) query: ImportReportQuery,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<StreamableFile> {
    const file = await this.imports.report(actor, meta, id, query, acceptLanguage);
    return new StreamableFile(file.stream, { type: file.contentType, disposition: contentDisposition(file.fileName) });
  }
}
