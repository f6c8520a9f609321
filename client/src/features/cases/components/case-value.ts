import type { TFunction } from 'i18next';
import type { CaseFormValues } from '../utils/case-form';
import { formatPartialDate } from '../utils/partial-date';

/** A form field's value as words, for comparing two versions of a case. */
export function describeValue(
  field: keyof CaseFormValues,
  values: CaseFormValues,
  t: TFunction<'cases'>,
  names: {
    municipality: (code: string) => string;
    community: (code: string) => string;
    office: (code: string) => string;
  },
): string {
  const empty = t('person.notKnown');
  switch (field) {
    case 'dateOfBirth':
    case 'missingSince':
      return values[field] ? formatPartialDate(values[field], t) : empty;
    case 'lastSeenMunicipalityCode':
      return values[field] ? names.municipality(values[field]) : empty;
    case 'communityCode':
      return values[field] ? names.community(values[field]) : empty;
    case 'officeCode':
      return values[field] ? names.office(values[field]) : empty;
    case 'sex':
      return t(`sex.${values.sex}`);
    case 'otherNames':
      return values.otherNames.length ? values.otherNames.join(', ') : empty;
    case 'externalReferences':
      return values.externalReferences.length
        ? values.externalReferences.map((r) => `${t(`referenceSystem.${r.system}`)} ${r.reference}`).join(', ')
        : empty;
    default:
      return values[field].trim() || empty;
  }
}

export const FIELD_LABEL_KEYS = {
  firstName: 'labels.firstName',
  lastName: 'labels.lastName',
  fatherName: 'labels.fatherName',
  otherNames: 'labels.otherNames',
  sex: 'labels.sex',
  dateOfBirth: 'labels.dateOfBirth',
  communityCode: 'labels.community',
  placeOfBirth: 'labels.placeOfBirth',
  missingSince: 'labels.missingSince',
  lastSeenMunicipalityCode: 'labels.lastSeenMunicipality',
  lastSeenPlace: 'labels.lastSeenPlace',
  circumstances: 'labels.circumstances',
  officeCode: 'labels.office',
  externalReferences: 'labels.externalReferences',
} as const satisfies Record<keyof CaseFormValues, string>;
