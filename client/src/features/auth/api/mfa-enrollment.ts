import {
  MfaEnrollmentSchema,
  MfaRecoveryCodesSchema,
  type MfaEnrollment,
  type MfaRecoveryCodes,
  type MfaVerifyRequest,
} from '@mprc/contracts';
import { useMutation } from '@tanstack/react-query';
import { apiPost } from '@/lib/api-client';

/** A new authenticator secret, held by the server until a code from it is confirmed. */
export function startMfaEnrollment(): Promise<MfaEnrollment> {
  return apiPost('/api/v1/auth/mfa/enrollment', undefined, MfaEnrollmentSchema);
}

/** Switches the second factor on; the answer holds the ten recovery codes, shown once. */
export function confirmMfaEnrollment(body: MfaVerifyRequest): Promise<MfaRecoveryCodes> {
  return apiPost('/api/v1/auth/mfa/enrollment/confirm', body, MfaRecoveryCodesSchema);
}

export function useStartMfaEnrollment() {
  return useMutation({ mutationFn: startMfaEnrollment });
}

// The session is refreshed by the caller once the recovery codes have been seen: refreshing it
// here would re-render the sign-in flow away from the codes.
export function useConfirmMfaEnrollment() {
  return useMutation({ mutationFn: confirmMfaEnrollment });
}
