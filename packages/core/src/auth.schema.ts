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
