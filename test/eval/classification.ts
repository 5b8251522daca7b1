import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SkillGraph } from '@talentmap/matcher';

export interface Advert {
  id: string;
  split: 'dev' | 'test';
  text: string;
  code: string;
  name: string;
  acceptable: string[];
  difficulty: 'easy' | 'hard';
}

export const loadAdverts = (): Advert[] =>
  (JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/adverts.json', import.meta.url)), 'utf8')) as { items: Advert[] }).items;

export interface Accuracy {
  n: number;
  top1: number;
  top5: number;
}

const ok = (a: Advert, code: string | undefined) => code !== undefined && (code === a.code || a.acceptable.includes(code));

const accuracy = (ranked: { advert: Advert; codes: string[] }[]): Accuracy => {
  const n = ranked.length;
  return {
    n,
    top1: round(ranked.filter((r) => ok(r.advert, r.codes[0])).length / n),
    top5: round(ranked.filter((r) => r.codes.slice(0, 5).some((c) => ok(r.advert, c))).length / n),
  };
};
const round = (x: number) => Math.round(x * 1000) / 1000;

export type Ranker = (text: string) => string[];

/**
 * The name-only keyword baseline: occupations ranked by how many of their profile skills'
 * names (and their own name) appear verbatim in the text — no aliases, no fuzzy matching,
 * no vectors. Kept for comparison with earlier reports; it is weaker than it should be
 * because it is denied the aliases the engine gets (see DictionaryBaseline for the fair one).
 */
export function keywordBaseline(graph: SkillGraph, text: string): string[] {
  const lower = text.toLowerCase();
  const skillName = new Map(graph.skills.map((s) => [s.id, s.name.toLowerCase()]));
  return graph.occupations
    .map((o) => ({
      code: o.code,
      hits: (lower.includes(o.name) ? 1 : 0) + o.skills.filter((s) => lower.includes(skillName.get(s.skillId) ?? '\u0000')).length,
    }))
    .filter((o) => o.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.code.localeCompare(b.code))
    .map((o) => o.code);
}

/**
 * Top-1/top-5 of the engine and of both baselines on each split; the lift is the engine's
 * over the same-dictionary baseline, the one that gets the same resources.
 */
export function evaluateClassification(rankers: { engine: Ranker; dictionaryBaseline: Ranker; nameOnlyBaseline: Ranker }, adverts: Advert[]) {
  const score = (items: Advert[], rank: Ranker) => accuracy(items.map((advert) => ({ advert, codes: rank(advert.text).slice(0, 5) })));
  const report = (split: 'dev' | 'test') => {
    const items = adverts.filter((a) => a.split === split);
    const engine = score(items, rankers.engine);
    const dictionaryBaseline = score(items, rankers.dictionaryBaseline);
    const nameOnlyBaseline = score(items, rankers.nameOnlyBaseline);
    const lift = { top1: round(engine.top1 - dictionaryBaseline.top1), top5: round(engine.top5 - dictionaryBaseline.top5) };
    return { engine, dictionaryBaseline, nameOnlyBaseline, liftOverDictionaryBaseline: lift };
  };
  const devMisses = adverts
    .filter((a) => a.split === 'dev')
    .map((a) => ({ a, top: rankers.engine(a.text)[0] }))
    .filter(({ a, top }) => !ok(a, top))
    .map(({ a, top }) => `${a.id} ${a.name} ← ${top ?? '∅'} | ${a.text.split('\n')[0]}`);
  return { dev: report('dev'), test: report('test'), devMisses };
}
