/**
 * A local fake of Azure for the Azure ML platform adapter: Microsoft Entra ID (the token authority that
 * @azure/identity's MSAL talks to) and Azure Resource Manager for Microsoft.MachineLearningServices workspaces, on one
 * HTTPS server at https://127.0.0.1:<random port> (the test CA, __tests__/fakes/tls.ts). Jobs run for real: their
 * code and inputs are downloaded from Azurite, the command runs in a local shell, and the outputs and the log go back
 * to Azurite.
 *
 *   const az = await startAzurite();
 *   const fake = await startFakeAzure({ azurite: az });
 *   const credential = new ClientSecretCredential(fake.tenantId, fake.clientId, fake.clientSecret,
 *     { authorityHost: fake.url, disableInstanceDiscovery: true });
 *   const client = getClient(fake.url, credential, { credentials: { scopes: ['https://management.azure.com/.default'] } });
 *   ...
 *   expect(fake.violations).toEqual([]);
 *   await fake.stop();
 *
 * Sources: /work/shared/platform-apis.md §1; __tests__/fixtures/azure/mfe.reduced.json (the reachable part of
 * Azure/azure-rest-api-specs …/stable/2025-09-01/mfe.json, see SOURCES.json and scripts/extract-azure-spec.mjs); the
 * installed @azure/identity 4.13.1 (MSAL node 5.6.0), whose requests were observed against a recording server.
 *
 * ## Entra ID (what MSAL requests, observed)
 * - `GET /{tenant}/v2.0/.well-known/openid-configuration` (authority metadata; with `disableInstanceDiscovery: true`
 *   nothing else is fetched first; once per credential instance). Unknown tenant → 400 `invalid_request` AADSTS90002,
 *   which MSAL reports only as `endpoints_resolution_error` (the AADSTS text does not reach the caller).
 * - `POST /{tenant}/oauth2/v2.0/token?client-request-id=…`, form body `client_id, scope, grant_type=client_credentials`
 *   plus `client_secret` (ClientSecretCredential) or `client_assertion` + `client_assertion_type=urn:ietf:params:oauth:
 *   client-assertion-type:jwt-bearer` (ClientAssertionCredential), and MSAL telemetry fields (ignored).
 *   Checks, with Entra's error bodies (`{error, error_description: "AADSTS…: … Trace ID … Correlation ID … Timestamp …",
 *   error_codes, timestamp, trace_id, correlation_id, error_uri}`): grant type (400 unsupported_grant_type AADSTS70003),
 *   scope `<resource>/.default` (400 invalid_scope AADSTS1002012), known resource (400 invalid_resource AADSTS500011),
 *   client id (400 unauthorized_client AADSTS700016), secret (401 invalid_client AADSTS7000215), assertion listed in
 *   `federatedTokens` (400 invalid_request AADSTS70021), one of secret/assertion present (401 invalid_client AADSTS7000218).
 * - Access tokens are JWT-shaped v1.0 app tokens (header.payload.signature, base64url, HS256 with the fake's key):
 *   `aud` (the scope without `/.default`), `iss https://sts.windows.net/<tenant>/`, `tid`, `oid`, `sub`, `appid`, `appidacr`,
 *   `idtyp: app`, `iat/nbf/exp`, `ver: 1.0`. The response is `{token_type: Bearer, expires_in, ext_expires_in, access_token}`.
 *
 * ## ARM (checked in this order; every rejection that is the caller's fault is also pushed to `violations`)
 * 1. `Authorization: Bearer <token>`: missing → 401 AuthenticationFailed; not a token this fake issued (or a bad
 *    signature) → 401 InvalidAuthenticationToken; expired → 401 ExpiredAuthenticationToken; audience not ARM's
 *    (https://management.azure.com[/], https://management.core.windows.net[/]) → 401 InvalidAuthenticationTokenAudience.
 *    Each 401 carries `WWW-Authenticate: Bearer authorization_uri="<fake url>/", error="invalid_token", error_description=…`.
 * 2. Injected failures (`failNext`).
 * 3. `api-version`: missing → 400 MissingApiVersionParameter; not 2025-09-01/2026-09-01 → 400 NoRegisteredProviderFound
 *    (InvalidApiVersionParameter when it is not even a date).
 * 4. Subscription (404 SubscriptionNotFound), resource group (404 ResourceGroupNotFound), workspace (404 ResourceNotFound).
 *    The `resourceGroups`, `providers`, provider namespace and resource-type segments match case-insensitively, like ARM.
 * 5. The operation: see the route table in `workspaceRoute()`. Unknown → 404 (or 405 for a known path with another method).
 * 6. PUT bodies: `Content-Type: application/json` (415 UnsupportedMediaType), JSON (400 InvalidRequestContent), then the
 *    schema of the fixture (Swagger 2.0 → JSON Schema, see `buildSchemas`: discriminators dispatch on `jobType`,
 *    `jobInputType`, `jobOutputType`, `identityType`, `jobLimitsType`, `distributionType`; `additionalProperties: false`
 *    is enforced on the flattened type; readOnly properties are accepted and ignored in requests; `x-nullable` allows
 *    null), then the semantic checks (400 UserError, `details[]` with one `{code, message, target}` per problem).
 *    Semantic checks of a job: `environmentId` = ARM id of an existing environment version (case-insensitive) or
 *    `azureml://registries/<r>/environments/<n>/versions/<v>`; `computeId` (when set) = ARM id of one of `computes`;
 *    `codeId` (when set) = ARM id of an existing code version; uri_file/uri_folder inputs and outputs have a `uri` of the
 *    form `azureml://datastores/workspaceblobstore/paths/<path>` (the long `azureml://subscriptions/…/datastores/…` form
 *    is accepted too); every `${{inputs.x}}`/`${{outputs.y}}` in `command` names an input/output; `limits.timeout` parses.
 * Environment and code versions: PUT → 201, the same content again → 200, other content (image / codeUri) → 409
 * UserError (versions are immutable [U]). An environment needs `image`; a `codeUri` must be a blob folder URL in the
 * default datastore's container, under the Azurite endpoint (or https://<account>.blob.core.windows.net).
 * Every JSON response the fake sends is validated against the fixture too (a mismatch is a violation: a bug in the fake).
 *
 * ## Jobs
 * PUT of a new id → 201, status NotStarted, then every `stepMs`: Starting → Preparing (code snapshot and inputs are
 * downloaded from Azurite into a temp dir) → Queued → Running (`/bin/sh -c <command>` in its own process group, cwd =
 * the code dir, env = PATH/HOME/LANG + environmentVariables + AZUREML_RUN_ID & co; `${{inputs.x}}`/`${{outputs.y}}`
 * replaced textually by local paths or literal values before it runs) → Finalizing (std_log.txt uploaded; outputs
 * uploaded only when the command exited 0) → Completed | Failed. `limits.timeout` kills the process group; the job then
 * ends `Canceled` (the spec: "after which the job will be cancelled"; `timeoutStatus: 'Failed'` to change it).
 * Re-PUT of an existing id → 200, the job unchanged except its tags (the spec: "For update case, the Tags in the
 * definition passed in will replace Tags in the existing job"); it never runs twice.
 * POST cancel of a running job → 202 + Location (…/mfeOperationResults/…?api-version=…) + Retry-After (`lroRetryAfterS`,
 * default 10: the spec's minimum, and pollers honour it); status CancelRequested at once,
 * the process group gets SIGTERM (SIGKILL after 2 s), Canceled once it is gone and one step passed. Polling the Location
 * gives 202 until the job is terminal, then 200. Cancel of a terminal job → 200, nothing changes (real behaviour [U]).
 * Logs: container `azureml`, blob `ExperimentRun/dcid.<id>/user_logs/std_log.txt` (stdout and stderr interleaved),
 * uploaded every second while the command runs and once more at the end. A uri_folder input with no blobs under its
 * prefix, a missing uri_file blob or an empty code snapshot fails the job in Preparing (the command never runs).
 * Local paths: code/ (the cwd), inputs/<name>[/<file>], outputs/<name>[/<file>] under `job(name).dir`.
 *
 * ## Not modelled (fidelity gaps)
 * Job kinds other than Command, datastores other than the default AzureBlob one, input/output types other than
 * uri_file/uri_folder/literal (→ 400 naming the fake's limit), environment builds (only `image`), DELETE, archive,
 * distributed runs (instanceCount > 1 runs once), mounts (outputs appear only after the command exits 0), AAD
 * authorization (any token issued for ARM may do anything), ARM's real throttling budget.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlobServiceClient, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { newAjv } from './openapi.js';
import { testTls } from './tls.js';

// ------------------------------------------------------------------------------------------- public types

export interface FakeAzureOptions {
  azurite: { blobEndpoint: string; account: string; accountKey: string };
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** client assertions (stand-ins for GitHub OIDC JWTs) that ClientAssertionCredential may present */
  federatedTokens?: string[];
  subscriptionId?: string;
  resourceGroup?: string;
  workspace?: string;
  /** compute names that exist in the workspace (default ['cpu-cluster']) */
  computes?: string[];
  /** pacing of the job state machine (default 150 ms per step) */
  stepMs?: number;
  /** jobs per list page (default 2, so paging is exercised) */
  pageSize?: number;
  /** access token lifetime (default 3599 s, as Entra) */
  tokenLifetimeS?: number;
  /** workspace region, used in LRO URLs and error texts (default 'westeurope') */
  location?: string;
  /** Retry-After (s) on cancel 202s and operation polls (default 10, the spec's minimum) */
  lroRetryAfterS?: number;
  /** status a job ends in when `limits.timeout` elapses (default 'Canceled', see the header comment) */
  timeoutStatus?: 'Canceled' | 'Failed';
  /** validate every JSON response of the fake against the fixture (default true) */
  validateResponses?: boolean;
  /**
   * Fan-out runs: a job runs no command and downloads nothing; it is Running for this long, then
   * Completed (its status machine and every API answer are as usual).
   */
  simulateRunMs?: number;
  /** with simulateRunMs: Running jobs wait for `release()` before their run time starts (1,000 jobs running at once) */
  simulateHold?: boolean;
  /**
   * ARM's subscription read throttling as documented (token bucket per subscription and principal,
   * learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling): a
   * GET past the bucket gets 429 + Retry-After and x-ms-ratelimit-remaining-subscription-reads: 0.
   * Off by default; the documented figures are `{ bucket: 250, refillPerS: 25 }`.
   */
  readBudget?: { bucket: number; refillPerS: number };
}

export interface FakeAzureRequest {
  method: string;
  /** pathname only */
  path: string;
  query: Record<string, string>;
  /** status the fake answered */
  status: number;
  /** Date.now() when the request arrived */
  time: number;
  kind: 'arm' | 'token' | 'other';
}

