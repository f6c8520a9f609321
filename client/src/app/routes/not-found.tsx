import { Button, Group, Text } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';

export function NotFoundRoute() {
  const { t } = useTranslation('common');
  return (
    <Page title={t('notFound.title')}>
      <Text maw={640}>{t('notFound.description')}</Text>
      <Group>
        <Button component={Link} to="/" leftSection={<IconHome size={18} aria-hidden="true" />}>
          {t('actions.goHome')}
        </Button>
      </Group>
    </Page>
  );
}
