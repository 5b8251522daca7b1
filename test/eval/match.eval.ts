/**
 * `pnpm eval:match` — matching and classification quality, printed as JSON.
 * Uses DATABASE_URL when set (a seeded PostgreSQL), otherwise a fresh in-memory PGlite
 * seeded at the demo scale (EVAL_TALENTS, default 20,000).
 *
 *   --classification-only       reference data only (no demo seed, no matching): seconds, not minutes
 *   --dictionaries-at <commit>  classification with seed/reference as of a commit (read with
 *                               git show, into a fresh PGlite); `fixture` = the last commit that
 *                               changed test/fixtures/adverts.json. Matching does not read the
 *                               dictionaries (vacancies carry skill ids), so it is skipped.
 *   --calibrate                 fit the classifier's confidence model (packages/matcher/src/confidence.ts)
 *                               on test/fixtures/adverts.json (both splits) and print it; never on the fresh set
 * The fresh set (test/fixtures/adverts-2022) is scored when present: 细类 top-1/top-5, 小类 top-1,
 * the same-dictionary baseline and the lift, how the confidence holds, and skill extraction.
 */
import { parseArgs } from 'node:util';
import { createClient, MatchRepository } from '@talentmap/db';
import { ensureSeeded, loadReference, scaleFor, DEFAULT_TALENTS } from '@talentmap/seed';
import { MatchService } from '@talentmap/server/services/match';
import { evaluateClassification, keywordBaseline, loadAdverts } from './classification.js';
import { DictionaryBaseline } from './dictionary-baseline.js';
import { dictionarySize, referenceAt, resolveCommit } from './dictionaries.js';
import { evaluateMatching } from './matching.js';
import { calibrationError, fitLogistic } from './calibration.js';
import { codingAccuracy, extractionQuality, freshSetExists, loadFreshSet } from './fresh-set.js';
import { confidenceFeatures } from '@talentmap/matcher';
import { TEST_PII_KEYS } from '../support/database.js';

const { values: args } = parseArgs({
  options: {
    'classification-only': { type: 'boolean', default: false },
    'dictionaries-at': { type: 'string' },
    calibrate: { type: 'boolean', default: false },
  },
});
const dictionariesAt = args['dictionaries-at'] === undefined ? null : resolveCommit(args['dictionaries-at']);
const withMatching = !args['classification-only'] && dictionariesAt === null;

