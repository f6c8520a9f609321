// schema.prisma and prisma/migrations must describe the same database: Prisma's schema engine
// (wasm) replays the migrations in a shadow database on the test server and diffs the result
// against schema.prisma. On failure the message lists the SQL the missing migration needs.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function check(env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['scripts/prisma-wasm.mjs', '--check'],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: inject('testDatabase').adminUrl, ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

describe('schema drift', () => {
  it('schema.prisma matches the migrations', async () => {
    const { code, output } = await check();
    expect(code, output).toBe(0);
  });

  it('is caught when schema.prisma changes without a migration', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-drift-'));
    try {
      const schema = fs.readFileSync(path.join(ROOT, 'prisma/schema.prisma'), 'utf8');
      const changed = schema.replace(/(model Office \{[^}]*?)(\n {2}cases)/, '$1\n  fax String?\n$2');
      expect(changed).not.toBe(schema);
      fs.writeFileSync(path.join(dir, 'schema.prisma'), changed);
      const { code, output } = await check({
        PRISMA_SCHEMA: path.join(dir, 'schema.prisma'),
        PRISMA_MIGRATIONS: path.join(ROOT, 'prisma/migrations'),
      });
      expect(code, output).toBe(2);
      expect(output).toMatch(/ALTER TABLE "office" ADD COLUMN\s+"fax" TEXT/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
