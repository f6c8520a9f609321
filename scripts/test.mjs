#!/usr/bin/env node
// `npm test` / `npm run check`: every test tier in order, stopping at the first that fails.
//   prepare -> typecheck -> lint -> unit -> integration -> build -> e2e
// Typecheck, lint and build count as one check each; the other tiers count their tests from the
// JSON report each runner writes to .tmp/. The last line printed is always the total,
// `N passed, N failed[, N skipped]`, which CI reads; totals also go to .tmp/test-totals.json.
//
//   npm test -- --only unit            one tier (prepare always runs; e2e includes the build)
//   npm test -- --only lint,typecheck  several, in the usual order
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = path.join(root, '.tmp');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const MIN = 60_000;

const TIERS = ['typecheck', 'lint', 'unit', 'integration', 'e2e'];
const only = parseOnly(process.argv.slice(2));

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
const bold = (s) => paint('1', s);
const red = (s) => paint('31', s);
const green = (s) => paint('32', s);
const dim = (s) => paint('2', s);

/** @type {{name: string, status: 'passed'|'failed'|'not run', passed: number, failed: number, skipped: number, seconds: number, note?: string}[]} */
const rows = [];

// Ctrl-C reaches the running tool too (same process group); let it stop cleanly (Playwright stops
// the app it started), then print what ran instead of dying mid-way.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});

function parseOnly(args) {
  const selected = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? args[++i] : arg.slice('--only='.length);
      if (!value) usage('--only needs a tier');
      selected.push(
        ...value
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      );
    } else if (arg === '--help' || arg === '-h') {
      usage();
    } else {
      usage(`unknown argument: ${arg}`);
    }
  }
  for (const tier of selected) if (!TIERS.includes(tier)) usage(`unknown tier "${tier}"`);
  return selected.length ? new Set(selected) : null;
}

function usage(problem) {
  if (problem) console.error(problem);
  console.error(`usage: npm test [-- --only ${TIERS.join('|')}[,...]]`);
  process.exit(problem ? 2 : 0);
}

