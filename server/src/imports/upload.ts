import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/errors/app-error.js';

export interface Upload {
  fileName: string | undefined;
  data: Buffer;
}

/**
 * Reads the one file part (`file`) of a multipart/form-data request, with the import's own size
 * limit (IMPORT_LIMIT_BYTES, larger than an attachment's): 413 beyond it. The raw bytes are
 * kept whole (they are stored for the dry run and the commit); rows are decoded later, streaming.
 */
export async function readImportUpload(request: FastifyRequest, limitBytes: number): Promise<Upload> {
  if (!request.isMultipart?.())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with the file in a part named "file"');
  let file: Upload | null = null;
  let unexpected: string | null = null;
  for await (const part of request.parts({ limits: { fileSize: limitBytes, files: 1 } })) {
    if (part.type !== 'file') continue;
    const data = await part.toBuffer();
    if (part.fieldname !== 'file' || file) unexpected = part.fieldname;
    else file = { fileName: part.filename, data };
  }
  if (unexpected) throw AppError.field(unexpected, 'Send one file, in the part named "file"', 'unexpected_file');
  if (!file) throw AppError.field('file', 'Required: the file, in a part named "file"', 'required');
  if (!file.data.length) throw AppError.field('file', 'The file is empty', 'empty');
  return file;
}
