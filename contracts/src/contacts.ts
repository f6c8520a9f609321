import { z } from 'zod';
import { PersonRefSchema } from './cases.js';
import { PageQuerySchema, optionalText, pageOf, text } from './common.js';
import { ContactLanguageSchema } from './locales.js';
import { DateSchema } from './partial-date.js';

export const CONTACT_CHANNELS = ['VISIT', 'PHONE', 'OFFICE_MEETING', 'LETTER', 'EMAIL', 'OTHER'] as const;
export const ContactChannelSchema = z.enum(CONTACT_CHANNELS);
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

/** Allowed clock difference for "not in the future" on contact times. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const CreateContactRequestSchema = z
  .object({
    channel: ContactChannelSchema,
    occurredAt: z.iso
      .datetime({ offset: true })
      .refine((v) => new Date(v).getTime() <= Date.now() + CLOCK_SKEW_MS, 'The time is in the future'),
    relativeId: z.uuid().nullish().meta({ description: 'A relative linked to this case' }),
    language: ContactLanguageSchema.nullish(),
    interpreterUsed: z.boolean().default(false),
    summary: text(10_000).meta({ description: 'Internal: never shown to the family' }),
    familyVisibleSummary: optionalText(4000).meta({ description: 'What the family may read in the portal' }),
    followUpOn: z.preprocess((v) => (v === '' ? null : v), DateSchema.nullish()),
  })
  .meta({ id: 'CreateContactRequest' });
export type CreateContactRequest = z.infer<typeof CreateContactRequestSchema>;

export const UpdateContactRequestSchema = z
  .object({
    followUpDone: z.boolean().optional().meta({ description: 'true marks the follow-up done (now); false reopens it' }),
    followUpOn: z.preprocess((v) => (v === '' ? null : v), DateSchema.nullable()).optional(),
    familyVisibleSummary: optionalText(4000).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'Nothing to change' })
  .meta({ id: 'UpdateContactRequest' });
export type UpdateContactRequest = z.infer<typeof UpdateContactRequestSchema>;

export const ContactResponseSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    channel: ContactChannelSchema,
    occurredAt: z.iso.datetime(),
    relative: PersonRefSchema.nullable(),
    officer: PersonRefSchema.nullable(),
    language: z.string().nullable(),
    interpreterUsed: z.boolean(),
    summary: z.string(),
    familyVisibleSummary: z.string().nullable(),
    followUpOn: z.iso.date().nullable(),
    followUpDoneAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Contact' });
export type ContactResponse = z.infer<typeof ContactResponseSchema>;
export const ContactListSchema = z.array(ContactResponseSchema).meta({ id: 'ContactList' });

/** Follow-ups shown as due: those on or before today + this many days. */
export const FOLLOW_UP_HORIZON_DAYS = 7;

export const FollowUpQuerySchema = PageQuerySchema.extend({
  scope: z.enum(['mine', 'office']).default('mine').meta({
    description:
      "mine: contacts I logged or on cases assigned to me; office: my office's cases (every office for managers)",
  }),
});
export type FollowUpQuery = z.infer<typeof FollowUpQuerySchema>;

export const FollowUpSchema = z
  .object({
    contactId: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    followUpOn: z.iso.date(),
    overdue: z.boolean(),
    channel: ContactChannelSchema,
    relative: PersonRefSchema.nullable(),
    officer: PersonRefSchema.nullable(),
    summary: z.string(),
  })
  .meta({ id: 'FollowUp' });
export type FollowUp = z.infer<typeof FollowUpSchema>;
export const FollowUpPageSchema = pageOf(FollowUpSchema).meta({ id: 'FollowUpPage' });
