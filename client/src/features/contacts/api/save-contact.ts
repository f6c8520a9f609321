import {
  ContactResponseSchema,
  type ContactResponse,
  type CreateContactRequest,
  type UpdateContactRequest,
} from '@mprc/contracts';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { casesKeys } from '@/features/cases/api/cases-keys';
import { followUpsKeys } from '@/features/follow-ups/api/follow-ups-keys';
import { apiPatch, apiPost } from '@/lib/api-client';
import { contactsKeys } from './contacts-keys';

export function createContact(caseId: string, body: CreateContactRequest): Promise<ContactResponse> {
  return apiPost(`/api/v1/cases/${encodeURIComponent(caseId)}/contacts`, body, ContactResponseSchema);
}

export function updateContact(caseId: string, contactId: string, body: UpdateContactRequest): Promise<ContactResponse> {
  return apiPatch(`/api/v1/cases/${encodeURIComponent(caseId)}/contacts/${contactId}`, body, ContactResponseSchema);
}

/** A contact changes the case's contacts, timeline and history, and the follow-up lists. */
export function invalidateAfterContact(queryClient: QueryClient, caseId: string): void {
  void queryClient.invalidateQueries({ queryKey: contactsKeys.list(caseId) });
  void queryClient.invalidateQueries({ queryKey: followUpsKeys.all });
  void queryClient.invalidateQueries({ queryKey: casesKeys.timeline(caseId) });
  void queryClient.invalidateQueries({ queryKey: [...casesKeys.detail(caseId), 'history'] });
}

export function useCreateContact(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContactRequest) => createContact(caseId, body),
    onSuccess: () => invalidateAfterContact(queryClient, caseId),
  });
}

export function useUpdateContact(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, body }: { contactId: string; body: UpdateContactRequest }) =>
      updateContact(caseId, contactId, body),
    onSuccess: () => invalidateAfterContact(queryClient, caseId),
  });
}
