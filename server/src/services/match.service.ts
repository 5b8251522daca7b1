import { setImmediate } from 'node:timers/promises';
import {
  ForbiddenError,
  InvalidInputError,
  MAX_DEMAND_SKILLS,
  NotFoundError,
  OCCUPATION_CODE_PATTERN,
  PROVINCE_CODE,
  TALENT_LEVEL,
  UnauthenticatedError,
  plannerCity,
  plannerRegion,
  pseudonymViewer,
  type CandidatesResponse,
  type ClassifyResponse,
  type PathwaysResponse,
  type ProgramMatch,
  type RegionFeature,
  type ViewerContext,
} from '@talentmap/core';
import {
  MatchRepository,
  ReferenceRepository,
  type CandidateFilter,
  type CandidateRow,
  type DbClient,
  type ProgramRow,
  errorCode,
  type ReadRouter,
  type SearchStrategy,
} from '@talentmap/db';
import {
  classifyVerdict,
  OccupationClassifier,
  SkillRecognizer,
  SkillSpace,
  coverageToBeat,
  candidateScorer,
  scoreTerms,
  skillsToReach,
  scoreProgram,
  skillGap,
  talentSkillWeights,
  type SkillGraph,
  type ScoredCandidate,
  type WeightedSkill,
} from '@talentmap/matcher';
import { TALENT_CELL_HALF_DIAGONAL_KM, containsPoint, distanceKm } from '@talentmap/geo';
import { resolvePseudonym, viewerPseudonym, type PiiKeys } from '@talentmap/core/pii';

export interface CandidateQuery {
  skills: WeightedSkill[];
  filter: CandidateFilter;
  limit: number;
  /** hnsw: retrieve, then re-rank (the default); exact: score every talent that passes the filters (the ground truth). */
  strategy: SearchStrategy;
  /** Rows to fetch before re-ranking; the default scales with the limit. */
  overfetch?: number;
  /**
   * How the hnsw strategy retrieves: 'auto' (default) scores small filtered sets in SQL ('scored')
   * and takes the rest from the index followed by a coverage pass ('coverage'); 'index' is the
   * index alone, 'distance' the nearest by exact distance. The evaluation forces one to measure each.
   */
  retrieval?: 'auto' | 'index' | 'coverage' | 'distance' | 'scored';
  /** Stops the search between steps (the client went away): exhaustive scoring can take seconds. */
  signal?: AbortSignal | undefined;
}

type RankedCandidate = { row: CandidateRow; scored: ScoredCandidate };
/** Best first; ties by id, so every path orders equal scores the same way. */
const bestFirst = (scoreA: number, idA: number, scoreB: number, idB: number) => scoreB - scoreA || idA - idB;
const byScore = (a: RankedCandidate, b: RankedCandidate) => bestFirst(a.scored.score, a.row.id, b.scored.score, b.row.id);

/**
 * Below this many talents passing the filters, scoring each in SQL through the btree/region
 * filters is cheap enough, and exact (the HNSW graph would be walked past rows the filters reject) …
 */
const EXACT_BELOW = 25_000;
/**
 * … for a demand of up to this many skills; a larger one in proportion to fewer talents. A row costs
 * ~4 µs at 10 skills, ~9 µs at 30, ~29 µs at 55 (20,000 talents, PostgreSQL): a 50-skill demand over
 * 25,000 would hold a core for ~0.7 s, the index path with its time-limited coverage pass ~0.3 s.
 */
const SCORED_SKILLS = 20;
/** Rows per result row the SQL-scored path returns for re-scoring here. */
const SCORED_MARGIN = 2;
/** How long the coverage pass may take before the nearest-by-vector answer stands. */
const COVERAGE_PASS_MS = 250;
/** The score here is a sum of parts rounded to thousandths. */
const SCORE_ROUNDING = 0.001;
/** SQLSTATE of a statement stopped by statement_timeout. */
const QUERY_CANCELED = '57014';
/** Rows fetched from the index per result row before re-ranking (10x: recall at 1M 0.966 against 0.941 at 3x, same latency; docs/scale.md). */
const OVERFETCH = { factor: 10, min: 100, max: 500 } as const;
/** Rows per database batch of exhaustive scoring … */
const EXHAUSTIVE_BATCH = 5_000;
/** … scored this many at a time between turns of the event loop. */
const SCORING_SLICE = 500;
/** When a free-text vacancy is classified with this confidence, the occupation's profile fills in the skills the text left out. */
const PROFILE_FILL_MIN_SCORE = 0.3;
/** An import's occupation text is coded by the classifier only above this score (a title mention scores 0.6) … */
const OCCUPATION_INFER_MIN_SCORE = 0.6;
/** … and this far ahead of the runner-up; otherwise the row says which occupations it might be. */
const OCCUPATION_INFER_MIN_LEAD = 0.15;

