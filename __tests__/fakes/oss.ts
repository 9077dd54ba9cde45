/**
 * A fake Alibaba Cloud OSS for the unmodified `ali-oss` client (6.23.0), on 127.0.0.1:<free port>.
 *
 * What it serves is what ali-oss sends (node_modules/ali-oss/lib: object.js, common/multipart.js,
 * managed-upload.js, common/utils/createRequest.js, common/client/getReqUrl.js, common/signUtils.js):
 * - With `endpoint: 'http://127.0.0.1:<port>'` (an IP) ali-oss puts the object at `/{key}` and sets
 *   `Host: {bucket}.{region}.aliyuncs.com` (createRequest.js), so the bucket comes from the Host header,
 *   as at the real virtual-hosted endpoint. A Host that is an IP or `localhost` means path style (`/{bucket}/{key}`).
 * - PutObject (Buffer, or a file as a stream with Content-Length), GetObject (with `Range`), HeadObject,
 *   DeleteObject, ListObjects (V1) and ListObjectsV2 (`list-type=2`, prefix, delimiter, start-after,
 *   continuation-token, max-keys, encoding-type, fetch-owner), and multipart upload (InitiateMultipartUpload
 *   `POST ?uploads`, UploadPart `PUT ?partNumber&uploadId`, CompleteMultipartUpload `POST ?uploadId`,
 *   AbortMultipartUpload `DELETE ?uploadId`), which `multipartUpload` uses for files of 100 KB or more.
 * - Every request is authenticated like OSS does: signature V1 (`OSS ak:base64(HMAC-SHA1)`, the sub-resources
 *   in the signed resource are the OSS list, `continuation-token` among them) or V4 (`OSS4-HMAC-SHA256`, from
 *   `authorizationV4: true`), recomputed from the request; the request time (`x-oss-date`, else `Date`) within
 *   a window; STS keys need their `x-oss-security-token`; `Content-MD5` must match the body.
 * - Errors are OSS XML `<Error><Code/><Message/><RequestId/><HostId/></Error>` (for HEAD, base64 in `x-oss-err`,
 *   which ali-oss decodes).
 *
 * The keyring (access keys and STS tokens) lives here because the PAI-DLC and STS fakes share it.
 */
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { testTls } from './tls.js';

// ------------------------------------------------------------------------------------------- keyring

export interface AlibabaKey {
  accessKeyId: string;
  accessKeySecret: string;
  /** set for STS credentials: every request signed with this key must carry this token */
  securityToken?: string;
  /** ms since the epoch after which the STS token is expired */
  expiresAt?: number;
}

/** The access keys the fakes accept; the STS fake adds the temporary ones it issues. */
export class AlibabaKeyring {
  private readonly keys = new Map<string, AlibabaKey>();
  constructor(keys: AlibabaKey[] = []) {
    for (const k of keys) this.add(k);
  }
  add(key: AlibabaKey): void {
    this.keys.set(key.accessKeyId, { ...key });
  }
  get(accessKeyId: string): AlibabaKey | undefined {
    return this.keys.get(accessKeyId);
  }
  remove(accessKeyId: string): void {
    this.keys.delete(accessKeyId);
  }
  list(): AlibabaKey[] {
    return [...this.keys.values()];
  }
}

export const DEFAULT_ACCESS_KEY_ID = 'LTAI5tEvalgateFakeKey01';
export const DEFAULT_ACCESS_KEY_SECRET = 'evalgateFakeSecretDoNotUse0000000';

export interface KeyOptions {
  /** the static key pair accepted (defaults DEFAULT_ACCESS_KEY_ID / DEFAULT_ACCESS_KEY_SECRET) */
  accessKeyId?: string;
  accessKeySecret?: string;
  /** a shared keyring instead (then accessKeyId/Secret are ignored) */
  keyring?: AlibabaKeyring;
}

export function keyringOf(opts: KeyOptions): AlibabaKeyring {
  return (
    opts.keyring ??
    new AlibabaKeyring([
      { accessKeyId: opts.accessKeyId ?? DEFAULT_ACCESS_KEY_ID, accessKeySecret: opts.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET },
    ])
  );
}

/** an Alibaba-style request id: 24 upper-case hex digits for OSS, a UUID for the OpenAPI gateway */
export const ossRequestId = (): string => randomBytes(12).toString('hex').toUpperCase();
export const acsRequestId = (): string => randomUUID().toUpperCase();

export const xmlEscape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const xmlUnescape = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Reads a request body whole. */
export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Query pairs in wire order, decoded; `value` is null when the pair had no `=`. */
export function parseQuery(raw: string): Array<[string, string | null]> {
  if (!raw) return [];
  const dec = (s: string): string => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  return raw
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const i = p.indexOf('=');
      return i < 0 ? [dec(p), null] : [dec(p.slice(0, i)), dec(p.slice(i + 1))];
    });
}

