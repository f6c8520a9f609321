// The portal's few pages need no router library: the History API, one hook and a link.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
let navigated = false;

function notify(): void {
  navigated = true;
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path, without a trailing slash ("/family/cases"). */
export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath);
}

export function currentPath(): string {
  const path = window.location.pathname.replace(/\/+$/, '');
  return path || '/';
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === currentPath() && !replace) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** True once the family moved between pages (not on the first load): headings then take focus. */
export function hasNavigated(): boolean {
  return navigated;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A plain link that changes page without reloading; a new tab or window still works as usual. */
export function Link({ to, onClick, ...props }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    )
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...props} />;
}
