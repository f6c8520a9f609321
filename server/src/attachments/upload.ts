import type {} from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/errors/app-error.js';

export interface Upload {
  fileName: string | undefined;
  declaredType: string | undefined;
  data: Buffer;
  fields: Record<string, string>;
}

/**
 * Reads a multipart/form-data request: one file part named `file` (size capped by the multipart
 * limits, 413 beyond) and short text fields. The whole body is read before anything is checked.
 */
export async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart?.())
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send multipart/form-data with the file in a part named "file"');
  let file: Omit<Upload, 'fields'> | null = null;
  const fields: Record<string, string> = {};
  const problems: string[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const data = await part.toBuffer();
      if (part.fieldname !== 'file' || file) problems.push(part.fieldname);
      else file = { fileName: part.filename, declaredType: part.mimetype, data };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  if (problems.length) throw AppError.field(problems[0], 'Send one file, in the part named "file"', 'unexpected_file');
  if (!file) throw AppError.field('file', 'Required: the file, in a part named "file"', 'required');
  return { ...file, fields };
}
