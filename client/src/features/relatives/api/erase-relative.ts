import { EraseRelativeResponseSchema, type EraseRelativeRequest, type EraseRelativeResponse } from '@mprc/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { casesKeys } from '@/features/cases/api/cases-keys';
import { contactsKeys } from '@/features/contacts/api/contacts-keys';
import { messagesKeys } from '@/features/inbox/api/messages';
import { apiPost } from '@/lib/api-client';
import { relativesKeys } from './relatives-keys';

export function eraseRelative(
  caseId: string,
  relativeId: string,
  body: EraseRelativeRequest,
): Promise<EraseRelativeResponse> {
  return apiPost(
    `/api/v1/cases/${encodeURIComponent(caseId)}/relatives/${encodeURIComponent(relativeId)}/erase`,
    body,
    EraseRelativeResponseSchema,
  );
}

/**
 * Erases a relative's personal data (managers only). Their name, contact summaries and messages
 * change on every case they are linked to, so all of those views are refreshed.
 */
export function useEraseRelative(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ relativeId, body }: { relativeId: string; body: EraseRelativeRequest }) =>
      eraseRelative(caseId, relativeId, body),
    onSuccess: () => {
      for (const queryKey of [relativesKeys.all, contactsKeys.all, messagesKeys.all, casesKeys.detail(caseId)])
        void queryClient.invalidateQueries({ queryKey });
    },
  });
}
