import { describe, expect, it } from 'vitest';
import { countDistinctCodes } from './rendered';

describe('countDistinctCodes', () => {
  it('counts each city once even when split across tiles', () => {
    const features = [
      { properties: { code: '320100' } },
      { properties: { code: '320100' } },
      { properties: { code: '320500' } },
      { properties: {} },
      { properties: null },
    ];
    expect(countDistinctCodes(features)).toBe(2);
  });
});
