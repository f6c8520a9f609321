// A client-side limit on how long one query may go unanswered. PostgreSQL enforces
// statement_timeout only while it runs: a frozen server (stalled storage, SIGSTOP) or a peer cut
// off without a reset never answers, and the request waiting on it would hang for good.
//
// pg's own `query_timeout` pool option applies to every query of a client, streams included: a
// cursor or COPY that legitimately runs for minutes (exports, bulk loads) would be cut. So the
// limit is added per query, to plain queries only; a query that sets `query_timeout` keeps it.
// A connection whose query timed out is closed: a late answer must not reach the next user.
import type pg from 'pg';

export const QUERY_TIMEOUT_MESSAGE = 'Query read timeout'; // pg's wording

type QueryFn = (...args: unknown[]) => unknown;

const isPlainQuery = (config: unknown) =>
  typeof config === 'string' ||
  (!!config && typeof config === 'object' && typeof (config as { submit?: unknown }).submit !== 'function');

/** Patches one client's `query` (the pool's own `query` goes through it). */
export function limitQueryTime(client: { query: QueryFn }, ms: number, onTimeout: () => void): void {
  const original = client.query.bind(client) as QueryFn;
  const timedOut = (e: unknown) => e instanceof Error && e.message === QUERY_TIMEOUT_MESSAGE;
  client.query = (config: unknown, ...rest: unknown[]) => {
    if (!isPlainQuery(config)) return original(config, ...rest);
    const base: { text?: string; query_timeout?: number } =
      typeof config === 'string' ? { text: config } : (config as object);
    if (base.query_timeout !== undefined) return original(config, ...rest);
    const limited = { ...base, query_timeout: ms };
    const cbIndex = rest.findIndex((a) => typeof a === 'function');
    if (cbIndex >= 0) {
      const cb = rest[cbIndex] as (err: unknown, res?: unknown) => void;
      rest[cbIndex] = (err: unknown, res?: unknown) => {
        if (timedOut(err)) onTimeout();
        cb(err, res);
      };
      return original(limited, ...rest);
    }
    const result = original(limited, ...rest);
    if (result && typeof (result as Promise<unknown>).catch === 'function') {
      return (result as Promise<unknown>).catch((e: unknown) => {
        if (timedOut(e)) onTimeout();
        throw e;
      });
    }
    return result;
  };
}

/** Applies the limit to every connection the pool opens. */
export function limitPoolQueryTime(pool: pg.Pool, ms: number): void {
  pool.on('connect', (client) => {
    const c = client as unknown as { query: QueryFn; connection?: { stream?: { destroy(): void } } };
    limitQueryTime(c, ms, () => c.connection?.stream?.destroy());
  });
}