// ------------------------------------------------------------------------------------------- OSS

/**
 * Sub-resources that OSS includes in the V1 signed resource (alibabacloud-oss-python-sdk v1 `auth.py`
 * `_subresource_key_set` and the v2 `signer/v1.py`); other query parameters (`list-type`, `prefix`,
 * `max-keys`, `delimiter`, `start-after`, ...) are not signed in V1.
 */
const SUBRESOURCES = new Set([
  'response-content-type', 'response-content-language', 'response-cache-control', 'logging', 'response-content-encoding',
  'acl', 'uploadId', 'uploads', 'partNumber', 'group', 'link', 'delete', 'website', 'location', 'objectInfo', 'objectMeta',
  'response-expires', 'response-content-disposition', 'cors', 'lifecycle', 'restore', 'qos', 'referer', 'stat', 'bucketInfo',
  'append', 'position', 'security-token', 'live', 'comp', 'status', 'vod', 'startTime', 'endTime', 'x-oss-process', 'symlink',
  'callback', 'callback-var', 'tagging', 'encryption', 'versions', 'versioning', 'versionId', 'policy', 'requestPayment',
  'x-oss-traffic-limit', 'qosInfo', 'asyncFetch', 'x-oss-request-payer', 'sequential', 'inventory', 'inventoryId',
  'continuation-token', 'worm', 'wormId', 'wormExtend', 'replication', 'replicationLocation', 'replicationProgress',
  'transferAcceleration', 'regionList', 'cloudboxes', 'resourceGroup',
]); // prettier-ignore

/** ali-oss common/utils/encodeString.js: encodeURIComponent plus `!'()*` */
const encodeString = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const sha256hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const md5 = (b: Buffer): Buffer => createHash('md5').update(b).digest();
const hmac256 = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

export interface OssObject {
  body: Buffer;
  /** upper-case hex MD5 (multipart: MD5 of the part MD5s, then `-<parts>`), without quotes */
  etag: string;
  lastModified: Date;
  contentType: string;
  meta: Record<string, string>;
  type: 'Normal' | 'Multipart';
}

export interface OssRequestRecord {
  method: string;
  /** bucket from the Host header (or the path when the Host is an IP) */
  bucket: string;
  key: string;
  /** PutObject, GetObject, HeadObject, DeleteObject, ListObjectsV2, ListObjects, InitiateMultipartUpload, UploadPart, ... */
  op: string;
  status: number;
  /** OSS error code, when it failed */
  code?: string;
  auth: 'v1' | 'v4' | 'anonymous' | 'invalid';
  accessKeyId?: string;
}

export interface FakeOssOptions extends KeyOptions {
  /** buckets that exist, all in `region` */
  buckets: string[];
  /** the region as ali-oss takes it (default `oss-cn-hangzhou`) */
  region?: string;
  /** most keys one list page returns, whatever max-keys asks (default 1000, OSS's own limit) */
  maxKeys?: number;
  /** allowed difference between the request time and now (default 15 minutes, as OSS) */
  skewMs?: number;
  /** serve HTTPS with the test certificate (default plain HTTP) */
  tls?: boolean;
}

export interface FakeOss {
  /** `http://127.0.0.1:<port>` (https with `tls`): ali-oss `endpoint` */
  url: string;
  port: number;
  /** `oss-cn-hangzhou` style: ali-oss `region` */
  region: string;
  keyring: AlibabaKeyring;
  requests: OssRequestRecord[];
  /** requests that broke an OSS rule (bad signature, stale date, unknown bucket, ...), one line each */
  violations: string[];
  /** the most requests of each operation (UploadPart, PutObject, ...) that were in flight at once, from arrival to the end of the answer */
  peakInFlight: Record<string, number>;
  /** multipart uploads initiated and neither completed nor aborted, with the parts they hold */
  openUploads(): Array<{ bucket: string; key: string; uploadId: string; parts: number }>;
  /** the next n requests fail with this error (e.g. 503 ServiceUnavailable), before authentication */
  failNext(n: number, err?: { status?: number; code?: string; message?: string }): void;
  /** the fake's clock runs this far ahead of the real one (negative: behind), for request-time skew checks */
  setClockOffset(ms: number): void;
  /** store API (no HTTP, no auth): for seeding inputs and checking outputs */
  put(bucket: string, key: string, data: Buffer | string, contentType?: string): void;
  get(bucket: string, key: string): Buffer | undefined;
  object(bucket: string, key: string): OssObject | undefined;
  /** sorted keys under `prefix` */
  keys(bucket: string, prefix?: string): string[];
  delete(bucket: string, key: string): void;
  hasBucket(bucket: string): boolean;
  stop(): Promise<void>;
}

class OssError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

