import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  real,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  vector,
  type AnyPgColumn,
  type ExtraConfigColumn,
} from 'drizzle-orm/pg-core';
import { EMBEDDING_DIM, IMPORT_KINDS, IMPORT_MODES, IMPORT_PHASES, IMPORT_STATUSES, ROLES } from '@talentmap/core';

/** A skill reference with a weight (required skills, skills taught) or a proficiency 1–5 (talents). */
export type SkillWeight = { skillId: number; weight: number };
export type SkillLevel = { skillId: number; level: number };

/** Binary columns (ciphertexts) as Buffers; drizzle has no built-in bytea. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});

const embedding = () => vector('embedding', { dimensions: EMBEDDING_DIM });
const hnsw = (name: string, column: ExtraConfigColumn) => index(name).using('hnsw', column.op('vector_cosine_ops'));

// ---------------------------------------------------------------- reference

export const regions = pgTable(
  'regions',
  {
    code: text().primaryKey(),
    name: text().notNull(),
    level: text({ enum: ['province', 'city', 'district'] }).notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => regions.code),
    /** GeoJSON Polygon or MultiPolygon, WGS84. */
    boundary: jsonb().notNull(),
    centroidLng: doublePrecision('centroid_lng').notNull(),
    centroidLat: doublePrecision('centroid_lat').notNull(),
  },
  (t) => [
    index('regions_parent_idx').on(t.parentCode),
    check('regions_code_format', sql`${t.code} ~ '^[0-9]{6}$'`),
    check('regions_level', sql`${t.level} in ('province','city','district')`),
    check('regions_parent_present', sql`(${t.level} = 'province') = (${t.parentCode} is null)`),
  ],
);

export const clusters = pgTable('clusters', {
  code: text().primaryKey(),
  name: text().notNull().unique(),
  shortName: text('short_name').notNull(),
  description: text().notNull(),
  cities: text().array().notNull(),
});

export const chains = pgTable(
  'chains',
  {
    code: text().primaryKey(),
    name: text().notNull().unique(),
    kind: text({ enum: ['key', 'advantage', 'excellence'] }).notNull(),
    tiers: text({ enum: ['key', 'advantage', 'excellence'] })
      .array()
      .notNull(),
    clusterCode: text('cluster_code')
      .notNull()
      .references(() => clusters.code),
    curated: boolean().notNull(),
    cities: text().array().notNull(),
    leadEnterprise: text('lead_enterprise'),
  },
  (t) => [check('chains_kind', sql`${t.kind} in ('key','advantage','excellence')`), check('chains_kind_in_tiers', sql`${t.kind} = any(${t.tiers})`)],
);

export const grades = pgTable(
  'grades',
  {
    level: smallint().primaryKey(),
    name: text().notNull().unique(),
    highSkill: boolean('high_skill').notNull(),
    nationalLevel: text('national_level'),
  },
  (t) => [check('grades_level_range', sql`${t.level} between 1 and 8`)],
);

/** The groups above the 细类 (大类 1, 中类 6-18, 小类 6-18-02), as the 2022 catalogue names them. */
export const occupationGroups = pgTable(
  'occupation_groups',
  {
    code: text().primaryKey(),
    level: text({ enum: ['major', 'middle', 'minor'] }).notNull(),
    name: text().notNull(),
  },
  (t) => [check('occupation_groups_code_format', sql`${t.code} ~ '^[0-9](-[0-9]{2}){0,2}$'`)],
);

export const occupations = pgTable(
  'occupations',
  {
    code: text().primaryKey(),
    name: text().notNull().unique(),
    /** Other names adverts and registrations use (电焊工 for 焊工), the names of earlier editions among them. */
    aliases: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Codes of the 2015 edition that now mean this occupation. */
    legacyCodes: text('legacy_codes')
      .array()
      .notNull()
      .default(sql`'{}'`),
    majorGroup: smallint('major_group').notNull(),
    // The groups are the code's prefixes: derived, so they cannot disagree with it.
    middleGroup: text('middle_group')
      .notNull()
      .generatedAlwaysAs(sql`substr(code, 1, 4)`),
    minorGroup: text('minor_group')
      .notNull()
      .generatedAlwaysAs(sql`substr(code, 1, 7)`),
    marks: text({ enum: ['S', 'L', 'LS'] }),
    digital: boolean().notNull(),
    catalogVersion: text('catalog_version').notNull().default('2022'),
    description: text().notNull(),
    workTypes: text('work_types')
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** curated: the project's profile; derived: written from the definition; null: no profile. */
    profileSource: text('profile_source', { enum: ['curated', 'derived'] }),
    embedding: embedding(),
  },
  (t) => [
    check('occupations_code_format', sql`${t.code} ~ '^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$'`),
    check('occupations_major_group', sql`${t.majorGroup} between 1 and 8`),
    index('occupations_minor_group_idx').on(t.minorGroup),
    hnsw('occupations_embedding_hnsw', t.embedding),
  ],
);

