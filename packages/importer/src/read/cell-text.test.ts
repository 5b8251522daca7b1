import { describe, expect, it } from 'vitest';
import { cellText, isFormulaValue } from './cell-text.js';

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['电工', '电工'],
    [30, '30'],
    [12.300000000000001, '12.3'],
    // An 18-digit ID typed into a number cell: Excel keeps 15 digits, and so do we.
    [Number('320106199001011234'), '320106199001011000'],
    [true, 'TRUE'],
    [false, 'FALSE'],
    [new Date(Date.UTC(2024, 0, 5)), '2024-01-05'],
    [{ richText: [{ text: '测试' }, { font: { bold: true }, text: '甲' }] }, '测试甲'],
    [{ text: '官网', hyperlink: 'https://example.com' }, '官网'],
    [{ text: { richText: [{ text: '官' }, { text: '网' }] }, hyperlink: 'https://example.com' }, '官网'],
    [{ formula: '1+1', result: 2 }, '2'],
    [{ formula: 'A1', result: '测试甲' }, '测试甲'],
    [{ sharedFormula: 'A1', result: 3 }, '3'],
    [{ formula: 'NA()', result: { error: '#N/A' } }, '#N/A'],
    [{ formula: 'X()' }, ''],
    [{ error: '#N/A' }, '#N/A'],
    [Number.NaN, ''],
  ])('%j → %j', (value, text) => expect(cellText(value)).toBe(text));

  it('spots formulas', () => {
    expect(isFormulaValue({ formula: '1+1', result: 2 })).toBe(true);
    expect(isFormulaValue({ sharedFormula: 'A1' })).toBe(true);
    expect(isFormulaValue({ richText: [] })).toBe(false);
    expect(isFormulaValue('=1+1')).toBe(false);
  });
});
