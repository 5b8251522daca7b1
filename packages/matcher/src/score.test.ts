import { describe, expect, it } from 'vitest';
import { tinyGraph } from './fixtures.test-helper.js';
import { distanceKm } from '@talentmap/geo';
import {
  availabilityFit,
  candidateScorer,
  coverageToBeat,
  gradeFit,
  MATCH_WEIGHTS,
  scoreCandidate,
  scoreTerms,
  skillsToReach,
  type CandidateProfile,
  type ScoreTerms,
} from './score.js';
import { SkillSpace } from './skill-space.js';
import { scoreProgram, skillGap } from './gap.js';

const space = SkillSpace.build(tinyGraph);

describe('scoreCandidate', () => {
  it('adds the five parts with the documented weights (hand-worked)', () => {
    // Required: 二保焊 (1.0) and 安全生产规范 (0.5). The talent has 二保焊 at level 3 only.
    // coverage = 1.0 × min(1, 0.6 + 0.3) / 1.5 = 0.6 (安全生产规范 has no related skill ≥ 0.6).
    const vector = space.embed([
      { skillId: 2, weight: 1 },
      { skillId: 8, weight: 0.5 },
    ]) as number[];
    const result = scoreCandidate(
      {
        skills: [
          { skillId: 2, weight: 1 },
          { skillId: 8, weight: 0.5 },
        ],
        vector,
        minGrade: 3,
        near: { lng: 120, lat: 31, radiusKm: 100 },
      },
      {
        grade: 4,
        skills: [{ skillId: 2, level: 3 }],
        employmentStatus: 'unemployed',
        openToOffers: true,
        lng: 120,
        lat: 31,
        cosineDistance: 0.2,
      },
      space,
    );
    expect(result.breakdown).toEqual({ similarity: 0.8, coverage: 0.6, grade: 1, distance: 1, availability: 1 });
    const expected = MATCH_WEIGHTS.similarity * 0.8 + MATCH_WEIGHTS.coverage * 0.6 + MATCH_WEIGHTS.grade + MATCH_WEIGHTS.distance + MATCH_WEIGHTS.availability;
    expect(result.score).toBeCloseTo(expected, 3);
    expect(result.matchedSkillIds).toEqual([2]);
    expect(result.missing).toEqual([{ skillId: 8, relatedSkillId: null }]);
    expect(result.distanceBand).toBe('0-5');
  });

  it('credits a related skill partially and says which', () => {
    const vector = space.embed([{ skillId: 3, weight: 1 }]) as number[];
    const sim = space.similarity(3, 2);
    expect(sim).toBeGreaterThanOrEqual(0.6);
    const result = scoreCandidate(
      { skills: [{ skillId: 3, weight: 1 }], vector },
      {
        grade: 3,
        skills: [{ skillId: 2, level: 5 }],
        employmentStatus: 'employed',
        openToOffers: true,
        lng: 120,
        lat: 31,
        cosineDistance: 0.3,
      },
      space,
    );
    expect(result.missing).toEqual([{ skillId: 3, relatedSkillId: 2 }]);
    expect(result.breakdown.coverage).toBeCloseTo(0.5 * sim, 3);
  });

  it('scores distance by band alone: the willing radius leaves no trace', () => {
    const vector = space.embed([{ skillId: 2, weight: 1 }]) as number[];
    // 0.3° of latitude ≈ 33.4 km: the 20-50 band (fit 0.3), beyond a 20 km willing radius.
    const far = {
      grade: 3,
      skills: [{ skillId: 2, level: 3 }],
      employmentStatus: 'employed' as const,
      openToOffers: true,
      lng: 120,
      lat: 31.3,
      cosineDistance: 0,
    };
    const query = { skills: [{ skillId: 2, weight: 1 }], vector, near: { lng: 120, lat: 31, radiusKm: 100 } };
    // Rows from the database carry the willing radius; whatever it is, the answer is the same.
    const [short, exact, long] = [5, 20, 500].map((willingRadiusKm) => scoreCandidate(query, { ...far, ...{ willingRadiusKm } }, space));
    expect(short?.distanceBand).toBe('20-50');
    expect(short?.breakdown.distance).toBe(0.3);
    expect(exact).toEqual(short);
    expect(long).toEqual(short);
  });

  it('gives the same distance part anywhere inside a band, so the score does not measure the distance', () => {
    const vector = space.embed([{ skillId: 2, weight: 1 }]) as number[];
    const at = (lat: number) =>
      scoreCandidate(
        { skills: [{ skillId: 2, weight: 1 }], vector, near: { lng: 120, lat: 31, radiusKm: 100 } },
        {
          grade: 3,
          skills: [{ skillId: 2, level: 3 }],
          employmentStatus: 'employed',
          openToOffers: true,
          lng: 120,
          lat,
          cosineDistance: 0,
        },
        space,
      );
    // 0.1° ≈ 11.1 km and 0.17° ≈ 18.9 km: both in 10-20.
    expect(at(31.1).score).toBe(at(31.17).score);
    expect(at(31.1).breakdown.distance).toBe(0.6);
    expect(at(31.3).breakdown.distance).toBe(0.3);
  });
});

