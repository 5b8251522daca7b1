import {
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  type CandidatesResponse,
  type Vacancy,
  type VacancyCandidatesRequest,
  type VacancyCreate,
  type VacancyList,
  type VacancyListQuery,
  type VacancyUpdate,
  type ViewerContext,
} from '@talentmap/core';
import type { VacancyRepository, VacancyRow } from '@talentmap/db';
import type { MatchService } from './match.service.js';
import { districtCode, inPlannerRegion, ownerOf, plannerDistricts, recordEmbedding, recordSkills } from './owned-records.js';

/** Today in Jiangsu: a vacancy posted this morning in 苏州 is not dated yesterday by UTC. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/**
 * An enterprise's own vacancies (list, create, edit, close, search candidates for them) and a
 * planner's view of those in its region. A vacancy the viewer may not see does not exist for it
 * (404, not 403), so ids cannot be probed enterprise by enterprise or region by region.
 */
export class VacancyService {
  constructor(
    private readonly repo: VacancyRepository,
    private readonly match: MatchService,
  ) {}

  async list(viewer: ViewerContext, q: VacancyListQuery): Promise<VacancyList> {
    const enterpriseId = viewer.scope?.kind === 'enterprise' ? viewer.scope.enterpriseId : undefined;
    if (enterpriseId === undefined && viewer.role !== 'planner') throw new ForbiddenError(`the ${viewer.role} role may not list vacancies`);
    if (q.occupationCode) this.match.occupation(q.occupationCode);
    const regionCodes = plannerDistricts(this.match, viewer, q.regionCode);
    const { items, total } = await this.repo.list({ ...q, enterpriseId, regionCodes });
    return { items: items.map((v) => this.view(v)), total };
  }

  async get(viewer: ViewerContext, id: number): Promise<Vacancy> {
    return this.view(await this.visible(viewer, id));
  }

  async create(viewer: ViewerContext, body: VacancyCreate): Promise<Vacancy> {
    const enterpriseId = ownerOf(viewer, 'enterprise');
    this.match.occupation(body.occupationCode);
    const regionCode = body.regionCode ? districtCode(this.match, body.regionCode, 'regionCode') : await this.repo.enterpriseDistrict(enterpriseId);
    if (!regionCode) throw new NotFoundError(`enterprise ${enterpriseId}`);
    const postedOn = body.postedOn ?? today();
    if (postedOn > today()) throw new InvalidInputError('postedOn', 'is in the future');
    const skills = recordSkills(this.match, body, [body.occupationCode]);
    const { skills: _names, text: _text, ...fields } = body;
    const id = await this.repo.insert({ ...fields, enterpriseId, regionCode, skills, postedOn }, recordEmbedding(this.match, skills));
    return this.get(viewer, id);
  }

  async update(viewer: ViewerContext, id: number, change: VacancyUpdate): Promise<Vacancy> {
    const current = await this.own(viewer, id);
    const { skills: names, text, status, regionCode, ...fields } = change;
    const next: VacancyRow = { ...current, ...fields };
    if (fields.occupationCode) this.match.occupation(fields.occupationCode);
    if (regionCode) next.regionCode = districtCode(this.match, regionCode, 'regionCode');
    if (next.wageMax < next.wageMin) throw new InvalidInputError(fields.wageMax === undefined ? 'wageMin' : 'wageMax', 'wageMax must be at least wageMin');
    if (fields.postedOn && fields.postedOn > today()) throw new InvalidInputError('postedOn', 'is in the future');
    if (names || text || fields.occupationCode) next.skills = recordSkills(this.match, { skills: names, text }, [next.occupationCode]);
    if (status === 'closed') next.filledOn = current.filledOn ?? today();
    if (status === 'open') next.filledOn = null;
    if (next.filledOn !== null && next.filledOn < next.postedOn) throw new InvalidInputError('postedOn', `is after the vacancy was filled (${next.filledOn})`);
    await this.repo.update(next, recordEmbedding(this.match, next.skills));
    return this.get(viewer, id);
  }

  /**
   * The candidate search (MatchService.candidates, as `POST /api/match/candidates` runs it) with
   * the vacancy as the request: its occupation and skills, its grade as the minimum, its city, or
   * a radius around its district's centre.
   */
  async candidates(viewer: ViewerContext, id: number, req: VacancyCandidatesRequest): Promise<Omit<CandidatesResponse, 'tookMs' | 'synthetic'>> {
    const vacancy = await this.visible(viewer, id);
    const district = await this.repo.district(vacancy.regionCode);
    const near = req.radiusKm !== undefined && district ? { lng: district.lng, lat: district.lat, radiusKm: req.radiusKm } : undefined;
    return this.match.candidates(
      {
        occupationCode: vacancy.occupationCode,
        skills: vacancy.skills.length > 0 ? vacancy.skills.map((s) => this.match.skillNameOf(s.skillId)) : undefined,
        minGrade: vacancy.grade,
        regionCode: near ? undefined : (district?.cityCode ?? vacancy.regionCode),
        near,
        availableOnly: req.availableOnly,
        limit: req.limit,
        strategy: 'hnsw',
      },
      viewer,
    );
  }

  /** A vacancy the viewer may read: its enterprise's own, or one in a planner's region. */
  private async visible(viewer: ViewerContext, id: number): Promise<VacancyRow> {
    const row = await this.repo.byId(id);
    const scope = viewer.scope;
    const visible =
      row !== null &&
      ((scope?.kind === 'enterprise' && scope.enterpriseId === row.enterpriseId) ||
        (viewer.role === 'planner' && inPlannerRegion(this.match, viewer, row.regionCode)));
    if (!visible) throw new NotFoundError(`vacancy ${id}`);
    return row;
  }

  /** A vacancy the viewer may change: its enterprise's own. */
  private async own(viewer: ViewerContext, id: number): Promise<VacancyRow> {
    const enterpriseId = ownerOf(viewer, 'enterprise');
    const row = await this.repo.byId(id);
    if (!row || row.enterpriseId !== enterpriseId) throw new NotFoundError(`vacancy ${id}`);
    return row;
  }

  private view(v: VacancyRow): Vacancy {
    return {
      ...v,
      skills: v.skills.map((s) => this.match.skillNameOf(s.skillId)),
      regionName: this.match.regionNameOf(v.regionCode),
      status: v.filledOn === null ? 'open' : 'closed',
    };
  }
}
