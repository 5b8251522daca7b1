import { AsyncLocalStorage } from 'node:async_hooks';
import { sql } from 'drizzle-orm';
import { createClient, type DbClient } from './client.js';
import { errorCode } from './repositories/sql-helpers.js';

/** A write-ahead-log position, `16/B374D848` as PostgreSQL prints a pg_lsn, as one number. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  if (!match) throw new Error(`not a pg_lsn: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/**
 * Errors after which the same read, sent elsewhere, would succeed: the connection failed or closed
 * (postgres.js codes, socket errors, SQLSTATE class 08), the server is shutting down or starting
 * (57P01–57P03), or a standby cancelled the query for a conflict with recovery (40001 on a replica);
 * also when it is the cause of the error seen.
 */
export function isFailoverError(error: unknown): boolean {
  const code = errorCode(error);
  if (code === undefined) return false;
  return (
    code.startsWith('CONNECT') ||
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', '57P01', '57P02', '57P03', '40001'].includes(code) ||
    code.startsWith('08')
  );
}

/** Who the current request reads for: set per request, read lazily (the account is known only after sign-in). */
export interface ReadContext {
  account(): string | undefined;
  /** Set when the work has written through a routed repository: its later reads go to the primary, where the write is. */
  wrote?: boolean;
}

interface Replica {
  /** The URL without its password, for logs and status. */
  name: string;
  client: DbClient;
  healthy: boolean;
  /** The last WAL position the replica had replayed at its last health check. */
  replayed: bigint;
  /** Reads it has answered. */
  served: number;
}

export interface ReplicaStatus {
  name: string;
  healthy: boolean;
  served: number;
}

export interface ReadRouterOptions {
  /** How often each replica is asked whether it is up and how far it has replayed (default 1 s). */
  checkMs?: number;
  /** How long an account's reads follow its own write before the note is dropped (default 5 min). */
  writeMemoryMs?: number;
  maxConnections?: number;
  onChange?: (replica: ReplicaStatus, error?: unknown) => void;
}

const redact = (url: string) => {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
};

/** Writes remembered at once, at most: enough for every account active in a few minutes. */
const MAX_NOTED_WRITES = 10_000;

/**
 * Sends reads to streaming replicas (DATABASE_REPLICA_URLS), round-robin over the healthy ones,
 * and everything else to the primary. A read that fails on a replica for a reason another server
 * would not share (isFailoverError) marks it down and runs again on the next one or on the
 * primary, so losing a replica fails no request. After an account writes, its reads go only to
 * replicas that have replayed the primary's WAL position of that moment, else to the primary; after
 * an import, everyone's do: the admin who just imported sees the import, on the map too.
 */
export class ReadRouter {
  readonly context = new AsyncLocalStorage<ReadContext>();
  private readonly replicas: Replica[];
  private readonly writes = new Map<string, { lsn: bigint; at: number }>();
  /** The position every read must wait for (the last import's commit). */
  private everyone = 0n;
  private next = 0;
  private timer: NodeJS.Timeout | undefined;

  private constructor(
    readonly primary: DbClient,
    replicas: Replica[],
    private readonly options: ReadRouterOptions,
  ) {
    this.replicas = replicas;
  }

  /** No URLs: every read goes to the primary, at no cost. */
  static async open(primary: DbClient, urls: readonly string[], options: ReadRouterOptions = {}): Promise<ReadRouter> {
    const replicas: Replica[] = [];
    for (const url of urls) {
      const client = await createClient({ databaseUrl: url, maxConnections: options.maxConnections ?? 10, connectTimeoutSeconds: 2 });
      replicas.push({ name: redact(url), client, healthy: false, replayed: 0n, served: 0 });
    }
    const router = new ReadRouter(primary, replicas, options);
    if (replicas.length > 0) {
      // What was written before this start (a seed, a migration) is read only once a replica has it.
      await router.noteWrite(null);
      await router.check();
      router.timer = setInterval(() => void router.check(), options.checkMs ?? 1000);
      router.timer.unref();
    }
    return router;
  }

  /** Runs `work` as one unit of reading (a request, a start-up task): it reads what it writes. */
  run<T>(account: () => string | undefined, work: () => T): T {
    return this.context.run({ account }, work);
  }

  get enabled(): boolean {
    return this.replicas.length > 0;
  }

  status(): ReplicaStatus[] {
    return this.replicas.map(({ name, healthy, served }) => ({ name, healthy, served }));
  }