export interface FakeAzureJob {
  name: string;
  status: JobStatus;
  /** every status the job went through, in order */
  history: JobStatus[];
  /** how many times the command was started (must stay ≤ 1) */
  runs: number;
  /** PUTs received for this id (the first one created it) */
  puts: number;
  /** `properties` as stored (the request's, readOnly fields dropped, service defaults filled in) */
  properties: Record<string, unknown>;
  exitCode: number | null;
  /** why the fake failed or ended the job, when it did (download error, timeout, …) */
  error?: string;
  /** pid of the `/bin/sh` (also its process group id) once Running */
  pid?: number;
  /** local dir of the run (code/, inputs/, outputs/, std_log.txt) */
  dir: string;
  /** Date.now() of its last status change (for a terminal job: when it ended) */
  modifiedAt: number;
}

export type JobStatus =
  'NotStarted' | 'Starting' | 'Preparing' | 'Queued' | 'Running' | 'Finalizing' | 'CancelRequested' | 'Completed' | 'Failed' | 'Canceled';

export interface IssuedToken {
  token: string;
  claims: TokenClaims;
}

export interface TokenClaims {
  aud: string;
  iss: string;
  iat: number;
  nbf: number;
  exp: number;
  appid: string;
  appidacr: string;
  idp: string;
  idtyp: 'app';
  oid: string;
  sub: string;
  tid: string;
  uti: string;
  ver: '1.0';
}

export interface FailNextOptions {
  status: 429 | 500 | 503 | number;
  /** seconds, sent as Retry-After (429 always gets one: default 1) */
  retryAfter?: number;
  /** only requests it returns true for count (default: every ARM request) */
  match?: (method: string, path: string) => boolean;
}

export type ArmKind = 'environments' | 'codes' | 'computes' | 'datastores' | 'jobs';

export interface FakeAzure {
  /** https://127.0.0.1:<port>: the authorityHost for @azure/identity and the ARM endpoint */
  url: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  subscriptionId: string;
  resourceGroup: string;
  workspace: string;
  location: string;
  /** ARM id of the workspace */
  workspaceId: string;
  /** the default datastore and where it lives in Azurite */
  datastore: { name: 'workspaceblobstore'; account: string; container: string; blobEndpoint: string };
  /** Azurite container of the run logs */
  logsContainer: 'azureml';
  /** `/subscriptions/…/workspaces/<ws>/<kind>/<name>[/versions/<version>]` */
  armId(kind: ArmKind, name: string, version?: string): string;
  /** Studio URL of a job, as `properties.services.Studio.endpoint` gives it */
  studioUrl(jobName: string): string;
  /** blob name of a job's std_log.txt in `logsContainer` */
  logBlob(jobName: string): string;
  requests: FakeAzureRequest[];
  violations: string[];
  /** every access token issued, in order */
  tokens: IssuedToken[];
  /** client assertions the token endpoint accepts (opts.federatedTokens, or one GitHub-OIDC-shaped default) */
  federatedTokens: string[];
  jobs(): FakeAzureJob[];
  job(name: string): FakeAzureJob | undefined;
  /** answer the next `n` matching ARM requests with `status` (after authentication, before anything else) */
  failNext(n: number, opts: FailNextOptions): void;
  /** Jobs_List leaves this job out (an index that lags behind, as list views may) until shown again */
  hideFromList(name: string, hidden?: boolean): void;
  /** GETs the read budget answered 429 (readBudget) */
  throttledReads(): number;
  /** simulateHold: every job's run time starts now (or when it reaches Running, if later) */
  release(): void;
  /** turns the read budget on (full bucket) or off from now */
  setReadBudget(budget: { bucket: number; refillPerS: number } | undefined): void;
  /** registers an environment version directly; returns its ARM id */
  addEnvironment(name: string, version: string, image: string): string;
  /** an access token as the token endpoint would issue it, with overrides (to test expiry and audience checks) */
  mintToken(opts?: { audience?: string; expiresInS?: number }): string;
  stop(): Promise<void>;
}

// ------------------------------------------------------------------------------------------- constants

export const API_VERSIONS = ['2025-09-01', '2026-09-01'] as const;
export const DEFAULT_TENANT_ID = '72f988bf-0000-4000-8000-00000000a11e';
export const DEFAULT_CLIENT_ID = '0b5c2f3e-0000-4000-8000-00000000c1e7';
export const DEFAULT_CLIENT_SECRET = 'fake~client~secret~for~tests';
export const DEFAULT_SUBSCRIPTION_ID = '00000000-1111-2222-3333-444444444444';

export const FIXTURE_FILE = path.join(import.meta.dirname, '..', 'fixtures', 'azure', 'mfe.reduced.json');
export const ARM_AUDIENCES = [
  'https://management.core.windows.net/',
  'https://management.core.windows.net',
  'https://management.azure.com/',
  'https://management.azure.com',
];
/** resources the token endpoint knows (scope = `<resource>/.default`) */
const KNOWN_RESOURCES = [
  ...ARM_AUDIENCES,
  'https://storage.azure.com',
  'https://storage.azure.com/',
  'https://ml.azure.com',
  'https://graph.microsoft.com',
];
const PROVIDER = 'Microsoft.MachineLearningServices';
const PROVIDER_RE = 'Microsoft\\.MachineLearningServices';
const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9\-_]{0,254}$/;
const TERMINAL: ReadonlySet<JobStatus> = new Set(['Completed', 'Failed', 'Canceled']);
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

// ------------------------------------------------------------------------------------------- schemas

type SwaggerSchema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export interface ReducedSpec {
  swagger: string;
  info: { title: string; version: string };
  'x-extracted-from': Record<string, unknown>;
  paths: Record<string, Record<string, SwaggerSchema>>;
  definitions: Record<string, SwaggerSchema>;
  parameters: Record<string, SwaggerSchema>;
}

let cachedSpec: ReducedSpec | undefined;
export function loadAzureSpec(): ReducedSpec {
  cachedSpec ??= JSON.parse(readFileSync(FIXTURE_FILE, 'utf8')) as ReducedSpec;
  return cachedSpec;
}

const refName = (ref: unknown): string | undefined => (typeof ref === 'string' ? /^#\/definitions\/(.+)$/.exec(ref)?.[1] : undefined);
const mapValues = <T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** a discriminator property's enum error, to tell "not in the spec" from "in the spec but not modelled here" */
interface DiscriminatorInfo {
  prop: string;
  modelled: string[];
  spec: string[];
  enumName: string;
}

/**
 * Swagger 2.0 definitions → JSON Schema definitions for ajv, in two modes.
 * - `X.concrete`: the type itself, its allOf ancestors' properties and `required` merged in (so that the leaf's
 *   `additionalProperties: false` can be enforced), the discriminator property fixed to the type's value.
 * - `X`: the polymorphic view. When X has or inherits a discriminator, the value must carry a known discriminator value
 *   and is validated as the matching (transitive) subtype; otherwise `X` is `X.concrete`.
 * - request mode: readOnly properties accept anything (ARM RPs ignore them on PUT) and are not required.
 * - `x-nullable: true` admits null. `default`, `x-ms-*` and documentation are not used.
 */
export function buildSchemas(
  spec: ReducedSpec,
  mode: 'request' | 'response',
): { definitions: Record<string, unknown>; discriminators: DiscriminatorInfo[] } {
  const defs = spec.definitions;
  const subtypes: Record<string, string[]> = {};
  for (const [n, d] of Object.entries(defs)) {
    for (const p of (d.allOf ?? []) as SwaggerSchema[]) {
      const b = refName(p.$ref);
      if (b) (subtypes[b] ??= []).push(n);
    }
  }
  const discriminatorOf = (n: string): { base: string; prop: string } | undefined => {
    const d = defs[n];
    if (!d) return undefined;
    if (typeof d.discriminator === 'string') return { base: n, prop: d.discriminator };
    for (const p of (d.allOf ?? []) as SwaggerSchema[]) {
      const r = discriminatorOf(refName(p.$ref) ?? '');
      if (r) return r;
    }
    return undefined;
  };
  const descendants = (n: string): string[] => [...new Set([n, ...(subtypes[n] ?? []).flatMap(descendants)])];
  const discValue = (n: string): string => (defs[n]?.['x-ms-discriminator-value'] as string | undefined) ?? n;

  const convert = (s: SwaggerSchema): SwaggerSchema => {
    if (mode === 'request' && s.readOnly === true) return {};
    if ('x-unresolved-ref' in s) return {};
    const name = refName(s.$ref);
    if (name) {
      const ref = { $ref: `#/definitions/${name}` };
      return s['x-nullable'] === true ? { if: { type: 'null' }, else: ref } : ref;
    }
    const o: SwaggerSchema = {};
    if (typeof s.type === 'string') o.type = s['x-nullable'] === true ? [s.type, 'null'] : s.type;
    for (const k of ['enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'uniqueItems', 'format']) {
      if (k in s) o[k] = s[k];
    }
    if (Array.isArray(o.enum) && s['x-nullable'] === true) o.enum = [...(o.enum as unknown[]), null];
    if (s.properties) o.properties = mapValues(s.properties as Record<string, SwaggerSchema>, convert);
    if (Array.isArray(s.required)) {
      const req = (s.required as string[]).filter((r) => !(mode === 'request' && s.properties?.[r]?.readOnly === true));
      if (req.length) o.required = req;
    }
    if (s.items) o.items = convert(s.items as SwaggerSchema);
    if ('additionalProperties' in s) {
      o.additionalProperties =
        typeof s.additionalProperties === 'object' ? convert(s.additionalProperties as SwaggerSchema) : s.additionalProperties;
    }
    if (Array.isArray(s.allOf)) o.allOf = (s.allOf as SwaggerSchema[]).map(convert);
    return o;
  };

  const concrete = (n: string): SwaggerSchema => {
    const d = defs[n]!;
    if (d.type !== undefined && d.type !== 'object' && !d.properties && !d.allOf) return convert(d); // enums and scalars
    const props: Record<string, SwaggerSchema> = {};
    const required = new Set<string>();
    const visit = (m: string): void => {
      const x = defs[m];
      if (!x) throw new Error(`definition ${m} is not in the fixture`);
      for (const p of (x.allOf ?? []) as SwaggerSchema[]) visit(refName(p.$ref) ?? '');
      for (const [k, v] of Object.entries((x.properties ?? {}) as Record<string, SwaggerSchema>)) props[k] = v;
      for (const r of (x.required ?? []) as string[]) required.add(r);
    };
    visit(n);
    const o: SwaggerSchema = { type: 'object', properties: mapValues(props, convert) };
    const req = [...required].filter((r) => !(mode === 'request' && props[r]?.readOnly === true));
    if (req.length) o.required = req;
    if (d.additionalProperties === false) o.additionalProperties = false;
    else if (typeof d.additionalProperties === 'object') o.additionalProperties = convert(d.additionalProperties as SwaggerSchema);
    const disc = discriminatorOf(n);
    if (disc && disc.base !== n && props[disc.prop]) (o.properties as SwaggerSchema)[disc.prop] = { const: discValue(n) };
    return o;
  };

  const out: Record<string, unknown> = {};
  const discriminators: DiscriminatorInfo[] = [];
  for (const n of Object.keys(defs)) {
    out[`${n}.concrete`] = concrete(n);
    const disc = discriminatorOf(n);
    if (!disc) {
      out[n] = { $ref: `#/definitions/${n}.concrete` };
      continue;
    }
    // an abstract base with subtypes is not itself a valid value
    const candidates = descendants(n).filter((c) => !(c === disc.base && (subtypes[c]?.length ?? 0) > 0));
    const values = candidates.map(discValue);
    out[n] = {
      type: 'object',
      required: [disc.prop],
      properties: { [disc.prop]: { enum: values } },
      allOf: candidates.map((c) => ({
        if: { properties: { [disc.prop]: { const: discValue(c) } }, required: [disc.prop] },
        then: { $ref: `#/definitions/${c}.concrete` },
      })),
    };
    const propRef = refName(defs[disc.base]?.properties?.[disc.prop]?.$ref);
    const specEnum = (propRef ? (defs[propRef]?.enum as string[] | undefined) : undefined) ?? [];
    discriminators.push({ prop: disc.prop, modelled: values, spec: specEnum, enumName: propRef ?? disc.prop });
  }
  return { definitions: out, discriminators };
}

const ISO_DURATION =
  /^P(?!$)(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?=\d)(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO 8601 duration → milliseconds (years/months approximated as 365/30 days); undefined when malformed */
export function parseIsoDuration(s: string): number | undefined {
  const m = ISO_DURATION.exec(s);
  if (!m) return undefined;
  const [y, mo, w, d, h, mi, sec] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x))) as number[];
  return ((((y! * 365 + mo! * 30 + w! * 7 + d!) * 24 + h!) * 60 + mi!) * 60 + sec!) * 1000;
}

