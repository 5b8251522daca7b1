import {
  ForbiddenError,
  NotFoundError,
  PROVINCE_CODE,
  disclosureFor,
  plannerRegion,
  regionWithin,
  type Catalog,
  type CatalogEntry,
  type CatalogQuery,
  type PublicationSummary,
  type PublishCatalog,
  type ViewerContext,
} from '@talentmap/core';
import type { CatalogPublicationRepository, PublicationRow, ReferenceRepository } from '@talentmap/db';
import { publishMarket, type ShortageService } from './shortage.service.js';

const NOT_PUBLISHED = '该区域尚未发布紧缺职业目录（规划人员发布后在此公开）';
/** A publication freezes this many rows at most: the whole catalogue, not one page of it. */
const PUBLISH_LIMIT = 500;
const TITLE = (year: string, region: string) => `${year}年${region}紧缺职业目录`;
const DEMO_NOTE = '（演示发布，合成数据）';

type CatalogAnswer = Omit<Catalog, 'synthetic'>;

/**
 * The yearly 紧缺职业目录: a planner inside its region sees it computed live; everyone else sees
 * the latest publication — a frozen, dated copy a planner published — with counts of people
 * protected as for any public aggregate.
 */
export class CatalogService {
  constructor(
    private readonly repo: CatalogPublicationRepository,
    private readonly shortage: ShortageService,
    private readonly reference: ReferenceRepository,
  ) {}

  async catalog(q: Omit<CatalogQuery, 'format'>, viewer: ViewerContext): Promise<CatalogAnswer> {
    const region = q.region ?? PROVINCE_CODE;
    const live = await this.shortage.catalog(q, viewer);
    if (live.disclosure === 'exact') return { ...live, publication: null };
    const publication = await this.repo.latest(region, q.year);
    if (!publication) return { ...live, items: [], total: 0, publication: null, note: NOT_PUBLISHED };
    const items = (await this.filtered(publication, q)).slice(0, q.limit).map((e, i) => protectEntry({ ...e, rank: i + 1 }));
    return { ...live, year: publication.year, items, total: items.length, publication: summary(publication), note: undefined };
  }

  /** Freezes the live catalogue of a region (the planner's own, or one inside it) as a new publication. */
  async publish(viewer: ViewerContext, body: PublishCatalog): Promise<PublicationSummary> {
    const own = plannerRegion(viewer);
    if (own === null) throw new ForbiddenError('only a planner publishes the catalogue');
    const region = body.region ?? own;
    if (!regionWithin(region, own)) throw new ForbiddenError(`region: ${region} is outside your region ${own}`);
    return this.freeze(viewer, region, { year: body.year, title: body.title, publishedBy: viewer.accountId ?? null });
  }

  async list(region: string | undefined, limit: number): Promise<PublicationSummary[]> {
    return this.repo.list(region, limit);
  }

  /** One publication, its entries protected unless the viewer is a planner inside its region. */
  async publication(id: number, viewer: ViewerContext): Promise<PublicationSummary & { entries: CatalogEntry[] }> {
    const row = await this.repo.byId(id);
    if (!row) throw new NotFoundError(`publication ${id}`);
    const exact = disclosureFor(viewer, row.regionCode) === 'exact';
    return { ...summary(row), entries: exact ? row.entries : row.entries.map(protectEntry) };
  }

  /** On the synthetic demo, a first publication for the province and each city, so the public has a catalogue to read. */
  async publishDemo(): Promise<number> {
    if ((await this.repo.count()) > 0) return 0;
    const cities = await this.reference.regions('city');
    const planner = { role: 'planner', scope: { kind: 'region', regionCode: PROVINCE_CODE } } as const;
    for (const code of [PROVINCE_CODE, ...cities.map((c) => c.properties.code)]) await this.freeze(planner, code, { publishedBy: null, demo: true });
    return cities.length + 1;
  }

  private async freeze(
    viewer: ViewerContext,
    region: string,
    options: { year?: string | undefined; title?: string | undefined; publishedBy: number | null; demo?: boolean },
  ) {
    const live = await this.shortage.catalog({ region, year: options.year, limit: PUBLISH_LIMIT }, viewer);
    const id = await this.repo.create({
      year: live.year,
      regionCode: region,
      title: options.title ?? TITLE(live.year, live.region.name) + (options.demo ? DEMO_NOTE : ''),
      period: live.year,
      publishedBy: options.publishedBy,
      entries: live.items,
    });
    const row = await this.repo.byId(id);
    return summary(row as PublicationRow);
  }

  /** The publication's entries under the query's grade, chain or cluster. */
  private async filtered(publication: PublicationRow, q: Omit<CatalogQuery, 'format'>): Promise<CatalogEntry[]> {
    const chains = q.chain ? new Set([q.chain]) : q.cluster ? new Set((await this.reference.chains({ cluster: q.cluster })).map((c) => c.code)) : null;
    return publication.entries.filter((e) => (q.grade === undefined || e.grade === q.grade) && (!chains || e.chains.some((c) => chains.has(c.code))));
  }
}

const summary = ({ id, year, regionCode, regionName, title, period, publishedAt, entryCount }: PublicationSummary): PublicationSummary => ({
  id,
  year,
  regionCode,
  regionName,
  title,
  period,
  publishedAt,
  entryCount,
});

/** A frozen entry as the public reads it: seekers protected, the ratio from what is shown. */
const protectEntry = (e: CatalogEntry): CatalogEntry => publishMarket(e, 'protected');
