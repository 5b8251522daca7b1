import { NotFoundError, type Program, type ProgramCreate, type ProgramUpdate, type ViewerContext } from '@talentmap/core';
import type { OwnedRecordRepository, ProgramRecordRow } from '@talentmap/db';
import type { MatchService } from './match.service.js';
import { ownerOf, recordEmbedding, recordSkills } from './owned-records.js';

/** An institution's own programs: list, create, edit. Another institution's program does not exist for it (404). */
export class ProgramService {
  constructor(
    private readonly repo: OwnedRecordRepository,
    private readonly match: MatchService,
  ) {}

  async list(viewer: ViewerContext, q: { limit: number; offset: number }): Promise<{ items: Program[]; total: number }> {
    const { items, total } = await this.repo.programs(ownerOf(viewer, 'institution'), q);
    return { items: items.map((p) => this.view(p)), total };
  }

  async get(viewer: ViewerContext, id: number): Promise<Program> {
    return this.view(await this.own(viewer, id));
  }

  async create(viewer: ViewerContext, body: ProgramCreate): Promise<Program> {
    const institutionId = ownerOf(viewer, 'institution');
    for (const code of body.occupationCodes) this.match.occupation(code);
    const skills = recordSkills(this.match, body.skills, body.occupationCodes);
    const id = await this.repo.insertProgram({ ...body, institutionId, skills }, recordEmbedding(this.match, skills));
    return this.get(viewer, id);
  }

  async update(viewer: ViewerContext, id: number, change: ProgramUpdate): Promise<Program> {
    const current = await this.own(viewer, id);
    const { skills: names, ...fields } = change;
    for (const code of fields.occupationCodes ?? []) this.match.occupation(code);
    const next: ProgramRecordRow = { ...current, ...fields };
    if (names || fields.occupationCodes) next.skills = recordSkills(this.match, names, next.occupationCodes);
    await this.repo.updateProgram(next, recordEmbedding(this.match, next.skills));
    return this.get(viewer, id);
  }

  private async own(viewer: ViewerContext, id: number): Promise<ProgramRecordRow> {
    const row = await this.repo.program(id, ownerOf(viewer, 'institution'));
    if (!row) throw new NotFoundError(`program ${id}`);
    return row;
  }

  private view(p: ProgramRecordRow): Program {
    return { ...p, skills: p.skills.map((s) => this.match.skillNameOf(s.skillId)) };
  }
}
