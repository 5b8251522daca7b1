/**
 * `pnpm bench:classify` — latency of POST /api/occupations/classify's engine call (recognise the
 * skills, score all 1,671 occupations, calibrate) on the team's adverts (test/fixtures/adverts.json)
 * and on long texts made by joining them, in one process on the reference data only. Baseline in
 * the same run: the same-dictionary baseline ranking the same texts. Three warm-up passes, then
 * BENCH_ROUNDS (default 5) passes; medians and p95 in milliseconds.
 */
import { sql } from 'drizzle-orm';
import { createClient, MatchRepository } from '@talentmap/db';
import { loadReference, readReference } from '@talentmap/seed';
import { MatchService } from '@talentmap/server/services/match';
import { loadAdverts } from '../eval/classification.js';
import { DictionaryBaseline } from '../eval/dictionary-baseline.js';
import { TEST_PII_KEYS } from '../support/database.js';
import { percentiles } from './stats.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const client = await createClient({ dataDir: 'memory://' });
await client.migrate();
await loadReference(client, readReference());
const matcher = await MatchService.create(client, TEST_PII_KEYS);
const baseline = new DictionaryBaseline(await new MatchRepository(client).skillGraph());

const adverts = loadAdverts().map((a) => a.text);
// Long inputs as well: a few adverts pasted together (up to ~2,000 characters).
const texts = [...adverts, ...Array.from({ length: 20 }, (_, i) => adverts.slice(i * 5, i * 5 + 8).join('\n'))];
const time = (run: (text: string) => unknown) => {
  const samples: number[] = [];
  for (let pass = 0; pass < 3 + rounds; pass++)
    for (const text of texts) {
      const started = performance.now();
      run(text);
      if (pass >= 3) samples.push(performance.now() - started);
    }
  return percentiles(samples);
};
const engine = time((text) => matcher.classify(text, 5));
const dictionaryBaseline = time((text) => baseline.rank(text));
const [{ n: occupations } = { n: 0 }] = await client.rows<{ n: number }>(sql`select count(*)::int as n from occupations`);
console.log(JSON.stringify({ occupations, texts: texts.length, rounds, milliseconds: { engine, dictionaryBaseline } }, null, 2));
await client.close();
