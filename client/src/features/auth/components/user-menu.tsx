import { Box, Button, Menu, Stack, Text } from '@mantine/core';
import { IconChevronDown, IconLogin, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { loginPath } from '../utils/return-to';
import { useAuthContext, useSession } from './session-context';

/** Header: who is signed in (name and role) with "My account" and "Sign out"; or "Sign in". */
export function UserMenu() {
  const { t } = useTranslation('auth');
  const { status, user } = useSession();
  const { signOut, signingOut } = useAuthContext();
  const location = useLocation();

  if (status === 'loading' || status === 'error') return null;
  if (!user) {
    if (location.pathname === '/login') return null;
    return (
      <Button
        component={Link}
        to={loginPath(`${location.pathname}${location.search}`)}
        variant="subtle"
        color="dark"
        px="xs"
        leftSection={<IconLogin size={20} aria-hidden="true" />}
      >
        {t('signIn.submit')}
      </Button>
    );
  }

  const role = t(`roles.${user.role}`);
  return (
    // Not in a portal, and items only inside role="menu" (see LanguageMenu): name and role are in
    // the button, which also names the menu for screen readers.
    <Menu position="bottom-end" width={220} shadow="md" withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px="xs"
          h="auto"
          py={4}
          leftSection={<IconUserCircle size={24} aria-hidden="true" />}
          rightSection={<IconChevronDown size={16} aria-hidden="true" />}
          aria-label={t('userMenu.label', { name: user.name, role })}
        >
          <Box visibleFrom="md" maw={180}>
            <Stack gap={0} align="flex-start">
              <Text size="sm" fw={600} truncate maw={180}>
                {user.name}
              </Text>
              <Text size="xs" c="dimmed" truncate maw={180}>
                {role}
              </Text>
            </Stack>
          </Box>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          component={Link}
          to="/account"
          leftSection={<IconUserCircle size={18} aria-hidden="true" />}
          data-autofocus
        >
          {t('userMenu.account')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={18} aria-hidden="true" />}
          disabled={signingOut}
          onClick={() => void signOut()}
        >
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
