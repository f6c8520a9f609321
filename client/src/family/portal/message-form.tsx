import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, FamilyApiError, OfflineError } from '../lib/api';
import { MESSAGE_MAX_LENGTH } from '../lib/constants';
import type { FamilyMessage } from './types';
import shared from '../family.module.css';

/** Write to the liaison officer, or ask for a meeting. */
export function MessageForm({ caseId, onSent }: { caseId: string; onSent: (message: FamilyMessage) => void }) {
  const { t } = useTranslation('family');
  const id = useId();
  const [body, setBody] = useState('');
  const [meeting, setMeeting] = useState(false);
  const [empty, setEmpty] = useState(false);
  const [status, setStatus] = useState<'idle' | 'sending' | 'sent' | 'failed' | 'offline'>('idle');
  const textRef = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status === 'sending') return;
    const text = body.trim();
    // Asking for a meeting needs no words; the request is then written out for the officer.
    if (!text && !meeting) {
      setEmpty(true);
      setStatus('idle');
      textRef.current?.focus();
      return;
    }
    setEmpty(false);
    setStatus('sending');
    try {
      const message = await call<FamilyMessage>(`/cases/${caseId}/messages`, {
        method: 'POST',
        body: { body: text || t('messages.meetingOnly'), meetingRequested: meeting },
      });
      setBody('');
      setMeeting(false);
      setStatus('sent');
      onSent(message);
    } catch (error) {
      if (error instanceof FamilyApiError && error.status === 401) return;
      setStatus(error instanceof OfflineError ? 'offline' : 'failed');
    }
  }

  const left = MESSAGE_MAX_LENGTH - body.length;
  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`} className={shared.card}>
      <h2 id={`${id}-title`} className={shared.cardTitle}>
        {t('messages.formTitle')}
      </h2>
      <div className={shared.formField}>
        <label htmlFor={`${id}-body`} className={shared.fieldLabel}>
          {t('messages.body')}
        </label>
        <textarea
          ref={textRef}
          id={`${id}-body`}
          name="body"
          className={shared.input}
          value={body}
          maxLength={MESSAGE_MAX_LENGTH}
          rows={5}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            if (status === 'sent') setStatus('idle');
          }}
          aria-invalid={empty || undefined}
          aria-describedby={`${empty ? `${id}-error ` : ''}${id}-count`}
        />
        {empty && (
          <p id={`${id}-error`} className={shared.fieldError}>
            {t('messages.empty')}
          </p>
        )}
        <p id={`${id}-count`} className={shared.hint}>
          {t('messages.charactersLeft', { count: left })}
        </p>
      </div>
      <div className={shared.checkboxField}>
        <input
          id={`${id}-meeting`}
          type="checkbox"
          name="meetingRequested"
          checked={meeting}
          onChange={(event) => setMeeting(event.currentTarget.checked)}
          aria-describedby={`${id}-meeting-hint`}
        />
        <div>
          <label htmlFor={`${id}-meeting`} className={shared.fieldLabel}>
            {t('messages.meeting')}
          </label>
          <p id={`${id}-meeting-hint`} className={shared.hint}>
            {t('messages.meetingHint')}
          </p>
        </div>
      </div>
      <div role="status">{status === 'sent' && <p className={shared.success}>{t('messages.sent')}</p>}</div>
      <div role="alert">
        {(status === 'failed' || status === 'offline') && (
          <p className={shared.alert}>{status === 'offline' ? t('errors.offline') : t('messages.failed')}</p>
        )}
      </div>
      <button type="submit" className={shared.primaryButton} aria-disabled={status === 'sending' || undefined}>
        {status === 'sending' ? t('messages.sending') : t('messages.send')}
      </button>
    </form>
  );
}
