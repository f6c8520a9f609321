import type { FamilyOffice } from './types';
import type { UiLanguage } from '@/lib/i18n';
import { toSerbianCyrillic } from '@/lib/i18n/cyrillic';

/** "2026-12-03" (a calendar day, no time zone) -> "03.12.2026", as dates are read in Kosovo. */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}.${month}.${year}`;
}

/** 2048 -> "2 KB", 1_300_000 -> "1,3 MB" (a decimal comma except in English). */
export function formatFileSize(bytes: number, language: UiLanguage): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'MB'] : bytes >= 1000 ? [bytes / 1000, 'KB'] : [bytes, 'B'];
  const rounded = value >= 10 || unit === 'B' ? String(Math.round(value)) : value.toFixed(1).replace(/\.0$/, '');
  return `${language === 'en' ? rounded : rounded.replace('.', ',')} ${unit}`;
}

/** A phone number as a tel: link: digits and a leading +. */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? '+' : ''}${digits.replace(/\+/g, '')}`;
}

export function officeName(office: FamilyOffice, language: UiLanguage): string {
  const names = {
    sq: office.name.sq,
    'sr-Latn': office.name.srLatn,
    'sr-Cyrl': office.name.srCyrl,
    en: office.name.en,
  };
  return names[language] || office.name.en;
}

/**
 * The office's opening hours in the interface language, else in English, Albanian or Serbian
 * (as the contracts' officeHoursFor, kept here without zod for the portal's bundle). Serbian is
 * stored in Latin script and transliterated for Cyrillic.
 */
export function officeHours(office: FamilyOffice, language: UiLanguage): string | null {
  const hours = office.hours;
  if (!hours) return null;
  const key = language === 'sq' ? 'sq' : language === 'en' ? 'en' : 'sr';
  const order = [key, ...(['en', 'sq', 'sr'] as const).filter((l) => l !== key)] as const;
  for (const l of order) {
    const value = hours[l];
    if (value) return l === 'sr' && language === 'sr-Cyrl' ? toSerbianCyrillic(value) : value;
  }
  return null;
}
