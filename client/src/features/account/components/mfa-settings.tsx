import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '@mprc/contracts';
import { applyServerFieldErrors, authKeys, MfaEnrollment, PasswordField, useFieldErrorText } from '@/features/auth';
import { ApiError } from '@/lib/api-client';
import { errorMessageKey } from '@/lib/error-message';
import { useDisableMfa } from '../api/disable-mfa';

function DisableMfaDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const errorText = useFieldErrorText();
  const disable = useDisableMfa();
  const form = useForm<{ password: string }>({ defaultValues: { password: '' } });

  const submit = form.handleSubmit(async (values) => {
    disable.reset();
    try {
      await disable.mutateAsync(values);
      notifications.show({ color: 'green', title: t('mfa.title'), message: t('mfa.disabled') });
      onClose();
    } catch (error) {
      if (applyServerFieldErrors(error, form.setError, ['password'])) disable.reset();
    }
  });
  const mandatory = disable.error instanceof ApiError && disable.error.code === 'FORBIDDEN';

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      opened
      onClose={onClose}
      title={t('mfa.disableTitle')}
    >
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Text>{t('mfa.disableIntro')}</Text>
          {disable.isError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
              {mandatory ? t('mfa.mandatory') : tCommon(errorMessageKey(disable.error))}
            </Alert>
          ) : null}
          <PasswordField
            label={t('mfa.password')}
            autoComplete="current-password"
            required
            data-autofocus
            error={errorText(form.formState.errors.password)}
            {...form.register('password', { required: 'Required' })}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" color="red" loading={disable.isPending}>
              {t('mfa.disableSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The authenticator app: on or off, set it up, or remove it (with the password). */
export function MfaSettings({ user }: { user: SessionUser }) {
  const { t } = useTranslation('account');
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'enrol' | 'disable' | null>(null);

  return (
    <Stack gap="md" align="flex-start">
      <Group gap="sm">
        <Text fw={600}>{t('mfa.status')}</Text>
        {user.mfaEnabled ? (
          <Badge color="green" variant="light" leftSection={<IconShieldCheck size={14} aria-hidden="true" />}>
            {t('mfa.on')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" leftSection={<IconShieldOff size={14} aria-hidden="true" />}>
            {t('mfa.off')}
          </Badge>
        )}
      </Group>
      <Text maw={640}>{user.mfaEnabled ? t('mfa.onIntro') : t('mfa.offIntro')}</Text>
      {user.mfaEnabled ? (
        <Button variant="default" color="red" onClick={() => setDialog('disable')}>
          {t('mfa.disable')}
        </Button>
      ) : (
        <Button onClick={() => setDialog('enrol')}>{t('mfa.enable')}</Button>
      )}
      {dialog === 'disable' ? <DisableMfaDialog onClose={() => setDialog(null)} /> : null}
      {dialog === 'enrol' ? (
        <Modal
          closeButtonProps={{ 'aria-label': t('actions.close') }}
          opened
          onClose={() => setDialog(null)}
          title={t('mfa.enableTitle')}
          size="lg"
          // The recovery codes must not be closed away by a stray click.
          closeOnClickOutside={false}
        >
          <MfaEnrollment
            email={user.email}
            titleOrder={3}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              void queryClient.invalidateQueries({ queryKey: authKeys.session() });
              notifications.show({ color: 'green', title: t('mfa.title'), message: t('mfa.enabled') });
            }}
          />
        </Modal>
      ) : null}
    </Stack>
  );
}
