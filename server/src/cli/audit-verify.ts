// `npm run audit:verify`: recomputes the audit trail's hash chain; exit 1 at the first broken link.
import pg from 'pg';
import { verifyAuditChain } from '../audit/audit.repository.js';
import { runCli, withCliDatabase } from './cli-database.js';

runCli('audit:verify', () =>
  withCliDatabase(async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const result = await verifyAuditChain(client);
      if (result.firstBroken) {
        const what = {
          hash: 'its content does not match its hash',
          link: 'it does not link to the entry before it',
          gap: 'the entry before it is missing',
        }[result.firstBroken.reason];
        throw new Error(
          `audit trail broken at entry ${result.firstBroken.seq}: ${what} (${result.entries} entries checked)`,
        );
      }
      process.stdout.write(`Audit trail intact: ${result.entries} entries, every hash and link verified\n`);
    } finally {
      await client.end();
    }
  }),
);
