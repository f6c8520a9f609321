#!/usr/bin/env node
// `npm start`: build what is out of date, then run the server in this process (it starts the
// embedded PostgreSQL when DATABASE_URL is unset, and stops it on Ctrl-C / SIGTERM).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (process.env.SKIP_BUILD !== '1') {
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
process.chdir(root);
await import('../server/dist/main.js');
