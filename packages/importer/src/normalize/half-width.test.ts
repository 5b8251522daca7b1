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
});
