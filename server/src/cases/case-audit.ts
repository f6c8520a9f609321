import type { Changes } from '../audit/audit-changes.js';
import type { CaseRow } from './cases.repository.js';

/** A case as the audit trail records it: codes rather than row ids, references as `SYSTEM:reference`. */
export function caseAuditView(c: CaseRow): Record<string, unknown> {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    fatherName: c.fatherName,
    otherNames: c.otherNames,
    sex: c.sex,
    dateOfBirth: c.dateOfBirth,
    communityCode: c.community?.code ?? null,
    placeOfBirth: c.placeOfBirth,
    missingSince: c.missingSince,
    lastSeenMunicipalityCode: c.lastSeenMunicipality?.code ?? null,
    lastSeenPlace: c.lastSeenPlace,
    circumstances: c.circumstances,
    officeCode: c.office.code,
    assignedOfficerId: c.assignedOfficerId,
    photoAttachmentId: c.photoAttachmentId,
    fateStatus: c.fateStatus,
    workflowStatus: c.workflowStatus,
    externalReferences: c.externalReferences.map((r) => `${r.system}:${r.reference}`),
  };
}

/** Child records (relatives, contacts, ...) are audited on their case, naming the record. */
export interface CaseAuditEntry {
  action: string;
  entityType: 'Case';
  entityId: string;
  changes?: Changes;
  details: Record<string, unknown> & { subject?: string; subjectId?: string };
}

export const onCase = (
  caseId: string,
  action: string,
  subject: { type: string; id: string } | null,
  changes?: Changes,
  details: Record<string, unknown> = {},
): CaseAuditEntry => ({
  action,
  entityType: 'Case',
  entityId: caseId,
  changes,
  details: subject ? { subject: subject.type, subjectId: subject.id, ...details } : details,
});
