import type { FamilyOffice } from './types';
import type { UiLanguage } from '@/lib/i18n';

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
