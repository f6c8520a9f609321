#!/usr/bin/env node
// `npm run bench -- [--cases N] [--reuse] [--seconds S] [--connections 1,10,50] [--only a,b] ...`
//
// Measures the hot paths of the built server at N cases (default 100,000) against a raw
// node:http + pg baseline doing the same SQL work (bench/raw-server.mjs), on this machine:
//   1. builds (npm run build), starts an embedded PostgreSQL in a bench data directory
//      (default /tmp/mprc-bench-<N>, kept for --reuse) and seeds it with seed:scale;
//   2. starts `node server/dist/main.js` as production does (NODE_ENV=production,
//      LOG_LEVEL=warn, 127.0.0.1, a free port) and the raw baseline beside it;
//   3. signs in over HTTP as a manager and as a liaison officer;
//   4. drives each hot path from a second process (bench/drive.mjs, autocannon) at 1, 10 and 50
//      connections, the app and the baseline in turn; then CSV and XLSX exports of every case
//      with the server's RSS sampled every 100 ms;
//   5. prints one table, writes bench/results/<date>-<N>.json and updates docs/PERFORMANCE.md.
// Nothing here runs in `npm test`: times depend on the machine and on what else it is doing.
import { execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => path.join(root, 'server/dist', p);

// ------------------------------------------------------------------ options

function parseOptions(argv) {
  const o = {
    cases: 100_000,
    reuse: false,
    seconds: 10,
    warmup: 2,
    connections: [1, 10, 50],
    only: null,
    dataDir: null,
    build: true,
    raw: true,
    exports: true,
    docs: true,
    priority: -10,
    fromResults: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--cases') o.cases = Number(value().replaceAll(/[_,]/g, ''));
    else if (a === '--reuse') o.reuse = true;
    else if (a === '--seconds') o.seconds = Number(value());
    else if (a === '--warmup') o.warmup = Number(value());
    else if (a === '--connections') o.connections = value().split(',').map(Number);
    else if (a === '--only') o.only = new Set(value().split(','));
    else if (a === '--data-dir') o.dataDir = path.resolve(value());
    else if (a === '--skip-build') o.build = false;
    else if (a === '--no-raw') o.raw = false;
    else if (a === '--no-exports') o.exports = false;
    else if (a === '--no-docs') o.docs = false;
    else if (a === '--priority') o.priority = Number(value());
    else if (a === '--from-results') o.fromResults = path.resolve(value());
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  if (!Number.isSafeInteger(o.cases) || o.cases < 1) usage('--cases needs a positive whole number');
  if (!(o.seconds > 0) || o.connections.some((c) => !Number.isInteger(c) || c < 1))
    usage('bad --seconds or --connections');
  o.dataDir ??= path.join(os.tmpdir(), `mprc-bench-${o.cases}`);
  return o;
}

function usage(problem) {
  if (problem) console.error(`bench: ${problem}`);
  console.error(
    'usage: npm run bench -- [--cases N] [--reuse] [--seconds S] [--warmup S] [--connections 1,10,50]\n' +
      '                        [--only read,search,list,summary,timeline,contact,export] [--data-dir DIR]\n' +
      '                        [--skip-build] [--no-raw] [--no-exports] [--no-docs] [--priority NICE]\n' +
      '       npm run bench -- --from-results bench/results/<file>.json   (table and docs again, no measuring)',
  );
  process.exit(problem ? 2 : 0);
}

const opts = parseOptions(process.argv.slice(2));
const log = (m) => process.stdout.write(`${m}\n`);

// ------------------------------------------------------------------ processes

// On a shared machine, everything measured (PostgreSQL and its helpers, both servers, the load
// generator, seeding) runs at a higher priority than other work (nice -10 by default; needs
// root, else left as is), so that a test run elsewhere disturbs the figures less. The load
// average is recorded anyway.
let priorityApplied = false;
function prioritize(pid) {
  if (!opts.priority) return;
  try {
    os.setPriority(pid, opts.priority);
    priorityApplied = true;
  } catch {
    // not allowed (not root): measure at normal priority
  }
}

function childrenOf(parent) {
  const out = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) out.push(Number(entry));
    } catch {
      // gone
    }
  }
  return out;
}

