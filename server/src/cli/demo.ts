// `npm run demo [-- --cases N --seed S --allow-existing-data]`: loads fictional demo data and
// one account per staff role, and prints their passwords (once). Uses DATABASE_URL, else the
// embedded PostgreSQL of DATA_DIR (joined when the app runs on it, started for the command
// otherwise). It never runs by itself. See server/src/demo/load-demo.ts.
import pg from 'pg';
import { applyMigrations } from '../common/database/migrator.js';
import { loadReferenceData } from '../common/database/reference-data.js';
import { loadDemoData } from '../demo/load-demo.js';
import { parseArgs, runCli, withCliDatabase } from './cli-database.js';

const OPTIONS = ['cases', 'seed', 'allow-existing-data'];
const log = (line: string) => process.stdout.write(`${line}\n`);

function wholeNumber(name: string, v: string | true | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} needs a whole number`);
  return n;
}

runCli('demo', async () => {
  const args = parseArgs(process.argv.slice(2));
  const unknown = Object.keys(args).filter((k) => !OPTIONS.includes(k));
  if (unknown.length)
    throw new Error(`unknown option --${unknown[0]} (options: ${OPTIONS.map((o) => `--${o}`).join(' ')})`);
  await withCliDatabase(async (url) => {
    await applyMigrations(url, { log });
    const client = new pg.Client({ connectionString: url, application_name: 'mprc demo' });
    await client.connect();
    try {
      await loadReferenceData(client);
      const started = Date.now();
      const r = await loadDemoData(client, {
        cases: wholeNumber('cases', args.cases),
        seed: wholeNumber('seed', args.seed),
        allowExistingData: args['allow-existing-data'] === true,
        log,
      });
      const c = r.counts;
      log(
        `Loaded ${c.cases} fictional cases (${r.firstCaseNumber} to ${r.lastCaseNumber}) with ${c.relatives} relatives, ` +
          `${c.consents} consents, ${c.contacts} contacts (${c.openFollowUps} follow-ups due around today), ${c.events} timeline events, ` +
          `${c.referrals} referrals in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${r.seed}).`,
      );
      log('');
      log('Demo accounts (the passwords are shown only now; write them down):');
      for (const a of r.accounts)
        log(`  ${a.role.padEnd(16)} ${a.email.padEnd(38)} ${a.password}${a.officeCode ? `   (${a.officeCode})` : ''}`);
    } finally {
      await client.end();
    }
  }, log);
});
