import { Badge, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useInboxUnreadCount } from '../api/get-unread-count';

/** The unread count beside "Inbox" in the navigation; nothing when everything is read. */
export function InboxNavBadge() {
  const { t } = useTranslation('common');
  const count = useInboxUnreadCount();
  if (count === 0) return null;
  return (
    <>
      <Badge size="sm" color="red" circle={count < 10} aria-hidden="true">
        {count > 99 ? '99+' : count}
      </Badge>
      <VisuallyHidden>{t('nav.inboxUnread', { count })}</VisuallyHidden>
    </>
  );
}
