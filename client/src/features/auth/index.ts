// What other features and the app shell may use from the auth feature.
export { AuthRoot } from './components/auth-root';
export { ForbiddenPage } from './components/forbidden-page';
export { MfaEnrollment } from './components/mfa-enrollment';
export { RequirePermission } from './components/require-permission';
export { SessionGate, type AuthRouteHandle } from './components/session-gate';
export { useAuthContext, useSession, type SessionStatus } from './components/session-context';
export { UserMenu } from './components/user-menu';
export { authKeys } from './api/auth-keys';
export { applyServerFieldErrors, translateFieldError, useFieldErrorText } from './utils/form-errors';
export { formatWait } from './utils/format-wait';
export { PasswordField } from './components/password-field';
