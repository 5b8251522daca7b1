import { decryptField, encryptField, idNumberBlindIndex, identityDigest, type PiiKeys } from '@talentmap/core/pii';
import { IdentityRepository, type DbClient, type ResealedIdentity, type SealedIdentity } from '@talentmap/db';

export interface RotationProgress {
  /** Rows re-sealed so far. */
  done: number;
  /** Rows under the previous key when the rotation started. */
  total: number;
}

export interface RotationOptions {
  from: PiiKeys;
  to: PiiKeys;
  /** Rows per transaction. */
  batchSize?: number;
  onProgress?: (progress: RotationProgress) => void;
}

/** One row's fields opened under `from` and sealed under `to`, each bound to `talent:<id>:<column>` as the seed binds them. */
function reseal(row: SealedIdentity, from: PiiKeys, to: PiiKeys): ResealedIdentity {
  const move = (sealed: Buffer, column: string) => {
    const context = `talent:${row.talentId}:${column}`;
    const plain = decryptField(from, sealed, context);
    return { plain, sealed: encryptField(to, plain, context) };
  };
  const idNumber = move(row.idNumberSealed, 'id_number');
  const fullName = move(row.fullNameSealed, 'full_name');
  const phone = move(row.phoneSealed, 'phone');
  return {
    talentId: row.talentId,
    fullNameSealed: fullName.sealed,
    phoneSealed: phone.sealed,
    idNumberSealed: idNumber.sealed,
    idNumberIndex: idNumberBlindIndex(to, idNumber.plain),
    digest: identityDigest(to, { fullName: fullName.plain, phone: phone.plain, idNumber: idNumber.plain }),
  };
}

/**
 * Re-seals every talent_identities row still under `from` with `to` and recomputes its blind
 * index, one batch per transaction: an interruption leaves whole batches done and the rest under
 * the old key, and running it again picks up where it stopped. A row that does not decrypt under
 * `from` fails its batch (nothing of that batch changes) and stops the rotation, rather than
 * being skipped silently.
 */
export async function rotatePiiKeys(client: DbClient, { from, to, batchSize = 1_000, onProgress }: RotationOptions): Promise<RotationProgress> {
  if (from.keyId === to.keyId) throw new Error('PII_KEY_PREVIOUS and PII_KEY are the same key');
  const progress: RotationProgress = { done: 0, total: await new IdentityRepository(client).countUnderKey(from.keyId) };
  let after = 0;
  for (;;) {
    const rotated = await client.transaction(async (tx) => {
      const repo = new IdentityRepository(tx);
      const rows = await repo.batchUnderKey(from.keyId, after, batchSize);
      await repo.reseal(
        rows.map((row) => reseal(row, from, to)),
        from.keyId,
        to.keyId,
      );
      return rows;
    });
    if (rotated.length === 0) break;
    after = rotated.at(-1)!.talentId;
    progress.done += rotated.length;
    onProgress?.({ ...progress });
  }
  return progress;
}

/** How many rows are sealed under each key id: what an operator checks before destroying the previous key. */
export const identityKeyCounts = (client: DbClient) => new IdentityRepository(client).keyCounts();