export const skills = pgTable(
  'skills',
  {
    id: serial().primaryKey(),
    name: text().notNull().unique(),
    aliases: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    category: text().notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => skills.id),
  },
  (t) => [check('skills_not_own_parent', sql`${t.parentId} is distinct from ${t.id}`)],
);

export const occupationSkills = pgTable(
  'occupation_skills',
  {
    occupationCode: text('occupation_code')
      .notNull()
      .references(() => occupations.code, { onDelete: 'cascade' }),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id),
    weight: real().notNull(),
  },
  (t) => [primaryKey({ columns: [t.occupationCode, t.skillId] }), check('occupation_skills_weight', sql`${t.weight} > 0 and ${t.weight} <= 1`)],
);

export const chainOccupations = pgTable(
  'chain_occupations',
  {
    chainCode: text('chain_code')
      .notNull()
      .references(() => chains.code, { onDelete: 'cascade' }),
    occupationCode: text('occupation_code')
      .notNull()
      .references(() => occupations.code),
    weight: real().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.chainCode, t.occupationCode] }),
    index('chain_occupations_occupation_idx').on(t.occupationCode),
    check('chain_occupations_weight', sql`${t.weight} > 0 and ${t.weight} <= 1`),
  ],
);

/** 专栏1 of the Jiangsu 14th Five-Year skilled-talent plan. */
export const indicators = pgTable('indicators', {
  code: text().primaryKey(),
  section: text().notNull(),
  name: text().notNull(),
  unit: text().notNull(),
  baseline2020: numeric('baseline_2020', { mode: 'number' }),
  target2025: numeric('target_2025', { mode: 'number' }).notNull(),
  bracketed: boolean().notNull(),
  attribute: text().notNull(),
  computable: boolean().notNull(),
  /** Set by an administrator for indicators the data cannot compute. */
  currentValue: numeric('current_value', { mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
});

/** Key/value facts about the loaded dataset (kind, seed, scale, load time). */
export const datasetMeta = pgTable('dataset_meta', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
});

// ---------------------------------------------------------------- demand side

export const enterprises = pgTable(
  'enterprises',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    lng: doublePrecision().notNull(),
    lat: doublePrecision().notNull(),
    size: text({ enum: ['micro', 'small', 'medium', 'large'] }).notNull(),
    chainLeader: boolean('chain_leader').notNull().default(false),
    synthetic: boolean().notNull().default(true),
    /** The record's id in the office's own system (外部编号): the key of imports, unique per table. */
    externalId: text('external_id'),
  },
  (t) => [
    unique('enterprises_external_id_key').on(t.externalId),
    index('enterprises_region_idx').on(t.regionCode),
    check('enterprises_size', sql`${t.size} in ('micro','small','medium','large')`),
    check('enterprises_lnglat', sql`${t.lng} between -180 and 180 and ${t.lat} between -90 and 90`),
  ],
);

export const enterpriseChains = pgTable(
  'enterprise_chains',
  {
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    chainCode: text('chain_code')
      .notNull()
      .references(() => chains.code),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.chainCode] }), index('enterprise_chains_chain_idx').on(t.chainCode)],
);

