import { z } from 'zod';

/** Who may do what: one role per account, with the scope the role works in. */
export const ROLES = ['planner', 'enterprise', 'institution', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;
/** The caller's role for access rules: an account's role, or nobody signed in. */
export type Viewer = Role | 'anonymous';

/**
 * The scope of a role: a planner's region (the province 320000 or one city), an enterprise's
 * or an institution's id; admins have none.
 */
export const scopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('region'), regionCode: z.string().regex(/^32\d{4}$/) }),
  z.object({ kind: z.literal('enterprise'), enterpriseId: z.number().int().positive() }),
  z.object({ kind: z.literal('institution'), institutionId: z.number().int().positive() }),
  z.object({ kind: z.literal('none') }),
]);
export type Scope = z.infer<typeof scopeSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, dot, dash and underscore');

export const loginRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const meSchema = z.object({
  username: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  /** Send back as `x-csrf-token` on cookie-authenticated writes. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const demoAccountSchema = z.object({
  username: z.string(),
  role: roleSchema,
  scope: scopeSchema,
  /** What the account is for, in Chinese, for the demo banner and the login page. */
  label: z.string(),
});
export const demoAccountsSchema = z.object({ items: z.array(demoAccountSchema), synthetic: z.literal(true) });
export type DemoAccount = z.infer<typeof demoAccountSchema>;

/** The scope kind each role works in: the one rule tying an account's scope to its role. */
export const SCOPE_KIND_OF_ROLE = { planner: 'region', enterprise: 'enterprise', institution: 'institution', admin: 'none' } as const satisfies Record<
  Role,
  Scope['kind']
>;

/** The accounts the synthetic demo creates (all with one password); the login page offers them. */
export const DEMO_USERNAMES = ['admin', 'planner', 'planner-suzhou', 'enterprise-demo', 'institution-demo'] as const;

/** A password an account is created with (the CLI); sign-in accepts anything up to the same length. */
export const newPasswordSchema = z.string().min(10, 'at least 10 characters').max(256);

/** `POST /api/auth/tokens`: a bearer token for scripts, named so its owner can tell tokens apart. */
export const apiTokenRequestSchema = z.object({ name: z.string().trim().min(1).max(100) });
export const apiTokenSchema = z.object({
  /** Send as `Authorization: Bearer <token>`; shown this once, only its hash is stored. */
  token: z.string(),
  name: z.string(),
  createdAt: z.string(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
