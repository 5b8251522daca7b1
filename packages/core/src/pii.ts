import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomFillSync } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PSEUDONYM_PATTERN } from './match.schema.js';

// Node-only (node:crypto, node:fs): reached through '@talentmap/core/pii', never through the
// index the web app imports.

/**
 * The keys that protect talents' personal information, all derived (HKDF-SHA256) from one
 * 32-byte master key, PII_KEY:
 * - `identity`: AES-256-GCM for names, phone and ID numbers in talent_identities;
 * - `blindIndex`: HMAC-SHA256 of a normalised ID number, so an import finds a duplicate person
 *   without decrypting anything;
 * - `pseudonym`: the per-viewer pseudonyms (viewerPseudonym below).
 * `keyId` names the master key on every ciphertext, so rotation can tell old rows from new.
 */
export interface PiiKeys {
  keyId: string;
  identity: Buffer;
  blindIndex: Buffer;
  pseudonym: Buffer;
}

const MASTER_BYTES = 32;

/** PII_KEY as written in the environment or the key file: 32 bytes in base64 (or base64url) or hex. */
export function parsePiiKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== MASTER_BYTES) throw new Error(`PII_KEY must be ${MASTER_BYTES} bytes in base64 or hex (got ${key.length} bytes)`);
  return key;
}

const derive = (master: Buffer, purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `talentmap:${purpose}`, 32));

export function derivePiiKeys(master: Buffer): PiiKeys {
  return {
    keyId: createHash('sha256').update(derive(master, 'key-id')).digest('hex').slice(0, 8),
    identity: derive(master, 'identity-aes-256-gcm'),
    blindIndex: derive(master, 'id-number-blind-index'),
    pseudonym: derive(master, 'viewer-pseudonym'),
  };
}

/** A fresh master key, base64. */
export const generatePiiKey = () => randomBytes(MASTER_BYTES).toString('base64');

export interface PiiKeySource {
  /** PII_KEY from the environment, if set. */
  configured: string | undefined;
  /** Where the synthetic demo keeps a generated key when PII_KEY is unset. */
  file: string;
  /** Only the synthetic demo may run on a generated key. */
  synthetic: boolean;
}

/**
 * The master key: PII_KEY when set; otherwise, for the synthetic demo only, the key file,
 * created (mode 0600) on first use. Real records never fall back to a key on disk next to the data.
 */
export function loadPiiKeys({ configured, file, synthetic }: PiiKeySource): PiiKeys & { generated: boolean } {
  if (configured) return { ...derivePiiKeys(parsePiiKey(configured)), generated: false };
  if (!synthetic) throw new Error('PII_KEY (32 bytes, base64) is required unless the loaded dataset is the synthetic demo');
  let generated = false;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${generatePiiKey()}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    generated = true;
  }
  return { ...derivePiiKeys(parsePiiKey(readFileSync(file, 'utf8'))), generated };
}

// ---------------------------------------------------------------- field encryption

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 4;

/**
 * AES-256-GCM: version (1) ‖ key id (4) ‖ iv (12) ‖ tag (16) ‖ ciphertext. The associated data
 * binds a ciphertext to its row and column (e.g. `talent:42:phone`), so copying one talent's
 * phone onto another's row fails to decrypt instead of silently moving personal data.
 */
/**
 * Fresh random IVs, drawn from the CSPRNG a few KB at a time: one call per IV costs ~10 µs, which
 * is most of the cost of sealing a million identities. Each IV is handed out once.
 */
const ivPool = { bytes: Buffer.alloc(IV_BYTES * 512), next: Infinity };
function nextIv(): Buffer {
  if (ivPool.next + IV_BYTES > ivPool.bytes.length) {
    ivPool.bytes = randomFillSync(Buffer.allocUnsafe(ivPool.bytes.length));
    ivPool.next = 0;
  }
  const iv = ivPool.bytes.subarray(ivPool.next, ivPool.next + IV_BYTES);
  ivPool.next += IV_BYTES;
  return iv;
}

export function encryptField(keys: PiiKeys, plaintext: string, context: string): Buffer {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keys.identity, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const head = cipher.update(plaintext, 'utf8');
  const tail = cipher.final(); // empty for GCM, a stream mode
  const body = tail.length === 0 ? head : Buffer.concat([head, tail]);
  const header = 1 + KEY_ID_BYTES;
  const sealed = Buffer.allocUnsafe(header + IV_BYTES + TAG_BYTES + body.length);
  sealed[0] = VERSION;
  sealed.write(keys.keyId, 1, KEY_ID_BYTES, 'hex');
  iv.copy(sealed, header);
  cipher.getAuthTag().copy(sealed, header + IV_BYTES);
  body.copy(sealed, header + IV_BYTES + TAG_BYTES);
  return sealed;
}

