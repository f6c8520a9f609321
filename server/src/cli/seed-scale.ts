// `npm run seed:scale -- --cases N [--seed S] [--batch-size B] [--keep-indexes | --rebuild-indexes]`
// Fills the configured database (DATABASE_URL, else the embedded one in DATA_DIR) with N
// synthetic, obviously fictional cases for load tests. See server/src/scale/seed-scale.ts.
import { seedScale } from '../scale/seed-scale.js';
import { parseArgs, runCli, withCliDatabase } from './cli-database.js';

const OPTIONS = ['cases', 'seed', 'batch-size', 'keep-indexes', 'rebuild-indexes'];

function positiveInt(name: string, v: string | true | undefined, fallback?: number): number {
  if (v === undefined && fallback !== undefined) return fallback;
  const n = typeof v === 'string' ? Number(v.replaceAll('_', '').replaceAll(',', '')) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`--${name} needs a positive whole number`);
  return n;
}

runCli('seed:scale', async () => {
  const args = parseArgs(process.argv.slice(2));
  const unknown = Object.keys(args).filter((k) => !OPTIONS.includes(k));
  if (unknown.length)
    throw new Error(`unknown option --${unknown[0]} (options: ${OPTIONS.map((o) => `--${o}`).join(' ')})`);
  if (args.cases === undefined) throw new Error('--cases N is required, e.g. npm run seed:scale -- --cases 100000');
  const cases = positiveInt('cases', args.cases);
  const seed = args.seed === undefined ? undefined : positiveInt('seed', args.seed);
  const batchSize = positiveInt('batch-size', args['batch-size'], 5000);
  const rebuildIndexes = args['keep-indexes'] ? false : args['rebuild-indexes'] ? true : undefined;
  const log = (line: string) => process.stdout.write(`${line}\n`);

  await withCliDatabase(
    async (url) => {
      const r = await seedScale(url, { cases, seed, batchSize, rebuildIndexes, log });
      const n = (v: number) => v.toLocaleString('en');
      log(
        `Loaded ${n(r.counts.case)} cases (${r.firstCaseNumber} to ${r.lastCaseNumber}): ${n(r.counts.case_relative)} relative links ` +
          `(${n(r.counts.relative)} relatives), ${n(r.counts.contact)} contacts, ${n(r.counts.case_event)} timeline events, ` +
          `${n(r.counts.external_reference)} external references`,
      );
      if (r.createdUsers.length) {
        log(
          `Created ${r.createdUsers.length} staff accounts with unknown random passwords (set one to use them): ${r.createdUsers.join(', ')}`,
        );
      }
      log(
        `Seconds: ${Object.entries(r.seconds)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} (seed ${r.seed})`,
      );
    },
    (m) => log(m),
  );
});
