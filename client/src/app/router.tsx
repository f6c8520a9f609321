import type { i18n as I18n } from 'i18next';
import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { PageLoader } from '@/components/page-loader';
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
      path: '/',
      Component: AppLayout,
      ErrorBoundary: RootErrorPage,
      HydrateFallback: PageLoader,
      children: [
        {
          // Errors in a page render inside the layout, which stays usable.
          ErrorBoundary: RouteErrorPage,
          children: [
            // Until there is a dashboard, the home page is the status page.
            { index: true, element: <Navigate to="/status" replace /> },
            {
              path: 'status',
              lazy: lazyPage(i18n, () => import('@/features/status/routes/status-route').then((m) => m.StatusRoute), [
                'status',
              ]),
            },
            { path: '*', Component: NotFoundRoute },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(i18n: I18n) {
  return createBrowserRouter(createRoutes(i18n));
}
