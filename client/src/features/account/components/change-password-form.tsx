import { zodResolver } from '@hookform/resolvers/zod';
import { ChangePasswordRequestSchema, type ChangePasswordRequest } from '@mprc/contracts';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { applyServerFieldErrors, PasswordField, useFieldErrorText } from '@/features/auth';
import { errorMessageKey } from '@/lib/error-message';
import { useChangePassword } from '../api/change-password';

// The shared request schema, plus the repeated password that never leaves the browser.
const ChangePasswordFormSchema = ChangePasswordRequestSchema.extend({ confirmPassword: z.string() }).refine(
  (value) => value.newPassword === value.confirmPassword,
  { path: ['confirmPassword'], message: 'Passwords do not match' },
);
type ChangePasswordForm = z.infer<typeof ChangePasswordFormSchema>;

export function ChangePasswordForm() {
  const { t } = useTranslation('account');
  const { t: tAuth } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  const errorText = useFieldErrorText();
  const change = useChangePassword();
  const form = useForm<ChangePasswordForm>({
    resolver: zodResolver(ChangePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit(async ({ currentPassword, newPassword }: ChangePasswordRequest) => {
    change.reset();
    try {
      await change.mutateAsync({ currentPassword, newPassword });
      form.reset();
      notifications.show({ color: 'green', title: t('password.changedTitle'), message: t('password.changed') });
    } catch (error) {
      if (applyServerFieldErrors(error, form.setError, ['currentPassword', 'newPassword'])) change.reset();
    }
  });

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack gap="md" maw={420}>
        {change.isError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
            {tCommon(errorMessageKey(change.error))}
          </Alert>
        ) : null}
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          required
          error={errorText(errors.currentPassword)}
          {...form.register('currentPassword')}
        />
        <PasswordField
          label={t('password.new')}
          description={tAuth('password.hint')}
          autoComplete="new-password"
          required
          error={errorText(errors.newPassword)}
          {...form.register('newPassword')}
        />
        <PasswordField
          label={t('password.repeat')}
          autoComplete="new-password"
          required
          error={errorText(errors.confirmPassword)}
          {...form.register('confirmPassword')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
