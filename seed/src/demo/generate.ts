import { HIGH_SKILL_MIN_GRADE, WeightedPicker, type Rng } from '@talentmap/core';
import { talentCell } from '@talentmap/geo';
import { DEMO_PERIOD, calendarQuarter, dayToIso, periodDays, quarterBounds } from './calendar.js';
import type { DemoContext, OccupationProfile } from './context.js';
import { syntheticIdentity } from './identity.js';

/**
 * Grade mix of the skilled workforce (新八级工 levels 1..8). About 32% are 高级工 or above,
 * consistent with Jiangsu's 455万 high-skill talents among roughly 1,400万 skilled workers
 * (seed 001); the split inside the bands is curated.
 */
export const SUPPLY_GRADE_WEIGHTS = [6, 22, 40, 20, 8, 3.2, 0.6, 0.2];
/** Vacancies ask for higher grades than the workforce holds: the shortage the map should show. */
export const DEMAND_GRADE_WEIGHTS = [1, 10, 34, 30, 15, 7, 2, 1];

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8];
const supplyGrade = new WeightedPicker(GRADES, SUPPLY_GRADE_WEIGHTS);
const demandGrade = new WeightedPicker(GRADES, DEMAND_GRADE_WEIGHTS);
const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

export interface EnterpriseRow {
  id: number;
  name: string;
  regionCode: string;
  cityCode: string;
  lng: number;
  lat: number;
  size: 'micro' | 'small' | 'medium' | 'large';
  chainLeader: boolean;
  chainCodes: string[];
}

const NAME_WORDS = '恒泰华瑞宏达新锐博远精工鼎盛安捷科创汇通晟丰力拓中天永信金桥联合德润天成启明长风';
const SIZE_PICKER = new WeightedPicker(['micro', 'small', 'medium', 'large'] as const, [30, 40, 22, 8]);

export function generateEnterprises(ctx: DemoContext, rng: Rng, count: number): EnterpriseRow[] {
  const rows: EnterpriseRow[] = [];
  const leaderChosen = new Set<string>();
  const chainCodes = ctx.chains.map((c) => c.code);
  for (let id = 1; id <= count; id++) {
    const chain = ctx.chains[(id - 1) % ctx.chains.length] ?? rng.pick(ctx.chains);
    // Chains concentrate in their real cities; a quarter of firms sit elsewhere.
    const cityCode = chain.cities.length > 0 && rng.chance(0.75) ? rng.pick(chain.cities) : ctx.geo.cityPicker.pick(rng);
    const { district, lng, lat } = ctx.geo.place(rng, cityCode);
    const leader = !leaderChosen.has(chain.code) && cityCode === chain.cities[0];
    if (leader) leaderChosen.add(chain.code);
    const word = () => NAME_WORDS[rng.int(0, NAME_WORDS.length - 1)];
    const codes = [chain.code];
    if (rng.chance(0.2)) {
      const other = rng.pick(chainCodes);
      if (other !== chain.code) codes.push(other);
    }
    rows.push({
      id,
      name: `${ctx.geo.cityName.get(cityCode)}${word()}${word()}${chain.name.slice(0, 4)}有限公司`,
      regionCode: district.code,
      cityCode,
      lng,
      lat,
      size: leader ? 'large' : SIZE_PICKER.pick(rng),
      chainLeader: leader,
      chainCodes: codes,
    });
  }
  return rows;
}

export interface VacancyRow {
  id: number;
  enterpriseId: number;
  regionCode: string;
  occupationCode: string;
  grade: number;
  headcount: number;
  title: string;
  skills: { skillId: number; weight: number }[];
  postedOn: string;
  filledOn: string | null;
  wageMin: number;
  wageMax: number;
}