export const vacancies = pgTable(
  'vacancies',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** The enterprise's district, copied so that regional rollups need no join. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    occupationCode: text('occupation_code')
      .notNull()
      .references(() => occupations.code),
    grade: smallint()
      .notNull()
      .references(() => grades.level),
    headcount: integer().notNull(),
    title: text().notNull(),
    skills: jsonb().$type<SkillWeight[]>().notNull(),
    postedOn: date('posted_on').notNull(),
    filledOn: date('filled_on'),
    wageMin: integer('wage_min').notNull(),
    wageMax: integer('wage_max').notNull(),
    synthetic: boolean().notNull().default(true),
    embedding: embedding(),
    /** The record's id in the office's own system (外部编号): the key of imports, unique per enterprise. */
    externalId: text('external_id'),
  },
  (t) => [
    unique('vacancies_external_id_key').on(t.enterpriseId, t.externalId),
    index('vacancies_region_occupation_idx').on(t.regionCode, t.occupationCode),
    index('vacancies_occupation_idx').on(t.occupationCode),
    index('vacancies_posted_idx').on(t.postedOn),
    check('vacancies_headcount', sql`${t.headcount} > 0`),
    check('vacancies_dates', sql`${t.filledOn} is null or ${t.filledOn} >= ${t.postedOn}`),
    check('vacancies_wage', sql`${t.wageMin} > 0 and ${t.wageMax} >= ${t.wageMin}`),
    hnsw('vacancies_embedding_hnsw', t.embedding),
  ],
);

// ---------------------------------------------------------------- supply side

/**
 * Pseudonymous talent profile: everything matching and maps may read. Names, phone and ID
 * numbers live in talent_identities; the generator's latent truth lives in talent_truths.
 */
export const talents = pgTable(
  'talents',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** District of residence; the finest location ever shown outside the planner role. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** The centre of the home's 0.025° grid cell (@talentmap/geo talentCell), for radius filters and distance bands only, never returned. */
    lng: doublePrecision().notNull(),
    lat: doublePrecision().notNull(),
    occupationCode: text('occupation_code').references(() => occupations.code),
    grade: smallint()
      .notNull()
      .references(() => grades.level),
    certificates: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    skills: jsonb().$type<SkillLevel[]>().notNull(),
    yearsExperience: smallint('years_experience').notNull(),
    employmentStatus: text('employment_status', { enum: ['employed', 'unemployed', 'student'] }).notNull(),
    openToOffers: boolean('open_to_offers').notNull(),
    willingRadiusKm: smallint('willing_radius_km').notNull(),
    synthetic: boolean().notNull().default(true),
    embedding: embedding(),
    /** The record's id in the office's own system (外部编号): the key of imports, unique per table. */
    externalId: text('external_id'),
  },
  (t) => [
    unique('talents_external_id_key').on(t.externalId),
    index('talents_region_idx').on(t.regionCode),
    index('talents_occupation_grade_idx').on(t.occupationCode, t.grade),
    // Which talents hold any of a set of skills (talent_skill_ids, migrations/0007): the search's coverage pass.
    index('talents_skill_ids_idx').using('gin', sql`talent_skill_ids(${t.skills})`),
    check('talents_years', sql`${t.yearsExperience} between 0 and 60`),
    check('talents_radius', sql`${t.willingRadiusKm} between 1 and 1000`),
    check('talents_status', sql`${t.employmentStatus} in ('employed','unemployed','student')`),
    hnsw('talents_embedding_hnsw', t.embedding),
  ],
);

/**
 * Personal information (PIPL), encrypted at rest: AES-256-GCM under PII_KEY (@talentmap/core/pii),
 * each ciphertext bound to its row and column, and a keyed blind index of the ID number so imports
 * find duplicates without decrypting. No matching, map or analytics query joins this table.
 */
export const talentIdentities = pgTable(
  'talent_identities',
  {
    talentId: bigint('talent_id', { mode: 'number' })
      .primaryKey()
      .references(() => talents.id, { onDelete: 'cascade' }),
    fullNameSealed: bytea('full_name_sealed').notNull(),
    phoneSealed: bytea('phone_sealed').notNull(),
    idNumberSealed: bytea('id_number_sealed').notNull(),
    /** HMAC-SHA256 of the ID number under a key derived from PII_KEY. */
    idNumberIndex: text('id_number_index').notNull(),
    /** The master key the row is sealed under (rotation re-seals rows whose key id is old). */
    keyId: text('key_id').notNull(),
    /** A keyed digest of the three fields (identityDigest): an import sees an unchanged identity without decrypting it. */
    digest: text(),
  },
  (t) => [index('talent_identities_id_number_idx').on(t.idNumberIndex), index('talent_identities_key_idx').on(t.keyId)],
);

/** The synthetic generator's latent truth, read only by the evaluation harness. */
export const talentTruths = pgTable('talent_truths', {
  talentId: bigint('talent_id', { mode: 'number' })
    .primaryKey()
    .references(() => talents.id, { onDelete: 'cascade' }),
  occupationCode: text('occupation_code')
    .notNull()
    .references(() => occupations.code),
  grade: smallint()
    .notNull()
    .references(() => grades.level),
});

