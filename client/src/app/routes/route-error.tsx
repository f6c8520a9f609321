import { Button, Center, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Page } from '@/components/page';
import { errorRequestId } from '@/lib/error-message';
import { NotFoundRoute } from './not-found';

function useErrorDetails() {
  const error = useRouteError();
  useEffect(() => {
    console.error(error);
  }, [error]);
  return { error, notFound: isRouteErrorResponse(error) && error.status === 404, requestId: errorRequestId(error) };
}

function ErrorActions() {
  const { t } = useTranslation('common');
  return (
    <Group>
      <Button leftSection={<IconRefresh size={18} aria-hidden="true" />} onClick={() => window.location.reload()}>
        {t('actions.reload')}
      </Button>
      <Button component="a" href="/" variant="default">
        {t('actions.goHome')}
      </Button>
    </Group>
  );
}

/** A page failed inside the layout: the header and navigation stay usable. */
export function RouteErrorPage() {
  const { t } = useTranslation('common');
  const { notFound, requestId } = useErrorDetails();
  if (notFound) return <NotFoundRoute />;
  return (
    <Page title={t('error.title')}>
      <Text maw={640}>{t('error.description')}</Text>
      {requestId ? <Text size="sm">{t('apiErrors.reference', { requestId })}</Text> : null}
      <ErrorActions />
    </Page>
  );
}

/** The layout itself failed: a standalone page with its own landmark. */
export function RootErrorPage() {
  const { t } = useTranslation('common');
  const { error } = useErrorDetails();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('error.title') });
  }, [t]);
  return (
    <Center component="main" mih="100dvh" p="md">
      <Stack maw={640} gap="md">
        <Text fw={700}>{t('app.name')}</Text>
        <Title order={1}>{t('error.title')}</Title>
        <Text>{t('error.description')}</Text>
        {import.meta.env.DEV && error instanceof Error ? <Code block>{error.stack ?? error.message}</Code> : null}
        <ErrorActions />
      </Stack>
    </Center>
  );
}