const SIZE_WEIGHT = { micro: 1, small: 2, medium: 5, large: 12 } as const;
const SEASON = [1.15, 1.0, 0.95, 0.9]; // calendar Q1..Q4: hiring peaks after the Spring Festival
const BASE_WAGE: Record<number, number> = { 1: 12000, 2: 9500, 3: 7000, 4: 6000, 5: 5200, 6: 6500, 7: 5500, 8: 6000 };
const HIGH_WAGE_CITIES = new Set(['320500', '320100', '320200']);

/** A quarter index 0..7 for a posting, with yearly growth (faster for digital occupations) and seasonality. */
function quarterPicker(annualGrowth: number): WeightedPicker<number> {
  const quarters = [...Array(DEMO_PERIOD.quarters).keys()];
  return new WeightedPicker(
    quarters,
    quarters.map((q) => (1 + annualGrowth) ** (q / 4) * (SEASON[calendarQuarter(q) - 1] as number)),
  );
}
const digitalQuarters = quarterPicker(0.25);
const otherQuarters = quarterPicker(0.06);

export function* generateVacancies(ctx: DemoContext, rng: Rng, enterprises: EnterpriseRow[], count: number): Generator<VacancyRow> {
  const enterprisePicker = new WeightedPicker(
    enterprises,
    enterprises.map((e) => SIZE_WEIGHT[e.size]),
  );
  for (let id = 1; id <= count; id++) {
    const enterprise = enterprisePicker.pick(rng);
    const chainPicker = ctx.occupationPickerByChain.get(rng.pick(enterprise.chainCodes));
    const occupation =
      chainPicker && rng.chance(0.9) ? chainPicker.pick(rng) : (ctx.occupationPickerByCity.get(enterprise.cityCode)?.pick(rng) as OccupationProfile);
    const grade = demandGrade.pick(rng);
    const q = (occupation.digital ? digitalQuarters : otherQuarters).pick(rng);
    const posted = rng.int(quarterBounds[q] as number, (quarterBounds[q + 1] as number) - 1);
    // Harder trades and higher grades stay open longer; postings still open at the period end are censored.
    const meanDays = (18 + 9 * Math.max(0, grade - 3)) * (ctx.difficulty.get(occupation.code) ?? 1);
    const filled = rng.chance(0.04) ? null : posted + Math.round(rng.exponential(meanDays));
    const years = posted / 365;
    const wage =
      (BASE_WAGE[occupation.majorGroup] ?? 6000) *
      (1 + 0.15 * (grade - 2)) *
      (HIGH_WAGE_CITIES.has(enterprise.cityCode) ? 1.18 : 0.95) *
      (1 + 0.04 * years) *
      Math.exp(rng.normal(0, 0.12));
    const wageMin = Math.max(2500, Math.round(wage / 100) * 100);
    const top = [...occupation.skills].sort((a, b) => b.weight - a.weight).slice(0, rng.int(3, 6));
    yield {
      id,
      enterpriseId: enterprise.id,
      regionCode: enterprise.regionCode,
      occupationCode: occupation.code,
      grade,
      headcount: rng.chance(0.7) ? 1 : rng.chance(0.6) ? 2 : rng.int(3, 6),
      title: `${occupation.name}（${ctx.gradeNames[grade - 1]}）`,
      skills: top.map((s) => ({ skillId: s.skillId, weight: s.weight })),
      postedOn: dayToIso(posted),
      filledOn: filled === null || filled >= periodDays ? null : dayToIso(filled),
      wageMin,
      wageMax: Math.round((wageMin * (1.25 + rng.next() * 0.35)) / 100) * 100,
    };
  }
}

export interface TalentRow {
  id: number;
  regionCode: string;
  lng: number;
  lat: number;
  occupationCode: string | null;
  grade: number;
  certificates: string[];
  skills: { skillId: number; level: number }[];
  yearsExperience: number;
  employmentStatus: 'employed' | 'unemployed' | 'student';
  openToOffers: boolean;
  willingRadiusKm: number;
  truth: { occupationCode: string; grade: number };
  identity: { fullName: string; phone: string; idNumber: string };
  /** A job-seeker registration when the talent is looking for work. */
  registration: { registeredOn: string; closedOn: string | null } | null;
}

