import { AppShell, Burger, Group, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery, useWindowEvent } from '@mantine/hooks';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useMatch, useNavigationType } from 'react-router';
import { LanguageMenu } from '@/components/language-menu';
import { PageLoader } from '@/components/page-loader';
import { SkipLink } from '@/components/skip-link';
import { UserMenu } from '@/features/auth/components/user-menu';
import { useRole } from '@/lib/authorization';
import { NAV_ITEMS, visibleNavItems, type NavItem } from '../navigation';

export const MAIN_CONTENT_ID = 'main-content';
const NAVBAR_ID = 'app-navbar';

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation('common');
  const active = useMatch({ path: item.to, end: false }) !== null;
  const ItemIcon = item.icon;
  const Badge = item.badge;
  return (
    <NavLink
      component={RouterNavLink}
      to={item.to}
      label={t(item.labelKey)}
      leftSection={<ItemIcon size={20} aria-hidden="true" />}
      rightSection={Badge ? <Badge /> : undefined}
      active={active}
      onClick={onNavigate}
    />
  );
}

export function AppLayout() {
  const { t } = useTranslation('common');
  const [opened, { toggle, close }] = useDisclosure(false);
  // Below the breakpoint the navbar slides over the page; while closed it must not take focus.
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const items = visibleNavItems(NAV_ITEMS, useRole());
  const mainRef = useRef<HTMLElement>(null);
  const burgerRef = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const navigationType = useNavigationType();
  const firstRender = useRef(true);

  // Escape closes the mobile navigation from anywhere and returns focus to its button.
  useWindowEvent('keydown', (event) => {
    if (event.key === 'Escape' && isMobile && opened) {
      close();
      burgerRef.current?.focus();
    }
  });

  // After a client-side navigation, move focus to the new content so screen readers announce it,
  // as they would after a full page load. Not on the first page, nor on redirects (REPLACE, such
  // as / -> /status), so a fresh page starts at the skip link.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (navigationType === 'REPLACE') return;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname, navigationType]);

  return (
    <>
      <SkipLink targetId={MAIN_CONTENT_ID} />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'sm', sm: 'lg' }}
      >
        <AppShell.Header>
          <Group h="100%" px={{ base: 'xs', sm: 'md' }} gap="xs" wrap="nowrap">
            <Burger
              ref={burgerRef}
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('nav.close') : t('nav.open')}
              aria-expanded={opened}
              aria-controls={NAVBAR_ID}
            />
            <UnstyledButton component={Link} to="/" style={{ minWidth: 0, flex: 1 }}>
              <Text fw={700} fz={{ base: 'sm', xs: 'md', sm: 'lg' }} lineClamp={2} lh={1.2}>
                {t('app.name')}
              </Text>
            </UnstyledButton>
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <LanguageMenu />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id={NAVBAR_ID} p="sm" aria-label={t('nav.label')} inert={isMobile && !opened}>
          {items.map((item) => (
            <NavEntry key={item.to} item={item} onNavigate={close} />
          ))}
        </AppShell.Navbar>

        <AppShell.Main id={MAIN_CONTENT_ID} ref={mainRef} tabIndex={-1} style={{ outline: 'none' }}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
