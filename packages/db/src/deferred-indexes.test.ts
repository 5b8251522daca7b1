import { describe, expect, it } from 'vitest';
import { rebuildIsCheaper } from './deferred-indexes.js';

describe('rebuildIsCheaper', () => {
  it('keeps the graph for small writes, whatever the table', () => {
    expect(rebuildIsCheaper(9_999, 0)).toBe(false);
    expect(rebuildIsCheaper(1, 0)).toBe(false);
  });

  it('rebuilds when the new rows are a fifth or more of the table after the write', () => {
    expect(rebuildIsCheaper(10_000, 40_000)).toBe(true);
    expect(rebuildIsCheaper(10_000, 40_001)).toBe(false);
    expect(rebuildIsCheaper(1_000_000, 0)).toBe(true);
    expect(rebuildIsCheaper(200_000, 1_000_000)).toBe(false);
    expect(rebuildIsCheaper(250_000, 1_000_000)).toBe(true);
  });
});