export type OccupationResolution = { ok: true; code: string; name: string; inferred: boolean } | { ok: false; reason: string; suggestions: string[] };
const PROFILE_FILL_WEIGHT = 0.5;
/** Nearest occupations a worker's pathways are chosen from (then ordered by demand in the region). */
const PATHWAY_CANDIDATES = 60;

/**
 * The matching engine behind /api/match, /api/occupations/classify, pathways and related
 * occupations: resolves requests into weighted skills, retrieves with pgvector, re-ranks
 * with the documented score (packages/matcher/src/score.ts) and explains in skills.
 */
export class MatchService {
  private readonly skillById: Map<number, { name: string; aliases: string[] }>;
  private readonly skillByTerm: Map<string, number>;
  private readonly occupationByCode: Map<string, SkillGraph['occupations'][number]>;
  /** Occupation names and aliases (lower-case) → code. */
  private readonly occupationByTerm: Map<string, string>;

  private constructor(
    private readonly repo: MatchRepository,
    private readonly piiKeys: PiiKeys,
    readonly space: SkillSpace,
    readonly recognizer: SkillRecognizer,
    readonly classifier: OccupationClassifier,
    graph: SkillGraph,
    private readonly regions: Map<string, { name: string; lng: number; lat: number; extentKm: number }>,
    private readonly districtsOfCity: Map<string, string[]>,
    private readonly gradeName: Map<number, string>,
    /** Talents per district and grade (from start-up, renewed after an import): sizes a filter before choosing a path. */
    private distribution: { regionCode: string; grade: number; talents: number }[],
    /** City boundaries: whether a radius search's centre lies in a city planner's city. */
    private readonly cityBoundaries: Map<string, RegionFeature['geometry']>,
    private readonly minorGroupNames: Map<string, string>,
    /** 2015 codes → their 2022 occupation. */
    private readonly legacyCodes: Map<string, string>,
  ) {
    this.skillById = new Map(graph.skills.map((s) => [s.id, { name: s.name, aliases: s.aliases }]));
    this.skillByTerm = new Map();
    for (const s of graph.skills) for (const t of [...s.aliases, s.name]) this.skillByTerm.set(t.toLowerCase(), s.id);
    this.occupationByCode = new Map(graph.occupations.map((o) => [o.code, o]));
    this.occupationByTerm = new Map();
    for (const o of graph.occupations) for (const t of [o.name, ...o.aliases]) this.occupationByTerm.set(t.toLowerCase(), o.code);
  }

  /** Re-reads the talents per district and grade: after an import the path choice sees the new sizes. */
  async refreshDistribution(): Promise<void> {
    this.distribution = await this.repo.talentDistribution();
  }

