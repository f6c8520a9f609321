import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checksumMatches, defaultMigrationsDir, migrationChecksum, readMigrations } from './migrator.js';

describe('migration checksums', () => {
  it('is the SHA-256 hex of the file bytes, as Prisma stores it', () => {
    expect(migrationChecksum(Buffer.from('SELECT 1;\n'))).toBe(migrationChecksum('SELECT 1;\n'));
    expect(migrationChecksum('x')).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
  });

  it('accepts a file whose line endings changed, not one whose text changed', () => {
    const stored = migrationChecksum('CREATE TABLE a ();\nCREATE TABLE b ();\n');
    expect(checksumMatches(Buffer.from('CREATE TABLE a ();\r\nCREATE TABLE b ();\r\n'), stored)).toBe(true);
    expect(checksumMatches(Buffer.from('CREATE TABLE a ();\nCREATE TABLE c ();\n'), stored)).toBe(false);
  });
});

describe('readMigrations', () => {
  let tmp: string | undefined;
  afterEach(() => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  it('finds the repository migrations from the source tree, in name order', () => {
    const names = readMigrations(defaultMigrationsDir()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual(names);
  });

  it('refuses a migration folder without migration.sql', () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-migrations-'));
    fs.mkdirSync(path.join(tmp, '20260101000000_empty'));
    expect(() => readMigrations(tmp)).toThrow(/20260101000000_empty has no migration.sql/);
  });
});
