/**
 * `pnpm pii:rotate`: re-seals the talents' identities (talent_identities) under a new PII_KEY.
 *
 * Procedure:
 * 1. Make a new key: `node -e "console.log(require('node:crypto').randomBytes(32).toString('base64'))"`,
 *    and keep it where the deployment keeps secrets. Keep the current key too, until step 5.
 * 2. Stop the server (the embedded PGlite takes one process at a time; on PostgreSQL, stopping it
 *    keeps imports from computing blind indexes under the old key while rows move to the new one).
 * 3. Run, against the same DATABASE_URL or DATA_DIR as the server:
 *      PII_KEY_PREVIOUS=<current key> PII_KEY=<new key> pnpm pii:rotate
 *    Each batch is one transaction; progress is printed. Interrupted, it can simply be run again:
 *    it re-seals only the rows still under the previous key. It ends by printing how many rows
 *    sit under each key id, and fails (exit 1) while any row is left under the previous key.
 * 4. Start the server with PII_KEY=<new key>.
 * 5. Destroy the previous key once backups sealed under it have expired (a backup taken before
 *    the rotation still needs it).
 *
 * The master key also keys the per-viewer pseudonyms: pseudonyms issued before the rotation stop
 * resolving (an enterprise searches again to see its candidates under their new ids; contact
 * requests and the audit log keep the talents' row ids, so they stay whole). Sessions and
 * passwords do not depend on PII_KEY.
 */
import { derivePiiKeys, parsePiiKey } from '@talentmap/core/pii';
import { createClient } from '@talentmap/db';
import { loadConfig } from '../config.js';
import { identityKeyCounts, rotatePiiKeys } from './pii-rotate.command.js';

const config = loadConfig();
const previous = process.env.PII_KEY_PREVIOUS;
if (!previous || !config.PII_KEY) {
  console.error('usage: PII_KEY_PREVIOUS=<current key> PII_KEY=<new key> pnpm pii:rotate   (both 32 bytes, base64 or hex)');
  process.exit(2);
}
const from = derivePiiKeys(parsePiiKey(previous));
const to = derivePiiKeys(parsePiiKey(config.PII_KEY));
const client = await createClient({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
try {
  await client.migrate();
  console.log(`re-sealing identities from key ${from.keyId} to key ${to.keyId}`);
  const started = Date.now();
  const result = await rotatePiiKeys(client, {
    from,
    to,
    onProgress: ({ done, total }) => console.log(`  ${done} / ${total} rows (${Math.round((Date.now() - started) / 100) / 10} s)`),
  });
  const counts = await identityKeyCounts(client);
  console.log(`re-sealed ${result.done} rows; rows per key id: ${JSON.stringify(counts)}`);
  if ((counts[from.keyId] ?? 0) > 0) {
    console.error(`${counts[from.keyId]} rows are still under key ${from.keyId}: run again before retiring it`);
    process.exitCode = 1;
  }
} finally {
  await client.close();
}
