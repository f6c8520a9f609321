import { zodResolver } from '@hookform/resolvers/zod';
import { MfaVerifyRequestSchema, type MfaVerifyRequest } from '@mprc/contracts';
import { Alert, Button, Code, Group, List, Stack, Text, TextInput, Title, type TitleOrder } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { PageLoader } from '@/components/page-loader';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { errorMessageKey } from '@/lib/error-message';
import { useConfirmMfaEnrollment, useStartMfaEnrollment } from '../api/mfa-enrollment';
import { applyServerFieldErrors, useFieldErrorText } from '../utils/form-errors';
import { QrCode } from './qr-code';
import { RecoveryCodes } from './recovery-codes';

interface MfaEnrollmentProps {
  email: string;
  /** After the recovery codes were confirmed as saved. */
  onDone: () => void;
  onCancel?: () => void;
  titleOrder: TitleOrder;
}

// Names of apps, the same in every language (and kept in Latin script in Serbian Cyrillic).
const AUTHENTICATOR_APPS = 'FreeOTP, Aegis, Google Authenticator, Microsoft Authenticator';

/** "ABCD EFGH IJKL": the secret in groups of four, easier to type from the screen. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Enrols an authenticator app: a new secret (QR code and the key as text), a code from the app
 * to confirm it, then the recovery codes, shown once.
 */
export function MfaEnrollment({ email, onDone, onCancel, titleOrder }: MfaEnrollmentProps) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const errorText = useFieldErrorText();
  const start = useStartMfaEnrollment();
  const confirm = useConfirmMfaEnrollment();
  const clipboard = useClipboard({ timeout: 3000 });
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const form = useForm<z.input<typeof MfaVerifyRequestSchema>, unknown, MfaVerifyRequest>({
    resolver: zodResolver(MfaVerifyRequestSchema),
    defaultValues: { code: '' },
  });

  // One new secret per enrolment, also under StrictMode's double effects: each start replaces
  // the secret the server holds, so a second start would make the QR code on screen stale.
  const started = useRef(false);
  const { mutate: startEnrollment } = start;
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    startEnrollment();
  }, [startEnrollment]);

  const submit = form.handleSubmit(async (values) => {
    confirm.reset();
    try {
      const result = await confirm.mutateAsync({ code: values.code.replace(/\s+/g, '') });
      setRecoveryCodes(result.recoveryCodes);
    } catch (error) {
      if (applyServerFieldErrors(error, form.setError, ['code'])) confirm.reset();
    }
  });

  if (recoveryCodes)
    return <RecoveryCodes codes={recoveryCodes} email={email} onDone={onDone} titleOrder={titleOrder} />;

  if (start.isError) {
    return (
      <Stack gap="md">
        <QueryErrorAlert title={t('enrol.startFailed')} error={start.error} onRetry={() => start.mutate()} />
        {onCancel ? (
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('actions.cancel')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }
  if (!start.data) return <PageLoader />;

  const { secret, otpauthUrl } = start.data;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Title order={titleOrder} fz="h3">
          {t('enrol.title')}
        </Title>
        <List type="ordered" spacing="md">
          <List.Item>{t('enrol.stepInstall', { apps: AUTHENTICATOR_APPS })}</List.Item>
          <List.Item>
            <Stack gap="xs">
              <Text>{t('enrol.stepScan')}</Text>
              <QrCode value={otpauthUrl} alt={t('enrol.qrAlt')} />
              <Text size="sm">{t('enrol.manualKey')}</Text>
              <Group gap="xs" align="center">
                <Code fz="md" style={{ overflowWrap: 'anywhere' }} data-testid="mfa-secret">
                  {groupSecret(secret)}
                </Code>
                <Button variant="subtle" size="compact-sm" onClick={() => clipboard.copy(secret)}>
                  {clipboard.copied ? t('enrol.keyCopied') : t('enrol.copyKey')}
                </Button>
              </Group>
            </Stack>
          </List.Item>
          <List.Item>{t('enrol.stepCode')}</List.Item>
        </List>
        {confirm.isError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
            {tCommon(errorMessageKey(confirm.error))}
          </Alert>
        ) : null}
        <TextInput
          label={t('fields.mfaCode')}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={32}
          required
          error={errorText(form.formState.errors.code)}
          {...form.register('code')}
        />
        <Group justify="flex-end" gap="sm">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('actions.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={confirm.isPending}>
            {t('enrol.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
