import { CaseResponseSchema, type CaseResponse, type MergeCaseRequest } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';
import { casesKeys } from './cases-keys';
import { storeUpdatedCase } from './update-case';

export function mergeCase(survivorId: string, body: MergeCaseRequest): Promise<CaseResponse> {
  return apiPost(`/api/v1/cases/${encodeURIComponent(survivorId)}/merge`, body, CaseResponseSchema);
}

export function useMergeCase(survivorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MergeCaseRequest) => mergeCase(survivorId, body),
    onSuccess: (updated, body) => {
      storeUpdatedCase(queryClient, updated);
      // Everything of the duplicate moved here: every cached part of both cases is stale.
      void queryClient.invalidateQueries({ queryKey: casesKeys.detail(body.duplicateCaseId) });
      void queryClient.invalidateQueries();
    },
  });
}
