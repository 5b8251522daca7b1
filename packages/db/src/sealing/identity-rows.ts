import { BinaryCopyRows, type BinaryType } from '../copy-binary.js';
import { sealIdentity, type Identity, type PiiKeys } from '@talentmap/core/pii';

/** talent_identities' columns and their binary COPY types. */
export const IDENTITY_COLUMNS = {
  talent_id: 'int8',
  full_name_sealed: 'bytea',
  phone_sealed: 'bytea',
  id_number_sealed: 'bytea',
  id_number_index: 'text',
  key_id: 'text',
  digest: 'text',
} as const satisfies Record<string, BinaryType>;

export type IdentityItem = [talentId: number, identity: Identity];

/** The rows of talent_identities in COPY's binary form: each identity sealed under PII_KEY (sealIdentity). */
export function sealedIdentityRows(keys: PiiKeys, items: readonly IdentityItem[]): Buffer {
  const rows = new BinaryCopyRows(Object.values(IDENTITY_COLUMNS));
  for (const [talentId, identity] of items) {
    const s = sealIdentity(keys, talentId, identity);
    rows.add([talentId, s.fullNameSealed, s.phoneSealed, s.idNumberSealed, s.idNumberIndex, s.keyId, s.digest]);
  }
  return rows.finish();
}
