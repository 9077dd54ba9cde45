/**
 * Alibaba Cloud errors in Alibaba's own words (Code and Message, the action or operation and the
 * request id), and the retry policy of every PAI-DLC and OSS call: transient errors (Throttling*,
 * 5xx, connection resets and timeouts) are retried with exponential backoff and full jitter;
 * anything else (InvalidAccessKeyId*, SignatureDoesNotMatch, Forbidden*, InvalidParameter, …) is
 * thrown at once.
 *
 * @alicloud/openapi-client 0.4.15 does not expose `x-acs-retry-after` on its errors, so the
 * backoff is ours alone (PAI-DLC's QPS limits are not published).
 */
import { raceAbort, sleepUnlessAborted, throwIfCancelled } from '../abort.js';

/** Node and client error codes of a request that may succeed when sent again */
const NETWORK_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ECONNABORTED', 'ESOCKETTIMEDOUT', 'UND_ERR_SOCKET']);
const NETWORK_NAMES = new Set(['RequestTimeoutError', 'ResponseTimeoutError', 'ConnectionTimeoutError', 'RequestTimeout']);

/** No credential, or one that was refused: the message names what was looked for or tried. Never retried, never rewrapped. */
export class AlibabaCredentialError extends Error {
  override name = 'AlibabaCredentialError';
}

/** An error answer (or a failed request) of PAI-DLC or OSS. */
export class AlibabaError extends Error {
  override name = 'AlibabaError';
  constructor(
    /** `PAI-DLC` or `OSS` */
    readonly service: string,
    /** the API action (CreateJob, GetJob, …) or OSS operation (PutObject, ListObjectsV2, …) */
    readonly action: string,
    /** Alibaba's error Code (or a network error code) */
    readonly code: string,
    /** the HTTP status, when there was an answer */
    readonly status: number | undefined,
    /** Alibaba's Message */
    readonly detail: string,
    readonly requestId?: string,
    readonly transient = false,
  ) {
    super(
      `${service} ${action}: ${status ? `${status} ` : ''}${code}: ${detail}${requestId ? ` (request id ${requestId})` : ''}`.replace(
        /\s+/g,
        ' ',
      ),
    );
  }
}

export const isThrottling = (code: string): boolean => /^Throttling/i.test(code);

/** transient: throttled, a server error, a reset or a timeout */
export function transientCode(code: string, status: number | undefined): boolean {
  if (isThrottling(code) || code === 'ServiceUnavailable' || code === 'InternalError') return true;
  if (status !== undefined && (status === 429 || status >= 500)) return true;
  return NETWORK_CODES.has(code) || NETWORK_NAMES.has(code);
}

const oneLine = (s: string, max = 400): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
};

/**
 * An error of @alicloud/openapi-client (tea ResponseError: `code`, `data: {Code, Message,
 * RequestId, statusCode}`) or of the request itself (httpx: `code` ECONNRESET…, name
 * RequestTimeoutError), as an AlibabaError.
 */
export function dlcError(action: string, e: unknown): AlibabaError {
  if (e instanceof AlibabaError) return e;
  const err = (e ?? {}) as { code?: unknown; name?: unknown; message?: unknown; data?: Record<string, unknown>; statusCode?: unknown };
  const data = err.data ?? {};
  const status = Number(data.statusCode ?? err.statusCode) || undefined;
  if (status) {
    const code = String(data.Code ?? data.code ?? err.code ?? `HTTP${status}`);
    const message = String(data.Message ?? data.message ?? err.message ?? '');
    const requestId = data.RequestId ?? data.requestId;
    return new AlibabaError(
      'PAI-DLC',
      action,
      code,
      status,
      oneLine(message) || 'no error message',
      requestId ? String(requestId) : undefined,
      transientCode(code, status),
    );
  }
  const name = typeof err.name === 'string' ? err.name : '';
  const code = typeof err.code === 'string' && err.code ? err.code : name || 'Error';
  const message = oneLine(String(err.message ?? e));
  // a body that is not JSON (a proxy's HTML error page) fails the client's JSON parse
  const transient = transientCode(code, undefined) || NETWORK_NAMES.has(name) || name === 'SyntaxError';
  return new AlibabaError('PAI-DLC', action, code, undefined, message || 'request failed', undefined, transient);
}

/** An ali-oss error (`name` …Error, `code`, `status` (-1 network, -2 timeout), `requestId`) as an AlibabaError. */
export function ossError(operation: string, e: unknown, what?: string): AlibabaError {
  if (e instanceof AlibabaError) return e;
  const err = (e ?? {}) as { code?: unknown; name?: unknown; message?: unknown; status?: unknown; requestId?: unknown };
  const raw = Number(err.status);
  const status = raw > 0 ? raw : undefined;
  const name = typeof err.name === 'string' ? err.name : '';
  const code = typeof err.code === 'string' && err.code ? err.code : name || 'Error';
  const network = raw === -1 || raw === -2 || NETWORK_NAMES.has(name) || NETWORK_CODES.has(code);
  const message = oneLine(String(err.message ?? e)).replace(/, please increase the timeout.*$/, '');
  return new AlibabaError(
    'OSS',
    what ? `${operation} ${what}` : operation,
    code,
    status,
    message || 'request failed',
    typeof err.requestId === 'string' && err.requestId ? err.requestId : undefined,
    network || transientCode(code, status),
  );
}

export interface RetryOptions {
  /** retries after the first attempt (default 6) */
  maxRetries: number;
  /** the first backoff's ceiling (default 1000 ms); it doubles each retry */
  baseMs: number;
  /** the backoff's cap (default 30 s) */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 6, baseMs: 1000, maxMs: 30_000 };

/** full jitter: a random wait up to min(cap, base·2^attempt), never under a tenth of it */
export function backoffMs(attempt: number, o: RetryOptions): number {
  const ceiling = Math.min(o.maxMs, o.baseMs * 2 ** attempt);
  return Math.round(ceiling * (0.1 + 0.9 * Math.random()));
}

/**
 * Runs `fn` until it succeeds, a permanent error or the retries are spent. `convert` turns what
 * was thrown into an AlibabaError (a credential error is thrown as it is); `beforeRetry` may end the loop with a value (CreateJob: the job
 * a lost answer created after all). `signal` (the run's cancel) ends a backoff at once and drops
 * the request in flight (the Alibaba clients take no signal): the call throws its AbortError.
 */
export async function withRetry<T>(
  fn: () => Promise<T>,
  convert: (e: unknown) => AlibabaError,
  o: RetryOptions,
  beforeRetry?: (e: AlibabaError) => Promise<{ value: T } | undefined>,
  signal?: AbortSignal,
  /** false for a call that stops on the signal itself (a multipart upload: its parts and checkpoint stay consistent) */
  race = true,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    throwIfCancelled(signal);
    try {
      return await (race ? raceAbort(fn(), signal) : fn());
    } catch (e) {
      throwIfCancelled(signal);
      if (e instanceof AlibabaCredentialError) throw e;
      const err = convert(e);
      if (!err.transient || attempt >= o.maxRetries) throw err;
      await sleepUnlessAborted(backoffMs(attempt, o), signal);
      throwIfCancelled(signal);
      const done = await beforeRetry?.(err);
      if (done) return done.value;
    }
  }
}