  /** With `reads`, searches and their lookups go to the read replicas; the skill graph is read from the primary. */
  static async create(client: DbClient, piiKeys: PiiKeys, reads?: ReadRouter): Promise<MatchService> {
    const repo = reads
      ? reads.route(
          (c) => new MatchRepository(c),
          ['candidates', 'scoredCandidates', 'talentDistribution', 'programsNear', 'occupationsNear', 'occupationVector', 'talent', 'shortage'],
        )
      : new MatchRepository(client);
    const reference = new ReferenceRepository(client);
    const graph = await repo.skillGraph();
    const space = SkillSpace.build(graph);
    const [cities, districts, grades, distribution, groups, legacy] = await Promise.all([
      reference.regions('city'),
      reference.regions('district'),
      reference.grades(),
      repo.talentDistribution(),
      reference.occupationGroups('minor'),
      reference.legacyCodes(),
    ]);
    const districtsOfCity = new Map<string, string[]>();
    for (const d of districts) {
      const parent = d.properties.parentCode as string;
      districtsOfCity.set(parent, [...(districtsOfCity.get(parent) ?? []), d.properties.code]);
    }
    return new MatchService(
      repo,
      piiKeys,
      space,
      new SkillRecognizer(graph),
      new OccupationClassifier(graph, space),
      graph,
      new Map(
        [...cities, ...districts].map((r) => {
          const centroid = r.properties.centroid;
          return [r.properties.code, { name: r.properties.name, lng: centroid[0], lat: centroid[1], extentKm: extentKm(centroid, r.geometry) }];
        }),
      ),
      districtsOfCity,
      new Map(grades.map((g) => [g.level, g.name])),
      distribution,
      new Map(cities.map((c) => [c.properties.code, c.geometry])),
      new Map(groups.map((g) => [g.code, g.name])),
      new Map(legacy.map((l) => [l.legacyCode, l.code])),
    );
  }

  private skillName = (id: number) => this.skillById.get(id)?.name ?? String(id);
  readonly skillNameOf = this.skillName;
  readonly regionNameOf = (code: string) => this.regions.get(code)?.name ?? code;

  /** Shortage of occupations in the city around a region (from the rollups). */
  shortageIn(regionCode: string, occupationCodes: string[]) {
    return this.repo.shortage(regionCode, occupationCodes);
  }

  occupation(code: string) {
    const o = this.occupationByCode.get(code);
    if (!o) throw new InvalidInputError('occupationCode', `unknown occupation ${code}`);
    return o;
  }

  classify(text: string, limit = 5): ClassifyResponse {
    const recognition = this.recognizer.recognize(text);
    // The verdict reads past the requested limit: a 小类's lead is over the best occupation outside it.
    const ranked = this.classifier.classify(recognition, Math.max(limit, 10));
    const verdict = classifyVerdict(ranked);
    const minor = verdict.minorGroup;
    return {
      level: verdict.level,
      confidence: verdict.confidence,
      minorGroup: minor ? { ...minor, name: this.minorGroupNames.get(minor.code) ?? '' } : null,
      results: ranked.slice(0, limit),
      recognizedSkills: recognition.skills.map((s) => ({ name: s.name, weight: s.weight, match: s.match, terms: s.terms })),
      ...(ranked.length === 0
        ? { reason: 'no recognisable skill or occupation in the text' }
        : verdict.level === 'minorGroup'
          ? { reason: 'no 细类 is confident; the 小类 is the safe level' }
          : verdict.level === 'none'
            ? { reason: 'no confident match: the results are suggestions only' }
            : {}),
    };
  }

  /** A skill's id by name or alias (any case); undefined when unknown. */
  skillIdOf(term: string): number | undefined {
    return this.skillByTerm.get(term.trim().toLowerCase());
  }

  /**
   * An occupation as an office writes it: a 2022 code, a name or an alias; otherwise the
   * classifier's reading of the text, taken only when it is confident (a title mention and a clear
   * lead over the next), else refused with the nearest occupations as suggestions.
   */
  resolveOccupation(text: string): OccupationResolution {
    const term = text.trim();
    const byCode = this.occupationByCode.get(this.legacyCodes.get(term) ?? term);
    if (byCode) return { ok: true, code: byCode.code, name: byCode.name, inferred: false };
    if (OCCUPATION_CODE_PATTERN.test(term)) return { ok: false, reason: `未知的职业编码 ${term}`, suggestions: [] };
    const byName = this.occupationByTerm.get(term.toLowerCase());
    if (byName) return { ok: true, code: byName, name: this.occupation(byName).name, inferred: false };
    const [top, next] = this.classifier.classify(this.recognizer.recognize(term), 3);
    if (top && top.score >= OCCUPATION_INFER_MIN_SCORE && top.score - (next?.score ?? 0) >= OCCUPATION_INFER_MIN_LEAD)
      return { ok: true, code: top.code, name: top.name, inferred: true };
    const suggestions = [top, next].filter((o) => o !== undefined).map((o) => `${o.code} ${o.name}`);
    return { ok: false, reason: `无法确定职业“${term}”`, suggestions };
  }

