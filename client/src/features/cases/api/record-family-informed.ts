import { CaseResponseSchema, type CaseResponse, type FamilyInformedRequest } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';
import { storeUpdatedCase } from './update-case';

export function recordFamilyInformed(id: string, body: FamilyInformedRequest): Promise<CaseResponse> {
  return apiPost(`/api/v1/cases/${encodeURIComponent(id)}/family-informed`, body, CaseResponseSchema);
}

export function useRecordFamilyInformed(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FamilyInformedRequest) => recordFamilyInformed(id, body),
    onSuccess: (updated) => storeUpdatedCase(queryClient, updated),
  });
}
