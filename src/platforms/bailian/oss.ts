/**
 * OSS with ali-oss: staging local inputs under a content-addressed prefix, and downloading what
 * jobs wrote (object names are never trusted as paths). Requests are signed V4
 * (OSS4-HMAC-SHA256); each is retried on 5xx, throttling, resets and timeouts.
 */
import OSS from 'ali-oss';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { safeJoin } from '../../stores/blob-safe.js';
import { DEFAULT_RETRY, ossError, withRetry, type RetryOptions } from './errors.js';
import type { EvalgateAlibabaCredential } from './credential.js';
import { STAGING_LIMITS, checkpointFile, partSizeFor, readCheckpoint, serialWriter, throwIfAborted, type Staging } from '../staging.js';

export interface OssTarget {
  bucket: string;
  /** the region id (cn-hangzhou): ali-oss takes `oss-<region>` and signs V4 for it */
  region: string;
  /** a URL with its scheme (https://oss-cn-hangzhou.aliyuncs.com, http://127.0.0.1:9000) */
  endpoint: string;
}

/** An ali-oss client and the retry policy of its calls. */
export interface Oss {
  client: OSS;
  bucket: string;
  retry: RetryOptions;
}

export async function ossClient(t: OssTarget, credential: EvalgateAlibabaCredential, retry: Partial<RetryOptions> = {}): Promise<Oss> {
  const keys = await credential.keys();
  const options: OSS.Options = {
    region: `oss-${t.region}`,
    bucket: t.bucket,
    endpoint: t.endpoint,
    secure: t.endpoint.startsWith('https://'),
    accessKeyId: keys.accessKeyId,
    accessKeySecret: keys.accessKeySecret,
    authorizationV4: true,
    timeout: 120_000,
  };
  if (keys.securityToken) {
    options.stsToken = keys.securityToken;
    // ali-oss asks for fresh keys this often; @alicloud/credentials hands out the cached session until it is about to expire
    options.refreshSTSTokenInterval = 5 * 60_000;
    options.refreshSTSToken = async () => {
      const k = await credential.keys();
      return { accessKeyId: k.accessKeyId, accessKeySecret: k.accessKeySecret, stsToken: k.securityToken ?? '' };
    };
  }
  return { client: new OSS(options), bucket: t.bucket, retry: { ...DEFAULT_RETRY, ...retry } };
}

const call = <T>(oss: Oss, operation: string, what: string, fn: () => Promise<T>, signal?: AbortSignal, race = true): Promise<T> =>
  withRetry(fn, (e) => ossError(operation, e, `oss://${oss.bucket}/${what}`), oss.retry, undefined, signal, race);

/** every object below `prefix` (ListObjectsV2, following the continuation tokens): name and size */
export async function listPrefix(oss: Oss, prefix: string, signal?: AbortSignal): Promise<Array<{ name: string; size: number }>> {
  const out: Array<{ name: string; size: number }> = [];
  let token: string | undefined;
  do {
    // never an empty query value (`prefix=`): ali-oss signs it V4 as `prefix=`, OSS as `prefix`
    const query: OSS.ListV2ObjectsQuery & { 'continuation-token'?: string } = { 'max-keys': 1000 };
    if (prefix) query.prefix = prefix;
    if (token) query['continuation-token'] = token;
    const page = await call(oss, 'ListObjectsV2', prefix, () => oss.client.listV2(query, {}), signal);
    for (const o of page.objects ?? []) out.push({ name: o.name, size: Number(o.size) });
    token = page.isTruncated && page.nextContinuationToken ? page.nextContinuationToken : undefined;
  } while (token);
  return out;
}

/** how uploads go: part size and concurrency, where resume records live, and the run's cancel signal */
export interface UploadOptions {
  staging?: Staging;
  /** a folder for the resume records of multipart uploads (none: an interrupted upload starts over) */
  checkpointDir?: string;
  signal?: AbortSignal;
}

/** what ali-oss keeps of a multipart upload (its `progress` checkpoint), with the file's mtime to know it is the same file */
interface OssCheckpoint {
  file: string;
  name: string;
  fileSize: number;
  partSize: number;
  uploadId: string;
  doneParts: Array<{ number: number; etag: string }>;
  mtimeMs: number;
}

/**
 * Uploads files under `prefix` (ending in `/`), skipping each one a previous run already put there
 * with the same size: the prefix is content-addressed, so a name and size that match are the same
 * bytes (a multipart upload makes no object until CompleteMultipartUpload, so an interrupted one
 * left none, and is resumed or redone). A file larger than one part goes up in parts
 * (`staging.concurrency` at once); its checkpoint (upload id and done parts) is written after
 * each part, so that a run killed mid-upload is resumed by the next one from the parts OSS has.
 * Returns how many files were sent.
 */
