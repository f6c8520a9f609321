import { ResetCodeResponseSchema, type ResetCodeResponse } from '@mprc/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';

/** A one-time password reset code for someone who forgot theirs, valid for a limited time. */
export function issueResetCode(id: string): Promise<ResetCodeResponse> {
  return apiPost(`/api/v1/users/${encodeURIComponent(id)}/reset-code`, undefined, ResetCodeResponseSchema);
}

export function useIssueResetCode() {
  return useMutation({ mutationFn: issueResetCode });
}