  /** A district's centre (for a record that has no point of its own). */
  districtCentre(code: string): { lng: number; lat: number } {
    const region = this.regions.get(code);
    if (!region) throw new InvalidInputError('regionCode', `unknown region ${code}`);
    return { lng: region.lng, lat: region.lat };
  }

  /** Skill names or aliases → ids; an unknown one is a 400 naming it. */
  resolveSkillNames(names: string[], field: string): WeightedSkill[] {
    return names.map((n) => {
      const id = this.skillByTerm.get(n.trim().toLowerCase());
      if (id === undefined) throw new InvalidInputError(field, `unknown skill ${n}`);
      return { skillId: id, weight: 1 };
    });
  }

  /** The weighted skills a request asks for, and the occupation behind them when there is one. */
  resolveDemand(input: { occupationCode?: string | undefined; text?: string | undefined; skills?: string[] | undefined }): {
    skills: WeightedSkill[];
    occupation: { code: string; name: string; score: number | null } | null;
    /** Skills the demand named beyond the MAX_DEMAND_SKILLS heaviest (a 20,000-character text names hundreds, and one search cost seconds), left out of the match. */
    omitted: number;
  } {
    const weights = new Map<number, number>();
    const add = (list: WeightedSkill[]) => {
      for (const s of list) weights.set(s.skillId, Math.max(weights.get(s.skillId) ?? 0, s.weight));
    };
    let occupation: { code: string; name: string; score: number | null } | null = null;
    if (input.occupationCode) {
      const o = this.occupation(input.occupationCode);
      add(o.skills);
      occupation = { code: o.code, name: o.name, score: null };
    }
    if (input.skills) add(this.resolveSkillNames(input.skills, 'skills'));
    if (input.text) {
      const recognition = this.recognizer.recognize(input.text);
      add(recognition.skills.map((s) => ({ skillId: s.skillId, weight: Math.min(1, s.weight) })));
      const [top] = this.classifier.classify(recognition, 1);
      if (!occupation && top && top.score >= PROFILE_FILL_MIN_SCORE) {
        occupation = { code: top.code, name: top.name, score: top.score };
        add(this.occupation(top.code).skills.map((s) => ({ skillId: s.skillId, weight: s.weight * PROFILE_FILL_WEIGHT })));
      }
    }
    const skills = [...weights].map(([skillId, weight]) => ({ skillId, weight })).sort((a, b) => b.weight - a.weight || a.skillId - b.skillId);
    return { skills: skills.slice(0, MAX_DEMAND_SKILLS), occupation, omitted: Math.max(0, skills.length - MAX_DEMAND_SKILLS) };
  }

  /** A city expands to its districts; a district stays itself; the province means no filter. */
  regionFilter(code: string | undefined, field = 'regionCode'): string[] | undefined {
    if (!code || code === '320000') return undefined;
    const districts = this.districtsOfCity.get(code);
    if (districts) return districts;
    if (this.regions.has(code)) return [code];
    throw new InvalidInputError(field, `unknown region ${code}`);
  }

  /** Whether a region code lies in a planner's region (the province holds every code). */
  private inRegion(code: string, region: string): boolean {
    return region === PROVINCE_CODE || code === region || (this.districtsOfCity.get(region)?.includes(code) ?? false);
  }

  /**
   * The districts a candidate search covers. A city planner searches its own city: without a
   * region the search is the city, and a region or a radius centre outside it is refused.
   */
  private candidateRegions(
    req: { regionCode?: string | undefined; near?: { lng: number; lat: number } | undefined },
    viewer: ViewerContext,
  ): string[] | undefined {
    const requested = this.regionFilter(req.regionCode);
    const city = plannerCity(viewer);
    if (city === null) return requested;
    if (req.regionCode !== undefined && !this.inRegion(req.regionCode, city))
      throw new ForbiddenError(`regionCode: ${req.regionCode} is outside your region ${city}`);
    const boundary = this.cityBoundaries.get(city);
    if (req.near && boundary && !containsPoint(boundary, [req.near.lng, req.near.lat]))
      throw new ForbiddenError(`near: the point is outside your region ${city}`);
    return requested ?? this.regionFilter(city);
  }

