import type { DbClient } from '@talentmap/db';
import type { Progress } from './demo/load-demo.js';
import { fillEmbeddings } from './embeddings.js';
import { refreshShortageRollups } from './shortage-rollups.js';

/**
 * Derived data rebuilt after every load (demo seed or import): each step reads the raw
 * tables and writes what the API serves from. Steps run in order; each reports progress.
 */
export async function afterLoad(client: DbClient, onProgress: (p: Progress) => void = () => {}): Promise<void> {
  const steps: { stage: string; run: (client: DbClient) => Promise<void> }[] = [
    { stage: 'skill vectors', run: (c) => fillEmbeddings(c) },
    { stage: 'shortage rollups', run: async (c) => void (await refreshShortageRollups(c)) },
  ];
  for (const step of steps) {
    onProgress({ stage: step.stage, done: 0, total: 1 });
    await step.run(client);
    onProgress({ stage: step.stage, done: 1, total: 1 });
  }
}
