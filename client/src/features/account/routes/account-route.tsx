import { DataList, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useSession } from '@/features/auth';
import { officeName, useOffices } from '@/features/users';
import { useLanguage } from '@/lib/i18n';
import { ChangePasswordForm } from '../components/change-password-form';
import { MfaSettings } from '../components/mfa-settings';

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Paper component="section" withBorder p={{ base: 'md', sm: 'lg' }} aria-label={title}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h3">
            {title}
          </Title>
          {description ? <Text c="dimmed">{description}</Text> : null}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}

/** /account: who I am, my password, my authenticator app. */
export function AccountRoute() {
  const { t } = useTranslation('account');
  const { t: tAuth } = useTranslation('auth');
  const { user, signedOut } = useSession();
  const { language } = useLanguage();
  const shown = user ?? signedOut?.user;
  const offices = useOffices({ enabled: Boolean(shown?.officeCode) });
  if (!shown) return <PageLoader />;
  return (
    <Page title={t('title')}>
      <Section title={t('profile.title')}>
        <DataList>
          <DataList.Item>
            <DataList.ItemLabel>{t('profile.name')}</DataList.ItemLabel>
            <DataList.ItemValue>{shown.name}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('profile.email')}</DataList.ItemLabel>
            <DataList.ItemValue>{shown.email}</DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>{t('profile.role')}</DataList.ItemLabel>
            <DataList.ItemValue>{tAuth(`roles.${shown.role}`)}</DataList.ItemValue>
          </DataList.Item>
          {shown.officeCode ? (
            <DataList.Item>
              <DataList.ItemLabel>{t('profile.office')}</DataList.ItemLabel>
              <DataList.ItemValue>{officeName(shown.officeCode, offices.data, language)}</DataList.ItemValue>
            </DataList.Item>
          ) : null}
        </DataList>
        <Text size="sm" c="dimmed">
          {t('profile.changeHint')}
        </Text>
      </Section>
      <Section title={t('password.title')} description={t('password.intro')}>
        <ChangePasswordForm />
      </Section>
      <Section title={t('mfa.title')}>
        <MfaSettings user={shown} />
      </Section>
    </Page>
  );
}
