import { z } from 'zod';
import { PersonRefSchema } from './cases.js';
import { optionalText, text } from './common.js';
import { PastDateSchema } from './partial-date.js';

export const REFERRAL_SERVICES = ['PSYCHOSOCIAL', 'LEGAL_AID', 'MEDICAL', 'OTHER'] as const;
export const ReferralServiceSchema = z.enum(REFERRAL_SERVICES);
export type ReferralService = z.infer<typeof ReferralServiceSchema>;

export const REFERRAL_STATUSES = ['REQUESTED', 'ACCEPTED', 'REJECTED', 'DONE', 'WITHDRAWN'] as const;
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof ReferralStatusSchema>;

export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
  REQUESTED: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
  ACCEPTED: ['DONE', 'WITHDRAWN'],
  REJECTED: [],
  DONE: [],
  WITHDRAWN: [],
};
export const isReferralClosed = (s: ReferralStatus) => REFERRAL_TRANSITIONS[s].length === 0;

export const CreateReferralRequestSchema = z
  .object({
    service: ReferralServiceSchema,
    organisation: text(200),
    purpose: optionalText(4000),
    referredOn: PastDateSchema.optional().meta({ description: 'Defaults to today' }),
  })
  .meta({ id: 'CreateReferralRequest' });
export type CreateReferralRequest = z.infer<typeof CreateReferralRequestSchema>;

export const UpdateReferralRequestSchema = z
  .object({
    status: ReferralStatusSchema.optional(),
    organisation: text(200).optional(),
    purpose: optionalText(4000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' })
  .meta({ id: 'UpdateReferralRequest' });
export type UpdateReferralRequest = z.infer<typeof UpdateReferralRequestSchema>;

export const ReferralResponseSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    service: ReferralServiceSchema,
    organisation: z.string(),
    purpose: z.string().nullable(),
    status: ReferralStatusSchema,
    referredOn: z.iso.date(),
    closedOn: z.iso.date().nullable(),
    createdBy: PersonRefSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Referral' });
export type ReferralResponse = z.infer<typeof ReferralResponseSchema>;
export const ReferralListSchema = z.array(ReferralResponseSchema).meta({ id: 'ReferralList' });
