/**
 * What the Volcengine fakes share: the HMAC-SHA256 signing scheme used by both the OpenAPI gateway
 * (`HMAC-SHA256`, service `ml_platform`) and TOS (`TOS4-HMAC-SHA256`, service `tos`), and the
 * verifier of an OpenAPI request (the gateway checks in front of `./volc-ml.ts`).
 *
 * Sources, read rather than guessed:
 * - volcengine/volc-sdk-nodejs src/base/sign.ts (= @volcengine/openapi 1.36.2 lib/base/sign.js):
 *   key chain HMAC(secret, yyyymmdd) → region → service → "request" with no prefix on the secret;
 *   canonical request `METHOD\n/\n<query>\n<headers>\n\n<signed>\n<X-Content-Sha256 or sha256("")>`;
 *   query keys sorted, values RFC 3986-escaped (`*` too), arrays as repeated keys with sorted values;
 *   every header is signed except authorization, content-type, content-length, user-agent,
 *   presigned-expires, expect, so the SDK signs `x-content-sha256;x-date` (+ `x-security-token`),
 *   never `host`; `Authorization: HMAC-SHA256 Credential=AK/scope, SignedHeaders=…, Signature=…`.
 * - @volcengine/tos-sdk 2.9.1 dist/tos.esm.js `SignersV4` (the same chain with service `tos`).
 * - Gateway error codes, CodeN and HTTP statuses: BytePlus "Common error codes of BytePlus OpenAPI"
 *   (docs.byteplus.com/byteplus-platform/reference/common-error-codes; the same gateway) for
 *   MissingParameter…AccessDenied; CodeN of InternalServiceError, InternalServiceTimeout,
 *   FlowLimitExceeded, ServiceUnavailableTemp, MethodNotAllowed from a client's code→CodeN table.
 *   Marked [U] where nothing was found: the HTTP status of FlowLimitExceeded (429 seen in third-party
 *   tests), InvalidSecretToken, and the code for a scope region that is not this endpoint's.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const ML_SERVICE = 'ml_platform';
export const ML_VERSION = '2024-07-01';

export const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** kDate = HMAC(secret, yyyymmdd) (no "AWS4"-style prefix), then region, service, "request". */
export function signingKey(secret: string, date8: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(secret, date8), region), service), 'request');
}

/** encodeURIComponent plus `!'()*`: RFC 3986 unreserved characters only stay as they are. */
export const rfc3986 = (s: string): string =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `YYYYMMDDTHHMMSSZ` */
export const xDate = (d: Date): string =>
  d
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

export function parseXDate(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Query pairs as the server sees them: `+` is a space, percent-escapes decoded. */
export function queryPairs(rawQuery: string): [string, string][] {
  return [...new URLSearchParams(rawQuery)];
}

/** Keys sorted, each value RFC 3986-escaped, a repeated key once per value with its values sorted. */
export function canonicalQuery(pairs: [string, string][]): string {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of pairs) byKey.set(k, [...(byKey.get(k) ?? []), rfc3986(v)]);
  return [...byKey.keys()]
    .sort()
    .map(
      (k) =>
        `${rfc3986(k)}=${byKey
          .get(k)!
          .sort()
          .join(`&${rfc3986(k)}=`)}`,
    )
    .join('&');
}

export const canonicalHeaderValue = (v: string): string => v.replace(/\s+/g, ' ').trim();

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

