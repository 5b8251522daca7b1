import type { DatasetRepository } from '@talentmap/db';

/** Which dataset is loaded: every answer built from records says whether they are synthetic. */
export class DatasetService {
  constructor(private readonly repo: DatasetRepository) {}

  kind() {
    return this.repo.kind();
  }

  async isSynthetic(): Promise<boolean> {
    return (await this.repo.kind()) === 'synthetic-demo';
  }
}
