#!/usr/bin/env node
// node bench/import-bench.mjs [--rows 100000] [--cases 0] [--data-dir DIR] [--reuse] [--skip-build] [--keep-file]
//
// Times an import of a large list through the built server, as a manager would run it:
//   1. builds the server (tsc -b server), starts an embedded PostgreSQL in a bench data directory
//      (default /tmp/mprc-import-bench-<cases>), applies the migrations and, with --cases N, seeds N
//      existing cases (seed:scale) for the duplicate search to look through;
//   2. starts `node server/dist/main.js` (NODE_ENV=production) and signs in as a new manager;
//   3. writes a --rows CSV (UTF-8, semicolons, Albanian and Serbian names from the scale
//      generator in Latin, Cyrillic and ASCII spellings, partial dates in local formats, municipality
//      names, ICRC references; one row in 200 with a deliberate error);
//   4. uploads it, runs the dry run with the proposed mapping, and commits every valid row and
//      every duplicate candidate (as if checked), printing each step's time and the server's
//      peak RSS.
// Not part of `npm test`: the times depend on the machine and on what else it is doing.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => path.join(root, 'server/dist', p);
const log = (m) => process.stdout.write(`${m}\n`);

function options(argv) {
  const o = { rows: 100_000, cases: 0, dataDir: null, reuse: false, build: true, keepFile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? usage(`${a} needs a value`);
    if (a === '--rows') o.rows = Number(value().replaceAll(/[_,]/g, ''));
    else if (a === '--cases') o.cases = Number(value().replaceAll(/[_,]/g, ''));
    else if (a === '--data-dir') o.dataDir = path.resolve(value());
    else if (a === '--reuse') o.reuse = true;
    else if (a === '--skip-build') o.build = false;
    else if (a === '--keep-file') o.keepFile = true;
    else usage(a === '--help' || a === '-h' ? null : `unknown option ${a}`);
  }
  if (!Number.isSafeInteger(o.rows) || o.rows < 1 || o.rows > 100_000) usage('--rows: 1 to 100,000');
  if (!Number.isSafeInteger(o.cases) || o.cases < 0) usage('--cases: 0 or more');
  o.dataDir ??= path.join(os.tmpdir(), `mprc-import-bench-${o.cases}`);
  return o;
}

function usage(problem) {
  if (problem) console.error(`import-bench: ${problem}`);
  console.error(
    'usage: node bench/import-bench.mjs [--rows N] [--cases N] [--data-dir DIR] [--reuse] [--skip-build] [--keep-file]',
  );
  process.exit(problem ? 2 : 0);
}

const opts = options(process.argv.slice(2));

// ------------------------------------------------------------------ the list

