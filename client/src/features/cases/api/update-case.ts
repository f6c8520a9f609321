import { CaseResponseSchema, type CaseResponse, type UpdateCaseRequest } from '@mprc/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiPatch } from '@/lib/api-client';
import { casesKeys } from './cases-keys';

export function updateCase(id: string, body: UpdateCaseRequest): Promise<CaseResponse> {
  return apiPatch(`/api/v1/cases/${encodeURIComponent(id)}`, body, CaseResponseSchema);
}

/** After any write that answers the case: store it, refresh its timeline, history and the lists. */
export function storeUpdatedCase(queryClient: QueryClient, updated: CaseResponse): void {
  queryClient.setQueryData(casesKeys.detail(updated.id), updated);
  void queryClient.invalidateQueries({ queryKey: casesKeys.timeline(updated.id) });
  void queryClient.invalidateQueries({ queryKey: [...casesKeys.detail(updated.id), 'history'] });
  void queryClient.invalidateQueries({ queryKey: casesKeys.lists() });
}

export function useUpdateCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCaseRequest) => updateCase(id, body),
    onSuccess: (updated) => storeUpdatedCase(queryClient, updated),
  });
}
