import { describe, expect, it, vi } from 'vitest';
import { limitQueryTime, QUERY_TIMEOUT_MESSAGE } from './query-timeout.js';

function fakeClient(outcome: 'ok' | 'timeout' = 'ok') {
  const calls: unknown[][] = [];
  const client = {
    query: (...args: unknown[]) => {
      calls.push(args);
      const err = outcome === 'timeout' ? new Error(QUERY_TIMEOUT_MESSAGE) : null;
      const cb = args.find((a) => typeof a === 'function') as ((e: unknown, r?: unknown) => void) | undefined;
      if (cb) return void cb(err, err ? undefined : { rows: [] });
      return err ? Promise.reject(err) : Promise.resolve({ rows: [] });
    },
  };
  return { client, calls };
}

describe('limitQueryTime', () => {
  it('adds the limit to plain queries, text or config, keeping values and callbacks', async () => {
    const { client, calls } = fakeClient();
    limitQueryTime(client, 5000, () => undefined);
    await client.query('SELECT 1');
    await client.query({ text: 'SELECT $1', values: [1], rowMode: 'array' });
    const cb = vi.fn();
    client.query('SELECT $1', [2], cb);
    expect(calls[0][0]).toEqual({ text: 'SELECT 1', query_timeout: 5000 });
    expect(calls[1][0]).toEqual({ text: 'SELECT $1', values: [1], rowMode: 'array', query_timeout: 5000 });
    expect(calls[2][0]).toEqual({ text: 'SELECT $1', query_timeout: 5000 });
    expect(calls[2][1]).toEqual([2]);
    expect(cb).toHaveBeenCalledWith(null, { rows: [] });
  });

  it('leaves streams (cursors, COPY) and explicit limits alone', async () => {
    const { client, calls } = fakeClient();
    limitQueryTime(client, 5000, () => undefined);
    const cursor = { submit: () => undefined, text: 'SELECT * FROM big' };
    client.query(cursor);
    await client.query({ text: 'SELECT pg_sleep(60)', query_timeout: 120_000 });
    expect(calls[0][0]).toBe(cursor);
    expect(calls[1][0]).toEqual({ text: 'SELECT pg_sleep(60)', query_timeout: 120_000 });
  });

  it('closes the connection after a timeout, whichever way the caller waits', async () => {
    const { client } = fakeClient('timeout');
    const onTimeout = vi.fn();
    limitQueryTime(client, 5000, onTimeout);
    await expect(client.query('SELECT 1')).rejects.toThrow(QUERY_TIMEOUT_MESSAGE);
    const cb = vi.fn();
    client.query('SELECT 1', [], cb);
    expect(cb.mock.calls[0][0]).toBeInstanceOf(Error);
    expect(onTimeout).toHaveBeenCalledTimes(2);
  });
});
