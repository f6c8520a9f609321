import { Controller, Get, Patch, Post, Req, Res } from '@nestjs/common';
import {
  AttachmentListSchema,
  AttachmentResponseSchema,
  CaseKeySchema,
  UpdateAttachmentRequestSchema,
  UuidSchema,
  type AttachmentResponse,
  type UpdateAttachmentRequest,
} from '@mprc/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentActor, Meta, type Actor, type RequestMeta } from '../common/auth/actor.js';
import { RequirePermission } from '../common/auth/access.decorators.js';
import { ApiDoc } from '../common/http/api-doc.js';
import { ZBody, ZParam } from '../common/http/zod-pipe.js';
import { AttachmentsService } from './attachments.service.js';
import { readUpload } from './upload.js';

const tags = ['attachments'];

@Controller('v1/cases/:id/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Get()
  @RequirePermission('attachment.read')
  @ApiDoc({ summary: 'Documents and photos of the case (without their content)', response: AttachmentListSchema, tags })
  list(@CurrentActor() actor: Actor, @ZParam('id', CaseKeySchema) id: string): Promise<AttachmentResponse[]> {
    return this.attachments.list(actor, id);
  }

  @Post()
  @RequirePermission('attachment.write')
  @ApiDoc({
    summary: 'Upload a file (multipart/form-data)',
    description:
      'Parts: `file` (up to UPLOAD_LIMIT_BYTES, 10 MB by default: 413 beyond), `visibility` (INTERNAL | FAMILY), `description`. ' +
      'The type is read from the content (PDF, JPEG, PNG, WebP, TIFF, DOCX, XLSX, ODT, plain text; others 415) and the name gets the matching extension.',
    response: AttachmentResponseSchema,
    tags,
  })
  async upload(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @Req() request: FastifyRequest,
  ): Promise<AttachmentResponse> {
    return this.attachments.upload(actor, meta, id, await readUpload(request));
  }

  @Patch(':attachmentId')
  @RequirePermission('attachment.write')
  @ApiDoc({ summary: 'Change visibility (INTERNAL | FAMILY) or description', response: AttachmentResponseSchema, tags })
  update(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('attachmentId', UuidSchema) attachmentId: string,
    @ZBody(UpdateAttachmentRequestSchema) body: UpdateAttachmentRequest,
  ): Promise<AttachmentResponse> {
    return this.attachments.update(actor, meta, id, attachmentId, body);
  }

  @Get(':attachmentId/content')
  @RequirePermission('attachment.read')
  @ApiDoc({ summary: 'Download the file (audited)', produces: ['application/octet-stream'], tags })
  async content(
    @CurrentActor() actor: Actor,
    @Meta() meta: RequestMeta,
    @ZParam('id', CaseKeySchema) id: string,
    @ZParam('attachmentId', UuidSchema) attachmentId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const file = await this.attachments.download(actor, meta, id, attachmentId);
    void reply.headers(file.headers);
    return file.data;
  }
}
