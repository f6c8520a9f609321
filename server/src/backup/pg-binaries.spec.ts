import { describe, expect, it } from 'vitest';
import { candidateDirs, majorFromVersionNum, parseToolVersion } from './pg-binaries.js';
import { archiveDumpVersion, archiveMigrations } from './pg-dump-backup.js';
import { defaultBackupName } from './backup.js';

describe('PostgreSQL versions', () => {
  it('reads majors from server_version_num and from --version', () => {
    expect(majorFromVersionNum('150020')).toBe(15);
    expect(majorFromVersionNum(180004)).toBe(18);
    expect(majorFromVersionNum(90624)).toBe(9);
    expect(parseToolVersion('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toEqual({
      version: '15.20',
      major: 15,
    });
    expect(parseToolVersion('pg_restore (PostgreSQL) 18beta1')).toEqual({ version: '18', major: 18 });
    expect(parseToolVersion('something else')).toBeNull();
  });

  it('looks in PG_BIN_DIR first, then the Debian folder of that major, then PATH', () => {
    const dirs = candidateDirs(15, { PG_BIN_DIR: '/opt/pg/bin', PATH: '/usr/local/bin:/usr/bin' });
    expect(dirs[0]).toBe('/opt/pg/bin');
    expect(dirs).toContain('/usr/lib/postgresql/15/bin');
    expect(dirs.indexOf('/usr/lib/postgresql/15/bin')).toBeLessThan(dirs.indexOf('/usr/bin'));
  });
});

describe('pg_dump archives', () => {
  it('reads the pg_dump version from the table of contents', () => {
    expect(
      archiveDumpVersion(';\n; Dumped from database version: 15.20\n; Dumped by pg_dump version: 15.20 (Debian)\n'),
    ).toEqual({
      version: '15.20',
      major: 15,
    });
  });

  it('reads the applied migrations from the archive data, skipping failed and rolled back ones', () => {
    const sql = [
      'SET x = 1;',
      'COPY public._prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) FROM stdin;',
      'a\tc1\t2026-01-01 00:00:00+00\t20260101_b\t\\N\t\\N\t2026-01-01\t1',
      'b\tc0\t2026-01-01 00:00:00+00\t20250101_a\t\\N\t\\N\t2026-01-01\t1',
      'c\tc2\t\\N\t20260201_failed\tboom\t\\N\t2026-01-01\t0',
      'd\tc3\t2026-01-01 00:00:00+00\t20260301_rolled\t\\N\t2026-01-02\t2026-01-01\t1',
      '\\.',
      '',
    ].join('\n');
    expect(archiveMigrations(sql)).toEqual([
      { name: '20250101_a', checksum: 'c0' },
      { name: '20260101_b', checksum: 'c1' },
    ]);
  });
});

describe('defaultBackupName', () => {
  it('sorts by time and avoids colons', () => {
    const at = new Date('2026-11-27T07:48:04.123Z');
    expect(defaultBackupName('pg_dump', at)).toBe('mprc-backup-2026-11-27T07-48-04Z.dump');
    expect(defaultBackupName('logical', at)).toBe('mprc-backup-2026-11-27T07-48-04Z.mprcdump.gz');
  });
});