const RADII = [10, 20, 30, 50, 80, 150];

export function generateTalent(ctx: DemoContext, rng: Rng, id: number): TalentRow {
  const cityCode = ctx.geo.cityPicker.pick(rng);
  const { district, lng: homeLng, lat: homeLat } = ctx.geo.place(rng, cityCode);
  // Stored at the precision matching needs: the grid cell, never the point (geo/talent-cell.ts).
  const [lng, lat] = talentCell([homeLng, homeLat]);
  const occupation = ctx.occupationPickerByCity.get(cityCode)?.pick(rng) as OccupationProfile;
  const grade = supplyGrade.pick(rng);

  // What the talent declares is noisy: missing or wrong occupations and grades occur in real
  // registrations, and the matcher must work from skills, not from the declared code alone.
  const declaredOccupation = rng.chance(0.85) ? occupation.code : rng.chance(0.5) ? null : (ctx.occupationPickerByCity.get(cityCode)?.pick(rng).code ?? null);
  const declaredGrade = rng.chance(0.85) ? grade : clamp(grade + (rng.chance(0.5) ? 1 : -1), 1, 8);

  const skills: { skillId: number; level: number }[] = [];
  for (const s of occupation.skills) {
    if (!rng.chance(0.5 + 0.45 * s.weight)) continue;
    skills.push({ skillId: s.skillId, level: clamp(Math.round(grade / 1.8 + rng.normal(0.3, 0.7)), 1, 5) });
  }
  if (rng.chance(0.3)) {
    const extra = rng.pick(ctx.skillIds);
    if (!skills.some((s) => s.skillId === extra)) skills.push({ skillId: extra, level: rng.int(1, 3) });
  }

  const student = grade <= 2 && rng.chance(0.3);
  const status = student ? 'student' : rng.chance(0.22) ? 'unemployed' : 'employed';
  const years = student ? 0 : clamp(Math.round(grade * 2.6 + rng.normal(0, 3)), 0, 45);
  const birthYear = 2026 - clamp(18 + years + rng.int(0, 8), 18, 63);
  let registration: TalentRow['registration'] = null;
  if (status === 'unemployed' && rng.chance(0.9)) {
    const day = rng.int(0, periodDays - 1);
    const closed = day + Math.round(rng.exponential(75));
    registration = { registeredOn: dayToIso(day), closedOn: closed >= periodDays ? null : dayToIso(closed) };
  }
  return {
    id,
    regionCode: district.code,
    lng,
    lat,
    occupationCode: declaredOccupation,
    grade: declaredGrade,
    certificates: grade >= 2 && rng.chance(0.7) ? [`${occupation.name}${ctx.gradeNames[grade - 1]}职业技能等级证书`] : [],
    skills,
    yearsExperience: years,
    employmentStatus: status,
    openToOffers: status === 'unemployed' || rng.chance(status === 'student' ? 0.6 : 0.25),
    willingRadiusKm: rng.pick(RADII),
    truth: { occupationCode: occupation.code, grade },
    identity: syntheticIdentity(rng, id, district.code, birthYear),
    registration,
  };
}

export interface SeekerRow {
  regionCode: string;
  occupationCode: string;
  grade: number;
  registeredOn: string;
  closedOn: string | null;
}

/**
 * Registrations by people outside the talent sample (walk-ins at public employment
 * services): lower grades and more service occupations than the vacancies ask for.
 */
