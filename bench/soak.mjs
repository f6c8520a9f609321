#!/usr/bin/env node
// `npm run soak -- [--minutes 10] [--rate 50] [--cases 300] [--skip-build] [--keep] [--json FILE]`
//
// A long, steady, mixed read/write workload against the built server, to catch what short
// tests miss: slow leaks (RSS drift), errors that show up only after thousands of requests,
// latency that creeps up. It:
//   1. builds the server (tsc -b server) unless --skip-build;
//   2. starts `node server/dist/main.js` as production does (NODE_ENV=production, LOG_LEVEL=warn)
//      on an embedded PostgreSQL in a fresh temporary DATA_DIR (removed afterwards unless --keep);
//   3. creates a manager and a liaison officer over the API and seeds --cases cases (Albanian and
//      Serbian names, Latin and Cyrillic) with a few contacts each, over the API too;
//   4. sends --rate requests per second, open loop (each request leaves on schedule whether or
//      not earlier ones have answered, so a slow server shows up as latency, not as a lower
//      rate): case reads, name searches, filtered lists, timelines, contact lists, dashboard
//      summaries, contact notes, versioned case updates and new cases;
//   5. samples the server's RSS every second and prints errors, latency percentiles per kind,
//      and RSS drift: the median of the last tenth of the run against the median of the first
//      minute after warm-up.
// Targets: 0 errors and RSS drift under 10 %. The exit code is 1 when a target is missed.
// Not part of `npm test`.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const MAIN = path.join(root, 'server/dist/main.js');

// ------------------------------------------------------------------ options

function parseOptions(argv) {
  const o = { minutes: 10, rate: 50, cases: 300, build: true, keep: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) usage(`${a} needs a value`);
      return v;
    };
    if (a === '--minutes') o.minutes = Number(value());
    else if (a === '--rate') o.rate = Number(value());
    else if (a === '--cases') o.cases = Number(value());
    else if (a === '--skip-build') o.build = false;
    else if (a === '--keep') o.keep = true;
    else if (a === '--json') o.json = path.resolve(value());
    else if (a === '--help' || a === '-h') usage();
    else usage(`unknown option ${a}`);
  }
  if (!(o.minutes > 0)) usage('--minutes must be a positive number');
  if (!(o.rate > 0 && o.rate <= 2000)) usage('--rate must be between 1 and 2000 requests per second');
  if (!Number.isInteger(o.cases) || o.cases < 10) usage('--cases must be a whole number of at least 10');
  return o;
}

function usage(problem) {
  if (problem) console.error(`soak: ${problem}`);
  console.error(
    'usage: npm run soak -- [--minutes 10] [--rate 50] [--cases 300] [--skip-build] [--keep] [--json FILE]',
  );
  process.exit(problem ? 2 : 0);
}

const opts = parseOptions(process.argv.slice(2));
const log = (m) => process.stdout.write(`${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ server

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

let server;
let dataDir;
async function cleanup() {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await Promise.race([new Promise((r) => server.once('exit', r)), sleep(20_000)]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (dataDir && !opts.keep) fs.rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    log(`\n${signal}: stopping the server`);
    void cleanup().finally(() => process.exit(130));
  });
}

const ADMIN = { email: 'soak-admin@example.test', password: 'soak admin password 2026!' };

async function startServer() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mprc-soak-'));
  fs.chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as the postgres user when we are root
  const port = await freePort();
  let output = '';
  server = spawn(process.execPath, [MAIN], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (d) => (output = (output + d).slice(-20_000));
  server.stdout.setEncoding('utf8').on('data', keep);
  server.stderr.setEncoding('utf8').on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited while starting:\n${output}`);
    const r = await fetch(`${base}/api/ready`).catch(() => null);
    if (r?.status === 200) return { base, output: () => output };
    await sleep(100);
  }
  throw new Error(`the server was not ready after 2 minutes:\n${output}`);
}

function rssKb(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

// ------------------------------------------------------------------ HTTP

class Client {
  constructor(base) {
    this.base = base;
    this.cookie = undefined;
    this.csrf = undefined;
  }

  async request(method, url, body) {
    const headers = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.base}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0];
      if (pair.startsWith('mprc_session=')) this.cookie = pair;
    }
    return { status: res.status, body: json, text };
  }

  async login(email, password) {
    const r = await this.request('POST', '/api/v1/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`sign-in as ${email} failed: ${r.status} ${r.text}`);
    this.csrf = r.body.csrfToken;
    return this;
  }
}

