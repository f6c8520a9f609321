import type { FamilySessionResponse } from '@mprc/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, FamilyApiError, OfflineError } from '../lib/api';
import { loadPortal } from '../lib/load-portal';
import { normalizeAccessCodeInput, normalizeCaseNumberInput } from '../lib/normalize';
import classes from '../family.module.css';

type Problem =
  | { kind: 'wrong' }
  | { kind: 'locked'; minutes?: number }
  | { kind: 'rateLimited' }
  | { kind: 'offline' }
  | { kind: 'server' };

export function SignInForm({ onSignedIn }: { onSignedIn: (session: FamilySessionResponse) => void }) {
  const { t } = useTranslation('family');
  const id = useId();
  const [caseNumber, setCaseNumber] = useState('');
  const [accessCode, setAccessCode] = useState('');
  const [missing, setMissing] = useState<{ caseNumber?: boolean; accessCode?: boolean }>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const caseRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const number = normalizeCaseNumberInput(caseNumber);
    const code = normalizeAccessCodeInput(accessCode);
    const nowMissing = { caseNumber: !number, accessCode: !code };
    setMissing(nowMissing);
    setProblem(null);
    if (nowMissing.caseNumber || nowMissing.accessCode) {
      (nowMissing.caseNumber ? caseRef : codeRef).current?.focus();
      return;
    }
    setBusy(true);
    void loadPortal().catch(() => {});
    try {
      const session = await call<FamilySessionResponse>('/login', {
        method: 'POST',
        body: { caseNumber: number, accessCode: code },
        sessionEvents: false,
      });
      onSignedIn(session);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  }

  const message = problem && problemText(problem, t);
  const caseHint = `${id}-case-hint`;
  const caseError = `${id}-case-error`;
  const codeHint = `${id}-code-hint`;
  const codeError = `${id}-code-error`;
  return (
    <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`} className={classes.card}>
      <h2 id={`${id}-title`} className={classes.cardTitle}>
        {t('signIn.title')}
      </h2>
      <p className={classes.muted}>{t('signIn.help')}</p>

      <div className={classes.formField}>
        <label htmlFor={`${id}-case`} className={classes.fieldLabel}>
          {t('signIn.caseNumber')}
        </label>
        <p id={caseHint} className={classes.hint}>
          {t('signIn.caseNumberHint', { example: 'MP-000123' })}
        </p>
        <input
          ref={caseRef}
          id={`${id}-case`}
          name="caseNumber"
          className={classes.input}
          value={caseNumber}
          onChange={(event) => setCaseNumber(event.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={missing.caseNumber || undefined}
          aria-describedby={missing.caseNumber ? `${caseError} ${caseHint}` : caseHint}
        />
        {missing.caseNumber && (
          <p id={caseError} className={classes.fieldError}>
            {t('signIn.caseNumberMissing')}
          </p>
        )}
      </div>

      <div className={classes.formField}>
        <label htmlFor={`${id}-code`} className={classes.fieldLabel}>
          {t('signIn.accessCode')}
        </label>
        <p id={codeHint} className={classes.hint}>
          {t('signIn.accessCodeHint')}
        </p>
        <input
          ref={codeRef}
          id={`${id}-code`}
          name="accessCode"
          className={`${classes.input} ${classes.code}`}
          value={accessCode}
          onChange={(event) => setAccessCode(event.currentTarget.value)}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={missing.accessCode || undefined}
          aria-describedby={missing.accessCode ? `${codeError} ${codeHint}` : codeHint}
        />
        {missing.accessCode && (
          <p id={codeError} className={classes.fieldError}>
            {t('signIn.accessCodeMissing')}
          </p>
        )}
      </div>

      <div role="alert" className={message ? classes.alert : undefined}>
        {message}
      </div>

      <button type="submit" className={classes.primaryButton} aria-disabled={busy || undefined}>
        {busy ? t('signIn.submitting') : t('signIn.submit')}
      </button>
    </form>
  );
}

function toProblem(error: unknown): Problem {
  if (error instanceof OfflineError) return { kind: 'offline' };
  if (error instanceof FamilyApiError) {
    if (error.status === 401 || error.status === 400 || error.status === 422) return { kind: 'wrong' };
    if (error.code === 'LOCKED_OUT')
      return {
        kind: 'locked',
        minutes: error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : undefined,
      };
    if (error.status === 429) return { kind: 'rateLimited' };
  }
  return { kind: 'server' };
}

function problemText(problem: Problem, t: ReturnType<typeof useTranslation<'family'>>['t']): string {
  switch (problem.kind) {
    case 'wrong':
      return t('signIn.wrong');
    case 'locked':
      return problem.minutes ? t('signIn.locked', { count: problem.minutes }) : t('signIn.lockedLater');
    case 'rateLimited':
      return t('signIn.rateLimited');
    case 'offline':
      return t('errors.offline');
    case 'server':
      return t('errors.server');
  }
}
