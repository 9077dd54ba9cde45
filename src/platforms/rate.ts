/**
 * A token bucket for the requests one run sends to a platform's status API (list pages and
 * per-job reads alike): at most `perSecond` on average, `burst` at once. Each platform sets it well
 * under its documented limit (docs/platforms/*.md names the limit and its source), so a wide
 * fan-out never throttles itself, whatever the mix of list calls and per-job fallbacks.
 */
export class RateLimiter {
  private tokens: number;
  private last = Date.now();
  private queue: Promise<void> = Promise.resolve();
  /** requests let through, and the most let through in any one second (what tests and the bench read) */
  taken = 0;

  constructor(
    readonly perSecond: number,
    readonly burst: number = Math.max(1, Math.floor(perSecond)),
  ) {
    this.tokens = this.burst;
  }

  private refill(): void {
    const now = Date.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
  }

  /** waits for a token (callers are served in order); an abort ends the wait at once */
  take(signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(async () => {
      for (;;) {
        if (signal?.aborted) return;
        this.refill();
        if (this.tokens >= 1) {
          this.tokens -= 1;
          this.taken++;
          return;
        }
        const waitMs = Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, waitMs);
          function done(): void {
            clearTimeout(t);
            signal?.removeEventListener('abort', done);
            resolve();
          }
          signal?.addEventListener('abort', done, { once: true });
        });
      }
    });
    this.queue = turn.catch(() => {});
    return turn;
  }
}
