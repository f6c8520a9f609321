import { Injectable } from '@nestjs/common';
import { UploadAttachmentFieldsSchema, type AttachmentResponse, type UpdateAttachmentRequest } from '@mprc/contracts';
import { createHash } from 'node:crypto';
import { creationChanges, diffChanges } from '../audit/audit-changes.js';
import { AuditService } from '../audit/audit.service.js';
import { CaseAccess } from '../cases/case-access.service.js';
import { onCase } from '../cases/case-audit.js';
import type { Actor, RequestMeta } from '../common/auth/actor.js';
import { DatabaseService } from '../common/database/database.service.js';
import { AppError } from '../common/errors/app-error.js';
import { zodIssuesToFieldErrors } from '../common/http/zod-pipe.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { checkFile, contentDisposition, safeFileName } from './file-check.js';
import type { Upload } from './upload.js';

export interface Download {
  data: Buffer;
  headers: Record<string, string>;
}

@Injectable()
export class AttachmentsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly attachments: AttachmentsRepository,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, key: string): Promise<AttachmentResponse[]> {
    const c = await this.access.readable(actor, key);
    return this.attachments.listForCase(c.id);
  }

  /** Stores a file whose type, checked from its content, is on the allow-list; its SHA-256 is kept. */
  async upload(actor: Actor, meta: RequestMeta, key: string, upload: Upload): Promise<AttachmentResponse> {
    const fields = UploadAttachmentFieldsSchema.safeParse(upload.fields);
    if (!fields.success) throw AppError.validation(zodIssuesToFieldErrors(fields.error.issues));
    const verdict = await checkFile(upload.data);
    if (!verdict.ok) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `${verdict.reason}. Accepted: PDF, JPEG, PNG, WebP, TIFF, DOCX, XLSX, ODT and plain text`,
        {
          errors: [{ field: 'file', message: verdict.reason, code: 'file_type' }],
        },
      );
    }
    const fileName = safeFileName(upload.fileName, verdict.contentType);
    const sha256 = createHash('sha256').update(upload.data).digest('hex');
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'share');
      const id = await this.attachments.create(tx, {
        caseId: c.id,
        fileName,
        contentType: verdict.contentType,
        size: upload.data.length,
        sha256,
        visibility: fields.data.visibility,
        description: fields.data.description,
        data: upload.data,
        uploadedById: actor.userId ?? null,
      });
      await this.audit.record(
        tx,
        actor,
        meta,
        onCase(
          c.id,
          'attachment.create',
          { type: 'Attachment', id },
          creationChanges({
            fileName,
            contentType: verdict.contentType,
            size: upload.data.length,
            sha256,
            visibility: fields.data.visibility,
            description: fields.data.description,
          }),
          // Control characters out: PostgreSQL jsonb refuses \u0000 (the upload was a 500).
          {
            // eslint-disable-next-line no-control-regex
            uploadedName: upload.fileName?.replace(/[\u0000-\u001f\u007f]/g, '') ?? null,
            declaredType: upload.declaredType ?? null,
          },
        ),
      );
      return (await this.attachments.find(c.id, id, tx))!;
    });
  }

  async update(
    actor: Actor,
    meta: RequestMeta,
    key: string,
    attachmentId: string,
    body: UpdateAttachmentRequest,
  ): Promise<AttachmentResponse> {
    return this.db.transaction(async (tx) => {
      const c = await this.access.writable(tx, actor, key, 'share');
      const before = await this.attachments.find(c.id, attachmentId, tx);
      if (!before) throw AppError.notFound('Attachment');
      await this.attachments.update(tx, attachmentId, body);
      const after = (await this.attachments.find(c.id, attachmentId, tx))!;
      await this.audit.record(
        tx,
        actor,
        meta,
        onCase(
          c.id,
          'attachment.update',
          { type: 'Attachment', id: attachmentId },
          diffChanges(before, { visibility: after.visibility, description: after.description }),
        ),
      );
      return after;
    });
  }

  /** The file, with the stored type, as a download that browsers neither sniff nor render in the page. */
  async download(actor: Actor, meta: RequestMeta, key: string, attachmentId: string): Promise<Download> {
    const c = await this.access.readable(actor, key);
    const file = await this.attachments.content(c.id, attachmentId);
    if (!file) throw AppError.notFound('Attachment');
    await this.audit.record(
      null,
      actor,
      meta,
      onCase(c.id, 'attachment.download', { type: 'Attachment', id: attachmentId }, undefined, {
        fileName: file.fileName,
      }),
    );
    return {
      data: Buffer.from(file.data),
      headers: {
        'Content-Type': file.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : file.contentType,
        'Content-Disposition': contentDisposition(file.fileName),
        'Content-Length': String(file.data.length),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
        'Cache-Control': 'private, no-store',
      },
    };
  }
}
