import { ContactListSchema, type ContactResponse } from '@mprc/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { contactsKeys } from './contacts-keys';

export function getContacts(caseId: string, { signal }: { signal?: AbortSignal } = {}): Promise<ContactResponse[]> {
  return apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/contacts`, ContactListSchema, { signal });
}

export function getContactsQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: contactsKeys.list(caseId),
    queryFn: ({ signal }) => getContacts(caseId, { signal }),
  });
}

export function useContacts(caseId: string) {
  return useQuery(getContactsQueryOptions(caseId));
}
