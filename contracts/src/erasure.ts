import { z } from 'zod';
import { text } from './common.js';

/** A manager erases a relative's personal data after consent was withdrawn (or never given). */
export const EraseRelativeRequestSchema = z
  .object({ reason: text(500).meta({ description: 'Why (e.g. the request reference); audited' }) })
  .meta({ id: 'EraseRelativeRequest' });
export type EraseRelativeRequest = z.infer<typeof EraseRelativeRequestSchema>;

export const ERASED_NAME = { firstName: 'Erased', lastName: 'relative' } as const;
export const ERASED_TEXT = '[erased]';

export const EraseRelativeResponseSchema = z
  .strictObject({
    relativeId: z.uuid(),
    erasedAt: z.iso.datetime(),
    contacts: z.number().int().meta({ description: 'Contact records whose summaries were replaced' }),
    messages: z.number().int().meta({ description: 'Family messages whose text was replaced' }),
    sessions: z.number().int().meta({ description: 'Portal sessions revoked' }),
  })
  .meta({ id: 'EraseRelativeResponse' });
export type EraseRelativeResponse = z.infer<typeof EraseRelativeResponseSchema>;