async function writeList(file, rows) {
  const { ALL_NAME_SETS } = await import(dist('scale/names.js'));
  const { spell } = await import(dist('scale/spelling.js'));
  const { Random } = await import(dist('scale/random.js'));
  const r = new Random(2026);
  const municipalities = [
    'Prishtinë',
    'Priština',
    'Ferizaj',
    'Uroševac',
    'Pejë',
    'Peć',
    'Gjakovë',
    'Đakovica',
    'Prizren',
    'Mitrovicë e Jugut',
    'Severna Mitrovica',
    'Podujevë',
    'Vushtrri',
    'Vučitrn',
    'Gjilan',
    'Gnjilane',
    'Skenderaj',
    'Srbica',
    'Drenas',
    'Lipjan',
    'Suhareka',
    'Rahovec',
    'Orahovac',
    'Klinë',
    'Istog',
    'Deçan',
    'Dečani',
    'Kamenicë',
    'Štrpce',
    'Zvečan',
    'Leposavić',
    'Zubin Potok',
    'Obiliq',
    'Fushë Kosovë',
    'Kosovo Polje',
    'Shtime',
    'Malishevë',
    'Kaçanik',
    'Viti',
    'Novo Brdo',
  ];
  const header = [
    'Emri',
    'Mbiemri',
    'Emri i babait',
    'Gjinia',
    'Datëlindja',
    'Komuniteti',
    'Data e zhdukjes',
    'Komuna',
    'Vendi',
    'ICRC',
  ];
  const quote = (c) => (/[;"\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  const out = fs.createWriteStream(file);
  const write = (cells) => {
    if (!out.write(`${cells.map(quote).join(';')}\r\n`)) return new Promise((resolve) => out.once('drain', resolve));
  };
  await write(header);
  for (let i = 0; i < rows; i++) {
    const set = r.pick(ALL_NAME_SETS.slice(0, 2)); // Albanian and Serbian lists
    const female = r.chance(0.2);
    const script = r.pick(['sq', 'srLatn', 'srCyrl', 'ascii']);
    const name = (n) => spell(n, set.orthography, script);
    const year = r.between(1925, 1985);
    const born = r.pick([
      `${year}`,
      `${r.between(1, 28)}.${r.between(1, 12)}.${year}`,
      `${year}-${String(r.between(1, 12)).padStart(2, '0')}`,
    ]);
    const missing = r.pick([
      '1998',
      '1999',
      `${r.between(1, 12)}.1999`,
      `${r.between(1, 28)}.${r.between(1, 12)}.1999.`,
      `maj 1999`,
    ]);
    const cells = [
      name(r.pick(female ? set.female : set.male)),
      name(r.pick(set.surnames)),
      name(r.pick(set.male)),
      female ? r.pick(['F', 'Femër', 'Ž']) : r.pick(['M', 'Mashkull', 'Muški']),
      born,
      set.orthography === 'sq' ? r.pick(['Shqiptar', 'Albanian', 'Albanci']) : r.pick(['Srbi', 'Serb', 'Serbë']),
      missing,
      r.pick(municipalities),
      `Fshati ${r.int(500)}`,
      r.chance(0.5) ? `BENCH-${opts.cases}-${i}` : '',
    ];
    if (i % 200 === 7) cells[6] = '2099'; // a date in the future
    if (i % 200 === 99) cells[7] = 'Atlantis'; // an unknown municipality
    await write(cells);
  }
  await new Promise((resolve, reject) => out.end((e) => (e ? reject(e) : resolve())));
}

// ------------------------------------------------------------------ processes

function startApp(env) {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app (written when it stops).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, dist('main.js')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  process.on('exit', () => child.kill('SIGKILL'));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 120_000;
    const poll = setInterval(() => {
      if (output.includes('is running at')) {
        clearInterval(poll);
        resolve({
          pid: child.pid,
          output: () => output,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        child.kill('SIGKILL');
        reject(new Error(`the app did not start: ${output.slice(-1500)}`));
      }
    }, 50);
  });
}

/** CPU seconds (user + system) used so far by these processes (from /proc; gone ones count 0). */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks / 100;
}

/** The postmaster and its children (the backends serving the app). */
function postgresPids(postmaster) {
  const out = [postmaster];
  for (const dir of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(dir)) continue;
    try {
      const ppid = Number(fs.readFileSync(`/proc/${dir}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === postmaster) out.push(Number(dir));
    } catch {
      // gone
    }
  }
  return out;
}

/** Peak resident memory of a process while `fn` runs, sampled every 100 ms (MB). */
async function withPeakRss(pid, fn) {
  const rss = () => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0;
    }
  };
  let peak = rss();
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 100);
  try {
    const result = await fn();
    return { result, peakRssMb: Math.round(Math.max(peak, rss())) };
  } finally {
    clearInterval(timer);
  }
}

// node:http rather than fetch: fetch gives up after 300 s without response headers, and a dry run
// against a large database may take longer.
function request(base, method, url, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(url, base), { method, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function api(base, session, method, url, body) {
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  let payload;
  if (body?.file) {
    const boundary = `----bench${randomBytes(8).toString('hex')}`;
    payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${body.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      body.file,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const res = await request(base, method, url, headers, payload);
  const text = res.body.toString('utf8');
  if (res.status >= 300) throw new Error(`${method} ${url}: HTTP ${res.status} ${text.slice(0, 800)}`);
  return text ? JSON.parse(text) : null;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// On a shared machine what is measured (PostgreSQL, the app, this driver) runs at a higher priority
// than other work (nice -10; needs root, else left as is), as bench/bench.mjs does.
let niced = false;
function prioritize(pid, group = false) {
  try {
    if (group) execFileSync('renice', ['-n', '-10', '-g', String(pid)], { stdio: 'ignore' });
    else os.setPriority(pid, -10);
    niced = true;
  } catch {
    // not allowed: normal priority
  }
}

async function main() {
  const started = Date.now();
  if (opts.build) {
    log('Building the server (tsc -b server)');
    const r = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'server'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('the server build failed');
  }
  const { startEmbeddedPostgres, freePort } = await import(dist('common/database/embedded-postgres.js'));
  const { applyMigrations } = await import(dist('common/database/migrator.js'));
  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.chmodSync(opts.dataDir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, 'pg'), log: () => {} });
  const postmaster = Number(fs.readFileSync(path.join(db.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  prioritize(postmaster, true);
  prioritize(process.pid);
  let app;
  try {
    const query = async (sql) => {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        return (await c.query(sql)).rows;
      } finally {
        await c.end();
      }
    };
    await applyMigrations(db.url);
    const existing = Number((await query('SELECT count(*) AS n FROM "case"'))[0].n);
    if (!opts.reuse || existing < opts.cases) {
      if (existing > 0) {
        const admin = new URL(db.url);
        admin.pathname = '/postgres';
        const c = new pg.Client({ connectionString: admin.toString() });
        await c.connect();
        await c.query('DROP DATABASE IF EXISTS mprc WITH (FORCE)');
        await c.query('CREATE DATABASE mprc');
        await c.end();
        await applyMigrations(db.url);
      }
      if (opts.cases > 0) {
        log(`Seeding ${opts.cases.toLocaleString('en')} existing cases (seed:scale)`);
        const s = spawnSync(
          process.execPath,
          [dist('cli/seed-scale.js'), '--cases', String(opts.cases), '--seed', '2026'],
          {
            cwd: root,
            env: { ...process.env, DATABASE_URL: db.url },
            stdio: ['ignore', 'ignore', 'inherit'],
          },
        );
        if (s.status !== 0) throw new Error('seed:scale failed');
      }
    }
    const cases = Number((await query('SELECT count(*) AS n FROM "case"'))[0].n);

    const email = `bench.import.${randomBytes(3).toString('hex')}@example.org`;
    const password = `${randomBytes(18).toString('base64url')}-Aa1`;
    const u = spawnSync(
      process.execPath,
      [
        dist('cli/user-create.js'),
        '--email',
        email,
        '--name',
        'Bench manager',
        '--role',
        'MANAGER',
        '--password-stdin',
      ],
      { cwd: root, env: { ...process.env, DATABASE_URL: db.url }, input: password, encoding: 'utf8' },
    );
    if (u.status !== 0) throw new Error(`user:create failed: ${u.stderr}`);

    const port = await freePort();
    app = await startApp({
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: db.url,
      DATA_DIR: opts.dataDir,
    });
    prioritize(app.pid);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const session = {
      csrfToken: (await login.json()).csrfToken,
      cookie: login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith('mprc_session=')),
    };

    const file = path.join(os.tmpdir(), `mprc-import-bench-${opts.rows}.csv`);
    let t = Date.now();
    await writeList(file, opts.rows);
    const size = fs.statSync(file).size;
    log(
      `Wrote ${opts.rows.toLocaleString('en')} rows (${(size / 1024 / 1024).toFixed(1)} MB) in ${seconds(Date.now() - t)}; ${cases.toLocaleString('en')} cases in the database`,
    );

    const times = {};
    const step = async (name, fn) => {
      const t0 = Date.now();
      const pgPids = postgresPids(postmaster);
      const before = { app: cpuSeconds([app.pid]), pg: cpuSeconds(pgPids) };
      const { result, peakRssMb } = await withPeakRss(app.pid, fn);
      const cpu = { app: cpuSeconds([app.pid]) - before.app, pg: cpuSeconds(pgPids) - before.pg };
      times[name] = { ms: Date.now() - t0, peakRssMb, cpu };
      log(
        `- ${name}: ${seconds(times[name].ms)} (CPU: app ${cpu.app.toFixed(1)} s, PostgreSQL ${cpu.pg.toFixed(1)} s; ` +
          `server RSS peak ${peakRssMb} MB)`,
      );
      return result;
    };

    const uploaded = await step('upload', () =>
      api(base, session, 'POST', '/api/v1/imports', { file: fs.readFileSync(file), name: path.basename(file) }),
    );
    log(
      `  ${uploaded.rowCount} rows, ${uploaded.encoding}, "${uploaded.delimiter}", mapping ${JSON.stringify(uploaded.proposedMapping)}`,
    );
    const body = { mapping: uploaded.proposedMapping, defaultOfficeCode: 'PRISTINA' };
    const dry = await step('dry run', () => api(base, session, 'POST', `/api/v1/imports/${uploaded.id}/dry-run`, body));
    log(
      `  total ${dry.total}, valid ${dry.valid}, invalid ${dry.invalid}, duplicates ${dry.duplicates}, existing ${dry.existing}`,
    );

    t = Date.now();
    const last = Math.max(1, Math.ceil(dry.duplicates / 50));
    await api(base, session, 'GET', `/api/v1/imports/${uploaded.id}/rows?filter=duplicates&page=1&pageSize=50`);
    await api(base, session, 'GET', `/api/v1/imports/${uploaded.id}/rows?filter=duplicates&page=${last}&pageSize=50`);
    log(`  (first and last page of the duplicates: ${seconds(Date.now() - t)})`);
    // The manager leaves out the rows with errors and, having checked them, keeps the possible duplicates.
    const committed = await step('commit', () =>
      api(base, session, 'POST', `/api/v1/imports/${uploaded.id}/commit`, {
        ...body,
        excludeInvalid: true,
        duplicates: 'include',
      }),
    );
    log(`  created ${committed.created}, skipped ${committed.skipped}`);
    const report = await step('report (CSV)', async () => {
      const res = await request(base, 'GET', `/api/v1/imports/${uploaded.id}/report?format=csv&lang=en`, {
        cookie: session.cookie,
      });
      return res.body.length;
    });
    log(`  ${(report / 1024 / 1024).toFixed(1)} MB`);
    for (const line of app.output().split('\n'))
      if (/"msg":"Import (dry run|commit)"/.test(line)) log(`  app: ${line.replace(/^.*"context":"Import",/, '')}`);
    const total = times.upload.ms + times['dry run'].ms + times.commit.ms;
    log('');
    log(
      `Upload + dry run + commit of ${opts.rows.toLocaleString('en')} rows against ${cases.toLocaleString('en')} cases: ${seconds(total)}`,
    );
    log(
      `Machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), Node ${process.version}, load average ` +
        `${os
          .loadavg()
          .map((v) => v.toFixed(1))
          .join(' ')}${niced ? ', measured at nice -10' : ''}; done in ${seconds(Date.now() - started)}`,
    );
    if (!opts.keepFile) fs.rmSync(file, { force: true });
  } catch (e) {
    if (app) log(app.output().slice(-2000));
    throw e;
  } finally {
    await app?.stop();
    await db.stop();
  }
}

main().catch((e) => {
  process.stderr.write(`import-bench: ${e.message}\n`);
  if (process.env.DEBUG) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
