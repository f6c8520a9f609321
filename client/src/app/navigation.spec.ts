import { IconHeartbeat } from '@tabler/icons-react';
import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, visibleNavItems, type NavItem } from './navigation';

describe('navigation', () => {
  const items: NavItem[] = [
    { to: '/status', labelKey: 'nav.status', icon: IconHeartbeat },
    { to: '/cases', labelKey: 'nav.status', icon: IconHeartbeat, permission: 'case.read' },
    { to: '/users', labelKey: 'nav.status', icon: IconHeartbeat, permission: 'user.manage' },
  ];

  it('shows only public entries to someone not signed in', () => {
    expect(visibleNavItems(items, null).map((item) => item.to)).toEqual(['/status']);
  });

  it('shows entries by the permissions of the role', () => {
    expect(visibleNavItems(items, 'LIAISON_OFFICER').map((item) => item.to)).toEqual(['/status', '/cases']);
    expect(visibleNavItems(items, 'ADMIN').map((item) => item.to)).toEqual(['/status', '/users']);
  });

  it('links every entry to an absolute path, once', () => {
    const paths = NAV_ITEMS.map((item) => item.to);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path).toMatch(/^\//);
  });
});
