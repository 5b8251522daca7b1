import { describe, expect, it } from 'vitest';
import {
  decryptField,
  derivePiiKeys,
  encryptField,
  generatePiiKey,
  idNumberBlindIndex,
  keyIdOf,
  parsePiiKey,
  resolvePseudonym,
  viewerPseudonym,
} from './pii.js';
import { PSEUDONYM_PATTERN } from './match.schema.js';

const keys = derivePiiKeys(parsePiiKey(generatePiiKey()));
const other = derivePiiKeys(parsePiiKey(generatePiiKey()));

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips, under a fresh IV each time, and names its key', () => {
    const a = encryptField(keys, '张伟', 'talent:1:name');
    const b = encryptField(keys, '张伟', 'talent:1:name');
    expect(a.equals(b)).toBe(false);
    expect(decryptField(keys, a, 'talent:1:name')).toBe('张伟');
    expect(keyIdOf(a)).toBe(keys.keyId);
    expect(a.includes(Buffer.from('张伟'))).toBe(false);
  });

  it('never repeats an IV, across the refills of its random pool, and every ciphertext still opens', () => {
    const ivs = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const sealed = encryptField(keys, `x${i}`, 'talent:1:name');
      ivs.add(sealed.subarray(1 + keys.keyId.length / 2, 13 + keys.keyId.length / 2).toString('hex'));
      expect(decryptField(keys, sealed, 'talent:1:name')).toBe(`x${i}`);
    }
    expect(ivs.size).toBe(2_000);
  });

  it('refuses another row or column, another key, and any flipped bit', () => {
    const sealed = encryptField(keys, '13912345678', 'talent:1:phone');
    expect(() => decryptField(keys, sealed, 'talent:2:phone')).toThrow();
    expect(() => decryptField(other, sealed, 'talent:1:phone')).toThrow(/not the current key/);
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => decryptField(keys, flipped, 'talent:1:phone')).toThrow();
  });

  it('parses 32-byte keys in base64 or hex and refuses other lengths', () => {
    expect(parsePiiKey('00'.repeat(32)).length).toBe(32);
    expect(() => parsePiiKey('c2hvcnQ=')).toThrow(/32 bytes/);
  });
});

describe('blind index of ID numbers', () => {
  it('is equal for equal numbers (case and spaces aside), differs by key', () => {
    expect(idNumberBlindIndex(keys, '32050219900101123x ')).toBe(idNumberBlindIndex(keys, '32050219900101123X'));
    expect(idNumberBlindIndex(keys, '32050219900101123X')).not.toBe(idNumberBlindIndex(keys, '320502199001011230'));
    expect(idNumberBlindIndex(other, '32050219900101123X')).not.toBe(idNumberBlindIndex(keys, '32050219900101123X'));
  });
});

describe('per-viewer pseudonyms', () => {
  it('resolve for their viewer only, and differ between viewers', () => {
    for (const id of [1, 2, 42, 20_000, 9_007_199_254_740_991]) {
      const forA = viewerPseudonym(keys, 'enterprise:1', id);
      const forB = viewerPseudonym(keys, 'enterprise:2', id);
      expect(forA).toMatch(PSEUDONYM_PATTERN);
      expect(forA).not.toBe(forB);
      expect(resolvePseudonym(keys, 'enterprise:1', forA)).toBe(id);
      expect(resolvePseudonym(keys, 'enterprise:2', forA)).toBeNull();
      expect(resolvePseudonym(other, 'enterprise:1', forA)).toBeNull();
    }
  });

  it('do not reveal neighbouring ids: consecutive ids share no prefix beyond chance', () => {
    const a = viewerPseudonym(keys, 'account:1', 100);
    const b = viewerPseudonym(keys, 'account:1', 101);
    expect(a.slice(0, 4)).not.toBe(b.slice(0, 4));
  });

  it('reject anything that is not a canonical pseudonym', () => {
    const real = viewerPseudonym(keys, 'account:1', 7);
    // The last character's two low bits are spare: flipping one decodes to the same block.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
    const nonCanonical = real.slice(0, -1) + alphabet[alphabet.indexOf(real.at(-1) ?? 'A') ^ 1];
    for (const bad of ['', 'T0ABC123', real.toLowerCase(), `${real}A`, real.slice(0, -1), nonCanonical, 'P' + 'A'.repeat(26)])
      expect(resolvePseudonym(keys, 'account:1', bad)).toBeNull();
  });
});
