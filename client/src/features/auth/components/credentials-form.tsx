import { zodResolver } from '@hookform/resolvers/zod';
import { LoginRequestSchema, type LoginRequest, type SessionResponse } from '@mprc/contracts';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useLogin } from '../api/login';
import { authErrorText } from '../utils/auth-error-text';
import { applyServerFieldErrors, useFieldErrorText } from '../utils/form-errors';
import { PasswordField } from './password-field';

interface CredentialsFormProps {
  defaultEmail?: string;
  onSignedIn: (session: SessionResponse) => void;
  /** In the signed-out dialog: no link away from the page. */
  compact?: boolean;
}

/** First sign-in step: email and password. */
export function CredentialsForm({ defaultEmail = '', onSignedIn, compact = false }: CredentialsFormProps) {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const errorText = useFieldErrorText();
  const login = useLogin();
  const form = useForm<z.input<typeof LoginRequestSchema>, unknown, LoginRequest>({
    resolver: zodResolver(LoginRequestSchema),
    defaultValues: { email: defaultEmail, password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    try {
      onSignedIn(await login.mutateAsync(values));
    } catch (error) {
      applyServerFieldErrors(error, form.setError, ['email', 'password']);
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md">
        {login.isError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
            {authErrorText(login.error, 'login', t, tCommon)}
          </Alert>
        ) : null}
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          required
          data-autofocus={defaultEmail ? undefined : true}
          error={errorText(errors.email)}
          {...form.register('email')}
        />
        <PasswordField
          label={t('fields.password')}
          autoComplete="current-password"
          required
          data-autofocus={defaultEmail ? true : undefined}
          error={errorText(errors.password)}
          {...form.register('password')}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('signIn.submit')}
        </Button>
        {compact ? null : (
          <Text size="sm">
            {t('signIn.forgotPassword')}{' '}
            <Anchor component={Link} to="/reset-password">
              {t('signIn.useResetCode')}
            </Anchor>
          </Text>
        )}
      </Stack>
    </form>
  );
}
