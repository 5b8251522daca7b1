import { describe, expect, it } from 'vitest';
import { writeCsv } from './csv.writer.js';

describe('writeCsv', () => {
  it('writes UTF-8 with a BOM and CRLF line ends', () => {
    expect(writeCsv(['姓名', '工作年限'], [['测试甲', 5]])).toBe('\uFEFF姓名,工作年限\r\n测试甲,5\r\n');
  });

  it('quotes per RFC 4180', () => {
    const rows = [['x,y'], ['say "hi"'], ['line1\nline2'], ['plain']];
    expect(writeCsv(['a'], rows)).toBe('\uFEFFa\r\n"x,y"\r\n"say ""hi"""\r\n"line1\nline2"\r\nplain\r\n');
  });

  it('neutralises text that would run as a formula, but not numbers', () => {
    expect(writeCsv(['a', 'b', 'c'], [['=1+1', -5, '-5']])).toBe("\uFEFFa,b,c\r\n'=1+1,-5,'-5\r\n");
    expect(writeCsv(['a'], [['=HYPERLINK("http://x","y")']])).toBe('\uFEFFa\r\n"\'=HYPERLINK(""http://x"",""y"")"\r\n');
  });

  it('writes empties, booleans and dates plainly', () => {
    expect(writeCsv(['a', 'b', 'c', 'd', 'e'], [[null, undefined, true, new Date(Date.UTC(2024, 0, 5)), new Date(Date.UTC(2024, 0, 5, 8))]])).toBe(
      '\uFEFFa,b,c,d,e\r\n,,TRUE,2024-01-05,2024-01-05T08:00:00.000Z\r\n',
    );
  });
});