/** ScoreTerms read the way MatchRepository.scoredCandidates reads them in SQL. */
function scoreFromTerms(t: ScoreTerms, c: CandidateProfile): number {
  const best = new Map<number, number>();
  for (const credit of t.credits) {
    const level = c.skills.find((s) => s.skillId === credit.skillId)?.level;
    if (level === undefined) continue;
    const earned = credit.exact ? credit.credit * (t.levelCredit[level] ?? 0) : credit.credit;
    best.set(credit.required, Math.max(best.get(credit.required) ?? 0, earned));
  }
  const coverage = [...best.values()].reduce((a, b) => a + b, 0) / t.totalWeight;
  const km = t.near ? distanceKm([t.near.lng, t.near.lat], [c.lng, c.lat]) : 0;
  const distance = t.near ? ([...t.near.bands].sort((a, b) => b.fromKm - a.fromKm).find((b) => km >= b.fromKm)?.fit ?? 1) : 1;
  const a = t.availability;
  const availability = !c.openToOffers
    ? a.notOpen
    : c.employmentStatus === 'unemployed'
      ? a.unemployed
      : c.employmentStatus === 'student'
        ? a.student
        : a.employed;
  const w = t.weights;
  return (
    w.similarity * Math.max(0, Math.min(1, 1 - c.cosineDistance)) +
    w.coverage * coverage +
    w.grade * (t.gradeFit[c.grade] ?? 0) +
    w.distance * distance +
    w.availability * availability
  );
}

describe('scoreTerms and candidateScorer', () => {
  it('give the same score as scoreCandidate for every mix of skills, levels, grades, places and availability', () => {
    const skills = [
      { skillId: 3, weight: 1 },
      { skillId: 4, weight: 0.7 },
      { skillId: 8, weight: 0.4 },
    ];
    const query = { skills, vector: space.embed(skills) as number[], minGrade: 3, near: { lng: 120, lat: 31, radiusKm: 50 } };
    const terms = scoreTerms(query, space);
    const scorer = candidateScorer(query, space);
    // Related credits exist (钨极氩弧焊 ~ 熔化极气体保护焊), so the best-per-required-skill rule is exercised.
    expect(terms.credits.some((c) => !c.exact)).toBe(true);
    const holdings = [
      [],
      [{ skillId: 3, level: 2 }],
      [{ skillId: 2, level: 7 }],
      [
        { skillId: 2, level: 1 },
        { skillId: 3, level: 0 },
      ],
      [
        { skillId: 4, level: 10 },
        { skillId: 5, level: 4 },
        { skillId: 8, level: 3 },
      ],
    ];
    const statuses = [
      ['employed', true],
      ['employed', false],
      ['unemployed', true],
      ['student', true],
    ] as const;
    let compared = 0;
    for (const held of holdings)
      for (const grade of [1, 3, 5])
        for (const [employmentStatus, openToOffers] of statuses)
          for (const lat of [31, 31.07, 31.15, 31.3, 31.6]) {
            const c: CandidateProfile = { grade, skills: held, employmentStatus, openToOffers, lng: 120, lat, cosineDistance: 0.05 * grade };
            const alone = scoreCandidate(query, c, space);
            expect(scoreFromTerms(terms, c)).toBeCloseTo(alone.score, 2);
            // One scorer over every row (as exhaustive scoring uses it) carries nothing from a row to the next.
            expect(scorer.explain(c)).toEqual(alone);
            expect(scorer.score(c)).toBe(alone.score);
            compared += 1;
          }
    expect(compared).toBe(300);
  });
});

