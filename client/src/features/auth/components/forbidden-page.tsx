import { Button, Group, Text } from '@mantine/core';
import { IconHome } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';

/** A page this role may not open: said plainly, with the way home. */
export function ForbiddenPage() {
  const { t } = useTranslation('auth');
  const { t: tCommon } = useTranslation('common');
  return (
    <Page title={t('forbidden.title')}>
      <Text maw={640}>{t('forbidden.description')}</Text>
      <Group>
        <Button component={Link} to="/" leftSection={<IconHome size={18} aria-hidden="true" />}>
          {tCommon('actions.goHome')}
        </Button>
      </Group>
    </Page>
  );
}
