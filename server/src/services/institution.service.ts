import { SMALL_CELL_THRESHOLD, type InstitutionFit, type InstitutionSummary } from '@talentmap/core';
import { MapRepository, type InstitutionRow, type InstitutionProgramRow } from '@talentmap/db';
import { dot, skillGap } from '@talentmap/matcher';
import { NotFoundError } from '@talentmap/core';
import type { MatchService } from './match.service.js';

/**
 * 专业与产业吻合度 of a program, in [0, 1]:
 *   shortage       0.4  the target occupation's shortage score in the institution's city / 3
 *   chainDemand    0.3  how much the city's industry chains employ the occupation (matrix weight)
 *   skillAlignment 0.3  cosine of the program's skills with the occupation's profile
 * A program fits local industry when it teaches what a locally short, chain-relevant job needs.
 */
export const FIT_WEIGHTS = { shortage: 0.4, chainDemand: 0.3, skillAlignment: 0.3 } as const;
/** Talents this close (cosine distance) to an occupation, without holding it, are a small gap away. */
export const NEAR_MATCH_DISTANCE = 0.25;
const NEAR_MATCH_CAP = 2_000;
const RECOMMENDATIONS = 8;
const round3 = (x: number) => Math.round(x * 1000) / 1000;
/** Outside the planner role, counts under the threshold are not shown. */
export const suppressSmall = (n: number) => (n < SMALL_CELL_THRESHOLD ? null : n);

export class InstitutionService {
  constructor(
    private readonly repo: MapRepository,
    private readonly matcher: MatchService,
  ) {}

  summary(row: InstitutionRow): InstitutionSummary {
    return { ...row, regionName: this.matcher.regionNameOf(row.regionCode) };
  }

  async list(filter: { q?: string | undefined; region?: string | undefined; kind?: string | undefined; limit: number }) {
    const { items, total } = await this.repo.institutions({ ...filter, regionCodes: this.matcher.regionFilter(filter.region, 'region') });
    return { items: items.map((i) => this.summary(i)), total };
  }

  async fit(id: number): Promise<Omit<InstitutionFit, 'synthetic'>> {
    const { items } = await this.repo.institutions({ id, limit: 1 });
    const institution = items[0];
    if (!institution) throw new NotFoundError(`institution ${id}`);
    const [programs, chainDemand, short] = await Promise.all([
      this.repo.programsOf(id),
      this.repo.chainDemand(institution.cityCode),
      this.repo.shortOccupations(institution.cityCode, 40),
    ]);
    const targets = [...new Set(programs.flatMap((p) => p.occupationCodes))];
    const shortage = await this.matcher.shortageIn(institution.regionCode, targets);

    const programFits = programs.map((p) => this.programFit(p, shortage, chainDemand)).sort((a, b) => b.fit - a.fit);
    const offered = new Set(targets);
    const districts = this.matcher.regionFilter(institution.cityCode) ?? [];
    const recommendations = [];
    const nearMatchByDistrict = [];
    for (const s of short.filter((o) => !offered.has(o.code)).slice(0, RECOMMENDATIONS)) {
      const occupation = this.matcher.occupation(s.code);
      const vector = this.matcher.space.embed(occupation.skills);
      const near = vector ? await this.repo.nearMatchTalents(vector, s.code, districts, NEAR_MATCH_DISTANCE, NEAR_MATCH_CAP) : [];
      recommendations.push({
        occupation: { code: s.code, name: occupation.name },
        shortageScore: s.score,
        ratio: s.ratio,
        nearMatchTalents: near.length,
        gapSkills: commonGaps(near, occupation.skills).map((id) => this.matcher.skillNameOf(id)),
        priority: 0,
      });
      const byDistrict = new Map<string, number>();
      for (const t of near) byDistrict.set(t.regionCode, (byDistrict.get(t.regionCode) ?? 0) + 1);
      nearMatchByDistrict.push({
        occupationCode: s.code,
        districts: [...byDistrict].map(([code, n]) => ({ regionCode: code, regionName: this.matcher.regionNameOf(code), count: suppressSmall(n) })),
      });
    }
    // Shortage relieved and talents unlocked, each scaled to the best candidate.
    const maxNear = Math.max(1, ...recommendations.map((r) => r.nearMatchTalents));
    for (const r of recommendations) r.priority = round3(0.6 * Math.min(1, r.shortageScore / 3) + 0.4 * (Math.log1p(r.nearMatchTalents) / Math.log1p(maxNear)));
    recommendations.sort((a, b) => b.priority - a.priority);

    return {
      institution: this.summary(institution),
      programs: programFits,
      averageFit: programFits.length ? round3(programFits.reduce((s, p) => s + p.fit, 0) / programFits.length) : null,
      recommendations,
      nearMatchByDistrict,
    };
  }

  private programFit(p: InstitutionProgramRow, shortage: Map<string, { score: number }>, chainDemand: Map<string, number>) {
    const code = p.occupationCodes[0] as string;
    const occupation = this.matcher.occupation(code);
    const a = this.matcher.space.embed(p.skills);
    const b = this.matcher.space.embed(occupation.skills);
    const parts = {
      shortage: round3(Math.min(1, (shortage.get(code)?.score ?? 0) / 3)),
      chainDemand: round3(chainDemand.get(code) ?? 0),
      skillAlignment: round3(a && b ? Math.max(0, dot(a, b)) : 0),
    };
    const fit = FIT_WEIGHTS.shortage * parts.shortage + FIT_WEIGHTS.chainDemand * parts.chainDemand + FIT_WEIGHTS.skillAlignment * parts.skillAlignment;
    return {
      programId: Number(p.id),
      name: p.name,
      occupation: { code, name: occupation.name },
      hours: p.hours,
      capacity: p.capacity,
      grade: p.grade,
      fit: round3(fit),
      parts,
      missingSkills: skillGap(p.skills, occupation.skills.filter((s) => s.weight >= 0.5)).missing.map((s) => this.matcher.skillNameOf(s.skillId)),
    };
  }
}

/** The profile skills most near-match talents lack, most frequent first (what a course should teach). */
function commonGaps(talents: { skills: { skillId: number }[] }[], profile: { skillId: number; weight: number }[], top = 5): number[] {
  const missing = new Map<number, number>();
  for (const t of talents) for (const s of skillGap(t.skills, profile).missing) missing.set(s.skillId, (missing.get(s.skillId) ?? 0) + s.weight);
  return [...missing].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, top).map(([id]) => id);
}
