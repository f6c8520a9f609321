// `npm run user:create -- --email E --name N --role R [--office O] --password-stdin`
// Creates a staff account with the same rules as the API, whether or not the app runs.
import { CreateUserRequestSchema } from '@mprc/contracts';
import pg from 'pg';
import { hashPassword } from '../common/auth/passwords.js';
import { zodIssuesToFieldErrors } from '../common/http/zod-pipe.js';
import { passwordProblem } from '../users/password-policy.js';
import { parseArgs, runCli, withCliDatabase } from './cli-database.js';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new Error('--password-stdin reads the password from standard input (e.g. a pipe)');
  let data = '';
  for await (const chunk of process.stdin) data += chunk;
  return data.replace(/\r?\n$/, '');
}

runCli('user:create', async () => {
  const args = parseArgs(process.argv.slice(2));
  const unknown = Object.keys(args).filter((k) => !['email', 'name', 'role', 'office', 'password-stdin'].includes(k));
  if (unknown.length) throw new Error(`unknown option --${unknown[0]}`);
  if (args['password-stdin'] !== true)
    throw new Error('pass the password on standard input with --password-stdin (never on the command line)');
  const password = await readStdin();
  const parsed = CreateUserRequestSchema.safeParse({
    email: args.email,
    name: args.name,
    role: args.role,
    officeCode: typeof args.office === 'string' ? args.office.toUpperCase() : undefined,
    password,
  });
  if (!parsed.success) {
    throw new Error(
      zodIssuesToFieldErrors(parsed.error.issues)
        .map((e) => `${e.field}: ${e.message}`)
        .join('; '),
    );
  }
  const body = parsed.data;
  const problem = passwordProblem(body.password, [body.email, body.name]);
  if (problem) throw new Error(`password: ${problem}`);
  const passwordHash = await hashPassword(body.password);

  await withCliDatabase(async (url) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('BEGIN');
      let officeId: string | null = null;
      if (body.officeCode) {
        const { rows } = await client.query<{ id: string }>('SELECT id FROM office WHERE code = $1', [body.officeCode]);
        if (!rows[0]) throw new Error(`office: unknown office code ${body.officeCode}`);
        officeId = rows[0].id;
      }
      const exists = await client.query('SELECT 1 FROM app_user WHERE email = $1', [body.email]);
      if (exists.rowCount) throw new Error(`email: a user with ${body.email} already exists`);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO app_user (id, email, name, role, office_id, password_hash, updated_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, now()) RETURNING id`,
        [body.email, body.name, body.role, officeId, passwordHash],
      );
      await client.query(
        `INSERT INTO audit_entry (id, actor_role, action, entity_type, entity_id, changes, details)
         VALUES (gen_random_uuid(), 'SYSTEM', 'user.create', 'User', $1, $2, $3)`,
        [
          rows[0].id,
          JSON.stringify({
            email: { from: null, to: body.email },
            name: { from: null, to: body.name },
            role: { from: null, to: body.role },
          }),
          JSON.stringify({ via: 'command line' }),
        ],
      );
      await client.query('COMMIT');
      process.stdout.write(`Created ${body.role} ${body.email}${body.officeCode ? ` (${body.officeCode})` : ''}\n`);
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await client.end();
    }
  });
});
