import { CaseResponseSchema, type CaseResponse, type CreateCaseRequest } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';
import { casesKeys } from './cases-keys';

export function createCase(body: CreateCaseRequest): Promise<CaseResponse> {
  return apiPost('/api/v1/cases', body, CaseResponseSchema);
}

export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCase,
    onSuccess: (created) => {
      queryClient.setQueryData(casesKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: casesKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: [...casesKeys.all, 'duplicates'] });
    },
  });
}
