import { describe, expect, it } from 'vitest';
import { averageFit, commonGaps, coursePriority, FIT_WEIGHTS, fitParts, programFit } from './program-fit.js';

describe('专业与产业吻合度', () => {
  it('weights shortage 0.4, chain demand 0.3 and skill alignment 0.3, summing to 1', () => {
    expect(FIT_WEIGHTS.shortage + FIT_WEIGHTS.chainDemand + FIT_WEIGHTS.skillAlignment).toBeCloseTo(1, 10);
    expect(programFit({ shortage: 1, chainDemand: 0, skillAlignment: 0 })).toBe(0.4);
    expect(programFit({ shortage: 0, chainDemand: 1, skillAlignment: 0 })).toBe(0.3);
    expect(programFit({ shortage: 0.5, chainDemand: 0.5, skillAlignment: 1 })).toBe(0.65);
  });

  it('scales the shortage score by 3 and clamps every part to [0, 1]', () => {
    expect(fitParts({ shortageScore: 1.5, chainWeight: 0.8, alignment: 0.9 })).toEqual({ shortage: 0.5, chainDemand: 0.8, skillAlignment: 0.9 });
    expect(fitParts({ shortageScore: 7, chainWeight: 1.4, alignment: -0.2 })).toEqual({ shortage: 1, chainDemand: 1, skillAlignment: 0 });
  });

  it('counts an occupation with no shortage data, no chain and no comparable skills as no fit', () => {
    const parts = fitParts({ shortageScore: undefined, chainWeight: undefined, alignment: null });
    expect(parts).toEqual({ shortage: 0, chainDemand: 0, skillAlignment: 0 });
    expect(programFit(parts)).toBe(0);
  });

  it('a program for a short, chain-relevant occupation that teaches its skills fits better than one that does not', () => {
    const strong = programFit(fitParts({ shortageScore: 2.4, chainWeight: 0.9, alignment: 0.85 }));
    const weak = programFit(fitParts({ shortageScore: 0.3, chainWeight: 0.1, alignment: 0.4 }));
    expect(strong).toBeGreaterThan(0.75);
    expect(weak).toBeLessThan(0.25);
  });

  it('averages the programs, and has no average without programs', () => {
    expect(averageFit([0.2, 0.4, 0.9])).toBe(0.5);
    expect(averageFit([])).toBeNull();
  });
});

describe('courses to add', () => {
  it('ranks by shortage relieved, then by talents unlocked on a log scale', () => {
    expect(coursePriority(3, 100, 100)).toBe(1);
    expect(coursePriority(0, 0, 100)).toBe(0);
    expect(coursePriority(3, 0, 100)).toBe(0.6);
    // ten times fewer talents costs less than a tenth of the talent part (log scale)
    expect(coursePriority(0, 10, 100)).toBeGreaterThan(0.4 * 0.5);
    expect(coursePriority(1.5, 50, 100)).toBeGreaterThan(coursePriority(1.5, 5, 100));
  });

  it('does not divide by zero when no course has near-match talents', () => {
    expect(coursePriority(1.5, 0, 0)).toBe(0.3);
  });

  it('names the profile skills that most near-match talents lack, weighted, ties by id', () => {
    const profile = [
      { skillId: 1, weight: 1 },
      { skillId: 2, weight: 0.5 },
      { skillId: 3, weight: 0.5 },
      { skillId: 4, weight: 0.2 },
    ];
    const talents = [{ skills: [{ skillId: 1 }] }, { skills: [{ skillId: 1 }, { skillId: 3 }] }, { skills: [{ skillId: 2 }, { skillId: 3 }] }];
    // missing: 1 → 1×1; 2 → 2×0.5; 3 → 1×0.5; 4 → 3×0.2
    expect(commonGaps(talents, profile)).toEqual([1, 2, 4, 3]);
    expect(commonGaps(talents, profile, 2)).toEqual([1, 2]);
    expect(commonGaps([], profile)).toEqual([]);
  });
});