export async function uploadPrefix(oss: Oss, prefix: string, files: Array<[string, string]>, opts: UploadOptions = {}): Promise<number> {
  const have = new Map((await listPrefix(oss, prefix, opts.signal)).map((o) => [o.name, o.size]));
  const staging = opts.staging ?? STAGING_LIMITS.bailian.defaults;
  let sent = 0;
  for (const [rel, abs] of files) {
    throwIfAborted(opts.signal);
    const name = prefix + rel;
    const st = await fs.stat(abs);
    if (have.get(name) === st.size) continue;
    const partSize = partSizeFor(st.size, 'bailian', staging.partSize);
    if (st.size > partSize) await multipart(oss, name, abs, st, partSize, staging.concurrency, opts);
    else await call(oss, 'PutObject', name, () => oss.client.put(name, abs), opts.signal);
    sent++;
  }
  return sent;
}

async function multipart(
  oss: Oss,
  name: string,
  abs: string,
  st: { size: number; mtimeMs: number },
  partSize: number,
  parallel: number,
  opts: UploadOptions,
): Promise<void> {
  const cpFile = opts.checkpointDir ? checkpointFile(opts.checkpointDir, `oss-${oss.bucket}`, name) : undefined;
  const save = cpFile ? serialWriter(cpFile) : undefined;
  // a cancel stops the parts in flight (ali-oss's own cancel, for this client)
  const onAbort = (): void => oss.client.cancel();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await call(
      oss,
      'MultipartUpload',
      name,
      async () => {
        throwIfAborted(opts.signal);
        let cp = cpFile ? await readCheckpoint<OssCheckpoint>(cpFile) : undefined;
        if (
          cp &&
          !(cp.file === abs && cp.name === name && cp.fileSize === st.size && cp.partSize === partSize && cp.mtimeMs === st.mtimeMs)
        ) {
          // another file (or the same one changed) under this name: its parts are no use
          await oss.client.abortMultipartUpload(name, cp.uploadId).catch(() => {});
          cp = undefined;
        }
        const options = {
          partSize,
          parallel,
          mime: 'application/octet-stream',
          ...(cp ? { checkpoint: cp } : {}),
          progress: async (_p: number, checkpoint?: Omit<OssCheckpoint, 'mtimeMs'>) => {
            if (checkpoint && save) await save({ ...checkpoint, mtimeMs: st.mtimeMs });
          },
        };
        try {
          await oss.client.multipartUpload(name, abs, options as OSS.MultipartUploadOptions);
        } catch (e) {
          if (opts.signal?.aborted) throw opts.signal.reason;
          // the checkpoint's upload was aborted or expired on the OSS side: start over once
          const code = (e as { code?: string; name?: string; status?: number }) ?? {};
          if (cp && (code.name === 'abort' || code.code === 'NoSuchUpload' || code.code === 'InvalidPart')) {
            if (cpFile) await fs.rm(cpFile, { force: true });
            await oss.client.multipartUpload(name, abs, { ...options, checkpoint: undefined } as OSS.MultipartUploadOptions);
          } else throw e;
        }
        if (cpFile) await fs.rm(cpFile, { force: true });
      },
      opts.signal,
      false,
    );
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Downloads every object below `prefix` whose name ends in one of `suffixes` (all when empty)
 * into `dest`, keeping the names below the prefix as relative paths. A name that is not a plain
 * relative path (`..`, an empty segment, a backslash) is refused, never written.
 */
export async function downloadPrefix(
  oss: Oss,
  prefix: string,
  dest: string,
  suffixes: string[] = [],
  signal?: AbortSignal,
): Promise<{ files: string[]; refused: string[] }> {
  const files: string[] = [];
  const refused: string[] = [];
  for (const o of await listPrefix(oss, prefix, signal)) {
    if (o.name.endsWith('/')) continue; // a folder marker
    if (suffixes.length && !suffixes.some((s) => o.name.endsWith(s))) continue;
    const local = safeJoin(dest, o.name.slice(prefix.length));
    if (!local) {
      refused.push(o.name);
      continue;
    }
    await fs.mkdir(path.dirname(local), { recursive: true });
    await call(oss, 'GetObject', o.name, () => oss.client.get(o.name, local), signal);
    files.push(local);
  }
  return { files: files.sort(), refused };
}

/**
 * `oss://<bucket>/<prefix>` or `oss://<bucket>.<endpoint>/<prefix>` → its parts; the prefix ends
 * in `/` unless it names an object, or is empty (the whole bucket).
 */
export function parseOssUri(uri: string): { bucket: string; endpoint?: string; key: string } {
  const m = /^oss:\/\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])(?:\.([A-Za-z0-9.-]+\.[A-Za-z0-9-]+))?(?:\/(.*))?$/.exec(uri);
  if (!m) throw new Error(`expected oss://<bucket>/<prefix> (a lower-case bucket name), found ${JSON.stringify(uri)}`);
  return { bucket: m[1]!, ...(m[2] ? { endpoint: m[2] } : {}), key: (m[3] ?? '').replace(/^\/+/, '') };
}
