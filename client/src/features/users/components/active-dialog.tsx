import type { UserResponse } from '@mprc/contracts';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUpdateUser } from '../api/update-user';
import { userErrorText } from '../utils/user-error-text';

/** Confirms deactivating (sessions end at once) or reactivating an account. */
export function ActiveDialog({ user, onClose }: { user: UserResponse; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { t: tCommon } = useTranslation('common');
  const update = useUpdateUser();
  const deactivate = user.isActive;

  const confirm = async () => {
    try {
      await update.mutateAsync({ id: user.id, changes: { isActive: !deactivate } });
      notifications.show({
        color: 'green',
        message: deactivate
          ? t('active.deactivated', { name: user.name })
          : t('active.reactivated', { name: user.name }),
      });
      onClose();
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      opened
      onClose={onClose}
      title={
        deactivate ? t('active.deactivateTitle', { name: user.name }) : t('active.reactivateTitle', { name: user.name })
      }
    >
      <Stack gap="md">
        <Text>{deactivate ? t('active.deactivateText') : t('active.reactivateText')}</Text>
        {update.isError ? (
          <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
            {userErrorText(update.error, t, tCommon)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('actions.cancel')}
          </Button>
          <Button color={deactivate ? 'red' : 'blue'} loading={update.isPending} onClick={() => void confirm()}>
            {deactivate ? t('active.deactivate') : t('active.reactivate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
