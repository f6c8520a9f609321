import { z } from 'zod';
import { PersonRefSchema } from './cases.js';
import { optionalText } from './common.js';

export const VISIBILITIES = ['INTERNAL', 'FAMILY'] as const;
export const VisibilitySchema = z.enum(VISIBILITIES);
export type Visibility = z.infer<typeof VisibilitySchema>;

/** Accepted file types (checked from the content, not the name or the declared type) and their extension. */
export const ATTACHMENT_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/tiff': 'tif',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'text/plain': 'txt',
} as const;
export type AttachmentContentType = keyof typeof ATTACHMENT_TYPES;
export const IMAGE_CONTENT_TYPES: readonly AttachmentContentType[] = ['image/jpeg', 'image/png', 'image/webp'];

/** The text fields of a multipart upload (the file itself is the part named `file`). */
export const UploadAttachmentFieldsSchema = z.object({
  visibility: VisibilitySchema.default('INTERNAL'),
  description: optionalText(500),
});
export type UploadAttachmentFields = z.infer<typeof UploadAttachmentFieldsSchema>;

export const UpdateAttachmentRequestSchema = z
  .object({ visibility: VisibilitySchema.optional(), description: optionalText(500).optional() })
  .refine((v) => v.visibility !== undefined || v.description !== undefined, { message: 'Nothing to change' })
  .meta({ id: 'UpdateAttachmentRequest' });
export type UpdateAttachmentRequest = z.infer<typeof UpdateAttachmentRequestSchema>;

export const AttachmentResponseSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    visibility: VisibilitySchema,
    description: z.string().nullable(),
    uploadedBy: PersonRefSchema.nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Attachment' });
export type AttachmentResponse = z.infer<typeof AttachmentResponseSchema>;
export const AttachmentListSchema = z.array(AttachmentResponseSchema).meta({ id: 'AttachmentList' });
