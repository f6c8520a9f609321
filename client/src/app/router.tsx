import type { i18n as I18n } from 'i18next';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { AuthRoot } from '@/features/auth/components/auth-root';
import { SessionGate, type AuthRouteHandle } from '@/features/auth/components/session-gate';
import { HomeRedirect } from '@/features/auth/routes/home-redirect';
import type { Namespace } from '@/lib/i18n';
import { AppLayout } from './layout/app-layout';
import { NotFoundRoute } from './routes/not-found';
import { RootErrorPage, RouteErrorPage } from './routes/route-error';

/**
 * A code-split page: its chunk and its translation namespaces load in parallel, before the
 * router shows it (so the page does not suspend again for its texts).
 */
function lazyPage(i18n: I18n, load: () => Promise<ComponentType>, namespaces: Namespace[] = []): RouteObject['lazy'] {
  return async () => {
    const [Component] = await Promise.all([load(), i18n.loadNamespaces(namespaces)]);
    return { Component };
  };
}

export function createRoutes(i18n: I18n): RouteObject[] {
  return [
    {
      // Session state around every page (role for navigation, "signed out" dialog). The auth
      // texts load with the shell: the header's user menu and the dialogs use them on any page.
      Component: AuthRoot,
      ErrorBoundary: RootErrorPage,
      HydrateFallback: PageLoader,
      loader: async () => {
        await i18n.loadNamespaces(['auth']);
        return null;
      },
      shouldRevalidate: () => false,
      children: [
        {
          path: 'login',
          lazy: lazyPage(i18n, () => import('@/features/auth/routes/login-route').then((m) => m.LoginRoute), ['auth']),
        },
        {
          path: 'reset-password',
          lazy: lazyPage(
            i18n,
            () => import('@/features/auth/routes/reset-password-route').then((m) => m.ResetPasswordRoute),
            ['auth'],
          ),
        },
        {
          path: '/',
          Component: AppLayout,
          children: [
            {
              // Errors in a page render inside the layout, which stays usable.
              ErrorBoundary: RouteErrorPage,
              // Pages are for signed-in staff; a route opens to everyone with handle: { public: true }.
              Component: SessionGate,
              children: [
                // Each role's landing page (follow-ups for officers and managers, accounts for admins).
                { index: true, Component: HomeRedirect },
                {
                  path: 'status',
                  handle: { public: true } satisfies AuthRouteHandle,
                  lazy: lazyPage(
                    i18n,
                    () => import('@/features/status/routes/status-route').then((m) => m.StatusRoute),
                    ['status'],
                  ),
                },
                {
                  path: 'follow-ups',
                  lazy: lazyPage(
                    i18n,
                    () => import('@/features/follow-ups/routes/follow-ups-route').then((m) => m.FollowUpsRoute),
                    ['followups', 'cases', 'contacts'],
                  ),
                },
                {
                  path: 'cases',
                  lazy: lazyPage(i18n, () => import('@/features/cases/routes/cases-route').then((m) => m.CasesRoute), [
                    'cases',
                  ]),
                },
                {
                  path: 'cases/new',
                  lazy: lazyPage(
                    i18n,
                    () => import('@/features/cases/routes/create-case-route').then((m) => m.CreateCaseRoute),
                    ['cases'],
                  ),
                },
                {
                  path: 'cases/:caseId/:tab?',
                  lazy: lazyPage(i18n, () => import('@/features/cases/routes/case-route').then((m) => m.CaseRoute), [
                    'cases',
                    'relatives',
                    'contacts',
                    'referrals',
                    'attachments',
                    'inbox',
                  ]),
                },
                {
                  path: 'inbox',
                  lazy: lazyPage(i18n, () => import('@/features/inbox/routes/inbox-route').then((m) => m.InboxRoute), [
                    'inbox',
                    'cases',
                  ]),
                },
                {
                  path: 'imports',
                  lazy: lazyPage(
                    i18n,
                    () => import('@/features/imports/routes/imports-route').then((m) => m.ImportsRoute),
                    ['imports'],
                  ),
                },
                {
                  path: 'imports/:importId',
                  lazy: lazyPage(
                    i18n,
                    () => import('@/features/imports/routes/import-route').then((m) => m.ImportRoute),
                    ['imports'],
                  ),
                },
                {
                  path: 'dashboard',
                  lazy: lazyPage(
                    i18n,
                    () => import('@/features/dashboard/routes/dashboard-route').then((m) => m.DashboardRoute),
                    ['dashboard', 'reports'],
                  ),
                },
                {
                  path: 'account',
                  lazy: lazyPage(
                    i18n,
                    () => import('@/features/account/routes/account-route').then((m) => m.AccountRoute),
                    ['account', 'auth'],
                  ),
                },
                {
                  path: 'admin/users',
                  lazy: lazyPage(i18n, () => import('@/features/users/routes/users-route').then((m) => m.UsersRoute), [
                    'users',
                    'auth',
                  ]),
                },
                {
                  path: 'admin/offices',
                  lazy: lazyPage(
                    i18n,
                    () => import('@/features/offices/routes/offices-route').then((m) => m.OfficesRoute),
                    ['offices', 'auth'],
                  ),
                },
                {
                  path: 'admin/audit',
                  lazy: lazyPage(i18n, () => import('@/features/audit/routes/audit-route').then((m) => m.AuditRoute), [
                    'audit',
                    'auth',
                  ]),
                },
                { path: '*', handle: { public: true } satisfies AuthRouteHandle, Component: NotFoundRoute },
              ],
            },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(i18n: I18n) {
  return createBrowserRouter(createRoutes(i18n));
}
