import {
  CaseSortSchema,
  FateStatusSchema,
  OfficeCodeSchema,
  PartialDateBoundSchema,
  ReferenceCodeSchema,
  WorkflowStatusSchema,
  type CaseSort,
} from '@mprc/contracts';
import type { z } from 'zod';
import type { CaseListParams } from '../api/cases-keys';

// The case list keeps its whole state in the address (filters, sort, page), under the API's own
// parameter names, so a link, a bookmark, back and forward all show the same list. A value that
// is not valid (an old bookmark, a hand-edited link) is dropped rather than breaking the page.

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export interface CaseListState {
  q: string;
  fateStatus?: z.infer<typeof FateStatusSchema>;
  workflowStatus?: z.infer<typeof WorkflowStatusSchema>;
  communityCode?: string;
  municipalityCode?: string;
  officeCode?: string;
  missingFrom?: string;
  missingTo?: string;
  /** Only the cases assigned to the signed-in officer. */
  mine: boolean;
  sort?: CaseSort;
  page: number;
  pageSize: number;
}

export type CaseListFilterKey = Exclude<keyof CaseListState, 'q' | 'sort' | 'page' | 'pageSize' | 'mine'>;

function valid<S extends z.ZodType>(schema: S, raw: string | null): z.infer<S> | undefined {
  if (raw === null || raw === '') return undefined;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

function positiveInt(raw: string | null, fallback: number, max: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

export function parseCaseListSearch(search: URLSearchParams): CaseListState {
  const pageSize = Number(search.get('pageSize'));
  return {
    q: (search.get('q') ?? '').slice(0, 200),
    fateStatus: valid(FateStatusSchema, search.get('fateStatus')),
    workflowStatus: valid(WorkflowStatusSchema, search.get('workflowStatus')),
    communityCode: valid(ReferenceCodeSchema, search.get('communityCode')),
    municipalityCode: valid(ReferenceCodeSchema, search.get('municipalityCode')),
    officeCode: valid(OfficeCodeSchema, search.get('officeCode')),
    missingFrom: valid(PartialDateBoundSchema, search.get('missingFrom')),
    missingTo: valid(PartialDateBoundSchema, search.get('missingTo')),
    mine: search.get('assignedOfficerId') === 'me',
    sort: valid(CaseSortSchema, search.get('sort')),
    page: positiveInt(search.get('page'), 1, 100_000),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The address of a list state: defaults are left out, so the plain list is just `/cases`. */
export function caseListSearch(state: CaseListState): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') search.set(key, String(value));
  };
  set('q', state.q.trim());
  set('fateStatus', state.fateStatus);
  set('workflowStatus', state.workflowStatus);
  set('communityCode', state.communityCode);
  set('municipalityCode', state.municipalityCode);
  set('officeCode', state.officeCode);
  set('missingFrom', state.missingFrom);
  set('missingTo', state.missingTo);
  if (state.mine) search.set('assignedOfficerId', 'me');
  if (state.sort && state.sort !== defaultSort(state.q)) set('sort', state.sort);
  if (state.page > 1) set('page', state.page);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) set('pageSize', state.pageSize);
  return search;
}

/** The server's default: best match first when searching, else the most recently changed. */
export function defaultSort(q: string): CaseSort {
  return q.trim() ? 'relevance' : '-updatedAt';
}

/** Relevance only means something with a search text. */
export function effectiveSort(state: Pick<CaseListState, 'q' | 'sort'>): CaseSort {
  if (!state.sort || (state.sort === 'relevance' && !state.q.trim())) return defaultSort(state.q);
  return state.sort;
}

export function toApiParams(state: CaseListState): CaseListParams {
  const params: CaseListParams = {
    page: state.page,
    pageSize: state.pageSize,
    sort: effectiveSort(state),
  };
  if (state.q.trim()) params.q = state.q.trim();
  if (state.fateStatus) params.fateStatus = state.fateStatus;
  if (state.workflowStatus) params.workflowStatus = state.workflowStatus;
  if (state.communityCode) params.communityCode = state.communityCode;
  if (state.municipalityCode) params.municipalityCode = state.municipalityCode;
  if (state.officeCode) params.officeCode = state.officeCode;
  if (state.missingFrom) params.missingFrom = state.missingFrom;
  if (state.missingTo) params.missingTo = state.missingTo;
  if (state.mine) params.assignedOfficerId = 'me';
  return params;
}

/** How many filters narrow the list (the search text and sort not counted). */
export function activeFilterCount(state: CaseListState): number {
  const keys: CaseListFilterKey[] = [
    'fateStatus',
    'workflowStatus',
    'communityCode',
    'municipalityCode',
    'officeCode',
    'missingFrom',
    'missingTo',
  ];
  return keys.filter((key) => state[key] !== undefined).length + (state.mine ? 1 : 0);
}