  /**
   * A talent the viewer may look at by pseudonym. Outside a planner's region the talent does not
   * exist for it (404, not 403, so pseudonyms cannot be probed region by region).
   */
  private async visibleTalent(pseudonym: string, viewer: ViewerContext) {
    const id = this.talentIdOf(pseudonym, viewer);
    const talent = id === null ? null : await this.repo.talent(id);
    const region = plannerRegion(viewer);
    if (!talent || (region !== null && !this.inRegion(talent.regionCode, region))) throw new NotFoundError(`talent ${pseudonym}`);
    return talent;
  }

  /**
   * Where a talent's programs are measured from: its district's centre, public already. Distances
   * from its own cell to the public institutions would let one answer trilaterate the cell.
   */
  private districtCentreOf(talent: { regionCode: string }): { lng: number; lat: number } | undefined {
    return this.regions.get(talent.regionCode);
  }

  /** The pseudonym of a talent as this viewer sees it (keyed per enterprise or account: lists cannot be joined). */
  pseudonymFor(talentId: number, viewer: ViewerContext): string {
    const whose = pseudonymViewer(viewer);
    if (whose === null) throw new UnauthenticatedError('sign in to see talent-level results');
    return viewerPseudonym(this.piiKeys, whose, talentId);
  }

  /** The row id behind a pseudonym this viewer was given; null for one given to anybody else. */
  talentIdOf(pseudonym: string, viewer: ViewerContext): number | null {
    const whose = pseudonymViewer(viewer);
    return whose === null ? null : resolvePseudonym(this.piiKeys, whose, pseudonym);
  }

  /**
   * Roughly how many talents pass the filters: districts in the region, or whose centroid
   * lies within the radius (plus a margin for the district's own extent), at or above the grade.
   */
  estimateFiltered(filter: CandidateFilter): number {
    const regions = filter.regionCodes ? new Set(filter.regionCodes) : null;
    let n = 0;
    for (const d of this.distribution) {
      if (regions && !regions.has(d.regionCode)) continue;
      if (filter.minGrade !== undefined && d.grade < filter.minGrade) continue;
      n += d.talents;
    }
    return n;
  }

  /**
   * A radius becomes the set of districts that can hold a point inside it (centroid within
   * radius + the district's own extent + how far a talent's cell centre may lie outside it):
   * an exact superset the region index can use.
   */
  withRadiusDistricts(filter: CandidateFilter): CandidateFilter {
    const near = filter.near;
    if (!near) return filter;
    const reachable = [...this.districtsOfCity.values()].flat().filter((code) => {
      const d = this.regions.get(code);
      return d !== undefined && distanceKm([near.lng, near.lat], [d.lng, d.lat]) <= near.radiusKm + d.extentKm + TALENT_CELL_HALF_DIAGONAL_KM;
    });
    const allowed = filter.regionCodes ? reachable.filter((c) => filter.regionCodes?.includes(c)) : reachable;
    return { ...filter, regionCodes: allowed };
  }

