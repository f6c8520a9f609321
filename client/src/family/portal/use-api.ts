import { useCallback, useEffect, useState } from 'react';
import { call } from '../lib/api';

// What the portal read last, by path: going back to a page shows it at once while it refreshes.
const cache = new Map<string, unknown>();

export function clearCache(): void {
  cache.clear();
}

export function forget(path: string): void {
  cache.delete(path);
}

interface State<T> {
  path: string;
  data?: T;
  error?: unknown;
}

/** GET `/api/v1/family<path>`: the last known data at once, then fresh data (or the error). */
export function useApi<T>(path: string): {
  data: T | undefined;
  error: unknown;
  reload: () => void;
  /** Replace the data after a write (a sent message). */
  update: (change: (data: T) => T) => void;
} {
  const [state, setState] = useState<State<T>>(() => ({ path, data: cache.get(path) as T | undefined }));
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    call<T>(path).then(
      (data) => {
        cache.set(path, data);
        if (live) setState({ path, data });
      },
      (error: unknown) => {
        if (live) setState((previous) => ({ path, data: previous.path === path ? previous.data : undefined, error }));
      },
    );
    return () => {
      live = false;
    };
  }, [path, version]);

  const update = useCallback(
    (change: (data: T) => T) =>
      setState((previous) => {
        if (previous.path !== path || previous.data === undefined) return previous;
        const data = change(previous.data);
        cache.set(path, data);
        return { path, data };
      }),
    [path],
  );
  const reload = useCallback(() => setVersion((n) => n + 1), []);

  const current: State<T> = state.path === path ? state : { path, data: cache.get(path) as T | undefined };
  return { data: current.data, error: current.error, reload, update };
}
