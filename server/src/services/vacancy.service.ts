import {
  InvalidInputError,
  NotFoundError,
  type Vacancy,
  type VacancyCreate,
  type VacancyListQuery,
  type VacancyUpdate,
  type ViewerContext,
} from '@talentmap/core';
import type { OwnedRecordRepository, VacancyRow } from '@talentmap/db';
import type { MatchService } from './match.service.js';
import { districtCode, ownerOf, recordEmbedding, recordSkills } from './owned-records.js';

const today = () => new Date().toISOString().slice(0, 10);

/** An enterprise's own vacancies: list, create, edit, close. Another enterprise's vacancy does not exist for it (404). */
export class VacancyService {
  constructor(
    private readonly repo: OwnedRecordRepository,
    private readonly match: MatchService,
  ) {}

  async list(viewer: ViewerContext, q: VacancyListQuery): Promise<{ items: Vacancy[]; total: number }> {
    const { items, total } = await this.repo.vacancies(ownerOf(viewer, 'enterprise'), q);
    return { items: items.map((v) => this.view(v)), total };
  }

  async get(viewer: ViewerContext, id: number): Promise<Vacancy> {
    return this.view(await this.own(viewer, id));
  }

  async create(viewer: ViewerContext, body: VacancyCreate): Promise<Vacancy> {
    const enterpriseId = ownerOf(viewer, 'enterprise');
    this.match.occupation(body.occupationCode);
    const regionCode = body.regionCode ? districtCode(this.match, body.regionCode, 'regionCode') : await this.repo.enterpriseDistrict(enterpriseId);
    if (!regionCode) throw new NotFoundError(`enterprise ${enterpriseId}`);
    const skills = recordSkills(this.match, body.skills, [body.occupationCode]);
    const { skills: _names, ...fields } = body;
    const id = await this.repo.insertVacancy(
      { ...fields, enterpriseId, regionCode, skills, postedOn: body.postedOn ?? today() },
      recordEmbedding(this.match, skills),
    );
    return this.get(viewer, id);
  }

  async update(viewer: ViewerContext, id: number, change: VacancyUpdate): Promise<Vacancy> {
    const current = await this.own(viewer, id);
    const { skills: names, status, regionCode, ...fields } = change;
    const next: VacancyRow = { ...current, ...fields };
    if (fields.occupationCode) this.match.occupation(fields.occupationCode);
    if (regionCode) next.regionCode = districtCode(this.match, regionCode, 'regionCode');
    if (next.wageMax < next.wageMin) throw new InvalidInputError('wageMax', 'must be at least wageMin');
    if (names || fields.occupationCode) next.skills = recordSkills(this.match, names, [next.occupationCode]);
    if (status === 'closed') next.filledOn = current.filledOn ?? today();
    if (status === 'open') next.filledOn = null;
    await this.repo.updateVacancy(next, recordEmbedding(this.match, next.skills));
    return this.get(viewer, id);
  }

  private async own(viewer: ViewerContext, id: number): Promise<VacancyRow> {
    const row = await this.repo.vacancy(id, ownerOf(viewer, 'enterprise'));
    if (!row) throw new NotFoundError(`vacancy ${id}`);
    return row;
  }

  private view(v: VacancyRow): Vacancy {
    return { ...v, skills: v.skills.map((s) => this.match.skillNameOf(s.skillId)), status: v.filledOn === null ? 'open' : 'closed' };
  }
}
