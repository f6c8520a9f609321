import { z } from 'zod';
import { RoleSchema } from './permissions.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
/** Length rules only (NIST 800-63B); the server also refuses common passwords. */
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `At least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `At most ${PASSWORD_MAX_LENGTH} characters`);

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('Not a valid email address'))
  .transform((v) => v.toLowerCase());

export const LoginRequestSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, 'Required')
      .max(254)
      .transform((v) => v.toLowerCase()),
    password: z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    officeCode: z.string().nullable(),
    mfaEnabled: z.boolean(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const SessionResponseSchema = z
  .object({
    user: SessionUserSchema,
    csrfToken: z.string(),
    /** The password was right; a second factor must follow before anything else opens. */
    mfaRequired: z.boolean(),
    /** This role must use a second factor and none is enrolled yet: only enrolment is open. */
    mfaEnrollmentRequired: z.boolean(),
    idleTimeoutMinutes: z.number().int(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'SessionResponse' });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const MfaVerifyRequestSchema = z
  .object({ code: z.string().trim().min(6, 'Enter the 6-digit code or a recovery code').max(32) })
  .meta({ id: 'MfaVerifyRequest' });
export type MfaVerifyRequest = z.infer<typeof MfaVerifyRequestSchema>;

export const MfaEnrollmentSchema = z
  .object({ secret: z.string(), otpauthUrl: z.string() })
  .meta({ id: 'MfaEnrollment' });
export type MfaEnrollment = z.infer<typeof MfaEnrollmentSchema>;

export const MfaRecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'MfaRecoveryCodes' });
export type MfaRecoveryCodes = z.infer<typeof MfaRecoveryCodesSchema>;

export const ChangePasswordRequestSchema = z
  .object({ currentPassword: z.string().min(1, 'Required').max(PASSWORD_MAX_LENGTH), newPassword: NewPasswordSchema })
  .meta({ id: 'ChangePasswordRequest' });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

export const ResetPasswordRequestSchema = z
  .object({ email: EmailSchema, resetCode: z.string().trim().min(6).max(64), newPassword: NewPasswordSchema })
  .meta({ id: 'ResetPasswordRequest' });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;
