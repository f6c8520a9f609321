import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { userRelations } from './database-catalog.js';

/** An expected failure: the command prints its message as one line. */
export class BackupError extends Error {
  override name = 'BackupError';
}

export interface RestoreSummary {
  /** Rows per table after the restore. */
  counts: Record<string, number>;
  auditEntries: number;
}

export async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: databaseUrl,
    application_name: 'mprc-backup',
    connectionTimeoutMillis: 10_000,
  });
  // A lost connection surfaces as the failing query's error; the event alone must not crash us.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    throw new BackupError(`cannot connect to the database: ${(e as Error).message}`);
  }
  return client;
}

/** A restore never mixes with existing data. */
export async function refuseNonEmpty(client: pg.Client): Promise<void> {
  const found = await userRelations(client);
  if (found.length) {
    const db = (await client.query<{ d: string }>('SELECT current_database() AS d')).rows[0].d;
    throw new BackupError(
      `database "${db}" is not empty (${found.length} tables or sequences, e.g. ${found.slice(0, 3).join(', ')}): restore only into a new, empty database`,
    );
  }
}

/**
 * Writes `file` through a temporary name beside it and renames it into place once complete and
 * on disk, so a failed or interrupted backup never leaves a plausible-looking file. Backups hold
 * personal data: the file is readable by its owner only.
 */
export function writeAtomically(file: string, write: (out: fs.WriteStream) => Promise<void>): Promise<void> {
  return produceAtomically(file, async (partial) => {
    const out = fs.createWriteStream(partial, { flags: 'wx', mode: 0o600 });
    try {
      await write(out);
      if (!out.closed) await new Promise<void>((resolve, reject) => out.once('close', resolve).once('error', reject));
    } catch (e) {
      out.destroy();
      throw e;
    }
  });
}

/** The same for a program that writes the file itself (pg_dump): it gets the temporary path. */
export async function produceAtomically(file: string, produce: (partial: string) => Promise<void>): Promise<void> {
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists: choose another name`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  try {
    await produce(partial);
    fs.chmodSync(partial, 0o600);
    syncPath(partial);
    fs.renameSync(partial, file);
    syncPath(path.dirname(file));
  } catch (e) {
    fs.rmSync(partial, { force: true });
    throw e;
  }
}

function syncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
