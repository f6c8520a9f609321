import {
  CasePortalSummarySchema,
  PortalAccessIssuedSchema,
  type CasePortalSummary,
  type ContactLanguage,
  type PortalAccessIssued,
} from '@mprc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiPostForFile } from '@/features/cases/api/binary-request';
import { casesKeys } from '@/features/cases/api/cases-keys';
import { apiDelete, apiGet, apiPost } from '@/lib/api-client';
import { relativesKeys } from './relatives-keys';

const caseBase = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}`;

export function getPortalSummary(
  caseId: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<CasePortalSummary> {
  return apiGet(`${caseBase(caseId)}/portal-access`, CasePortalSummarySchema, { signal });
}

export function getPortalSummaryQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: relativesKeys.portal(caseId),
    queryFn: ({ signal }) => getPortalSummary(caseId, { signal }),
  });
}

export function usePortalSummary(caseId: string, enabled = true) {
  return useQuery({ ...getPortalSummaryQueryOptions(caseId), enabled });
}

function usePortalMutation<V, R>(caseId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: relativesKeys.portal(caseId) });
      void queryClient.invalidateQueries({ queryKey: casesKeys.timeline(caseId) });
      void queryClient.invalidateQueries({ queryKey: [...casesKeys.detail(caseId), 'history'] });
    },
  });
}

/** A new access code for a relative, shown once (an earlier code stops working). */
export function useIssuePortalAccess(caseId: string) {
  return usePortalMutation(caseId, (relativeId: string): Promise<PortalAccessIssued> =>
    apiPost(`${caseBase(caseId)}/relatives/${relativeId}/portal-access`, undefined, PortalAccessIssuedSchema),
  );
}

export function useRevokePortalAccess(caseId: string) {
  return usePortalMutation(caseId, (relativeId: string) =>
    apiDelete(`${caseBase(caseId)}/relatives/${relativeId}/portal-access`),
  );
}

/** Lifts the lock on family sign-in for the case number after repeated wrong codes. */
export function useUnlockPortal(caseId: string) {
  return usePortalMutation(caseId, () => apiPost(`${caseBase(caseId)}/portal-access/unlock`));
}

/** The printable letter for a code just issued (the code travels back: only its hash is stored). */
export function downloadPortalLetter(
  letterUrl: string,
  accessCode: string,
  options: { script?: 'latn' | 'cyrl'; language?: ContactLanguage },
) {
  return apiPostForFile(letterUrl, { accessCode }, { script: options.script, language: options.language });
}
