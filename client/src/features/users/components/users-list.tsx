import type { Office, UserResponse } from '@mprc/contracts';
import { Badge, Group, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-date';
import { useLanguage } from '@/lib/i18n';
import { officeName } from '../utils/role-options';
import { UserActionsMenu, type UserAction } from './user-actions-menu';

interface UsersListProps {
  users: UserResponse[];
  offices: Office[] | undefined;
  currentUserId: string | undefined;
  canManage: boolean;
  compact: boolean;
  onAction: (action: UserAction, user: UserResponse) => void;
}

function StatusBadges({ user }: { user: UserResponse }) {
  const { t } = useTranslation('users');
  return (
    <Group gap={6}>
      {user.isActive ? (
        <Badge color="green" variant="light">
          {t('status.active')}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          {t('status.inactive')}
        </Badge>
      )}
      {user.mfaEnabled ? (
        <Badge color="blue" variant="light">
          {t('status.mfa')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** Staff accounts: a table on wide screens, one card per person on a phone. */
export function UsersList({ users, offices, currentUserId, canManage, compact, onAction }: UsersListProps) {
  const { t } = useTranslation('users');
  const { t: tAuth } = useTranslation('auth');
  const { language } = useLanguage();
  const lastSignIn = (user: UserResponse) =>
    user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('list.neverSignedIn');

  if (compact) {
    return (
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.label')}>
        {users.map((user) => (
          <Paper component="li" key={user.id} withBorder p="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {user.name}
                  {user.id === currentUserId ? ` ${t('list.you')}` : ''}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {user.email}
                </Text>
                <Text size="sm">
                  {tAuth(`roles.${user.role}`)}
                  {user.officeCode ? ` · ${officeName(user.officeCode, offices, language)}` : ''}
                </Text>
                <StatusBadges user={user} />
                <Text size="xs" c="dimmed">
                  {t('list.lastSignIn')}: {lastSignIn(user)}
                </Text>
              </Stack>
              {canManage ? (
                <UserActionsMenu user={user} isSelf={user.id === currentUserId} onAction={onAction} />
              ) : null}
            </Group>
          </Paper>
        ))}
      </Stack>
    );
  }

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={t('list.label')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.name')}</Table.Th>
            <Table.Th scope="col">{t('fields.role')}</Table.Th>
            <Table.Th scope="col">{t('fields.office')}</Table.Th>
            <Table.Th scope="col">{t('list.status')}</Table.Th>
            <Table.Th scope="col">{t('list.lastSignIn')}</Table.Th>
            {canManage ? (
              <Table.Th scope="col">
                <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Text fw={600}>
                  {user.name}
                  {user.id === currentUserId ? ` ${t('list.you')}` : ''}
                </Text>
                <Text size="sm">{user.email}</Text>
              </Table.Td>
              <Table.Td>{tAuth(`roles.${user.role}`)}</Table.Td>
              <Table.Td>{officeName(user.officeCode, offices, language) ?? '—'}</Table.Td>
              <Table.Td>
                <StatusBadges user={user} />
              </Table.Td>
              <Table.Td>{lastSignIn(user)}</Table.Td>
              {canManage ? (
                <Table.Td ta="end">
                  <UserActionsMenu user={user} isSelf={user.id === currentUserId} onAction={onAction} />
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
