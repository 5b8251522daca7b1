import {
  enterpriseCreateSchema,
  institutionCreateSchema,
  programCreateSchema,
  seekerCreateSchema,
  talentCreateSchema,
  vacancyCreateSchema,
  type EnterpriseCreate,
  type ImportKind,
  type InstitutionCreate,
  type SeekerCreate,
  type TalentCreate,
} from '@talentmap/core';
import { parseBoolean, parseDate, parseGrade, parseInteger, parseNumber, splitList, validateIdNumber, validatePhone } from '@talentmap/importer';
import type { WeightedSkill } from '@talentmap/matcher';
import { EMPLOYMENT_NAMES, INSTITUTION_KIND_NAMES, MODE_NAMES, SIZE_NAMES } from './columns.js';
import type { ImportResolvers } from './resolvers.js';
import type { RowReader } from './row-reader.js';

/** An import row read and checked: the record as its kind's shape, plus what the database must resolve. */
export type ParsedRow =
  | { kind: 'talents'; record: TalentCreate; point: { lng: number; lat: number } }
  | { kind: 'seekers'; record: SeekerCreate }
  | { kind: 'enterprises'; record: EnterpriseCreate; point: { lng: number; lat: number } }
  | { kind: 'institutions'; record: InstitutionCreate; point: { lng: number; lat: number } }
  | { kind: 'vacancies'; record: VacancyRecord; enterpriseExternalId: string | undefined }
  | { kind: 'programs'; record: ProgramRecord; institutionExternalId: string | undefined };

export interface VacancyRecord {
  externalId: string;
  title: string;
  occupationCode: string;
  grade: number;
  headcount: number;
  wageMin: number;
  wageMax: number;
  skills: WeightedSkill[];
  regionCode: string | undefined;
  postedOn: string;
  filledOn: string | null;
}

export interface ProgramRecord {
  externalId: string;
  name: string;
  occupationCodes: string[];
  skills: WeightedSkill[];
  grade: number;
  hours: number;
  capacity: number;
  subsidyEligible: boolean;
  mode: 'online' | 'offline' | 'blended';
}

/** Reads one row of a kind; undefined when the row has an error (the reader holds why). */
export function parseRow(kind: ImportKind, r: RowReader, res: ImportResolvers): ParsedRow | undefined {
  return PARSERS[kind](r, res);
}

const int = (min: number, max: number) => (t: string) => parseInteger(t, { min, max });

function district(r: RowReader, res: ImportResolvers, key: string): string | undefined {
  const text = r.text(key);
  if (text === undefined) return undefined;
  const found = res.region(text);
  if (!found.ok) return r.error(key, found.suggestions.length ? `${found.reason}；可能是：${found.suggestions.join('、')}` : found.reason);
  if (found.level !== 'district') return r.error(key, `${text} 不是区县，请填写区县`);
  return found.code;
}

/**
 * An occupation by code, name or alias; a guess below the classifier's confidence is never taken
 * silently: where the occupation is required the row is an error, elsewhere (a talent's) it is
 * left empty with a warning — both name the nearest occupations.
 */
function occupation(r: RowReader, res: ImportResolvers, key: string, { required = true, text = r.text(key) } = {}): string | undefined {
  if (text === undefined) return undefined;
  const found = res.occupation(text);
  if (found.ok) {
    if (found.inferred) r.warn(key, `按名称推断为 ${found.code} ${found.name}`, text);
    return found.code;
  }
  const hint = found.suggestions.length ? `；最接近的是：${found.suggestions.join('、')}` : '';
  if (required) return r.error(key, `${found.reason}${hint}`, text);
  r.warn(key, `${found.reason}，职业留空${hint}`, text);
  return undefined;
}

/** lng and lat both or neither; neither → the district's centre. */
function point(r: RowReader, res: ImportResolvers, regionCode: string | undefined) {
  const lng = r.parsed('lng', (t) => parseNumber(t, { min: 116, max: 122.5 }));
  const lat = r.parsed('lat', (t) => parseNumber(t, { min: 30.5, max: 35.5 }));
  if ((lng === undefined) !== (lat === undefined) && r.valid) r.error(lng === undefined ? 'lng' : 'lat', '经度和纬度须同时填写');
  if (lng !== undefined && lat !== undefined) return { lng, lat };
  return regionCode ? res.districtCentre(regionCode) : undefined;
}

