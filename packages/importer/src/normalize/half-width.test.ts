import { describe, expect, it } from 'vitest';
import { toHalfWidth } from './half-width.js';

describe('toHalfWidth', () => {
  it('maps full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('１２３ＡＢＣａｂｃ！～')).toBe('123ABCabc!~');
    expect(toHalfWidth('电工\u3000ＰＬＣ')).toBe('电工 PLC');
  });

  it('trims and collapses whitespace, leaving other Chinese punctuation alone', () => {
    expect(toHalfWidth('  a \t\n  b  ')).toBe('a b');
    expect(toHalfWidth('、。')).toBe('、。');
  });

  it('gives a cell that needs only a trim the same answer as the full fold', () => {
    const fold = (s: string) =>
      s
        .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/\u3000/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const parts = ['苏州', ' ', '  ', '\t', '\u00a0', '\u3000', 'Ａ', 'a', '1', '\n', '工业园区'];
    for (let i = 0; i < 2_000; i++) {
      let cell = '';
      for (let k = (i * 7) % 6, n = 0; n < 5; n++, k = (k * 5 + i + n) % parts.length) cell += parts[k];
      expect(toHalfWidth(cell)).toBe(fold(cell));
    }
  });
});
