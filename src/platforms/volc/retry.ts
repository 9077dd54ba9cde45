/**
 * Retries of transient Volcengine errors (throttled, a server error, a reset connection): exponential
 * backoff with jitter, or the server's Retry-After when it sends one. Shared by the ML platform
 * OpenAPI client and the TOS calls (the TOS SDK's own retries go again at once, without waiting,
 * so they are turned off and these are used instead).
 */
import { sleepUnlessAborted, throwIfCancelled } from '../abort.js';

export interface RetryOptions {
  /** retries after the first attempt (default 6) */
  maxRetries?: number;
  /** the first backoff (default 1 s); it doubles each retry */
  baseMs?: number;
  /** the backoff's ceiling (default 30 s) */
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** the run's cancel: a backoff (a Retry-After of minutes included) ends at once and the call throws its AbortError */
  signal?: AbortSignal;
}

/** what makes an error worth another attempt: null when it is permanent */
export type Transience = { retryAfterMs?: number } | null;

/** a Retry-After longer than this is not waited for: the error is reported instead */
export const RETRY_AFTER_LIMIT_MS = 5 * 60_000;

/** `Retry-After: <seconds>` or `Retry-After: <HTTP date>`, in ms from now */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** the wait before retry number `attempt` (0-based): Retry-After (plus up to 20% so that many clients spread), else base·2^attempt with jitter */
export function retryDelayMs(attempt: number, transience: { retryAfterMs?: number }, o: RetryOptions = {}): number {
  const random = o.random ?? Math.random;
  if (transience.retryAfterMs !== undefined) return Math.round(transience.retryAfterMs * (1 + 0.2 * random()));
  const base = o.baseMs ?? 1000;
  const cap = o.maxMs ?? 30_000;
  // "equal jitter": half the exponential step, plus a random part of the other half
  const step = Math.min(cap, base * 2 ** attempt);
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * Runs `fn`, retrying while `classify` calls its error transient. `beforeRetry` runs before each
 * retry and may end the loop with a value (a CreateJob whose answer was lost, found by its name).
 */
export async function withRetries<T>(
  fn: () => Promise<T>,
  classify: (e: unknown) => Transience,
  o: RetryOptions = {},
  beforeRetry?: () => Promise<T | undefined>,
): Promise<T> {
  const maxRetries = o.maxRetries ?? 6;
  const signal = o.signal;
  const sleep = o.sleep ?? ((ms: number) => sleepUnlessAborted(ms, signal));
  for (let attempt = 0; ; attempt++) {
    throwIfCancelled(signal);
    try {
      return await fn();
    } catch (e) {
      throwIfCancelled(signal);
      const t = classify(e);
      if (!t || attempt >= maxRetries || (t.retryAfterMs ?? 0) > RETRY_AFTER_LIMIT_MS) throw e;
      await sleep(retryDelayMs(attempt, t, o));
      throwIfCancelled(signal);
      if (beforeRetry) {
        const done = await beforeRetry();
        if (done !== undefined) return done;
      }
    }
  }
}

/** a connection-level failure (reset, refused, timed out, DNS hiccup): the request may be sent again */
export function isNetworkError(e: unknown): boolean {
  const codes = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'ENETUNREACH',
    'EHOSTUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
  ]);
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const err = cur as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof err.code === 'string' && codes.has(err.code)) return true;
    if (err.name === 'TimeoutError') return true;
    if (typeof err.message === 'string' && /socket hang up|other side closed/i.test(err.message)) return true;
  }
  return false;
}
