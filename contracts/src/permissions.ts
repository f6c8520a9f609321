import { z } from 'zod';

// The one table that maps roles to permissions. Server routes name permissions
// (`@RequirePermission('case.read')`), the client shows or hides actions from the same table.
// Record scope (office, own family cases) is applied on top, in the repositories.

export const ROLES = ['ADMIN', 'MANAGER', 'LIAISON_OFFICER', 'FAMILY'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
export const STAFF_ROLES = ['ADMIN', 'MANAGER', 'LIAISON_OFFICER'] as const satisfies readonly Role[];

export const PERMISSIONS = [
  'session.self', // sign out
  'account.self', // staff: read one's own account, change the password, manage the second factor
  'reference.read',
  'reference.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'case.read',
  'case.create',
  'case.update',
  'case.status',
  'case.status.correct', // backwards fate corrections, closure approval, reopening
  'case.assign',
  'case.merge',
  'case.history', // a case's own audit history
  'relative.read',
  'relative.write',
  'relative.erase',
  'contact.read',
  'contact.write',
  'referral.read',
  'referral.write',
  'attachment.read',
  'attachment.write',
  'portal.issue',
  'message.staff', // read and answer family messages
  'report.read',
  'export.create',
  'import.manage',
  'family.portal', // the family's own cases, messages and contact details
] as const;
export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

const CASEWORK: Permission[] = [
  'reference.read',
  'case.read',
  'case.create',
  'case.update',
  'case.status',
  'case.history',
  'relative.read',
  'relative.write',
  'contact.read',
  'contact.write',
  'referral.read',
  'referral.write',
  'attachment.read',
  'attachment.write',
  'portal.issue',
  'message.staff',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ADMIN: [
    'session.self',
    'account.self',
    'reference.read',
    'reference.manage',
    'user.read',
    'user.manage',
    'audit.read',
    'report.read',
  ],
  MANAGER: [
    'session.self',
    'account.self',
    ...CASEWORK,
    'case.status.correct',
    'case.assign',
    'case.merge',
    'relative.erase',
    'user.read',
    'report.read',
    'export.create',
    'import.manage',
  ],
  LIAISON_OFFICER: ['session.self', 'account.self', ...CASEWORK],
  FAMILY: ['session.self', 'family.portal'],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role != null && ROLE_PERMISSIONS[role].includes(permission);
}
