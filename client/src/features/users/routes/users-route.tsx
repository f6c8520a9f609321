import type { UserResponse } from '@mprc/contracts';
import { Button, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { PaginationBar } from '@/components/pagination-bar';
import { QueryErrorAlert } from '@/components/query-error-alert';
import { RequirePermission, useSession } from '@/features/auth';
import { useCan } from '@/lib/authorization';
import { useOffices } from '../api/get-offices';
import { useUsers } from '../api/get-users';
import { ActiveDialog } from '../components/active-dialog';
import { ResetCodeDialog } from '../components/reset-code-dialog';
import { CreateUserDialog, EditUserDialog } from '../components/user-form-dialog';
import type { UserAction } from '../components/user-actions-menu';
import { UsersFilters } from '../components/users-filters';
import { UsersList } from '../components/users-list';
import { filtersFromSearch, withFilter } from '../utils/user-filters';

type Dialog = { kind: 'create' } | { kind: UserAction; user: UserResponse } | null;

function UsersPage() {
  const { t } = useTranslation('users');
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const users = useUsers(filters);
  const offices = useOffices();
  const { user: me } = useSession();
  const canManage = useCan('user.manage');
  const compact = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false;
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);

  return (
    <Page
      title={t('title')}
      description={t('intro')}
      actions={
        canManage ? (
          <Button
            leftSection={<IconUserPlus size={18} aria-hidden="true" />}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('create.open')}
          </Button>
        ) : null
      }
    >
      <UsersFilters
        filters={filters}
        onChange={(key, value) => setParams(withFilter(params, key, value), { replace: true })}
        onClear={() => setParams(new URLSearchParams(), { replace: true })}
      />
      {users.isPending ? (
        <PageLoader />
      ) : users.isError && !users.data ? (
        <QueryErrorAlert
          title={t('list.loadFailed')}
          error={users.error}
          onRetry={() => void users.refetch()}
          retrying={users.isRefetching}
        />
      ) : (
        <Stack gap="md" aria-busy={users.isPlaceholderData}>
          {users.data.items.length === 0 ? (
            <Text>{t('list.empty')}</Text>
          ) : (
            <UsersList
              users={users.data.items}
              offices={offices.data}
              currentUserId={me?.id}
              canManage={canManage}
              compact={compact}
              onAction={(kind, user) => setDialog({ kind, user })}
            />
          )}
          <PaginationBar
            page={users.data.page}
            pageSize={users.data.pageSize}
            total={users.data.total}
            onChange={(page) => setParams(withFilter(params, 'page', String(page)))}
          />
        </Stack>
      )}
      {dialog?.kind === 'create' ? <CreateUserDialog onClose={close} /> : null}
      {dialog?.kind === 'edit' ? (
        <EditUserDialog user={dialog.user} isSelf={dialog.user.id === me?.id} onClose={close} />
      ) : null}
      {dialog?.kind === 'active' ? <ActiveDialog user={dialog.user} onClose={close} /> : null}
      {dialog?.kind === 'reset' ? <ResetCodeDialog user={dialog.user} onClose={close} /> : null}
    </Page>
  );
}

/** /admin/users: staff accounts (user.read); changes need user.manage. */
export function UsersRoute() {
  return (
    <RequirePermission permission="user.read">
      <UsersPage />
    </RequirePermission>
  );
}
