import { Alert, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { ImportResponse } from '@mprc/contracts';
import { IconDatabaseImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '@/lib/api-client';
import { useCommitImport } from '../api/imports';
import { commitRequest, toCreate, type Decisions } from '../utils/decisions';
import type { MappingDraft } from '../utils/mapping';

interface CommitPanelProps {
  imp: ImportResponse;
  draft: MappingDraft;
  decisions: Decisions;
  /** The mapping changed since the dry run: it must run again first. */
  stale: boolean;
}

/** How many cases the import creates, and the button that creates them (after a confirmation). */
export function CommitPanel({ imp, draft, decisions, stale }: CommitPanelProps) {
  const { t } = useTranslation('imports');
  const commit = useCommitImport(imp.id);
  const [opened, { open, close }] = useDisclosure(false);
  const count = toCreate(imp.counts, decisions);
  const failure =
    commit.error instanceof ApiError && commit.error.code === 'CONFLICT'
      ? t('commit.conflict')
      : commit.error
        ? t('commit.failed')
        : null;

  const run = () =>
    commit.mutate(commitRequest(draft, decisions), {
      onSuccess: (result) => {
        close();
        notifications.show({
          color: 'green',
          title: t('commit.done'),
          message: t('commit.result', { created: result.created, skipped: result.skipped }),
        });
      },
      onError: close,
    });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="import-commit-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="import-commit-title">
          {t('commit.title')}
        </Title>
        <Text>{t('commit.summary', { count })}</Text>
        <Text size="sm" c="dimmed">
          {t('commit.leftOut')}
        </Text>
        {stale ? (
          <Alert color="yellow" variant="light">
            {t('mapping.changed')}
          </Alert>
        ) : null}
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        ) : null}
        <Group>
          <Button
            onClick={open}
            disabled={stale || count === 0}
            leftSection={<IconDatabaseImport size={18} aria-hidden="true" />}
          >
            {t('commit.button', { count })}
          </Button>
        </Group>
      </Stack>
      <Modal opened={opened} onClose={close} title={t('commit.confirmTitle')} centered>
        <Stack gap="md">
          <Text>{t('commit.confirm', { count, file: imp.fileName })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={commit.isPending}>
              {t('commit.cancel')}
            </Button>
            <Button onClick={run} loading={commit.isPending}>
              {t('commit.confirmButton', { count })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

/** After the commit: what was created, and the way to the cases. */
export function CommitResult({ imp }: { imp: ImportResponse }) {
  const { t } = useTranslation('imports');
  return (
    <Alert color="green" variant="light" title={t('commit.done')} role="status">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('commit.result', { created: imp.counts.created, skipped: imp.counts.skipped })}</Text>
        <Button component={Link} to="/cases?sort=-createdAt" variant="default" size="xs">
          {t('commit.toCases')}
        </Button>
      </Stack>
    </Alert>
  );
}
