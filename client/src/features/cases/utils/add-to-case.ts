import { foldName, type CaseResponse, type UpdateCaseRequest } from '@mprc/contracts';
import type { CaseFormValues } from './case-form';
import { normalizePartialDate } from './partial-date';

const MAX_OTHER_NAMES = 20;

/** Fields of the existing case that the new report may fill when they are empty there. */
export const FILLABLE_FIELDS = [
  'fatherName',
  'dateOfBirth',
  'placeOfBirth',
  'communityCode',
  'missingSince',
  'lastSeenMunicipalityCode',
  'lastSeenPlace',
  'circumstances',
] as const;
export type FillableField = (typeof FILLABLE_FIELDS)[number];

export interface CaseAdditions {
  /** Names and spellings from the report that the case does not have yet. */
  otherNames: string[];
  references: { system: CaseFormValues['externalReferences'][number]['system']; reference: string }[];
  /** Empty fields of the case that the report fills. */
  filled: Partial<Record<FillableField, string>>;
  /** The change to send (without version), or null when the report adds nothing. */
  patch: Omit<UpdateCaseRequest, 'version'> | null;
}

/**
 * What a new report adds to a case it turned out to duplicate, in the spirit of a merge: the
 * names as typed become other spellings, new external references are added, and facts fill the
 * fields the case has empty. Nothing already recorded on the case is overwritten.
 */
export function additionsFor(existing: CaseResponse, typed: CaseFormValues): CaseAdditions {
  const known = new Set(
    [`${existing.firstName} ${existing.lastName}`, ...existing.otherNames].map((name) => foldName(name)),
  );
  const otherNames: string[] = [];
  const typedName = `${typed.firstName.trim()} ${typed.lastName.trim()}`.trim();
  for (const name of [typedName, ...typed.otherNames.map((n) => n.trim())]) {
    const key = foldName(name);
    if (!key || known.has(key)) continue;
    known.add(key);
    otherNames.push(name);
  }
  const room = Math.max(0, MAX_OTHER_NAMES - existing.otherNames.length);
  const addedNames = otherNames.slice(0, room);

  const knownRefs = new Set(existing.externalReferences.map((r) => `${r.system}:${r.reference.trim().toUpperCase()}`));
  const references = typed.externalReferences
    .map((r) => ({ system: r.system, reference: r.reference.trim() }))
    .filter((r) => {
      const key = `${r.system}:${r.reference.toUpperCase()}`;
      if (!r.reference || knownRefs.has(key)) return false;
      knownRefs.add(key);
      return true;
    });

  const filled: Partial<Record<FillableField, string>> = {};
  for (const field of FILLABLE_FIELDS) {
    let value = typed[field].trim();
    if (field === 'dateOfBirth' || field === 'missingSince') value = normalizePartialDate(value);
    if (value && !existing[field]) filled[field] = value;
  }

  const patch: Omit<UpdateCaseRequest, 'version'> = { ...filled };
  if (addedNames.length) patch.otherNames = [...existing.otherNames, ...addedNames];
  if (references.length) patch.externalReferences = [...existing.externalReferences, ...references];
  const empty = !addedNames.length && !references.length && Object.keys(filled).length === 0;
  return { otherNames: addedNames, references, filled, patch: empty ? null : patch };
}
