import { can, type Permission, type Role } from '@mprc/contracts';
import { IconChartBar, IconFileImport } from '@tabler/icons-react';
import {
  IconBuildingCommunity,
  IconCalendarDue,
  IconFolders,
  IconHeartbeat,
  IconHistory,
  IconInbox,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { InboxNavBadge } from '@/features/inbox/components/inbox-nav-badge';
import type { ParseKeys } from 'i18next';

export interface NavItem {
  to: string;
  /** Key in the common namespace (`nav.*`). */
  labelKey: ParseKeys<'common'>;
  icon: Icon;
  /** Who sees the entry; left out, everyone does, signed in or not. */
  permission?: Permission;
  /** Shown after the label, e.g. a count of unread messages. */
  badge?: ComponentType;
}

// Features add their entry here, in menu order, naming a permission from contracts, e.g.
// { to: '/cases', labelKey: 'nav.cases', icon: IconFolders, permission: 'case.read' }.
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/follow-ups', labelKey: 'nav.followUps', icon: IconCalendarDue, permission: 'contact.read' },
  { to: '/cases', labelKey: 'nav.cases', icon: IconFolders, permission: 'case.read' },
  { to: '/inbox', labelKey: 'nav.inbox', icon: IconInbox, permission: 'message.staff', badge: InboxNavBadge },
  { to: '/dashboard', labelKey: 'nav.dashboard', icon: IconChartBar, permission: 'report.read' },
  { to: '/imports', labelKey: 'nav.imports', icon: IconFileImport, permission: 'import.manage' },
  { to: '/admin/users', labelKey: 'nav.users', icon: IconUsers, permission: 'user.read' },
  { to: '/admin/offices', labelKey: 'nav.offices', icon: IconBuildingCommunity, permission: 'reference.manage' },
  { to: '/admin/audit', labelKey: 'nav.audit', icon: IconHistory, permission: 'audit.read' },
  { to: '/status', labelKey: 'nav.status', icon: IconHeartbeat },
];

export function visibleNavItems(items: readonly NavItem[], role: Role | null): NavItem[] {
  return items.filter((item) => item.permission === undefined || can(role, item.permission));
}
