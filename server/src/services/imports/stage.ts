import type { ImportKind } from '@talentmap/core';
import type { StageColumn, StageSpec } from '@talentmap/db';
import { talentCell } from '@talentmap/geo';
import type { ParsedRow } from './kinds.js';
import type { ImportResolvers } from './resolvers.js';

const c = (name: string, type: string, compare = true): StageColumn => ({ name, type, compare });
const EXTERNAL_ID = c('external_id', 'text');
const EMBEDDING = c('embedding', 'vector', false);

/** The target columns each kind writes, as its stage table holds them. */
export const STAGE_SPECS: Record<ImportKind, StageSpec> = {
  talents: {
    table: 'talents',
    columns: [
      EXTERNAL_ID,
      c('region_code', 'text'),
      c('lng', 'double precision'),
      c('lat', 'double precision'),
      c('occupation_code', 'text'),
      c('grade', 'smallint'),
      c('certificates', 'text[]'),
      c('skills', 'jsonb'),
      c('years_experience', 'smallint'),
      c('employment_status', 'text'),
      c('open_to_offers', 'boolean'),
      c('willing_radius_km', 'smallint'),
      EMBEDDING,
    ],
    extra: 'talent-identity',
  },
  seekers: {
    table: 'job_seekers',
    columns: [
      EXTERNAL_ID,
      c('talent_id', 'bigint'),
      c('region_code', 'text'),
      c('occupation_code', 'text'),
      c('grade', 'smallint'),
      c('registered_on', 'date'),
      c('closed_on', 'date'),
    ],
  },
  enterprises: {
    table: 'enterprises',
    columns: [
      EXTERNAL_ID,
      c('name', 'text'),
      c('region_code', 'text'),
      c('lng', 'double precision'),
      c('lat', 'double precision'),
      c('size', 'text'),
      c('chain_leader', 'boolean'),
    ],
    extra: 'enterprise-chains',
  },
  vacancies: {
    table: 'vacancies',
    columns: [
      EXTERNAL_ID,
      c('enterprise_id', 'integer'),
      c('region_code', 'text'),
      c('occupation_code', 'text'),
      c('grade', 'smallint'),
      c('headcount', 'integer'),
      c('title', 'text'),
      c('skills', 'jsonb'),
      c('posted_on', 'date'),
      c('filled_on', 'date'),
      c('wage_min', 'integer'),
      c('wage_max', 'integer'),
      EMBEDDING,
    ],
  },
  institutions: {
    table: 'institutions',
    columns: [
      EXTERNAL_ID,
      c('name', 'text'),
      c('kind', 'text'),
      c('region_code', 'text'),
      c('lng', 'double precision'),
      c('lat', 'double precision'),
      c('capacity', 'integer'),
    ],
  },
  programs: {
    table: 'programs',
    columns: [
      EXTERNAL_ID,
      c('institution_id', 'integer'),
      c('name', 'text'),
      c('occupation_codes', 'text[]'),
      c('skills', 'jsonb'),
      c('grade', 'smallint'),
      c('hours', 'integer'),
      c('capacity', 'integer'),
      c('subsidy_eligible', 'boolean'),
      c('mode', 'text'),
      EMBEDDING,
    ],
  },
};

/** What the batch resolved in the database for one row: its id, whether it exists, and its references. */
export interface ResolvedRow {
  row: number;
  id: number;
  existing: boolean;
  /** The enterprise or institution (vacancies, programs) and its district. */
  owner?: { id: number; regionCode: string };
  /** The talent a registration belongs to (seekers). */
  talentId?: number | null;
}

/** One stage row's values (stageRows' order: number, id, existing, then the spec's columns). A talent's identity is sealed apart (IdentitySealer). */
export function stageValues(parsed: ParsedRow, at: ResolvedRow, res: ImportResolvers): unknown[] {
  const head = [at.row, at.id, at.existing];
  const fields = ((): unknown[] => {
    switch (parsed.kind) {
      case 'talents': {
        const t = parsed.record;
        const [lng, lat] = talentCell([parsed.point.lng, parsed.point.lat]);
        return [
          t.externalId,
          t.regionCode,
          lng,
          lat,
          t.occupationCode,
          t.grade,
          t.certificates,
          t.skills,
          t.yearsExperience,
          t.employmentStatus,
          t.openToOffers,
          t.willingRadiusKm,
          res.embedTalent(t.skills),
        ];
      }
      case 'seekers': {
        const s = parsed.record;
        return [s.externalId, at.talentId ?? null, s.regionCode, s.occupationCode, s.grade, s.registeredOn, s.closedOn ?? null];
      }
      case 'enterprises': {
        const e = parsed.record;
        return [e.externalId, e.name, e.regionCode, parsed.point.lng, parsed.point.lat, e.size, e.chainLeader, e.chainCodes];
      }
      case 'vacancies': {
        const v = parsed.record;
        return [
          v.externalId,
          at.owner?.id,
          v.regionCode ?? at.owner?.regionCode,
          v.occupationCode,
          v.grade,
          v.headcount,
          v.title,
          v.skills,
          v.postedOn,
          v.filledOn,
          v.wageMin,
          v.wageMax,
          res.embed(v.skills),
        ];
      }
      case 'institutions': {
        const i = parsed.record;
        return [i.externalId, i.name, i.kind, i.regionCode, parsed.point.lng, parsed.point.lat, i.capacity];
      }
      case 'programs': {
        const p = parsed.record;
        return [p.externalId, at.owner?.id, p.name, p.occupationCodes, p.skills, p.grade, p.hours, p.capacity, p.subsidyEligible, p.mode, res.embed(p.skills)];
      }
    }
  })();
  return [...head, ...fields];
}
