import { TooManyAttemptsError, type ViewerContext } from '@talentmap/core';

const WINDOW_MS = 60_000;
/** Forget windows of accounts that have gone quiet, so the map stays small. */
const SWEEP_EVERY = 1_000;

/**
 * Per-account limit on talent-level reads (candidate search, pathways, one talent's gap), on top
 * of the per-address limit: a signed-in account cannot crawl the pool by rotating addresses.
 * A fixed one-minute window per account, counted in memory per process.
 */
export class AccountRateLimit {
  private readonly windows = new Map<number, { start: number; count: number }>();
  private calls = 0;

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one talent-level request; throws TooManyAttemptsError past the limit. */
  take(viewer: ViewerContext): void {
    if (viewer.accountId === undefined) return;
    const now = this.now();
    if (++this.calls % SWEEP_EVERY === 0) for (const [id, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(id);
    let window = this.windows.get(viewer.accountId);
    if (!window || now - window.start >= WINDOW_MS) this.windows.set(viewer.accountId, (window = { start: now, count: 0 }));
    if (++window.count > this.perMinute) {
      const retryAfterSeconds = Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
      throw new TooManyAttemptsError(`more than ${this.perMinute} talent-level requests a minute from this account`, retryAfterSeconds);
    }
  }
}
