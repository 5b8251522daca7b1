/** Dimension of the shared skill space (vector(D) columns; pgvector HNSW allows up to 2000, the issue caps it at 256). */
export const EMBEDDING_DIM = 128;

export const REGION_LEVELS = ['province', 'city', 'district'] as const;
export const CHAIN_KINDS = ['key', 'advantage', 'excellence'] as const;
export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const EMPLOYMENT_STATUSES = ['employed', 'unemployed', 'student'] as const;
export const INSTITUTION_KINDS = ['technical_school', 'training_body', 'training_base', 'master_studio'] as const;
export const PROGRAM_MODES = ['online', 'offline', 'blended'] as const;
export const DATABASE_DRIVERS = ['pglite', 'postgres'] as const;

/** 新八级工: levels 1..8; 高技能人才 means 高级工 (level 4) and above. */
export const GRADE_MIN = 1;
export const GRADE_MAX = 8;
export const HIGH_SKILL_MIN_GRADE = 4;

/** GB/T 2260 code of 江苏省. */
export const PROVINCE_CODE = '320000';

/** 2022 大典 细类 code, e.g. 6-18-02-04. */
export const OCCUPATION_CODE_PATTERN = /^\d-\d{2}-\d{2}-\d{2}$/;
export const REGION_CODE_PATTERN = /^\d{6}$/;
