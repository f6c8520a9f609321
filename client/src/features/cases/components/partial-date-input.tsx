import { TextInput, type TextInputProps } from '@mantine/core';
import { PartialDateBoundSchema, PartialDateSchema } from '@mprc/contracts';
import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPartialDate, normalizePartialDate } from '../utils/partial-date';

export interface PartialDateInputProps extends Omit<
  TextInputProps,
  'value' | 'onChange' | 'defaultValue' | 'description'
> {
  value: string | null | undefined;
  /** The normalized value (`1999-04`), or the text as typed when it is not a date, on blur or Enter. */
  onCommit: (value: string) => void;
  /** Search bounds may lie in the future; recorded dates may not. */
  allowFuture?: boolean;
  /** Replaces the standard hint. */
  hint?: string;
}

/**
 * A date known to the year, the month or the day. Accepts what people write here (1999, 4.1999,
 * 12.04.1999, 1999-04-12), stores `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and reads the value back in
 * words ("April 1999") so a wrong month or day order is noticed.
 */
export const PartialDateInput = forwardRef<HTMLInputElement, PartialDateInputProps>(function PartialDateInput(
  { value, onCommit, allowFuture = false, hint, onBlur, onKeyDown, ...props },
  ref,
) {
  const { t } = useTranslation('cases');
  const current = value ?? '';
  const [text, setText] = useState(current);
  const [shown, setShown] = useState(current);
  if (current !== shown) {
    setShown(current);
    setText(current);
  }
  const normalized = normalizePartialDate(text);
  const schema = allowFuture ? PartialDateBoundSchema : PartialDateSchema;
  const readable = normalized && schema.safeParse(normalized).success ? formatPartialDate(normalized, t) : '';
  const commit = () => {
    setText(normalized);
    if (normalized !== current) onCommit(normalized);
  };

  return (
    <TextInput
      ref={ref}
      {...props}
      inputMode="text"
      autoComplete="off"
      // The hint goes under the box, so inputs in a row stay aligned whatever its length.
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={(event) => {
        commit();
        onBlur?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        onKeyDown?.(event);
      }}
      description={
        <>
          {hint ?? t('dates.partialHint')}
          {readable ? (
            <>
              <br />
              <span aria-live="polite">{t('dates.readsAs', { date: readable })}</span>
            </>
          ) : null}
        </>
      }
    />
  );
});