const MESSAGES: Record<string, string> = {
  NoSuchBucket: 'The specified bucket does not exist.',
  NoSuchKey: 'The specified key does not exist.',
  NoSuchUpload: 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  AccessDenied: 'You have no right to access this object because of bucket acl.',
  InvalidAccessKeyId: 'The OSS Access Key Id you provided does not exist in our records.',
  SignatureDoesNotMatch:
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  RequestTimeTooSkewed: 'The difference between the request time and the current time is too large.',
  InvalidSecurityToken: 'The security token you provided is invalid.',
  InvalidDigest: 'The Content-MD5 you specified did not match what we received.',
};

/** errors a correct client meets in normal use: not violations */
const BENIGN = new Set(['NoSuchKey', 'FileAlreadyExists']);

const isLocalHost = (host: string): boolean => /^(\d{1,3}(\.\d{1,3}){3}|localhost|\[[0-9a-f:]+\])(:\d+)?$/i.test(host);

interface Upload {
  bucket: string;
  key: string;
  contentType: string;
  meta: Record<string, string>;
  parts: Map<number, { body: Buffer; etag: string }>;
}

export async function startFakeOss(opts: FakeOssOptions): Promise<FakeOss> {
  const region = opts.region ?? 'oss-cn-hangzhou';
  const stdRegion = region.replace(/^oss-/, '');
  const keyring = keyringOf(opts);
  const maxKeysCap = opts.maxKeys ?? 1000;
  const skewMs = opts.skewMs ?? 15 * 60_000;
  const buckets = new Map<string, Map<string, OssObject>>(opts.buckets.map((b) => [b, new Map()]));
  const uploads = new Map<string, Upload>();
  let clockOffset = 0;
  const requests: OssRequestRecord[] = [];
  const violations: string[] = [];
  const inFlight: Record<string, number> = {};
  const peakInFlight: Record<string, number> = {};
  let failures: { n: number; status: number; code: string; message: string } = { n: 0, status: 503, code: '', message: '' };

  const bucketMap = (bucket: string): Map<string, OssObject> => {
    const m = buckets.get(bucket);
    if (!m) throw new Error(`fake OSS: no bucket ${bucket} (buckets: ${[...buckets.keys()].join(', ')})`);
    return m;
  };
  const storeObject = (bucket: string, key: string, body: Buffer, contentType: string, meta: Record<string, string> = {}): OssObject => {
    const obj: OssObject = {
      body,
      etag: md5(body).toString('hex').toUpperCase(),
      lastModified: new Date(),
      contentType,
      meta,
      type: 'Normal',
    };
    bucketMap(bucket).set(key, obj);
    return obj;
  };

  // ----------------------------------------------------------------------------------- authentication

  function authenticate(
    req: http.IncomingMessage,
    rec: OssRequestRecord,
    bucket: string,
    key: string,
    query: Array<[string, string | null]>,
    body: Buffer,
  ): void {
    const h = req.headers;
    const header = (name: string): string | undefined => {
      const v = h[name];
      return Array.isArray(v) ? v.join(',') : v;
    };
    const auth = header('authorization');
    if (!auth) {
      rec.auth = 'anonymous';
      // every bucket here is private, as new OSS buckets are
      throw new OssError(403, 'AccessDenied', MESSAGES.AccessDenied!);
    }
    let accessKeyId: string;
    let verify: (secret: string) => { ok: boolean; stringToSign: string };
    let requestTime: number;
    if (auth.startsWith('OSS ')) {
      rec.auth = 'v1';
      const m = /^OSS ([^:]+):(.+)$/.exec(auth);
      if (!m) throw new OssError(400, 'InvalidArgument', 'Authorization header is invalid.');
      accessKeyId = m[1]!;
      const given = m[2]!;
      // ali-oss puts x-oss-date where V1 has the Date (signUtils.buildCanonicalString); a Date header is the fallback
      const date = header('x-oss-date') ?? header('date') ?? '';
      requestTime = Date.parse(date);
      verify = (secret) => {
        const ossHeaders = Object.keys(h)
          .filter((k) => k.startsWith('x-oss-'))
          .sort()
          .map((k) => `${k}:${String(header(k)).trim()}`);
        const sub = query
          .filter(([k]) => SUBRESOURCES.has(k))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => (v ? `${k}=${v}` : k));
        const resource = `/${bucket}/${key}${sub.length ? `?${sub.join('&')}` : ''}`;
        const stringToSign = [req.method, header('content-md5') ?? '', header('content-type') ?? '', date, ...ossHeaders, resource].join(
          '\n',
        );
        const mine = createHmac('sha1', secret).update(Buffer.from(stringToSign, 'utf8')).digest('base64');
        return { ok: mine === given, stringToSign };
      };
    } else if (auth.startsWith('OSS4-HMAC-SHA256 ')) {
      rec.auth = 'v4';
      const fields = new Map(
        auth
          .slice('OSS4-HMAC-SHA256 '.length)
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
          .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]),
      );
      const credential = fields.get('Credential')?.split('/') ?? [];
      const given = fields.get('Signature');
      if (credential.length !== 5 || !given) throw new OssError(400, 'InvalidArgument', 'Authorization header is invalid.');
      const [ak, scopeDate, scopeRegion, product, terminator] = credential as [string, string, string, string, string];
      accessKeyId = ak;
      const date = header('x-oss-date') ?? '';
      if (!/^\d{8}T\d{6}Z$/.test(date))
        throw new OssError(403, 'AccessDenied', 'Invalid x-oss-date for V4 signature (expected YYYYMMDDTHHMMSSZ).');
      requestTime = Date.UTC(
        +date.slice(0, 4),
        +date.slice(4, 6) - 1,
        +date.slice(6, 8),
        +date.slice(9, 11),
        +date.slice(11, 13),
        +date.slice(13, 15),
      );
      if (scopeDate !== date.slice(0, 8) || product !== 'oss' || terminator !== 'aliyun_v4_request')
        throw new OssError(403, 'SignatureDoesNotMatch', `Invalid credential scope ${credential.slice(1).join('/')}.`);
      if (scopeRegion !== stdRegion)
        throw new OssError(400, 'InvalidArgument', `Invalid signing region in Authorization header: ${scopeRegion}.`);
      const additional = (fields.get('AdditionalHeaders') ?? '').split(';').filter(Boolean);
      verify = (secret) => {
        const canonicalUri = encodeString(`/${bucket}/${key}`).replace(/%2F/g, '/');
        // a parameter without a value is signed as its name alone: `?uploads=` on the wire signs as `uploads`
        const canonicalQuery = query
          .map(([k, v]) => [encodeString(k), v ? encodeString(v) : null] as const)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => (v === null ? k : `${k}=${v}`))
          .join('&');
        const names = new Set(additional);
        for (const k of Object.keys(h)) if (k === 'content-type' || k === 'content-md5' || k.startsWith('x-oss-')) names.add(k);
        const canonicalHeaders = [...names]
          .sort()
          .map((k) => `${k}:${(header(k) ?? '').trim()}\n`)
          .join('');
        const canonicalRequest = [
          req.method,
          canonicalUri,
          canonicalQuery,
          canonicalHeaders,
          additional.join(';'),
          header('x-oss-content-sha256') ?? 'UNSIGNED-PAYLOAD',
        ].join('\n');
        const scope = `${scopeDate}/${scopeRegion}/oss/aliyun_v4_request`;
        const stringToSign = ['OSS4-HMAC-SHA256', date, scope, sha256hex(canonicalRequest)].join('\n');
        let k = hmac256(`aliyun_v4${secret}`, scopeDate);
        for (const part of [scopeRegion, 'oss', 'aliyun_v4_request']) k = hmac256(k, part);
        return { ok: hmac256(k, stringToSign).toString('hex') === given, stringToSign };
      };
      const payloadHash = header('x-oss-content-sha256');
      if (payloadHash && payloadHash !== 'UNSIGNED-PAYLOAD' && payloadHash !== sha256hex(body))
        throw new OssError(400, 'InvalidArgument', 'x-oss-content-sha256 does not match the request body.');
    } else {
      rec.auth = 'invalid';
      throw new OssError(400, 'InvalidArgument', 'Authorization header is invalid.');
    }
    rec.accessKeyId = accessKeyId;
    const key_ = keyring.get(accessKeyId);
    if (!key_) throw new OssError(403, 'InvalidAccessKeyId', MESSAGES.InvalidAccessKeyId!, { OSSAccessKeyId: accessKeyId });
    if (!Number.isFinite(requestTime)) throw new OssError(403, 'AccessDenied', 'OSS authentication requires a valid Date.');
    if (Math.abs(Date.now() + clockOffset - requestTime) > skewMs)
      throw new OssError(403, 'RequestTimeTooSkewed', MESSAGES.RequestTimeTooSkewed!, {
        RequestTime: new Date(requestTime).toISOString(),
        ServerTime: new Date(Date.now() + clockOffset).toISOString(),
      });
    const { ok, stringToSign } = verify(key_.accessKeySecret);
    if (!ok)
      throw new OssError(403, 'SignatureDoesNotMatch', MESSAGES.SignatureDoesNotMatch!, {
        OSSAccessKeyId: accessKeyId,
        StringToSign: stringToSign,
      });
    if (key_.securityToken !== undefined) {
      const token = header('x-oss-security-token');
      // an STS key id alone is no key: OSS knows it only through its token
      if (!token) throw new OssError(403, 'InvalidAccessKeyId', MESSAGES.InvalidAccessKeyId!, { OSSAccessKeyId: accessKeyId });
      if (token !== key_.securityToken) throw new OssError(403, 'InvalidSecurityToken', MESSAGES.InvalidSecurityToken!);
      if (key_.expiresAt !== undefined && key_.expiresAt < Date.now())
        throw new OssError(403, 'InvalidSecurityToken', 'The security token you provided has expired.');
    }
  }

  // ----------------------------------------------------------------------------------- operations

  function list(bucket: string, q: Map<string, string | null>, v2: boolean): string {
    const prefix = q.get('prefix') ?? '';
    const delimiter = q.get('delimiter') ?? '';
    const rawMax = q.get('max-keys');
    const maxKeys = rawMax ? Number(rawMax) : 100;
    if (!Number.isInteger(maxKeys) || maxKeys < 0 || maxKeys > 1000)
      throw new OssError(400, 'InvalidArgument', 'Argument max-keys must be an integer between 0 and 1000.', { ArgumentName: 'max-keys' });
    const urlEncode = q.get('encoding-type') === 'url';
    const enc = (s: string): string => xmlEscape(urlEncode ? encodeURIComponent(s).replace(/%2F/g, '/') : s);
    let after = '';
    const token = q.get('continuation-token');
    if (v2 && token) {
      after = Buffer.from(token, 'base64url').toString('utf8');
      if (!after.startsWith('k:')) throw new OssError(400, 'InvalidArgument', 'The continuation token provided is incorrect.');
      after = after.slice(2);
    } else if (v2) after = q.get('start-after') ?? '';
    else after = q.get('marker') ?? '';
    const page = Math.min(maxKeys, maxKeysCap);
    const keys = [...bucketMap(bucket).keys()].filter((k) => k.startsWith(prefix) && k > after).sort();
    const contents: string[] = [];
    const prefixes: string[] = [];
    let last = '';
    let truncated = false;
    for (const k of keys) {
      const i = delimiter ? k.indexOf(delimiter, prefix.length) : -1;
      const group = i >= 0 ? k.slice(0, i + delimiter.length) : undefined;
      if (group !== undefined && (prefixes.includes(group) || after.startsWith(group))) continue;
      if (contents.length + prefixes.length >= page) {
        truncated = true;
        break;
      }
      if (group !== undefined) prefixes.push(group);
      else contents.push(k);
      last = group ?? k;
    }
    const objects = contents.map((k) => {
      const o = bucketMap(bucket).get(k)!;
      const owner = !v2 || q.get('fetch-owner') === 'true' ? '<Owner><ID>1234567890</ID><DisplayName>1234567890</DisplayName></Owner>' : '';
      return (
        `<Contents><Key>${enc(k)}</Key><LastModified>${o.lastModified.toISOString()}</LastModified><ETag>"${o.etag}"</ETag>` +
        `<Type>${o.type}</Type><Size>${o.body.length}</Size><StorageClass>Standard</StorageClass>${owner}</Contents>`
      );
    });
    const common = prefixes.map((p) => `<CommonPrefixes><Prefix>${enc(p)}</Prefix></CommonPrefixes>`);
    const head = v2
      ? `<Name>${bucket}</Name><Prefix>${enc(prefix)}</Prefix>` +
        (q.has('start-after') ? `<StartAfter>${enc(q.get('start-after') ?? '')}</StartAfter>` : '') +
        (token ? `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>` : '') +
        `<MaxKeys>${maxKeys}</MaxKeys><Delimiter>${enc(delimiter)}</Delimiter><IsTruncated>${truncated}</IsTruncated>` +
        (truncated ? `<NextContinuationToken>${Buffer.from(`k:${last}`).toString('base64url')}</NextContinuationToken>` : '') +
        `<KeyCount>${contents.length + prefixes.length}</KeyCount>` +
        (urlEncode ? '<EncodingType>url</EncodingType>' : '')
      : `<Name>${bucket}</Name><Prefix>${enc(prefix)}</Prefix><Marker>${enc(after)}</Marker><MaxKeys>${maxKeys}</MaxKeys>` +
        `<Delimiter>${enc(delimiter)}</Delimiter><IsTruncated>${truncated}</IsTruncated>` +
        (truncated ? `<NextMarker>${enc(last)}</NextMarker>` : '') +
        (urlEncode ? '<EncodingType>url</EncodingType>' : '');
    return `<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult>${head}${objects.join('')}${common.join('')}</ListBucketResult>`;
  }

  const metaOf = (h: http.IncomingHttpHeaders): Record<string, string> => {
    const meta: Record<string, string> = {};
    for (const [k, v] of Object.entries(h)) if (k.startsWith('x-oss-meta-') && typeof v === 'string') meta[k.slice(11)] = v;
    return meta;
  };

  const checkMd5 = (h: http.IncomingHttpHeaders, body: Buffer): void => {
    const given = h['content-md5'];
    if (typeof given === 'string' && given !== md5(body).toString('base64'))
      throw new OssError(400, 'InvalidDigest', MESSAGES.InvalidDigest!, { 'Content-MD5': given });
  };

  function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rec: OssRequestRecord,
    bucket: string,
    key: string,
    q: Map<string, string | null>,
    body: Buffer,
  ): void {
    const m = req.method!;
    const objects = bucketMap(bucket);
    const xml = (status: number, text: string): void => {
      res.writeHead(status, { 'Content-Type': 'application/xml' });
      res.end(text);
    };
    if (key === '') {
      // continuation-token is a sub-resource (signed in V1), but still part of a list request
      if (m === 'GET' && [...q.keys()].every((k) => !SUBRESOURCES.has(k) || k === 'continuation-token')) {
        const v2 = q.get('list-type') === '2';
        rec.op = v2 ? 'ListObjectsV2' : 'ListObjects';
        return xml(200, list(bucket, q, v2));
      }
      rec.op = `${m} bucket ?${[...q.keys()].join('&')}`;
      throw new OssError(501, 'NotImplemented', `The fake OSS does not implement ${rec.op}.`);
    }
    if (q.has('uploads') && m === 'POST') {
      rec.op = 'InitiateMultipartUpload';
      const id = randomBytes(16).toString('hex').toUpperCase();
      uploads.set(id, {
        bucket,
        key,
        contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
        meta: metaOf(req.headers),
        parts: new Map(),
      });
      return xml(
        200,
        `<?xml version="1.0" encoding="UTF-8"?>\n<InitiateMultipartUploadResult><Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key>` +
          `<UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
      );
    }
    const uploadId = q.get('uploadId');
    if (uploadId !== undefined) {
      const up = uploadId ? uploads.get(uploadId) : undefined;
      rec.op =
        m === 'PUT' ? 'UploadPart' : m === 'POST' ? 'CompleteMultipartUpload' : m === 'DELETE' ? 'AbortMultipartUpload' : `${m} ?uploadId`;
      if (!up || up.bucket !== bucket || up.key !== key)
        throw new OssError(404, 'NoSuchUpload', MESSAGES.NoSuchUpload!, { UploadId: String(uploadId) });
      if (m === 'PUT') {
        const n = Number(q.get('partNumber'));
        if (!Number.isInteger(n) || n < 1 || n > 10_000)
          throw new OssError(400, 'InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive.', {
            ArgumentName: 'partNumber',
          });
        checkMd5(req.headers, body);
        const etag = md5(body).toString('hex').toUpperCase();
        up.parts.set(n, { body, etag });
        res.writeHead(200, { ETag: `"${etag}"` });
        return void res.end();
      }
      if (m === 'DELETE') {
        uploads.delete(uploadId!);
        res.writeHead(204);
        return void res.end();
      }
      if (m === 'POST') {
        const listed = [
          ...body.toString('utf8').matchAll(/<Part>\s*<PartNumber>\s*(\d+)\s*<\/PartNumber>\s*<ETag>([^<]*)<\/ETag>\s*<\/Part>/g),
        ].map((x) => ({ n: Number(x[1]), etag: xmlUnescape(x[2]!).replace(/"/g, '').toUpperCase() }));
        if (listed.length === 0)
          throw new OssError(
            400,
            'MalformedXML',
            'The XML you provided was not well-formed or did not validate against our published schema.',
          );
        const parts: Buffer[] = [];
        for (let i = 0; i < listed.length; i++) {
          const p = listed[i]!;
          if (i > 0 && p.n <= listed[i - 1]!.n)
            throw new OssError(400, 'InvalidPartOrder', 'The list of parts was not in ascending order.');
          const have = up.parts.get(p.n);
          if (!have || have.etag !== p.etag)
            throw new OssError(
              400,
              'InvalidPart',
              "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.",
              { PartNumber: String(p.n) },
            );
          if (i < listed.length - 1 && have.body.length < 100 * 1024)
            throw new OssError(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.', {
              PartNumber: String(p.n),
            });
          parts.push(have.body);
        }
        const etagAll = `${createHash('md5')
          .update(Buffer.concat(listed.map((p) => Buffer.from(p.etag, 'hex'))))
          .digest('hex')
          .toUpperCase()}-${listed.length}`;
        const obj = storeObject(bucket, key, Buffer.concat(parts), up.contentType, up.meta);
        obj.etag = etagAll;
        obj.type = 'Multipart';
        uploads.delete(uploadId!);
        res.writeHead(200, { 'Content-Type': 'application/xml', ETag: `"${etagAll}"` });
        return void res.end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<CompleteMultipartUploadResult><Location>http://${bucket}.${region}.aliyuncs.com/${xmlEscape(key)}</Location>` +
            `<Bucket>${bucket}</Bucket><Key>${xmlEscape(key)}</Key><ETag>"${etagAll}"</ETag></CompleteMultipartUploadResult>`,
        );
      }
      throw new OssError(501, 'NotImplemented', `The fake OSS does not implement ${rec.op}.`);
    }
    const unsupported = [...q.keys()].filter((k) => SUBRESOURCES.has(k) && !k.startsWith('response-') && k !== 'versionId');
    if (unsupported.length) {
      rec.op = `${m} object ?${unsupported.join('&')}`;
      throw new OssError(501, 'NotImplemented', `The fake OSS does not implement ${rec.op}.`);
    }
    if (m === 'PUT') {
      rec.op = req.headers['x-oss-copy-source'] ? 'CopyObject' : 'PutObject';
      if (rec.op === 'CopyObject') throw new OssError(501, 'NotImplemented', 'The fake OSS does not implement CopyObject.');
      checkMd5(req.headers, body);
      if (req.headers['x-oss-forbid-overwrite'] === 'true' && objects.has(key))
        throw new OssError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.');
      const obj = storeObject(bucket, key, body, String(req.headers['content-type'] ?? 'application/octet-stream'), metaOf(req.headers));
      res.writeHead(200, { ETag: `"${obj.etag}"`, 'Content-MD5': md5(body).toString('base64') });
      return void res.end();
    }
    if (m === 'DELETE') {
      rec.op = 'DeleteObject';
      objects.delete(key);
      res.writeHead(204);
      return void res.end();
    }
    if (m === 'GET' || m === 'HEAD') {
      rec.op = m === 'GET' ? 'GetObject' : 'HeadObject';
      const o = objects.get(key);
      if (!o) throw new OssError(404, 'NoSuchKey', MESSAGES.NoSuchKey!, { Key: key });
      const headers: Record<string, string | number> = {
        'Content-Type': q.get('response-content-type') ?? o.contentType,
        ETag: `"${o.etag}"`,
        'Last-Modified': o.lastModified.toUTCString(),
        'Accept-Ranges': 'bytes',
        'x-oss-object-type': o.type,
        'x-oss-storage-class': 'Standard',
      };
      for (const [k, v] of Object.entries(o.meta)) headers[`x-oss-meta-${k}`] = v;
      let data = o.body;
      let status = 200;
      const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''));
      if (range && (range[1] || range[2])) {
        const size = o.body.length;
        let start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
        let end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
        if (start < size && start <= end) {
          data = o.body.subarray(start, end + 1);
          status = 206;
          headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
        } else {
          start = 0;
          end = size - 1;
        }
      }
      headers['Content-Length'] = data.length;
      res.writeHead(status, headers);
      return void res.end(m === 'GET' ? data : undefined);
    }
    rec.op = `${m} object`;
    throw new OssError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
  }

  /** the OSS operation name of a request (for the request log; `handle` decides what really runs) */
  function classify(m: string, key: string, q: Map<string, string | null>, h: http.IncomingHttpHeaders): string {
    if (key === '') return m === 'GET' ? (q.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects') : `${m} bucket`;
    if (q.has('uploads')) return m === 'POST' ? 'InitiateMultipartUpload' : `${m} ?uploads`;
    if (q.has('uploadId'))
      return m === 'PUT'
        ? 'UploadPart'
        : m === 'POST'
          ? 'CompleteMultipartUpload'
          : m === 'DELETE'
            ? 'AbortMultipartUpload'
            : `${m} ?uploadId`;
    const ops: Record<string, string> = {
      PUT: h['x-oss-copy-source'] ? 'CopyObject' : 'PutObject',
      GET: 'GetObject',
      HEAD: 'HeadObject',
      DELETE: 'DeleteObject',
    };
    return ops[m] ?? `${m} object`;
  }

  // ----------------------------------------------------------------------------------- server

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const requestId = ossRequestId();
    res.setHeader('x-oss-request-id', requestId);
    res.setHeader('Server', 'AliyunOSS');
    const host = String(req.headers.host ?? '');
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s);
    const query = parseQuery(rawQuery);
    const q = new Map(query);
    const rec: OssRequestRecord = { method: req.method ?? '', bucket: '', key: '', op: '', status: 0, auth: 'anonymous' };
    requests.push(rec);
    // in flight from arrival (an UploadPart spends its time sending the body) to the end of the answer
    const early = classify(req.method ?? '', isLocalHost(host) ? rawPath.split('/').slice(2).join('/') : rawPath.slice(1), q, req.headers);
    inFlight[early] = (inFlight[early] ?? 0) + 1;
    peakInFlight[early] = Math.max(peakInFlight[early] ?? 0, inFlight[early]);
    res.once('close', () => void (inFlight[early] = inFlight[early]! - 1));
    const fail = (e: OssError): void => {
      rec.status = e.status;
      rec.code = e.code;
      if (!BENIGN.has(e.code)) violations.push(`${req.method} ${host}${req.url}: ${e.code}: ${e.message}`);
      const extra = Object.entries(e.extra)
        .map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`)
        .join('');
      const text =
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${xmlEscape(e.message)}</Message>` +
        `<RequestId>${requestId}</RequestId><HostId>${xmlEscape(host)}</HostId>${extra}</Error>`;
      if (res.headersSent) return void res.destroy();
      if (req.method === 'HEAD') {
        res.writeHead(e.status, { 'x-oss-err': Buffer.from(text).toString('base64') });
        return void res.end();
      }
      res.writeHead(e.status, { 'Content-Type': 'application/xml' });
      res.end(text);
    };
    readBody(req)
      .then((body) => {
        try {
          let bucket: string;
          let encodedKey: string;
          if (isLocalHost(host)) {
            const [, b = '', ...rest] = rawPath.split('/');
            bucket = b;
            encodedKey = rest.join('/');
          } else {
            const hm = /^([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.(oss-[a-z0-9-]+?)(-internal)?\.aliyuncs\.com(:\d+)?$/i.exec(host);
            if (!hm) {
              if (/^oss-[a-z0-9-]+\.aliyuncs\.com(:\d+)?$/i.test(host) && rawPath.length > 1)
                throw new OssError(403, 'SecondLevelDomainForbidden', 'Please use virtual hosted style to access.');
              throw new OssError(
                400,
                'InvalidRequest',
                `The fake OSS cannot route Host ${JSON.stringify(host)}: expected {bucket}.${region}.aliyuncs.com.`,
              );
            }
            bucket = hm[1]!.toLowerCase();
            if (hm[2]!.toLowerCase() !== region)
              throw new OssError(
                403,
                'AccessDenied',
                'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
                { Bucket: bucket, Endpoint: `${region}.aliyuncs.com` },
              );
            encodedKey = rawPath.slice(1);
          }
          rec.bucket = bucket;
          let key: string;
          try {
            key = decodeURIComponent(encodedKey);
          } catch {
            throw new OssError(400, 'InvalidObjectName', 'The specified object is not valid.');
          }
          rec.key = key;
          rec.op = classify(req.method ?? '', key, q, req.headers);
          if (failures.n > 0) {
            failures.n--;
            throw Object.assign(new OssError(failures.status, failures.code, failures.message), { injected: true });
          }
          if (!buckets.has(bucket)) throw new OssError(404, 'NoSuchBucket', MESSAGES.NoSuchBucket!, { BucketName: bucket });
          authenticate(req, rec, bucket, key, query, body);
          handle(req, res, rec, bucket, key, q, body);
          rec.status = res.statusCode;
        } catch (e) {
          if (e instanceof OssError) {
            if ((e as OssError & { injected?: boolean }).injected) {
              rec.status = e.status;
              rec.code = e.code;
              res.writeHead(e.status, { 'Content-Type': 'application/xml' });
              return void res.end(
                `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${xmlEscape(e.message)}</Message>` +
                  `<RequestId>${requestId}</RequestId><HostId>${xmlEscape(host)}</HostId></Error>`,
              );
            }
            return fail(e);
          }
          fail(new OssError(500, 'InternalError', `fake OSS: ${(e as Error).stack ?? String(e)}`));
        }
      })
      .catch((e: unknown) => fail(new OssError(500, 'InternalError', String(e))));
  };

  const server = opts.tls ? https.createServer({ cert: testTls().cert, key: testTls().key }, onRequest) : http.createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    region,
    keyring,
    requests,
    violations,
    peakInFlight,
    openUploads: () => [...uploads.entries()].map(([uploadId, u]) => ({ bucket: u.bucket, key: u.key, uploadId, parts: u.parts.size })),
    failNext(n, err = {}) {
      failures = {
        n,
        status: err.status ?? 503,
        code: err.code ?? 'ServiceUnavailable',
        message: err.message ?? 'Please reduce your request rate.',
      };
    },
    setClockOffset(ms) {
      clockOffset = ms;
    },
    put(bucket, key, data, contentType = 'application/octet-stream') {
      storeObject(bucket, key, Buffer.isBuffer(data) ? data : Buffer.from(data), contentType);
    },
    get: (bucket, key) => bucketMap(bucket).get(key)?.body,
    object: (bucket, key) => bucketMap(bucket).get(key),
    keys: (bucket, prefix = '') => [...bucketMap(bucket).keys()].filter((k) => k.startsWith(prefix)).sort(),
    delete: (bucket, key) => void bucketMap(bucket).delete(key),
    hasBucket: (bucket) => buckets.has(bucket),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