async function must(promise, what) {
  const r = await promise;
  if (r.status < 200 || r.status >= 300) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 500)}`);
  return r.body;
}

// ------------------------------------------------------------------ data

const FIRST = [
  'Arben',
  'Drita',
  'Gjergj',
  'Shpresa',
  'Milan',
  'Љубица',
  'Dragan',
  'Јелена',
  'Fatmir',
  'Ђорђе',
  'Vjosa',
  'Nenad',
];
const LAST = [
  'Krasniqi',
  'Berisha',
  'Gashi',
  'Петровић',
  'Hoxha',
  'Jovanović',
  'Shala',
  'Стојановић',
  'Morina',
  'Đorđević',
  'Zeqiri',
];
const SEARCHES = [
  'krasniqi',
  'Петровић',
  'petrovic',
  'gashi',
  'jovanovic',
  'Đorđević',
  'djordjevic',
  'hoxa',
  'shala',
  'Стојановић',
];
const pick = (list, i) => list[i % list.length];

async function seed(officer, count) {
  const ids = [];
  const started = Date.now();
  for (let i = 0; i < count; i++) {
    const c = await must(
      officer.request('POST', '/api/v1/cases', {
        firstName: pick(FIRST, i),
        lastName: pick(LAST, i * 7 + 3),
        fatherName: i % 3 ? pick(FIRST, i + 5) : undefined,
        sex: i % 2 ? 'MALE' : 'FEMALE',
        missingSince: `${1998 + (i % 3)}-0${1 + (i % 9)}`,
        circumstances: `Seeded for the soak test (${i}).`,
      }),
      'seeding a case',
    );
    ids.push(c.id);
    if (i % 4 === 0) await must(contact(officer, c.id, i), 'seeding a contact');
  }
  return { ids, seconds: (Date.now() - started) / 1000 };
}

const contact = (client, caseId, i) =>
  client.request('POST', `/api/v1/cases/${caseId}/contacts`, {
    channel: pick(['VISIT', 'PHONE', 'OFFICE_MEETING', 'LETTER'], i),
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    language: pick(['sq', 'sr'], i),
    summary: `Soak note ${i}: спомен, kujtim, "quotes" and a newline\nsecond line.`,
  });

// ------------------------------------------------------------------ workload

function workload(manager, officer, caseIds) {
  const versions = new Map(); // case id -> version, for versioned updates, one in flight per case
  const busy = new Set();
  let created = 0;
  return [
    { kind: 'case read', weight: 25, run: (i) => officer.request('GET', `/api/v1/cases/${pick(caseIds, i * 13)}`) },
    {
      kind: 'name search',
      weight: 15,
      run: (i) => officer.request('GET', `/api/v1/cases?q=${encodeURIComponent(pick(SEARCHES, i))}&pageSize=20`),
    },
    {
      kind: 'filtered list',
      weight: 10,
      run: (i) =>
        manager.request(
          'GET',
          `/api/v1/cases?fateStatus=MISSING&sort=${pick(['caseNumber', '-createdAt'], i)}&page=${1 + (i % 3)}&pageSize=20`,
        ),
    },
    {
      kind: 'timeline',
      weight: 10,
      run: (i) => officer.request('GET', `/api/v1/cases/${pick(caseIds, i * 7)}/timeline`),
    },
    {
      kind: 'contact list',
      weight: 5,
      run: (i) => officer.request('GET', `/api/v1/cases/${pick(caseIds, i * 11)}/contacts`),
    },
    { kind: 'summary', weight: 5, run: () => manager.request('GET', '/api/v1/reports/summary?groupBy=municipality') },
    { kind: 'contact note', weight: 15, run: (i) => contact(officer, pick(caseIds, i * 17), i) },
    {
      kind: 'case update',
      weight: 10,
      run: async (i) => {
        let id = pick(caseIds, i * 3);
        for (let k = 1; busy.has(id) && k < caseIds.length; k++) id = pick(caseIds, i * 3 + k);
        busy.add(id);
        try {
          if (!versions.has(id)) {
            const r = await officer.request('GET', `/api/v1/cases/${id}`);
            if (r.status !== 200) return r;
            versions.set(id, r.body.version);
          }
          const r = await officer.request('PATCH', `/api/v1/cases/${id}`, {
            version: versions.get(id),
            lastSeenPlace: `Soak update ${i}, near the bridge / pranë urës / код моста`,
          });
          if (r.status === 200) versions.set(id, r.body.version);
          else versions.delete(id);
          return r;
        } finally {
          busy.delete(id);
        }
      },
    },
    {
      kind: 'case create',
      weight: 5,
      run: (i) =>
        officer.request('POST', '/api/v1/cases', {
          firstName: pick(FIRST, i),
          lastName: `${pick(LAST, i)} ${++created}`,
        }),
    },
  ];
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const median = (list) =>
  percentile(
    [...list].sort((a, b) => a - b),
    50,
  );

// ------------------------------------------------------------------ main

async function main() {
  if (opts.build) {
    log('Building the server (tsc -b server)');
    try {
      execFileSync(path.join(root, 'node_modules/.bin/tsc'), ['-b', 'server'], { cwd: root, stdio: 'pipe' });
    } catch (e) {
      if (!fs.existsSync(MAIN)) throw new Error(`the build failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      log('tsc reported type errors; running what it emitted');
    }
  }
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build`);

  log(`Starting the server on an embedded PostgreSQL in a temporary DATA_DIR`);
  const started = Date.now();
  const srv = await startServer();
  log(`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${srv.base} (pid ${server.pid})`);

  const admin = await new Client(srv.base).login(ADMIN.email, ADMIN.password);
  const users = {
    manager: { email: 'soak-manager@example.test', name: 'Soak Manager', role: 'MANAGER' },
    officer: {
      email: 'soak-officer@example.test',
      name: 'Soak Officer',
      role: 'LIAISON_OFFICER',
      officeCode: 'PRISTINA',
    },
  };
  const password = 'Tr0ub4dor&3 soak zebra';
  for (const u of Object.values(users))
    await must(admin.request('POST', '/api/v1/users', { ...u, password }), `creating ${u.email}`);
  const manager = await new Client(srv.base).login(users.manager.email, password);
  const officer = await new Client(srv.base).login(users.officer.email, password);

  log(`Seeding ${opts.cases} cases over the API`);
  const seeded = await seed(officer, opts.cases);
  log(`Seeded in ${seeded.seconds.toFixed(1)} s`);

  const kinds = workload(manager, officer, seeded.ids);
  const slots = kinds.flatMap((k) => Array(k.weight).fill(k));
  const durationMs = opts.minutes * 60_000;
  const warmupMs = Math.min(60_000, durationMs * 0.1);
  const interval = 1000 / opts.rate;
  const results = new Map(kinds.map((k) => [k.kind, { latencies: [], errors: new Map() }]));
  const rss = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let sent = 0;
  const errorSamples = [];

  log(
    `Soaking for ${opts.minutes} min at ${opts.rate} requests/s (${Math.round(durationMs / interval)} requests; ` +
      `RSS compared after a ${Math.round(warmupMs / 1000)} s warm-up)`,
  );
  const t0 = Date.now();
  const sampler = setInterval(() => {
    try {
      rss.push({ t: Date.now() - t0, kb: rssKb(server.pid) });
    } catch {
      // the server is gone: reported below
    }
  }, 1000);
  const progress = setInterval(() => {
    const done = [...results.values()].reduce((n, r) => n + r.latencies.length, 0);
    const errors = [...results.values()].reduce((n, r) => n + [...r.errors.values()].reduce((a, b) => a + b, 0), 0);
    const last = rss.at(-1);
    log(
      `  ${Math.round((Date.now() - t0) / 1000)} s: ${done} answered, ${errors} errors, ${inFlight} in flight, ` +
        `RSS ${last ? (last.kb / 1024).toFixed(0) : '?'} MB`,
    );
  }, 30_000);

  const pending = new Set();
  for (let i = 0; Date.now() - t0 < durationMs; i++) {
    const due = t0 + i * interval;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    if (server.exitCode !== null) break;
    const k = slots[(i * 7919) % slots.length]; // spread the kinds evenly but not in lockstep
    const begun = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    sent++;
    const p = Promise.resolve()
      .then(() => k.run(i))
      .then(
        (r) => {
          const ms = performance.now() - begun;
          const bucket = results.get(k.kind);
          bucket.latencies.push(ms);
          if (r.status < 200 || r.status >= 300) {
            const key = `${r.status} ${r.body?.code ?? ''}`.trim();
            bucket.errors.set(key, (bucket.errors.get(key) ?? 0) + 1);
            if (errorSamples.length < 10) errorSamples.push(`${k.kind}: ${r.status} ${r.text.slice(0, 200)}`);
          }
        },
        (e) => {
          const bucket = results.get(k.kind);
          bucket.latencies.push(performance.now() - begun);
          const key = e?.name === 'TimeoutError' ? 'timeout' : `network ${e?.cause?.code ?? e?.message}`;
          bucket.errors.set(key, (bucket.errors.get(key) ?? 0) + 1);
          if (errorSamples.length < 10) errorSamples.push(`${k.kind}: ${key}`);
        },
      )
      .finally(() => {
        inFlight--;
        pending.delete(p);
      });
    pending.add(p);
  }
  const elapsed = Date.now() - t0;
  await Promise.all(pending);
  clearInterval(sampler);
  clearInterval(progress);
  const serverDied = server.exitCode !== null;

  // ---------------------------------------------------------------- report
  const all = [...results.values()].flatMap((r) => r.latencies).sort((a, b) => a - b);
  const errorCount = [...results.values()].reduce((n, r) => n + [...r.errors.values()].reduce((a, b) => a + b, 0), 0);
  const baseline = rss.filter((s) => s.t >= warmupMs && s.t < warmupMs + 60_000).map((s) => s.kb);
  const tail = rss.filter((s) => s.t >= elapsed * 0.9).map((s) => s.kb);
  const rssStart = median(baseline);
  const rssEnd = median(tail);
  const drift = (rssEnd - rssStart) / rssStart;
  const fmt = (ms) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 1 : 0)}` : '-');

  log('');
  log(
    `${'kind'.padEnd(16)}${'count'.padStart(8)}${'errors'.padStart(8)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}  (ms)`,
  );
  for (const [kind, r] of results) {
    const s = [...r.latencies].sort((a, b) => a - b);
    const errs = [...r.errors.values()].reduce((a, b) => a + b, 0);
    log(
      `${kind.padEnd(16)}${String(s.length).padStart(8)}${String(errs).padStart(8)}${fmt(percentile(s, 50)).padStart(8)}` +
        `${fmt(percentile(s, 95)).padStart(8)}${fmt(percentile(s, 99)).padStart(8)}${fmt(s.at(-1)).padStart(8)}`,
    );
  }
  log(
    `${'all'.padEnd(16)}${String(all.length).padStart(8)}${String(errorCount).padStart(8)}${fmt(percentile(all, 50)).padStart(8)}` +
      `${fmt(percentile(all, 95)).padStart(8)}${fmt(percentile(all, 99)).padStart(8)}${fmt(all.at(-1)).padStart(8)}`,
  );
  log('');
  log(
    `Achieved ${(all.length / (elapsed / 1000)).toFixed(1)} requests/s of ${opts.rate} asked; at most ${maxInFlight} in flight`,
  );
  log(
    `Server RSS: ${(rssStart / 1024).toFixed(1)} MB after warm-up, ${(rssEnd / 1024).toFixed(1)} MB at the end, ` +
      `max ${(Math.max(...rss.map((s) => s.kb)) / 1024).toFixed(1)} MB: drift ${(drift * 100).toFixed(1)} %`,
  );
  for (const [kind, r] of results) for (const [key, n] of r.errors) log(`  error ${kind}: ${key} x${n}`);
  for (const e of errorSamples) log(`  sample: ${e}`);
  if (serverDied) log(`The server exited during the soak:\n${srv.output()}`);

  const ok = !serverDied && errorCount === 0 && drift < 0.1;
  const summary = {
    at: new Date().toISOString(),
    options: opts,
    seededCases: opts.cases,
    requests: all.length,
    sent,
    errors: errorCount,
    ratePerSecond: all.length / (elapsed / 1000),
    latencyMs: { p50: percentile(all, 50), p95: percentile(all, 95), p99: percentile(all, 99), max: all.at(-1) },
    perKind: Object.fromEntries(
      [...results].map(([kind, r]) => {
        const s = [...r.latencies].sort((a, b) => a - b);
        return [
          kind,
          { count: s.length, errors: Object.fromEntries(r.errors), p50: percentile(s, 50), p99: percentile(s, 99) },
        ];
      }),
    ),
    rssMb: { afterWarmup: rssStart / 1024, end: rssEnd / 1024, max: Math.max(...rss.map((s) => s.kb)) / 1024 },
    rssDriftPercent: drift * 100,
    targetsMet: ok,
  };
  if (opts.json) fs.writeFileSync(opts.json, `${JSON.stringify(summary, null, 2)}\n`);
  log(ok ? 'Targets met: 0 errors, RSS drift under 10 %' : 'Targets MISSED (0 errors, RSS drift under 10 %)');
  return ok ? 0 : 1;
}

main().then(
  async (code) => {
    await cleanup();
    process.exit(code);
  },
  async (e) => {
    console.error(`soak: ${e instanceof Error ? e.message : e}`);
    await cleanup();
    process.exit(1);
  },
);
