import { sql } from 'drizzle-orm';
import { distanceKm } from '@talentmap/geo';
import type { DbClient, SkillWeight } from '@talentmap/db';
import type { MatchService } from '@talentmap/server/services/match';

export interface MatchEvalOptions {
  vacancies: number;
  radiusKm: number;
  k: number;
}

interface VacancyCase {
  id: number;
  occupationCode: string;
  grade: number;
  skills: SkillWeight[];
  lng: number;
  lat: number;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const dcg = (rels: number[]) => rels.reduce((s, r, i) => s + r / Math.log2(i + 2), 0);

/**
 * Matching quality on the synthetic demo data, judged by the talents' latent truth (which
 * the matcher never reads). A talent is qualified for a vacancy when its true occupation is
 * the vacancy's, its true grade is at least the required one, and it lives within the radius.
 *   fit rate  — share of vacancies with a qualified talent in the top k, among vacancies
 *               where one exists (the Shandong plan's 适配度)
 *   nDCG@k    — binary relevance (qualified = 1)
 *   recall@k  — overlap of the HNSW top k with the top k from scoring every filtered row
 *               (recallVsExhaustive), and with the top k after an exact-distance retrieval
 *               of the same size (recallVsExactRetrieval: the index's own error)
 * The keyword baseline ranks every filtered talent by the weighted share of required skills
 * it lists (no vectors, no related skills, no grade or distance terms).
 */
export async function evaluateMatching(client: DbClient, matcher: MatchService, options: MatchEvalOptions) {
  const total = (await client.rows<{ n: number }>(sql`select count(*)::int as n from vacancies`))[0]?.n ?? 0;
  const step = Math.max(1, Math.floor(total / options.vacancies));
  // Every step-th vacancy: a deterministic sample spread over all quarters, regions and occupations.
  const cases = await client.rows<VacancyCase>(sql`
    select v.id, v.occupation_code as "occupationCode", v.grade, v.skills, e.lng, e.lat
    from vacancies v join enterprises e on e.id = v.enterprise_id
    where v.id % ${step} = 0 order by v.id limit ${options.vacancies}`);

  let withQualified = 0;
  const fit = { engine: 0, baseline: 0 };
  const ndcg = { engine: 0, baseline: 0 };
  let recall = 0;
  let annRecall = 0;
  const latency: number[] = [];
  for (const v of cases) {
    const qualifiedRows = await client.rows<{ id: number; lng: number; lat: number }>(sql`
      select t.id, t.lng, t.lat from talents t join talent_truths tt on tt.talent_id = t.id
      where tt.occupation_code = ${v.occupationCode} and tt.grade >= ${v.grade}`);
    const qualified = new Set(qualifiedRows.filter((t) => distanceKm([v.lng, v.lat], [t.lng, t.lat]) <= options.radiusKm).map((t) => Number(t.id)));
    if (qualified.size === 0) continue;
    withQualified++;

    const query = { skills: v.skills, filter: { minGrade: v.grade, near: { lng: v.lng, lat: v.lat, radiusKm: options.radiusKm } }, limit: options.k };
    const started = performance.now();
    // The index path itself, not the service's exact-distance shortcut for small sets.
    const hnsw = await matcher.findCandidates({ ...query, strategy: 'hnsw', retrieval: 'index' });
    latency.push(performance.now() - started);
    const exhaustive = await matcher.findCandidates({ ...query, strategy: 'exact' });
    // Same over-fetch as the HNSW path but by exact distance: isolates the index's own error.
    const exactRetrieval = await matcher.findCandidates({ ...query, strategy: 'hnsw', retrieval: 'distance' });

    const ideal = dcg(Array.from({ length: Math.min(options.k, qualified.size) }, () => 1));
    const rels = (ids: number[]) => ids.map((id) => (qualified.has(id) ? 1 : 0));
    const hnswIds = hnsw.map((c) => c.row.id);
    if (rels(hnswIds).some(Boolean)) fit.engine++;
    ndcg.engine += dcg(rels(hnswIds)) / ideal;
    const exactTop = new Set(exhaustive.map((c) => c.row.id));
    recall += exactTop.size === 0 ? 1 : hnswIds.filter((id) => exactTop.has(id)).length / exactTop.size;
    const retrievalTop = new Set(exactRetrieval.map((c) => c.row.id));
    annRecall += retrievalTop.size === 0 ? 1 : hnswIds.filter((id) => retrievalTop.has(id)).length / retrievalTop.size;

    const baselineIds = await keywordRanking(client, v, options);
    if (rels(baselineIds).some(Boolean)) fit.baseline++;
    ndcg.baseline += dcg(rels(baselineIds)) / ideal;
  }
  latency.sort((a, b) => a - b);
  const n = Math.max(1, withQualified);
  return {
    vacanciesSampled: cases.length,
    vacanciesWithQualifiedTalent: withQualified,
    radiusKm: options.radiusKm,
    k: options.k,
    engine: {
      fitRate: round(fit.engine / n),
      ndcg: round(ndcg.engine / n),
      recallVsExhaustive: round(recall / n),
      recallVsExactRetrieval: round(annRecall / n),
    },
    keywordBaseline: { fitRate: round(fit.baseline / n), ndcg: round(ndcg.baseline / n) },
    lift: { fitRate: round((fit.engine - fit.baseline) / n), ndcg: round((ndcg.engine - ndcg.baseline) / n) },
    inProcessLatencyMs: { p50: round(latency[Math.floor(latency.length * 0.5)] ?? 0), p95: round(latency[Math.floor(latency.length * 0.95)] ?? 0) },
  };
}

async function keywordRanking(client: DbClient, v: VacancyCase, options: MatchEvalOptions): Promise<number[]> {
  const rows = await client.rows<{ id: number; skills: { skillId: number }[]; lng: number; lat: number }>(
    sql`select id, skills, lng, lat from talents where grade >= ${v.grade}
        and lat between ${v.lat - options.radiusKm / 111} and ${v.lat + options.radiusKm / 111}`,
  );
  const total = v.skills.reduce((s, k) => s + k.weight, 0);
  return rows
    .filter((t) => distanceKm([v.lng, v.lat], [t.lng, t.lat]) <= options.radiusKm)
    .map((t) => {
      const has = new Set(t.skills.map((s) => s.skillId));
      return { id: Number(t.id), score: v.skills.filter((s) => has.has(s.skillId)).reduce((s, k) => s + k.weight, 0) / total };
    })
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, options.k)
    .map((t) => t.id);
}