/** Runs a command with inherited output; resolves to its exit code (a timeout counts as failure). */
function run(cmd, args, { env = {}, timeoutMs = 15 * MIN } = {}) {
  console.log(dim(`$ ${[path.relative(root, cmd) || cmd, ...args].join(' ')}`));
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    const timer = setTimeout(() => {
      console.error(red(`timed out after ${timeoutMs / MIN} min; stopping it`));
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    child.on('error', (error) => {
      console.error(red(`cannot run ${cmd}: ${error.message}`));
      clearTimeout(timer);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function header(name) {
  const line = '─'.repeat(Math.max(4, 72 - name.length));
  console.log(`\n${bold(`── ${name} ${line}`)}`);
}

/**
 * A step that counts as one check, passed or failed. With `counts: false` (prepare, build) it only
 * counts when it fails: it is a precondition, not a test.
 */
async function check(name, steps, { counts = true } = {}) {
  header(name);
  const started = Date.now();
  let ok = true;
  let note;
  for (const step of steps) {
    const result = await step();
    if (result !== 0) {
      ok = false;
      if (typeof result === 'string') note = result;
      break;
    }
  }
  const passed = ok && counts ? 1 : 0;
  rows.push({
    name,
    status: ok ? 'passed' : 'failed',
    passed,
    failed: ok ? 0 : 1,
    skipped: 0,
    seconds: secs(started),
    note,
  });
  return ok;
}

/** A tier whose tests are counted from a JSON report. */
async function counted(name, reportFile, command, readReport, { env, timeoutMs, before = [] } = {}) {
  header(name);
  const started = Date.now();
  rmSync(reportFile, { force: true });
  for (const step of before) {
    const result = await step();
    if (result !== 0) {
      const note = typeof result === 'string' ? result : undefined;
      rows.push({ name, status: 'failed', passed: 0, failed: 1, skipped: 0, seconds: secs(started), note });
      return false;
    }
  }
  const code = await run(command[0], command.slice(1), { env, timeoutMs });
  let counts = { passed: 0, failed: 0, skipped: 0 };
  let note;
  if (existsSync(reportFile)) {
    try {
      counts = readReport(JSON.parse(readFileSync(reportFile, 'utf8')));
    } catch (error) {
      note = `unreadable report: ${error.message}`;
    }
  } else {
    note = 'no report written';
  }
  // A runner that fails without a failed test (a file that does not load, a setup error) still fails.
  if (code !== 0 && counts.failed === 0) {
    counts.failed = 1;
    note ??= `exit code ${code} with no failed test: see the output above`;
  }
  if (code === 0 && counts.passed + counts.failed + counts.skipped === 0) note = 'no tests found';
  const ok = code === 0 && counts.failed === 0;
  rows.push({ name, status: ok ? 'passed' : 'failed', ...counts, seconds: secs(started), note });
  return ok;
}

const secs = (started) => (Date.now() - started) / 1000;

// Vitest's JSON reporter writes Jest's format. A file that fails outside any test (it does not
// load, a hook throws) counts as one failure.
const vitestCounts = (r) => ({
  passed: r.numPassedTests ?? 0,
  failed:
    (r.numFailedTests ?? 0) +
    (r.testResults ?? []).filter(
      (f) => f.status === 'failed' && !f.assertionResults?.some((a) => a.status === 'failed'),
    ).length,
  skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
});
const playwrightCounts = (r) => ({
  passed: (r.stats?.expected ?? 0) + (r.stats?.flaky ?? 0),
  failed: (r.stats?.unexpected ?? 0) + (r.errors?.length && !r.stats?.unexpected ? 1 : 0),
  skipped: r.stats?.skipped ?? 0,
});

const vitest = (tier, projects) => [
  bin('vitest'),
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--passWithNoTests',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=.tmp/${tier}.json`,
];

const wanted = (tier) => !only || only.has(tier);

async function main() {
  mkdirSync(tmp, { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const plan = [
    // Generated Prisma client and contracts' declarations: everything else compiles against them.
    () =>
      check(
        'prepare',
        [
          () =>
            existsSync(path.join(root, 'server/src/generated/prisma'))
              ? 0
              : run(bin('prisma'), ['generate'], { env: { PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false' } }),
          () => run(bin('tsc'), ['-b', 'contracts']),
        ],
        { counts: false },
      ),
    wanted('typecheck') &&
      (() => {
        const projects = ['contracts', 'server', 'client', 'e2e'].filter((p) =>
          existsSync(path.join(root, p, 'tsconfig.json')),
        );
        return check('typecheck', [
          () => run(bin('tsc'), ['-b', ...projects, '--pretty']),
          () => run(bin('tsc'), ['-p', 'server/tsconfig.test.json', '--pretty']),
          // TypeScript specs under scripts/ (deploy.spec.ts) belong to no workspace.
          () => run(bin('tsc'), ['-p', 'scripts/tsconfig.json', '--pretty']),
        ]);
      }),
    wanted('lint') &&
      (() =>
        check('lint', [
          () => run(bin('eslint'), ['--max-warnings=0', '--cache', '--cache-location', '.tmp/eslintcache', '.']),
          () => run(bin('prettier'), ['--check', '--log-level', 'warn', '.']),
        ])),
    wanted('unit') &&
      (() => counted('unit', path.join(tmp, 'unit.json'), vitest('unit', ['unit', 'client']), vitestCounts)),
    wanted('integration') &&
      (() =>
        counted(
          'integration',
          path.join(tmp, 'integration.json'),
          vitest('integration', ['integration']),
          vitestCounts,
          { timeoutMs: 25 * MIN },
        )),
    wanted('e2e') &&
      pkg.scripts?.build &&
      (() => check('build', [() => run('npm', ['run', '--silent', 'build'])], { counts: false })),
    wanted('e2e') &&
      (() => {
        const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
        const report = path.join(tmp, 'e2e.json');
        return counted(
          'e2e',
          report,
          [bin('playwright'), 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json,html'],
          playwrightCounts,
          {
            env: {
              PLAYWRIGHT_JSON_OUTPUT_FILE: report,
              PLAYWRIGHT_HTML_OUTPUT_DIR: path.join(root, 'playwright-report'),
              PLAYWRIGHT_HTML_OPEN: 'never',
            },
            timeoutMs: 25 * MIN,
            before: [
              () =>
                existsSync(chromium)
                  ? 0
                  : (console.error(
                      red(`Chromium not found at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH)`),
                    ),
                    'Chromium missing'),
            ],
          },
        );
      }),
  ].filter(Boolean);

  let stopped = false;
  for (const step of plan) {
    if (stopped || interrupted) continue;
    if (!(await step())) stopped = true;
  }
  if (interrupted) console.log(red('\ninterrupted'));
  // Tiers that were asked for but not reached.
  const done = new Set(rows.map((r) => r.name));
  for (const name of ['typecheck', 'lint', 'unit', 'integration', 'build', 'e2e']) {
    const asked = name === 'build' ? wanted('e2e') && pkg.scripts?.build : wanted(name);
    if (asked && !done.has(name)) rows.push({ name, status: 'not run', passed: 0, failed: 0, skipped: 0, seconds: 0 });
  }
  return summarize();
}

function summarize() {
  const total = rows.reduce(
    (t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
    {
      passed: 0,
      failed: 0,
      skipped: 0,
    },
  );
  const seconds = rows.reduce((t, r) => t + r.seconds, 0);
  writeFileSync(
    path.join(tmp, 'test-totals.json'),
    `${JSON.stringify({ ...total, seconds: Math.round(seconds), tiers: rows }, null, 2)}\n`,
  );

  const pad = (s, n) => String(s).padEnd(n);
  const num = (s, n) => String(s).padStart(n);
  console.log(`\n${bold('── summary ' + '─'.repeat(63))}`);
  console.log(
    bold(
      `${pad('tier', 13)}${pad('result', 9)}${num('passed', 7)}${num('failed', 7)}${num('skipped', 8)}${num('time', 9)}`,
    ),
  );
  for (const r of rows) {
    const result =
      r.status === 'passed'
        ? green(pad(r.status, 9))
        : r.status === 'failed'
          ? red(pad(r.status, 9))
          : dim(pad(r.status, 9));
    const time = r.status === 'not run' ? '' : `${r.seconds.toFixed(1)}s`;
    const note = r.note ? dim(`  ${r.note}`) : '';
    console.log(
      `${pad(r.name, 13)}${result}${num(r.passed, 7)}${num(r.failed, 7)}${num(r.skipped, 8)}${num(time, 9)}${note}`,
    );
  }
  console.log(dim(`${Math.round(seconds)} s in all`));
  const last = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
  console.log(last);
  return total.failed === 0 ? 0 : 1;
}

process.exitCode = await main();
