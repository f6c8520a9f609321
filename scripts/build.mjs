#!/usr/bin/env node
// Builds what `npm start` needs: the Prisma client, contracts + server (tsc), and the SPA (vite).
// Each step is skipped when its output is newer than every input, so a restart is quick.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const force = process.argv.includes('--force');

function newest(paths) {
  let max = 0;
  const walk = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p)) if (e !== 'node_modules' && e !== 'dist' && e !== 'generated') walk(join(p, e));
    } else max = Math.max(max, st.mtimeMs);
  };
  paths.forEach((p) => walk(join(root, p)));
  return max;
}
const mtime = (p) => (existsSync(join(root, p)) ? statSync(join(root, p)).mtimeMs : 0);

function run(label, cmd, args, env = {}) {
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    process.stderr.write(`build: ${label} failed\n`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`build: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

if (force || mtime('server/src/generated/prisma/client.ts') < mtime('prisma/schema.prisma')) {
  // `prisma generate` needs no engine binary, but the CLI insists that the variable is set.
  run('prisma client', bin('prisma'), ['generate'], {
    PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  });
}
run('server', bin('tsc'), ['-b', 'server', ...(force ? ['--force'] : [])]);
if (
  force ||
  mtime('client/dist/index.html') <
    newest([
      'client/src',
      'client/index.html',
      'client/family.html',
      'client/vite.config.ts',
      'contracts/src',
      'client/public',
    ])
) {
  run('client', bin('vite'), ['build', 'client', '--logLevel', 'warn']);
}
