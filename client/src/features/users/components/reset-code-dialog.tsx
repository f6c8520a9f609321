import type { UserResponse } from '@mprc/contracts';
import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format-date';
import { useIssueResetCode } from '../api/issue-reset-code';
import { userErrorText } from '../utils/user-error-text';

/** Issues a one-time reset code and shows it once, with when it expires. */
export function ResetCodeDialog({ user, onClose }: { user: UserResponse; onClose: () => void }) {
  const { t } = useTranslation('users');
  const { t: tCommon } = useTranslation('common');
  const issue = useIssueResetCode();
  const clipboard = useClipboard({ timeout: 3000 });

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      opened
      onClose={onClose}
      title={t('reset.title', { name: user.name })}
      closeOnClickOutside={false}
    >
      {issue.data ? (
        <Stack gap="md">
          <Text>{t('reset.issued', { name: user.name })}</Text>
          <Group gap="xs">
            <Code fz="xl" fw={700} data-testid="reset-code">
              {issue.data.resetCode}
            </Code>
            <Button variant="subtle" size="compact-sm" onClick={() => clipboard.copy(issue.data.resetCode)}>
              {clipboard.copied ? t('actions.copied') : t('actions.copy')}
            </Button>
          </Group>
          <Text fw={600}>{t('reset.expires', { at: formatDateTime(issue.data.expiresAt) })}</Text>
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />}>
            {t('reset.onlyOnce')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('actions.done')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text>{t('reset.intro', { name: user.name })}</Text>
          {issue.isError ? (
            <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
              {userErrorText(issue.error, t, tCommon)}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('actions.cancel')}
            </Button>
            <Button loading={issue.isPending} onClick={() => issue.mutate(user.id)}>
              {t('reset.submit')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
