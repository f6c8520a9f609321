import type { Role } from '@mprc/contracts';
import { Navigate } from 'react-router';
import { NAV_ITEMS, visibleNavItems } from '@/app/navigation';
import { useRole } from '@/lib/authorization';

// Each role's landing page, first one that exists in the navigation: officers and managers start
// with their follow-ups, administrators with the accounts.
const HOME_BY_ROLE: Record<Role, readonly string[]> = {
  ADMIN: ['/admin/users'],
  MANAGER: ['/follow-ups', '/cases'],
  LIAISON_OFFICER: ['/follow-ups', '/cases'],
  FAMILY: [],
};

export function homePathFor(role: Role | null): string {
  if (!role) return '/login';
  const visible = new Set(visibleNavItems(NAV_ITEMS, role).map((item) => item.to));
  return HOME_BY_ROLE[role].find((path) => visible.has(path)) ?? '/account';
}

/** `/`: the signed-in person's landing page (SessionGate has already sent anyone else to sign in). */
export function HomeRedirect() {
  return <Navigate to={homePathFor(useRole())} replace />;
}