export interface ParsedAuthorization {
  accessKeyId: string;
  date8: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

/** `<algorithm> Credential=AK/yyyymmdd/region/service/request, SignedHeaders=a;b, Signature=hex` */
export function parseAuthorization(header: string, algorithm: string): ParsedAuthorization | string {
  if (!header.startsWith(`${algorithm} `)) return `the Authorization header does not start with "${algorithm} "`;
  const fields = new Map<string, string>();
  for (const part of header.slice(algorithm.length + 1).split(',')) {
    const i = part.indexOf('=');
    if (i > 0) fields.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  const credential = fields.get('Credential');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || signed === undefined || !signature) return 'the Authorization header lacks Credential, SignedHeaders or Signature';
  const scope = credential.split('/');
  if (scope.length !== 5 || scope.some((s) => !s))
    return `the credential "${credential}" is not <AccessKey>/<yyyymmdd>/<region>/<service>/request`;
  const [accessKeyId, date8, region, service, terminator] = scope as [string, string, string, string, string];
  return { accessKeyId, date8, region, service, terminator, signedHeaders: signed ? signed.split(';') : [], signature };
}

export interface CanonicalParts {
  method: string;
  path: string;
  query: string;
  /** lowercase names, in the order the client listed them */
  signedHeaders: string[];
  headers: IncomingHttpHeaders;
  payloadHash: string;
}

/** the canonical request, or the name of a signed header the request does not carry */
export function canonicalRequest(p: CanonicalParts): string | { missingHeader: string } {
  const names = [...p.signedHeaders].map((h) => h.toLowerCase()).sort();
  const lines: string[] = [];
  for (const name of names) {
    const v = headerValue(p.headers, name);
    if (v === undefined) return { missingHeader: name };
    lines.push(`${name}:${canonicalHeaderValue(v)}`);
  }
  return [p.method.toUpperCase(), p.path, p.query, `${lines.join('\n')}\n`, names.join(';'), p.payloadHash].join('\n');
}

export function signatureFor(o: {
  algorithm: string;
  secret: string;
  datetime: string;
  date8: string;
  region: string;
  service: string;
  canonical: string;
}): string {
  const scope = `${o.date8}/${o.region}/${o.service}/request`;
  const toSign = [o.algorithm, o.datetime, scope, sha256Hex(o.canonical)].join('\n');
  return hmac(signingKey(o.secret, o.date8, o.region, o.service), toSign).toString('hex');
}

export const sameHex = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

// ------------------------------------------------------------------------------------ OpenAPI gateway

export interface VolcCredential {
  accessKeyId: string;
  secretKey: string;
  /** when set, requests with this key must carry it as X-Security-Token (an STS key) */
  sessionToken?: string;
}

export const DEFAULT_VOLC_CREDENTIAL: VolcCredential = {
  accessKeyId: 'AKLTZmFrZS1tbC1hY2Nlc3Mta2V5',
  secretKey: 'ZmFrZS1tbC1zZWNyZXQta2V5LWZvci10ZXN0cw==',
};

export interface GatewayError {
  status: number;
  code: string;
  codeN: number;
  message: string;
}

/** The gateway's common codes: [status, CodeN] (see the sources above; [U] ones noted there). */
export const GATEWAY_CODES: Record<string, [number, number]> = {
  MissingParameter: [400, 100002],
  MissingAuthenticationToken: [401, 100003],
  MissingRequestInfo: [400, 100004],
  MissingSignature: [401, 100005],
  InvalidTimestamp: [400, 100006],
  ServiceNotFound: [404, 100007],
  InvalidActionOrVersion: [404, 100008],
  InvalidAccessKey: [401, 100009],
  SignatureDoesNotMatch: [401, 100010],
  AccessDenied: [403, 100013],
  InternalServiceError: [500, 100014],
  InternalServiceTimeout: [504, 100016],
  FlowLimitExceeded: [429, 100018],
  ServiceUnavailableTemp: [503, 100019],
  MethodNotAllowed: [405, 100020],
  // [U] no source gives these: the status is a guess, CodeN 0
  InvalidSecretToken: [401, 0],
};

export const gatewayError = (code: string, message: string): GatewayError => {
  const [status, codeN] = GATEWAY_CODES[code] ?? [400, 0];
  return { status, code, codeN, message };
};

export interface VolcVerifyOptions {
  credentials: VolcCredential[];
  region: string;
  service: string;
  /** accepted |server time − X-Date| in ms */
  skewMs: number;
  now: () => number;
}

export interface VolcRequest {
  method: string;
  /** the request target as received: path and query */
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/**
 * The gateway's authentication of one request, in the order a request is rejected: Authorization
 * present and well formed, scope service, scope region, access key, X-Date (format, scope date,
 * skew), session token, signed headers, X-Content-Sha256 against the body, then the signature.
 * Action/Version are checked by the caller between the service and the key (a known service is
 * needed to know its actions).
 */
export function verifyVolcAuth(
  req: VolcRequest,
  o: VolcVerifyOptions,
  checkAction: () => GatewayError | null,
): { credential: VolcCredential } | GatewayError {
  const u = new URL(req.url, 'http://fake');
  const auth = headerValue(req.headers, 'authorization');
  if (!auth) return gatewayError('MissingAuthenticationToken', 'Request is missing Authentication Token.');
  const parsed = parseAuthorization(auth, 'HMAC-SHA256');
  if (typeof parsed === 'string') return gatewayError('MissingRequestInfo', `The request is missing signature information: ${parsed}.`);
  if (parsed.service !== o.service) return gatewayError('ServiceNotFound', `This service[${parsed.service}] not found.`);
  if (parsed.region !== o.region) {
    return gatewayError(
      'SignatureDoesNotMatch',
      `The credential scope region "${parsed.region}" is not the region of this endpoint ("${o.region}"); sign for "${o.region}".`,
    );
  }
  if (parsed.terminator !== 'request')
    return gatewayError('MissingRequestInfo', `The credential scope must end with "/request", got "/${parsed.terminator}".`);
  const actionError = checkAction();
  if (actionError) return actionError;
  const credential = o.credentials.find((c) => c.accessKeyId === parsed.accessKeyId);
  if (!credential) return gatewayError('InvalidAccessKey', `The accesskey [${parsed.accessKeyId}] included in the request is invalid.`);

  const datetime = headerValue(req.headers, 'x-date');
  if (!datetime) return gatewayError('MissingRequestInfo', 'The request is missing X-Date information.');
  const date = parseXDate(datetime);
  if (!date) return gatewayError('InvalidTimestamp', `The X-Date "${datetime}" is not YYYYMMDDTHHMMSSZ.`);
  if (datetime.slice(0, 8) !== parsed.date8) {
    return gatewayError('SignatureDoesNotMatch', `The credential scope date ${parsed.date8} is not the date of X-Date ${datetime}.`);
  }
  const skew = Math.abs(o.now() - date.getTime());
  if (skew > o.skewMs) {
    return gatewayError(
      'InvalidTimestamp',
      `The signature of the request is expired: X-Date ${datetime} is ${Math.round(skew / 1000)} s from the server time (allowed ${o.skewMs / 1000} s).`,
    );
  }

  const token = headerValue(req.headers, 'x-security-token');
  if (credential.sessionToken !== undefined && token !== credential.sessionToken) {
    return gatewayError(
      'InvalidSecretToken',
      token
        ? 'The X-Security-Token is not the one issued with this access key.'
        : 'This access key is a temporary (STS) key: the request needs its X-Security-Token.',
    );
  }
  if (credential.sessionToken === undefined && token !== undefined) {
    return gatewayError('InvalidSecretToken', 'The request carries an X-Security-Token, but its access key is not a temporary (STS) key.');
  }

  const signed = parsed.signedHeaders.map((h) => h.toLowerCase());
  if (!signed.includes('x-date')) return gatewayError('SignatureDoesNotMatch', 'SignedHeaders must include x-date.');
  const contentSha = headerValue(req.headers, 'x-content-sha256');
  const bodySha = sha256Hex(req.body);
  if (contentSha !== undefined && contentSha !== bodySha) {
    return gatewayError(
      'SignatureDoesNotMatch',
      'The X-Content-Sha256 header is not the SHA-256 of the request body (was the body changed after signing?).',
    );
  }
  const canonical = canonicalRequest({
    method: req.method,
    path: u.pathname || '/',
    query: canonicalQuery(queryPairs(u.search.slice(1))),
    signedHeaders: signed,
    headers: req.headers,
    payloadHash: contentSha ?? bodySha,
  });
  if (typeof canonical !== 'string')
    return gatewayError('SignatureDoesNotMatch', `The signed header "${canonical.missingHeader}" is not in the request.`);
  const expected = signatureFor({
    algorithm: 'HMAC-SHA256',
    secret: credential.secretKey,
    datetime,
    date8: parsed.date8,
    region: parsed.region,
    service: parsed.service,
    canonical,
  });
  if (!sameHex(expected, parsed.signature.toLowerCase())) {
    return gatewayError(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  return { credential };
}
