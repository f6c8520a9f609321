import { zodResolver } from '@hookform/resolvers/zod';
import { ResetPasswordRequestSchema, type ResetPasswordRequest } from '@mprc/contracts';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import { useResetPassword } from '../api/reset-password';
import { AuthLayout } from '../components/auth-layout';
import { authErrorText } from '../utils/auth-error-text';
import { applyServerFieldErrors, useFieldErrorText } from '../utils/form-errors';
import { PasswordField } from '../components/password-field';

const FIELDS = ['email', 'resetCode', 'newPassword'] as const;

/** /reset-password: a new password with the one-time code an administrator gave. */
export function ResetPasswordRoute() {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const errorText = useFieldErrorText();
  const navigate = useNavigate();
  const reset = useResetPassword();
  const form = useForm<z.input<typeof ResetPasswordRequestSchema>, unknown, ResetPasswordRequest>({
    resolver: zodResolver(ResetPasswordRequestSchema),
    defaultValues: { email: '', resetCode: '', newPassword: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    reset.reset();
    try {
      await reset.mutateAsync(values);
      await navigate('/login?reset=done', { replace: true });
    } catch (error) {
      if (applyServerFieldErrors(error, form.setError, FIELDS)) reset.reset();
    }
  });

  return (
    <AuthLayout title={t('reset.title')}>
      <Text>{t('reset.intro')}</Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          {reset.isError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
              {authErrorText(reset.error, 'reset', t, tCommon)}
            </Alert>
          ) : null}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            required
            error={errorText(errors.email)}
            {...form.register('email')}
          />
          <TextInput
            label={t('fields.resetCode')}
            description={t('reset.codeHint', { example: 'ABCDE-FGHJK' })}
            autoComplete="one-time-code"
            spellCheck={false}
            required
            error={errorText(errors.resetCode)}
            {...form.register('resetCode')}
          />
          <PasswordField
            label={t('fields.newPassword')}
            description={t('password.hint')}
            autoComplete="new-password"
            required
            error={errorText(errors.newPassword)}
            {...form.register('newPassword')}
          />
          <Button type="submit" loading={reset.isPending} fullWidth>
            {t('reset.submit')}
          </Button>
          <Text size="sm">
            <Anchor component={Link} to="/login">
              {t('reset.backToSignIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