  /** Runs a read on a replica that may answer for the current account, failing over down the list to the primary. */
  async read<T>(work: (client: DbClient) => Promise<T>): Promise<T> {
    if (!this.enabled) return work(this.primary);
    for (const replica of this.candidates()) {
      try {
        const result = await work(replica.client);
        replica.served += 1;
        return result;
      } catch (error) {
        if (!isFailoverError(error)) throw error;
        this.mark(replica, false, error);
      }
    }
    return work(this.primary);
  }

  /**
   * A write has committed: until a replica replays the primary's present WAL position, the reads of
   * `account` — or, for a write everyone should see at once (an import), of every caller — go to the primary.
   */
  async noteWrite(account: string | null): Promise<void> {
    if (!this.enabled) return;
    const [row] = await this.primary.rows<{ lsn: string }>(sql`select pg_current_wal_lsn()::text as lsn`);
    if (!row) return;
    const lsn = parseLsn(row.lsn);
    if (account === null) {
      if (lsn > this.everyone) this.everyone = lsn;
      return;
    }
    this.writes.delete(account);
    this.writes.set(account, { lsn, at: Date.now() });
    // Oldest first (insertion order): drop what is past its memory, and the oldest beyond the cap.
    const expired = Date.now() - (this.options.writeMemoryMs ?? 300_000);
    for (const [key, write] of this.writes) {
      if (write.at >= expired && this.writes.size <= MAX_NOTED_WRITES) break;
      this.writes.delete(key);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.replicas.map((r) => r.client.close()));
  }

  /** Healthy replicas, caught up with the account's last write, starting at the next in turn. */
  private candidates(): Replica[] {
    const store = this.context.getStore();
    if (store?.wrote) return [];
    const account = store?.account();
    const own = account === undefined ? undefined : this.writes.get(account)?.lsn;
    const needed = own !== undefined && own > this.everyone ? own : this.everyone;
    const start = this.next++ % this.replicas.length;
    const turn = [...this.replicas.slice(start), ...this.replicas.slice(0, start)];
    return turn.filter((r) => r.healthy && r.replayed >= needed);
  }

  private async check(): Promise<void> {
    await Promise.all(
      this.replicas.map(async (replica) => {
        try {
          const [row] = await replica.client.rows<{ standby: boolean; lsn: string | null }>(
            sql`select pg_is_in_recovery() as standby, pg_last_wal_replay_lsn()::text as lsn`,
          );
          // A server that is not replaying (a promoted or a mistyped primary) is not a replica of this one.
          if (!row?.standby || row.lsn === null)
            throw Object.assign(new Error('not a streaming replica (pg_is_in_recovery() is false)'), { code: 'NOT_A_REPLICA' });
          replica.replayed = parseLsn(row.lsn);
          this.mark(replica, true);
        } catch (error) {
          this.mark(replica, false, error);
        }
      }),
    );
  }

  private mark(replica: Replica, healthy: boolean, error?: unknown): void {
    if (replica.healthy === healthy) return;
    replica.healthy = healthy;
    this.options.onChange?.({ name: replica.name, healthy, served: replica.served }, error);
  }

  /**
   * A repository whose `reads` methods run through read() (a fresh repository per replica, made
   * once) and whose other methods run on the primary and send the rest of the request's reads there
   * too. Without replicas, the primary's repository itself.
   */
  route<R extends object>(make: (client: DbClient) => R, reads: readonly (keyof R & string)[]): R {
    const onPrimary = make(this.primary);
    if (!this.enabled) return onPrimary;
    const byClient = new Map<DbClient, R>([[this.primary, onPrimary]]);
    const repositoryOn = (client: DbClient) => byClient.get(client) ?? byClient.set(client, make(client)).get(client)!;
    const routed = new Set<string>(reads);
    return new Proxy(onPrimary, {
      get: (target, property, receiver) => {
        const value: unknown = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        if (typeof property !== 'string' || !routed.has(property))
          return (...args: unknown[]) => {
            // Not a read: it may write, and what follows in the same request should see it.
            const store = this.context.getStore();
            if (store) store.wrote = true;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        return (...args: unknown[]) =>
          this.read((client) => (Reflect.get(repositoryOn(client), property) as (...a: unknown[]) => Promise<unknown>).apply(repositoryOn(client), args));
      },
    });
  }
}
