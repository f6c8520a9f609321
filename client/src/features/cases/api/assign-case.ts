import { CaseResponseSchema, type AssignCaseRequest, type CaseResponse } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';
import { storeUpdatedCase } from './update-case';

export function assignCase(id: string, body: AssignCaseRequest): Promise<CaseResponse> {
  return apiPost(`/api/v1/cases/${encodeURIComponent(id)}/assign`, body, CaseResponseSchema);
}

export function useAssignCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssignCaseRequest) => assignCase(id, body),
    onSuccess: (updated) => storeUpdatedCase(queryClient, updated),
  });
}
