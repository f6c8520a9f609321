import { CaseTimelineSchema, type CaseEventResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { casesKeys } from './cases-keys';

export function getCaseTimeline(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<CaseEventResponse[]> {
  return apiGet(`/api/v1/cases/${encodeURIComponent(id)}/timeline`, CaseTimelineSchema, { signal });
}

export function getCaseTimelineQueryOptions(id: string) {
  return queryOptions({ queryKey: casesKeys.timeline(id), queryFn: ({ signal }) => getCaseTimeline(id, { signal }) });
}

export function useCaseTimeline(id: string) {
  return useQuery(getCaseTimelineQueryOptions(id));
}
