/**
 * Alibaba Cloud credentials in the order a GitHub user expects, each used only when its
 * configuration is present (through @alicloud/credentials, which signs nothing itself: it hands the
 * keys to @alicloud/openapi-client and ali-oss):
 *
 * 1. an AccessKey from the environment: ALIBABA_CLOUD_ACCESS_KEY_ID and
 *    ALIBABA_CLOUD_ACCESS_KEY_SECRET, with ALIBABA_CLOUD_SECURITY_TOKEN when they are STS keys
 *    (what aliyun/configure-aliyun-credentials-action exports);
 * 2. GitHub OIDC without long-lived keys: with bailian.oidc_role_arn and bailian.oidc_provider_arn,
 *    the workflow's ID token (`core.getIDToken(<bailian.oidc_audience>)`, which needs
 *    `permissions: id-token: write`) is written to a private temp file and exchanged at STS
 *    (AssumeRoleWithOIDC) for temporary keys, session `evalgate-<run id>`; a new ID token is
 *    fetched when the one in the file is about to expire;
 * 3. an OIDC token file someone else maintains (ALIBABA_CLOUD_ROLE_ARN,
 *    ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE: ACK's RRSA, a self-hosted runner).
 *
 * The temporary secret, the STS token and the OIDC token are masked in the workflow log.
 */
import * as core from '@actions/core';
import CredentialPkg, { Config as CredentialConfig } from '@alicloud/credentials';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { maskRuntimeSecret } from '../credentials.js';
import { DEFAULT_OIDC_AUDIENCE, DEFAULT_STS_ENDPOINT } from './config.js';
import { AlibabaCredentialError } from './errors.js';

export { AlibabaCredentialError };

/** a CommonJS `exports.default`: Node's ESM loader hands over `module.exports`, vitest and ncc the default export itself */
const Credential = ((CredentialPkg as { default?: unknown }).default ?? CredentialPkg) as typeof CredentialPkg.default;
type Inner = InstanceType<typeof CredentialPkg.default>;

export interface AlibabaKeys {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

/** what the credential settings of the `bailian` section (or a saved job) say */
export interface AlibabaCredentialSettings {
  oidcRoleArn?: string;
  oidcProviderArn?: string;
  oidcAudience?: string;
  stsEndpoint?: string;
}

export type AlibabaSource =
  | { kind: 'access_key'; label: string; keys: AlibabaKeys }
  | { kind: 'sts'; label: string; keys: AlibabaKeys }
  | { kind: 'github_oidc'; label: string; roleArn: string; providerArn: string; audience: string; stsEndpoint: string }
  | { kind: 'oidc_file'; label: string; roleArn: string; providerArn: string; tokenFile: string; stsEndpoint: string };

const LOOKED_FOR =
  'set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (and ALIBABA_CLOUD_SECURITY_TOKEN for STS keys), ' +
  'or bailian.oidc_role_arn and bailian.oidc_provider_arn with `permissions: id-token: write` in the workflow (GitHub OIDC), ' +
  'or ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE';

function stsEndpointOf(s: AlibabaCredentialSettings, env: Record<string, string | undefined>): string {
  if (s.stsEndpoint) return s.stsEndpoint;
  const region = env.ALIBABA_CLOUD_STS_REGION;
  if (!region) return DEFAULT_STS_ENDPOINT;
  return env.ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED?.toLowerCase() === 'true' ? `sts-vpc.${region}.aliyuncs.com` : `sts.${region}.aliyuncs.com`;
}

/**
 * The first credential source whose configuration is present, in the order above; an error that
 * names what was looked for when none is (or when one is half there).
 */
export function alibabaSource(env: Record<string, string | undefined>, s: AlibabaCredentialSettings = {}): AlibabaSource {
  const id = env.ALIBABA_CLOUD_ACCESS_KEY_ID?.trim();
  const secret = env.ALIBABA_CLOUD_ACCESS_KEY_SECRET?.trim();
  const token = env.ALIBABA_CLOUD_SECURITY_TOKEN?.trim();
  if (id && secret) {
    return token
      ? {
          kind: 'sts',
          label: 'STS keys from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_SECURITY_TOKEN)',
          keys: { accessKeyId: id, accessKeySecret: secret, securityToken: token },
        }
      : {
          kind: 'access_key',
          label: 'the AccessKey from the environment (ALIBABA_CLOUD_ACCESS_KEY_ID)',
          keys: { accessKeyId: id, accessKeySecret: secret },
        };
  }
  if (id || secret)
    throw new AlibabaCredentialError(
      `no Alibaba Cloud credential: ${id ? 'ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not' : 'ALIBABA_CLOUD_ACCESS_KEY_SECRET is set but ALIBABA_CLOUD_ACCESS_KEY_ID is not'}`,
    );
  const stsEndpoint = stsEndpointOf(s, env);
  if (s.oidcRoleArn && s.oidcProviderArn) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
      throw new AlibabaCredentialError(
        `no Alibaba Cloud credential: bailian.oidc_role_arn needs the workflow's OIDC token, and ACTIONS_ID_TOKEN_REQUEST_URL is not set ` +
          '(give the job `permissions: id-token: write`; outside GitHub Actions, set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET)',
      );
    return {
      kind: 'github_oidc',
      label: `GitHub OIDC (role ${s.oidcRoleArn})`,
      roleArn: s.oidcRoleArn,
      providerArn: s.oidcProviderArn,
      audience: s.oidcAudience ?? DEFAULT_OIDC_AUDIENCE,
      stsEndpoint,
    };
  }
  const roleArn = env.ALIBABA_CLOUD_ROLE_ARN?.trim();
  const providerArn = env.ALIBABA_CLOUD_OIDC_PROVIDER_ARN?.trim();
  const tokenFile = env.ALIBABA_CLOUD_OIDC_TOKEN_FILE?.trim();
  if (roleArn && providerArn && tokenFile)
    return {
      kind: 'oidc_file',
      label: `the OIDC token file ALIBABA_CLOUD_OIDC_TOKEN_FILE (role ${roleArn})`,
      roleArn,
      providerArn,
      tokenFile,
      stsEndpoint,
    };
  throw new AlibabaCredentialError(`no Alibaba Cloud credential: ${LOOKED_FOR}`);
}

