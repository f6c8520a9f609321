// Copies of contracts constants: contracts/family.ts builds zod schemas at load, and importing
// it would bring zod into the portal. constants.spec.ts checks that the copies stay equal.
import type { ContactLanguage, FamilyStage } from '@mprc/contracts';

export const FAMILY_STAGES = [
  'SEARCHING',
  'FOUND_ALIVE',
  'REMAINS_RECOVERED',
  'IDENTIFIED',
  'REMAINS_HANDED_OVER',
  'CLOSED',
] as const satisfies readonly FamilyStage[];

export const FAMILY_CONTACT_CHANNELS = ['VISIT', 'PHONE', 'OFFICE_MEETING', 'LETTER', 'EMAIL', 'OTHER'] as const;

export const CONTACT_LANGUAGES = ['sq', 'sr', 'en', 'tr', 'bs', 'rom'] as const satisfies readonly ContactLanguage[];

/** Each contact language named in itself. */
export const CONTACT_LANGUAGE_NAMES: Record<ContactLanguage, string> = {
  sq: 'Shqip',
  sr: 'Srpski / Српски',
  en: 'English',
  tr: 'Türkçe',
  bs: 'Bosanski',
  rom: 'Romani',
};

export const MESSAGE_MAX_LENGTH = 4000;
export const ADDRESS_MAX_LENGTH = 500;
/** The server's rule for a phone number (UpdateFamilyProfileRequestSchema). */
export const PHONE_PATTERN = /^\+?[0-9 ()/.-]{5,40}$/;
