import { describe, expect, it } from 'vitest';
import { ALL_GRADES, ALL_OCCUPATIONS, shortageSliceSchema, type CellFact } from '@talentmap/core';
import { buildShortageSlices, slicePeriods, workforceCounts, type ShortageFacts } from './slices.js';

const A = { districtCode: '320102', cityCode: '320100' };
const B = { districtCode: '320104', cityCode: '320100' };
const WELDER = '6-18-02-04';
const cell = (place: typeof A, quarter: CellFact['quarter'], vacancies: number, seekers: number, wage = 8000): CellFact => ({
  ...place,
  quarter,
  occupationCode: WELDER,
  grade: 4,
  vacancies,
  postings: vacancies,
  wageSum: vacancies * wage,
  seekers,
});

/** Two districts of one city, one occupation and grade, 2024Q3 and a year later 2025Q3. */
const facts: ShortageFacts = {
  provinceCode: '320000',
  cells: [cell(A, '2024Q3', 4, 4, 8000), cell(A, '2025Q3', 6, 2, 8800), cell(B, '2025Q3', 4, 3, 8800)],
  durations: [
    { ...A, quarter: '2025Q3', occupationCode: WELDER, grade: 4, days: 10, open: false, count: 3 },
    { ...A, quarter: '2025Q3', occupationCode: WELDER, grade: 4, days: 50, open: true, count: 3 },
    { ...B, quarter: '2025Q3', occupationCode: WELDER, grade: 4, days: 30, open: false, count: 4 },
    { ...A, quarter: '2024Q3', occupationCode: WELDER, grade: 4, days: 20, open: false, count: 4 },
  ],
  supply: [
    { ...A, occupationCode: WELDER, grade: 4, talents: 20 },
    { ...A, occupationCode: null, grade: 2, talents: 180 },
    { ...B, occupationCode: WELDER, grade: 4, talents: 10 },
  ],
  training: [{ ...B, occupationCode: WELDER, capacity: 8 }],
};

const slices = buildShortageSlices(facts);
const find = (period: string, region: string, occupation = WELDER, grade = 4) =>
  slices.find((s) => s.period === period && s.regionCode === region && s.occupationCode === occupation && s.grade === grade);

describe('buildShortageSlices (hand-worked)', () => {
  it('sums flows up the region tree and measures each slice on its own totals', () => {
    const city = find('2025Q3', '320100');
    expect(city).toMatchObject({ level: 'city', vacancies: 10, seekers: 5, ratio: 2, talents: 30 });
    // City durations: 10×3 filled, 30×4 filled, 50×3 open: S(10)=7/10, S(30)=7/10·3/7=0.3 → 30.
    expect(city?.medianDays).toBe(30);
    // District A alone: S(10)=1/2 → 10, and the open postings keep that honest.
    expect(find('2025Q3', '320102')?.medianDays).toBe(10);
    // 2025Q3 vs 2024Q3 in the city: 10 vs 4 vacancies → +150%; wage 8800 vs 8000 → +10%.
    expect(city?.demandGrowth).toBeCloseTo(1.5);
    expect(city?.wageGrowth).toBeCloseTo(0.1);
    // Capacity 8 per year against 10 × 4 annualised vacancies.
    expect(city?.pipelineCoverage).toBeCloseTo(0.2);
    // 30 welders among 210 talents on record.
    expect(city?.talentsPer10k).toBeCloseTo((30 / 210) * 10_000);
  });

  it('scores against the provincial all-occupation median of the same period', () => {
    const district = find('2025Q3', '320102');
    // Province median for 2025Q3 equals the city's (only these postings): 30 days; A's 10/30 → 0 points.
    expect(district?.referenceMedianDays).toBe(30);
    // ratio 6/2 = 3 → 3; duration 1/3 → 0; growth 6/4 − 1 = 0.5 → 3; wage +10% → 3; no training in A → coverage 0 → 3.
    expect(district?.points).toEqual({ ratio: 3, duration: 0, demandGrowth: 3, wageGrowth: 3, pipeline: 3 });
    expect(district?.score).toBeCloseTo(12 / 5);
    expect(district?.status).toBe('bottleneck');
  });

  it('adds all-occupation, all-grade and yearly slices; the first year has no growth', () => {
    expect(find('2025Q3', '320000', ALL_OCCUPATIONS, ALL_GRADES)).toMatchObject({ level: 'province', vacancies: 10, talents: 210, talentsPer10k: 10_000 });
    const earlier = find('2024Q3', '320102');
    expect(earlier?.demandGrowth).toBeNull();
    // The data window is 2024Q3–2025Q3, so 2025 covers Q1–Q3 (Q1, Q2 with no demand: no slices);
    // growth compares only the quarters that have a year-earlier quarter in the data: 2025Q3 with 2024Q3.
    expect(find('2025Q1', '320102')).toBeUndefined();
    const year = find('2025', '320100');
    expect(year).toMatchObject({ vacancies: 10, seekers: 5 });
    expect(year?.demandGrowth).toBeCloseTo(1.5);
    // Annualised over the three quarters of 2025 in the window: 10 × 4/3; capacity 8 → 0.6.
    expect(year?.pipelineCoverage).toBeCloseTo(0.6);
  });
});

describe('what a refresh records beside the slices', () => {
  it('builds slices in the shape the rollups store, one per slice key', () => {
    expect(slices.length).toBeGreaterThan(0);
    for (const s of slices) expect(shortageSliceSchema.strict().parse(s)).toEqual(s);
    expect(new Set(slices.map((s) => `${s.period}|${s.regionCode}|${s.occupationCode}|${s.grade}`)).size).toBe(slices.length);
  });

  it('lists the quarters and years with slices, oldest first, and none without facts', () => {
    // 2024Q4–2025Q2 lie in the window but have no flows, so no slices: they are not offered.
    expect(slicePeriods(slices)).toEqual({ quarters: ['2024Q3', '2025Q3'], years: ['2024', '2025'] });
    expect(buildShortageSlices({ ...facts, cells: [], durations: [] })).toEqual([]);
  });

  it('counts the talents on record and those at 高级工 (grade 4) or above', () => {
    expect(workforceCounts(facts.supply)).toEqual({ talents: 210, highSkillTalents: 30 });
  });
});
