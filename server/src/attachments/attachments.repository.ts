import { Injectable } from '@nestjs/common';
import type { AttachmentResponse } from '@mprc/contracts';
import { DatabaseService, type Tx } from '../common/database/database.service.js';
import type { Prisma } from '../generated/prisma/client.js';

// Listing never selects the file bytes; only the download does.
const ATTACHMENT_SELECT = {
  id: true,
  caseId: true,
  fileName: true,
  contentType: true,
  size: true,
  sha256: true,
  visibility: true,
  description: true,
  uploadedById: true,
  createdAt: true,
} as const satisfies Prisma.AttachmentSelect;
type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof ATTACHMENT_SELECT }>;

export interface NewAttachment {
  caseId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  visibility: 'INTERNAL' | 'FAMILY';
  description: string | null;
  data: Buffer;
  uploadedById: string | null;
}

type Client = Tx | DatabaseService['prisma'];

@Injectable()
export class AttachmentsRepository {
  constructor(private readonly db: DatabaseService) {}

  // Attachment has no relation to its uploader in the schema: names come from one extra query.
  private async withUploaders(rows: AttachmentRow[], client: Client): Promise<AttachmentResponse[]> {
    const ids = [...new Set(rows.map((r) => r.uploadedById).filter((v): v is string => !!v))];
    const users = ids.length
      ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : [];
    const names = new Map(users.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      id: r.id,
      caseId: r.caseId,
      fileName: r.fileName,
      contentType: r.contentType,
      size: r.size,
      sha256: r.sha256,
      visibility: r.visibility,
      description: r.description,
      uploadedBy: r.uploadedById ? { id: r.uploadedById, name: names.get(r.uploadedById) ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async listForCase(caseId: string): Promise<AttachmentResponse[]> {
    const rows = await this.db.prisma.attachment.findMany({
      where: { caseId },
      select: ATTACHMENT_SELECT,
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    });
    return this.withUploaders(rows, this.db.prisma);
  }

  async find(
    caseId: string,
    attachmentId: string,
    client: Client = this.db.prisma,
  ): Promise<AttachmentResponse | null> {
    const row = await client.attachment.findFirst({ where: { id: attachmentId, caseId }, select: ATTACHMENT_SELECT });
    return row ? (await this.withUploaders([row], client))[0] : null;
  }

  async content(
    caseId: string,
    attachmentId: string,
  ): Promise<{ fileName: string; contentType: string; data: Uint8Array } | null> {
    return this.db.prisma.attachment.findFirst({
      where: { id: attachmentId, caseId },
      select: { fileName: true, contentType: true, data: true },
    });
  }

  async create(tx: Tx, data: NewAttachment): Promise<string> {
    return (await tx.attachment.create({ data: { ...data, data: new Uint8Array(data.data) }, select: { id: true } }))
      .id;
  }

  async update(
    tx: Tx,
    attachmentId: string,
    data: { visibility?: 'INTERNAL' | 'FAMILY'; description?: string | null },
  ): Promise<void> {
    await tx.attachment.update({ where: { id: attachmentId }, data, select: { id: true } });
  }
}