  /** Retrieve, re-rank and explain: the core of /api/match/candidates and the evaluation harness. */
  async findCandidates(query: CandidateQuery): Promise<RankedCandidate[]> {
    const vector = this.space.embed(query.skills);
    if (!vector) return [];
    const filter = this.withRadiusDistricts(query.filter);
    const matchQuery = { skills: query.skills, vector, minGrade: query.filter.minGrade, near: query.filter.near };
    const scorer = candidateScorer(matchQuery, this.space);
    const profileOf = (row: CandidateRow) => ({ ...row, cosineDistance: row.distance });
    const rank = (row: CandidateRow): RankedCandidate => ({ row, scored: scorer.explain(profileOf(row)) });
    if (query.strategy === 'exact') {
      // The yardstick: every qualifying talent scored, the best `limit` kept slice by slice (other
      // requests are served between slices), and only those explained.
      let top: { row: CandidateRow; score: number }[] = [];
      for await (const batch of this.repo.filteredTalents(vector, filter, EXHAUSTIVE_BATCH))
        for (let at = 0; at < batch.length; at += SCORING_SLICE) {
          const slice = batch.slice(at, at + SCORING_SLICE).map((row) => ({ row, score: scorer.score(profileOf(row)) }));
          top = [...top, ...slice].sort((a, b) => bestFirst(a.score, a.row.id, b.score, b.row.id)).slice(0, query.limit);
          await setImmediate();
          query.signal?.throwIfAborted();
        }
      return top.map(({ row }) => rank(row));
    }
    const retrieval = query.retrieval ?? 'auto';
    const terms = scoreTerms(matchQuery, this.space);
    const scoredCost = this.estimateFiltered(filter) * Math.max(SCORED_SKILLS, query.skills.length);
    if (retrieval === 'scored' || (retrieval === 'auto' && scoredCost < EXACT_BELOW * SCORED_SKILLS)) {
      // A selective filter: the score itself computed in SQL for every talent that passes, the best kept with
      // a margin for the rounding the exact scoring here applies (near-ties may swap across the limit).
      const rows = await this.repo.scoredCandidates(vector, filter, terms, query.limit * SCORED_MARGIN);
      return rows.map(rank).sort(byScore).slice(0, query.limit);
    }
    const fetch = query.overfetch ?? Math.min(OVERFETCH.max, Math.max(OVERFETCH.min, query.limit * OVERFETCH.factor));
    const rows = await this.repo.candidates(vector, filter, fetch, retrieval === 'distance' ? 'exact' : 'hnsw', query.limit);
    const nearest = rows.map(rank).sort(byScore).slice(0, query.limit);
    if ((retrieval !== 'auto' && retrieval !== 'coverage') || nearest.length < query.limit) return nearest;
    return this.withCoveragePass(nearest, rows, { vector, filter, terms, limit: query.limit }, rank);
  }

  /**
   * The nearest by vector miss talents farther away whose coverage of the required skills lifts
   * them into the top (a broad skill set dilutes a vector). Any talent the index did not return is
   * at most as similar as the least similar it did, so to beat the last of the top it needs a
   * coverage that only holders of certain skills can have (skillsToReach): those are scored in SQL
   * (through the skill-holder index) and merged. First the holders of the heaviest required skill
   * alone (few, and they lift the last of the top, so fewer skills remain to ask for), then the
   * holders of whatever skills the new last still requires, until none remain: then the top is
   * exact up to the index. Given up after COVERAGE_PASS_MS, with the best found so far.
   */
  private async withCoveragePass(
    nearest: RankedCandidate[],
    rows: CandidateRow[],
    q: { vector: number[]; filter: CandidateFilter; terms: ReturnType<typeof scoreTerms>; limit: number },
    rank: (row: CandidateRow) => RankedCandidate,
  ): Promise<RankedCandidate[]> {
    const similarityCeiling = 1 - Math.max(...rows.map((r) => r.distance));
    const deadline = performance.now() + COVERAGE_PASS_MS;
    const asked = new Set<number>();
    let top = nearest;
    for (let stage = 0; ; stage++) {
      const last = (top.at(-1) as RankedCandidate).scored.score - SCORE_ROUNDING;
      const needed = skillsToReach(q.terms, coverageToBeat(q.terms, last, similarityCeiling));
      const fresh = (needed ?? []).filter((id) => !asked.has(id));
      if (fresh.length === 0) return top;
      // skillsToReach(terms, 1): the heaviest required skill and those related to it.
      const ask = stage === 0 ? (skillsToReach(q.terms, 1) ?? fresh).filter((id) => fresh.includes(id)) : fresh;
      const timeoutMs = deadline - performance.now();
      if (timeoutMs <= 0) return top;
      let holders: CandidateRow[];
      try {
        holders = await this.repo.scoredCandidates(q.vector, q.filter, q.terms, q.limit * SCORED_MARGIN, { holdingAny: ask, timeoutMs });
      } catch (error) {
        if (errorCode(error) === QUERY_CANCELED) return top;
        throw error;
      }
      for (const id of ask) asked.add(id);
      const seen = new Set(top.map((c) => c.row.id));
      top = [...top, ...holders.filter((r) => !seen.has(r.id)).map(rank)].sort(byScore).slice(0, q.limit);
    }
  }

