import { can, type Permission, type Role } from '@mprc/contracts';
import { createContext, use } from 'react';

// The signed-in user's role; null while nobody is signed in. The auth feature provides it from
// the session; until then everyone is anonymous and sees only public entries.
export const RoleContext = createContext<Role | null>(null);

export function useRole(): Role | null {
  return use(RoleContext);
}

export function useCan(permission: Permission): boolean {
  return can(useRole(), permission);
}
