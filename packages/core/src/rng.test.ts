import { describe, expect, it } from 'vitest';
import { Rng, WeightedPicker } from './rng.js';

describe('Rng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('forks independent, reproducible streams', () => {
    const x = new Rng(1).fork('talents').next();
    expect(new Rng(1).fork('talents').next()).toBe(x);
    expect(new Rng(1).fork('vacancies').next()).not.toBe(x);
  });

  it('keeps int() inside its bounds', () => {
    const rng = new Rng(9);
    const values = Array.from({ length: 2000 }, () => rng.int(3, 6));
    expect(Math.min(...values)).toBe(3);
    expect(Math.max(...values)).toBe(6);
  });
});

describe('WeightedPicker', () => {
  it('draws in proportion to the weights', () => {
    const picker = new WeightedPicker(['a', 'b', 'c'], [1, 3, 0]);
    const rng = new Rng(7);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[picker.pick(rng) as 'a' | 'b' | 'c']++;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });

  it('rejects empty lists and zero totals', () => {
    expect(() => new WeightedPicker([], [])).toThrow();
    expect(() => new WeightedPicker(['a'], [0])).toThrow();
  });
});
