import { createInterface } from 'node:readline/promises';
import { Writable, type Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { SCOPE_KIND_OF_ROLE, idSchema, newPasswordSchema, regionCodeSchema, roleSchema, usernameSchema, type Role } from '@talentmap/core';
import { AccountRepository, type DbClient } from '@talentmap/db';
import { AccountService } from '../services/account.service.js';

export const USAGE = `usage: pnpm user:create --role planner|enterprise|institution|admin --username NAME
         [--region CODE | --enterprise ID | --institution ID] [--password-stdin]
  Creates an account in the database named by DATABASE_URL or, unset, the embedded PGlite in
  DATA_DIR (stop the server first: PGlite takes one process at a time).
  Scope: a planner needs --region (320000 = the province, or a city code), an enterprise
  --enterprise, an institution --institution; an admin none.
  The password (10+ characters) comes from stdin: typed twice, unechoed, at a terminal; else
  the first line (--password-stdin reads the first line even at a terminal).`;

/** Bad arguments: the CLI prints the message and the usage. */
export class UsageError extends Error {}

/** The scope flag each scope kind is given with. */
const FLAG_OF_SCOPE = { region: 'region', enterprise: 'enterprise', institution: 'institution', none: null } as const;

const argsSchema = z
  .object({
    role: roleSchema,
    username: usernameSchema,
    region: regionCodeSchema.optional(),
    enterprise: idSchema.optional(),
    institution: idSchema.optional(),
    'password-stdin': z.boolean().default(false),
  })
  .superRefine((args, ctx) => {
    const needed = FLAG_OF_SCOPE[SCOPE_KIND_OF_ROLE[args.role]];
    for (const flag of ['region', 'enterprise', 'institution'] as const) {
      const given = args[flag] !== undefined;
      if (flag === needed && !given) ctx.addIssue({ code: 'custom', path: [flag], message: `a ${args.role} account needs --${flag}` });
      if (flag !== needed && given) ctx.addIssue({ code: 'custom', path: [flag], message: `a ${args.role} account takes no --${flag}` });
    }
  });
export type UserCreateArgs = z.infer<typeof argsSchema>;

export function parseUserCreateArgs(argv: string[]): UserCreateArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        username: { type: 'string' },
        region: { type: 'string' },
        enterprise: { type: 'string' },
        institution: { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
    }).values;
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const parsed = argsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  return parsed.data;
}

/** Reads the password: prompted twice without echo when interactive, else the first line of the input. */
export async function readPassword(input: Readable, interactive: boolean): Promise<string> {
  // At a terminal readline echoes what is typed to its output; a sink hides it. The prompts go to stderr.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input, output: sink, terminal: interactive });
  try {
    if (!interactive) {
      for await (const line of lines) return line;
      throw new UsageError('no password on stdin');
    }
    process.stderr.write('password: ');
    const first = await lines.question('');
    process.stderr.write('\nagain: ');
    const second = await lines.question('');
    process.stderr.write('\n');
    if (first !== second) throw new UsageError('the passwords differ');
    return first;
  } finally {
    lines.close();
  }
}

/** `pnpm user:create`: validates the arguments and the password, then creates the account. */
export async function userCreate(
  argv: string[],
  io: { input: Readable; interactive: boolean },
  client: DbClient,
): Promise<{ id: number; username: string; role: Role }> {
  const args = parseUserCreateArgs(argv);
  const password = newPasswordSchema.safeParse(await readPassword(io.input, io.interactive && !args['password-stdin']));
  if (!password.success) throw new UsageError(`password: ${password.error.issues[0]?.message ?? 'invalid'}`);
  const accounts = await AccountService.create(new AccountRepository(client));
  const { id } = await accounts.createAccount({
    username: args.username,
    password: password.data,
    role: args.role,
    regionCode: args.region,
    enterpriseId: args.enterprise,
    institutionId: args.institution,
  });
  return { id, username: args.username, role: args.role };
}
