import {
  ReferralListSchema,
  ReferralResponseSchema,
  type CreateReferralRequest,
  type ReferralResponse,
  type UpdateReferralRequest,
} from '@mprc/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { casesKeys } from '@/features/cases/api/cases-keys';
import { apiGet, apiPatch, apiPost } from '@/lib/api-client';

export const referralsKeys = {
  all: ['referrals'] as const,
  list: (caseId: string) => [...referralsKeys.all, caseId] as const,
};

const base = (caseId: string) => `/api/v1/cases/${encodeURIComponent(caseId)}/referrals`;

export function getReferrals(caseId: string, { signal }: { signal?: AbortSignal } = {}): Promise<ReferralResponse[]> {
  return apiGet(base(caseId), ReferralListSchema, { signal });
}

export function getReferralsQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: referralsKeys.list(caseId),
    queryFn: ({ signal }) => getReferrals(caseId, { signal }),
  });
}

export function useReferrals(caseId: string) {
  return useQuery(getReferralsQueryOptions(caseId));
}

function useReferralMutation<V>(caseId: string, mutationFn: (variables: V) => Promise<ReferralResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: referralsKeys.list(caseId) });
      void queryClient.invalidateQueries({ queryKey: [...casesKeys.detail(caseId), 'history'] });
    },
  });
}

export function useCreateReferral(caseId: string) {
  return useReferralMutation(caseId, (body: CreateReferralRequest) =>
    apiPost(base(caseId), body, ReferralResponseSchema),
  );
}

export function useUpdateReferral(caseId: string) {
  return useReferralMutation(caseId, ({ referralId, body }: { referralId: string; body: UpdateReferralRequest }) =>
    apiPatch(`${base(caseId)}/${referralId}`, body, ReferralResponseSchema),
  );
}
