// Prisma's schema engine compiled to wasm (@prisma/schema-engine-wasm), driven through
// @prisma/adapter-pg: migrations without the native schema-engine binary, which cannot be
// downloaded everywhere we run. Plain JavaScript, so it works from a clean clone without a build.
//
// Usage: node scripts/prisma-wasm.mjs <command>
//   create NAME   write prisma/migrations/<timestamp>_NAME from schema.prisma (npm run db:migration -- NAME)
//   diff          print the SQL that would bring the migrations to schema.prisma; exit 2 when not empty
//   --check       the same as a verdict for CI and tests: exit 0 in sync, 2 on drift (listing the SQL)
//   deploy | status | drift | push | version   against DATABASE_URL (drift: live database vs schema.prisma)
// create, diff and --check only need a server for throwaway shadow databases: DATABASE_URL when set,
// else an embedded PostgreSQL in a temp folder. Exit codes: 0 ok, 1 error, 2 drift.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SCHEMA = path.resolve(process.env.PRISMA_SCHEMA ?? path.join(ROOT, 'prisma/schema.prisma'));
const MIGRATIONS = path.resolve(process.env.PRISMA_MIGRATIONS ?? path.join(ROOT, 'prisma/migrations'));

class UsageError extends Error {}

// The launcher is TypeScript (server/src); transpile it once per content into .tmp/ (gitignored),
// beside node_modules so its imports resolve. Only typescript, already a dev dependency, is needed.
async function loadLauncher() {
  const src = path.join(ROOT, 'server/src/common/database/embedded-postgres.ts');
  const text = fs.readFileSync(src, 'utf8');
  const out = path.join(
    ROOT,
    '.tmp/prisma-wasm',
    `embedded-postgres-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.mjs`,
  );
  if (!fs.existsSync(out)) {
    const ts = (await import('typescript')).default;
    const js = ts.transpileModule(text, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}`;
    fs.writeFileSync(tmp, js);
    fs.renameSync(tmp, out);
  }
  return import(pathToFileURL(out).href);
}

async function scratchServer() {
  const { startEmbeddedPostgres } = await loadLauncher();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-shadow-pg-'));
  fs.chmodSync(tmp, 0o755); // the postgres user (when we are root) must pass through
  try {
    const db = await startEmbeddedPostgres({ dataDir: path.join(tmp, 'pg'), database: 'postgres', ephemeral: true });
    return {
      url: db.url,
      stop: async () => {
        await db.stop();
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}

// wasm-bindgen panic hook calls global.PRISMA_WASM_PANIC_REGISTRY.set_message(msg)
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  message: '',
  set_message(m) {
    this.message = m;
    console.error('schema-engine-wasm PANIC:', m);
  },
};

async function loadEngine(databaseUrl, schemaText) {
  // Node 20 cannot `import` .wasm without a flag: instantiate it by hand.
  const wasmFile =
    process.env.SE_WASM_FILE ??
    fileURLToPath(
      new URL('./schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
    );
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PgFactory(databaseUrl));
  const debug = process.env.DEBUG_SE ? (m) => console.error('[se]', m) : () => {};
  return bg.SchemaEngine.new({ datamodels: [[SCHEMA, schemaText]] }, debug, adapter);
}

// Adapter factory.
//  a) @prisma/adapter-pg 7.10.1 throws UnsupportedNativeDataType for PostgreSQL's internal "char" type (OID 18),
//     which the engine's schema describer selects from pg_catalog -> let pg report it as text (OID 25), then
//     tag the column so queryRaw can return it as ColumnTypeEnum.Character.
//  b) PrismaPg(connectionString).connectToShadowDb() reconnects to the MAIN db (pg lets connectionString
//     override `database`), so the shadow connection is built here with its own URL.
//  c) adapter-pg's executeScript splits the script on ';', which breaks function bodies
//     ($$ ... ; ... $$) in migrations: send the whole script in one simple-protocol query.
const CHAR_MARK = '\u0000char';
const fixTypes = (res) => {
  for (const f of res?.fields ?? [])
    if (f.dataTypeID === 18) {
      f.dataTypeID = 25;
      f.name += CHAR_MARK;
    }
  return res;
};
function patchQuery(obj) {
  const q = obj.query.bind(obj);
  obj.query = (...a) => {
    if (typeof a[a.length - 1] === 'function') return q(...a);
    const r = q(...a);
    return r?.then ? r.then(fixTypes) : r;
  };
}
async function connectPg(url) {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // A shadow database dropped WITH (FORCE) terminates its idle connections: that is expected, not a crash.
  pool.on('error', () => {});
  patchQuery(pool);
  pool.on('connect', patchQuery);
  const adapter = await new PrismaPg(pool).connect();
  // ...and hand it to the engine as ColumnType Character (6), which the describer reads with get_char()
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const rs = await queryRaw(query);
    rs.columnNames = rs.columnNames.map((n, i) =>
      n.endsWith(CHAR_MARK) ? ((rs.columnTypes[i] = ColumnTypeEnum.Character), n.slice(0, -CHAR_MARK.length)) : n,
    );
    return rs;
  };
  adapter.executeScript = async (script) => {
    await pool.query(script);
  };
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await pool.end();
  };
  return adapter;
}
class PgFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';
  constructor(url) {
    this.url = url;
  }
  connect() {
    return connectPg(this.url);
  }
  async connectToShadowDb() {
    const admin = await this.connect();
    const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    // template0: never "being accessed by other users", unlike template1 under a busy test server.
    await admin.executeScript(`CREATE DATABASE "${name}" TEMPLATE template0`);
    const u = new URL(this.url);
    u.pathname = `/${name}`;
    const shadow = await connectPg(u.toString());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      // Best effort: a failed clean-up must not turn a good check into a crash.
      await dispose().catch(() => undefined);
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((e) => {
        console.error(`note: could not drop shadow database ${name}: ${e?.message ?? e}`);
      });
      await admin.dispose().catch(() => undefined);
    };
    return shadow;
  }
}

function migrationsList() {
  fs.mkdirSync(MIGRATIONS, { recursive: true });
  const lockPath = path.join(MIGRATIONS, 'migration_lock.toml');
  const dirs = fs
    .readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: MIGRATIONS,
    lockfile: {
      path: 'migration_lock.toml',
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null,
    },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((d) => {
      const f = path.join(MIGRATIONS, d, 'migration.sql');
      return {
        path: d,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(f)
            ? { tag: 'ok', value: fs.readFileSync(f, 'utf8') }
            : { tag: 'error', value: 'missing migration.sql' },
        },
      };
    }),
  };
}

/** Migrations folder -> schema.prisma: the SQL the next migration would contain (replayed in a shadow database). */
async function diffMigrationsToSchema(engine, schemaFiles, filters) {
  const list = migrationsList();
  const from = list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' };
  // exitCode: 0 = no difference, 2 = difference (the native CLI's `migrate diff --exit-code`)
  return engine.diff({ from, to: { tag: 'schemaDatamodel', ...schemaFiles }, script: true, exitCode: true, filters });
}

async function run(cmd, arg, engine, schemaFiles) {
  const filters = { externalTables: (process.env.EXTERNAL_TABLES ?? '').split(',').filter(Boolean), externalEnums: [] };
  const rel = (p) => path.relative(process.cwd(), p) || '.';
  switch (cmd) {
    case 'create': {
      // engine.createMigration() refuses on Postgres in wasm ("shadow DB must be provided through an external factory"),
      // but diff(migrations -> schema) does use the factory's shadow DB, so build the migration from it.
      const out = await diffMigrationsToSchema(engine, schemaFiles, filters);
      if (out.exitCode === 0 && process.env.DRAFT !== '1') {
        console.log('No schema changes, no migration created.');
        return 0;
      }
      const ts = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
      const name = `${ts}_${(arg ?? 'migration').replace(/[^A-Za-z0-9_]/g, '_')}`;
      const dir = path.join(MIGRATIONS, name);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'migration.sql'), out.stdout ?? '');
      fs.writeFileSync(
        path.join(MIGRATIONS, 'migration_lock.toml'),
        '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
      );
      console.log('Created', rel(dir));
      return 0;
    }
    case 'diff': {
      const out = await diffMigrationsToSchema(engine, schemaFiles, filters);
      process.stdout.write(out.stdout ?? '');
      return out.exitCode;
    }
    case 'check': {
      const out = await diffMigrationsToSchema(engine, schemaFiles, filters);
      if (out.exitCode === 0) {
        console.log(`${rel(SCHEMA)} and ${rel(MIGRATIONS)} agree.`);
        return 0;
      }
      console.error(
        `${rel(SCHEMA)} and ${rel(MIGRATIONS)} have drifted apart. The next migration would contain:\n\n${(out.stdout ?? '').trim()}\n\nCreate it with: npm run db:migration -- <name>`,
      );
      return 2;
    }
    case 'deploy': {
      const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
      console.log('Applied:', out.appliedMigrationNames);
      return 0;
    }
    case 'status': {
      const out = await engine.diagnoseMigrationHistory({
        migrationsList: migrationsList(),
        optInToShadowDatabase: false,
        filters,
      });
      console.log(JSON.stringify(out));
      return out.history || out.failedMigrationNames.length || out.editedMigrationNames.length ? 1 : 0;
    }
    case 'drift': {
      // live database -> schema.prisma
      const out = await engine.diff({
        from: { tag: 'schemaDatasource', ...schemaFiles, configDir: process.cwd() },
        to: { tag: 'schemaDatamodel', ...schemaFiles },
        script: true,
        exitCode: true,
        filters,
      });
      process.stdout.write(out.stdout ?? '');
      return out.exitCode;
    }
    case 'push':
      console.log(JSON.stringify(await engine.schemaPush({ force: false, schema: schemaFiles, filters })));
      return 0;
    case 'version':
      console.log(await engine.version());
      return 0;
  }
  throw new UsageError(`unknown command ${cmd}`);
}

const USAGE =
  'usage: node scripts/prisma-wasm.mjs create NAME | diff | --check | deploy | status | drift | push | version';
const NEEDS_TARGET = new Set(['deploy', 'status', 'drift', 'push']);

async function main() {
  const argv = process.argv.slice(2);
  const cmd = argv.includes('--check') ? 'check' : argv[0];
  const arg = argv.filter((a) => a !== '--check')[1];
  if (!cmd || !['create', 'diff', 'check', 'version', ...NEEDS_TARGET].includes(cmd)) throw new UsageError(USAGE);

  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    if (NEEDS_TARGET.has(cmd)) throw new UsageError(`${cmd} acts on a database: set DATABASE_URL`);
    ({ url, stop } = await scratchServer());
  }
  try {
    const schemaText = fs.readFileSync(SCHEMA, 'utf8');
    const engine = await loadEngine(url, schemaText);
    try {
      return await run(cmd, arg, engine, { files: [{ path: SCHEMA, content: schemaText }] });
    } finally {
      engine.free();
    }
  } finally {
    await stop();
  }
}

main().then(
  (code) => process.exit(code ?? 0),
  (e) => {
    // No stack: the engine's own message (several lines for a failing migration) says what is wrong.
    const msg = String(e?.message ?? e).trim();
    console.error(e instanceof UsageError ? msg : `prisma-wasm: ${msg}`);
    process.exit(1);
  },
);