const children = new Set();
function startProcess(name, args, env, readyText) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  prioritize(child.pid);
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  exited.then(() => children.delete(child));
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 120_000;
    const poll = setInterval(() => {
      if (output.includes(readyText)) {
        clearInterval(poll);
        resolve({
          child,
          pid: child.pid,
          output: () => output,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            const t = setTimeout(() => child.kill('SIGKILL'), 20_000);
            await exited;
            clearTimeout(t);
          },
        });
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        child.kill('SIGKILL');
        reject(new Error(`${name} did not start: ${output.slice(-1500)}`));
      }
    }, 50);
  });
}
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function drive(spec) {
  // A second process: the load generator never shares an event loop with what it measures.
  const specFile = path.join(os.tmpdir(), `mprc-bench-spec-${process.pid}.json`);
  fs.writeFileSync(specFile, JSON.stringify({ ...spec, priority: opts.priority }));
  try {
    const out = execFileSync(process.execPath, [path.join(root, 'bench/drive.mjs'), specFile], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      encoding: 'utf8',
    });
    return JSON.parse(out.trim().split('\n').at(-1));
  } finally {
    fs.rmSync(specFile, { force: true });
  }
}

// ------------------------------------------------------------------ machine

function machine() {
  const sh = (cmd) => {
    try {
      return execSync(cmd, { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const cpu = /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? os.cpus()[0]?.model;
  return {
    cpus: Number(sh('nproc')) || os.availableParallelism(),
    cpuModel: cpu,
    memory: sh('free -h | awk \'/^Mem:/ {print $2 " total, " $7 " available"}\''),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

// ------------------------------------------------------------------ data

// A keep-alive connection the server closes while idle can fail the next request ("other side
// closed"); the benchmark's own control requests retry once on a fresh connection.
async function fetchRetry(url, init) {
  try {
    return await fetch(url, init);
  } catch {
    await new Promise((r) => setTimeout(r, 100));
    return fetch(url, init);
  }
}

async function withClient(url, fn) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function databaseUrl(serverUrl, name) {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

async function prepareDatabase(db, applyMigrations) {
  const url = db.url;
  const count = async () =>
    withClient(url, async (c) => {
      const t = await c.query(`SELECT to_regclass('public.case') AS t`);
      if (!t.rows[0].t) return 0;
      return Number((await c.query(`SELECT count(*) AS n FROM "case" WHERE merged_into_id IS NULL`)).rows[0].n);
    });
  let existing = await count();
  if (opts.reuse && existing >= opts.cases && existing <= opts.cases * 1.01) {
    log(`Reusing ${existing.toLocaleString('en')} cases in ${opts.dataDir}`);
    await applyMigrations(url);
    return { reused: true, seconds: null, output: null };
  }
  if (existing > 0 || opts.reuse) {
    log(`Recreating the bench database (it held ${existing.toLocaleString('en')} cases)`);
    await withClient(databaseUrl(url, 'postgres'), async (c) => {
      await c.query('DROP DATABASE IF EXISTS mprc WITH (FORCE)');
      await c.query('CREATE DATABASE mprc');
    });
  }
  await applyMigrations(url);
  log(`Seeding ${opts.cases.toLocaleString('en')} cases (seed:scale)`);
  const started = Date.now();
  const r = spawnSync(process.execPath, [dist('cli/seed-scale.js'), '--cases', String(opts.cases), '--seed', '2026'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`seed:scale failed:\n${r.stdout}`);
  const seconds = (Date.now() - started) / 1000;
  const phases = /Seconds: (.*) \(seed/.exec(r.stdout)?.[1] ?? '';
  log(`Seeded in ${seconds.toFixed(1)} s (${phases})`);
  existing = await count();
  if (existing !== opts.cases) throw new Error(`expected ${opts.cases} cases after seeding, found ${existing}`);
  return { reused: false, seconds, phases };
}

function createUser(url, role, email) {
  const password = `${randomBytes(18).toString('base64url')}-Aa1`;
  const r = spawnSync(
    process.execPath,
    [
      dist('cli/user-create.js'),
      '--email',
      email,
      '--name',
      `Bench ${role}`,
      '--role',
      role,
      '--office',
      'PRISTINA',
      '--password-stdin',
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: url }, input: password, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`user:create failed: ${r.stderr}`);
  return { email, password };
}

async function signIn(base, user) {
  const res = await fetchRetry(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${user.email} failed: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('mprc_session='));
  return { cookie, csrfToken: body.csrfToken };
}

/** Search queries as people type them: Cyrillic, Latin (Albanian or Serbian), and misspelled. */
async function searchQueries(count) {
  const { ALL_NAME_SETS, COMMUNITY_WEIGHTS } = await import(dist('scale/names.js'));
  const { spell, typo } = await import(dist('scale/spelling.js'));
  const { Random } = await import(dist('scale/random.js'));
  const r = new Random(7);
  // Weight the sets roughly like the seeded communities (Albanian names most common).
  const weights = [COMMUNITY_WEIGHTS.ALBANIAN, COMMUNITY_WEIGHTS.SERB, 1, 1, 3, 3, 2, 1, 1];
  const total = weights.reduce((a, b) => a + b, 0);
  const pickSet = () => {
    let x = r.next() * total;
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return ALL_NAME_SETS[i];
    return ALL_NAME_SETS[0];
  };
  const queries = [];
  for (let i = 0; i < count; i++) {
    const set = pickSet();
    const first = r.pick(set.male);
    const last = r.pick(set.surnames);
    const kind = ['cyrillic', 'latin', 'misspelled'][i % 3];
    const script = kind === 'cyrillic' ? 'srCyrl' : kind === 'latin' ? r.pick(['sq', 'srLatn', 'ascii']) : 'ascii';
    let surname = spell(last, set.orthography, script);
    if (kind === 'misspelled') surname = typo(surname, (n) => r.int(n));
    // Most people type first and last name; some only the surname (more hits to rank and count).
    const q = r.chance(0.7) ? `${spell(first, set.orthography, script)} ${surname}` : surname;
    queries.push({ q, kind });
  }
  return queries;
}

// ------------------------------------------------------------------ measuring

function paths(sample) {
  const enc = encodeURIComponent;
  return [
    {
      key: 'read',
      title: 'Sign-in check + case read (audited)',
      as: 'officer',
      urls: sample.caseIds.map((id) => `/api/v1/cases/${id}`),
    },
    {
      key: 'search',
      title: 'Name search (q: Cyrillic, Latin, misspelled)',
      as: 'manager',
      urls: sample.queries.map((q) => `/api/v1/cases?q=${enc(q.q)}&pageSize=20`),
    },
    {
      key: 'list',
      title: 'Filtered list with total (office + fate + municipality, page 3)',
      as: 'manager',
      urls: sample.municipalities.map(
        (m) => `/api/v1/cases?officeCode=PRISTINA&fateStatus=MISSING&municipalityCode=${m}&page=3&pageSize=20`,
      ),
    },
    {
      key: 'summary',
      title: 'Dashboard summary (groupBy=municipality)',
      as: 'manager',
      urls: ['/api/v1/reports/summary?groupBy=municipality'],
    },
    {
      key: 'timeline',
      title: 'Case timeline',
      as: 'officer',
      urls: sample.caseIds.map((id) => `/api/v1/cases/${id}/timeline`),
    },
    {
      key: 'contact',
      title: 'Contact create (CSRF, transaction, audited)',
      as: 'officer',
      method: 'POST',
      urls: sample.caseIds.map((id) => `/api/v1/cases/${id}/contacts`),
      body: {
        channel: 'PHONE',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
        language: 'sq',
        summary: 'Benchmark: phone call with the family about the next steps.',
      },
    },
  ];
}

async function probe(base, p, session) {
  const res = await fetchRetry(`${base}${p.urls[0]}`, {
    method: p.method ?? 'GET',
    headers: {
      cookie: session.cookie,
      ...(p.body ? { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken } : {}),
    },
    body: p.body ? JSON.stringify(p.body) : undefined,
  });
  return { status: res.status, body: await res.text() };
}

/**
 * Whether the raw baseline answered the probe as the app did (the fairness check of the ratio):
 * the JSON bodies compared with the fields that differ per request left out (a new contact's id
 * and creation time). Null when either is not JSON.
 */
function sameAnswer(app, raw) {
  const volatile = new Set(['id', 'createdAt']);
  try {
    const a = JSON.parse(app);
    const r = JSON.parse(raw);
    const strip = (v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? JSON.stringify(
            Object.fromEntries(
              Object.entries(v)
                .filter(([k]) => !volatile.has(k))
                .sort(),
            ),
          )
        : JSON.stringify(v);
    return strip(a) === strip(r);
  } catch {
    return null;
  }
}

function sampleRss(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch {
    return null;
  }
}

// CPU time (ms) used by a process, and by PostgreSQL as a whole (the postmaster, its live
// children, and children already reaped). CPU per request barely depends on what else the
// machine runs, unlike latency, so it is the fairer comparison on a shared machine.
const TICK_MS = 1000 / (Number(execSync('getconf CLK_TCK', { encoding: 'utf8' }).trim()) || 100);
function cpuMs(pid, withChildren = false) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields 14-17 (utime, stime, cutime, cstime) are 11-14 after the command
    const ticks = Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    return ticks * TICK_MS;
  } catch {
    return 0;
  }
}
function postgresCpuMs(postmaster) {
  let total = cpuMs(postmaster, true);
  for (const pid of childrenOf(postmaster)) total += cpuMs(pid);
  return total;
}
function measured(server, postmaster, fn) {
  const s0 = cpuMs(server.pid);
  const p0 = postgresCpuMs(postmaster);
  const r = fn();
  const perRequest = (v) => (r.requests ? Math.round((v / r.requests) * 100) / 100 : null);
  return {
    ...r,
    cpuMsPerRequest: {
      server: perRequest(cpuMs(server.pid) - s0),
      postgres: perRequest(postgresCpuMs(postmaster) - p0),
    },
  };
}

async function measureExport(base, session, format, pid, expectedRows, postmaster) {
  const url = `${base}/api/v1/exports/cases?format=${format}`;
  const before = sampleRss(pid);
  const cpu0 = { server: cpuMs(pid), postgres: postmaster ? postgresCpuMs(postmaster) : 0 };
  let peak = before;
  const timer = setInterval(() => {
    const v = sampleRss(pid);
    if (v !== null && v > peak) peak = v;
  }, 100);
  const started = performance.now();
  let bytes = 0;
  let newlines = 0;
  let status;
  try {
    const res = await fetchRetry(url, { headers: { cookie: session.cookie } });
    status = res.status;
    if (status !== 200) {
      await res.arrayBuffer();
      return { status, skipped: true };
    }
    for await (const chunk of res.body) {
      bytes += chunk.length;
      if (format === 'csv') for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines++;
    }
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - started) / 1000;
  // Where the time went: CPU seconds of the server and of PostgreSQL during the export.
  const cpuSeconds = {
    server: Math.round((cpuMs(pid) - cpu0.server) / 100) / 10,
    postgres: postmaster ? Math.round((postgresCpuMs(postmaster) - cpu0.postgres) / 100) / 10 : null,
  };
  const after = sampleRss(pid);
  peak = Math.max(peak ?? 0, after ?? 0);
  // CSV: every line but the header (quoted free text is generated without line breaks).
  const rows = format === 'csv' ? newlines - 1 : expectedRows;
  return {
    status,
    rows,
    rowsCounted: format === 'csv',
    bytes,
    seconds: Math.round(seconds * 100) / 100,
    rowsPerSecond: Math.round(rows / seconds),
    cpuSeconds,
    rssBeforeMb: before === null ? null : Math.round(before / 1048576),
    rssPeakGrowthMb: before === null ? null : Math.round(((peak - before) / 1048576) * 10) / 10,
  };
}

// ------------------------------------------------------------------ budgets and report

function budgets(result) {
  const notMeasured = (key) =>
    result.paths.find((p) => p.key === key)?.skipped ? 'endpoint not implemented yet' : 'not run';
  const at = (key, c) => result.paths.find((p) => p.key === key)?.runs?.find((r) => r.connections === c);
  const out = [];
  const add = (name, figure, holds, note) => out.push({ name, figure, holds, note });
  const read10 = at('read', 10);
  if (read10?.ratio != null) {
    const ratios = result.paths
      .find((p) => p.key === 'read')
      .runs.map((r) => `${r.ratio ?? 'n/a'} at ${r.connections}`);
    // Node CPU alone: the stack's own cost, hidden while PostgreSQL dominates both servers.
    const nodeRatio =
      read10.raw?.cpuMsPerRequest?.server && read10.app?.cpuMsPerRequest?.server
        ? Math.round((read10.raw.cpuMsPerRequest.server / read10.app.cpuMsPerRequest.server) * 100) / 100
        : null;
    const holds = read10.ratio >= 0.6;
    const notes = [];
    if (holds && nodeRatio !== null && nodeRatio < 0.6)
      notes.push('but only while PostgreSQL time dominates both servers (Node CPU alone is below 0.6)');
    // Both servers now send the same statements: a throughput ratio above 1 is the machine's noise.
    if (read10.ratio > 1.1)
      notes.push(
        `the throughput ratio above 1 is noise (the two runs met different load); the CPU ratio is ${read10.cpuRatio}`,
      );
    add(
      'Case read >= 0.6 of raw throughput (10 connections)',
      `${read10.ratio} (${ratios.join(', ')}; CPU ratio ${read10.cpuRatio ?? 'n/a'}, Node CPU alone ${nodeRatio ?? 'n/a'})`,
      holds,
      notes.length ? notes.join('; ') : undefined,
    );
  }
  const ms = (v) => `${fmt(v, 1)} ms`;
  const search10 = at('search', 10);
  if (search10?.app) add('Name search p95 < 100 ms (10 connections)', ms(search10.app.p95), search10.app.p95 < 100);
  const list10 = at('list', 10);
  if (list10?.app) add('Filtered list p95 < 150 ms (10 connections)', ms(list10.app.p95), list10.app.p95 < 150);
  const summary1 = at('summary', 1);
  if (summary1?.app)
    add('Dashboard summary < 300 ms (p95, 1 connection)', ms(summary1.app.p95), summary1.app.p95 < 300);
  else add('Dashboard summary < 300 ms', 'not measured', null, notMeasured('summary'));
  for (const f of ['csv', 'xlsx']) {
    const e = result.exports?.[f];
    if (e && !e.skipped)
      add(
        `${f.toUpperCase()} export >= 100,000 rows/s, RSS growth < 100 MB`,
        `${e.rowsPerSecond.toLocaleString('en')} rows/s, +${e.rssPeakGrowthMb} MB`,
        e.rowsPerSecond >= 100_000 && e.rssPeakGrowthMb < 100,
      );
    else
      add(`${f.toUpperCase()} export`, 'not measured', null, e?.skipped ? 'endpoint not implemented yet' : 'not run');
  }
  return out;
}

const cpu = (r) => `${fmt(r.cpuMsPerRequest?.server, 2)} + ${fmt(r.cpuMsPerRequest?.postgres, 2)}`;
const fmt = (v, d = 0) =>
  v === null || v === undefined
    ? '-'
    : Number(v).toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });

function table(result) {
  const lines = [];
  lines.push(
    '| Path | Conn. | App req/s | p50 / p95 / p99 ms | Errors | CPU ms/req (node + pg) | Raw req/s | Raw p50 / p95 / p99 ms | Raw CPU ms/req | App / raw |',
    '|---|---:|---:|---|---:|---|---:|---|---|---:|',
  );
  for (const p of result.paths) {
    if (p.skipped) {
      lines.push(`| ${p.title} | - | - | - | - | - | - | - | - | ${p.skipped} |`);
      continue;
    }
    for (const r of p.runs) {
      const a = r.app;
      const w = r.raw;
      lines.push(
        `| ${p.title} | ${r.connections} | ${fmt(a.rps)} | ${fmt(a.p50, 1)} / ${fmt(a.p95, 1)} / ${fmt(a.p99, 1)} | ${a.non2xx + a.errors} | ${cpu(a)} | ` +
          `${w ? fmt(w.rps) : '-'} | ${w ? `${fmt(w.p50, 1)} / ${fmt(w.p95, 1)} / ${fmt(w.p99, 1)}` : '-'} | ${w ? cpu(w) : '-'} | ${r.ratio ?? '-'}${r.cpuRatio != null ? ` (CPU ${r.cpuRatio})` : ''} |`,
      );
    }
  }
  return lines.join('\n');
}

function exportTable(result) {
  const lines = [
    '| Export | Rows | Seconds | Rows/s | CPU s (node + pg) | Server RSS before | Peak RSS growth |',
    '|---|---:|---:|---:|---|---:|---:|',
  ];
  for (const [f, e] of Object.entries(result.exports ?? {})) {
    if (e.skipped) lines.push(`| ${f.toUpperCase()} | - | - | - | - | - | not implemented yet (HTTP ${e.status}) |`);
    else
      lines.push(
        `| ${f.toUpperCase()} | ${fmt(e.rows)}${e.rowsCounted ? '' : ' (all cases)'} | ${fmt(e.seconds, 1)} | ${fmt(e.rowsPerSecond)} | ${e.cpuSeconds ? `${fmt(e.cpuSeconds.server, 1)} + ${e.cpuSeconds.postgres === null ? '-' : fmt(e.cpuSeconds.postgres, 1)}` : '-'} | ${fmt(e.rssBeforeMb)} MB | ${fmt(e.rssPeakGrowthMb, 1)} MB |`,
      );
  }
  return lines.join('\n');
}

function budgetTable(list) {
  const lines = ['| Budget | Measured | Holds |', '|---|---|---|'];
  for (const b of list) {
    const verdict = b.holds === null ? b.note : `${b.holds ? 'yes' : '**no**'}${b.note ? `, ${b.note}` : ''}`;
    lines.push(`| ${b.name} | ${b.figure} | ${verdict} |`);
  }
  return lines.join('\n');
}

function markdownSection(result) {
  const m = result.machine;
  const seed = result.seed.reused
    ? 'reused from an earlier run'
    : `${fmt(result.seed.seconds, 1)} s (${result.seed.phases})`;
  return [
    `### ${result.cases.toLocaleString('en')} cases (${result.date})`,
    '',
    `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.memory}; ${m.os}; Node ${m.node}; ${result.postgres}. ` +
      `Load average when the run started: ${m.loadAverageAtStart.join(' / ')}` +
      (result.options.nice ? `; measured processes at nice ${result.options.nice}.` : '.'),
    `Seeding: ${seed}. Each run ${result.options.seconds} s after a ${result.options.warmup} s warm-up; ` +
      `app = \`node server/dist/main.js\` (NODE_ENV=production, DB pool ${result.poolSize}); raw = bench/raw-server.mjs (node:http + pg, pool ${result.poolSize}).`,
    '',
    table(result),
    '',
    exportTable(result),
    '',
    budgetTable(result.budgets),
    '',
    `Raw results: \`${result.file}\`.`,
  ].join('\n');
}

/** Formats like `npm run format` (Prettier, when installed) so the files stay as the repository keeps them. */
async function writeFormatted(file, text) {
  try {
    const prettier = await import('prettier');
    text = await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch {
    // Prettier missing: write as is
  }
  fs.writeFileSync(file, text);
}

async function updateDocs(result) {
  const file = path.join(root, 'docs/PERFORMANCE.md');
  if (!fs.existsSync(file)) {
    log('docs/PERFORMANCE.md is missing: not updated');
    return;
  }
  const start = `<!-- bench:${result.cases}:start -->`;
  const end = `<!-- bench:${result.cases}:end -->`;
  let text = fs.readFileSync(file, 'utf8');
  const section = `${start}\n${markdownSection(result)}\n${end}`;
  if (text.includes(start) && text.includes(end)) {
    text = text.slice(0, text.indexOf(start)) + section + text.slice(text.indexOf(end) + end.length);
  } else {
    const anchor = '<!-- bench:results -->';
    text = text.includes(anchor)
      ? text.replace(anchor, `${anchor}\n\n${section}`)
      : `${text.trimEnd()}\n\n${section}\n`;
  }
  await writeFormatted(file, text);
  log('Updated docs/PERFORMANCE.md');
}

// ------------------------------------------------------------------ main

async function main() {
  const started = Date.now();
  if (opts.build) {
    log('Building (npm run build)');
    const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      // The API is what is measured: a broken SPA build need not stop the benchmark.
      log('The full build failed; building the server only (tsc -b server)');
      const s = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'server'], { cwd: root, stdio: 'inherit' });
      if (s.status !== 0 && !fs.existsSync(dist('main.js'))) throw new Error('the server build failed');
    }
  }
  const { startEmbeddedPostgres, freePort } = await import(dist('common/database/embedded-postgres.js'));
  const { applyMigrations } = await import(dist('common/database/migrator.js'));

  fs.mkdirSync(opts.dataDir, { recursive: true });
  fs.chmodSync(opts.dataDir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: path.join(opts.dataDir, 'pg'), log: () => {} });
  // Backends forked later inherit the postmaster's priority; its helpers (I/O workers, WAL
  // writer, checkpointer) already run and are reniced one by one.
  const postmaster = Number(fs.readFileSync(path.join(db.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  prioritize(postmaster);
  for (const pid of childrenOf(postmaster)) prioritize(pid);
  prioritize(process.pid);
  let app;
  let raw;
  try {
    const seed = await prepareDatabase(db, applyMigrations);
    const postgres = await withClient(
      db.url,
      async (c) => (await c.query('SHOW server_version')).rows[0].server_version,
    );

    const suffix = randomBytes(3).toString('hex');
    const manager = createUser(db.url, 'MANAGER', `bench.manager.${suffix}@example.org`);
    const officer = createUser(db.url, 'LIAISON_OFFICER', `bench.officer.${suffix}@example.org`);

    const sample = await withClient(db.url, async (c) => {
      const ids = await c.query(
        `SELECT id FROM "case" WHERE office_id = (SELECT id FROM office WHERE code = 'PRISTINA') AND merged_into_id IS NULL
          ORDER BY random() LIMIT 5000`,
      );
      const municipalities = await c.query(
        `SELECT mu.code FROM "case" c JOIN municipality mu ON mu.id = c.last_seen_municipality_id
          WHERE c.office_id = (SELECT id FROM office WHERE code = 'PRISTINA') AND c.fate_status = 'MISSING'
          GROUP BY mu.code HAVING count(*) >= 60 ORDER BY mu.code`,
      );
      const total = Number((await c.query(`SELECT count(*) AS n FROM "case" WHERE merged_into_id IS NULL`)).rows[0].n);
      return {
        caseIds: ids.rows.map((r) => r.id),
        municipalities: municipalities.rows.map((r) => r.code),
        queries: await searchQueries(300),
        total,
      };
    });

    const poolSize = 10;
    const appPort = await freePort();
    app = await startProcess(
      'the app',
      [dist('main.js')],
      {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(appPort),
        DATABASE_URL: db.url,
        DATA_DIR: opts.dataDir,
        DB_POOL_SIZE: String(poolSize),
      },
      'is running at',
    );
    const appBase = `http://127.0.0.1:${appPort}`;
    let rawBase = null;
    if (opts.raw) {
      const rawPort = await freePort();
      raw = await startProcess(
        'the raw baseline',
        [path.join(root, 'bench/raw-server.mjs')],
        {
          PATH: process.env.PATH,
          DATABASE_URL: db.url,
          PORT: String(rawPort),
          HOST: '127.0.0.1',
          DB_POOL_SIZE: String(poolSize),
        },
        'listening',
      );
      rawBase = `http://127.0.0.1:${rawPort}`;
    }
    const sessions = { manager: await signIn(appBase, manager), officer: await signIn(appBase, officer) };
    log(
      `App on ${appBase} (pid ${app.pid})${rawBase ? `, raw baseline on ${rawBase}` : ''}; signed in as a manager and an officer`,
    );

    const result = {
      date: new Date().toISOString(),
      cases: opts.cases,
      machine: machine(),
      postgres: `PostgreSQL ${postgres}`,
      poolSize,
      options: {
        seconds: opts.seconds,
        warmup: opts.warmup,
        connections: opts.connections,
        nice: priorityApplied ? opts.priority : 0,
      },
      seed,
      searchQueries: sample.queries.slice(0, 12),
      paths: [],
      exports: {},
    };

    for (const p of paths(sample)) {
      if (opts.only && !opts.only.has(p.key)) continue;
      const session = sessions[p.as];
      const appProbe = await probe(appBase, p, session);
      const status = appProbe.status;
      if (status === 404) {
        log(`- ${p.title}: HTTP ${status} on the app: skipped`);
        result.paths.push({ key: p.key, title: p.title, skipped: `not implemented yet (HTTP ${status})` });
        continue;
      }
      if (status >= 300) throw new Error(`${p.title}: probe answered HTTP ${status}`);
      const rawProbe = rawBase ? await probe(rawBase, p, session) : null;
      const rawStatus = rawProbe?.status ?? null;
      const useRaw = rawBase && rawStatus < 300;
      const rawSameAnswer = useRaw ? sameAnswer(appProbe.body, rawProbe.body) : null;
      if (rawSameAnswer === false) log(`- ${p.title}: the raw baseline's answer differs from the app's`);
      const spec = (base, connections, seconds) => ({
        url: base,
        paths: p.urls,
        connections,
        seconds,
        method: p.method ?? 'GET',
        headers: {
          cookie: session.cookie,
          ...(p.body ? { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken } : {}),
        },
        body: p.body,
      });
      if (opts.warmup > 0) {
        drive(spec(appBase, 10, opts.warmup));
        if (useRaw) drive(spec(rawBase, 10, opts.warmup));
      }
      const runs = [];
      for (const connections of opts.connections) {
        const a = measured(app, postmaster, () => drive(spec(appBase, connections, opts.seconds)));
        const w = useRaw ? measured(raw, postmaster, () => drive(spec(rawBase, connections, opts.seconds))) : null;
        const ratio = w && w.rps > 0 ? Math.round((a.rps / w.rps) * 100) / 100 : null;
        // The same ratio from CPU cost: what throughput would be on a dedicated, CPU-bound machine.
        const total = (r) => (r?.cpuMsPerRequest?.server ?? 0) + (r?.cpuMsPerRequest?.postgres ?? 0);
        const cpuRatio = w && total(a) > 0 ? Math.round((total(w) / total(a)) * 100) / 100 : null;
        runs.push({ connections, app: a, raw: w, ratio, cpuRatio });
        log(
          `- ${p.title} @${connections}: app ${fmt(a.rps)} req/s p95 ${fmt(a.p95, 1)} ms (${a.non2xx + a.errors} errors, ` +
            `CPU ms/req ${cpu(a)})` +
            (w
              ? ` | raw ${fmt(w.rps)} req/s p95 ${fmt(w.p95, 1)} ms (CPU ms/req ${cpu(w)}) | ratio ${ratio}, CPU ratio ${cpuRatio}`
              : ''),
        );
      }
      result.paths.push({
        key: p.key,
        title: p.title,
        as: p.as,
        urlCount: p.urls.length,
        runs,
        rawStatus,
        rawSameAnswer,
      });
    }

    if (opts.exports && (!opts.only || opts.only.has('export'))) {
      for (const format of ['csv', 'xlsx']) {
        const e = await measureExport(appBase, sessions.manager, format, app.pid, sample.total, postmaster);
        result.exports[format] = e;
        log(
          e.skipped
            ? `- ${format.toUpperCase()} export: HTTP ${e.status}: skipped`
            : `- ${format.toUpperCase()} export: ${fmt(e.rows)} rows in ${fmt(e.seconds, 1)} s = ${fmt(e.rowsPerSecond)} rows/s, RSS +${e.rssPeakGrowthMb} MB, CPU s ${e.cpuSeconds.server} + ${e.cpuSeconds.postgres}`,
        );
      }
    }

    result.budgets = budgets(result);
    result.seconds = Math.round((Date.now() - started) / 1000);
    const day = result.date.slice(0, 10);
    // A partial run (--only) gets its own file and leaves the docs alone.
    const file = `bench/results/${day}-${opts.cases}${opts.only ? `-only-${[...opts.only].join('-')}` : ''}.json`;
    result.file = file;
    fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    await writeFormatted(path.join(root, file), `${JSON.stringify(result, null, 2)}\n`);

    log('');
    log(markdownSection(result));
    log('');
    if (opts.docs && !opts.only) await updateDocs(result);
    log(
      `Done in ${result.seconds} s; results in ${file}; data kept in ${opts.dataDir} (--reuse to skip seeding next time)`,
    );
  } catch (e) {
    for (const [name, p] of [
      ['app', app],
      ['raw baseline', raw],
    ]) {
      if (p && p.child.exitCode !== null)
        log(`The ${name} exited (code ${p.child.exitCode}): ${p.output().slice(-1500)}`);
    }
    throw e;
  } finally {
    await raw?.stop();
    await app?.stop();
    await db.stop();
  }
}

async function fromResults() {
  const result = JSON.parse(fs.readFileSync(opts.fromResults, 'utf8'));
  result.budgets = budgets(result);
  await writeFormatted(opts.fromResults, `${JSON.stringify(result, null, 2)}\n`);
  log(markdownSection(result));
  if (opts.docs) await updateDocs(result);
}

(opts.fromResults ? fromResults() : main()).catch((e) => {
  process.stderr.write(`bench: ${e.message}${e.cause ? ` (${e.cause.message ?? e.cause})` : ''}\n`);
  if (process.env.DEBUG) process.stderr.write(`${e.stack}\n`);
  process.exit(1);
});
