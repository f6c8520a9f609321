import type { TFunction } from 'i18next';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/api-client';

// Validation messages come in English from the shared zod schemas (contracts) and from the
// server. Forms show them in the interface language: known messages map to a translation, the
// rest by their kind, and only an unknown server message is shown as the server wrote it.

type Rule = [RegExp, (t: TFunction<'auth'>, match: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^Required$/, (t) => t('validation.required')],
  [/^At least (\d+) characters$/, (t, m) => t('validation.minLength', { count: Number(m[1]) })],
  [/^At most (\d+) characters$/, (t, m) => t('validation.maxLength', { count: Number(m[1]) })],
  [/^Not a valid email address$/, (t) => t('validation.email')],
  [/^A liaison officer belongs to an office$/, (t) => t('validation.officeRequired')],
  [/^Unknown office code/, (t) => t('validation.unknownOffice')],
  [/^Role must be /, (t) => t('validation.role')],
  [/^Enter the 6-digit code or a recovery code$/, (t) => t('validation.mfaCode')],
  [/^The code is not valid$/, (t) => t('validation.invalidMfaCode')],
  [/^The reset code is not valid or has expired$/, (t) => t('validation.invalidResetCode')],
  [/^The current password is not correct$/, (t) => t('validation.wrongCurrentPassword')],
  [/^The password is not correct$/, (t) => t('validation.wrongPassword')],
  [/too common/, (t) => t('validation.passwordCommon')],
  [/too easy to guess/, (t) => t('validation.passwordEasy')],
  [/must not contain your name or email/, (t) => t('validation.passwordPersonal')],
  [/^Already in use$/, (t) => t('validation.emailInUse')],
  [/^Passwords do not match$/, (t) => t('validation.passwordsDiffer')],
];

const SERVER_TYPE = 'server';

export function translateFieldError(error: Pick<FieldError, 'type' | 'message'>, t: TFunction<'auth'>): string {
  const message = error.message ?? '';
  for (const [pattern, translate] of RULES) {
    const match = pattern.exec(message);
    if (match) return translate(t, match);
  }
  const type = String(error.type);
  if (type === `${SERVER_TYPE}:weak_password`) return t('validation.passwordWeak');
  if (type === `${SERVER_TYPE}:invalid_code`) return t('validation.invalidMfaCode');
  if (type === `${SERVER_TYPE}:duplicate`) return t('validation.emailInUse');
  if (type.startsWith(SERVER_TYPE)) return message || t('validation.invalid');
  if (type === 'too_small') return t('validation.tooShort');
  if (type === 'too_big') return t('validation.tooLong');
  return t('validation.invalid');
}

/** `(error) => text` for a field's `error` prop, in the interface language. */
export function useFieldErrorText(): (error: FieldError | undefined) => string | undefined {
  const { t } = useTranslation('auth');
  return (error) => (error ? translateFieldError(error, t) : undefined);
}

/**
 * Puts the server's field errors (400/409 with `errors`) on the form's own fields. Returns true
 * when every one found its field, so the caller knows whether a general alert is still needed.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiError) || error.errors.length === 0) return false;
  let allPlaced = true;
  let first = true;
  for (const fieldError of error.errors) {
    const name = fields.find((field) => field === fieldError.field);
    if (!name) {
      allPlaced = false;
      continue;
    }
    setError(
      name,
      { type: fieldError.code ? `${SERVER_TYPE}:${fieldError.code}` : SERVER_TYPE, message: fieldError.message },
      { shouldFocus: first },
    );
    first = false;
  }
  return allPlaced;
}
