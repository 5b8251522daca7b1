import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectTextEncoding } from './encoding.js';
import { TableReadError } from './table-error.js';

const text = '外部编号,姓名\nT-2024-0001,测试甲\n';

describe('detectTextEncoding', () => {
  it('recognises UTF-8 with and without a BOM', () => {
    expect(detectTextEncoding(Buffer.from('\uFEFF' + text))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectTextEncoding(Buffer.from(text))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectTextEncoding(Buffer.from('a,b\n1,2\n'))).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('ignores a character cut off by the end of the sample', () => {
    const bytes = Buffer.from(text);
    const cut = bytes.subarray(0, bytes.indexOf(Buffer.from('号')) + 1);
    expect(detectTextEncoding(cut)).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    expect(detectTextEncoding(iconv.encode(text, 'gbk'))).toEqual({ encoding: 'gb18030', bom: false });
  });

  it('refuses UTF-16 with a Chinese message', () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const call = () => detectTextEncoding(Buffer.from([...bom, 0x41, 0x00]));
      expect(call).toThrow(TableReadError);
      expect(call).toThrow(/UTF-16/);
    }
  });
});
