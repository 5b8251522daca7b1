import { z } from 'zod';

/** The environment, validated once at start-up: a typo in DATABASE_URL fails loudly, not later. */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Where the embedded PGlite keeps its files when DATABASE_URL is unset. */
  DATA_DIR: z.string().default('./data/pglite'),
  /** Load the synthetic demo dataset when the database holds none. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  DEMO_TALENTS: z.coerce.number().int().min(100).max(5_000_000).default(20_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Optional MapLibre style URL for deployments that have a tile server; unset = boundaries only. */
  BASEMAP_STYLE_URL: z.string().url().optional(),
});
export type Config = z.infer<typeof configSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) throw new Error(`invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
