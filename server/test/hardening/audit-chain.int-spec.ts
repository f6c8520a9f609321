// The audit chain under failure: entries written by transactions that roll back (an error after
// the audit insert, a lost connection, a killed server) must leave no trace, not even a used-up
// sequence number, or the chain check reports a deleted entry that never existed.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/audit.repository.js';
import { createTestDatabase, type TestDatabase } from '../setup/test-database.js';

const insert = (c: pg.Pool | pg.PoolClient | pg.Client, action: string) =>
  c.query(`INSERT INTO audit_entry (id, action) VALUES (gen_random_uuid(), $1)`, [action]);

describe('audit chain and rolled-back writers', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = new pg.Pool({ connectionString: db.url, max: 12 });
    // A backend that goes away while a client is idle in the pool (the server killing sessions, a
    // restart) is emitted as an 'error' on the pool; unhandled, it fails the whole run as an
    // "unhandled error" (seen once in CI against a shared PostgreSQL 15). What this file checks is
    // the chain, so such errors are logged, and the pool opens a new connection when next asked.
    pool.on('error', (e) => console.warn(`audit-chain test: idle connection lost: ${e.message}`));
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const seqs = async () =>
    (await pool.query<{ seq: string }>('SELECT seq::text AS seq FROM audit_entry ORDER BY audit_entry.seq')).rows.map(
      (r) => Number(r.seq),
    );
  const consecutive = (list: number[]) => list.every((s, i) => s === i + 1);

  it('leaves no gap after a rollback or a connection lost mid-transaction', async () => {
    await insert(pool, 'one');
    const c = await pool.connect();
    await c.query('BEGIN');
    await insert(c, 'rolled back');
    await c.query('ROLLBACK');
    c.release();

    // A server killed mid-transaction looks like this to PostgreSQL: the session just ends.
    const doomed = new pg.Client({ connectionString: db.url });
    const ended = new Promise<void>((resolve) => doomed.once('end', () => resolve()));
    doomed.on('error', () => undefined);
    await doomed.connect();
    await doomed.query('BEGIN');
    await insert(doomed, 'never committed');
    await pool.query('SELECT pg_terminate_backend($1)', [(doomed as unknown as { processID: number }).processID]);
    // Wait until the client has seen its connection end, so nothing arrives after the test.
    await ended;
    await doomed.end().catch(() => undefined);

    await insert(pool, 'two');
    expect(await verifyAuditChain(pool)).toEqual({ entries: (await seqs()).length, firstBroken: null });
    expect(consecutive(await seqs())).toBe(true);
  });

  it('stays gapless and linked with concurrent writers of which some roll back', async () => {
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          await insert(c, `concurrent ${i}`);
          if (i % 2)
            await c.query(
              `INSERT INTO audit_entry (id, action) VALUES (gen_random_uuid(), 'second'), (gen_random_uuid(), 'third')`,
            );
          await c.query(i % 3 === 0 ? 'ROLLBACK' : 'COMMIT');
        } finally {
          c.release();
        }
      }),
    );
    const list = await seqs();
    expect(list).toEqual(list.map((_, i) => i + 1));
    expect((await verifyAuditChain(pool)).firstBroken).toBeNull();
  });
});
