import { Anchor, Box, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageMenu } from '@/components/language-menu';
import { useDocumentTitle } from '@/lib/use-document-title';

/** Sign-in pages: the app's name and the language switch, one card, no navigation. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation('common');
  const { t: tAuth } = useTranslation('auth');
  useDocumentTitle(title);
  return (
    <>
      <Box
        component="header"
        px={{ base: 'xs', sm: 'md' }}
        py="xs"
        bg="white"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group justify="space-between" wrap="nowrap" gap="xs" mih={44}>
          <Text fw={700} fz={{ base: 'sm', xs: 'md', sm: 'lg' }} lh={1.2} lineClamp={2}>
            {t('app.name')}
          </Text>
          <LanguageMenu />
        </Group>
      </Box>
      <Box component="main" bg="gray.0" mih="calc(100dvh - 62px)" py={{ base: 'md', sm: 'xl' }}>
        <Container size={460} px={{ base: 'xs', sm: 'md' }}>
          <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }} radius="md">
            <Stack gap="lg">
              <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
                {title}
              </Title>
              {children}
            </Stack>
          </Paper>
          <Text size="sm" ta="center" mt="md">
            <Anchor component={Link} to="/status">
              {tAuth('layout.statusLink')}
            </Anchor>
          </Text>
        </Container>
      </Box>
    </>
  );
}
