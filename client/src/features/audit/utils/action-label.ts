import type { i18n as I18n, TFunction } from 'i18next';

/** `auth.login.failed` -> the key `actionNames.auth-login-failed` (dots would nest in i18next). */
export function actionKey(action: string): string {
  return action.replaceAll('.', '-');
}

/** The action in words, or null when there is no translation (the raw code is then shown alone). */
export function actionLabel(action: string, t: TFunction<'audit'>, i18n: I18n): string | null {
  const key = `actionNames.${actionKey(action)}`;
  return i18n.exists(key, { ns: 'audit' }) ? t(key as 'actionNames.auth-login') : null;
}

/** An entity type in words (`User` -> "Account"), or as stored. */
export function entityTypeLabel(entityType: string, t: TFunction<'audit'>, i18n: I18n): string {
  const key = `entityTypes.${entityType}`;
  return i18n.exists(key, { ns: 'audit' }) ? t(key as 'entityTypes.User') : entityType;
}

/** A changed field's name in words, or as stored. */
export function fieldLabel(field: string, t: TFunction<'audit'>, i18n: I18n): string {
  const key = `fieldNames.${field}`;
  return i18n.exists(key, { ns: 'audit' }) ? t(key as 'fieldNames.name') : field;
}

/** Actions offered as suggestions in the filter, with the `prefix*` forms. */
export const ACTION_SUGGESTIONS = [
  'auth.*',
  'user.*',
  'case.*',
  'access.denied',
  'auth.login',
  'auth.login.failed',
  'auth.login.locked',
  'auth.logout',
  'auth.mfa.*',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.reset_code_issued',
  'user.password_changed',
  'user.password_reset',
  'case.read',
  'case.create',
  'case.update',
  'family.*',
  'portal.*',
];

export const ENTITY_TYPE_SUGGESTIONS = [
  'User',
  'Case',
  'Relative',
  'Contact',
  'Referral',
  'Attachment',
  'PortalAccess',
];
