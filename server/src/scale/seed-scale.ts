// seed:scale: loads N synthetic cases (relatives, contacts, timeline, references) with COPY.
//
// One transaction: a failure at any point leaves the database as it was (the case-number
// sequence keeps its advance: numbers are never reused anyway). Inside it:
//   1. staff: liaison officers per office and a manager, created when missing;
//   2. the loaded tables' indexes, keys and foreign keys are dropped (rebuilt once at the end,
//      sorted, which is several times faster than maintaining them row by row);
//   3. per-row triggers that have nothing to do for this data are disabled: case_search_text
//      (search_text is built from PostgreSQL's own mprc_fold() of every word, see Vocabulary)
//      and the family-notification triggers (no seeded relative has portal access);
//   4. batches from a generator (a worker thread when built) stream in with COPY;
//   5. triggers back on, keys and indexes rebuilt, foreign keys re-added (which checks them),
//      one `seed.scale` audit entry chained by the audit trigger; COMMIT; VACUUM ANALYZE.
// The tables are locked for the whole load: run it with the app stopped (or expect it to wait).
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { hashPassword } from '../common/auth/passwords.js';
import { loadReferenceData } from '../common/database/reference-data.js';
import {
  CaseGenerator,
  formatCaseNumber,
  TABLE_COLUMNS,
  TABLES,
  Vocabulary,
  type Batch,
  type BatchCounts,
  type GeneratorContext,
  type OfficeStaff,
  type TableName,
} from './generate.js';
import type { WorkerInput, WorkerMessage } from './generate-worker.js';

export interface SeedScaleOptions {
  cases: number;
  /** Same seed, same names and distributions (row ids are random). Default: random. */
  seed?: number;
  batchSize?: number;
  /** Generate in a worker thread (needs the built .js); default when available. */
  worker?: boolean;
  /** Drop and rebuild the loaded tables' indexes (default: when the load is large next to what is there). */
  rebuildIndexes?: boolean;
  /** Liaison officers to have per office. */
  officersPerOffice?: number;
  now?: Date;
  log?: (line: string) => void;
}

export interface SeedScaleResult {
  seed: number;
  counts: BatchCounts;
  firstCaseNumber: string;
  lastCaseNumber: string;
  createdUsers: string[];
  rebuiltIndexes: boolean;
  /** Seconds per phase, and `total`. */
  seconds: Record<string, number>;
}

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface DroppedObjects {
  foreignKeys: { table: string; name: string; def: string }[];
  keys: { table: string; name: string; def: string }[];
  indexes: { name: string; def: string }[];
}

