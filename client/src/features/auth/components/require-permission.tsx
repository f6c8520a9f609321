import type { Permission } from '@mprc/contracts';
import type { ReactNode } from 'react';
import { useCan } from '@/lib/authorization';
import { ForbiddenPage } from './forbidden-page';

/** Shows `children` to roles with the permission, the "not allowed" page to the others. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <ForbiddenPage />;
}
