import { sql } from 'drizzle-orm';
import type { TxClient } from '../client.js';

/** One talent_identities row as stored: each field sealed (AES-GCM, @talentmap/core/pii). */
export interface SealedIdentity {
  talentId: number;
  fullNameSealed: Buffer;
  phoneSealed: Buffer;
  idNumberSealed: Buffer;
}

/** A row re-sealed under a new key, with its ID number's blind index and its digest under that key. */
export interface ResealedIdentity extends SealedIdentity {
  idNumberIndex: string;
  digest: string;
}

/**
 * The sealed identities, for key rotation only: no request path reads this table. Bytea travels
 * as hex, because PGlite and postgres.js hand bytea back as different types.
 */
export class IdentityRepository {
  constructor(private readonly client: TxClient) {}

  async countUnderKey(keyId: string): Promise<number> {
    const [row] = await this.client.rows<{ n: number }>(sql`select count(*)::int as n from talent_identities where key_id = ${keyId}`);
    return Number(row?.n ?? 0);
  }

  /** How many rows are sealed under each key id. */
  async keyCounts(): Promise<Record<string, number>> {
    const rows = await this.client.rows<{ keyId: string; n: number }>(sql`select key_id as "keyId", count(*)::int as n from talent_identities group by key_id`);
    return Object.fromEntries(rows.map((r) => [r.keyId, Number(r.n)]));
  }

  /** The next rows under a key after a talent id, locked until the transaction ends. */
  async batchUnderKey(keyId: string, afterTalentId: number, limit: number): Promise<SealedIdentity[]> {
    const rows = await this.client.rows<{ talentId: number; fullName: string; phone: string; idNumber: string }>(sql`
      select talent_id as "talentId", encode(full_name_sealed, 'hex') as "fullName", encode(phone_sealed, 'hex') as "phone",
             encode(id_number_sealed, 'hex') as "idNumber"
      from talent_identities where key_id = ${keyId} and talent_id > ${afterTalentId}
      order by talent_id limit ${limit} for update`);
    return rows.map((r) => ({
      talentId: Number(r.talentId),
      fullNameSealed: Buffer.from(r.fullName, 'hex'),
      phoneSealed: Buffer.from(r.phone, 'hex'),
      idNumberSealed: Buffer.from(r.idNumber, 'hex'),
    }));
  }

  /** Replaces rows still under `fromKeyId` with their re-sealed fields, now under `toKeyId`. */
  async reseal(rows: ResealedIdentity[], fromKeyId: string, toKeyId: string): Promise<void> {
    if (rows.length === 0) return;
    const hex = (b: Buffer) => sql`decode(${b.toString('hex')}, 'hex')`;
    const values = rows.map(
      (r) => sql`(${r.talentId}::bigint, ${hex(r.fullNameSealed)}, ${hex(r.phoneSealed)}, ${hex(r.idNumberSealed)}, ${r.idNumberIndex}, ${r.digest})`,
    );
    await this.client.rows(sql`
      update talent_identities t
      set full_name_sealed = v.full_name, phone_sealed = v.phone, id_number_sealed = v.id_number, id_number_index = v.id_index, digest = v.digest, key_id = ${toKeyId}
      from (values ${sql.join(values, sql`, `)}) as v(talent_id, full_name, phone, id_number, id_index, digest)
      where t.talent_id = v.talent_id and t.key_id = ${fromKeyId}`);
  }
}