/** The key id a ciphertext was made under (hex), for rotation. */
export const keyIdOf = (sealed: Buffer): string => sealed.subarray(1, 1 + KEY_ID_BYTES).toString('hex');

export function decryptField(keys: PiiKeys, sealed: Buffer, context: string): string {
  if (sealed[0] !== VERSION) throw new Error('unknown ciphertext version');
  if (keyIdOf(sealed) !== keys.keyId) throw new Error(`ciphertext is under key ${keyIdOf(sealed)}, not the current key ${keys.keyId}`);
  const ivStart = 1 + KEY_ID_BYTES;
  const tagStart = ivStart + IV_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', keys.identity, sealed.subarray(ivStart, tagStart));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(sealed.subarray(tagStart, tagStart + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(tagStart + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** Keyed blind index of an 18-digit ID number (upper-case X): equal numbers, equal index; no key, no dictionary attack. */
export const idNumberBlindIndex = (keys: PiiKeys, idNumber: string): string =>
  createHmac('sha256', keys.blindIndex).update(idNumber.trim().toUpperCase()).digest('hex');

export interface Identity {
  fullName: string;
  phone: string;
  idNumber: string;
}

/**
 * A keyed digest of a whole identity (under the blind-index key): an import compares it to tell an
 * unchanged identity from a changed one without decrypting, and it says nothing without the key.
 */
export const identityDigest = (keys: PiiKeys, identity: Identity): string =>
  createHmac('sha256', keys.blindIndex)
    .update(['identity', identity.fullName, identity.phone, identity.idNumber.trim().toUpperCase()].join('\u0000'))
    .digest('hex');

/** A talent_identities row's fields: each sealed and bound to `talent:<id>:<column>`, with the blind index, key id and digest. */
export function sealIdentity(keys: PiiKeys, talentId: number, identity: Identity) {
  const seal = (value: string, column: string) => encryptField(keys, value, `talent:${talentId}:${column}`);
  return {
    fullNameSealed: seal(identity.fullName, 'full_name'),
    phoneSealed: seal(identity.phone, 'phone'),
    idNumberSealed: seal(identity.idNumber, 'id_number'),
    idNumberIndex: idNumberBlindIndex(keys, identity.idNumber),
    keyId: keys.keyId,
    digest: identityDigest(keys, identity),
  };
}

// ---------------------------------------------------------------- per-viewer pseudonyms

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text) {
    value = ((value << 5) | BASE32.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

const viewerKey = (keys: PiiKeys, viewer: string) => createHmac('sha256', keys.pseudonym).update(viewer).digest();
const tagOf = (key: Buffer, talentId: number) => createHmac('sha256', key).update(`talent:${talentId}`).digest().subarray(0, 8);

/**
 * The id one viewer (e.g. `enterprise:7`, `account:3`) sees for one talent: AES-256 of the row id
 * and an 8-byte keyed tag, under a key derived for that viewer. The same talent looks unrelated
 * to two viewers, so their lists cannot be joined, and a pseudonym is worthless to anyone else:
 * it decrypts under their key to a failed tag. Only the server, holding PII_KEY, maps it back.
 */
export function viewerPseudonym(keys: PiiKeys, viewer: string, talentId: number): string {
  const key = viewerKey(keys, viewer);
  const block = Buffer.alloc(16);
  block.writeBigUInt64BE(BigInt(talentId), 0);
  tagOf(key, talentId).copy(block, 8);
  const cipher = createCipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  return `P${base32(Buffer.concat([cipher.update(block), cipher.final()]))}`;
}

/** The talent row id behind a pseudonym this viewer was given, or null for any other string. */
export function resolvePseudonym(keys: PiiKeys, viewer: string, pseudonym: string): number | null {
  if (!PSEUDONYM_PATTERN.test(pseudonym)) return null;
  const sealed = unbase32(pseudonym.slice(1)).subarray(0, 16);
  // The last character carries two spare bits: only the canonical spelling is accepted.
  if (base32(sealed) !== pseudonym.slice(1)) return null;
  const key = viewerKey(keys, viewer);
  const decipher = createDecipheriv('aes-256-ecb', key, null).setAutoPadding(false);
  const block = Buffer.concat([decipher.update(sealed), decipher.final()]);
  const id = block.readBigUInt64BE(0);
  if (id < 1n || id > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const talentId = Number(id);
  return tagOf(key, talentId).equals(block.subarray(8, 16)) ? talentId : null;
}
