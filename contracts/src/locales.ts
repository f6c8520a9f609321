import { z } from 'zod';

// Interface languages. Serbian comes in both scripts; Cyrillic strings are generated from Latin.
export const UI_LANGUAGES = ['sq', 'sr-Latn', 'sr-Cyrl', 'en'] as const;
export const UiLanguageSchema = z.enum(UI_LANGUAGES);
export type UiLanguage = z.infer<typeof UiLanguageSchema>;

// Languages a relative may prefer to be contacted in (wider than the interface languages).
export const CONTACT_LANGUAGES = ['sq', 'sr', 'en', 'tr', 'bs', 'rom'] as const;
export const ContactLanguageSchema = z.enum(CONTACT_LANGUAGES);
export type ContactLanguage = z.infer<typeof ContactLanguageSchema>;