/** Job-seeker registrations (求职登记): the denominator of 求人倍率. */
export const jobSeekers = pgTable(
  'job_seekers',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    talentId: bigint('talent_id', { mode: 'number' }).references(() => talents.id, { onDelete: 'set null' }),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    occupationCode: text('occupation_code')
      .notNull()
      .references(() => occupations.code),
    grade: smallint()
      .notNull()
      .references(() => grades.level),
    registeredOn: date('registered_on').notNull(),
    closedOn: date('closed_on'),
    synthetic: boolean().notNull().default(true),
    /** The record's id in the office's own system (外部编号): the key of imports, unique per table. */
    externalId: text('external_id'),
  },
  (t) => [
    unique('job_seekers_external_id_key').on(t.externalId),
    index('job_seekers_region_occupation_idx').on(t.regionCode, t.occupationCode),
    index('job_seekers_registered_idx').on(t.registeredOn),
    check('job_seekers_dates', sql`${t.closedOn} is null or ${t.closedOn} >= ${t.registeredOn}`),
  ],
);

// ---------------------------------------------------------------- training supply

export const institutions = pgTable(
  'institutions',
  {
    id: serial().primaryKey(),
    name: text().notNull(),
    kind: text({ enum: ['technical_school', 'training_body', 'training_base', 'master_studio'] }).notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    lng: doublePrecision().notNull(),
    lat: doublePrecision().notNull(),
    capacity: integer().notNull(),
    synthetic: boolean().notNull().default(true),
    /** The record's id in the office's own system (外部编号): the key of imports, unique per table. */
    externalId: text('external_id'),
  },
  (t) => [
    unique('institutions_external_id_key').on(t.externalId),
    index('institutions_region_idx').on(t.regionCode),
    check('institutions_kind', sql`${t.kind} in ('technical_school','training_body','training_base','master_studio')`),
    check('institutions_capacity', sql`${t.capacity} > 0`),
  ],
);

export const programs = pgTable(
  'programs',
  {
    id: serial().primaryKey(),
    institutionId: integer('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    occupationCodes: text('occupation_codes').array().notNull(),
    skills: jsonb().$type<SkillWeight[]>().notNull(),
    grade: smallint()
      .notNull()
      .references(() => grades.level),
    hours: integer().notNull(),
    capacity: integer().notNull(),
    subsidyEligible: boolean('subsidy_eligible').notNull(),
    mode: text({ enum: ['online', 'offline', 'blended'] }).notNull(),
    synthetic: boolean().notNull().default(true),
    embedding: embedding(),
    /** The record's id in the office's own system (外部编号): the key of imports, unique per institution. */
    externalId: text('external_id'),
  },
  (t) => [
    unique('programs_external_id_key').on(t.institutionId, t.externalId),
    index('programs_institution_idx').on(t.institutionId),
    check('programs_hours', sql`${t.hours} > 0`),
    check('programs_capacity', sql`${t.capacity} > 0`),
    check('programs_mode', sql`${t.mode} in ('online','offline','blended')`),
    check('programs_targets', sql`cardinality(${t.occupationCodes}) > 0`),
    hnsw('programs_embedding_hnsw', t.embedding),
  ],
);

// ---------------------------------------------------------------- shortage rollups
// Derived tables rebuilt by refreshShortageRollups (seed/src/shortage-rollups.ts) after every load (seed/src/after-load.ts).
// The shortage API reads only these, never the raw vacancies or registrations. No foreign keys:
// the rows are replaced wholesale and '*' / 0 stand for "all occupations" / "all grades".

/** One scored slice: period (`2025Q3` or `2025`) × region (any level) × occupation or '*' × grade or 0. */
export const shortageSlices = pgTable(
  'shortage_slices',
  {
    period: text().notNull(),
    level: text({ enum: ['province', 'city', 'district'] }).notNull(),
    regionCode: text('region_code').notNull(),
    occupationCode: text('occupation_code').notNull(),
    grade: smallint().notNull(),
    vacancies: integer().notNull(),
    postings: integer().notNull(),
    seekers: integer().notNull(),
    ratio: doublePrecision().notNull(),
    medianDays: real('median_days'),
    medianReached: boolean('median_reached'),
    referenceMedianDays: real('reference_median_days'),
    demandGrowth: doublePrecision('demand_growth'),
    wageMean: doublePrecision('wage_mean'),
    wageGrowth: doublePrecision('wage_growth'),
    talents: integer().notNull(),
    talentsPer10k: doublePrecision('talents_per_10k'),
    trainingCapacity: integer('training_capacity').notNull(),
    pipelineCoverage: doublePrecision('pipeline_coverage'),
    pointsRatio: smallint('points_ratio'),
    pointsDuration: smallint('points_duration'),
    pointsDemandGrowth: smallint('points_demand_growth'),
    pointsWageGrowth: smallint('points_wage_growth'),
    pointsPipeline: smallint('points_pipeline'),
    score: doublePrecision(),
    status: text({ enum: ['bottleneck', 'watch', 'none', 'insufficient'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.regionCode, t.occupationCode, t.grade] }),
    // Heatmap top occupations: one period, one level, one grade, every region.
    index('shortage_slices_level_idx').on(t.period, t.level, t.grade),
  ],
);

/**
 * Vacancies attributed to a chain or cluster (group) through its enterprises' chain links,
 * counting only occupations in the group's chain → occupation matrix; per quarter.
 */
export const shortageGroupVacancies = pgTable(
  'shortage_group_vacancies',
  {
    period: text().notNull(),
    groupCode: text('group_code').notNull(),
    level: text({ enum: ['province', 'city', 'district'] }).notNull(),
    regionCode: text('region_code').notNull(),
    occupationCode: text('occupation_code').notNull(),
    grade: smallint().notNull(),
    vacancies: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.period, t.groupCode, t.level, t.grade, t.regionCode, t.occupationCode] })],
);

