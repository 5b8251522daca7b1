/** How many failures a key may have in the window, and the window. */
export interface ThrottleLimit {
  failures: number;
  windowMs: number;
}

/** Past this many keys the oldest are dropped: a flood of made-up usernames cannot grow memory without bound. */
const MAX_KEYS = 10_000;

/**
 * Failed sign-ins per key (a username, an address) in a sliding window, in memory: a restart
 * forgets them, and each server process counts its own.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit: ThrottleLimit) {}

  private recent(key: string, now: number): number[] {
    const since = now - this.limit.windowMs;
    const times = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(key);
    else this.failures.set(key, times);
    return times;
  }

  /** Seconds until the key may try again; 0 when it may now. */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const times = this.recent(key, now);
    if (times.length < this.limit.failures) return 0;
    const oldestThatCounts = times[times.length - this.limit.failures] as number;
    return Math.max(1, Math.ceil((oldestThatCounts + this.limit.windowMs - now) / 1000));
  }

  fail(key: string, now = Date.now()): void {
    const times = this.recent(key, now);
    // Re-inserting moves the key to the end, so the first key in the map is the stalest.
    this.failures.delete(key);
    this.failures.set(key, [...times, now].slice(-this.limit.failures));
    if (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value as string);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}
