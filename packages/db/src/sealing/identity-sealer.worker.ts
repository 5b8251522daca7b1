import { parentPort, workerData } from 'node:worker_threads';
import type { PiiKeys } from '@talentmap/core/pii';
import { sealedIdentityRows, type IdentityItem } from './identity-rows.js';

// Keys arrive as Uint8Arrays (structured clone); the ciphers take them as they are.
const keys = workerData.keys as PiiKeys;
parentPort?.on('message', ({ id, items }: { id: number; items: IdentityItem[] }) => {
  try {
    const rows = sealedIdentityRows(keys, items);
    // A copy of its own, so the whole ArrayBuffer can be handed over without copying again.
    const out = new Uint8Array(rows);
    parentPort?.postMessage({ id, rows: out }, [out.buffer]);
  } catch (error) {
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
