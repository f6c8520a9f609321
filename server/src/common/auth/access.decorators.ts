import { applyDecorators, SetMetadata } from '@nestjs/common';
import type { Permission } from '@mprc/contracts';

export const PERMISSION_KEY = 'mprc:permission';
export const PUBLIC_KEY = 'mprc:public';
export const ALLOW_MFA_PENDING_KEY = 'mprc:allow-mfa-pending';

/** The route needs a session whose role grants this permission (contracts/src/permissions.ts). */
export const RequirePermission = (permission: Permission) => SetMetadata(PERMISSION_KEY, permission);

/** The route is open to anonymous callers. Every route declares this or a permission. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The route may be used by a session that has passed the password but not yet the second factor. */
export const AllowMfaPending = (permission: Permission) =>
  applyDecorators(SetMetadata(PERMISSION_KEY, permission), SetMetadata(ALLOW_MFA_PENDING_KEY, true));
