import { describe, expect, it } from 'vitest';
import {
  blockingAncestor,
  hasAccess,
  ownerRunning,
  parsePostmasterPid,
  processStartTime,
  reasonFromStderr,
  relocatedDataHome,
  type StatLike,
} from './embedded-postgres.js';

const DIR = 0o040000;
const FILE = 0o100000;
const postgres = { uid: 101, gid: 104 };

describe('hasAccess', () => {
  it('uses the owner bits for the owner, group bits for the primary group, else the other bits', () => {
    expect(hasAccess({ mode: FILE | 0o700, uid: 101, gid: 0 }, postgres, 0o1)).toBe(true);
    expect(hasAccess({ mode: FILE | 0o070, uid: 0, gid: 104 }, postgres, 0o5)).toBe(true);
    expect(hasAccess({ mode: FILE | 0o750, uid: 0, gid: 0 }, postgres, 0o1)).toBe(false);
    expect(hasAccess({ mode: FILE | 0o755, uid: 0, gid: 0 }, postgres, 0o5)).toBe(true);
    // owner bits win even when the other bits would allow it
    expect(hasAccess({ mode: FILE | 0o077, uid: 101, gid: 0 }, postgres, 0o4)).toBe(false);
  });

  it('lets root through everything', () => {
    expect(hasAccess({ mode: FILE | 0o000, uid: 5, gid: 5 }, { uid: 0, gid: 0 }, 0o7)).toBe(true);
  });
});

describe('blockingAncestor', () => {
  const tree =
    (modes: Record<string, number>) =>
    (p: string): StatLike | undefined =>
      p in modes ? { mode: DIR | modes[p], uid: 0, gid: 0 } : undefined;

  it('finds a 0700 folder on the way (a checkout under /root)', () => {
    const stat = tree({ '/': 0o755, '/root': 0o700, '/root/repo': 0o755, '/root/repo/node_modules': 0o755 });
    expect(blockingAncestor('/root/repo/node_modules', postgres, stat)).toBe('/root');
  });

  it('passes when every folder can be traversed', () => {
    const stat = tree({ '/': 0o755, '/work': 0o755, '/work/main': 0o711 });
    expect(blockingAncestor('/work/main', postgres, stat)).toBeNull();
  });

  it('ignores the missing tail (whoever creates it chooses its mode)', () => {
    const stat = tree({ '/': 0o755, '/tmp': 0o1777 });
    expect(blockingAncestor('/tmp/new/deeper', postgres, stat)).toBeNull();
  });

  it('checks the target itself when it is a folder', () => {
    const stat = tree({ '/': 0o755, '/srv': 0o755, '/srv/closed': 0o700 });
    expect(blockingAncestor('/srv/closed', postgres, stat)).toBe('/srv/closed');
  });
});

describe('parsePostmasterPid', () => {
  it('reads pid, data directory, port and status', () => {
    const text = '13032\n/tmp/pgt/d\n1795765684\n54999\n\n127.0.0.1\n  2146689         9\nready   \n';
    expect(parsePostmasterPid(text)).toEqual({ pid: 13032, dataDir: '/tmp/pgt/d', port: 54999, status: 'ready' });
  });

  it('returns null for garbage', () => {
    expect(parsePostmasterPid('')).toBeNull();
    expect(parsePostmasterPid('abc\n')).toBeNull();
  });
});

describe('relocatedDataHome', () => {
  it('is stable per data directory and distinct between them', () => {
    const a = relocatedDataHome('/root/repo/.data/pg', '/var/lib/mprc');
    expect(a).toBe(relocatedDataHome('/root/repo/.data/pg', '/var/lib/mprc'));
    expect(a).not.toBe(relocatedDataHome('/root/other/.data/pg', '/var/lib/mprc'));
    expect(a).toMatch(/^\/var\/lib\/mprc\/[0-9a-f]{16}$/);
  });
});

describe('reasonFromStderr', () => {
  it('keeps the last FATAL message', () => {
    const stderr = [
      '2026-11-27 07:48:04.497 UTC [1] LOG:  starting PostgreSQL 18.4',
      '2026-11-27 07:48:04.497 UTC [1] LOG:  could not bind IPv4 address "127.0.0.1": Address already in use',
      '2026-11-27 07:48:04.497 UTC [1] FATAL:  could not create any TCP/IP sockets',
    ].join('\n');
    expect(reasonFromStderr(stderr)).toBe('could not create any TCP/IP sockets');
  });

  it('reads initdb errors', () => {
    expect(reasonFromStderr('initdb: error: directory "/x" exists but is not empty\n')).toBe(
      'directory "/x" exists but is not empty',
    );
  });

  it('falls back to the last line', () => {
    expect(reasonFromStderr('something odd\n\n')).toBe('something odd');
  });
});

describe('ownerRunning (orphaned PostgreSQL after a killed app)', () => {
  const alive = (pids: number[]) => (pid: number) => pids.includes(pid);
  const started = (t: string | null) => () => t;

  it('is false when the app process is gone', () => {
    expect(ownerRunning({ pid: 10, startTime: '500' }, alive([]), started('500'))).toBe(false);
  });

  it('is false when the pid now belongs to a process started later', () => {
    expect(ownerRunning({ pid: 10, startTime: '500' }, alive([10]), started('900'))).toBe(false);
  });

  it('is true for the same process, or when start times cannot be compared', () => {
    expect(ownerRunning({ pid: 10, startTime: '500' }, alive([10]), started('500'))).toBe(true);
    expect(ownerRunning({ pid: 10, startTime: null }, alive([10]), started('500'))).toBe(true);
    expect(ownerRunning({ pid: 10, startTime: '500' }, alive([10]), started(null))).toBe(true);
  });

  it('reads this process start time from /proc', () => {
    const mine = processStartTime(process.pid);
    expect(mine).toMatch(/^\d+$/);
    expect(processStartTime(process.pid)).toBe(mine);
    expect(processStartTime(2 ** 30)).toBeNull();
  });
});
