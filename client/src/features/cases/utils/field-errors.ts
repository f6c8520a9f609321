import type { TFunction } from 'i18next';
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@/lib/api-client';

type CasesT = TFunction<'cases'>;

// The shared schemas and the server word their messages in English (they are also the API's
// documentation). Forms show them in the interface language: each known message or code maps to
// a translation; anything else falls back to a general sentence rather than English text.
const BY_MESSAGE: [RegExp, (t: CasesT, m: RegExpExecArray) => string][] = [
  [/^Required\b/, (t) => t('validation.required')],
  [/^At most (\d+) characters$/, (t, m) => t('validation.tooLong', { max: Number(m[1]) })],
  [/^Use YYYY, YYYY-MM or YYYY-MM-DD/, (t) => t('validation.partialDate')],
  [/^Use YYYY-MM-DD$/, (t) => t('validation.date')],
  [/^The year must be (\d+) or later$/, (t, m) => t('validation.yearTooEarly', { year: Number(m[1]) })],
  [/^The (date|time) is in the future$/, (t) => t('validation.future')],
  [/^Missing since a date before the date of birth$/, (t) => t('validation.missingBeforeBirth')],
  [/^Listed twice$/, (t) => t('validation.listedTwice')],
  [/^Already recorded on another case$/, (t) => t('validation.referenceTaken')],
  [/^Unknown (office )?code/, (t) => t('validation.unknownCode')],
  [/^A phone number/, (t) => t('validation.phone')],
  [/^Not a valid phone number/, (t) => t('validation.phone')],
  [/^(An email address|Not a valid email address)$/, (t) => t('validation.email')],
  [/^A liaison officer creates cases in their own office$/, (t) => t('validation.ownOffice')],
  [/^Not an active liaison officer of the case office$/, (t) => t('validation.notOfficeOfficer')],
  [/^When linking an existing relative/, (t) => t('validation.linkedRelative')],
  [/^Give fateStatus, workflowStatus or both$/, (t) => t('validation.statusRequired')],
  [/^Before missingFrom$/, (t) => t('validation.rangeOrder')],
  [/^Invalid UUID$/, (t) => t('validation.required')],
];

const BY_CODE: Record<string, (t: CasesT) => string> = {
  required: (t) => t('validation.required'),
  invalid_type: (t) => t('validation.required'),
  unknown_code: (t) => t('validation.unknownCode'),
  duplicate: (t) => t('validation.referenceTaken'),
  not_own_office: (t) => t('validation.ownOffice'),
  not_office_officer: (t) => t('validation.notOfficeOfficer'),
  invalid_value: (t) => t('validation.choose'),
  too_big: (t) => t('validation.tooMany'),
};

/** The message to show under a field, in the interface language. */
export function translateFieldError(
  t: CasesT,
  error: { message?: string; type?: string } | undefined,
): string | undefined {
  if (!error) return undefined;
  const message = error.message ?? '';
  for (const [pattern, word] of BY_MESSAGE) {
    const match = pattern.exec(message);
    if (match) return word(t, match);
  }
  const byCode = error.type ? BY_CODE[error.type] : undefined;
  return byCode ? byCode(t) : t('validation.invalid');
}

/**
 * Puts the server's field errors (`externalReferences.0.reference`) on the form's fields. Answers
 * the messages of fields the form does not have, to show above the form.
 */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): { placed: number; unplaced: { field: string; message: string; code?: string }[] } {
  if (!(error instanceof ApiError)) return { placed: 0, unplaced: [] };
  let placed = 0;
  const unplaced: { field: string; message: string; code?: string }[] = [];
  let focused = false;
  for (const item of error.errors) {
    const root = item.field.split('.')[0];
    if (fields.includes(root)) {
      setError(
        item.field as Path<T>,
        { type: item.code ?? 'server', message: item.message },
        { shouldFocus: !focused },
      );
      focused = true;
      placed += 1;
    } else unplaced.push(item);
  }
  return { placed, unplaced };
}
