import {
  NotFoundError,
  PROVINCE_CODE,
  disclose,
  discloseGroup,
  disclosureFor,
  plannerRegion,
  type Disclosure,
  type InstitutionFit,
  type InstitutionSummary,
  type ViewerContext,
} from '@talentmap/core';
import type { InstitutionProgramRow, InstitutionRepository, InstitutionRow } from '@talentmap/db';
import { averageFit, commonGaps, coursePriority, dot, fitParts, programFit, skillGap } from '@talentmap/matcher';
import type { MatchService } from './match.service.js';

type Fit = Omit<InstitutionFit, 'synthetic'>;
type Recommendation = Fit['recommendations'][number];

/** Talents this close (cosine distance) to an occupation, without holding it, are a small gap away. */
export const NEAR_MATCH_DISTANCE = 0.25;
const NEAR_MATCH_CAP = 2_000;
const RECOMMENDATIONS = 8;
const SHORT_OCCUPATIONS = 40;
/** Profile skills at or above this weight are what a program must teach to prepare for the occupation. */
const CORE_SKILL_WEIGHT = 0.5;

/** Institutions and how their programs fit industry; the formula lives in @talentmap/matcher (program-fit). */
export class InstitutionService {
  constructor(
    private readonly repo: InstitutionRepository,
    private readonly matcher: MatchService,
  ) {}

  private summary(row: InstitutionRow): InstitutionSummary {
    return { ...row, regionName: this.matcher.regionNameOf(row.regionCode) };
  }

  async list(filter: { q?: string | undefined; region?: string | undefined; kind?: string | undefined; limit: number }) {
    const { items, total } = await this.repo.institutions({ ...filter, regionCodes: this.matcher.regionFilter(filter.region, 'region') });
    return { items: items.map((i) => this.summary(i)), total };
  }

  /**
   * Whether the viewer may see an institution's fit: an institution account its own, a planner
   * those in its region, an admin all.
   */
  private mayView(institution: InstitutionRow, viewer: ViewerContext): boolean {
    if (viewer.role === 'admin') return true;
    if (viewer.scope?.kind === 'institution') return viewer.scope.institutionId === institution.id;
    const region = plannerRegion(viewer);
    return region === PROVINCE_CODE || (region !== null && region === institution.cityCode);
  }

  /** An institution the viewer may not see answers like one that does not exist, so ids cannot be probed. */
  async fit(id: number, viewer: ViewerContext): Promise<Fit> {
    const { items } = await this.repo.institutions({ id, limit: 1 });
    const institution = items[0];
    if (!institution || !this.mayView(institution, viewer)) throw new NotFoundError(`institution ${id}`);
    const [programs, chainDemand, short] = await Promise.all([
      this.repo.programsOf(id),
      this.repo.chainDemand(institution.cityCode),
      this.repo.shortOccupations(institution.cityCode, SHORT_OCCUPATIONS),
    ]);
    const targets = [...new Set(programs.flatMap((p) => p.occupationCodes))];
    const shortage = await this.matcher.shortageIn(institution.regionCode, targets);
    const programFits = programs.map((p) => this.programFit(p, shortage, chainDemand)).sort((a, b) => b.fit - a.fit);
    const offered = new Set(targets);
    const disclosure = disclosureFor(viewer, institution.cityCode);
    const courses = await this.coursesToAdd(
      institution.cityCode,
      short.filter((o) => !offered.has(o.code)),
      disclosure,
    );
    return {
      institution: this.summary(institution),
      programs: programFits,
      averageFit: averageFit(programFits.map((p) => p.fit)),
      disclosure,
      ...courses,
    };
  }

  /** Short occupations the institution does not teach, ranked by shortage relieved and near-match talents unlocked. */
  private async coursesToAdd(cityCode: string, candidates: { code: string; score: number; ratio: number | null }[], disclosure: Disclosure) {
    const districts = this.matcher.regionFilter(cityCode) ?? [];
    const recommendations: (Recommendation & { nearCount: number })[] = [];
    const nearMatchByDistrict: Fit['nearMatchByDistrict'] = [];
    for (const s of candidates.slice(0, RECOMMENDATIONS)) {
      const occupation = this.matcher.occupation(s.code);
      const vector = this.matcher.space.embed(occupation.skills);
      const near = vector ? await this.repo.nearMatchTalents(vector, s.code, districts, NEAR_MATCH_DISTANCE, NEAR_MATCH_CAP) : [];
      recommendations.push({
        occupation: { code: s.code, name: occupation.name },
        shortageScore: s.score,
        ratio: s.ratio,
        nearMatchTalents: disclose(disclosure, near.length),
        nearCount: near.length,
        gapSkills: commonGaps(near, occupation.skills).map((id) => this.matcher.skillNameOf(id)),
        priority: 0,
      });
      nearMatchByDistrict.push({ occupationCode: s.code, districts: this.countByDistrict(near, disclosure) });
    }
    // Priority ranks by the true counts; only the published counts leave the service.
    const maxNear = Math.max(0, ...recommendations.map((r) => r.nearCount));
    for (const r of recommendations) r.priority = coursePriority(r.shortageScore, r.nearCount, maxNear);
    recommendations.sort((a, b) => b.priority - a.priority);
    return { recommendations: recommendations.map(({ nearCount: _, ...r }) => r), nearMatchByDistrict };
  }

  /** Near-match talents by district: one group (they add up to the recommendation's count). */
  private countByDistrict(talents: readonly { regionCode: string }[], disclosure: Disclosure) {
    const byDistrict = new Map<string, number>();
    for (const t of talents) byDistrict.set(t.regionCode, (byDistrict.get(t.regionCode) ?? 0) + 1);
    const counts = discloseGroup(disclosure, [...byDistrict.values()]);
    return [...byDistrict.keys()].map((code, i) => ({ regionCode: code, regionName: this.matcher.regionNameOf(code), count: counts[i] ?? null }));
  }

  private programFit(p: InstitutionProgramRow, shortage: Map<string, { score: number }>, chainDemand: Map<string, number>) {
    const code = p.occupationCodes[0] as string;
    const occupation = this.matcher.occupation(code);
    const a = this.matcher.space.embed(p.skills);
    const b = this.matcher.space.embed(occupation.skills);
    const parts = fitParts({ shortageScore: shortage.get(code)?.score, chainWeight: chainDemand.get(code), alignment: a && b ? dot(a, b) : null });
    return {
      programId: Number(p.id),
      name: p.name,
      occupation: { code, name: occupation.name },
      hours: p.hours,
      capacity: p.capacity,
      grade: p.grade,
      fit: programFit(parts),
      parts,
      missingSkills: skillGap(
        p.skills,
        occupation.skills.filter((s) => s.weight >= CORE_SKILL_WEIGHT),
      ).missing.map((s) => this.matcher.skillNameOf(s.skillId)),
    };
  }
}
