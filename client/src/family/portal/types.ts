// Response shapes, as types only: the server parses every family response through these schemas.
import type { FamilyCaseDetail } from '@mprc/contracts';

export type {
  FamilyCaseDetail,
  FamilyCaseList,
  FamilyCaseSummary,
  FamilyMessage,
  FamilyProfile,
  FamilyStage,
  FamilyTimelineItem,
  UpdateFamilyProfileRequest,
} from '@mprc/contracts';

export type FamilyOffice = FamilyCaseDetail['office'];

export const casePath = (id: string) => `/cases/${id}`;
