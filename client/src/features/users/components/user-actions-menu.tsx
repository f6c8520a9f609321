import type { UserResponse } from '@mprc/contracts';
import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconKey, IconPencil, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export type UserAction = 'edit' | 'active' | 'reset';

/** The row's actions; deactivating oneself is not offered (the server refuses it too). */
export function UserActionsMenu({
  user,
  isSelf,
  onAction,
}: {
  user: UserResponse;
  isSelf: boolean;
  onAction: (action: UserAction, user: UserResponse) => void;
}) {
  const { t } = useTranslation('users');
  return (
    <Menu position="bottom-end" shadow="md" width={240} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" color="dark" size="lg" aria-label={t('actions.menu', { name: user.name })}>
          <IconDots size={20} aria-hidden="true" />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden="true" />} onClick={() => onAction('edit', user)}>
          {t('actions.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} aria-hidden="true" />} onClick={() => onAction('reset', user)}>
          {t('actions.resetCode')}
        </Menu.Item>
        {isSelf ? null : (
          <Menu.Item
            color={user.isActive ? 'red' : undefined}
            leftSection={
              user.isActive ? (
                <IconUserOff size={16} aria-hidden="true" />
              ) : (
                <IconUserCheck size={16} aria-hidden="true" />
              )
            }
            onClick={() => onAction('active', user)}
          >
            {user.isActive ? t('actions.deactivate') : t('actions.reactivate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
