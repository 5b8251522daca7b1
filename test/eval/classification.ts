import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SkillGraph } from '@talentmap/matcher';
import type { MatchService } from '@talentmap/server/services/match';

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

const accuracy = (ranked: { advert: Advert; codes: string[] }[]): Accuracy => {
  const ok = (a: Advert, code: string | undefined) => code !== undefined && (code === a.code || a.acceptable.includes(code));
  const n = ranked.length;
  return {
    n,
    top1: round(ranked.filter((r) => ok(r.advert, r.codes[0])).length / n),
    top5: round(ranked.filter((r) => r.codes.slice(0, 5).some((c) => ok(r.advert, c))).length / n),
  };
};
const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The keyword baseline: occupations ranked by how many of their profile skills' names (and
 * their own name) appear verbatim in the text — no aliases, no fuzzy matching, no vectors.
 */
export function keywordBaseline(graph: SkillGraph, text: string): string[] {
  const lower = text.toLowerCase();
  const skillName = new Map(graph.skills.map((s) => [s.id, s.name.toLowerCase()]));
  return graph.occupations
    .map((o) => ({ code: o.code, hits: (lower.includes(o.name) ? 1 : 0) + o.skills.filter((s) => lower.includes(skillName.get(s.skillId) ?? '\u0000')).length }))
    .filter((o) => o.hits > 0)
    .sort((a, b) => b.hits - a.hits || a.code.localeCompare(b.code))
    .map((o) => o.code);
}

export function evaluateClassification(matcher: MatchService, graph: SkillGraph, adverts: Advert[]) {
  const report = (split: 'dev' | 'test') => {
    const items = adverts.filter((a) => a.split === split);
    const engine = accuracy(items.map((advert) => ({ advert, codes: matcher.classify(advert.text, 5).results.map((r) => r.code) })));
    const baseline = accuracy(items.map((advert) => ({ advert, codes: keywordBaseline(graph, advert.text).slice(0, 5) })));
    return { engine, baseline, lift: { top1: round(engine.top1 - baseline.top1), top5: round(engine.top5 - baseline.top5) } };
  };
  const misses = adverts
    .filter((a) => a.split === 'dev')
    .map((a) => ({ a, r: matcher.classify(a.text, 5).results }))
    .filter(({ a, r }) => r[0]?.code !== a.code && !a.acceptable.includes(r[0]?.code ?? ''))
    .map(({ a, r }) => `${a.id} ${a.name} ← ${r[0]?.name ?? '∅'} (${r[0]?.score ?? 0}) | ${a.text.split('\n')[0]}`);
  return { dev: report('dev'), test: report('test'), devMisses: misses };
}
