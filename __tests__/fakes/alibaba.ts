/**
 * The Alibaba Cloud fakes for the `bailian` platform (PAI-DLC compute + OSS storage), and a fake STS for
 * GitHub OIDC federation, sharing one keyring so that the temporary keys STS issues work on the other two.
 *
 * - OSS: ./oss.ts (`startFakeOss`), PAI-DLC: ./pai-dlc.ts (`startFakePaiDlc`), both re-exported here.
 * - STS `AssumeRoleWithOIDC` as @alicloud/credentials 2.4.7 sends it (dist/src/providers/oidc_role_arn.js): an
 *   unsigned `POST https://<stsEndpoint>/?Version=2015-04-01&Action=AssumeRoleWithOIDC&Format=JSON&Timestamp=...`
 *   with the form `OIDCProviderArn, OIDCToken, RoleArn, RoleSessionName, DurationSeconds[, Policy]`. The provider
 *   hard-codes https, so this fake serves HTTPS with the test CA (__tests__/fakes/tls.ts; the test workers trust it
 *   through NODE_EXTRA_CA_CERTS). Point the credential at it with `stsEndpoint: '127.0.0.1:<port>'` in the
 *   `oidc_role_arn` Config: 2.4.7 reads no environment variable for the STS endpoint (only ALIBABA_CLOUD_STS_REGION,
 *   which builds `sts.<region>.aliyuncs.com`).
 * - Errors: JSON {RequestId, HostId, Code, Message, Recommend}; codes from the STS 2015-04-01 error list
 *   (AuthenticationFail.OIDCToken.*, AuthenticationFail.NoPermission, all HTTP 401).
 */
import { randomBytes, randomInt } from 'node:crypto';
import type http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  AlibabaKeyring,
  acsRequestId,
  keyringOf,
  parseQuery,
  readBody,
  startFakeOss,
  type AlibabaKey,
  type FakeOss,
  type FakeOssOptions,
} from './oss.js';
import { startFakePaiDlc, type FakePaiDlc, type FakePaiDlcOptions } from './pai-dlc.js';
import { testTls } from './tls.js';

export * from './oss.js';
export * from './pai-dlc.js';

export interface FakeStsOptions {
  /** where the issued keys go: pass the keyring the OSS and PAI-DLC fakes use */
  keyring: AlibabaKeyring;
  /** the OIDC tokens (JWTs) accepted, e.g. what the test writes to ALIBABA_CLOUD_OIDC_TOKEN_FILE */
  oidcTokens: string[];
  /** the only role that can be assumed, `acs:ram::<account>:role/<name>` */
  roleArn: string;
  /** the only registered OIDC provider, `acs:ram::<account>:oidc-provider/<name>` */
  oidcProviderArn: string;
  /** when the token's payload has `aud`, it must contain this (default `sts.aliyuncs.com`, the GitHub action's default) */
  audience?: string;
  /** the role's maximum session duration (default 3600 s, RAM's default) */
  maxSessionDurationS?: number;
  /** allowed difference between the Timestamp parameter and now (default 15 minutes) */
  skewMs?: number;
}

export interface StsRequestRecord {
  method: string;
  action: string;
  status: number;
  code?: string;
}

export interface FakeSts {
  /** `https://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`: the credentials Config `stsEndpoint` */
  endpoint: string;
  port: number;
  requests: StsRequestRecord[];
  violations: string[];
  /** the temporary credentials handed out so far */
  issued: Array<AlibabaKey & { expiration: string; roleSessionName: string }>;
  stop(): Promise<void>;
}

class StsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
const alnum = (n: number): string => {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from({ length: n }, () => chars[randomInt(chars.length)]).join('');
};

