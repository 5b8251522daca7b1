import { createHash, randomBytes } from 'node:crypto';
import {
  ConflictError,
  DEMO_USERNAMES,
  InvalidInputError,
  PROVINCE_CODE,
  TooManyAttemptsError,
  UnauthenticatedError,
  type ApiToken,
  type DemoAccount,
  type LoginRequest,
  type Me,
  type Role,
  type Scope,
  type ViewerContext,
} from '@talentmap/core';
import { hashPassword, verifyPassword } from '@talentmap/core/password';
import type { AccountRepository, AccountRow, AccountScopeNames } from '@talentmap/db';
import { LoginThrottle } from './login.throttle.js';

/** The one answer to every failed sign-in: it never says whether the username exists. */
export const LOGIN_FAILED = '用户名或密码错误';

const WINDOW_MS = 15 * 60_000;
/** Guessing one account's password: 10 failures per username per 15 minutes. */
const PER_USERNAME = { failures: 10, windowMs: WINDOW_MS };
/** Spraying many usernames from one address; looser, because an office or a campus shares one NAT address. */
const PER_ADDRESS = { failures: 30, windowMs: WINDOW_MS };

/** Tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
const TOKEN_PREFIX = 'tm_';

/** Session ids and API tokens are stored as this digest: 256 random bits need no slow hash. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

export function scopeOf(account: Pick<AccountRow, 'role' | 'regionCode' | 'enterpriseId' | 'institutionId'>): Scope {
  // The accounts_scope check constraint guarantees the column each role reads is set.
  switch (account.role) {
    case 'planner':
      return { kind: 'region', regionCode: account.regionCode as string };
    case 'enterprise':
      return { kind: 'enterprise', enterpriseId: account.enterpriseId as number };
    case 'institution':
      return { kind: 'institution', institutionId: account.institutionId as number };
    case 'admin':
      return { kind: 'none' };
  }
}

const viewerOf = (account: AccountRow): ViewerContext => ({ role: account.role, accountId: account.id, username: account.username, scope: scopeOf(account) });

/** What an account does, in Chinese, for the login page and the demo banner. */
function labelOf(account: AccountScopeNames): string {
  switch (account.role) {
    case 'planner':
      return account.regionCode === PROVINCE_CODE ? '省级规划者（全省）' : `市级规划者（${account.regionName ?? account.regionCode}）`;
    case 'enterprise':
      return `企业招聘者（${account.enterpriseName ?? account.enterpriseId}）`;
    case 'institution':
      return `院校管理者（${account.institutionName ?? account.institutionId}）`;
    case 'admin':
      return '系统管理员（全部功能）';
  }
}

export interface NewAccount {
  username: string;
  password: string;
  role: Role;
  regionCode?: string | undefined;
  enterpriseId?: number | undefined;
  institutionId?: number | undefined;
}

/** Accounts: signing in (throttled, timing-equalised), who a session or token belongs to, tokens, creation. */
export class AccountService {
  private readonly failuresByUsername = new LoginThrottle(PER_USERNAME);
  private readonly failuresByAddress = new LoginThrottle(PER_ADDRESS);

  private constructor(
    private readonly repo: AccountRepository,
    /** Verified against when the username is unknown, so that costs the same scrypt as a wrong password. */
    private readonly dummyHash: string,
  ) {}

  static async create(repo: AccountRepository): Promise<AccountService> {
    return new AccountService(repo, await hashPassword(randomBytes(16).toString('hex')));
  }

  /** The signed-in viewer for a username and password, or UnauthenticatedError with LOGIN_FAILED. */
  async login(credentials: LoginRequest, address: string): Promise<ViewerContext> {
    const username = credentials.username.trim().toLowerCase();
    const wait = Math.max(this.failuresByUsername.retryAfterSeconds(username), this.failuresByAddress.retryAfterSeconds(address));
    if (wait > 0) throw new TooManyAttemptsError(`登录失败次数过多，请 ${Math.ceil(wait / 60)} 分钟后再试`, wait);
    const account = await this.repo.byUsername(username);
    const matches = await verifyPassword(credentials.password, account?.passwordHash ?? this.dummyHash);
    if (!account || !matches || account.disabled) {
      this.failuresByUsername.fail(username);
      this.failuresByAddress.fail(address);
      throw new UnauthenticatedError(LOGIN_FAILED);
    }
    this.failuresByUsername.clear(username);
    return viewerOf(account);
  }

  /** The viewer a session's account id stands for; null once the account is gone or disabled. */
  async viewerOfAccount(accountId: number): Promise<ViewerContext | null> {
    const account = await this.repo.activeById(accountId);
    return account && viewerOf(account);
  }

  /** The viewer behind a bearer token; null for an unknown or revoked token or a disabled account. */
  async viewerOfToken(token: string): Promise<ViewerContext | null> {
    if (!token.startsWith(TOKEN_PREFIX)) return null;
    const account = await this.repo.accountOfToken(sha256(token));
    return account && viewerOf(account);
  }

  /** A new bearer token for the viewer's account; the token is in this answer only. */
  async issueToken(viewer: ViewerContext, name: string): Promise<ApiToken> {
    if (viewer.accountId === undefined) throw new UnauthenticatedError('sign in to issue a token');
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const { createdAt } = await this.repo.createToken(viewer.accountId, sha256(token), name);
    return { token, name, createdAt: createdAt.toISOString() };
  }

  /** Creates an account after checking that its scope exists; ConflictError when the username is taken. */
  async createAccount(input: NewAccount): Promise<{ id: number }> {
    await this.assertScopeExists(input);
    const id = await this.repo.create({ ...input, passwordHash: await hashPassword(input.password) });
    if (id === null) throw new ConflictError(`username ${input.username} is taken`);
    return { id };
  }

  private async assertScopeExists(input: NewAccount): Promise<void> {
    if (input.regionCode !== undefined) {
      const level = await this.repo.regionLevel(input.regionCode);
      if (level !== 'province' && level !== 'city') throw new InvalidInputError('region', `${input.regionCode} is not the province or a city`);
    }
    if (input.enterpriseId !== undefined && !(await this.repo.enterpriseExists(input.enterpriseId)))
      throw new InvalidInputError('enterprise', `no enterprise ${input.enterpriseId}`);
    if (input.institutionId !== undefined && !(await this.repo.institutionExists(input.institutionId)))
      throw new InvalidInputError('institution', `no institution ${input.institutionId}`);
  }

  /** The demo accounts that exist and are enabled, in DEMO_USERNAMES order, with what each is for. */
  async demoAccounts(): Promise<DemoAccount[]> {
    const rows = await this.repo.withScopeNames(DEMO_USERNAMES);
    const order = (username: string) => (DEMO_USERNAMES as readonly string[]).indexOf(username);
    return rows
      .filter((row) => !row.disabled)
      .sort((a, b) => order(a.username) - order(b.username))
      .map((row) => ({ username: row.username, role: row.role, scope: scopeOf(row), label: labelOf(row) }));
  }
}

/** The signed-in viewer as `/api/auth/me` and sign-in answer it; UnauthenticatedError for nobody. */
export function meOf(viewer: ViewerContext, csrfToken: string): Me {
  if (viewer.role === 'anonymous' || viewer.username === undefined || viewer.scope === undefined) throw new UnauthenticatedError('not signed in');
  return { username: viewer.username, role: viewer.role, scope: viewer.scope, csrfToken };
}