// ---------------------------------------------------------------- accounts
// Written by people (the user:create CLI) and by the demo seeding, never by the bulk loader.
// An account scoped to an enterprise or an institution goes with it (ON DELETE CASCADE), and
// its sessions and tokens go with the account, so reloading data never strands a login.

export const accounts = pgTable(
  'accounts',
  {
    id: serial().primaryKey(),
    username: text().notNull().unique(),
    /** `scrypt$N$r$p$salt$hash` (@talentmap/core/password); never the password. */
    passwordHash: text('password_hash').notNull(),
    role: text({ enum: ROLES }).notNull(),
    /** A planner's province or city. */
    regionCode: text('region_code').references(() => regions.code),
    enterpriseId: integer('enterprise_id').references(() => enterprises.id, { onDelete: 'cascade' }),
    institutionId: integer('institution_id').references(() => institutions.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set: the account can no longer sign in, and its sessions and tokens stop working. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [
    check('accounts_role', sql`${t.role} in ('planner','enterprise','institution','admin')`),
    // Exactly the scope column the role needs is set (SCOPE_KIND_OF_ROLE in @talentmap/core).
    check(
      'accounts_scope',
      sql`case ${t.role}
        when 'planner' then ${t.regionCode} is not null and ${t.enterpriseId} is null and ${t.institutionId} is null
        when 'enterprise' then ${t.enterpriseId} is not null and ${t.regionCode} is null and ${t.institutionId} is null
        when 'institution' then ${t.institutionId} is not null and ${t.regionCode} is null and ${t.enterpriseId} is null
        else ${t.regionCode} is null and ${t.enterpriseId} is null and ${t.institutionId} is null end`,
    ),
  ],
);

/** @fastify/session's store. The key is the SHA-256 of the session id: a leaked table signs nobody in. */
export const sessions = pgTable(
  'sessions',
  {
    sidHash: text('sid_hash').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    data: jsonb().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)],
);

/** Bearer tokens for scripts, stored as SHA-256 hashes; the token itself is shown once. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial().primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    name: text().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_account_idx').on(t.accountId)],
);

// ---------------------------------------------------------------- protecting the talent

/**
 * Who looked at which talents, when and why: every candidate search, pathways view and contact
 * request. Append-only: on PostgreSQL a trigger refuses UPDATE, DELETE and TRUNCATE (migration
 * 0004). No foreign key to accounts, so the record outlives the account; `talentIds` are row ids
 * (the pseudonyms shown differ per viewer) and never leave the server except to an admin.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    accountId: integer('account_id'),
    username: text(),
    role: text().notNull(),
    action: text({ enum: ['candidate-search', 'talent-pathways', 'talent-gap', 'contact-request', 'contact-request-update'] }).notNull(),
    purpose: text().notNull(),
    /** The pseudonyms as the viewer saw them. */
    pseudonyms: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    talentIds: bigint('talent_ids', { mode: 'number' })
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Non-personal context: the vacancy, the filters, the number of results. */
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_account_at_idx').on(t.accountId, t.at), index('audit_log_at_idx').on(t.at)],
);

