import { InvalidInputError, type RegionCollection } from '@talentmap/core';
import type { ReferenceRepository } from '@talentmap/db';

type RegionLevel = 'province' | 'city' | 'district';

/** Regions, clusters, chains, grades, occupations and skills: the reference data the map and matcher share. */
export class ReferenceService {
  // Boundaries are large and immutable once loaded: build each collection once per process.
  private readonly regionCache = new Map<string, Promise<RegionCollection>>();

  constructor(private readonly repo: ReferenceRepository) {}

  async regions(level: RegionLevel, parent: string | undefined): Promise<RegionCollection> {
    if (parent && !(await this.repo.regionExists(parent))) throw new InvalidInputError('parent', `unknown region code ${parent}`);
    const key = `${level}:${parent ?? ''}`;
    let collection = this.regionCache.get(key);
    if (!collection) {
      collection = this.repo.regions(level, parent).then((features) => ({ type: 'FeatureCollection' as const, features }));
      this.regionCache.set(key, collection);
      collection.catch(() => this.regionCache.delete(key));
    }
    return collection;
  }

  clusters() {
    return this.repo.clusters();
  }

  chains(filter: Parameters<ReferenceRepository['chains']>[0]) {
    return this.repo.chains(filter);
  }

  grades() {
    return this.repo.grades();
  }

  /** Unknown chain or cluster codes are an error naming the field, never an empty answer. */
  async assertGroups(filter: { chain?: string | undefined; cluster?: string | undefined }): Promise<void> {
    const { chain, cluster } = filter;
    if (chain && (await this.repo.chains({})).every((c) => c.code !== chain)) throw new InvalidInputError('chain', `unknown chain ${chain}`);
    if (cluster && (await this.repo.clusters()).every((c) => c.code !== cluster)) throw new InvalidInputError('cluster', `unknown cluster ${cluster}`);
  }

  async searchOccupations(query: { q?: string | undefined; limit: number; offset: number; chain?: string | undefined }) {
    await this.assertGroups({ chain: query.chain });
    return this.repo.searchOccupations(query.q || undefined, query.limit, query.offset, query.chain);
  }

  occupationTree() {
    return this.repo.occupationTree();
  }

  searchSkills(query: { q?: string | undefined; limit: number; offset: number }) {
    return this.repo.searchSkills(query.q || undefined, query.limit, query.offset);
  }
}
