import { CaseResponseSchema, type CaseResponse, type ChangeCaseStatusRequest } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';
import { storeUpdatedCase } from './update-case';

export function changeCaseStatus(id: string, body: ChangeCaseStatusRequest): Promise<CaseResponse> {
  return apiPost(`/api/v1/cases/${encodeURIComponent(id)}/status`, body, CaseResponseSchema);
}

export function useChangeCaseStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeCaseStatusRequest) => changeCaseStatus(id, body),
    onSuccess: (updated) => storeUpdatedCase(queryClient, updated),
  });
}
