import { zodResolver } from '@hookform/resolvers/zod';
import { MfaVerifyRequestSchema, type MfaVerifyRequest, type SessionResponse } from '@mprc/contracts';
import { Alert, Button, Group, Stack, Text, TextInput, Title, type TitleOrder } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useVerifyMfa } from '../api/verify-mfa';
import { authErrorText } from '../utils/auth-error-text';
import { applyServerFieldErrors, useFieldErrorText } from '../utils/form-errors';

interface MfaChallengeFormProps {
  onVerified: (session: SessionResponse) => void;
  onCancel: () => void;
  titleOrder: TitleOrder;
}

/** Second sign-in step: a 6-digit code from the authenticator app, or a one-time recovery code. */
export function MfaChallengeForm({ onVerified, onCancel, titleOrder }: MfaChallengeFormProps) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const errorText = useFieldErrorText();
  const verify = useVerifyMfa();
  const [recovery, setRecovery] = useState(false);
  const form = useForm<z.input<typeof MfaVerifyRequestSchema>, unknown, MfaVerifyRequest>({
    resolver: zodResolver(MfaVerifyRequestSchema),
    defaultValues: { code: '' },
  });

  const submit = form.handleSubmit(async (values) => {
    verify.reset();
    try {
      onVerified(await verify.mutateAsync({ code: values.code.replace(/\s+/g, '') }));
    } catch (error) {
      if (applyServerFieldErrors(error, form.setError, ['code'])) verify.reset();
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        <Title order={titleOrder} fz="h3">
          {t('mfa.title')}
        </Title>
        <Text>{recovery ? t('mfa.recoveryIntro') : t('mfa.intro')}</Text>
        {verify.isError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
            {authErrorText(verify.error, 'mfa', t, tCommon)}
          </Alert>
        ) : null}
        <TextInput
          key={recovery ? 'recovery' : 'totp'}
          label={recovery ? t('fields.recoveryCode') : t('fields.mfaCode')}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          spellCheck={false}
          maxLength={32}
          required
          data-autofocus
          error={errorText(form.formState.errors.code)}
          {...form.register('code')}
        />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t('mfa.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Button
            variant="subtle"
            px={0}
            onClick={() => {
              setRecovery((value) => !value);
              form.reset({ code: '' });
            }}
          >
            {recovery ? t('mfa.useApp') : t('mfa.useRecoveryCode')}
          </Button>
          <Button variant="subtle" px={0} onClick={onCancel}>
            {t('mfa.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
