import { z } from 'zod';
import { EmailSchema, NewPasswordSchema } from './auth.js';
import { OfficeCodeSchema, PageQuerySchema, pageOf, text } from './common.js';
import { RoleSchema } from './permissions.js';

const StaffRoleSchema = z.enum(['ADMIN', 'MANAGER', 'LIAISON_OFFICER'], {
  error: 'Role must be ADMIN, MANAGER or LIAISON_OFFICER (family access is issued on a case)',
});

export const CreateUserRequestSchema = z
  .object({
    email: EmailSchema,
    name: text(200),
    role: StaffRoleSchema,
    officeCode: OfficeCodeSchema.nullish(),
    password: NewPasswordSchema,
  })
  .superRefine((v, ctx) => {
    if (v.role === 'LIAISON_OFFICER' && !v.officeCode)
      ctx.addIssue({ code: 'custom', path: ['officeCode'], message: 'A liaison officer belongs to an office' });
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const UpdateUserRequestSchema = z
  .object({
    name: text(200).optional(),
    role: StaffRoleSchema.optional(),
    officeCode: OfficeCodeSchema.nullable().optional(),
    isActive: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to change' })
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const UserResponseSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    officeCode: z.string().nullable(),
    isActive: z.boolean(),
    mfaEnabled: z.boolean(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type UserResponse = z.infer<typeof UserResponseSchema>;

export const ListUsersQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  role: RoleSchema.optional(),
  officeCode: OfficeCodeSchema.optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type ListUsersQuery = z.infer<typeof ListUsersQuerySchema>;
export const UserPageSchema = pageOf(UserResponseSchema).meta({ id: 'UserPage' });

export const ResetCodeResponseSchema = z
  .object({ resetCode: z.string(), expiresAt: z.iso.datetime() })
  .meta({ id: 'ResetCode' });
export type ResetCodeResponse = z.infer<typeof ResetCodeResponseSchema>;
