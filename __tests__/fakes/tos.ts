/**
 * A fake Volcano Engine TOS (object storage) for `@volcengine/tos-sdk` 2.9.1: node:http on
 * 127.0.0.1:<free port>, path style `/{bucket}/{key}` (the SDK switches to it by itself when the
 * endpoint starts with a digit: dist/tos.esm.js `TOSBase.fetch`), plain http (`secure: false`).
 *
 * Checked as the real service would, from the SDK source (dist/tos.esm.js `SignersV4`, `fetch`):
 * - `Authorization: TOS4-HMAC-SHA256 Credential=AK/yyyymmdd/region/tos/request, SignedHeaders=…,
 *   Signature=…`, recomputed from the listed headers (the SDK signs `host` and every `x-tos-*`);
 *   canonical path = the decoded path re-encoded RFC 3986 with `/` kept; canonical query = sorted
 *   `k=v`, RFC 3986 (the SDK signs `encodeURIComponent` + `!'()*` while axios sends `+` for spaces);
 *   payload hash = the `x-tos-content-sha256` header (`UNSIGNED-PAYLOAD` from the SDK; a hex value
 *   must be the body's SHA-256).
 * - `x-tos-date` within `skewMs` of the server clock; `x-tos-security-token` for STS keys.
 * - Every response carries `x-tos-request-id` (the SDK treats a response without it as a network
 *   error and retries it), errors are JSON `{Code, Message, RequestId, HostId, EC}`.
 *
 * Operations: PutObject (buffer or stream), multipart (CreateMultipartUpload, UploadPart with part
 * numbers 1..10,000, CompleteMultipartUpload incl. `x-tos-complete-all`, parts of 5 MiB but the last,
 * merged in part-number order, AbortMultipartUpload: what `uploadFile` sends), GetObject (with Range), HeadObject, DeleteObject, HeadBucket, ListObjectsType2 (JSON;
 * prefix, delimiter, max-keys capped by `maxListPage`, continuation-token, start-after,
 * encoding-type=url). Anything else answers 501 NotImplemented in the TOS error form.
 * [U]: the EC values (all "0000-00000000" here), the codes for a wrong-region scope
 * (SignatureDoesNotMatch here), a missing/wrong STS token (AccessDenied), 429 (TooManyRequests),
 * a body that is not its x-tos-content-sha256 (BadDigest), and the skew window (15 min default).
 * Not done: presigned URLs (the SDK signs them for virtual-host style only), versions, ACLs,
 * CRC64 headers (the SDK checks them only with `enableCRC: true`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  canonicalQuery,
  canonicalRequest,
  headerValue,
  parseAuthorization,
  parseXDate,
  queryPairs,
  rfc3986,
  sameHex,
  sha256Hex,
  signatureFor,
} from './volc.js';

export interface TosCredential {
  accessKeyId: string;
  accessKeySecret: string;
  /** when set, requests with this key must carry it as x-tos-security-token (an STS key) */
  stsToken?: string;
}

export const DEFAULT_TOS_CREDENTIAL: TosCredential = {
  accessKeyId: 'AKLTZmFrZS10b3MtYWNjZXNzLWtleQ',
  accessKeySecret: 'ZmFrZS10b3Mtc2VjcmV0LWtleQ==',
};

export interface FakeTosBucket {
  name: string;
  /** when set, only these access keys may use the bucket (others get AccessDenied) */
  allowAccessKeys?: string[];
}

export interface FakeTosOptions {
  /** default cn-beijing */
  region?: string;
  buckets?: (string | FakeTosBucket)[];
  /** default [DEFAULT_TOS_CREDENTIAL] */
  credentials?: TosCredential[];
  /** accepted |server time − x-tos-date|, default 15 min */
  skewMs?: number;
  /** the most keys one ListObjectsType2 page returns whatever max-keys asks (default 1000) */
  maxListPage?: number;
  /** the server clock (default Date.now) */
  now?: () => number;
}

export interface TosRequestRecord {
  method: string;
  /** e.g. PutObject, GetObject, ListObjectsType2, UploadPart */
  op: string;
  bucket: string;
  key: string;
  status: number;
  code?: string;
}

export interface TosFailSpec {
  status: 429 | 500 | 503;
  code?: string;
  retryAfterS?: number;
}