export interface SchemaProblem {
  /** dotted JSON path, e.g. `properties.inputs.data.uri` */
  path: string;
  message: string;
}

/**
 * Validators for the fixture's definitions: `validate('JobBaseResource', body)` → problems (empty when valid).
 * Exported so that tests can check the spec's own examples against the same rules the fake applies.
 */
export function azureValidator(
  mode: 'request' | 'response',
  spec = loadAzureSpec(),
): (definition: string, value: unknown) => SchemaProblem[] {
  const ajv = newAjv();
  ajv.addFormat('duration', (s: string) => parseIsoDuration(s) !== undefined);
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('arm-id', (s: string) => s.startsWith('/') || s.startsWith('azureml:'));
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  const { definitions, discriminators } = buildSchemas(spec, mode);
  const id = `azure-mfe-${mode}`;
  ajv.addSchema({ $id: id, definitions });
  const cache = new Map<string, ValidateFunction>();
  return (definition, value) => {
    let v = cache.get(definition);
    if (!v) {
      v = ajv.getSchema(`${id}#/definitions/${definition}`);
      if (!v) throw new Error(`no definition ${definition} in the fixture`);
      cache.set(definition, v);
    }
    if (v(value)) return [];
    return formatErrors(v.errors ?? [], value, discriminators);
  };
}

