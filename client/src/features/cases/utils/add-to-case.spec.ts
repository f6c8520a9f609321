import type { CaseResponse } from '@mprc/contracts';
import { describe, expect, it } from 'vitest';
import { additionsFor } from './add-to-case';
import { emptyCaseForm } from './case-form';

const existing: CaseResponse = {
  id: '0b6c1f9e-4a52-4f34-9a1e-0d2a3c4b5e60',
  caseNumber: 'MP-000042',
  version: 3,
  firstName: 'Bekim',
  lastName: 'Hoxha',
  fatherName: null,
  otherNames: ['Bekim Hodža'],
  sex: 'MALE',
  dateOfBirth: '1975',
  birthYear: 1975,
  communityCode: null,
  placeOfBirth: null,
  missingSince: null,
  lastSeenMunicipalityCode: 'GJAKOVA',
  lastSeenPlace: null,
  circumstances: 'Seen last at the market.',
  officeCode: 'PRISTINA',
  assignedOfficer: null,
  fateStatus: 'MISSING',
  workflowStatus: 'ACTIVE',
  familyInformedAt: null,
  photoAttachmentId: null,
  externalReferences: [{ system: 'ICRC', reference: 'KOS-1' }],
  mergedFrom: [],
  resolvedFrom: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};

describe('adding a duplicate report to the existing case', () => {
  it('adds new spellings, new references and facts the case lacks, and overwrites nothing', () => {
    const additions = additionsFor(existing, {
      ...emptyCaseForm(),
      firstName: 'Bekim',
      lastName: 'Hoxhaj',
      fatherName: 'Sali',
      otherNames: ['Беким Хоџа', 'Bekim Hoxhaj'],
      dateOfBirth: '1976',
      missingSince: '4.1999',
      lastSeenMunicipalityCode: 'PEJA',
      circumstances: 'Another account.',
      externalReferences: [
        { system: 'ICRC', reference: 'kos-1' },
        { system: 'ICMP', reference: 'B-77' },
      ],
    });
    // Беким Хоџа folds to the name already on the case; Bekim Hoxhaj is new, once.
    expect(additions.otherNames).toEqual(['Bekim Hoxhaj']);
    expect(additions.references).toEqual([{ system: 'ICMP', reference: 'B-77' }]);
    expect(additions.filled).toEqual({ fatherName: 'Sali', missingSince: '1999-04' });
    expect(additions.patch).toEqual({
      fatherName: 'Sali',
      missingSince: '1999-04',
      otherNames: ['Bekim Hodža', 'Bekim Hoxhaj'],
      externalReferences: [
        { system: 'ICRC', reference: 'KOS-1' },
        { system: 'ICMP', reference: 'B-77' },
      ],
    });
  });

  it('has nothing to send when the report repeats what the case has', () => {
    const additions = additionsFor(existing, {
      ...emptyCaseForm(),
      firstName: 'Bekim',
      lastName: 'Hodža',
      dateOfBirth: '1975',
    });
    expect(additions.patch).toBeNull();
  });
});
