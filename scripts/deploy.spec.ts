import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigSchema } from '../server/src/config/config.js';

// No container engine runs on the development and CI machines, so the deployment files are
// checked statically: the compose file by `docker-compose config` (which rejects unknown keys
// and bad interpolation) when it is installed, and its app environment against the server's
// config schema, so a renamed or misspelt variable cannot silently fall back to a default.

const root = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const composeFile = read('docker-compose.yml');

/**
 * Keys of every `environment:` mapping, per service. Enough YAML for this file's block style;
 * `<<` merge keys are resolved by `docker-compose config`, whose output this also reads.
 */
function environmentKeys(yaml: string): Map<string, Set<string>> {
  const byService = new Map<string, Set<string>>();
  const stack: { indent: number; key: string }[] = [];
  for (const raw of yaml.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    const match = /^(\s*)([^\s#:-][^:]*):(\s|$)/.exec(line);
    if (!match) continue;
    const indent = match[1].length;
    while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent?.key === 'environment' && match[2] !== '<<') {
      // Services sit under `services:`; the shared block sits under an `x-` extension field.
      const owner = stack[0].key === 'services' ? stack[1].key : stack[0].key;
      if (!byService.has(owner)) byService.set(owner, new Set());
      byService.get(owner)!.add(match[2].trim().replace(/^['"]|['"]$/g, ''));
    }
    stack.push({ indent, key: match[2].trim() });
  }
  return byService;
}

function findCompose(): { cmd: string; args: string[] } | undefined {
  for (const candidate of [
    { cmd: 'docker-compose', args: [] },
    { cmd: 'docker', args: ['compose'] },
  ]) {
    const probe = spawnSync(candidate.cmd, [...candidate.args, 'version'], { encoding: 'utf8' });
    if (probe.status === 0) return candidate;
  }
  return undefined;
}

const compose = findCompose();
if (!compose) {
  console.warn(
    'deploy.spec: docker-compose is not installed, so the compose file is not validated (apt-get install -y docker-compose)',
  );
}
const configKeys = new Set(Object.keys(ConfigSchema.shape));
const APP_SERVICES = ['app', 'app1', 'app2'];

describe('docker-compose.yml', () => {
  it(
    compose
      ? `is valid for ${[compose.cmd, ...compose.args].join(' ')}, with and without the scale profile`
      : 'is valid for docker-compose config (SKIPPED: neither docker-compose nor docker compose is installed; apt-get install -y docker-compose)',
    { skip: !compose, timeout: 60_000 },
    () => {
      // A clean environment: the defaults in the file must be enough to produce a valid config.
      const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };
      for (const profileArgs of [[], ['--profile', 'scale']]) {
        const result = spawnSync(
          compose!.cmd,
          [...compose!.args, '-f', 'docker-compose.yml', ...profileArgs, 'config'],
          { cwd: root, env, encoding: 'utf8' },
        );
        expect(result.stderr, `${compose!.cmd} config ${profileArgs.join(' ')}`).not.toMatch(
          /error|invalid|unsupported/i,
        );
        expect(result.status).toBe(0);
        const services = environmentKeys(result.stdout);
        for (const name of ['app', 'app1', 'app2']) {
          expect(services.get(name), `resolved environment of ${name}`).toBeDefined();
          expect([...services.get(name)!]).toEqual(expect.arrayContaining(['DATABASE_URL', 'HOST', 'NODE_ENV']));
        }
      }
    },
  );

  it('sets only variables the server config schema knows', () => {
    const services = environmentKeys(composeFile);
    const appKeys = [...services.entries()]
      .filter(([owner]) => owner !== 'postgres' && owner !== 'nginx')
      .flatMap(([owner, keys]) => [...keys].map((key) => `${owner}.${key}`));
    expect(appKeys.length).toBeGreaterThan(5);
    const unknown = appKeys.filter((k) => !configKeys.has(k.split('.')[1]));
    expect(unknown, 'environment variables that the server does not read (server/src/config/config.ts)').toEqual([]);
  });

  it('listens on all interfaces in the container and talks to the postgres service', () => {
    const app = environmentKeys(composeFile).get('x-app')!;
    expect([...app]).toEqual(expect.arrayContaining(['HOST', 'DATABASE_URL', 'NODE_ENV']));
    expect(composeFile).toMatch(/HOST: 0\.0\.0\.0/);
    expect(composeFile).toMatch(/DATABASE_URL: postgresql:\/\/[^\n]*@postgres:5432\//);
  });

  it('pins the PostgreSQL major version, keeps data in a named volume and waits for a healthy database', () => {
    expect(composeFile).toMatch(/image: postgres:\d+\n/);
    expect(composeFile).toMatch(/- pgdata:\/var\/lib\/postgresql\n/);
    expect(composeFile).toMatch(/condition: service_healthy/);
    expect(composeFile).toMatch(/pg_isready/);
  });

  it('puts every replica of the scale profile behind nginx', () => {
    const nginx = read('deploy/nginx.conf');
    for (const name of APP_SERVICES.filter((s) => s !== 'app')) {
      expect(nginx).toMatch(new RegExp(`server ${name}:3000`));
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('runs the built server as the non-root node user with a health check', () => {
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/\nUSER node\n/);
    expect(runtime).toMatch(/\nHEALTHCHECK [^\n]*\\\n[^\n]*\/api\/health/);
    expect(runtime).toMatch(/\nCMD \["node", "server\/dist\/main\.js"\]/);
    expect(runtime).toMatch(/NODE_ENV=production/);
    expect(runtime).not.toMatch(/COPY \. /);
  });

  it('keeps local data and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['.env', '.data', '**/node_modules', '.git']) expect(ignored).toContain(entry);
  });
});