  async candidates(
    req: {
      occupationCode?: string | undefined;
      text?: string | undefined;
      skills?: string[] | undefined;
      minGrade?: number | undefined;
      regionCode?: string | undefined;
      near?: { lng: number; lat: number; radiusKm: number } | undefined;
      availableOnly: boolean;
      limit: number;
      strategy: SearchStrategy;
    },
    viewer: ViewerContext,
    signal?: AbortSignal,
  ): Promise<Omit<CandidatesResponse, 'tookMs' | 'synthetic'>> {
    const regionCodes = this.candidateRegions(req, viewer);
    const demand = this.resolveDemand(req);
    const query = {
      skills: demand.skills.map((s) => ({ name: this.skillName(s.skillId), weight: Math.round(s.weight * 1000) / 1000 })),
      occupation: demand.occupation,
      ...(demand.omitted > 0 ? { skillsOmitted: demand.omitted } : {}),
    };
    if (demand.skills.length === 0) return { results: [], query, reason: 'no recognisable skill or occupation in the request' };
    const filter: CandidateFilter = { minGrade: req.minGrade, regionCodes, near: req.near, availableOnly: req.availableOnly };
    const ranked = await this.findCandidates({ skills: demand.skills, filter, limit: req.limit, strategy: req.strategy, signal });
    return {
      query,
      results: ranked.map(({ row, scored }) => ({
        talentId: this.pseudonymFor(row.id, viewer),
        score: scored.score,
        breakdown: scored.breakdown,
        matchedSkills: scored.matchedSkillIds.map(this.skillName),
        missingSkills: scored.missing.map((m) => this.skillName(m.skillId)),
        partialSkills: scored.missing
          .filter((m) => m.relatedSkillId !== null)
          .map((m) => ({ skill: this.skillName(m.skillId), via: this.skillName(m.relatedSkillId as number) })),
        regionCode: row.regionCode,
        regionName: this.regionNameOf(row.regionCode),
        grade: row.grade,
        gradeName: this.gradeName.get(row.grade) ?? String(row.grade),
        distanceBand: scored.distanceBand,
        available: row.openToOffers,
      })),
      ...(ranked.length === 0 ? { reason: 'no talent passes the filters' } : {}),
    };
  }

  /** Programs ranked by how much of a skill gap they close. */
  async programsFor(gap: WeightedSkill[], limit: number, learner?: { lng: number; lat: number }): Promise<ProgramMatch[]> {
    const vector = this.space.embed(gap);
    if (!vector) return [];
    const rows = await this.repo.programsNear(vector, Math.max(100, limit * 10));
    return rows
      .map((p) => ({ p, s: scoreProgram(gap, p, learner) }))
      .filter(({ s }) => s.coverage > 0)
      .sort((a, b) => b.s.score - a.s.score || a.p.id - b.p.id)
      .slice(0, limit)
      .map(({ p, s }) => this.programMatch(p, s));
  }

  private programMatch(p: ProgramRow, s: ReturnType<typeof scoreProgram>): ProgramMatch {
    return {
      programId: p.id,
      name: p.name,
      institution: {
        id: p.institutionId,
        name: p.institutionName,
        kind: p.institutionKind,
        regionCode: p.regionCode,
        regionName: this.regionNameOf(p.regionCode),
      },
      score: s.score,
      coverage: s.coverage,
      coversSkills: s.coveredSkillIds.map(this.skillName),
      hours: p.hours,
      grade: p.grade,
      mode: p.mode,
      subsidyEligible: p.subsidyEligible,
      distanceKm: s.distanceKm,
    };
  }

  /** Programs for a gap; with a `talentId`, that talent's own gap, which only TALENT_LEVEL viewers may ask about. */
  async programs(
    req: { occupationCode?: string | undefined; talentId?: string | undefined; skills?: string[] | undefined; regionCode?: string | undefined; limit: number },
    viewer: ViewerContext,
  ) {
    let gap: WeightedSkill[] = req.occupationCode ? this.occupation(req.occupationCode).skills : [];
    let learner: { lng: number; lat: number } | undefined;
    if (req.talentId) {
      if (viewer.role === 'anonymous') throw new UnauthenticatedError("talentId: sign in as a planner or an enterprise to close one talent's gap");
      if (!TALENT_LEVEL.includes(viewer.role)) throw new ForbiddenError(`talentId: the ${viewer.role} role may not look up one talent's gap`);
      const talent = await this.visibleTalent(req.talentId, viewer);
      gap = skillGap(talent.skills, gap).missing;
      learner = this.districtCentreOf(talent);
    }
    if (req.skills) gap = [...gap, ...this.resolveSkillNames(req.skills, 'skills').filter((s) => !gap.some((g) => g.skillId === s.skillId))];
    if (req.regionCode && !learner) {
      this.regionFilter(req.regionCode);
      learner = this.regions.get(req.regionCode);
    }
    const gapOut = gap.map((s) => ({ name: this.skillName(s.skillId), weight: s.weight }));
    if (gap.length === 0) return { gap: gapOut, results: [], reason: 'no skill gap: the talent already has every skill of the occupation' };
    const results = await this.programsFor(gap, req.limit, learner);
    return { gap: gapOut, results, ...(results.length === 0 ? { reason: 'no program teaches these skills' } : {}) };
  }