/** the `exp` (ms) of a JWT, when it has one */
function jwtExpiry(token: string): number | undefined {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof claims.exp === 'number' ? claims.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** An STS refusal (`get sts token failed with OIDC: {"Code":…,"Message":…}`) in its own words. */
export function stsMessage(e: unknown): string {
  const text = String((e as Error)?.message ?? e);
  const json = /\{.*\}/s.exec(text)?.[0];
  if (json) {
    try {
      const body = JSON.parse(json) as { Code?: unknown; Message?: unknown; RequestId?: unknown };
      if (body.Code)
        return `STS AssumeRoleWithOIDC: ${String(body.Code)}: ${String(body.Message ?? '')}${body.RequestId ? ` (request id ${String(body.RequestId)})` : ''}`;
    } catch {
      // not JSON after all
    }
  }
  return text.split(/\r?\n/)[0]!.slice(0, 400);
}

/** a RoleSessionName STS takes (2 to 64 of letters, digits, `.@-_`) */
export function roleSessionName(env: Record<string, string | undefined>): string {
  const run = (env.GITHUB_RUN_ID || env.EVALGATE_RUN_ID || String(Date.now())).replace(/[^\w.@-]+/g, '-');
  const attempt = env.GITHUB_RUN_ATTEMPT ? `-${env.GITHUB_RUN_ATTEMPT.replace(/[^\w.@-]+/g, '-')}` : '';
  return `evalgate-${run}${attempt}`.slice(0, 64);
}

/** the CredentialModel fields @alicloud/openapi-client reads from `getCredential()` */
export interface CredentialModelLike {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  type: string;
  providerName?: string;
}

/**
 * The credential evalgate hands to @alicloud/openapi-client (as `Config.credential`) and reads keys
 * from for ali-oss: the source is chosen on first use (so a dry run needs none), the keys are
 * cached and refreshed by @alicloud/credentials, and every secret learned at run time is masked.
 */
export class EvalgateAlibabaCredential {
  private source?: AlibabaSource;
  private inner?: Promise<Inner>;
  private tokenDir?: string;
  private tokenExpiry?: number;
  private tokenFetchedAt = 0;
  private readonly masked = new Set<string>();

  constructor(
    private readonly env: Record<string, string | undefined>,
    private readonly settings: AlibabaCredentialSettings = {},
  ) {}

  /** which source gave the keys ('' before the first use) */
  get label(): string {
    return this.source?.label ?? '';
  }

  private mask(v: string | undefined): void {
    if (!v || this.masked.has(v)) return;
    this.masked.add(v);
    maskRuntimeSecret(v, this.env);
  }

  /** asks GitHub for an ID token and writes it where @alicloud/credentials reads it (a 0600 file in a 0700 temp dir) */
  private async writeIdToken(audience: string): Promise<string> {
    let token: string;
    try {
      token = await core.getIDToken(audience);
    } catch (e) {
      throw new AlibabaCredentialError(
        `GitHub OIDC: could not get the workflow's ID token for audience ${audience} (the job needs \`permissions: id-token: write\`): ${(e as Error).message}`,
      );
    }
    this.mask(token);
    this.tokenDir ??= mkdtempSync(path.join(tmpdir(), 'evalgate-oidc-'));
    chmodSync(this.tokenDir, 0o700);
    const file = path.join(this.tokenDir, 'token');
    writeFileSync(file, token, { mode: 0o600 });
    this.tokenExpiry = jwtExpiry(token);
    this.tokenFetchedAt = Date.now();
    return file;
  }

  private async make(): Promise<Inner> {
    this.source ??= alibabaSource(this.env, this.settings);
    const s = this.source;
    switch (s.kind) {
      case 'access_key':
        return new Credential(
          new CredentialConfig({ type: 'access_key', accessKeyId: s.keys.accessKeyId, accessKeySecret: s.keys.accessKeySecret }),
        );
      case 'sts':
        return new Credential(
          new CredentialConfig({
            type: 'sts',
            accessKeyId: s.keys.accessKeyId,
            accessKeySecret: s.keys.accessKeySecret,
            securityToken: s.keys.securityToken,
          }),
        );
      case 'github_oidc':
      case 'oidc_file': {
        const file = s.kind === 'github_oidc' ? await this.writeIdToken(s.audience) : s.tokenFile;
        return new Credential(
          new CredentialConfig({
            type: 'oidc_role_arn',
            roleArn: s.roleArn,
            oidcProviderArn: s.providerArn,
            oidcTokenFilePath: file,
            roleSessionName: roleSessionName(this.env),
            stsEndpoint: s.stsEndpoint,
            durationSeconds: 3600,
          }),
        );
      }
    }
  }

  /** the current keys (STS ones are refreshed by @alicloud/credentials before they expire) */
  async getCredential(): Promise<CredentialModelLike> {
    if (!this.inner) {
      this.inner = this.make();
      // a failure is not remembered: the next call tries again (a transient STS or token-service error)
      this.inner.catch(() => (this.inner = undefined));
    }
    const inner = await this.inner;
    const s = this.source!;
    // @alicloud/credentials re-reads the token file when it renews the STS session: keep a valid ID token there
    if (
      s.kind === 'github_oidc' &&
      this.tokenExpiry !== undefined &&
      this.tokenExpiry - Date.now() < 120_000 &&
      Date.now() - this.tokenFetchedAt > 60_000
    )
      await this.writeIdToken(s.audience);
    let model: { accessKeyId?: string; accessKeySecret?: string; securityToken?: string; type?: string; providerName?: string };
    try {
      model = await inner.getCredential();
    } catch (e) {
      throw new AlibabaCredentialError(`Alibaba Cloud sign-in with ${s.label} failed: ${stsMessage(e)}`);
    }
    if (!model.accessKeyId || !model.accessKeySecret)
      throw new AlibabaCredentialError(`Alibaba Cloud sign-in with ${s.label} gave no AccessKey`);
    if (model.securityToken) {
      this.mask(model.accessKeySecret);
      this.mask(model.securityToken);
    }
    return {
      accessKeyId: model.accessKeyId,
      accessKeySecret: model.accessKeySecret,
      securityToken: model.securityToken || undefined,
      type: model.type ?? (model.securityToken ? 'sts' : 'access_key'),
      providerName: model.providerName,
    };
  }

  async keys(): Promise<AlibabaKeys> {
    const m = await this.getCredential();
    return {
      accessKeyId: m.accessKeyId,
      accessKeySecret: m.accessKeySecret,
      ...(m.securityToken ? { securityToken: m.securityToken } : {}),
    };
  }

  /** removes the ID token file */
  close(): void {
    if (this.tokenDir) rmSync(this.tokenDir, { recursive: true, force: true });
    this.tokenDir = undefined;
  }
}

export function alibabaCredential(env: Record<string, string | undefined>, s: AlibabaCredentialSettings = {}): EvalgateAlibabaCredential {
  return new EvalgateAlibabaCredential(env, s);
}
