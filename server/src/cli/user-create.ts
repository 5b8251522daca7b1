import { DomainError } from '@talentmap/core';
import { createClient } from '@talentmap/db';
import { loadConfig } from '../config.js';
import { USAGE, UsageError, userCreate } from './user-create.command.js';

// `pnpm user:create …` (see USAGE): one account, into the database the server would use.
if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const config = loadConfig();
const client = await createClient({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await client.migrate();
  const account = await userCreate(process.argv.slice(2), { input: process.stdin, interactive: process.stdin.isTTY === true }, client);
  console.log(`created ${account.role} account ${account.username} (id ${account.id})`);
} catch (err) {
  if (!(err instanceof UsageError || err instanceof DomainError)) throw err;
  console.error(err instanceof UsageError ? `${err.message}\n\n${USAGE}` : err.message);
  process.exitCode = err instanceof UsageError ? 2 : 1;
} finally {
  await client.close();
}