export interface TosClientOptionsForFake {
  accessKeyId: string;
  accessKeySecret: string;
  stsToken?: string;
  region: string;
  endpoint: string;
  secure: false;
}

export interface StoredObject {
  body: Buffer;
  etag: string;
  lastModified: Date;
  contentType: string;
  meta: Record<string, string>;
}

export interface FakeTos {
  /** 127.0.0.1:<port>, what TosClient takes as `endpoint` */
  endpoint: string;
  url: string;
  port: number;
  region: string;
  /** the first configured credential */
  credential: TosCredential;
  /** options for `new TosClient(...)` against this fake (first credential unless given) */
  clientOptions(credential?: TosCredential): TosClientOptionsForFake;
  requests: TosRequestRecord[];
  /** client behaviour a real TOS would reject or that the fake could not honour */
  violations: string[];
  /** the most requests of each operation (UploadPart, PutObject, ...) that were in flight at once, from arrival to the end of the answer */
  peakInFlight: Record<string, number>;
  /** multipart uploads created and neither completed nor aborted, with the parts they hold */
  openUploads(): Array<{ bucket: string; key: string; uploadId: string; parts: number }>;
  put(bucket: string, key: string, data: string | Buffer, contentType?: string): void;
  get(bucket: string, key: string): Buffer | undefined;
  object(bucket: string, key: string): StoredObject | undefined;
  /** sorted keys of a bucket under a prefix */
  keys(bucket: string, prefix?: string): string[];
  remove(bucket: string, key: string): boolean;
  hasBucket(bucket: string): boolean;
  addBucket(bucket: string | FakeTosBucket): void;
  /** the next n requests fail with this status before authentication */
  failNext(n: number, spec: TosFailSpec): void;
  stop(): Promise<void>;
}

interface Upload {
  bucket: string;
  key: string;
  contentType: string;
  meta: Record<string, string>;
  parts: Map<number, { body: Buffer; etag: string }>;
}

class TosError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

