import { ROLES, type Role } from '@mprc/contracts';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
