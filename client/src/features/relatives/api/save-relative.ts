import {
  ConsentSchema,
  RelativeResponseSchema,
  type ConsentResponse,
  type CreateConsentRequest,
  type CreateRelativeRequest,
  type RelativeResponse,
  type UpdateRelativeRequest,
  type WithdrawConsentRequest,
} from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { casesKeys } from '@/features/cases/api/cases-keys';
import { apiPatch, apiPost } from '@/lib/api-client';
import { relativesKeys } from './relatives-keys';

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/relatives`;

export function createRelative(caseId: string, body: CreateRelativeRequest): Promise<RelativeResponse> {
  return apiPost(base(caseId), body, RelativeResponseSchema);
}

export function updateRelative(
  caseId: string,
  relativeId: string,
  body: UpdateRelativeRequest,
): Promise<RelativeResponse> {
  return apiPatch(`${base(caseId)}/${relativeId}`, body, RelativeResponseSchema);
}

export function addConsent(caseId: string, relativeId: string, body: CreateConsentRequest): Promise<ConsentResponse> {
  return apiPost(`${base(caseId)}/${relativeId}/consents`, body, ConsentSchema);
}

export function withdrawConsent(
  caseId: string,
  relativeId: string,
  consentId: string,
  body: WithdrawConsentRequest,
): Promise<ConsentResponse> {
  return apiPatch(`${base(caseId)}/${relativeId}/consents/${consentId}`, body, ConsentSchema);
}

/** Every relative write refreshes the case's relatives (a relative may be on other cases too) and its history. */
function useRelativeMutation<V, R>(caseId: string, mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: relativesKeys.all });
      void queryClient.invalidateQueries({ queryKey: [...casesKeys.detail(caseId), 'history'] });
    },
  });
}

export function useCreateRelative(caseId: string) {
  return useRelativeMutation(caseId, (body: CreateRelativeRequest) => createRelative(caseId, body));
}

export function useUpdateRelative(caseId: string) {
  return useRelativeMutation(caseId, ({ relativeId, body }: { relativeId: string; body: UpdateRelativeRequest }) =>
    updateRelative(caseId, relativeId, body),
  );
}

export function useAddConsent(caseId: string) {
  return useRelativeMutation(caseId, ({ relativeId, body }: { relativeId: string; body: CreateConsentRequest }) =>
    addConsent(caseId, relativeId, body),
  );
}

export function useWithdrawConsent(caseId: string) {
  return useRelativeMutation(
    caseId,
    ({ relativeId, consentId, body }: { relativeId: string; consentId: string; body: WithdrawConsentRequest }) =>
      withdrawConsent(caseId, relativeId, consentId, body),
  );
}
