import { describe, expect, it } from 'vitest';
import { neutraliseCell, neutraliseRow } from './neutralise.js';

describe('neutraliseCell', () => {
  it.each(['=1+1', '+86139', '-2', '@SUM(A1)', '\tx', '\rx', ' =HYPERLINK("http://x")', "=cmd|' /C calc'!A0"])('quotes %j', (s) =>
    expect(neutraliseCell(s)).toBe(`'${s}`),
  );
  it.each(['电工', 'a=b', '1+1', '', 'T-2024-0001', "'already"])('leaves %j alone', (s) => expect(neutraliseCell(s)).toBe(s));
});

describe('neutraliseRow', () => {
  it('touches only strings', () => {
    const date = new Date(0);
    expect(neutraliseRow(['=1', -2, null, true, date])).toEqual(["'=1", -2, null, true, date]);
  });
});
