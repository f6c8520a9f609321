import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../components/page-heading';
import { call, FamilyApiError, OfflineError } from '../lib/api';
import { ADDRESS_MAX_LENGTH, CONTACT_LANGUAGE_NAMES, CONTACT_LANGUAGES, PHONE_PATTERN } from '../lib/constants';
import { useSession } from '../lib/session';
import type { FamilyProfile } from './types';
import shared from '../family.module.css';
import classes from './portal.module.css';

type Field = 'phone' | 'email' | 'address';
type Values = Record<Field, string> & { preferredLanguage: FamilyProfile['preferredLanguage'] };

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function check(values: Values): Partial<Record<Field, true>> {
  const problems: Partial<Record<Field, true>> = {};
  if (values.phone.trim() && !PHONE_PATTERN.test(values.phone.trim())) problems.phone = true;
  if (values.email.trim() && !EMAIL_PATTERN.test(values.email.trim())) problems.email = true;
  if (values.address.trim().length > ADDRESS_MAX_LENGTH) problems.address = true;
  return problems;
}

/** The family's own phone, email, address and language; the officer sees what they change. */
export function ContactPage() {
  const { t } = useTranslation('family');
  const { session, setProfile } = useSession();
  const me = session.relative;
  const id = useId();
  const [values, setValues] = useState<Values>({
    phone: me.phone ?? '',
    email: me.email ?? '',
    address: me.address ?? '',
    preferredLanguage: me.preferredLanguage,
  });
  const [invalid, setInvalid] = useState<Partial<Record<Field, true>>>({});
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed' | 'offline'>('idle');
  const phoneRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const addressRef = useRef<HTMLTextAreaElement>(null);
  const focus = (field: Field) => ({ phone: phoneRef, email: emailRef, address: addressRef })[field].current?.focus();

  function change<K extends keyof Values>(key: K, value: Values[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    if (status === 'saved') setStatus('idle');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (status === 'saving') return;
    const problems = check(values);
    setInvalid(problems);
    const first = (['phone', 'email', 'address'] as const).find((field) => problems[field]);
    if (first) {
      setStatus('idle');
      focus(first);
      return;
    }
    setStatus('saving');
    try {
      const profile = await call<FamilyProfile>('/me', {
        method: 'PATCH',
        body: {
          phone: values.phone.trim() || null,
          email: values.email.trim() || null,
          address: values.address.trim() || null,
          preferredLanguage: values.preferredLanguage,
        },
      });
      setProfile(profile);
      setStatus('saved');
    } catch (error) {
      if (error instanceof FamilyApiError && error.status === 401) return;
      if (error instanceof FamilyApiError && error.status === 422) {
        const fromServer: Partial<Record<Field, true>> = {};
        for (const field of ['phone', 'email', 'address'] as const)
          if (error.fieldErrors[field]) fromServer[field] = true;
        setInvalid(fromServer);
        const firstBad = (['phone', 'email', 'address'] as const).find((field) => fromServer[field]);
        if (firstBad) {
          setStatus('idle');
          focus(firstBad);
          return;
        }
      }
      setStatus(error instanceof OfflineError ? 'offline' : 'failed');
    }
  }

  const describedBy = (field: Field, hint?: boolean) =>
    [invalid[field] && `${id}-${field}-error`, hint && `${id}-${field}-hint`].filter(Boolean).join(' ') || undefined;
  const error = (field: Field) =>
    invalid[field] && (
      <p id={`${id}-${field}-error`} className={shared.fieldError}>
        {t(`contact.errors.${field}`)}
      </p>
    );

  return (
    <>
      <PageHeading documentTitle={t('contact.title')}>{t('contact.title')}</PageHeading>
      <p className={shared.lead}>{t('contact.intro')}</p>
      <form noValidate onSubmit={submit} aria-labelledby={`${id}-title`} className={shared.card}>
        <h2 id={`${id}-title`} className={shared.cardTitle}>
          {me.firstName} {me.lastName}
        </h2>
        <p className={shared.hint}>{t('contact.nameHint')}</p>

        <div className={`${shared.formField} ${classes.firstField}`}>
          <label htmlFor={`${id}-phone`} className={shared.fieldLabel}>
            {t('contact.phone')}
          </label>
          <p id={`${id}-phone-hint`} className={shared.hint}>
            {t('contact.phoneHint')}
          </p>
          <input
            ref={phoneRef}
            id={`${id}-phone`}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            className={shared.input}
            value={values.phone}
            maxLength={40}
            onChange={(event) => change('phone', event.currentTarget.value)}
            aria-invalid={invalid.phone || undefined}
            aria-describedby={describedBy('phone', true)}
          />
          {error('phone')}
        </div>

        <div className={shared.formField}>
          <label htmlFor={`${id}-email`} className={shared.fieldLabel}>
            {t('contact.email')}
          </label>
          <p id={`${id}-email-hint`} className={shared.hint}>
            {t('contact.emailHint')}
          </p>
          <input
            ref={emailRef}
            id={`${id}-email`}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            className={shared.input}
            value={values.email}
            maxLength={254}
            onChange={(event) => change('email', event.currentTarget.value)}
            aria-invalid={invalid.email || undefined}
            aria-describedby={describedBy('email', true)}
          />
          {error('email')}
        </div>

        <div className={shared.formField}>
          <label htmlFor={`${id}-address`} className={shared.fieldLabel}>
            {t('contact.address')}
          </label>
          <textarea
            ref={addressRef}
            id={`${id}-address`}
            name="address"
            autoComplete="street-address"
            className={shared.input}
            rows={3}
            value={values.address}
            maxLength={ADDRESS_MAX_LENGTH}
            onChange={(event) => change('address', event.currentTarget.value)}
            aria-invalid={invalid.address || undefined}
            aria-describedby={describedBy('address')}
          />
          {error('address')}
        </div>

        <div className={shared.formField}>
          <label htmlFor={`${id}-language`} className={shared.fieldLabel}>
            {t('contact.language')}
          </label>
          <p id={`${id}-language-hint`} className={shared.hint}>
            {t('contact.languageHint')}
          </p>
          <select
            id={`${id}-language`}
            name="preferredLanguage"
            className={shared.select}
            value={values.preferredLanguage}
            onChange={(event) => change('preferredLanguage', event.currentTarget.value as Values['preferredLanguage'])}
            aria-describedby={`${id}-language-hint`}
          >
            {CONTACT_LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {CONTACT_LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>

        <div role="status">{status === 'saved' && <p className={shared.success}>{t('contact.saved')}</p>}</div>
        <div role="alert">
          {(status === 'failed' || status === 'offline') && (
            <p className={shared.alert}>{status === 'offline' ? t('errors.offline') : t('contact.failed')}</p>
          )}
        </div>
        <button type="submit" className={shared.primaryButton} aria-disabled={status === 'saving' || undefined}>
          {status === 'saving' ? t('contact.saving') : t('contact.save')}
        </button>
      </form>
    </>
  );
}
