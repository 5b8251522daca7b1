import {
  ForbiddenError,
  NotFoundError,
  plannerRegion,
  regionWithin,
  type ContactRequest,
  type ContactRequestCreate,
  type ContactRequestUpdate,
  type ViewerContext,
} from '@talentmap/core';
import type { ContactRequestRepository, ContactRequestRow } from '@talentmap/db';
import type { AuditService } from './audit.service.js';
import type { MatchService } from './match.service.js';

/**
 * 推荐 through the public employment service: an enterprise asks to contact a candidate it was
 * shown; the planners of the talent's region see the request and act on it (they reach the
 * person through their own registers). No identity field is read or returned here: the request
 * carries the talent by pseudonym, and each viewer sees it by its own pseudonym.
 */
export class ContactRequestService {
  constructor(
    private readonly repo: ContactRequestRepository,
    private readonly match: MatchService,
    private readonly audit: AuditService,
  ) {}

  async create(viewer: ViewerContext, body: ContactRequestCreate): Promise<ContactRequest> {
    const enterpriseId = enterpriseOf(viewer);
    // A pseudonym issued to anyone else, or a vacancy of another enterprise, does not exist for this one.
    const talentId = this.match.talentIdOf(body.talentId, viewer);
    const regionCode = talentId === null ? null : await this.repo.talentDistrict(talentId);
    if (talentId === null || regionCode === null) throw new NotFoundError(`talent ${body.talentId}`);
    if (body.vacancyId !== undefined && !(await this.repo.ownsVacancy(enterpriseId, body.vacancyId))) throw new NotFoundError(`vacancy ${body.vacancyId}`);
    const id = await this.repo.create({
      enterpriseId,
      accountId: viewer.accountId ?? null,
      vacancyId: body.vacancyId ?? null,
      talentId,
      regionCode,
      message: body.message,
    });
    await this.audit.record(viewer, {
      action: 'contact-request',
      purpose: body.purpose,
      pseudonyms: [body.talentId],
      details: { contactRequest: id, vacancyId: body.vacancyId ?? null },
    });
    return this.view(await this.visible(id, viewer), viewer);
  }

  /** An enterprise's own requests; a planner's, about talents of its region. */
  async list(viewer: ViewerContext): Promise<ContactRequest[]> {
    const region = plannerRegion(viewer);
    const rows = region !== null ? await this.repo.inDistricts(this.match.regionFilter(region)) : await this.repo.ofEnterprise(enterpriseOf(viewer));
    return rows.map((row) => this.view(row, viewer));
  }

  async update(viewer: ViewerContext, id: number, change: ContactRequestUpdate): Promise<ContactRequest> {
    const row = await this.visible(id, viewer);
    if (plannerRegion(viewer) === null) throw new NotFoundError(`contact request ${id}`);
    await this.repo.update(id, { status: change.status, note: change.note ?? null, handledBy: viewer.accountId ?? null });
    const pseudonym = this.match.pseudonymFor(row.talentId, viewer);
    await this.audit.record(viewer, { action: 'contact-request-update', pseudonyms: [pseudonym], details: { contactRequest: id, status: change.status } });
    return this.view(await this.visible(id, viewer), viewer);
  }

  /** A request this viewer may see: its enterprise's own, or one in the planner's region; 404 otherwise (ids cannot be probed). */
  private async visible(id: number, viewer: ViewerContext): Promise<ContactRequestRow> {
    const row = await this.repo.byId(id);
    const region = plannerRegion(viewer);
    const mine = row !== null && (region !== null ? regionWithin(row.regionCode, region) : row.enterpriseId === enterpriseOfOrNull(viewer));
    if (!row || !mine) throw new NotFoundError(`contact request ${id}`);
    return row;
  }

  private view(row: ContactRequestRow, viewer: ViewerContext): ContactRequest {
    return {
      id: row.id,
      createdAt: row.createdAt,
      status: row.status,
      talentId: this.match.pseudonymFor(row.talentId, viewer),
      regionCode: row.regionCode,
      regionName: this.match.regionNameOf(row.regionCode),
      enterprise: { id: row.enterpriseId, name: row.enterpriseName },
      vacancy: row.vacancyId === null ? null : { id: row.vacancyId, title: row.vacancyTitle ?? '' },
      message: row.message,
      note: row.note,
      handledAt: row.handledAt,
    };
  }
}

const enterpriseOfOrNull = (viewer: ViewerContext) => (viewer.scope?.kind === 'enterprise' ? viewer.scope.enterpriseId : null);

function enterpriseOf(viewer: ViewerContext): number {
  const id = enterpriseOfOrNull(viewer);
  if (id === null) throw new ForbiddenError('only an enterprise account asks to contact a candidate');
  return id;
}
