const AUTH_PAGES = ['/login', '/reset-password'];

/**
 * Where to go after signing in: a path inside this app only (never `//host` or `https://...`,
 * which would make the sign-in page an open redirect), and never back to a sign-in page.
 */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  let url: URL;
  try {
    url = new URL(value, 'http://app.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://app.invalid') return fallback;
  if (AUTH_PAGES.some((page) => url.pathname === page || url.pathname.startsWith(`${page}/`))) return fallback;
  // The family portal is another application with its own sign-in.
  if (url.pathname === '/family' || url.pathname.startsWith('/family/')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/login?returnTo=...` for the page being shown. */
export function loginPath(returnTo?: string): string {
  const target = safeReturnTo(returnTo, '');
  return target && target !== '/' ? `/login?${new URLSearchParams({ returnTo: target }).toString()}` : '/login';
}
