import { render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createRoutes } from '@/app/router';
import { createI18n, type Namespace, type UiLanguage } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';

export async function createTestI18n(language: UiLanguage = 'en', namespaces: Namespace[] = ['common']): Promise<I18n> {
  return createI18n({ language, namespaces });
}

export function renderWithProviders(
  ui: ReactNode,
  i18n: I18n,
): RenderResult & { queryClient: ReturnType<typeof createQueryClient> } {
  const queryClient = createQueryClient();
  // The app's retry policy, without the wait between tries.
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retryDelay: 0 } });
  const result = render(
    <AppProvider i18n={i18n} queryClient={queryClient} env="test">
      {ui}
    </AppProvider>,
  );
  return { ...result, queryClient };
}

/** The whole staff app at a URL, with the real routes (lazy pages, redirects, layout). */
export function renderApp(path: string, i18n: I18n) {
  const router = createMemoryRouter(createRoutes(i18n), { initialEntries: [path] });
  return { ...renderWithProviders(<RouterProvider router={router} />, i18n), router };
}

type Handler = (url: string, init?: RequestInit) => Response | Promise<Response>;

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** A fetch stub that answers by URL path; unknown paths answer 404 and fail the test loudly. */
export function fetchRoutes(routes: Record<string, Handler>) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url, 'http://localhost').pathname;
    const handler = routes[path];
    if (!handler) throw new Error(`Unexpected request in test: ${path}`);
    return handler(url, init);
  };
}
