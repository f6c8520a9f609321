// Shared by the command-line tools: use DATABASE_URL; else the embedded PostgreSQL of DATA_DIR,
// joining it when the app is already running on it (postmaster.pid names its port), or
// starting it for the duration of the command.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePostmasterPid, startEmbeddedPostgres } from '../common/database/embedded-postgres.js';
import { applyMigrations } from '../common/database/migrator.js';

function runningEmbeddedUrl(dataDir: string): string | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = parsePostmasterPid(readFileSync(pidFile, 'utf8'));
  if (!pid || !Number.isInteger(pid.port)) return null;
  try {
    process.kill(pid.pid, 0);
  } catch {
    return null;
  }
  return `postgresql://postgres@127.0.0.1:${pid.port}/mprc`;
}

/** `migrate: false` leaves a started embedded database as it is (db:restore needs it empty). */
export async function withCliDatabase<T>(
  fn: (databaseUrl: string) => Promise<T>,
  log: (m: string) => void = () => {},
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return fn(url);
  const dataDir = path.join(path.resolve(process.env.DATA_DIR || '.data'), 'pg');
  const running = runningEmbeddedUrl(dataDir);
  if (running) return fn(running);
  const db = await startEmbeddedPostgres({ dataDir, log });
  try {
    if (opts.migrate !== false) await applyMigrations(db.url, { log });
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}

/** One line on stderr and exit 1 for expected failures; the stack only with DEBUG set. */
export function runCli(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (e: unknown) => {
      process.stderr.write(`${name}: ${(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ')}\n`);
      if (process.env.DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.exit(1);
    },
  );
}

/** `--name value` and `--flag` arguments. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"`);
    const [key, inline] = a.slice(2).split('=', 2);
    if (inline !== undefined) out[key] = inline;
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[key] = argv[++i];
    else out[key] = true;
  }
  return out;
}
