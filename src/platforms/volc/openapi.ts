/**
 * The Volcano Engine ML platform OpenAPI (service `ml_platform`, Version 2024-07-01): every action
 * is `POST /?Action=<A>&Version=2024-07-01` with a JSON body, signed Volcengine HMAC-SHA256 by
 * @volcengine/openapi's own `Signer`, answered by `{ResponseMetadata: {…, Error?: {Code, Message}}, Result}`.
 *
 * Why our own fetch instead of the SDK's `Service(...).createJSONAPI(Action)`: that client resolves
 * every answer, 4xx and 5xx included, as a body, and hides the HTTP status and headers, so
 * throttling (HTTP 429 and its Retry-After) cannot be told apart from a rejected key, and it never
 * retries. Signing stays the SDK's, so the signature is exactly what Volcengine's SDK sends.
 */
import { Signer } from '@volcengine/openapi';
import { VOLC_API_VERSION, VOLC_SERVICE } from './config.js';
import type { VolcCredentials } from './credentials.js';
import { anySignal, throwIfCancelled } from '../abort.js';
import { isNetworkError, parseRetryAfter, withRetries, type RetryOptions, type Transience } from './retry.js';

/** Gateway and service codes that mean "later": throttling and the gateway's own server errors. */
const TRANSIENT_CODES = new Set([
  'FlowLimitExceeded',
  'RequestLimitExceeded',
  'Throttling',
  'ThrottlingException',
  'TooManyRequests',
  'ServiceUnavailable',
  'ServiceUnavailableTemp',
  'InternalServiceError',
  'InternalServiceTimeout',
  'InternalError',
]);

/** Codes of a refused key or signature: the message says which variables the key came from. */
export const AUTH_CODES = new Set([
  'SignatureDoesNotMatch',
  'InvalidAccessKey',
  'InvalidAccessKeyId',
  'InvalidSecretToken',
  'InvalidSecurityToken',
  'MissingAuthenticationToken',
  'MissingSignature',
  'InvalidTimestamp',
  'AccessDenied',
  'InvalidCredential',
]);

/** An error answer of the ML platform, in its own words (`ResponseMetadata.Error`), or a failed connection. */
export class VolcApiError extends Error {
  override name = 'VolcApiError';
  constructor(
    readonly action: string,
    /** the HTTP status, 0 when no answer came */
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly requestId?: string,
    readonly retryAfterMs?: number,
    hint?: string,
  ) {
    super(`${VOLC_SERVICE} ${action}: ${status ? `HTTP ${status} ` : ''}${code}: ${detail}${hint ? ` (${hint})` : ''}`);
  }
  /** worth asking again later: throttled, a server error, no answer */
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500 || TRANSIENT_CODES.has(this.code);
  }
}

export const classifyVolc = (e: unknown): Transience =>
  e instanceof VolcApiError && e.transient ? (e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) : null;

export interface VolcOpenApiOptions {
  /** e.g. https://open.volcengineapi.com (no trailing slash) */
  endpoint: string;
  region: string;
  credentials: () => VolcCredentials;
  retry?: RetryOptions;
  /** per request (default 30 s) */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface Envelope {
  ResponseMetadata?: { RequestId?: string; Error?: { Code?: unknown; Message?: unknown } };
  Result?: unknown;
  // the gateway's "simple" error form
  HTTPCode?: unknown;
  errorcode?: unknown;
  message?: unknown;
}

export class VolcOpenApi {
  /** every request sent, by action (retries included): the polling cost the README reports */
  readonly counts = new Map<string, number>();

  constructor(readonly opts: VolcOpenApiOptions) {}

  /**
   * one action, retried while the error is transient; `maxRetries: 0` for one attempt. `retry.signal`
   * (the run's cancel) ends a backoff and the request in flight at once.
   */
  async call<T = Record<string, unknown>>(action: string, body: Record<string, unknown>, retry: RetryOptions = {}): Promise<T> {
    return withRetries(() => this.send<T>(action, body, retry.signal), classifyVolc, { ...this.opts.retry, ...retry });
  }

  /** one signed request */
  async send<T>(action: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
    const creds = this.opts.credentials();
    const text = JSON.stringify(body);
    const params = { Action: action, Version: VOLC_API_VERSION };
    const req = {
      region: this.opts.region,
      method: 'POST',
      pathname: '/',
      params: { ...params },
      headers: { 'Content-Type': 'application/json; charset=utf-8' } as Record<string, string>,
      // a string, so that X-Content-Sha256 is the hash of exactly the bytes sent
      body: text,
    };
    new Signer(req, VOLC_SERVICE).addAuthorization({
      accessKeyId: creds.accessKeyId,
      secretKey: creds.secretKey,
      ...(creds.sessionToken ? { sessionToken: creds.sessionToken } : {}),
    });
    this.counts.set(action, (this.counts.get(action) ?? 0) + 1);
    const url = `${this.opts.endpoint}/?${new URLSearchParams(params).toString()}`;
    let res: Response;
    let raw: string;
    try {
      res = await (this.opts.fetch ?? fetch)(url, {
        method: 'POST',
        headers: { ...req.headers, 'User-Agent': 'evalgate' },
        body: text,
        signal: anySignal(AbortSignal.timeout(this.opts.timeoutMs ?? 30_000), signal)!,
      });
      raw = await res.text();
    } catch (e) {
      throwIfCancelled(signal);
      if (isNetworkError(e)) throw new VolcApiError(action, 0, 'NetworkError', describeNetworkError(e));
      throw e;
    }
    let env: Envelope | null = null;
    try {
      env = raw ? (JSON.parse(raw) as Envelope) : {};
    } catch {
      env = null;
    }
    const err = env?.ResponseMetadata?.Error;
    const retryAfterMs = parseRetryAfter(res.headers.get('retry-after'));
    const requestId = env?.ResponseMetadata?.RequestId;
    if (err || !res.ok || !env) {
      const code =
        typeof err?.Code === 'string' && err.Code ? err.Code : typeof env?.errorcode === 'string' ? env.errorcode : `HTTP${res.status}`;
      const message =
        typeof err?.Message === 'string'
          ? err.Message
          : typeof env?.message === 'string'
            ? env.message
            : raw
              ? raw.slice(0, 300)
              : 'no error message';
      const hint = AUTH_CODES.has(code) ? `the key from ${creds.source}` : undefined;
      throw new VolcApiError(
        action,
        res.status,
        code,
        `${message}${requestId ? ` [RequestId ${requestId}]` : ''}`,
        requestId,
        retryAfterMs,
        hint,
      );
    }
    return (env.Result ?? {}) as T;
  }

  /** the total number of requests sent */
  get total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

function describeNetworkError(e: unknown): string {
  const parts: string[] = [];
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    const m = (cur as { message?: unknown }).message;
    const code = (cur as { code?: unknown }).code;
    if (typeof m === 'string' && m) parts.push(typeof code === 'string' && !m.includes(code) ? `${m} (${code})` : m);
  }
  return parts.join(': ') || 'the connection failed';
}