function formatErrors(errors: ErrorObject[], value: unknown, discriminators: DiscriminatorInfo[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    const segs = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let message: string;
    if (e.keyword === 'required') {
      segs.push(String((e.params as { missingProperty: string }).missingProperty));
      message = 'is required';
    } else if (e.keyword === 'additionalProperties') {
      segs.push(String((e.params as { additionalProperty: string }).additionalProperty));
      message = 'is not a property of this type (additionalProperties: false)';
    } else if (e.keyword === 'enum') {
      const actual = segs.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues;
      const d = discriminators.find((x) => x.prop === segs[segs.length - 1] && JSON.stringify(x.modelled) === JSON.stringify(allowed));
      if (d && d.spec.includes(actual as string)) {
        message = `${JSON.stringify(actual)} is a valid ${d.enumName} but not modelled by the fake Azure (supported: ${d.modelled.join(', ')})`;
      } else if (d) {
        message = `${JSON.stringify(actual)} is not a valid ${d.enumName} (the spec allows ${d.spec.join(', ')})`;
      } else {
        message = `${JSON.stringify(actual)} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
      }
    } else if (e.keyword === 'const') {
      message = `must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    } else {
      message = e.message ?? e.keyword;
    }
    const p = segs.length ? segs.join('.') : '(body)';
    const key = `${p}: ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path: p, message });
  }
  return out;
}

// ------------------------------------------------------------------------------------------- internals

class ArmError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: {
      target?: string;
      details?: { code: string; message: string; target?: string }[];
      headers?: Record<string, string>;
    } = {},
    /** false: a normal answer (a missing resource), not the caller's fault */
    readonly violation = true,
  ) {
    super(message);
  }
}

class EntraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly aadsts: number,
    readonly text: string,
  ) {
    super(`AADSTS${aadsts}: ${text}`);
  }
}

interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  method: string;
  rec: FakeAzureRequest;
  raw: Buffer;
}

interface JobRecord {
  name: string;
  created: Date;
  modified: Date;
  properties: Record<string, unknown>;
  status: JobStatus;
  history: JobStatus[];
  runs: number;
  puts: number;
  exitCode: number | null;
  error?: string;
  child?: ChildProcess;
  exited?: Promise<void>;
  abort: AbortController;
  cancelRequested: boolean;
  timedOut: boolean;
  /** SIGTERM/SIGKILL of the process group under way (cancel, timeout) */
  terminating?: Promise<void>;
  dir: string;
  logInterval?: NodeJS.Timeout;
  done: Promise<void>;
}

interface Asset {
  name: string;
  version: string;
  properties: Record<string, unknown>;
  created: Date;
  modified: Date;
}

interface Injection {
  remaining: number;
  opts: FailNextOptions;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of running) killGroup(c, 'SIGKILL');
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || liveGroupMembers(child.pid).length === 0) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * Processes of process group `pgid` that are still alive (zombies do not count: on this machine PID 1 reaps
 * orphans only every few seconds, so `kill(-pgid, 0)` keeps succeeding for a while after everything died).
 * Reads /proc; where there is none, falls back to `kill(-pgid, 0)`.
 */
export function liveGroupMembers(pgid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  const out: number[] = [];
  for (const d of entries) {
    if (!/^\d+$/.test(d)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${d}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …; comm may contain spaces and parentheses
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') out.push(Number(d));
  }
  return out;
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves when no member is alive (or after 2 s more). */
async function terminateGroup(pgid: number, graceMs = 2000): Promise<void> {
  const signal = (s: NodeJS.Signals): void => {
    if (liveGroupMembers(pgid).length === 0) return;
    try {
      process.kill(-pgid, s);
    } catch {
      // gone
    }
  };
  const waitGone = async (ms: number): Promise<boolean> => {
    const deadline = Date.now() + ms;
    while (liveGroupMembers(pgid).length > 0) {
      if (Date.now() > deadline) return false;
      await sleep(25);
    }
    return true;
  };
  signal('SIGTERM');
  if (await waitGone(graceMs)) return;
  signal('SIGKILL');
  await waitGone(2000);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const entraTimestamp = (d: Date): string =>
  d
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
/** ARM formats the expiry like .NET's invariant culture: `11/25/2026 10:00:00 AM` */
function dotnetUtc(d: Date): string {
  const h = d.getUTCHours();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 || 12}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

function walkFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkFiles(p, base));
    else if (e.isFile()) out.push(path.relative(base, p));
  }
  return out.sort();
}

// ------------------------------------------------------------------------------------------- the fake

export async function startFakeAzure(opts: FakeAzureOptions): Promise<FakeAzure> {
  installExitHook();
  const spec = loadAzureSpec();
  const requestValidator = azureValidator('request', spec);
  const responseValidator = azureValidator('response', spec);
  const validateResponses = opts.validateResponses ?? true;

  const tenantId = opts.tenantId ?? DEFAULT_TENANT_ID;
  const clientId = opts.clientId ?? DEFAULT_CLIENT_ID;
  const clientSecret = opts.clientSecret ?? DEFAULT_CLIENT_SECRET;
  const federatedList = opts.federatedTokens ?? [githubOidcToken()];
  const federatedTokens = new Set(federatedList);
  const subscriptionId = opts.subscriptionId ?? DEFAULT_SUBSCRIPTION_ID;
  const resourceGroup = opts.resourceGroup ?? 'evalgate-rg';
  const workspace = opts.workspace ?? 'evalgate-ws';
  const computes = opts.computes ?? ['cpu-cluster'];
  const stepMs = opts.stepMs ?? 150;
  const pageSize = opts.pageSize ?? 2;
  const tokenLifetimeS = opts.tokenLifetimeS ?? 3599;
  const location = opts.location ?? 'westeurope';
  const lroRetryAfterS = opts.lroRetryAfterS ?? 10;
  const timeoutStatus = opts.timeoutStatus ?? 'Canceled';
  const servicePrincipalOid = randomUUID();
  const workspaceGuid = randomUUID();
  const signingKey = randomBytes(32);
  const keyId = randomBytes(8).toString('hex');

  const violations: string[] = [];
  const requests: FakeAzureRequest[] = [];
  const tokens: IssuedToken[] = [];
  const issued = new Map<string, TokenClaims>();
  const injections: Injection[] = [];
  const environments = new Map<string, Asset>(); // key `${name}\n${version}` (lower-cased name)
  const codes = new Map<string, Asset>();
  const jobs = new Map<string, JobRecord>();
  const operations = new Map<string, string>(); // operation id -> job name
  const listTokens = new Map<string, number>(); // $skip continuation token -> offset
  let stopping = false;

  // Azurite: the default datastore's container and the run-log container.
  const storage = new BlobServiceClient(
    opts.azurite.blobEndpoint,
    new StorageSharedKeyCredential(opts.azurite.account, opts.azurite.accountKey),
  );
  const datastoreContainer = `azureml-blobstore-${workspaceGuid}`;
  const dataClient: ContainerClient = storage.getContainerClient(datastoreContainer);
  await dataClient.createIfNotExists();
  const logsClient: ContainerClient = storage.getContainerClient('azureml');
  await logsClient.createIfNotExists();

  const root = mkdtempSync(path.join(tmpdir(), 'evalgate-fake-azure-'));
  const { cert, key } = testTls();
  const server = https.createServer({ cert, key }, (req, res) => {
    handle(req, res).catch((e: unknown) => {
      violations.push(`fake Azure internal error on ${req.method} ${req.url}: ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ error: { code: 'InternalServerError', message: String(e) } }));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A cloud's ARM takes tokens for its own endpoint (Azure China: https://management.chinacloudapi.cn/,
  // US Government: https://management.usgovcloudapi.net/; public ARM also the two below): this
  // fake is a cloud whose ARM endpoint is its own URL, and it also takes public ARM's audiences.
  const armAudiences = [...ARM_AUDIENCES, url, `${url}/`];
  const knownResources = [...KNOWN_RESOURCES, url, `${url}/`];

  const wsPath = `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${PROVIDER}/workspaces/${workspace}`;
  const armId = (kind: ArmKind, name: string, version?: string): string =>
    `${wsPath}/${kind}/${name}${version === undefined ? '' : `/versions/${version}`}`;
  const studioUrl = (name: string): string =>
    `https://ml.azure.com/runs/${name}?wsid=/subscriptions/${subscriptionId}/resourcegroups/${resourceGroup}/workspaces/${workspace}&tid=${tenantId}`;
  const logBlob = (name: string): string => `ExperimentRun/dcid.${name}/user_logs/std_log.txt`;
  const systemData = (created: Date, modified: Date): Record<string, unknown> => ({
    createdAt: created.toISOString(),
    createdBy: clientId,
    createdByType: 'Application',
    lastModifiedAt: modified.toISOString(),
    lastModifiedBy: clientId,
    lastModifiedByType: 'Application',
  });

  // ------------------------------------------------------------------------------ plumbing

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let n = 0;
    for await (const c of req) {
      n += (c as Buffer).length;
      if (n > MAX_BODY_BYTES) throw new ArmError(413, 'RequestEntityTooLarge', `The request body is over ${MAX_BODY_BYTES} bytes.`);
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', url);
    const method = (req.method ?? 'GET').toUpperCase();
    const rec: FakeAzureRequest = {
      method,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      status: 0,
      time: Date.now(),
      kind: 'other',
    };
    requests.push(rec);
    const ctx: Ctx = { req, res, url: u, method, rec, raw: Buffer.alloc(0) as Buffer };
    try {
      ctx.raw = await readBody(req);
    } catch (e) {
      if (e instanceof ArmError) return armFail(ctx, e);
      throw e;
    }
    if (/^\/[^/]+\/(v2\.0\/\.well-known\/openid-configuration|oauth2\/v2\.0\/token)$/.test(u.pathname)) {
      rec.kind = 'token';
      return entra(ctx);
    }
    if (/^\/subscriptions\//i.test(u.pathname)) {
      rec.kind = 'arm';
      return arm(ctx);
    }
    violations.push(
      `${method} ${u.pathname}: no such endpoint on the fake Azure (Entra: /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/oauth2/v2.0/token; ARM: /subscriptions/…)`,
    );
    sendJson(ctx, 404, { error: { code: 'NotFound', message: `No endpoint ${u.pathname}.` } });
  }

  function send(ctx: Ctx, status: number, body: string | undefined, headers: Record<string, string>): void {
    ctx.rec.status = status;
    ctx.res.writeHead(status, { ...headers, 'content-length': String(body === undefined ? 0 : Buffer.byteLength(body)) });
    ctx.res.end(body);
  }

  function armHeaders(ctx: Ctx, remaining?: string): Record<string, string> {
    const id = randomUUID();
    const write = ctx.method !== 'GET' && ctx.method !== 'HEAD';
    return {
      'cache-control': 'no-cache',
      pragma: 'no-cache',
      expires: '-1',
      'x-ms-request-id': id,
      'x-ms-correlation-request-id': (ctx.req.headers['x-ms-correlation-request-id'] as string | undefined) ?? id,
      'x-ms-routing-request-id': `${location.toUpperCase()}:${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z:${id}`,
      [`x-ms-ratelimit-remaining-subscription-${write ? 'writes' : 'reads'}`]: remaining ?? (write ? '199' : '249'),
    };
  }

  /** Sends an ARM JSON response (validated against `definition` when given, or ErrorResponse for errors). */
  function sendJson(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}, definition?: string): void {
    const def = definition ?? (status >= 400 && ctx.rec.kind === 'arm' ? 'types.v3.ErrorResponse' : undefined);
    if (validateResponses && def && body !== undefined) {
      const problems = responseValidator(def, body);
      if (problems.length) {
        violations.push(
          `fake response ${ctx.method} ${ctx.url.pathname} → ${status} does not match ${def}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
        );
      }
    }
    const base = ctx.rec.kind === 'arm' ? armHeaders(ctx) : {};
    send(ctx, status, body === undefined ? undefined : JSON.stringify(body), {
      ...base,
      ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }),
      ...headers,
    });
  }

  function armFail(ctx: Ctx, e: ArmError): void {
    if (e.violation) violations.push(`${ctx.method} ${ctx.url.pathname}${ctx.url.search} → ${e.status} ${e.code}: ${e.message}`);
    const error: Record<string, unknown> = { code: e.code, message: e.message };
    if (e.extra.target) error.target = e.extra.target;
    if (e.extra.details) error.details = e.extra.details;
    sendJson(ctx, e.status, { error }, e.extra.headers ?? {});
  }

  // ------------------------------------------------------------------------------ Entra ID

  function entraErrorBody(e: EntraError): Record<string, unknown> {
    const now = new Date();
    const trace = randomUUID();
    const corr = randomUUID();
    const ts = entraTimestamp(now);
    return {
      error: e.error,
      error_description: `AADSTS${e.aadsts}: ${e.text}\r\nTrace ID: ${trace}\r\nCorrelation ID: ${corr}\r\nTimestamp: ${ts}`,
      error_codes: [e.aadsts],
      timestamp: ts,
      trace_id: trace,
      correlation_id: corr,
      error_uri: `${url}/error?code=${e.aadsts}`,
    };
  }

  function entra(ctx: Ctx): void {
    const [, tenant, ...rest] = ctx.url.pathname.split('/');
    const endpoint = rest.join('/');
    try {
      if (tenant!.toLowerCase() !== tenantId.toLowerCase()) {
        throw new EntraError(
          400,
          'invalid_request',
          90002,
          `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
        );
      }
      if (endpoint === 'v2.0/.well-known/openid-configuration') {
        if (ctx.method !== 'GET') throw new EntraError(405, 'invalid_request', 900561, 'The endpoint only accepts GET requests.');
        return sendJson(ctx, 200, openidConfiguration(tenant!));
      }
      if (ctx.method !== 'POST') throw new EntraError(405, 'invalid_request', 900561, 'The endpoint only accepts POST, OPTIONS requests.');
      return sendJson(ctx, 200, issueFromForm(ctx), { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' });
    } catch (e) {
      if (!(e instanceof EntraError)) throw e;
      violations.push(`${ctx.method} ${ctx.url.pathname} → ${e.status} ${e.error}: ${e.message}`);
      sendJson(ctx, e.status, entraErrorBody(e), { 'cache-control': 'no-store, no-cache', pragma: 'no-cache' });
    }
  }

  function openidConfiguration(tenant: string): Record<string, unknown> {
    const t = `${url}/${tenant}`;
    return {
      token_endpoint: `${t}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${t}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${t}/v2.0`,
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
      authorization_endpoint: `${t}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${t}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${t}/oauth2/v2.0/logout`,
      claims_supported: [
        'sub',
        'iss',
        'cloud_instance_name',
        'cloud_instance_host_name',
        'cloud_graph_host_name',
        'msgraph_host',
        'aud',
        'exp',
        'iat',
        'auth_time',
        'acr',
        'nonce',
        'preferred_username',
        'name',
        'tid',
        'ver',
        'at_hash',
        'c_hash',
        'email',
      ],
      kerberos_endpoint: `${t}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    };
  }

  function issueFromForm(ctx: Ctx): Record<string, unknown> {
    const ct = String(ctx.req.headers['content-type'] ?? '');
    if (!ct.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      throw new EntraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
    }
    const form = new URLSearchParams(ctx.raw.toString('utf8'));
    const grant = form.get('grant_type');
    if (!grant)
      throw new EntraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'grant_type'.");
    if (grant !== 'client_credentials') {
      throw new EntraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
    }
    const cid = form.get('client_id');
    if (!cid) throw new EntraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
    const scope = form.get('scope');
    if (!scope) throw new EntraError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'scope'.");
    const scopes = scope.split(' ').filter(Boolean);
    if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default')) {
      throw new EntraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const resource = scopes[0]!.slice(0, -'/.default'.length);
    if (cid !== clientId) {
      throw new EntraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${cid}' was not found in the directory '${tenantId}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    const secret = form.get('client_secret');
    const assertion = form.get('client_assertion');
    let appidacr: string;
    if (secret !== null) {
      const a = Buffer.from(secret);
      const b = Buffer.from(clientSecret);
      if (a.length !== b.length || !timingSafeEqual(a, b)) {
        throw new EntraError(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
        );
      }
      appidacr = '1';
    } else if (assertion !== null) {
      if (form.get('client_assertion_type') !== ASSERTION_TYPE) {
        throw new EntraError(
          400,
          'invalid_request',
          90014,
          "The request body must contain the following parameter: 'client_assertion_type'.",
        );
      }
      if (!federatedTokens.has(assertion)) {
        const claims = decodeJwtPayload(assertion);
        throw new EntraError(
          400,
          'invalid_request',
          70021,
          `No matching federated identity record found for presented assertion. Assertion Issuer: '${String(claims?.iss ?? '')}'. Assertion Subject: '${String(claims?.sub ?? '')}'. Assertion Audience: '${String(claims?.aud ?? '')}'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`,
        );
      }
      appidacr = '2';
    } else {
      throw new EntraError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    if (!knownResources.includes(resource)) {
      throw new EntraError(
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${tenantId}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
    }
    const token = mint({ audience: resource, expiresInS: tokenLifetimeS, appidacr });
    return { token_type: 'Bearer', expires_in: tokenLifetimeS, ext_expires_in: tokenLifetimeS, access_token: token };
  }

  function mint(o: { audience: string; expiresInS: number; appidacr?: string }): string {
    const now = Math.floor(Date.now() / 1000);
    const iss = `https://sts.windows.net/${tenantId}/`;
    const claims: TokenClaims = {
      aud: o.audience,
      iss,
      iat: now,
      nbf: now,
      exp: now + o.expiresInS,
      appid: clientId,
      appidacr: o.appidacr ?? '1',
      idp: iss,
      idtyp: 'app',
      oid: servicePrincipalOid,
      sub: servicePrincipalOid,
      tid: tenantId,
      uti: randomBytes(16).toString('base64url'),
      ver: '1.0',
    };
    const head = `${b64url({ typ: 'JWT', alg: 'HS256', kid: keyId })}.${b64url(claims)}`;
    const token = `${head}.${createHmac('sha256', signingKey).update(head).digest('base64url')}`;
    issued.set(token, claims);
    tokens.push({ token, claims });
    return token;
  }

  // ------------------------------------------------------------------------------ ARM

  function challenge(description: string): Record<string, string> {
    return { 'www-authenticate': `Bearer authorization_uri="${url}/", error="invalid_token", error_description="${description}"` };
  }

  function authenticate(ctx: Ctx): void {
    const auth = ctx.req.headers.authorization;
    if (!auth) {
      throw new ArmError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing.", {
        headers: challenge("The authentication failed because of missing 'Authorization' header."),
      });
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (!m) {
      throw new ArmError(
        401,
        'AuthenticationFailed',
        "Authentication failed. The 'Authorization' header is provided in an invalid format.",
        {
          headers: challenge("The authentication failed because of invalid 'Authorization' header."),
        },
      );
    }
    const token = m[1]!;
    const claims = issued.get(token);
    const parts = token.split('.');
    const sigOk =
      parts.length === 3 &&
      (() => {
        const want = createHmac('sha256', signingKey).update(`${parts[0]}.${parts[1]}`).digest();
        const got = Buffer.from(parts[2]!, 'base64url');
        return got.length === want.length && timingSafeEqual(got, want);
      })();
    if (!claims || !sigOk) {
      throw new ArmError(401, 'InvalidAuthenticationToken', 'The access token is invalid.', {
        headers: challenge('The access token is invalid.'),
      });
    }
    const now = new Date();
    if (claims.exp * 1000 <= now.getTime()) {
      const msg = `The access token expiry UTC time '${dotnetUtc(new Date(claims.exp * 1000))}' is earlier than current UTC time '${dotnetUtc(now)}'.`;
      throw new ArmError(401, 'ExpiredAuthenticationToken', msg, { headers: challenge(msg) });
    }
    if (!armAudiences.includes(claims.aud)) {
      const msg = `The access token has been obtained for wrong audience or resource '${claims.aud}'. It should exactly match with one of the allowed audiences ${armAudiences.map((a) => `'${a}'`).join(',')}.`;
      throw new ArmError(401, 'InvalidAuthenticationTokenAudience', msg, { headers: challenge(msg) });
    }
  }

  let readBudget = opts.readBudget;
  let readTokens = readBudget?.bucket ?? 0;
  let readRefilled = Date.now();
  let throttledReads = 0;
  function overReadBudget(ctx: Ctx): boolean {
    const b = readBudget;
    if (!b || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return false;
    const now = Date.now();
    readTokens = Math.min(b.bucket, readTokens + ((now - readRefilled) / 1000) * b.refillPerS);
    readRefilled = now;
    if (readTokens >= 1) {
      readTokens -= 1;
      return false;
    }
    throttledReads++;
    const headers = {
      'retry-after': String(Math.max(1, Math.ceil((1 - readTokens) / b.refillPerS))),
      'x-ms-ratelimit-remaining-subscription-reads': '0',
    };
    armFail(
      ctx,
      new ArmError(
        429,
        'TooManyRequests',
        'The request is being throttled as the limit has been reached for operation type - Read_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits',
        { headers },
        false,
      ),
    );
    return true;
  }

  function injected(ctx: Ctx): boolean {
    const inj = injections.find((i) => !i.opts.match || i.opts.match(ctx.method, ctx.url.pathname));
    if (!inj) return false;
    if (--inj.remaining <= 0) injections.splice(injections.indexOf(inj), 1);
    const { status } = inj.opts;
    const write = ctx.method !== 'GET' && ctx.method !== 'HEAD';
    const headers: Record<string, string> = {};
    let code: string;
    let message: string;
    if (status === 429) {
      code = 'TooManyRequests';
      message = `The request is being throttled as the limit has been reached for operation type - ${write ? 'Write' : 'Read'}_ObservationWindow_00:05:00. For more information, see - https://aka.ms/srpthrottlinglimits`;
      headers['retry-after'] = String(inj.opts.retryAfter ?? 1);
      headers[`x-ms-ratelimit-remaining-subscription-${write ? 'writes' : 'reads'}`] = '0';
    } else if (status === 503) {
      code = 'ServiceUnavailable';
      message = 'The service is temporarily unavailable. Please try again later.';
    } else if (status >= 500) {
      code = 'InternalServerError';
      message = `Encountered internal server error. Diagnostic information: timestamp '${new Date().toISOString()}', subscription id '${subscriptionId}', tracking id '${randomUUID()}', request correlation id '${randomUUID()}'.`;
    } else {
      code = 'InjectedFailure';
      message = `Injected ${status}.`;
    }
    if (inj.opts.retryAfter !== undefined) headers['retry-after'] = String(inj.opts.retryAfter);
    armFail(ctx, new ArmError(status, code, message, { headers }, false));
    return true;
  }

  function checkApiVersion(ctx: Ctx): string {
    const v = ctx.url.searchParams.get('api-version');
    const supported = API_VERSIONS.join(', ');
    if (v === null || v === '') {
      throw new ArmError(
        400,
        'MissingApiVersionParameter',
        'The api-version query parameter (?api-version=) is required for all requests.',
      );
    }
    if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(v)) {
      throw new ArmError(
        400,
        'InvalidApiVersionParameter',
        `The api-version '${v}' is invalid. The supported versions are '${supported}'.`,
      );
    }
    if (!(API_VERSIONS as readonly string[]).includes(v)) {
      throw new ArmError(
        400,
        'NoRegisteredProviderFound',
        `No registered resource provider found for location '${location}' and API version '${v}' for type 'workspaces'. The supported api-versions are '${supported}'. The supported locations are '${location}'.`,
      );
    }
    return v;
  }

  async function arm(ctx: Ctx): Promise<void> {
    try {
      authenticate(ctx);
      if (injected(ctx)) return;
      if (overReadBudget(ctx)) return;
      const apiVersion = checkApiVersion(ctx);
      const p = ctx.url.pathname;
      const op = new RegExp(`^/subscriptions/([^/]+)/providers/${PROVIDER_RE}/locations/([^/]+)/mfeOperationResults/([^/]+)$`, 'i').exec(p);
      if (op) {
        checkSubscription(op[1]!);
        return operationResult(ctx, decodeURIComponent(op[3]!), apiVersion);
      }
      const m = new RegExp(
        `^/subscriptions/([^/]+)(?:/resourceGroups/([^/]+)(?:/providers/${PROVIDER_RE}/workspaces/([^/]+)(?:/(.*))?)?)?$`,
        'i',
      ).exec(p);
      if (!m) throw new ArmError(404, 'InvalidResourceType', `The resource type could not be found in the namespace for the path '${p}'.`);
      checkSubscription(m[1]!);
      if (m[2] === undefined) throw new ArmError(404, 'NotFound', `The fake Azure serves no operation at ${p}.`);
      if (decodeURIComponent(m[2]).toLowerCase() !== resourceGroup.toLowerCase()) {
        throw new ArmError(404, 'ResourceGroupNotFound', `Resource group '${decodeURIComponent(m[2])}' could not be found.`, {}, false);
      }
      if (m[3] === undefined) throw new ArmError(404, 'NotFound', `The fake Azure serves no operation at ${p}.`);
      const ws = decodeURIComponent(m[3]);
      if (ws.toLowerCase() !== workspace.toLowerCase()) {
        throw new ArmError(
          404,
          'ResourceNotFound',
          `The Resource '${PROVIDER}/workspaces/${ws}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
          {},
          false,
        );
      }
      const rest = (m[4] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
      return await workspaceRoute(ctx, rest, apiVersion);
    } catch (e) {
      if (e instanceof ArmError) return armFail(ctx, e);
      throw e;
    }
  }

  function checkSubscription(sub: string): void {
    if (decodeURIComponent(sub).toLowerCase() !== subscriptionId.toLowerCase()) {
      throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${decodeURIComponent(sub)}' could not be found.`, {}, false);
    }
  }

  async function workspaceRoute(ctx: Ctx, rest: string[], apiVersion: string): Promise<void> {
    const [kind, name, sub, version, extra] = [rest[0]?.toLowerCase(), rest[1], rest[2]?.toLowerCase(), rest[3], rest[4]];
    const method = ctx.method;
    const allow = (methods: string[]): void => {
      if (!methods.includes(method)) {
        throw new ArmError(405, 'MethodNotAllowed', `The fake Azure does not serve ${method} here (it serves ${methods.join(', ')}).`);
      }
    };
    if (kind === 'jobs' && rest.length === 1) {
      allow(['GET']);
      return listJobs(ctx, apiVersion);
    }
    if (kind === 'jobs' && rest.length === 2) {
      allow(['GET', 'PUT']);
      return method === 'GET' ? getJob(ctx, name!) : putJob(ctx, name!);
    }
    if (kind === 'jobs' && rest.length === 3 && sub === 'cancel') {
      allow(['POST']);
      return cancelJob(ctx, name!, apiVersion);
    }
    if (kind === 'datastores' && rest.length === 2) {
      allow(['GET']);
      return sendJson(ctx, 200, datastoreJson(name!), {}, 'DatastoreResource');
    }
    if (kind === 'datastores' && rest.length === 3 && sub === 'listsecrets') {
      allow(['POST']);
      datastoreJson(name!); // 404 when unknown
      return sendJson(ctx, 200, { secretsType: 'AccountKey', key: opts.azurite.accountKey }, {}, 'DatastoreSecrets');
    }
    if ((kind === 'environments' || kind === 'codes') && rest.length === 4 && sub === 'versions' && extra === undefined) {
      allow(['GET', 'PUT']);
      return method === 'GET' ? getAsset(ctx, kind, name!, version!) : putAsset(ctx, kind, name!, version!);
    }
    throw new ArmError(404, 'NotFound', `The fake Azure serves no operation at ${ctx.url.pathname} (not modelled, or a wrong path).`);
  }

  function parseJsonBody(ctx: Ctx): unknown {
    const ct = String(ctx.req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(ct)) {
      throw new ArmError(
        415,
        'UnsupportedMediaType',
        `The content media type '${ct}' is not supported. Only 'application/json' is supported.`,
      );
    }
    if (!ctx.raw.length)
      throw new ArmError(400, 'InvalidRequestContent', 'The request content was invalid and could not be deserialized: the body is empty.');
    try {
      return JSON.parse(ctx.raw.toString('utf8')) as unknown;
    } catch (e) {
      throw new ArmError(
        400,
        'InvalidRequestContent',
        `The request content was invalid and could not be deserialized: '${(e as Error).message}'.`,
      );
    }
  }

  function userError(problems: SchemaProblem[], what: string): ArmError {
    const message = `${what}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`;
    return new ArmError(400, 'UserError', message, {
      details: problems.map((p) => ({ code: 'ValidationError', message: `${p.path}: ${p.message}`, target: p.path })),
    });
  }

  // ------------------------------------------------------------------------------ datastores, environments, codes

  function datastoreJson(name: string): Record<string, unknown> {
    if (name !== 'workspaceblobstore') throw new ArmError(404, 'UserError', `Could not find datastore: ${name}.`, {}, false);
    const t = new Date(0);
    return {
      id: armId('datastores', name),
      name,
      type: `${PROVIDER}/workspaces/datastores`,
      properties: {
        description: null,
        tags: {},
        properties: {},
        isDefault: true,
        credentials: { credentialsType: 'AccountKey', secrets: { secretsType: 'AccountKey' } },
        datastoreType: 'AzureBlob',
        accountName: opts.azurite.account,
        containerName: datastoreContainer,
        endpoint: 'core.windows.net',
        protocol: 'https',
        serviceDataAccessAuthIdentity: 'None',
        subscriptionId,
        resourceGroup,
      },
      systemData: systemData(t, t),
    };
  }

  const assetKey = (name: string, version: string): string => `${name.toLowerCase()}\n${version}`;

  function assetJson(kind: 'environments' | 'codes', a: Asset): Record<string, unknown> {
    return {
      id: armId(kind, a.name, a.version),
      name: a.version,
      type: `${PROVIDER}/workspaces/${kind}/versions`,
      properties: a.properties,
      systemData: systemData(a.created, a.modified),
    };
  }

  function getAsset(ctx: Ctx, kind: 'environments' | 'codes', name: string, version: string): void {
    const a = (kind === 'environments' ? environments : codes).get(assetKey(name, version));
    if (!a) throw new ArmError(404, 'UserError', `Could not find asset with ID: ${armId(kind, name, version)}`, {}, false);
    sendJson(ctx, 200, assetJson(kind, a), {}, kind === 'environments' ? 'EnvironmentVersionResource' : 'CodeVersionResource');
  }

  function putAsset(ctx: Ctx, kind: 'environments' | 'codes', name: string, version: string): void {
    const def = kind === 'environments' ? 'EnvironmentVersionResource' : 'CodeVersionResource';
    if (!NAME_PATTERN.test(name))
      throw new ArmError(400, 'UserError', `The name '${name}' is invalid: it must match ${NAME_PATTERN.source}.`, { target: 'name' });
    const body = parseJsonBody(ctx);
    const problems = requestValidator(def, body);
    if (problems.length) throw userError(problems, `The request body is not a valid ${def}`);
    const props = { ...((body as { properties: Record<string, unknown> }).properties ?? {}) };
    for (const k of ['provisioningState', 'environmentType']) delete props[k];
    const semantic: SchemaProblem[] = [];
    if (kind === 'environments') {
      if (typeof props.image !== 'string' || !props.image) {
        semantic.push({
          path: 'properties.image',
          message: 'is required by the fake Azure (environment builds and conda-only environments are not modelled)',
        });
      }
    } else if (typeof props.codeUri !== 'string' || !props.codeUri) {
      semantic.push({ path: 'properties.codeUri', message: 'is required' });
    } else {
      const loc = resolveBlobUrl(props.codeUri);
      if (typeof loc === 'string') semantic.push({ path: 'properties.codeUri', message: loc });
    }
    if (semantic.length) throw userError(semantic, `The ${kind === 'environments' ? 'environment' : 'code'} version is invalid`);
    const map = kind === 'environments' ? environments : codes;
    const key = assetKey(name, version);
    const existing = map.get(key);
    const normalized =
      kind === 'environments'
        ? {
            osType: 'Linux',
            autoRebuild: 'Disabled',
            isAnonymous: false,
            isArchived: false,
            ...props,
            environmentType: 'UserCreated',
            provisioningState: 'Succeeded',
          }
        : { isAnonymous: false, isArchived: false, ...props, provisioningState: 'Succeeded' };
    if (existing) {
      const field = kind === 'environments' ? 'image' : 'codeUri';
      if (existing.properties[field] !== props[field]) {
        throw new ArmError(
          409,
          'UserError',
          `${kind === 'environments' ? 'Environment' : 'Code'} version ${name}:${version} already exists with a different ${field} (${JSON.stringify(existing.properties[field])}); asset versions are immutable.`,
        );
      }
      return sendJson(ctx, 200, assetJson(kind, existing), {}, def);
    }
    const now = new Date();
    const a: Asset = { name, version, properties: normalized, created: now, modified: now };
    map.set(key, a);
    sendJson(ctx, 201, assetJson(kind, a), {}, def);
  }

  /** A blob folder/file URL in the default datastore's container → {container, blob path}; else the reason. */
  function resolveBlobUrl(u: string): { container: string; path: string } | string {
    const endpoints = [opts.azurite.blobEndpoint.replace(/\/+$/, ''), `https://${opts.azurite.account}.blob.core.windows.net`];
    const ep = endpoints.find((e) => u === e || u.startsWith(`${e}/`));
    if (!ep) return `must be a blob URL under ${endpoints.join(' or ')} (got ${JSON.stringify(u)})`;
    const [container, ...rest] = u
      .slice(ep.length + 1)
      .split('?')[0]!
      .split('/');
    if (container !== datastoreContainer)
      return `must be in the default datastore's container ${datastoreContainer} (got ${JSON.stringify(container)})`;
    return { container, path: rest.map(decodeURIComponent).join('/') };
  }

  // ------------------------------------------------------------------------------ jobs

  function jobJson(j: JobRecord): Record<string, unknown> {
    const services = {
      ...((j.properties.services as Record<string, unknown> | null | undefined) ?? {}),
      Tracking: {
        jobServiceType: 'Tracking',
        endpoint: `azureml://${location}.api.azureml.ms/mlflow/v1.0/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${PROVIDER}/workspaces/${workspace}?`,
        port: null,
        status: null,
        errorMessage: null,
        properties: null,
        nodes: null,
      },
      Studio: {
        jobServiceType: 'Studio',
        endpoint: studioUrl(j.name),
        port: null,
        status: null,
        errorMessage: null,
        properties: null,
        nodes: null,
      },
    };
    return {
      id: armId('jobs', j.name),
      name: j.name,
      type: `${PROVIDER}/workspaces/jobs`,
      properties: { ...j.properties, status: j.status, services },
      systemData: systemData(j.created, j.modified),
    };
  }

  function findJob(name: string): JobRecord {
    const j = jobs.get(name);
    if (!j) throw new ArmError(404, 'UserError', `Job ${name} not found.`, {}, false);
    return j;
  }

  function getJob(ctx: Ctx, name: string): void {
    sendJson(ctx, 200, jobJson(findJob(name)), {}, 'JobBaseResource');
  }

  const hiddenFromList = new Set<string>();
  function listJobs(ctx: Ctx, apiVersion: string): void {
    const q = ctx.url.searchParams;
    const view = q.get('listViewType') ?? 'ActiveOnly';
    const listOp =
      spec.paths[
        `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${PROVIDER}/workspaces/{workspaceName}/jobs`
      ]!.get!;
    const viewParam = (listOp.parameters as SwaggerSchema[]).find((p) => p.name === 'listViewType');
    if (!(viewParam?.enum as string[]).includes(view)) {
      throw new ArmError(
        400,
        'UserError',
        `listViewType '${view}' is invalid; valid values are ${(viewParam?.enum as string[]).join(', ')}.`,
        { target: 'listViewType' },
      );
    }
    const known = new Set(['api-version', '$skip', 'listViewType', 'jobType', 'tag', 'properties']);
    for (const k of q.keys()) if (!known.has(k)) violations.push(`GET ${ctx.url.pathname}: unknown query parameter ${k} (ignored)`);
    const skip = q.get('$skip');
    let offset = 0;
    if (skip !== null) {
      const o = listTokens.get(skip);
      if (o === undefined)
        throw new ArmError(400, 'UserError', `The continuation token '${skip}' is invalid. Follow nextLink verbatim.`, { target: '$skip' });
      offset = o;
    }
    let list = [...jobs.values()].filter((j) => view !== 'ArchivedOnly' && !hiddenFromList.has(j.name));
    const jobType = q.get('jobType');
    if (jobType) list = list.filter((j) => j.properties.jobType === jobType);
    const tag = q.get('tag');
    if (tag) list = list.filter((j) => Object.hasOwn((j.properties.tags as Record<string, string> | null) ?? {}, tag));
    const propFilter = q.get('properties');
    if (propFilter) {
      for (const part of propFilter.split(',')) {
        const [k, v] = part.split('=');
        list = list.filter((j) => {
          const props = (j.properties.properties as Record<string, string> | null) ?? {};
          return Object.hasOwn(props, k!) && (v === undefined || props[k!] === v);
        });
      }
    }
    list.sort((a, b) => b.created.getTime() - a.created.getTime() || a.name.localeCompare(b.name));
    const page = list.slice(offset, offset + pageSize);
    const body: Record<string, unknown> = { value: page.map(jobJson) };
    if (offset + pageSize < list.length) {
      const token = randomBytes(12).toString('base64url');
      listTokens.set(token, offset + pageSize);
      const next = new URL(`${url}${ctx.url.pathname}`);
      next.searchParams.set('api-version', apiVersion);
      next.searchParams.set('$skip', token);
      for (const k of ['listViewType', 'jobType', 'tag', 'properties']) if (q.get(k) !== null) next.searchParams.set(k, q.get(k)!);
      body.nextLink = next.toString().replace('%24skip', '$skip');
    }
    sendJson(ctx, 200, body, {}, 'JobBaseResourceArmPaginatedResult');
  }

  function parseDatastoreUri(uri: string): { datastore: string; path: string } | string {
    const short = /^azureml:\/\/datastores\/([^/]+)\/paths\/(.*)$/.exec(uri);
    const long =
      /^azureml:\/\/subscriptions\/([^/]+)\/resource[gG]roups\/([^/]+)\/workspaces\/([^/]+)\/datastores\/([^/]+)\/paths\/(.*)$/.exec(uri);
    if (long) {
      if (
        long[1]!.toLowerCase() !== subscriptionId.toLowerCase() ||
        long[2]!.toLowerCase() !== resourceGroup.toLowerCase() ||
        long[3]!.toLowerCase() !== workspace.toLowerCase()
      ) {
        return `names another workspace (${uri})`;
      }
    }
    const [datastore, p] = short ? [short[1]!, short[2]!] : long ? [long[4]!, long[5]!] : [];
    if (datastore === undefined || p === undefined) {
      return `must be azureml://datastores/<datastore>/paths/<path> (the fake Azure models no other URI form; got ${JSON.stringify(uri)})`;
    }
    if (datastore !== 'workspaceblobstore') return `datastore '${datastore}' does not exist in the workspace`;
    const clean = p.replace(/^\/+/, '');
    if (!clean) return `has an empty path (${uri})`;
    return { datastore, path: clean };
  }

  /** ARM id comparison: case-insensitive, trailing slash ignored */
  const sameId = (a: string, b: string): boolean => a.replace(/\/+$/, '').toLowerCase() === b.replace(/\/+$/, '').toLowerCase();

  function semanticJobChecks(props: Record<string, unknown>): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    const envId = String(props.environmentId);
    const envMatch = new RegExp(`^${wsPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/environments/([^/]+)/versions/([^/]+)$`, 'i').exec(
      envId,
    );
    if (envMatch) {
      if (!environments.has(assetKey(envMatch[1]!, envMatch[2]!)))
        problems.push({ path: 'properties.environmentId', message: `environment version ${envId} does not exist` });
    } else if (!/^azureml:\/\/registries\/[^/]+\/environments\/[^/]+\/(versions\/[^/]+|labels\/[^/]+)$/.test(envId)) {
      problems.push({
        path: 'properties.environmentId',
        message: `must be the ARM id of an environment version in this workspace (${armId('environments', '<name>', '<version>')}) or azureml://registries/<registry>/environments/<name>/versions/<version> (got ${JSON.stringify(envId)})`,
      });
    }
    if (props.computeId !== undefined && props.computeId !== null) {
      const c = String(props.computeId);
      if (!computes.some((n) => sameId(c, armId('computes', n)))) {
        problems.push({
          path: 'properties.computeId',
          message: `must be the ARM id of a compute of the workspace (${computes.map((n) => armId('computes', n)).join(', ')}); got ${JSON.stringify(c)}`,
        });
      }
    }
    if (props.codeId !== undefined && props.codeId !== null) {
      const c = String(props.codeId);
      const m = new RegExp(`^${wsPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/codes/([^/]+)/versions/([^/]+)$`, 'i').exec(c);
      if (!m || !codes.has(assetKey(m[1]!, m[2]!)))
        problems.push({ path: 'properties.codeId', message: `must be the ARM id of an existing code version; got ${JSON.stringify(c)}` });
    }
    const inputs = (props.inputs as Record<string, Record<string, unknown> | null> | null | undefined) ?? {};
    for (const [name, inp] of Object.entries(inputs)) {
      if (!inp) continue;
      const t = inp.jobInputType;
      if (t === 'uri_file' || t === 'uri_folder') {
        const r = parseDatastoreUri(String(inp.uri));
        if (typeof r === 'string') problems.push({ path: `properties.inputs.${name}.uri`, message: r });
      } else if (t !== 'literal') {
        problems.push({
          path: `properties.inputs.${name}.jobInputType`,
          message: `${JSON.stringify(t)} is not modelled by the fake Azure (uri_file, uri_folder, literal)`,
        });
      }
    }
    const outputs = (props.outputs as Record<string, Record<string, unknown> | null> | null | undefined) ?? {};
    for (const [name, out] of Object.entries(outputs)) {
      if (!out) continue;
      const t = out.jobOutputType;
      if (t === 'uri_file' || t === 'uri_folder') {
        if (out.uri === undefined || out.uri === null) {
          problems.push({
            path: `properties.outputs.${name}.uri`,
            message:
              'is required by the fake Azure (the service would pick a default path [U]; evalgate must set the uri so that it knows where the files are)',
          });
        } else {
          const r = parseDatastoreUri(String(out.uri));
          if (typeof r === 'string') problems.push({ path: `properties.outputs.${name}.uri`, message: r });
        }
      } else {
        problems.push({
          path: `properties.outputs.${name}.jobOutputType`,
          message: `${JSON.stringify(t)} is not modelled by the fake Azure (uri_file, uri_folder)`,
        });
      }
    }
    for (const m of String(props.command).matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g)) {
      const ref = /^(inputs|outputs)\.([A-Za-z0-9_\-.]+)$/.exec(m[1]!);
      if (!ref) {
        problems.push({ path: 'properties.command', message: `placeholder ${m[0]} is not \${{inputs.<name>}} or \${{outputs.<name>}}` });
      } else if (!(ref[1] === 'inputs' ? inputs : outputs)[ref[2]!]) {
        problems.push({ path: 'properties.command', message: `placeholder ${m[0]} names no entry of properties.${ref[1]}` });
      }
    }
    const limits = props.limits as { timeout?: string | null } | null | undefined;
    if (limits?.timeout && parseIsoDuration(limits.timeout) === undefined) {
      problems.push({ path: 'properties.limits.timeout', message: `${JSON.stringify(limits.timeout)} is not an ISO 8601 duration` });
    }
    return problems;
  }

  /** The request's properties as the service stores and returns them: readOnly fields dropped, defaults filled. */
  function normalizeJob(name: string, p: Record<string, unknown>): Record<string, unknown> {
    const props: Record<string, unknown> = { ...p };
    delete props.status;
    delete props.parameters;
    const services = props.services as Record<string, Record<string, unknown> | null> | null | undefined;
    if (services) {
      props.services = mapValues(services, (s) => {
        if (!s) return s;
        const { status: _s, errorMessage: _e, ...keep } = s;
        return keep;
      });
    }
    props.experimentName ??= 'Default';
    props.displayName ??= name;
    props.isArchived ??= false;
    props.resources ??= { instanceCount: 1, shmSize: '2g' };
    if (props.inputs) {
      props.inputs = mapValues(props.inputs as Record<string, Record<string, unknown> | null>, (i) =>
        i && (i.jobInputType === 'uri_file' || i.jobInputType === 'uri_folder') ? { mode: 'ReadOnlyMount', ...i } : i,
      );
    }
    if (props.outputs) {
      props.outputs = mapValues(props.outputs as Record<string, Record<string, unknown> | null>, (o) =>
        o ? { mode: 'ReadWriteMount', ...o } : o,
      );
    }
    return props;
  }

  function putJob(ctx: Ctx, name: string): void {
    const putOp =
      spec.paths[
        `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${PROVIDER}/workspaces/{workspaceName}/jobs/{id}`
      ]!.put!;
    const idParam = (putOp.parameters as SwaggerSchema[]).find((p) => p.name === 'id');
    if (!new RegExp(String(idParam?.pattern)).test(name)) {
      throw new ArmError(400, 'UserError', `The job name '${name}' is invalid: it must match ${String(idParam?.pattern)}.`, {
        target: 'id',
      });
    }
    const body = parseJsonBody(ctx);
    const problems = requestValidator('JobBaseResource', body);
    if (problems.length) throw userError(problems, 'The request body is not a valid JobBaseResource');
    const p = (body as { properties: Record<string, unknown> }).properties;
    const semantic = semanticJobChecks(p);
    if (semantic.length) throw userError(semantic, 'The job is invalid');
    const existing = jobs.get(name);
    if (existing) {
      existing.puts++;
      existing.properties.tags = p.tags ?? {};
      existing.modified = new Date();
      return sendJson(ctx, 200, jobJson(existing), {}, 'JobBaseResource');
    }
    const now = new Date();
    const dir = path.join(root, name);
    mkdirSync(dir, { recursive: true });
    const j: JobRecord = {
      name,
      created: now,
      modified: now,
      properties: normalizeJob(name, p),
      status: 'NotStarted',
      history: ['NotStarted'],
      runs: 0,
      puts: 1,
      exitCode: null,
      abort: new AbortController(),
      cancelRequested: false,
      timedOut: false,
      dir,
      done: Promise.resolve(),
    };
    jobs.set(name, j);
    j.done = runJob(j);
    sendJson(ctx, 201, jobJson(j), {}, 'JobBaseResource');
  }

  function cancelJob(ctx: Ctx, name: string, apiVersion: string): void {
    const j = findJob(name);
    if (TERMINAL.has(j.status)) return send(ctx, 200, undefined, armHeaders(ctx)); // no change
    if (!j.cancelRequested) {
      j.cancelRequested = true;
      setStatus(j, 'CancelRequested');
      j.abort.abort();
      if (j.child?.pid !== undefined) j.terminating ??= terminateGroup(j.child.pid);
    }
    const opId = `jc:${workspaceGuid}:${name}`;
    operations.set(opId, name);
    send(ctx, 202, undefined, {
      ...armHeaders(ctx),
      location: `${url}/subscriptions/${subscriptionId}/providers/${PROVIDER}/locations/${location}/mfeOperationResults/${encodeURIComponent(opId)}?api-version=${apiVersion}`,
      'retry-after': String(lroRetryAfterS),
    });
  }

  function operationResult(ctx: Ctx, opId: string, apiVersion: string): void {
    if (ctx.method !== 'GET') throw new ArmError(405, 'MethodNotAllowed', 'Operation results are read with GET.');
    const name = operations.get(opId);
    if (name === undefined) throw new ArmError(404, 'NotFound', `Operation ${opId} not found.`);
    const j = findJob(name);
    if (TERMINAL.has(j.status)) return send(ctx, 200, undefined, armHeaders(ctx));
    send(ctx, 202, undefined, {
      ...armHeaders(ctx),
      location: `${url}${ctx.url.pathname}?api-version=${apiVersion}`,
      'retry-after': String(lroRetryAfterS),
    });
  }

  // ------------------------------------------------------------------------------ running a job

  function setStatus(j: JobRecord, s: JobStatus): void {
    if (j.status === s) return;
    j.status = s;
    j.history.push(s);
    j.modified = new Date();
  }

  /** Throws 'aborted' when the job was canceled or the fake is stopping. */
  const step = (j: JobRecord): Promise<void> => sleep(stepMs, j.abort.signal);

  async function download(prefixOrBlob: string, dest: string, folder: boolean): Promise<number> {
    if (!folder) {
      const blob = dataClient.getBlobClient(prefixOrBlob);
      if (!(await blob.exists())) throw new Error(`blob ${datastoreContainer}/${prefixOrBlob} does not exist`);
      mkdirSync(path.dirname(dest), { recursive: true });
      await blob.downloadToFile(dest);
      return 1;
    }
    const prefix = prefixOrBlob.endsWith('/') ? prefixOrBlob : `${prefixOrBlob}/`;
    mkdirSync(dest, { recursive: true });
    let n = 0;
    for await (const b of dataClient.listBlobsFlat({ prefix })) {
      const rel = b.name.slice(prefix.length);
      if (!rel || rel.endsWith('/')) continue;
      const target = path.join(dest, ...rel.split('/'));
      if (!target.startsWith(dest + path.sep)) throw new Error(`blob name ${b.name} escapes the folder`);
      mkdirSync(path.dirname(target), { recursive: true });
      await dataClient.getBlobClient(b.name).downloadToFile(target);
      n++;
    }
    return n;
  }

  interface Prepared {
    cwd: string;
    substitutions: Record<string, string>;
    env: Record<string, string>;
    outputs: { name: string; local: string; blob: string; folder: boolean }[];
  }

  async function prepare(j: JobRecord): Promise<Prepared> {
    const p = j.properties;
    const cwd = path.join(j.dir, 'code');
    mkdirSync(cwd, { recursive: true });
    if (typeof p.codeId === 'string') {
      const m = /\/codes\/([^/]+)\/versions\/([^/]+)$/i.exec(p.codeId)!;
      const code = codes.get(assetKey(m[1]!, m[2]!))!;
      const loc = resolveBlobUrl(String(code.properties.codeUri)) as { container: string; path: string };
      const n = loc.path === '' ? 0 : await download(loc.path, cwd, true).catch(() => 0);
      if (n === 0) {
        // a single-file snapshot
        const blob = dataClient.getBlobClient(loc.path);
        if (!loc.path || !(await blob.exists())) throw new Error(`the code snapshot ${String(code.properties.codeUri)} is empty`);
        await blob.downloadToFile(path.join(cwd, path.posix.basename(loc.path)));
      }
    }
    const substitutions: Record<string, string> = {};
    const env: Record<string, string> = {};
    for (const [name, inp] of Object.entries((p.inputs as Record<string, Record<string, unknown> | null> | undefined) ?? {})) {
      if (!inp) continue;
      if (inp.jobInputType === 'literal') {
        substitutions[`inputs.${name}`] = String(inp.value);
        continue;
      }
      const loc = parseDatastoreUri(String(inp.uri)) as { path: string };
      if (inp.jobInputType === 'uri_folder') {
        const local = path.join(j.dir, 'inputs', name);
        const n = await download(loc.path, local, true);
        if (n === 0)
          throw new Error(`input ${name}: no blobs under ${datastoreContainer}/${loc.path.replace(/\/?$/, '/')} (${String(inp.uri)})`);
        substitutions[`inputs.${name}`] = local;
      } else {
        const local = path.join(j.dir, 'inputs', name, path.posix.basename(loc.path.replace(/\/+$/, '')));
        await download(loc.path.replace(/\/+$/, ''), local, false).catch((e: Error) => {
          throw new Error(`input ${name}: ${e.message} (${String(inp.uri)})`);
        });
        substitutions[`inputs.${name}`] = local;
      }
      env[`AZURE_ML_INPUT_${name}`] = substitutions[`inputs.${name}`]!;
    }
    const outputs: Prepared['outputs'] = [];
    for (const [name, out] of Object.entries((p.outputs as Record<string, Record<string, unknown> | null> | undefined) ?? {})) {
      if (!out) continue;
      const loc = parseDatastoreUri(String(out.uri)) as { path: string };
      const folder = out.jobOutputType === 'uri_folder';
      const base = path.join(j.dir, 'outputs', name);
      mkdirSync(base, { recursive: true });
      const local = folder ? base : path.join(base, path.posix.basename(loc.path.replace(/\/+$/, '')) || name);
      outputs.push({ name, local, blob: folder ? loc.path.replace(/\/?$/, '/') : loc.path.replace(/\/+$/, ''), folder });
      substitutions[`outputs.${name}`] = local;
      env[`AZURE_ML_OUTPUT_${name}`] = local;
    }
    return { cwd, substitutions, env, outputs };
  }

  async function uploadLog(j: JobRecord): Promise<void> {
    const file = path.join(j.dir, 'std_log.txt');
    if (!existsSync(file)) return;
    await logsClient
      .getBlockBlobClient(logBlob(j.name))
      .uploadFile(file, { blobHTTPHeaders: { blobContentType: 'text/plain; charset=utf-8' } });
  }

  async function uploadOutputs(prep: Prepared): Promise<void> {
    for (const o of prep.outputs) {
      if (o.folder) {
        for (const rel of walkFiles(o.local))
          await dataClient.getBlockBlobClient(o.blob + rel.split(path.sep).join('/')).uploadFile(path.join(o.local, rel));
      } else if (existsSync(o.local) && statSync(o.local).isFile()) {
        await dataClient.getBlockBlobClient(o.blob).uploadFile(o.local);
      }
    }
  }

  function execute(j: JobRecord, prep: Prepared): Promise<number | null> {
    const command = String(j.properties.command).replace(
      /\$\{\{\s*(inputs|outputs)\.([A-Za-z0-9_\-.]+)\s*\}\}/g,
      (_m, kind: string, name: string) => prep.substitutions[`${kind}.${name}`]!,
    );
    const env: Record<string, string> = {};
    for (const k of ['PATH', 'HOME', 'LANG']) if (process.env[k] !== undefined) env[k] = process.env[k]!;
    Object.assign(env, prep.env);
    for (const [k, v] of Object.entries((j.properties.environmentVariables as Record<string, string | null> | null | undefined) ?? {}))
      if (v !== null) env[k] = v;
    Object.assign(env, {
      AZUREML_RUN_ID: j.name,
      AZUREML_ARM_SUBSCRIPTION: subscriptionId,
      AZUREML_ARM_RESOURCEGROUP: resourceGroup,
      AZUREML_ARM_WORKSPACE_NAME: workspace,
      AZUREML_EXPERIMENT_NAME: String(j.properties.experimentName),
    });
    const logFile = path.join(j.dir, 'std_log.txt');
    const fd = openSync(logFile, 'a');
    let child: ChildProcess;
    try {
      child = spawn('/bin/sh', ['-c', command], { cwd: prep.cwd, env, detached: true, stdio: ['ignore', fd, fd] });
    } finally {
      closeSync(fd);
    }
    j.runs++;
    j.child = child;
    running.add(child);
    const limits = j.properties.limits as { timeout?: string | null } | null | undefined;
    const timeoutMs = limits?.timeout ? parseIsoDuration(limits.timeout) : undefined;
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      if (timeoutMs !== undefined && child.pid !== undefined) {
        const pgid = child.pid;
        timer = setTimeout(() => {
          if (j.cancelRequested) return;
          j.timedOut = true;
          if (timeoutStatus === 'Canceled') setStatus(j, 'CancelRequested');
          j.terminating ??= terminateGroup(pgid);
        }, timeoutMs);
      }
      j.logInterval = setInterval(() => void uploadLog(j).catch(() => undefined), 1000);
      const finish = (code: number | null): void => {
        clearTimeout(timer);
        clearInterval(j.logInterval);
        running.delete(child);
        resolve(code);
      };
      child.once('error', (e) => {
        j.error = `could not start /bin/sh: ${e.message}`;
        finish(null);
      });
      child.once('exit', (code) => finish(code));
    });
  }

  let released = false;
  const holding = new Set<() => void>();
  async function simulate(j: JobRecord, runMs: number): Promise<void> {
    try {
      for (const s of ['Starting', 'Preparing', 'Queued', 'Running'] as const) {
        await step(j);
        setStatus(j, s);
      }
      j.runs++;
      if (opts.simulateHold && !released) await new Promise<void>((r) => holding.add(r));
      await sleep(runMs, j.abort.signal);
      setStatus(j, 'Finalizing');
      await sleep(stepMs);
      setStatus(j, 'Completed');
    } catch {
      if (stopping) return;
      await sleep(stepMs);
      setStatus(j, j.cancelRequested ? 'Canceled' : 'Failed');
    }
  }

  async function runJob(j: JobRecord): Promise<void> {
    if (opts.simulateRunMs !== undefined) return simulate(j, opts.simulateRunMs);
    let prep: Prepared | undefined;
    let ran = false;
    try {
      await step(j);
      setStatus(j, 'Starting');
      await step(j);
      setStatus(j, 'Preparing');
      prep = await prepare(j);
      await step(j);
      setStatus(j, 'Queued');
      await step(j);
      setStatus(j, 'Running');
      ran = true;
      const code = await execute(j, prep);
      j.exitCode = code;
      if (stopping) return;
      if (j.cancelRequested) throw new Error('aborted');
      if (j.timedOut) {
        await j.terminating;
        j.error = `the command exceeded limits.timeout (${String((j.properties.limits as { timeout: string }).timeout)})`;
        if (timeoutStatus === 'Failed') setStatus(j, 'Finalizing');
        await uploadLog(j);
        await sleep(stepMs);
        return setStatus(j, timeoutStatus);
      }
      setStatus(j, 'Finalizing');
      await uploadLog(j);
      if (code === 0) await uploadOutputs(prep);
      else j.error ??= `the command exited with code ${code}`;
      await sleep(stepMs);
      setStatus(j, code === 0 ? 'Completed' : 'Failed');
    } catch (e) {
      if (stopping) return;
      if (j.cancelRequested) {
        if (j.child)
          await new Promise<void>((r) =>
            j.child!.exitCode !== null || j.child!.signalCode !== null ? r() : j.child!.once('exit', () => r()),
          );
        await j.terminating;
        if (ran) await uploadLog(j).catch(() => undefined);
        await sleep(stepMs);
        return setStatus(j, 'Canceled');
      }
      j.error = (e as Error).message;
      if (j.status !== 'Finalizing') setStatus(j, 'Finalizing');
      if (ran) await uploadLog(j).catch(() => undefined);
      await sleep(stepMs);
      setStatus(j, 'Failed');
    }
  }

  // ------------------------------------------------------------------------------ hooks

  function publicJob(j: JobRecord): FakeAzureJob {
    return {
      name: j.name,
      status: j.status,
      history: [...j.history],
      runs: j.runs,
      puts: j.puts,
      properties: structuredClone(j.properties),
      exitCode: j.exitCode,
      ...(j.error === undefined ? {} : { error: j.error }),
      ...(j.child?.pid === undefined ? {} : { pid: j.child.pid }),
      dir: j.dir,
      modifiedAt: j.modified.getTime(),
    };
  }

  let stopped: Promise<void> | undefined;
  return {
    url,
    tenantId,
    clientId,
    clientSecret,
    subscriptionId,
    resourceGroup,
    workspace,
    location,
    workspaceId: wsPath,
    datastore: {
      name: 'workspaceblobstore',
      account: opts.azurite.account,
      container: datastoreContainer,
      blobEndpoint: opts.azurite.blobEndpoint,
    },
    logsContainer: 'azureml',
    armId,
    studioUrl,
    logBlob,
    requests,
    violations,
    tokens,
    federatedTokens: federatedList,
    jobs: () => [...jobs.values()].map(publicJob),
    hideFromList: (name, hidden = true) => void (hidden ? hiddenFromList.add(name) : hiddenFromList.delete(name)),
    throttledReads: () => throttledReads,
    release: () => {
      released = true;
      for (const r of holding) r();
      holding.clear();
    },
    setReadBudget: (b) => {
      readBudget = b;
      readTokens = b?.bucket ?? 0;
      readRefilled = Date.now();
    },
    job: (name) => {
      const j = jobs.get(name);
      return j && publicJob(j);
    },
    failNext(n, o) {
      if (n > 0) injections.push({ remaining: n, opts: o });
    },
    addEnvironment(name, version, image) {
      const now = new Date();
      environments.set(assetKey(name, version), {
        name,
        version,
        properties: {
          image,
          osType: 'Linux',
          autoRebuild: 'Disabled',
          isAnonymous: false,
          isArchived: false,
          environmentType: 'UserCreated',
          provisioningState: 'Succeeded',
        },
        created: now,
        modified: now,
      });
      return armId('environments', name, version);
    },
    mintToken(o = {}) {
      return mint({ audience: o.audience ?? 'https://management.azure.com', expiresInS: o.expiresInS ?? tokenLifetimeS });
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        const waits: Promise<void>[] = [];
        for (const j of jobs.values()) {
          j.abort.abort();
          clearInterval(j.logInterval);
          if (j.child) {
            const c = j.child;
            if (c.exitCode === null && c.signalCode === null) waits.push(new Promise((r) => c.once('exit', () => r())));
            killGroup(c, 'SIGKILL');
          }
        }
        await Promise.race([Promise.all(waits), sleep(5000)]);
        await Promise.race([Promise.allSettled([...jobs.values()].map((j) => j.done)), sleep(5000)]);
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
        rmSync(root, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/**
 * A stand-in for a GitHub Actions OIDC token (what `core.getIDToken('api://AzureADTokenExchange')` returns): JWT-shaped,
 * unsigned (the fake matches assertions by value, as a federated credential matches issuer/subject/audience).
 */
export function githubOidcToken(subject = 'repo:acme/models:ref:refs/heads/main'): string {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: 'https://token.actions.githubusercontent.com',
    sub: subject,
    aud: 'api://AzureADTokenExchange',
    iat: now,
    nbf: now,
    exp: now + 3600,
  };
  return `${b64url({ typ: 'JWT', alg: 'RS256', kid: 'fake-github-oidc' })}.${b64url(claims)}.${randomBytes(32).toString('base64url')}`;
}

function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