describe('skillsToReach and coverageToBeat', () => {
  const skills = [
    { skillId: 3, weight: 1 },
    { skillId: 4, weight: 0.7 },
    { skillId: 8, weight: 0.4 },
  ];
  const query = { skills, vector: space.embed(skills) as number[] };
  const terms = scoreTerms(query, space);
  const holder = (ids: number[]): CandidateProfile => ({
    grade: 5,
    skills: ids.map((skillId) => ({ skillId, level: 10 })),
    employmentStatus: 'unemployed',
    openToOffers: true,
    lng: 120,
    lat: 31,
    cosineDistance: 0,
  });

  it('names skills every talent reaching the coverage holds one of (all 256 holdings of the 8 skills)', () => {
    const all = tinyGraph.skills.map((s) => s.id);
    for (const coverage of [0.1, 0.3, 0.5, 0.7, 0.9, 1]) {
      const must = new Set(skillsToReach(terms, coverage));
      expect(must.size).toBeGreaterThan(0);
      for (let mask = 0; mask < 1 << all.length; mask++) {
        const held = all.filter((_, i) => mask & (1 << i));
        if (scoreCandidate(query, holder(held), space).breakdown.coverage >= coverage)
          expect(
            held.some((id) => must.has(id)),
            `${coverage}: ${held.join(',')}`,
          ).toBe(true);
      }
    }
  });

  it('asks for the heaviest skill alone when the others cannot reach the coverage, and its related skills with it', () => {
    // 0.7 + 0.4 of 2.1 is 0.52: at 0.9 a talent needs 钨极氩弧焊 (3) or a related skill (焊接技术 1, 熔化极气体保护焊 2).
    expect(skillsToReach(terms, 0.9)?.sort()).toEqual([1, 2, 3]);
    expect(skillsToReach(terms, 1.01)).toEqual([]);
    expect(skillsToReach(terms, 0)).toBeNull();
  });

  it('leaves to coverage what similarity, grade, distance and availability cannot give', () => {
    const w = MATCH_WEIGHTS;
    expect(coverageToBeat(terms, 0.9, 0.6)).toBeCloseTo((0.9 - w.similarity * 0.6 - w.grade - w.distance - w.availability) / w.coverage, 9);
  });
});

describe('grade and availability', () => {
  it('scores grade against the minimum', () => {
    expect(gradeFit(3, 4)).toBe(0);
    expect(gradeFit(6, 4)).toBe(1);
    expect(gradeFit(8, 4)).toBeCloseTo(0.8, 5);
    expect(gradeFit(1, undefined)).toBe(0.5);
    expect(gradeFit(8, undefined)).toBe(1);
  });
  it('scores availability', () => {
    expect(availabilityFit('unemployed', true)).toBe(1);
    expect(availabilityFit('employed', false)).toBe(0.2);
  });
});

describe('skill gap and programs', () => {
  it('finds the missing skills, most important first', () => {
    const { missing, shared } = skillGap([{ skillId: 2 }], tinyGraph.occupations[0]!.skills);
    expect(missing.map((s) => s.skillId)).toEqual([3, 1, 8]);
    expect(shared.map((s) => s.skillId)).toEqual([2]);
  });

  it('ranks programs by coverage, subsidy, duration and place (hand-worked)', () => {
    const gap = [
      { skillId: 3, weight: 0.8 },
      { skillId: 1, weight: 0.2 },
    ];
    const s = scoreProgram(gap, { skills: [{ skillId: 3, weight: 1 }], hours: 200, subsidyEligible: true, mode: 'online', lng: 0, lat: 0 });
    // coverage 0.8 → 0.6 × 0.8 + 0.1 × 1 + 0.1 × 0.8 + 0.2 × 1 = 0.86
    expect(s.coverage).toBe(0.8);
    expect(s.score).toBeCloseTo(0.86, 3);
    expect(s.coveredSkillIds).toEqual([3]);
  });
});

describe('vectorLiteral', () => {
  it('writes pgvector text at four decimals', async () => {
    const { vectorLiteral } = await import('./entity-weights.js');
    expect(vectorLiteral([0.12345, -0.00049, 0])).toBe('[1235e-4,-5e-4,0e-4]');
  });
});
