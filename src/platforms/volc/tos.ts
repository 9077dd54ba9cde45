/**
 * TOS, Volcano Engine's object storage, through @volcengine/tos-sdk: staging local inputs under a
 * content-addressed prefix, listing a job's output prefix page by page (ListObjectsType2 with
 * continuation tokens), downloading what jobs wrote (object names never trusted as paths) and the
 * tail of a job's log. Every call is retried here on throttling and server errors, honouring
 * Retry-After: the SDK's own retries go again at once, so they are turned off.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { CancelToken, TosClient, TosServerError } from '@volcengine/tos-sdk';
import { STAGING_LIMITS, checkpointFile, partSizeFor, throwIfAborted, type Staging } from '../staging.js';
import { safeJoin } from '../../stores/blob-safe.js';
import type { Endpoint } from './config.js';
import { TOS_BUCKET } from './config.js';
import type { VolcCredentials } from './credentials.js';
import { AUTH_CODES } from './openapi.js';
import { raceAbort } from '../abort.js';
import { isNetworkError, parseRetryAfter, withRetries, type RetryOptions, type Transience } from './retry.js';

/** small files sent side by side */
const UPLOADS_AT_ONCE = 8;

/** how uploads go: part size and concurrency, where uploadFile keeps its checkpoints, and the run's cancel signal */
export interface UploadOptions {
  staging?: Staging;
  /** a folder for uploadFile's checkpoint files (none: an interrupted upload starts over) */
  checkpointDir?: string;
  signal?: AbortSignal;
}

const TRANSIENT_TOS_CODES = new Set([
  'TooManyRequests',
  'ExceedQPSLimit',
  'ExceedRateLimit',
  'InternalError',
  'ServiceUnavailable',
  'Timeout',
  'TimeOut',
]);

/** `tos://<bucket>/<key or prefix>` */
export function parseTosUri(uri: string): { bucket: string; key: string } {
  const m = /^tos:\/\/([^/]+)(?:\/(.*))?$/.exec(uri);
  if (!m || !TOS_BUCKET.test(m[1]!))
    throw new Error('expected tos://<bucket>/<prefix> (a bucket name of 3 to 63 lower-case letters, digits and -)');
  return { bucket: m[1]!, key: (m[2] ?? '').replace(/^\/+/, '') };
}

export function tosClient(creds: VolcCredentials, region: string, endpoint: Endpoint): TosClient {
  return new TosClient({
    accessKeyId: creds.accessKeyId,
    accessKeySecret: creds.secretKey,
    ...(creds.sessionToken ? { stsToken: creds.sessionToken } : {}),
    region,
    // an IP endpoint (a local emulator) makes the SDK use path-style /<bucket>/<key> by itself
    endpoint: endpoint.host,
    secure: endpoint.secure,
    maxRetryCount: 0,
  });
}

/** a TOS error answer (or failed connection), with TOS's own code and message */
export class TosError extends Error {
  override name = 'TosError';
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly code: string,
    detail: string,
    readonly retryAfterMs?: number,
  ) {
    super(`TOS ${operation}: ${status ? `HTTP ${status} ` : ''}${code}: ${detail}`);
  }
  get transient(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500 || TRANSIENT_TOS_CODES.has(this.code);
  }
}

function tosError(operation: string, e: unknown, source: string): unknown {
  if (e instanceof TosServerError) {
    const message = e.data?.Message || e.message || 'no error message';
    const hint = AUTH_CODES.has(e.code) || e.code === 'AccessDenied' ? ` (the key from ${source})` : '';
    return new TosError(
      operation,
      e.statusCode,
      e.code || `HTTP${e.statusCode}`,
      `${message}${e.requestId ? ` [RequestId ${e.requestId}]` : ''}${hint}`,
      parseRetryAfter(e.headers?.['retry-after']),
    );
  }
  if (isNetworkError(e)) return new TosError(operation, 0, 'NetworkError', (e as Error).message || 'the connection failed');
  return e;
}

const classifyTos = (e: unknown): Transience =>
  e instanceof TosError && e.transient ? (e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) : null;

export interface TosObject {
  key: string;
  size: number;
}

/** One bucket, with retries. */
export class TosBucket {
  /** requests sent, by operation (retries included) */
  readonly counts = new Map<string, number>();

  constructor(
    readonly client: TosClient,
    readonly bucket: string,
    /** where the key came from, for messages */
    readonly source: string,
    readonly retry: RetryOptions = {},
  ) {}

  /** one operation with retries; `signal` (the run's cancel) ends its backoff and drops the request in flight (the SDK takes no signal) */
  private run<T>(operation: string, what: string, fn: () => Promise<T>, signal?: AbortSignal, cancelsItself = false): Promise<T> {
    return withRetries(
      async () => {
        this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
        try {
          // an uploadFile stops on its own cancel token (the signal fires it): its parts and
          // checkpoint are left consistent for the next run to resume, so it is not raced
          return await (cancelsItself ? fn() : raceAbort(fn(), signal));
        } catch (e) {
          if (signal?.aborted) throw e;
          throw tosError(`${operation} ${this.bucket}/${what}`, e, this.source);
        }
      },
      classifyTos,
      { ...this.retry, ...(signal ? { signal } : {}) },
    );
  }

  /** every object below `prefix`, one ListObjectsType2 page (up to 1000 keys) at a time */
  async *list(prefix: string, signal?: AbortSignal): AsyncGenerator<TosObject[]> {
    let token: string | undefined;
    do {
      const page = await this.run(
        'ListObjectsType2',
        prefix,
        () =>
          this.client.listObjectsType2({
            bucket: this.bucket,
            prefix,
            maxKeys: 1000,
            // one page per call: the SDK would otherwise follow the tokens itself, without our retries
            listOnlyOnce: true,
            ...(token ? { continuationToken: token } : {}),
          }),
        signal,
      );
      yield (page.data.Contents ?? []).map((c) => ({ key: c.Key, size: Number(c.Size) }));
      token = page.data.IsTruncated ? page.data.NextContinuationToken : undefined;
    } while (token);
  }

