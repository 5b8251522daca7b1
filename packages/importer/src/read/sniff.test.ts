import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './delimiter.js';
import { sniffFileKind } from './sniff.js';

describe('sniffFileKind', () => {
  it('tells xlsx, xls and text apart by their first bytes', () => {
    expect(sniffFileKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toBe('xlsx');
    expect(sniffFileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('xls');
    expect(sniffFileKind(Buffer.from('PK,a\n'))).toBe('text');
    expect(sniffFileKind(Buffer.alloc(0))).toBe('text');
  });
});

describe('detectDelimiter', () => {
  it('reads the first non-blank line', () => {
    expect(detectDelimiter('a,b,c\n1\t2\t3\t4\n')).toBe(',');
    expect(detectDelimiter('\n\na\tb\tc\n')).toBe('\t');
    expect(detectDelimiter('姓名\t备注\n')).toBe('\t');
    expect(detectDelimiter('单列\n')).toBe(',');
  });
  it('ignores separators inside quotes', () => {
    expect(detectDelimiter('"a,b,c"\tx\ty\n')).toBe('\t');
    expect(detectDelimiter('"a\tb\tc",x\n')).toBe(',');
  });
});
