import {
  ForbiddenError,
  NotFoundError,
  type Program,
  type ProgramCreate,
  type ProgramList,
  type ProgramListQuery,
  type ProgramUpdate,
  type ViewerContext,
} from '@talentmap/core';
import type { ProgramRecordRow, ProgramRepository } from '@talentmap/db';
import type { MatchService } from './match.service.js';
import { inPlannerRegion, ownerOf, plannerDistricts, recordEmbedding, recordSkills } from './owned-records.js';

/**
 * An institution's own programs (list, create, edit), a planner's view of those in its region and
 * an admin's of all. A program the viewer may not see does not exist for it (404, not 403).
 * Anyone may see programs as the public institution and match answers show them.
 */
export class ProgramService {
  constructor(
    private readonly repo: ProgramRepository,
    private readonly match: MatchService,
  ) {}

  async list(viewer: ViewerContext, q: ProgramListQuery): Promise<ProgramList> {
    const institutionId = viewer.scope?.kind === 'institution' ? viewer.scope.institutionId : undefined;
    if (institutionId === undefined && viewer.role !== 'planner' && viewer.role !== 'admin')
      throw new ForbiddenError(`the ${viewer.role} role may not list programs`);
    if (q.occupationCode) this.match.occupation(q.occupationCode);
    const regionCodes = plannerDistricts(this.match, viewer, q.regionCode);
    const { items, total } = await this.repo.list({ ...q, institutionId, regionCodes });
    return { items: items.map((p) => this.view(p)), total };
  }

  async get(viewer: ViewerContext, id: number): Promise<Program> {
    return this.view(await this.visible(viewer, id));
  }

  async create(viewer: ViewerContext, body: ProgramCreate): Promise<Program> {
    const institutionId = ownerOf(viewer, 'institution');
    for (const code of body.occupationCodes) this.match.occupation(code);
    const skills = recordSkills(this.match, body, body.occupationCodes);
    const id = await this.repo.insert({ ...body, institutionId, skills }, recordEmbedding(this.match, skills));
    return this.get(viewer, id);
  }

  async update(viewer: ViewerContext, id: number, change: ProgramUpdate): Promise<Program> {
    const current = await this.own(viewer, id);
    const { skills: names, ...fields } = change;
    for (const code of fields.occupationCodes ?? []) this.match.occupation(code);
    const next: ProgramRecordRow = { ...current, ...fields };
    if (names || fields.occupationCodes) next.skills = recordSkills(this.match, { skills: names }, next.occupationCodes);
    await this.repo.update(next, recordEmbedding(this.match, next.skills));
    return this.get(viewer, id);
  }

  /** A program the viewer may read: its institution's own, one in a planner's region, or any for an admin. */
  private async visible(viewer: ViewerContext, id: number): Promise<ProgramRecordRow> {
    const row = await this.repo.byId(id);
    const scope = viewer.scope;
    const visible =
      row !== null &&
      (viewer.role === 'admin' ||
        (scope?.kind === 'institution' && scope.institutionId === row.institutionId) ||
        (viewer.role === 'planner' && inPlannerRegion(this.match, viewer, row.regionCode)));
    if (!visible) throw new NotFoundError(`program ${id}`);
    return row;
  }

  /** A program the viewer may change: its institution's own. */
  private async own(viewer: ViewerContext, id: number): Promise<ProgramRecordRow> {
    const institutionId = ownerOf(viewer, 'institution');
    const row = await this.repo.byId(id);
    if (!row || row.institutionId !== institutionId) throw new NotFoundError(`program ${id}`);
    return row;
  }

  private view(p: ProgramRecordRow): Program {
    return { ...p, skills: p.skills.map((s) => this.match.skillNameOf(s.skillId)), regionName: this.match.regionNameOf(p.regionCode) };
  }
}