  /**
   * Uploads files under `prefix` (ending in `/`), skipping each one a previous run already put there
   * with the same size: the prefix is content-addressed, so a name and size that match are the same
   * bytes (uploadFile makes no object until CompleteMultipartUpload, so an interrupted upload left
   * none). A file larger than one part goes up through uploadFile, `staging.concurrency` parts at
   * once, with its checkpoint file in `checkpointDir` (the SDK writes it after each part and reads
   * it back): a run killed mid-upload is resumed by the next from the parts TOS has. Returns how
   * many files were sent.
   */
  async upload(prefix: string, files: Array<[string, string]>, opts: UploadOptions = {}): Promise<number> {
    const have = new Map<string, number>();
    for await (const page of this.list(prefix, opts.signal)) for (const o of page) have.set(o.key, o.size);
    const staging = opts.staging ?? STAGING_LIMITS.volc.defaults;
    const todo: Array<[string, string, number]> = [];
    for (const [rel, abs] of files) {
      const size = (await fs.stat(abs)).size;
      if (have.get(prefix + rel) !== size) todo.push([prefix + rel, abs, size]);
    }
    let next = 0;
    // small files side by side; a large one alone carries `concurrency` parts
    const worker = async (): Promise<void> => {
      while (next < todo.length) {
        throwIfAborted(opts.signal);
        const [key, abs, size] = todo[next++]!;
        const partSize = partSizeFor(size, 'volc', staging.partSize);
        if (size > partSize) await this.uploadLarge(key, abs, partSize, staging.concurrency, opts);
        else
          // a fresh file stream per attempt: a retried upload starts from the first byte
          await this.run('PutObject', key, () => this.client.putObjectFromFile({ bucket: this.bucket, key, filePath: abs }), opts.signal);
      }
    };
    await Promise.all(Array.from({ length: Math.min(UPLOADS_AT_ONCE, todo.length) }, worker));
    return todo.length;
  }

  private async uploadLarge(key: string, abs: string, partSize: number, taskNum: number, opts: UploadOptions): Promise<void> {
    const checkpoint = opts.checkpointDir ? checkpointFile(opts.checkpointDir, `tos-${this.bucket}`, key) : undefined;
    const source = CancelToken.source();
    const onAbort = (): void => source.cancel('staging was cancelled');
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const send = () =>
      this.client.uploadFile({
        bucket: this.bucket,
        key,
        file: abs,
        partSize,
        taskNum,
        cancelToken: source.token,
        ...(checkpoint ? { checkpoint } : {}),
      });
    try {
      await this.run(
        'UploadFile',
        key,
        async () => {
          throwIfAborted(opts.signal);
          try {
            return await send();
          } catch (e) {
            if (opts.signal?.aborted) throw opts.signal.reason;
            // a checkpoint whose upload TOS no longer has (aborted, expired), or one a kill left unreadable: start over once
            const stale = e instanceof TosServerError ? e.statusCode === 404 || e.code === 'InvalidPart' : e instanceof SyntaxError;
            if (!checkpoint || !stale) throw e;
            await fs.rm(checkpoint, { force: true });
            return await send();
          }
        },
        opts.signal,
        true,
      );
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
    }
  }

  /**
   * Downloads every object below `prefix` whose name ends in one of `suffixes` (all when empty) into
   * `dest`, keeping the names below the prefix as relative paths. A name that is not a plain relative
   * path (`..`, an empty segment, a backslash) is refused, never written.
   */
  async download(
    prefix: string,
    dest: string,
    suffixes: string[] = [],
    signal?: AbortSignal,
  ): Promise<{ files: string[]; refused: string[] }> {
    const files: string[] = [];
    const refused: string[] = [];
    for await (const page of this.list(prefix, signal)) {
      for (const o of page) {
        if (suffixes.length && !suffixes.some((s) => o.key.endsWith(s))) continue;
        const local = safeJoin(dest, o.key.slice(prefix.length));
        if (!local) {
          refused.push(o.key);
          continue;
        }
        const data = await this.get(o.key, signal);
        await fs.mkdir(path.dirname(local), { recursive: true });
        await fs.writeFile(local, data);
        files.push(local);
      }
    }
    return { files: files.sort(), refused };
  }

  /** the last `bytes` bytes of an object (a suffix range: a long log is not read whole), or null when there is no such object */
  async tailBytes(key: string, bytes: number): Promise<Buffer | null> {
    try {
      const res = await this.run('GetObject', key, () =>
        this.client.getObjectV2({ bucket: this.bucket, key, dataType: 'buffer', range: `bytes=-${bytes}` }),
      );
      return res.data.content;
    } catch (e) {
      if (e instanceof TosError && e.status === 404) return null;
      // an empty object has no last bytes to give
      if (e instanceof TosError && e.status === 416) return Buffer.alloc(0);
      throw e;
    }
  }

  async get(key: string, signal?: AbortSignal): Promise<Buffer> {
    const res = await this.run('GetObject', key, () => this.client.getObjectV2({ bucket: this.bucket, key, dataType: 'buffer' }), signal);
    return res.data.content;
  }
}

/** the last `lines` lines of a text */
export function tail(text: string, lines: number): string {
  const all = text.split('\n');
  if (all.at(-1) === '') all.pop();
  return all.slice(-lines).join('\n');
}