/**
 * 推荐 through the public employment service: an enterprise asks to contact a candidate; a planner
 * whose region holds the talent acts on it. The enterprise never receives identity fields.
 */
export const contactRequests = pgTable(
  'contact_requests',
  {
    id: serial().primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    enterpriseId: integer('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    vacancyId: bigint('vacancy_id', { mode: 'number' }).references(() => vacancies.id, { onDelete: 'set null' }),
    talentId: bigint('talent_id', { mode: 'number' })
      .notNull()
      .references(() => talents.id, { onDelete: 'cascade' }),
    /** The talent's district: planners whose region contains it see the request. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    message: text().notNull(),
    status: text({ enum: ['pending', 'forwarded', 'declined', 'closed'] })
      .notNull()
      .default('pending'),
    handledBy: integer('handled_by').references(() => accounts.id, { onDelete: 'set null' }),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    note: text(),
  },
  (t) => [
    index('contact_requests_region_idx').on(t.regionCode, t.status),
    index('contact_requests_enterprise_idx').on(t.enterpriseId),
    check('contact_requests_status', sql`${t.status} in ('pending','forwarded','declined','closed')`),
  ],
);

/**
 * The yearly 紧缺职业目录 as published: a frozen, dated copy of the catalogue rows a planner chose
 * to publish. Anonymous users read the latest publication, not the live computation.
 */
export const catalogPublications = pgTable(
  'catalog_publications',
  {
    id: serial().primaryKey(),
    year: smallint().notNull(),
    /** The province, or the city a city planner published for. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    title: text().notNull(),
    /** The period of the data the catalogue was computed from (YYYY-MM). */
    period: text().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
    publishedBy: integer('published_by').references(() => accounts.id, { onDelete: 'set null' }),
    entries: jsonb().$type<unknown[]>().notNull(),
  },
  (t) => [index('catalog_publications_region_year_idx').on(t.regionCode, t.year)],
);

// ---------------------------------------------------------------- imports

/**
 * One uploaded file and what became of it. A job runs in one transaction: until `committed`
 * nothing of it is visible; a process that dies while it runs leaves `running`, which the next
 * start (or a sweep, once the heartbeat is stale) turns into `interrupted`.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: serial().primaryKey(),
    kind: text({ enum: IMPORT_KINDS }).notNull(),
    mode: text({ enum: IMPORT_MODES }).notNull(),
    status: text({ enum: IMPORT_STATUSES }).notNull().default('queued'),
    phase: text({ enum: IMPORT_PHASES }).notNull().default('queued'),
    fileName: text('file_name').notNull(),
    /** The upload as stored on disk, kept so that an interrupted job can run again. */
    filePath: text('file_path').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    username: text().notNull(),
    /** The enterprise or institution whose own records these are (its accounts' imports). */
    enterpriseId: integer('enterprise_id').references(() => enterprises.id, { onDelete: 'cascade' }),
    institutionId: integer('institution_id').references(() => institutions.id, { onDelete: 'cascade' }),
    rowsRead: integer('rows_read').notNull().default(0),
    rowsValid: integer('rows_valid').notNull().default(0),
    rowsRejected: integer('rows_rejected').notNull().default(0),
    inserted: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    warnings: integer().notNull().default(0),
    message: text(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Written by the running worker every few seconds; a stale one means its process is gone. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  },
  (t) => [
    index('import_jobs_status_idx').on(t.status),
    index('import_jobs_created_idx').on(t.createdAt),
    check('import_jobs_status', sql`${t.status} in ('queued','running','committed','failed','interrupted')`),
  ],
);

/** The rejected rows and the warnings of a job, for its error report (row 1 is the header). */
export const importIssues = pgTable(
  'import_issues',
  {
    jobId: integer('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    seq: integer().notNull(),
    row: integer().notNull(),
    column: text().notNull(),
    value: text().notNull(),
    severity: text({ enum: ['error', 'warning'] }).notNull(),
    message: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);
