// Drive @prisma/schema-engine-wasm with @prisma/adapter-pg: no native schema-engine binary.
// Usage: node --env-file=.env scripts/wasm-migrate.mjs <create NAME | deploy | status | diff | drift | push>
import fs from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils'

const SCHEMA = process.env.PRISMA_SCHEMA ?? 'prisma/schema.prisma'
const MIGRATIONS = path.resolve(process.env.PRISMA_MIGRATIONS ?? 'prisma/migrations')
const URL_ = process.env.DATABASE_URL
if (!URL_) throw new Error('DATABASE_URL not set')

// wasm-bindgen panic hook calls global.PRISMA_WASM_PANIC_REGISTRY.set_message(msg)
globalThis.PRISMA_WASM_PANIC_REGISTRY = { message: '', set_message(m) { this.message = m; console.error('schema-engine-wasm PANIC:', m) } }
// 1. instantiate the wasm module by hand (Node 20 cannot `import` .wasm without a flag)
const wasmFile = process.env.SE_WASM_FILE ?? fileURLToPath(new URL('./schema_engine_bg.wasm', import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')))
const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), { './schema_engine_bg.js': bg })
bg.__wbg_set_wasm(instance.exports)
instance.exports.__wbindgen_start()

// 2. adapter factory.
//  a) @prisma/adapter-pg 7.10.1 throws UnsupportedNativeDataType for PostgreSQL's internal "char" type (OID 18),
//     which the engine's schema describer selects from pg_catalog -> let pg report it as text (OID 25), then
//     tag the column so queryRaw can return it as ColumnTypeEnum.Character.
//  b) PrismaPg(connectionString).connectToShadowDb() reconnects to the MAIN db (pg lets connectionString
//     override `database`), so the shadow connection is built here with its own URL.
const CHAR_MARK = '\u0000char'
const fixTypes = (res) => { for (const f of res?.fields ?? []) if (f.dataTypeID === 18) { f.dataTypeID = 25; f.name += CHAR_MARK } return res }
function patchQuery(obj) {
  const q = obj.query.bind(obj)
  obj.query = (...a) => { if (typeof a[a.length - 1] === 'function') return q(...a); const r = q(...a); return r?.then ? r.then(fixTypes) : r }
}
async function connectPg(url) {
  const pool = new pg.Pool({ connectionString: url, max: 4 })
  patchQuery(pool); pool.on('connect', patchQuery)
  const adapter = await new PrismaPg(pool).connect()
  // ...and hand it to the engine as ColumnType Character (6), which the describer reads with get_char()
  const queryRaw = adapter.queryRaw.bind(adapter)
  adapter.queryRaw = async (query) => {
    const rs = await queryRaw(query)
    rs.columnNames = rs.columnNames.map((n, i) => (n.endsWith(CHAR_MARK) ? ((rs.columnTypes[i] = ColumnTypeEnum.Character), n.slice(0, -CHAR_MARK.length)) : n))
    return rs
  }
  // c) adapter-pg's executeScript splits the script on ';', which breaks function bodies
  //    ($$ ... ; ... $$) in migrations: send the whole script in one simple-protocol query.
  adapter.executeScript = async (script) => { await pool.query(script) }
  const dispose = adapter.dispose.bind(adapter)
  adapter.dispose = async () => { await dispose(); await pool.end() }
  return adapter
}
class PgFactory {
  provider = 'postgres'
  adapterName = '@prisma/adapter-pg'
  constructor(url) { this.url = url }
  connect() { return connectPg(this.url) }
  async connectToShadowDb() {
    const admin = await this.connect()
    const name = `prisma_shadow_${randomUUID().replaceAll('-', '')}`
    await admin.executeScript(`CREATE DATABASE "${name}"`)
    const u = new URL(this.url); u.pathname = `/${name}`
    const shadow = await connectPg(u.toString())
    const dispose = shadow.dispose.bind(shadow)
    shadow.dispose = async () => { await dispose(); await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`); await admin.dispose() }
    return shadow
  }
}
const adapter = bindMigrationAwareSqlAdapterFactory(new PgFactory(URL_))

const schemaFiles = { files: [{ path: SCHEMA, content: fs.readFileSync(SCHEMA, 'utf8') }] }
const filters = { externalTables: (process.env.EXTERNAL_TABLES ?? '').split(',').filter(Boolean), externalEnums: [] }
const debug = process.env.DEBUG_SE ? (m) => console.error('[se]', m) : () => {}
const engine = await bg.SchemaEngine.new({ datamodels: [[SCHEMA, schemaFiles.files[0].content]] }, debug, adapter)

function migrationsList() {
  fs.mkdirSync(MIGRATIONS, { recursive: true })
  const lockPath = path.join(MIGRATIONS, 'migration_lock.toml')
  const dirs = fs.readdirSync(MIGRATIONS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
  return {
    baseDir: MIGRATIONS,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((d) => {
      const f = path.join(MIGRATIONS, d, 'migration.sql')
      return { path: d, migrationFile: { path: 'migration.sql', content: fs.existsSync(f) ? { tag: 'ok', value: fs.readFileSync(f, 'utf8') } : { tag: 'error', value: 'missing migration.sql' } } }
    }),
  }
}

const [cmd, arg] = process.argv.slice(2)
let code = 0
try {
  if (cmd === 'create') {
    // engine.createMigration() refuses on Postgres in wasm ("shadow DB must be provided through an external factory"),
    // but diff(migrations -> schema) does use the factory's shadow DB, so build the migration from it.
    const list = migrationsList()
    const from = list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' }
    const out = await engine.diff({ from, to: { tag: 'schemaDatamodel', ...schemaFiles }, script: true, exitCode: true, filters })
    if (out.exitCode === 0 && process.env.DRAFT !== '1') console.log('No schema changes, no migration created.')
    else {
      const ts = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14)
      const name = `${ts}_${(arg ?? 'migration').replace(/[^A-Za-z0-9_]/g, '_')}`
      const dir = path.join(MIGRATIONS, name)
      fs.mkdirSync(dir, { recursive: true })
      fs.writeFileSync(path.join(dir, 'migration.sql'), out.stdout ?? '')
      fs.writeFileSync(path.join(MIGRATIONS, 'migration_lock.toml'), '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n')
      console.log('Created', path.relative(process.cwd(), dir))
    }
  } else if (cmd === 'deploy') {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters })
    console.log('Applied:', out.appliedMigrationNames)
  } else if (cmd === 'status') {
    const out = await engine.diagnoseMigrationHistory({ migrationsList: migrationsList(), optInToShadowDatabase: false, filters })
    console.log(JSON.stringify(out))
    if (out.history || out.failedMigrationNames.length || out.editedMigrationNames.length) code = 1
  } else if (cmd === 'diff') { // migrations folder -> schema.prisma, SQL script (what the next migration would contain)
    const list = migrationsList()
    const out = await engine.diff({ from: list.migrationDirectories.length ? { tag: 'migrations', ...list } : { tag: 'empty' }, to: { tag: 'schemaDatamodel', ...schemaFiles }, script: true, exitCode: true, filters })
    process.stdout.write(out.stdout ?? ''); code = out.exitCode
  } else if (cmd === 'drift') { // live database -> schema.prisma
    const out = await engine.diff({ from: { tag: 'schemaDatasource', ...schemaFiles, configDir: process.cwd() }, to: { tag: 'schemaDatamodel', ...schemaFiles }, script: true, exitCode: true, filters })
    process.stdout.write(out.stdout ?? ''); code = out.exitCode
  } else if (cmd === 'push') {
    console.log(JSON.stringify(await engine.schemaPush({ force: false, schema: schemaFiles, filters })))
  } else if (cmd === 'version') {
    console.log(await engine.version())
  } else {
    console.error('usage: create NAME | deploy | status | diff | drift | push | version'); code = 2
  }
} catch (e) {
  console.error('schema-engine-wasm error:', e?.message ?? e); code = 1
} finally {
  engine.free()
}
process.exit(code)
