import { UnreadCountSchema } from '@mprc/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '@/lib/api-client';
import { useCan } from '@/lib/authorization';

// Kept apart from messages.ts: the navigation shows the count on every page, so this is in the
// app's first download and should stay small.

export const unreadCountKey = ['messages', 'unread-count'] as const;
/** How often the unread count in the navigation is refreshed. */
const UNREAD_REFRESH_MS = 60_000;

export function getUnreadCount({ signal }: { signal?: AbortSignal } = {}): Promise<number> {
  return apiGet('/api/v1/messages/unread-count', UnreadCountSchema, { signal }).then((r) => r.unreadCount);
}

/** Unread family messages in the signed-in officer's scope (0 for those who may not read them). */
export function useInboxUnreadCount(): number {
  const allowed = useCan('message.staff');
  const query = useQuery({
    queryKey: unreadCountKey,
    queryFn: ({ signal }) => getUnreadCount({ signal }),
    enabled: allowed,
    refetchInterval: UNREAD_REFRESH_MS,
    staleTime: 15_000,
  });
  return allowed ? (query.data ?? 0) : 0;
}
