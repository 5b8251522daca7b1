import { z } from 'zod';

/** The largest PostgreSQL `integer`: row ids are serial columns. */
export const ID_MAX = 2_147_483_647;

/**
 * A numeric row id as it arrives in a URL path. Strict on purpose: `z.coerce.number()` would
 * take `0x10`, `1e2`, `+10`, ` 10`, `010` and `1.0` as other spellings of an id, so one resource
 * would answer to many URLs (cache keys, logs and audit trails disagree) and a typo would hit a
 * real row. Only the canonical decimal form is an id.
 */
export const idSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'a positive integer id like 42')
  .transform(Number)
  .pipe(z.number().int().max(ID_MAX, `at most ${ID_MAX}`));