function jwtPayload(token: string): Record<string, unknown> | undefined {
  try {
    const p = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    return typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export async function startFakeSts(opts: FakeStsOptions): Promise<FakeSts> {
  const requests: StsRequestRecord[] = [];
  const violations: string[] = [];
  const issued: FakeSts['issued'] = [];
  const skewMs = opts.skewMs ?? 15 * 60_000;
  const maxDuration = opts.maxSessionDurationS ?? 3600;
  const audience = opts.audience ?? 'sts.aliyuncs.com';

  function assume(p: Map<string, string>): Record<string, unknown> {
    if (p.get('Version') !== '2015-04-01')
      throw new StsError(400, 'InvalidVersion', `Specified parameter Version is not valid: ${p.get('Version')}.`);
    const ts = p.get('Timestamp') ?? '';
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(ts))
      throw new StsError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.');
    if (Math.abs(Date.now() - Date.parse(ts)) > skewMs)
      throw new StsError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.');
    for (const name of ['OIDCProviderArn', 'RoleArn'])
      if (!p.get(name)) throw new StsError(400, `Missing${name}`, `${name} is mandatory for this action.`);
    const token = p.get('OIDCToken') ?? '';
    if (!token) throw new StsError(401, 'AuthenticationFail.OIDCToken.Invalid', 'The OIDCToken can not empty.');
    if (p.get('OIDCProviderArn') !== opts.oidcProviderArn)
      throw new StsError(401, 'AuthenticationFail.NoPermission', 'No such OIDC Provider registered.');
    if (token.split('.').length !== 3)
      throw new StsError(401, 'AuthenticationFail.OIDCToken.Invalid', "The number of Jwt field should be divided into 3 parts with '.' .");
    if (!opts.oidcTokens.includes(token))
      throw new StsError(401, 'AuthenticationFail.OIDCToken.InvalidSignature', 'OIDC token validate failed: invalid signature.');
    const claims = jwtPayload(token) ?? {};
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now())
      throw new StsError(401, 'AuthenticationFail.OIDCToken.Expired', 'This JsonWebToken is expired.');
    const aud = claims.aud;
    if (aud !== undefined && !(Array.isArray(aud) ? aud : [aud]).includes(audience))
      throw new StsError(401, 'AuthenticationFail.OIDCToken.AudienceNotMatch', 'Invalid audience.');
    const roleArn = p.get('RoleArn')!;
    if (roleArn !== opts.roleArn) throw new StsError(404, 'EntityNotExist.Role', `The role not exists: ${roleArn}.`);
    const duration = Number(p.get('DurationSeconds') ?? 3600);
    if (!Number.isInteger(duration) || duration < 900 || duration > maxDuration)
      throw new StsError(400, 'InvalidParameter.DurationSeconds', `The parameter DurationSeconds must be between 900 and ${maxDuration}.`);
    const session = p.get('RoleSessionName') ?? '';
    if (session && !/^[\w.@-]{2,64}$/.test(session))
      throw new StsError(400, 'InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrongly formed.');
    const expiresAt = Date.now() + duration * 1000;
    const key: AlibabaKey = {
      accessKeyId: `STS.NT${alnum(26)}`,
      accessKeySecret: alnum(44),
      securityToken: `CAIS${randomBytes(180).toString('base64')}`,
      expiresAt,
    };
    opts.keyring.add(key);
    const expiration = iso(new Date(expiresAt));
    issued.push({ ...key, expiration, roleSessionName: session });
    const [, account = '', roleName = ''] = /^acs:ram::(\d*):role\/(.+)$/.exec(roleArn) ?? [];
    const t = (s: unknown): string | undefined => (typeof s === 'number' ? iso(new Date(s * 1000)) : undefined);
    return {
      AssumedRoleUser: {
        AssumedRoleId: `3${randomInt(1e9)}${randomInt(1e8)}:${session}`,
        Arn: `acs:ram::${account}:assumed-role/${roleName}/${session}`,
      },
      OIDCTokenInfo: {
        Subject: claims.sub,
        Issuer: claims.iss,
        ClientIds: Array.isArray(aud) ? aud.join(',') : aud,
        ExpirationTime: t(claims.exp),
        IssuanceTime: t(claims.iat),
        VerificationInfo: 'Success',
      },
      Credentials: {
        AccessKeyId: key.accessKeyId,
        AccessKeySecret: key.accessKeySecret,
        SecurityToken: key.securityToken,
        Expiration: expiration,
      },
    };
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const requestId = acsRequestId();
    const [, rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s);
    const rec: StsRequestRecord = { method: req.method ?? '', action: '', status: 0 };
    requests.push(rec);
    const send = (status: number, obj: Record<string, unknown>): void => {
      rec.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8' });
      res.end(JSON.stringify({ RequestId: requestId, ...obj }));
    };
    readBody(req)
      .then((body) => {
        // RPC: parameters in the query and, for POST, the form body
        const p = new Map<string, string>();
        for (const [k, v] of parseQuery(rawQuery)) p.set(k, v ?? '');
        if (String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
          for (const [k, v] of new URLSearchParams(body.toString('utf8'))) p.set(k, v);
        rec.action = p.get('Action') ?? '';
        try {
          if (rec.action !== 'AssumeRoleWithOIDC')
            throw new StsError(
              404,
              'InvalidApi.NotFound',
              `Specified api is not found, please check your url and method: the fake STS has AssumeRoleWithOIDC only.`,
            );
          send(200, assume(p));
        } catch (e) {
          const err = e instanceof StsError ? e : new StsError(500, 'InternalError', String((e as Error).stack ?? e));
          rec.code = err.code;
          violations.push(`STS ${rec.action || '?'}: ${err.code}: ${err.message}`);
          send(err.status, {
            HostId: 'sts.aliyuncs.com',
            Code: err.code,
            Message: err.message,
            Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(err.code)}&product=Sts&requestId=${requestId}`,
          });
        }
      })
      .catch((e: unknown) => send(500, { Code: 'InternalError', Message: String(e) }));
  };

  const tls = testTls();
  const server = https.createServer({ cert: tls.cert, key: tls.key }, onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `https://127.0.0.1:${port}`,
    endpoint: `127.0.0.1:${port}`,
    port,
    requests,
    violations,
    issued,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface FakeAlibabaOptions {
  /** OSS buckets */
  buckets: string[];
  /** the static key pair (defaults DEFAULT_ACCESS_KEY_ID / DEFAULT_ACCESS_KEY_SECRET) */
  accessKeyId?: string;
  accessKeySecret?: string;
  oss?: Omit<FakeOssOptions, 'buckets' | 'keyring' | 'accessKeyId' | 'accessKeySecret'>;
  dlc?: Omit<FakePaiDlcOptions, 'oss' | 'keyring' | 'accessKeyId' | 'accessKeySecret'>;
  /** start the STS fake too */
  sts?: Omit<FakeStsOptions, 'keyring'>;
}

export interface FakeAlibaba {
  keyring: AlibabaKeyring;
  oss: FakeOss;
  dlc: FakePaiDlc;
  sts?: FakeSts;
  stop(): Promise<void>;
}

/** OSS + PAI-DLC (+ STS) on one keyring, the DLC jobs mounting the OSS fake. */
export async function startFakeAlibaba(opts: FakeAlibabaOptions): Promise<FakeAlibaba> {
  const keyring = keyringOf(opts);
  const oss = await startFakeOss({ ...opts.oss, buckets: opts.buckets, keyring });
  const dlc = await startFakePaiDlc({ ...opts.dlc, oss, keyring });
  const sts = opts.sts ? await startFakeSts({ ...opts.sts, keyring }) : undefined;
  return {
    keyring,
    oss,
    dlc,
    sts,
    async stop() {
      await Promise.all([dlc.stop(), oss.stop(), sts?.stop()]);
    },
  };
}