/** Skill names or aliases → ids; an unknown name is a warning (registries hold free text). None known → the occupations' profile. */
function requiredSkills(r: RowReader, res: ImportResolvers, key: string, occupationCodes: (string | undefined)[]): WeightedSkill[] {
  const skills: WeightedSkill[] = [];
  for (const name of splitList(r.text(key) ?? '')) {
    const id = res.skill(name);
    if (id === undefined) r.warn(key, `未识别的技能“${name}”，已忽略`);
    else if (!skills.some((s) => s.skillId === id)) skills.push({ skillId: id, weight: 1 });
  }
  if (skills.length > 0) return skills;
  const codes = occupationCodes.filter((c): c is string => c !== undefined);
  return codes.length ? res.profile(codes) : [];
}

const LEVELLED = /^(.*?)\s*[(（]\s*([1-5])\s*[)）]$/;

/** A talent's skills with proficiency (`电气安装（4）`, a bare name at level 3); none known → the occupation's profile at level 3. */
function talentSkills(r: RowReader, res: ImportResolvers, occupationCode: string | null | undefined) {
  const skills: { skillId: number; level: number }[] = [];
  for (const entry of splitList(r.text('skills') ?? '')) {
    const [, name = entry, level = '3'] = LEVELLED.exec(entry) ?? [];
    const id = res.skill(name);
    if (id === undefined) r.warn('skills', `未识别的技能“${name}”，已忽略`);
    else if (!skills.some((s) => s.skillId === id)) skills.push({ skillId: id, level: Number(level) });
  }
  if (skills.length > 0) return skills;
  if (!occupationCode) return r.error('skills', '没有可识别的技能，也没有职业：至少填写其一');
  return res.profile([occupationCode]).map((s) => ({ skillId: s.skillId, level: 3 }));
}