/** Captures, then drops, the keys, indexes and foreign keys of the loaded tables (and those pointing at them). */
async function dropIndexes(client: pg.Client, tables: string[]): Promise<DroppedObjects> {
  const fks = await client.query<{ table: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint
      WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))
      ORDER BY conrelid::regclass::text, conname`,
    [tables.map(q)],
  );
  const keys = await client.query<{ table: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype IN ('p', 'u') AND conrelid = ANY($1::regclass[])
      ORDER BY conrelid::regclass::text, contype, conname`,
    [tables.map(q)],
  );
  const indexes = await client.query<{ name: string; def: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i
      WHERE i.indrelid = ANY($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1`,
    [tables.map(q)],
  );
  for (const fk of fks.rows) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${q(fk.name)}`);
  for (const k of keys.rows) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${q(k.name)}`);
  for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
  return { foreignKeys: fks.rows, keys: keys.rows, indexes: indexes.rows };
}

async function recreate(
  client: pg.Client,
  dropped: DroppedObjects,
  time: (label: string, fn: () => Promise<unknown>) => Promise<void>,
): Promise<void> {
  await time('keys', async () => {
    for (const k of dropped.keys) await client.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${q(k.name)} ${k.def}`);
  });
  await time('indexes', async () => {
    for (const i of dropped.indexes) await client.query(i.def);
  });
  await time('foreign keys', async () => {
    for (const fk of dropped.foreignKeys)
      await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${q(fk.name)} ${fk.def}`);
  });
}

// Row triggers that would do nothing useful for generated rows (see the header).
const SKIPPABLE_TRIGGER_FUNCTIONS = new Set(['case_search_text', 'notification_enqueue']);

async function disableTriggers(
  client: pg.Client,
  tables: string[],
  log: (m: string) => void,
): Promise<{ table: string; name: string }[]> {
  const { rows } = await client.query<{ table: string; name: string; fn: string }>(
    `SELECT t.tgrelid::regclass::text AS table, t.tgname AS name, p.proname AS fn
       FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND t.tgrelid = ANY($1::regclass[])
      ORDER BY 1, 2`,
    [tables.map(q)],
  );
  const disabled: { table: string; name: string }[] = [];
  for (const t of rows) {
    if (SKIPPABLE_TRIGGER_FUNCTIONS.has(t.fn)) {
      await client.query(`ALTER TABLE ${t.table} DISABLE TRIGGER ${q(t.name)}`);
      disabled.push(t);
    } else {
      log(`Note: trigger ${t.name} on ${t.table} stays on during the load (it runs once per row)`);
    }
  }
  return disabled;
}

/** Liaison officers per office and one manager: existing ones are used, missing ones created. */
async function ensureStaff(
  client: pg.Client,
  perOffice: number,
): Promise<{ offices: OfficeStaff[]; created: string[] }> {
  const offices = (
    await client.query<{ id: string; code: string }>('SELECT id, code FROM office ORDER BY code = $1 DESC, code', [
      'PRISTINA',
    ])
  ).rows;
  if (!offices.length) throw new Error('no offices: the reference data is missing');
  const created: string[] = [];
  // Nobody knows these passwords (random, not kept): an administrator sets one to use an account.
  let passwordHash: string | undefined;
  const create = async (email: string, name: string, role: string, officeId: string) => {
    passwordHash ??= await hashPassword(randomBytes(32).toString('base64url'));
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO app_user (id, email, name, role, office_id, password_hash, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, name, role, officeId, passwordHash],
    );
    if (rows[0]) created.push(email);
  };
  let managers = await client.query<{ id: string }>(
    `SELECT id FROM app_user WHERE role = 'MANAGER' AND is_active ORDER BY created_at LIMIT 1`,
  );
  if (!managers.rows[0]) {
    await create('scale.manager@example.org', 'Scale Manager', 'MANAGER', offices[0].id);
    managers = await client.query<{ id: string }>(
      `SELECT id FROM app_user WHERE role = 'MANAGER' AND is_active ORDER BY created_at LIMIT 1`,
    );
  }
  const staff: OfficeStaff[] = [];
  for (const office of offices) {
    const count = async () =>
      (
        await client.query<{ id: string }>(
          `SELECT id FROM app_user WHERE role = 'LIAISON_OFFICER' AND is_active AND office_id = $1 ORDER BY created_at`,
          [office.id],
        )
      ).rows;
    let officers = await count();
    const code = office.code.toLowerCase();
    for (let n = 1; officers.length < perOffice && n <= perOffice; n++) {
      await create(
        `scale.officer${n}.${code}@example.org`,
        `Scale Officer ${n} (${office.code})`,
        'LIAISON_OFFICER',
        office.id,
      );
      officers = await count();
    }
    staff.push({
      id: office.id,
      code: office.code,
      officerIds: officers.map((o) => o.id),
      managerId: managers.rows[0].id,
    });
  }
  return { offices: staff, created };
}

/** The compiled worker beside this file (absent when running from TypeScript sources, e.g. in tests). */
function workerUrl(): URL | null {
  const url = new URL('./generate-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

/** Batches from a worker thread (two in flight), or generated here between COPYs. */
async function* batches(
  ctx: GeneratorContext,
  cases: number,
  batchSize: number,
  useWorker: boolean,
): AsyncGenerator<{ cases: number; batch: Batch; counts?: BatchCounts }> {
  const url = useWorker ? workerUrl() : null;
  if (!url) {
    const generator = new CaseGenerator(ctx);
    for (let done = 0; done < cases;) {
      const n = Math.min(batchSize, cases - done);
      yield { cases: n, batch: generator.next(n) };
      done += n;
    }
    return;
  }
  const worker = new Worker(url, { workerData: { ctx, cases, batchSize } satisfies WorkerInput });
  const queue: WorkerMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  worker.on('message', (m: WorkerMessage) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (e) => {
    failure = e;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`the generator worker exited with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      while (!queue.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
      if (failure) throw failure;
      const m = queue.shift()!;
      if (m.type === 'done') return;
      // Transferred chunks arrive as plain Uint8Arrays.
      const batch = Object.fromEntries(
        Object.entries(m.batch).map(([t, chunks]) => [
          t,
          chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
        ]),
      ) as Batch;
      yield { cases: m.cases, batch };
      worker.postMessage('more');
    }
  } finally {
    await worker.terminate();
  }
}