const MIN_PART_SIZE = 5 * 1024 * 1024; // the SDK's MIN_PART_SIZE_EXCEPT_LAST_ONE
const md5Hex = (b: Buffer): string => createHash('md5').update(b).digest('hex');
const quote = (etag: string): string => `"${etag}"`;
const unquote = (etag: string): string => etag.replace(/^"|"$/g, '');

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFakeTos(opts: FakeTosOptions = {}): Promise<FakeTos> {
  const region = opts.region ?? 'cn-beijing';
  const credentials = opts.credentials?.length ? opts.credentials : [DEFAULT_TOS_CREDENTIAL];
  const skewMs = opts.skewMs ?? 15 * 60_000;
  const maxListPage = Math.max(1, opts.maxListPage ?? 1000);
  const now = opts.now ?? Date.now;
  const buckets = new Map<string, { acl?: string[]; objects: Map<string, StoredObject> }>();
  const uploads = new Map<string, Upload>();
  const requests: TosRequestRecord[] = [];
  const violations: string[] = [];
  const inFlight: Record<string, number> = {};
  const peakInFlight: Record<string, number> = {};
  const failures: TosFailSpec[] = [];
  let hostId = 'tos-fake';

  const addBucket = (b: string | FakeTosBucket): void => {
    const spec = typeof b === 'string' ? { name: b } : b;
    if (!buckets.has(spec.name)) buckets.set(spec.name, { acl: spec.allowAccessKeys, objects: new Map() });
  };
  for (const b of opts.buckets ?? []) addBucket(b);

  const bucketOf = (name: string): Map<string, StoredObject> => {
    const b = buckets.get(name);
    if (!b) throw new Error(`fake TOS: no bucket ${name}`);
    return b.objects;
  };
  const store = (
    bucket: string,
    key: string,
    body: Buffer,
    contentType: string,
    meta: Record<string, string>,
    etag = md5Hex(body),
  ): StoredObject => {
    const o: StoredObject = { body, etag, lastModified: new Date(now()), contentType, meta };
    bucketOf(bucket).set(key, o);
    return o;
  };

  // ---------------------------------------------------------------------------------------- auth

  const authenticate = (req: IncomingMessage, rawPath: string, rawQuery: string, body: Buffer): TosCredential => {
    const auth = headerValue(req.headers, 'authorization');
    if (!auth) throw new TosError(403, 'AccessDenied', 'Anonymous requests are not allowed: the request has no Authorization header.');
    const parsed = parseAuthorization(auth, 'TOS4-HMAC-SHA256');
    if (typeof parsed === 'string') throw new TosError(400, 'InvalidArgument', `Malformed Authorization header: ${parsed}.`);
    const credential = credentials.find((c) => c.accessKeyId === parsed.accessKeyId);
    if (!credential)
      throw new TosError(403, 'InvalidAccessKeyId', `The AccessKeyId ${parsed.accessKeyId} you provided does not exist in our records.`);
    if (parsed.service !== 'tos' || parsed.terminator !== 'request') {
      throw new TosError(
        403,
        'SignatureDoesNotMatch',
        `The credential scope must be <date>/${region}/tos/request, got .../${parsed.service}/${parsed.terminator}.`,
      );
    }
    if (parsed.region !== region) {
      throw new TosError(
        403,
        'SignatureDoesNotMatch',
        `The credential scope region "${parsed.region}" is not this endpoint's region "${region}".`,
      );
    }
    const datetime = headerValue(req.headers, 'x-tos-date');
    const date = datetime ? parseXDate(datetime) : null;
    if (!datetime || !date)
      throw new TosError(
        403,
        'AccessDenied',
        `The request needs an x-tos-date header in YYYYMMDDTHHMMSSZ form, got ${JSON.stringify(datetime ?? null)}.`,
      );
    if (datetime.slice(0, 8) !== parsed.date8)
      throw new TosError(
        403,
        'SignatureDoesNotMatch',
        `The credential scope date ${parsed.date8} is not the date of x-tos-date ${datetime}.`,
      );
    if (Math.abs(now() - date.getTime()) > skewMs) {
      throw new TosError(
        403,
        'RequestTimeTooSkewed',
        `The difference between the request time (${datetime}) and the server's time is too large.`,
        {
          RequestTime: datetime,
          ServerTime: new Date(now()).toISOString(),
        },
      );
    }
    const token = headerValue(req.headers, 'x-tos-security-token');
    if (credential.stsToken !== undefined && token !== credential.stsToken) {
      throw new TosError(
        403,
        'AccessDenied',
        token
          ? 'The security token included in the request is invalid.'
          : 'This is a temporary (STS) key: the request needs x-tos-security-token.',
      );
    }
    if (credential.stsToken === undefined && token !== undefined) {
      throw new TosError(403, 'AccessDenied', 'The request carries x-tos-security-token, but its access key is not a temporary (STS) key.');
    }
    const signed = parsed.signedHeaders.map((h) => h.toLowerCase());
    for (const must of ['host', 'x-tos-date']) {
      if (!signed.includes(must)) throw new TosError(403, 'SignatureDoesNotMatch', `SignedHeaders must include ${must}.`);
    }
    for (const name of Object.keys(req.headers)) {
      if (name.startsWith('x-tos-') && !signed.includes(name))
        violations.push(`${req.method} ${rawPath}: header ${name} is sent but not signed (the SDK signs every x-tos-* header)`);
    }
    const contentSha = headerValue(req.headers, 'x-tos-content-sha256');
    if (contentSha !== undefined && contentSha !== 'UNSIGNED-PAYLOAD' && contentSha !== sha256Hex(body)) {
      throw new TosError(400, 'BadDigest', 'The x-tos-content-sha256 you specified did not match what we received.');
    }
    let decodedPath: string;
    try {
      decodedPath = decodeURIComponent(rawPath);
    } catch {
      throw new TosError(400, 'InvalidURI', `Could not parse the request path ${rawPath}.`);
    }
    const canonical = canonicalRequest({
      method: req.method ?? 'GET',
      path: decodedPath.split('/').map(rfc3986).join('/'),
      query: canonicalQuery(queryPairs(rawQuery)),
      signedHeaders: signed,
      headers: req.headers,
      payloadHash: contentSha ?? sha256Hex(body),
    });
    if (typeof canonical !== 'string')
      throw new TosError(403, 'SignatureDoesNotMatch', `The signed header ${canonical.missingHeader} is not in the request.`);
    const expected = signatureFor({
      algorithm: 'TOS4-HMAC-SHA256',
      secret: credential.accessKeySecret,
      datetime,
      date8: parsed.date8,
      region,
      service: 'tos',
      canonical,
    });
    if (!sameHex(expected, parsed.signature.toLowerCase())) {
      throw new TosError(
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
        {
          CanonicalRequest: canonical,
        },
      );
    }
    return credential;
  };

  // ------------------------------------------------------------------------------------ handlers

  const listType2 = (bucket: string, q: URLSearchParams): Record<string, unknown> => {
    const prefix = q.get('prefix') ?? '';
    const delimiter = q.get('delimiter') ?? '';
    const encoding = q.get('encoding-type') ?? '';
    if (encoding && encoding !== 'url') throw new TosError(400, 'InvalidArgument', `Invalid encoding-type ${encoding}.`);
    const maxKeysRaw = q.get('max-keys');
    let maxKeys = 1000;
    if (maxKeysRaw !== null) {
      if (!/^\d+$/.test(maxKeysRaw)) throw new TosError(400, 'InvalidArgument', `Invalid max-keys ${maxKeysRaw}.`);
      maxKeys = Math.min(1000, Number(maxKeysRaw));
    }
    const pageSize = Math.min(maxKeys, maxListPage);
    const token = q.get('continuation-token');
    let after = q.get('start-after') ?? '';
    let afterPrefix = ''; // a common prefix returned last: skip every key under it
    if (token !== null) {
      const m = /^ct1:([KP]):(.*)$/s.exec(Buffer.from(token, 'base64url').toString('utf8'));
      if (!m) throw new TosError(400, 'InvalidArgument', 'The continuation token provided is incorrect.');
      after = m[2]!;
      if (m[1] === 'P') afterPrefix = after;
    }
    const contents: Record<string, unknown>[] = [];
    const prefixes: string[] = [];
    let last = '';
    let lastIsPrefix = false;
    let truncated = false;
    const enc = (s: string): string => (encoding === 'url' ? encodeURIComponent(s) : s);
    for (const key of [...bucketOf(bucket).keys()].sort()) {
      if (!key.startsWith(prefix) || key <= after) continue;
      if (afterPrefix && key.startsWith(afterPrefix)) continue;
      const i = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
      const entry = i >= 0 ? key.slice(0, i + delimiter.length) : key;
      if (i >= 0 && prefixes[prefixes.length - 1] === entry) continue;
      if (contents.length + prefixes.length >= pageSize) {
        truncated = true;
        break;
      }
      if (i >= 0) prefixes.push(entry);
      else {
        const o = bucketOf(bucket).get(key)!;
        contents.push({
          Key: enc(key),
          LastModified: o.lastModified.toISOString(),
          ETag: quote(o.etag),
          Size: o.body.length,
          Owner: { ID: 'fake-owner', DisplayName: 'fake-owner' },
          StorageClass: 'STANDARD',
          Type: 'Normal',
        });
      }
      last = entry;
      lastIsPrefix = i >= 0;
    }
    const out: Record<string, unknown> = {
      Name: bucket,
      Prefix: enc(prefix),
      MaxKeys: maxKeys,
      KeyCount: contents.length + prefixes.length,
      IsTruncated: truncated,
      CommonPrefixes: prefixes.map((p) => ({ Prefix: enc(p) })),
      Contents: contents,
    };
    if (delimiter) out.Delimiter = enc(delimiter);
    if (encoding) out.EncodingType = encoding;
    if (q.has('start-after')) out.StartAfter = enc(q.get('start-after')!);
    if (token !== null) out.ContinuationToken = token;
    if (truncated) out.NextContinuationToken = Buffer.from(`ct1:${lastIsPrefix ? 'P' : 'K'}:${last}`, 'utf8').toString('base64url');
    return out;
  };

  const metaOf = (req: IncomingMessage): Record<string, string> => {
    const meta: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (k.startsWith('x-tos-meta-') && typeof v === 'string') meta[k] = v;
    return meta;
  };

  const sendObjectHeaders = (res: ServerResponse, o: StoredObject): void => {
    res.setHeader('ETag', quote(o.etag));
    res.setHeader('Last-Modified', o.lastModified.toUTCString());
    res.setHeader('Content-Type', o.contentType);
    res.setHeader('x-tos-storage-class', 'STANDARD');
    res.setHeader('x-tos-object-type', 'Normal');
    for (const [k, v] of Object.entries(o.meta)) res.setHeader(k, v);
  };

  /** the operation a request asks for, named like the TOS API */
  const opOf = (method: string, key: string, q: URLSearchParams): string => {
    if (!key)
      return method === 'GET' && q.get('list-type') === '2' ? 'ListObjectsType2' : method === 'HEAD' ? 'HeadBucket' : `${method}Bucket`;
    if (method === 'POST' && q.has('uploads')) return 'CreateMultipartUpload';
    if (q.has('uploadId'))
      return (
        (
          { PUT: 'UploadPart', POST: 'CompleteMultipartUpload', DELETE: 'AbortMultipartUpload', GET: 'ListParts' } as Record<string, string>
        )[method] ?? method
      );
    return ({ PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' } as Record<string, string>)[method] ?? method;
  };

  type Reply = { status: number; json?: unknown; body?: Buffer; headers?: Record<string, string> };

  const handle = (
    req: IncomingMessage,
    res: ServerResponse,
    bucket: string,
    key: string,
    q: URLSearchParams,
    body: Buffer,
  ): { op: string; reply: Reply } => {
    const method = req.method ?? 'GET';
    const objects = bucketOf(bucket);
    if (!key) {
      if (method === 'GET' && q.get('list-type') === '2')
        return { op: 'ListObjectsType2', reply: { status: 200, json: listType2(bucket, q) } };
      if (method === 'HEAD') return { op: 'HeadBucket', reply: { status: 200, headers: { 'x-tos-bucket-region': region } } };
      throw new TosError(501, 'NotImplemented', `The fake TOS does not implement ${method} on a bucket with query "${q.toString()}".`);
    }
    const uploadId = q.get('uploadId');
    if (method === 'POST' && q.has('uploads')) {
      const id = randomBytes(16).toString('hex');
      uploads.set(id, {
        bucket,
        key,
        contentType: headerValue(req.headers, 'content-type') ?? 'application/octet-stream',
        meta: metaOf(req),
        parts: new Map(),
      });
      return { op: 'CreateMultipartUpload', reply: { status: 200, json: { Bucket: bucket, Key: key, UploadId: id } } };
    }
    if (uploadId !== null) {
      const up = uploads.get(uploadId);
      if (!up || up.bucket !== bucket || up.key !== key)
        throw new TosError(404, 'NoSuchUpload', 'The specified multipart upload does not exist.');
      if (method === 'PUT') {
        const n = Number(q.get('partNumber'));
        if (!Number.isInteger(n) || n < 1 || n > 10_000)
          throw new TosError(400, 'InvalidArgument', `Invalid partNumber ${q.get('partNumber')}.`);
        const etag = md5Hex(body);
        up.parts.set(n, { body, etag });
        return { op: 'UploadPart', reply: { status: 200, headers: { ETag: quote(etag) } } };
      }
      if (method === 'DELETE') {
        uploads.delete(uploadId);
        return { op: 'AbortMultipartUpload', reply: { status: 204 } };
      }
      if (method === 'POST') {
        let chosen: { n: number; etag: string }[];
        if (headerValue(req.headers, 'x-tos-complete-all') === 'yes') {
          chosen = [...up.parts.entries()].sort((a, b) => a[0] - b[0]).map(([n, p]) => ({ n, etag: p.etag }));
        } else {
          let parsed: { Parts?: { PartNumber?: unknown; ETag?: unknown }[] };
          try {
            parsed = JSON.parse(body.toString('utf8')) as typeof parsed;
          } catch {
            throw new TosError(400, 'MalformedJSON', 'The JSON you provided was not well-formed.');
          }
          chosen = (parsed.Parts ?? []).map((p) => ({ n: Number(p.PartNumber), etag: unquote(String(p.ETag ?? '')) }));
        }
        if (!chosen.length) throw new TosError(400, 'InvalidRequest', 'You must specify at least one part.');
        // TOS merges by part number whatever the order of the list (UploadPart: "the upload order does not
        // affect the final merge outcome"; CompleteMultipartUpload asks for no order), and the SDK's
        // uploadFile lists its parts in the order they finished: unlike S3 and OSS, no InvalidPartOrder.
        // A part listed twice is [U]: refused here.
        chosen = [...chosen].sort((a, b) => a.n - b.n);
        const bodies: Buffer[] = [];
        chosen.forEach((c, i) => {
          const part = up.parts.get(c.n);
          if (!part || part.etag !== c.etag)
            throw new TosError(400, 'InvalidPart', `Part ${c.n} was not uploaded or its ETag does not match.`);
          if (i > 0 && chosen[i - 1]!.n === c.n) throw new TosError(400, 'InvalidPart', `Part ${c.n} is listed twice.`);
          if (i < chosen.length - 1 && part.body.length < MIN_PART_SIZE)
            throw new TosError(400, 'EntityTooSmall', `Part ${c.n} is smaller than 5 MiB and is not the last part.`);
          bodies.push(part.body);
        });
        const etag = `${md5Hex(Buffer.concat(chosen.map((c) => Buffer.from(c.etag, 'hex'))))}-${chosen.length}`;
        store(bucket, key, Buffer.concat(bodies), up.contentType, up.meta, etag);
        uploads.delete(uploadId);
        return {
          op: 'CompleteMultipartUpload',
          reply: {
            status: 200,
            json: { Bucket: bucket, Key: key, ETag: quote(etag), Location: `http://${hostId}/${bucket}/${key}` },
            headers: { ETag: quote(etag) },
          },
        };
      }
      throw new TosError(501, 'NotImplemented', `The fake TOS does not implement ${method} with uploadId (e.g. ListParts).`);
    }
    if ([...q.keys()].some((k) => !['versionId', 'response-content-type', 'response-content-disposition'].includes(k))) {
      throw new TosError(501, 'NotImplemented', `The fake TOS does not implement ${method} on an object with query "${q.toString()}".`);
    }
    switch (method) {
      case 'PUT': {
        const len = headerValue(req.headers, 'content-length');
        if (len !== undefined && Number(len) !== body.length)
          throw new TosError(400, 'IncompleteBody', 'The request body is shorter than its Content-Length.');
        const o = store(bucket, key, body, headerValue(req.headers, 'content-type') ?? 'application/octet-stream', metaOf(req));
        return { op: 'PutObject', reply: { status: 200, headers: { ETag: quote(o.etag) } } };
      }
      case 'GET':
      case 'HEAD': {
        const o = objects.get(key);
        const op = method === 'GET' ? 'GetObject' : 'HeadObject';
        if (!o) throw new TosError(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
        sendObjectHeaders(res, o);
        const range = headerValue(req.headers, 'range');
        if (range && method === 'GET') {
          const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
          const size = o.body.length;
          let start = m?.[1] ? Number(m[1]) : NaN;
          let end = m?.[2] ? Number(m[2]) : size - 1;
          if (m && !m[1] && m[2]) {
            start = Math.max(0, size - Number(m[2]));
            end = size - 1;
          }
          if (!m || Number.isNaN(start) || start >= size || start > end)
            throw new TosError(416, 'InvalidRange', 'The requested range is not satisfiable.');
          end = Math.min(end, size - 1);
          return {
            op,
            reply: { status: 206, body: o.body.subarray(start, end + 1), headers: { 'Content-Range': `bytes ${start}-${end}/${size}` } },
          };
        }
        return {
          op,
          reply: { status: 200, body: method === 'GET' ? o.body : undefined, headers: { 'Content-Length': String(o.body.length) } },
        };
      }
      case 'DELETE':
        objects.delete(key);
        return { op: 'DeleteObject', reply: { status: 204 } };
      default:
        throw new TosError(405, 'MethodNotAllowed', `The specified method ${method} is not allowed against this resource.`);
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const requestId = randomBytes(12).toString('hex');
      res.setHeader('x-tos-request-id', requestId);
      res.setHeader('x-tos-id-2', `${requestId}-fake`);
      res.setHeader('Server', 'TosServer');
      const target = req.url ?? '/';
      const qi = target.indexOf('?');
      const rawPath = qi >= 0 ? target.slice(0, qi) : target;
      const rawQuery = qi >= 0 ? target.slice(qi + 1) : '';
      const m = /^\/([^/?]+)(?:\/(.*))?$/.exec(rawPath);
      let bucket = '';
      let key = '';
      let op = req.method ?? 'GET';
      {
        // in flight from arrival (an UploadPart spends its time sending the body) to the end of the answer
        const early = opOf(req.method ?? 'GET', m?.[2] ?? '', new URLSearchParams(rawQuery));
        inFlight[early] = (inFlight[early] ?? 0) + 1;
        peakInFlight[early] = Math.max(peakInFlight[early] ?? 0, inFlight[early]);
        res.once('close', () => void (inFlight[early] = inFlight[early]! - 1));
      }
      const record = (status: number, code?: string): void =>
        void requests.push({ method: req.method ?? 'GET', op, bucket, key, status, ...(code ? { code } : {}) });
      try {
        const body = await readBody(req);
        if (m) {
          try {
            bucket = decodeURIComponent(m[1]!);
            key = decodeURIComponent(m[2] ?? '');
          } catch {
            throw new TosError(400, 'InvalidURI', `Could not parse the request path ${rawPath}.`);
          }
        }
        op = opOf(req.method ?? 'GET', key, new URLSearchParams(rawQuery));
        const failure = failures.shift();
        if (failure) {
          const defaults: Record<number, string> = { 429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable' };
          if (failure.retryAfterS !== undefined) res.setHeader('Retry-After', String(failure.retryAfterS));
          throw new TosError(failure.status, failure.code ?? defaults[failure.status]!, 'Injected failure (failNext).');
        }
        const credential = authenticate(req, rawPath, rawQuery, body);
        if (!m) throw new TosError(501, 'NotImplemented', 'The fake TOS does not implement service-level requests (ListBuckets).');
        const b = buckets.get(bucket);
        if (!b) throw new TosError(404, 'NoSuchBucket', 'The specified bucket does not exist.', { BucketName: bucket });
        if (b.acl && !b.acl.includes(credential.accessKeyId))
          throw new TosError(403, 'AccessDenied', `Access Denied: ${credential.accessKeyId} may not use bucket ${bucket}.`);
        const out = handle(req, res, bucket, key, new URLSearchParams(rawQuery), body);
        op = out.op;
        const { reply } = out;
        for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
        res.statusCode = reply.status;
        record(reply.status);
        if (reply.json !== undefined) {
          res.setHeader('Content-Type', 'application/json');
          res.end(JSON.stringify(reply.json));
        } else res.end(reply.body);
      } catch (e) {
        const err = e instanceof TosError ? e : new TosError(500, 'InternalError', `fake TOS: ${(e as Error).stack ?? String(e)}`);
        record(err.status, err.code);
        res.statusCode = err.status;
        if (req.method === 'HEAD') return void res.end();
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify({ Code: err.code, Message: err.message, RequestId: requestId, HostId: hostId, EC: '0000-00000000', ...err.extra }),
        );
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const endpoint = `127.0.0.1:${port}`;
  hostId = endpoint;

  return {
    endpoint,
    url: `http://${endpoint}`,
    port,
    region,
    credential: credentials[0]!,
    clientOptions: (c = credentials[0]!) => ({
      accessKeyId: c.accessKeyId,
      accessKeySecret: c.accessKeySecret,
      ...(c.stsToken !== undefined ? { stsToken: c.stsToken } : {}),
      region,
      endpoint,
      secure: false,
    }),
    requests,
    violations,
    peakInFlight,
    openUploads: () => [...uploads.entries()].map(([uploadId, u]) => ({ bucket: u.bucket, key: u.key, uploadId, parts: u.parts.size })),
    put: (bucket, key, data, contentType = 'application/octet-stream') => void store(bucket, key, Buffer.from(data), contentType, {}),
    get: (bucket, key) => buckets.get(bucket)?.objects.get(key)?.body,
    object: (bucket, key) => buckets.get(bucket)?.objects.get(key),
    keys: (bucket, prefix = '') => [...(buckets.get(bucket)?.objects.keys() ?? [])].filter((k) => k.startsWith(prefix)).sort(),
    remove: (bucket, key) => buckets.get(bucket)?.objects.delete(key) ?? false,
    hasBucket: (bucket) => buckets.has(bucket),
    addBucket,
    failNext: (n, spec) => {
      for (let i = 0; i < n; i++) failures.push(spec);
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
