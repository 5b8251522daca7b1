import { discloseGroup, disclose, disclosureFor, type EnterprisePoints, type TalentDensity, type ViewerContext } from '@talentmap/core';
import type { MapRepository } from '@talentmap/db';
import { h3ResolutionFor, hexbin } from '@talentmap/geo';
import type { MatchService } from './match.service.js';
import type { ReferenceService } from './reference.service.js';

type Density = Omit<TalentDensity, 'synthetic'>;
/** A layer's true counts, cached; each answer publishes them for its viewer. */
interface DensityCounts {
  cells: { ring: [number, number][]; count: number }[];
  total: number;
}
const DENSITY_CACHE_SIZE = 64;

/** Map layers: talent density as hexagons (never points), enterprises as points. */
export class MapService {
  // Layers change only when data is reloaded; a handful of filter combinations cover the UI.
  private readonly densityCache = new Map<string, Promise<DensityCounts>>();

  constructor(
    private readonly repo: MapRepository,
    private readonly reference: ReferenceService,
    private readonly matcher: MatchService,
  ) {}

  /**
   * Hexagons cover the province without regard to borders: exact for a provincial planner only,
   * protected for everyone else (the cells one group with the total beside them).
   */
  async talentDensity(query: { cellKm: number; occupation?: string | undefined; minGrade?: number | undefined }, viewer: ViewerContext): Promise<Density> {
    const { cells, total } = await this.densityCounts(query);
    const disclosure = disclosureFor(viewer, null);
    const counts = discloseGroup(
      disclosure,
      cells.map((c) => c.count),
    );
    return {
      type: 'FeatureCollection',
      features: cells.map((c, i) => {
        const count = counts[i] ?? null;
        return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [c.ring] }, properties: { count, suppressed: count === null } };
      }),
      total: disclose(disclosure, total),
      cellKm: query.cellKm,
      disclosure,
    };
  }

  /** Forgets the cached layers: the next request counts the talents afresh (after an import). */
  invalidate(): void {
    this.densityCache.clear();
  }

  private densityCounts(query: { cellKm: number; occupation?: string | undefined; minGrade?: number | undefined }): Promise<DensityCounts> {
    const { cellKm, occupation, minGrade } = query;
    if (occupation) this.matcher.occupation(occupation);
    const key = JSON.stringify([cellKm, occupation, minGrade]);
    let layer = this.densityCache.get(key);
    if (!layer) {
      if (this.densityCache.size > DENSITY_CACHE_SIZE) this.densityCache.delete(this.densityCache.keys().next().value as string);
      layer = this.buildDensity(cellKm, { occupation, minGrade });
      this.densityCache.set(key, layer);
      layer.catch(() => this.densityCache.delete(key));
    }
    return layer;
  }

  private async buildDensity(cellKm: number, filter: { occupation?: string | undefined; minGrade?: number | undefined }): Promise<DensityCounts> {
    // Pre-aggregate on a grid a fifth of the hexagon size, then bin the grid cells.
    const grid = await this.repo.talentGrid(Math.max(0.01, cellKm / 5 / 111), filter);
    const cells = hexbin(grid, h3ResolutionFor(cellKm));
    return { cells: cells.map((c) => ({ ring: c.ring, count: c.count })), total: grid.reduce((s, g) => s + g.weight, 0) };
  }

  async enterprises(filter: { chain?: string | undefined; cluster?: string | undefined }): Promise<Omit<EnterprisePoints, 'synthetic'>> {
    await this.reference.assertGroups(filter);
    const rows = await this.repo.enterprises(filter);
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [Number(r.lng), Number(r.lat)] },
        properties: {
          id: Number(r.id),
          name: r.name,
          chainCode: r.chainCode,
          chainName: r.chainName,
          clusterCode: r.clusterCode,
          size: r.size,
          chainLeader: r.chainLeader,
          regionCode: r.regionCode,
        },
      })),
    };
  }
}