// Another commit's dictionaries need a database of their own; DATABASE_URL holds today's.
const databaseUrl = dictionariesAt === null ? process.env.DATABASE_URL || undefined : undefined;
const talents = Number(process.env.EVAL_TALENTS ?? DEFAULT_TALENTS);
const client = await createClient(databaseUrl ? { databaseUrl } : { dataDir: 'memory://' });
try {
  await client.migrate();
  const started = Date.now();
  if (dictionariesAt !== null) await loadReference(client, referenceAt(dictionariesAt));
  else await ensureSeeded(client, { scale: scaleFor(talents), demo: withMatching, piiKeys: TEST_PII_KEYS });
  process.stderr.write(`dataset ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const matcher = await MatchService.create(client, TEST_PII_KEYS);
  const graph = await new MatchRepository(client).skillGraph();
  const dictionaryBaseline = new DictionaryBaseline(graph);

  const classification = evaluateClassification(
    {
      engine: (text) => matcher.classify(text, 5).results.map((r) => r.code),
      dictionaryBaseline: (text) => dictionaryBaseline.rank(text),
      nameOnlyBaseline: (text) => keywordBaseline(graph, text),
    },
    loadAdverts(),
  );
  if (args.calibrate) {
    const ranked = (text: string) => matcher.classifier.classify(matcher.recognizer.recognize(text), 10);
    const observations = loadAdverts().map((a) => {
      const list = ranked(a.text);
      const f = confidenceFeatures(list);
      const right = (code: string | undefined) => code !== undefined && (code === a.code || a.acceptable.includes(code));
      const minorRight = [a.code, ...a.acceptable].some((c) => c.slice(0, 7) === f.minorGroup?.code);
      return {
        occupation: { ...f.occupation, right: right(list[0]?.code) },
        minorGroup: { score: f.minorGroup?.score ?? 0, lead: f.minorGroup?.lead ?? 0, right: minorRight },
      };
    });
    console.log(
      JSON.stringify({ occupation: fitLogistic(observations.map((o) => o.occupation)), minorGroup: fitLogistic(observations.map((o) => o.minorGroup)) }),
    );
    process.exit(0);
  }
  const fresh = freshSetExists() ? evaluateFresh(matcher, dictionaryBaseline) : undefined;
  process.stderr.write(withMatching ? 'classification done; matching…\n' : 'classification done\n');
  const matching = withMatching
    ? await evaluateMatching(client, matcher, { vacancies: Number(process.env.EVAL_VACANCIES ?? 300), radiusKm: 50, k: 10 })
    : undefined;
  console.log(
    JSON.stringify(
      {
        database: client.driver,
        dataset: databaseUrl ? 'existing database' : withMatching ? `synthetic demo, ${talents} talents (seed default)` : 'reference data only',
        dictionaries: { at: dictionariesAt ?? 'work tree', ...dictionarySize(graph) },
        split: 'adverts: dev = every 4th item (tuning only), test = the rest (held out); matching uses the generator latent truth, never read by the matcher',
        baselines:
          'dictionaryBaseline: the same skill and occupation dictionaries matched verbatim, ranked by title mention then profile-skill overlap; nameOnlyBaseline: skill and occupation names only, no aliases',
        classification: { dev: classification.dev, test: classification.test },
        freshSet: fresh,
        matching,
        devMisses: process.env.EVAL_VERBOSE ? classification.devMisses : undefined,
      },
      null,
      2,
    ),
  );
} finally {
  await client.close();
}

/** The fresh set's figures (see fresh-set.ts); the engine's answer level and confidence included. */
function evaluateFresh(matcher: MatchService, baseline: DictionaryBaseline) {
  const items = loadFreshSet();
  const engine = (text: string) => matcher.classify(text, 5).results.map((r) => r.code);
  const base = (text: string) => baseline.rank(text);
  const report = (subset: typeof items) => {
    const e = codingAccuracy(subset, engine);
    const b = codingAccuracy(subset, base);
    return { engine: e, dictionaryBaseline: b, lift: { top1: r(e.top1 - b.top1), top5: r(e.top5 - b.top5), minorTop1: r(e.minorTop1 - b.minorTop1) } };
  };
  const answers = items.map((a) => {
    const c = matcher.classify(a.text, 5);
    const codes = [a.code, ...a.acceptable];
    return {
      level: c.level,
      p: c.confidence,
      right: codes.includes(c.results[0]?.code ?? ''),
      minorRight: codes.some((x) => x.slice(0, 7) === c.minorGroup?.code),
    };
  });
  const at = (level: string) => answers.filter((x) => x.level === level);
  return {
    adverts: items.length,
    occupations: new Set(items.map((a) => a.code)).size,
    all: report(items),
    trades: report(items.filter((a) => a.code.startsWith('6-'))),
    hard: report(items.filter((a) => a.difficulty === 'hard')),
    confidence: {
      expectedCalibrationError: calibrationError(answers),
      answeredAtOccupation: { n: at('occupation').length, right: r(at('occupation').filter((x) => x.right).length / (at('occupation').length || 1)) },
      answeredAtMinorGroup: { n: at('minorGroup').length, minorRight: r(at('minorGroup').filter((x) => x.minorRight).length / (at('minorGroup').length || 1)) },
      noConfidentMatch: at('none').length,
    },
    skillExtraction: extractionQuality(items, (text) => matcher.classify(text, 1).recognizedSkills),
  };
}

function r(x: number) {
  return Math.round(x * 1000) / 1000;
}
