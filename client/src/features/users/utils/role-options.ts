import { STAFF_ROLES, localizedName, type Office } from '@mprc/contracts';
import type { TFunction } from 'i18next';

export function roleOptions(t: TFunction<'auth'>) {
  return STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

export function officeOptions(offices: Office[] | undefined, language: string) {
  return (offices ?? []).map((office) => ({ value: office.code, label: localizedName(office.names, language) }));
}

/** An office's name in the interface language; its code while the list loads or if unknown. */
export function officeName(code: string | null, offices: Office[] | undefined, language: string): string | null {
  if (!code) return null;
  const office = offices?.find((item) => item.code === code);
  return office ? localizedName(office.names, language) : code;
}