const PARSERS: Record<ImportKind, (r: RowReader, res: ImportResolvers) => ParsedRow | undefined> = {
  talents(r, res) {
    const regionCode = district(r, res, 'regionCode');
    const occupationCode = occupation(r, res, 'occupation', { required: false }) ?? null;
    const p = point(r, res, regionCode);
    const record = r.checked(talentCreateSchema, {
      externalId: r.externalId() ?? '',
      fullName: r.text('fullName') ?? '',
      idNumber: r.parsed('idNumber', validateIdNumber) ?? '',
      phone: r.parsed('phone', validatePhone) ?? '',
      regionCode: regionCode ?? '',
      occupationCode,
      grade: r.parsed('grade', (t) => parseGrade(t, res.grades)) ?? 0,
      yearsExperience: r.parsed('yearsExperience', int(0, 60)) ?? 0,
      employmentStatus: r.choice('employmentStatus', EMPLOYMENT_NAMES) ?? 'employed',
      openToOffers: r.parsed('openToOffers', parseBoolean) ?? false,
      skills: talentSkills(r, res, occupationCode) ?? [],
      certificates: splitList(r.text('certificates') ?? ''),
      willingRadiusKm: r.parsed('willingRadiusKm', int(1, 1000)) ?? 30,
    });
    return record && p ? { kind: 'talents', record, point: p } : undefined;
  },

  seekers(r, res) {
    const record = r.checked(seekerCreateSchema, {
      externalId: r.externalId() ?? '',
      talentExternalId: r.text('talentExternalId'),
      regionCode: district(r, res, 'regionCode') ?? '',
      occupationCode: occupation(r, res, 'occupation') ?? '',
      grade: r.parsed('grade', (t) => parseGrade(t, res.grades)) ?? 0,
      registeredOn: r.parsed('registeredOn', parseDate) ?? '',
      closedOn: r.parsed('closedOn', parseDate),
    });
    return record && { kind: 'seekers', record };
  },

  enterprises(r, res) {
    const regionCode = district(r, res, 'regionCode');
    const chainCodes: string[] = [];
    for (const name of splitList(r.text('chains') ?? '')) {
      const code = res.chain(name);
      if (code === undefined) r.error('chains', `未知产业链“${name}”`);
      else if (!chainCodes.includes(code)) chainCodes.push(code);
    }
    const p = point(r, res, regionCode);
    const record = r.checked(enterpriseCreateSchema, {
      externalId: r.externalId() ?? '',
      name: r.text('name') ?? '',
      regionCode: regionCode ?? '',
      size: r.choice('size', SIZE_NAMES) ?? 'small',
      chainLeader: r.parsed('chainLeader', parseBoolean) ?? false,
      chainCodes: chainCodes.sort(),
    });
    return record && p ? { kind: 'enterprises', record, point: p } : undefined;
  },

  institutions(r, res) {
    const regionCode = district(r, res, 'regionCode');
    const p = point(r, res, regionCode);
    const record = r.checked(institutionCreateSchema, {
      externalId: r.externalId() ?? '',
      name: r.text('name') ?? '',
      kind: r.choice('kind', INSTITUTION_KIND_NAMES) ?? 'training_body',
      regionCode: regionCode ?? '',
      capacity: r.parsed('capacity', int(1, 1_000_000)) ?? 0,
    });
    return record && p ? { kind: 'institutions', record, point: p } : undefined;
  },

  vacancies(r, res) {
    const occupationCode = occupation(r, res, 'occupation');
    const regionText = r.text('regionCode');
    const regionCode = regionText === undefined ? undefined : district(r, res, 'regionCode');
    const filledOn = r.parsed('filledOn', parseDate) ?? null;
    const skills = requiredSkills(r, res, 'skills', [occupationCode]);
    // The API's own shape checks the fields both share (wages in order, dates, ranges).
    const checked = r.checked(vacancyCreateSchema, {
      title: r.text('title') ?? '',
      occupationCode: occupationCode ?? '',
      grade: r.parsed('grade', (t) => parseGrade(t, res.grades)) ?? 0,
      headcount: r.parsed('headcount', int(1, 10_000)) ?? 0,
      wageMin: r.parsed('wageMin', int(1, 1_000_000)) ?? 0,
      wageMax: r.parsed('wageMax', int(1, 1_000_000)) ?? 0,
      regionCode,
      postedOn: r.parsed('postedOn', parseDate),
    });
    const externalId = r.externalId();
    if (!checked || externalId === undefined) return undefined;
    const postedOn = checked.postedOn ?? res.today;
    if (postedOn > res.today) return r.error('postedOn', '发布日期晚于今天');
    if (filledOn !== null && filledOn < postedOn) return r.error('filledOn', '招满日期早于发布日期');
    const { skills: _names, text: _text, ...fields } = checked;
    return {
      kind: 'vacancies',
      record: { ...fields, externalId, skills, regionCode: checked.regionCode, postedOn, filledOn },
      enterpriseExternalId: r.text('enterpriseExternalId'),
    };
  },

  programs(r, res) {
    const occupationCodes: string[] = [];
    for (const name of splitList(r.text('occupations') ?? '')) {
      const code = occupation(r, res, 'occupations', { text: name });
      if (code !== undefined && !occupationCodes.includes(code)) occupationCodes.push(code);
    }
    const skills = requiredSkills(r, res, 'skills', occupationCodes);
    const checked = r.checked(programCreateSchema, {
      name: r.text('name') ?? '',
      occupationCodes,
      grade: r.parsed('grade', (t) => parseGrade(t, res.grades)) ?? 0,
      hours: r.parsed('hours', int(1, 10_000)) ?? 0,
      capacity: r.parsed('capacity', int(1, 100_000)) ?? 0,
      subsidyEligible: r.parsed('subsidyEligible', parseBoolean),
      mode: r.choice('mode', MODE_NAMES),
    });
    const externalId = r.externalId();
    if (!checked || externalId === undefined) return undefined;
    const { skills: _names, ...fields } = checked;
    return { kind: 'programs', record: { ...fields, externalId, skills }, institutionExternalId: r.text('institutionExternalId') };
  },
};
