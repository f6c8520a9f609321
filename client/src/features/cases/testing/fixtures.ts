import type { CaseListItem, CaseResponse, ReferenceItem } from '@mprc/contracts';
import { json } from '@/testing/test-utils';

// Data the cases feature's tests share: reference data as the server sends it, a case, a list item.

const names = (en: string, sq = en, srLatn = en, srCyrl = en) => ({ en, sq, srLatn, srCyrl });

export const municipalities: ReferenceItem[] = [
  { code: 'GJAKOVA', names: names('Gjakova', 'Gjakovë', 'Đakovica', 'Ђаковица') },
  { code: 'PEJA', names: names('Peja', 'Pejë', 'Peć', 'Пећ') },
];
export const communities: ReferenceItem[] = [
  { code: 'ALBANIAN', names: names('Albanian', 'Shqiptar', 'Albanska', 'Албанска') },
  { code: 'SERB', names: names('Serb', 'Serb', 'Srpska', 'Српска') },
];
export const officeList = [
  {
    code: 'PRISTINA',
    names: names('Pristina', 'Prishtinë', 'Priština', 'Приштина'),
    phone: null,
    hours: null,
    address: null,
  },
  {
    code: 'MITROVICA',
    names: names('Mitrovica', 'Mitrovicë', 'Mitrovica', 'Митровица'),
    phone: null,
    hours: null,
    address: null,
  },
];

/** The reference lists and the navigation's unread count, which every staff page asks for. */
export const referenceRoutes = {
  '/api/v1/reference/municipalities': () => json(200, municipalities),
  '/api/v1/reference/communities': () => json(200, communities),
  '/api/v1/reference/offices': () => json(200, officeList),
  '/api/v1/messages/unread-count': () => json(200, { unreadCount: 0 }),
};

export function listItem(overrides: Partial<CaseListItem> = {}): CaseListItem {
  return {
    id: '2f6a3c1e-8b1d-4c8e-9f3a-5d6e7f809a1b',
    caseNumber: 'MP-000123',
    firstName: 'Fatmir',
    lastName: 'Gashi',
    fatherName: 'Ismet',
    otherNames: [],
    sex: 'MALE',
    dateOfBirth: '1970-04',
    missingSince: '1999-04-12',
    communityCode: 'ALBANIAN',
    lastSeenMunicipalityCode: 'GJAKOVA',
    officeCode: 'PRISTINA',
    assignedOfficer: { id: '6f1c1d0e-3b7a-4c61-9a55-1c1f5b0f0a01', name: 'Ana Krasniqi' },
    fateStatus: 'MISSING',
    workflowStatus: 'ACTIVE',
    createdAt: '2024-03-01T10:00:00.000Z',
    updatedAt: '2024-03-02T10:00:00.000Z',
    score: null,
    ...overrides,
  };
}

export function caseResponse(overrides: Partial<CaseResponse> = {}): CaseResponse {
  return {
    id: '2f6a3c1e-8b1d-4c8e-9f3a-5d6e7f809a1b',
    caseNumber: 'MP-000123',
    version: 4,
    firstName: 'Fatmir',
    lastName: 'Gashi',
    fatherName: 'Ismet',
    otherNames: [],
    sex: 'MALE',
    dateOfBirth: '1970-04',
    birthYear: 1970,
    communityCode: 'ALBANIAN',
    placeOfBirth: null,
    missingSince: '1999-04-12',
    lastSeenMunicipalityCode: 'GJAKOVA',
    lastSeenPlace: null,
    circumstances: null,
    officeCode: 'PRISTINA',
    assignedOfficer: { id: '6f1c1d0e-3b7a-4c61-9a55-1c1f5b0f0a01', name: 'Ana Krasniqi' },
    fateStatus: 'MISSING',
    workflowStatus: 'NEW',
    familyInformedAt: null,
    photoAttachmentId: null,
    externalReferences: [],
    mergedFrom: [],
    resolvedFrom: null,
    createdAt: '2024-03-01T10:00:00.000Z',
    updatedAt: '2024-03-02T10:00:00.000Z',
    ...overrides,
  };
}

/** jsdom has no `document.fonts`, which Mantine's autosizing Textarea listens to. */
export function stubDocumentFonts(): void {
  if ('fonts' in document && document.fonts) return;
  Object.defineProperty(document, 'fonts', {
    configurable: true,
    value: { addEventListener: () => {}, removeEventListener: () => {}, ready: Promise.resolve() },
  });
}
