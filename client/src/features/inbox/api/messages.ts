import {
  CaseMessageSchema,
  CaseMessageThreadSchema,
  InboxPageSchema,
  MarkedReadSchema,
  type CaseMessage,
  type CaseMessageThread,
  type CreateCaseMessageRequest,
  type InboxPage,
} from '@mprc/contracts';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { casesKeys } from '@/features/cases/api/cases-keys';
import { apiGet, apiPost } from '@/lib/api-client';
import { useCan } from '@/lib/authorization';

export const messagesKeys = {
  all: ['messages'] as const,
  inbox: (params: { page: number; unread: boolean }) => [...messagesKeys.all, 'inbox', params] as const,
  thread: (caseId: string) => [...messagesKeys.all, 'thread', caseId] as const,
};

export const INBOX_PAGE_SIZE = 25;

export function getInbox(
  params: { page: number; unread: boolean },
  { signal }: { signal?: AbortSignal } = {},
): Promise<InboxPage> {
  return apiGet('/api/v1/messages/inbox', InboxPageSchema, {
    query: { page: params.page, pageSize: INBOX_PAGE_SIZE, unread: params.unread ? 'true' : undefined },
    signal,
  });
}

export function getInboxQueryOptions(params: { page: number; unread: boolean }) {
  return queryOptions({
    queryKey: messagesKeys.inbox(params),
    queryFn: ({ signal }) => getInbox(params, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInbox(params: { page: number; unread: boolean }) {
  return useQuery(getInboxQueryOptions(params));
}

export function getThread(caseId: string, { signal }: { signal?: AbortSignal } = {}): Promise<CaseMessageThread> {
  return apiGet(`/api/v1/cases/${encodeURIComponent(caseId)}/messages`, CaseMessageThreadSchema, { signal });
}

export function getThreadQueryOptions(caseId: string) {
  return queryOptions({
    queryKey: messagesKeys.thread(caseId),
    queryFn: ({ signal }) => getThread(caseId, { signal }),
  });
}

export function useThread(caseId: string, enabled = true) {
  return useQuery({ ...getThreadQueryOptions(caseId), enabled });
}

/** Unread family messages on one case (for the tab's badge). */
export function useCaseUnreadCount(caseId: string): number {
  const allowed = useCan('message.staff');
  return useThread(caseId, allowed).data?.unreadCount ?? 0;
}

export function useReply(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCaseMessageRequest): Promise<CaseMessage> =>
      apiPost(`/api/v1/cases/${encodeURIComponent(caseId)}/messages`, body, CaseMessageSchema),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: messagesKeys.all });
      void queryClient.invalidateQueries({ queryKey: casesKeys.timeline(caseId) });
    },
  });
}

export function useMarkRead(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost(`/api/v1/cases/${encodeURIComponent(caseId)}/messages/read`, undefined, MarkedReadSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: messagesKeys.all }),
  });
}