  /** Nearest occupations that are short in the talent's region, with the gap and the programs closing it. */
  async pathways(pseudonym: string, viewer: ViewerContext, limit = 5): Promise<PathwaysResponse> {
    const talent = await this.visibleTalent(pseudonym, viewer);
    const vector = talent.vector ?? this.space.embed(talentSkillWeights(talent.skills));
    const near = vector ? await this.repo.occupationsNear(vector, PATHWAY_CANDIDATES) : [];
    const shortage = await this.repo.shortage(
      talent.regionCode,
      near.map((o) => o.code),
    );
    // Occupations short in the region (bottleneck or watch) first, then those with known demand
    // there, nearest first within each; the nearest others fill in, so a worker always sees
    // somewhere to go (most of the 大典 has a profile but no vacancies in a given region).
    const demand = (o: { shortage: { short: boolean } | null }) => (o.shortage ? (o.shortage.short ? 2 : 1) : 0);
    const candidates = near
      .filter((o) => o.code !== talent.occupationCode)
      .map((o) => ({ ...o, shortage: shortage.get(o.code) ?? null }))
      .sort((a, b) => demand(b) - demand(a) || b.similarity - a.similarity)
      .slice(0, limit);
    const pathways = [];
    for (const o of candidates) {
      const { missing, shared } = skillGap(talent.skills, this.occupation(o.code).skills);
      pathways.push({
        occupation: { code: o.code, name: o.name },
        similarity: o.similarity,
        shortage: o.shortage && { score: o.shortage.score, ratio: o.shortage.ratio, short: o.shortage.short },
        sharedSkills: shared.map((s) => this.skillName(s.skillId)),
        missingSkills: missing.map((s) => ({ name: this.skillName(s.skillId), weight: s.weight })),
        programs: missing.length > 0 ? await this.programsFor(missing, 3, this.districtCentreOf(talent)) : [],
      });
    }
    return { talentId: pseudonym, regionCode: talent.regionCode, regionName: this.regionNameOf(talent.regionCode), grade: talent.grade, pathways };
  }

  /** Occupations nearest in skill space: transfer paths for workers leaving a declining job. */
  async related(code: string, limit: number) {
    const source = this.occupationByCode.get(code);
    if (!source) throw new NotFoundError(`occupation ${code}`);
    const vector = (await this.repo.occupationVector(code)) ?? this.space.embed(source.skills);
    if (!vector) return { occupation: { code, name: source.name }, items: [] };
    const own = new Set(source.skills.map((s) => s.skillId));
    const near = (await this.repo.occupationsNear(vector, limit + 1)).filter((o) => o.code !== code).slice(0, limit);
    return {
      occupation: { code, name: source.name },
      items: near.map((o) => {
        const target = this.occupation(o.code).skills;
        return {
          ...o,
          sharedSkills: target.filter((s) => own.has(s.skillId)).map((s) => this.skillName(s.skillId)),
          differingSkills: target.filter((s) => !own.has(s.skillId)).map((s) => this.skillName(s.skillId)),
        };
      }),
    };
  }
}

/** The farthest boundary vertex from a region's centroid, in km. */
function extentKm(centroid: readonly [number, number], geometry: { type: string; coordinates: unknown }): number {
  let max = 0;
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') max = Math.max(max, distanceKm(centroid, c as [number, number]));
    else if (Array.isArray(c)) c.forEach(visit);
  };
  visit(geometry.coordinates);
  return max;
}