async function copyInto(client: pg.Client, table: TableName, chunks: Buffer[]): Promise<void> {
  if (!chunks.length) return;
  const columns = TABLE_COLUMNS[table].map(q).join(', ');
  await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${q(table)} (${columns}) FROM STDIN`)));
}

export async function seedScale(databaseUrl: string, options: SeedScaleOptions): Promise<SeedScaleResult> {
  const log = options.log ?? (() => {});
  const cases = options.cases;
  if (!Number.isInteger(cases) || cases < 1) throw new Error('--cases must be a positive whole number');
  const seed = (options.seed ?? randomBytes(4).readUInt32BE()) >>> 0;
  const batchSize = options.batchSize ?? 5000;
  const now = options.now ?? new Date();
  const seconds: Record<string, number> = {};
  const started = performance.now();
  const time = async (label: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    seconds[label] = Math.round((performance.now() - t0) / 100) / 10;
  };

  const client = new pg.Client({ connectionString: databaseUrl, application_name: 'mprc seed:scale' });
  await client.connect();
  try {
    await loadReferenceData(client);
    await client.query('BEGIN');
    // Sorting for index builds; the whole load is one statement stream, no timeout applies.
    await client.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await client.query('SET LOCAL statement_timeout = 0');
    await client.query(`SET LOCAL lock_timeout = '15s'`);
    try {
      await client.query(`LOCK TABLE ${TABLES.map(q).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
    } catch (e) {
      throw new Error(`the case tables are busy (is the app running on this database?): ${(e as Error).message}`);
    }

    const { offices, created } = await ensureStaff(client, options.officersPerOffice ?? 6);
    const municipalities = (
      await client.query<{ id: string; code: string; nameSq: string; nameSrLatn: string }>(
        'SELECT id, code, name_sq AS "nameSq", name_sr_latn AS "nameSrLatn" FROM municipality ORDER BY code',
      )
    ).rows;
    const communities = (
      await client.query<{ id: string; code: string }>('SELECT id, code FROM community ORDER BY code')
    ).rows;

    // Numbers for the whole load at once; a number taken and rolled back is simply never used.
    const { rows: seqRows } = await client.query<{ last: string }>(
      `SELECT setval('case_number_seq', nextval('case_number_seq') + $1 - 1) AS last`,
      [cases],
    );
    const lastSeq = Number(seqRows[0].last);
    const firstCaseSeq = lastSeq - cases + 1;

    // PostgreSQL folds every word the generator can write, once.
    const words = new Vocabulary(seed).words();
    const { rows: foldRows } = await client.query<{ w: string; f: string }>(
      'SELECT w, mprc_fold(w) AS f FROM unnest($1::text[]) w',
      [words],
    );
    const folds = Object.fromEntries(foldRows.map((r) => [r.w, r.f]));

    const existing = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "case"`)).rows[0].n);
    const rebuild = options.rebuildIndexes ?? cases >= existing / 4;
    let dropped: DroppedObjects | null = null;
    if (rebuild) await time('drop indexes', async () => (dropped = await dropIndexes(client, TABLES)));
    const disabled = await disableTriggers(client, TABLES, log);

    const ctx: GeneratorContext = {
      seed,
      offices,
      municipalities,
      communities,
      folds,
      firstCaseSeq,
      totalCases: cases,
      now: now.toISOString(),
    };
    const counts: BatchCounts = {
      case: 0,
      external_reference: 0,
      relative: 0,
      case_relative: 0,
      contact: 0,
      case_event: 0,
    };
    log(
      `Loading ${cases.toLocaleString('en')} cases (seed ${seed}, ${rebuild ? 'indexes rebuilt after the load' : 'indexes kept'})`,
    );
    await time('copy', async () => {
      let done = 0;
      let nextReport = Math.max(batchSize, Math.ceil(cases / 10));
      for await (const b of batches(ctx, cases, batchSize, options.worker ?? true)) {
        for (const table of TABLES) {
          await copyInto(client, table, b.batch[table]);
          counts[table] += b.batch[table].reduce((n, c) => n + count(c), 0);
        }
        done += b.cases;
        if (done >= nextReport || done === cases) {
          log(`  ${done.toLocaleString('en')} cases (${((performance.now() - started) / 1000).toFixed(0)} s)`);
          nextReport += Math.ceil(cases / 10);
        }
      }
    });

    for (const t of disabled) await client.query(`ALTER TABLE ${t.table} ENABLE TRIGGER ${q(t.name)}`);
    if (dropped) await recreate(client, dropped, time);

    const total = (performance.now() - started) / 1000;
    await client.query(
      `INSERT INTO audit_entry (id, actor_role, action, entity_type, details)
       VALUES (gen_random_uuid(), 'SYSTEM', 'seed.scale', 'Case', $1)`,
      [
        JSON.stringify({
          via: 'command line',
          synthetic: true,
          seed,
          cases: counts.case,
          relatives: counts.relative,
          caseRelatives: counts.case_relative,
          contacts: counts.contact,
          caseEvents: counts.case_event,
          externalReferences: counts.external_reference,
          caseNumbers: { first: formatCaseNumber(firstCaseSeq), last: formatCaseNumber(lastSeq) },
          createdUsers: created,
          seconds: Math.round(total),
        }),
      ],
    );
    await time('commit', () => client.query('COMMIT'));
    await time('vacuum analyze', async () => {
      for (const t of TABLES) await client.query(`VACUUM (ANALYZE) ${q(t)}`);
    });
    seconds.total = Math.round((performance.now() - started) / 100) / 10;
    return {
      seed,
      counts,
      firstCaseNumber: formatCaseNumber(firstCaseSeq),
      lastCaseNumber: formatCaseNumber(lastSeq),
      createdUsers: created,
      rebuiltIndexes: rebuild,
      seconds,
    };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

/** Lines in a COPY chunk. */
function count(chunk: Buffer): number {
  let n = 0;
  let i = -1;
  while ((i = chunk.indexOf(10, i + 1)) !== -1) n++;
  return n;
}