export function generateWalkInSeeker(ctx: DemoContext, rng: Rng): SeekerRow {
  const cityCode = ctx.geo.cityPicker.pick(rng);
  const { district } = ctx.geo.place(rng, cityCode);
  const occupation = rng.chance(0.35) ? rng.pick(ctx.occupations) : (ctx.occupationPickerByCity.get(cityCode)?.pick(rng) as OccupationProfile);
  const grade = clamp(supplyGrade.pick(rng) - (rng.chance(0.3) ? 1 : 0), 1, 8);
  const day = rng.int(0, periodDays - 1);
  const closed = day + Math.round(rng.exponential(60));
  return {
    regionCode: district.code,
    occupationCode: occupation.code,
    grade,
    registeredOn: dayToIso(day),
    closedOn: closed >= periodDays ? null : dayToIso(closed),
  };
}

export interface GeneratedInstitution {
  id: number;
  name: string;
  kind: 'technical_school' | 'training_body' | 'training_base' | 'master_studio';
  regionCode: string;
  cityCode: string;
  lng: number;
  lat: number;
  capacity: number;
}

const KIND_PICKER = new WeightedPicker(['technical_school', 'training_body', 'training_base', 'master_studio'] as const, [30, 45, 15, 10]);
const KIND_SUFFIX = { technical_school: '技师学院', training_body: '职业培训学校', training_base: '公共实训基地', master_studio: '技能大师工作室' } as const;
const CAPACITY = { technical_school: [800, 6000], training_body: [100, 1200], training_base: [300, 3000], master_studio: [10, 60] } as const;

export function generateInstitutions(ctx: DemoContext, rng: Rng, count: number): GeneratedInstitution[] {
  const rows: GeneratedInstitution[] = [];
  for (let id = 1; id <= count; id++) {
    const cityCode = ctx.geo.cityPicker.pick(rng);
    const { district, lng, lat } = ctx.geo.place(rng, cityCode);
    const kind = KIND_PICKER.pick(rng);
    rows.push({
      id,
      name: `${district.name}${NAME_WORDS[rng.int(0, NAME_WORDS.length - 1)]}${NAME_WORDS[rng.int(0, NAME_WORDS.length - 1)]}${KIND_SUFFIX[kind]}`,
      kind,
      regionCode: district.code,
      cityCode,
      lng,
      lat,
      capacity: rng.int(CAPACITY[kind][0], CAPACITY[kind][1]),
    });
  }
  return rows;
}

export interface GeneratedProgram {
  id: number;
  institutionId: number;
  name: string;
  occupationCodes: string[];
  skills: { skillId: number; weight: number }[];
  grade: number;
  hours: number;
  capacity: number;
  subsidyEligible: boolean;
  mode: 'online' | 'offline' | 'blended';
}

const MODE_PICKER = new WeightedPicker(['offline', 'blended', 'online'] as const, [60, 25, 15]);

export function generatePrograms(ctx: DemoContext, rng: Rng, institutions: GeneratedInstitution[]): GeneratedProgram[] {
  const rows: GeneratedProgram[] = [];
  for (const inst of institutions) {
    const n = inst.kind === 'master_studio' ? rng.int(1, 2) : rng.int(3, 8);
    for (let k = 0; k < n; k++) {
      const occupation = ctx.occupationPickerByCity.get(inst.cityCode)?.pick(rng) as OccupationProfile;
      const grade = clamp(rng.int(2, 5) + (inst.kind === 'master_studio' ? 2 : 0), 1, 8);
      const skills = occupation.skills.filter((s) => rng.chance(0.55 + 0.4 * s.weight));
      if (skills.length === 0 && occupation.skills[0]) skills.push(occupation.skills[0]);
      rows.push({
        id: rows.length + 1,
        institutionId: inst.id,
        name: `${occupation.name}（${ctx.gradeNames[grade - 1]}）${grade >= HIGH_SKILL_MIN_GRADE ? '提升' : ''}培训班`,
        occupationCodes: [occupation.code],
        skills,
        grade,
        hours: Math.round((40 + grade * 60 * (0.6 + rng.next())) / 8) * 8,
        capacity: rng.int(20, 200),
        subsidyEligible: rng.chance(0.65),
        mode: MODE_PICKER.pick(rng),
      });
    }
  }
  return rows;
}
