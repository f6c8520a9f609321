// The launcher against real binaries: restarts keep data, a crashed server is recovered, a second
// one on the same data is refused, and as root the 0700-ancestor cases (checkout under /root)
// are handled by copying binaries / relocating data.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
} from '../../src/common/database/embedded-postgres.js';

const isRoot = process.getuid?.() === 0;
const temps: string[] = [];
function tempDir(mode = 0o755): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-ep-'));
  fs.chmodSync(dir, mode);
  temps.push(dir);
  return dir;
}
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function start(opts: EmbeddedPostgresOptions) {
  const lines: string[] = [];
  const db = await startEmbeddedPostgres({ ephemeral: true, log: (m) => lines.push(m), ...opts });
  return { db, lines };
}
async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  const dataDir = path.join(tempDir(), 'pg');

  it('initialises once and keeps the data across restarts', async () => {
    const first = await start({ dataDir });
    expect(first.lines.some((l) => l.startsWith('Initialised a PostgreSQL cluster'))).toBe(true);
    expect(first.db.url).toMatch(/^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/mprc$/);
    await sql(first.db.url, 'CREATE TABLE kept (v text); INSERT INTO kept VALUES ($$still here$$)');
    await first.db.stop();
    await first.db.stop(); // idempotent

    const second = await start({ dataDir });
    expect(second.lines.some((l) => l.startsWith('Initialised'))).toBe(false);
    expect(await sql(second.db.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    // listens on 127.0.0.1 only, no unix socket
    expect(
      await sql(
        second.db.url,
        `SELECT current_setting('listen_addresses') AS l, current_setting('unix_socket_directories') AS u`,
      ),
    ).toEqual([{ l: '127.0.0.1', u: '' }]);
    await second.db.stop();
  });

  it('refuses a second server on the same data directory', async () => {
    const running = await start({ dataDir });
    try {
      const again = startEmbeddedPostgres({ dataDir, ephemeral: true });
      await expect(again).rejects.toThrow(EmbeddedPostgresError);
      await expect(again).rejects.toThrow(/another PostgreSQL \(pid \d+ on port \d+\) is already running on/);
    } finally {
      await running.db.stop();
    }
  });

  it('recovers after a crash that left postmaster.pid behind', async () => {
    const running = await start({ dataDir });
    const pid = Number(fs.readFileSync(path.join(running.db.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 200)); // let its children notice and exit
    const next = await start({ dataDir });
    expect(next.lines.some((l) => l.startsWith('Removed a stale postmaster.pid'))).toBe(true);
    expect(await sql(next.db.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
    await next.db.stop();
  });

  it('says so in one line when the port is taken', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      await expect(startEmbeddedPostgres({ dataDir, port, ephemeral: true })).rejects.toThrow(
        `PostgreSQL cannot listen on 127.0.0.1:${port}: the port is in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses a non-empty folder that is not a cluster', async () => {
    const dir = path.join(tempDir(), 'pg');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    await expect(startEmbeddedPostgres({ dataDir: dir, ephemeral: true })).rejects.toThrow(
      /is not empty and holds no PostgreSQL cluster/,
    );
  });

  it('runs from a private copy of the binaries, made once', async () => {
    const cache = tempDir();
    const first = await start({ dataDir, copyBinaries: true, binCacheDir: cache });
    await first.db.stop();
    expect(first.lines.filter((l) => l.startsWith('Copied the PostgreSQL binaries'))).toHaveLength(1);
    expect(fs.existsSync(path.join(cache, fs.readdirSync(cache)[0], 'bin', 'postgres'))).toBe(true);
    const second = await start({ dataDir, copyBinaries: true, binCacheDir: cache });
    await second.db.stop();
    expect(second.lines.some((l) => l.startsWith('Copied'))).toBe(false);
  });

  it('refuses a copy of the binaries that others could have changed', async () => {
    const cache = tempDir();
    const first = await start({ dataDir, copyBinaries: true, binCacheDir: cache });
    await first.db.stop();
    fs.chmodSync(path.join(cache, fs.readdirSync(cache)[0]), 0o777);
    await expect(
      startEmbeddedPostgres({ dataDir, copyBinaries: true, binCacheDir: cache, ephemeral: true }),
    ).rejects.toThrow(/refusing to run PostgreSQL from .* writable by others/);
  });

  it.skipIf(!isRoot)(
    'as root, keeps data the postgres user cannot reach in a reachable folder behind a symlink',
    async () => {
      const closed = tempDir(0o700); // like /root
      const relocatedDataRoot = tempDir();
      const dir = path.join(closed, 'repo', '.data', 'pg');
      const first = await start({ dataDir: dir, relocatedDataRoot });
      expect(first.lines[0]).toBe(
        `PostgreSQL data for ${dir} lives in ${first.db.dataDir} (symlinked): the postgres user cannot reach ${closed}`,
      );
      expect(fs.lstatSync(dir).isSymbolicLink()).toBe(true);
      expect(path.dirname(first.db.dataDir)).toBe(relocatedDataRoot);
      await sql(first.db.url, 'CREATE TABLE kept (v int)');
      await first.db.stop();

      const second = await start({ dataDir: dir, relocatedDataRoot });
      expect(second.lines.some((l) => l.includes('lives in') || l.startsWith('Initialised'))).toBe(false);
      expect(await sql(second.db.url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 0 }]);
      await second.db.stop();

      // Deleting the link means starting afresh; the old cluster is set aside, not destroyed.
      fs.unlinkSync(dir);
      const third = await start({ dataDir: dir, relocatedDataRoot });
      expect(third.lines.some((l) => l.startsWith('Set aside'))).toBe(true);
      expect(await sql(third.db.url, `SELECT to_regclass('kept') AS t`)).toEqual([{ t: null }]);
      await third.db.stop();
      expect(fs.readdirSync(relocatedDataRoot)).toHaveLength(2);
    },
  );
});
