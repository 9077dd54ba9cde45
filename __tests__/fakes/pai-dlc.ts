/**
 * A fake Alibaba Cloud PAI-DLC (product `pai-dlc`, API version 2020-12-03, ROA style) on 127.0.0.1:<free port>,
 * for `@alicloud/openapi-client` `callApi` (V3 signature, the default) with `Config.endpoint: '127.0.0.1:<port>'`
 * and `Config.protocol: 'HTTP'` (or `tls: true` and HTTPS with the test CA).
 *
 * Routes (aliyun/alibabacloud-typescript-sdk pai-dlc-20201203/src/client.ts):
 *   CreateJob  POST /api/v1/jobs                               JSON body -> {JobId, RequestId}
 *   ListJobs   GET  /api/v1/jobs?DisplayName&WorkspaceId&...    -> {Jobs, TotalCount, RequestId}
 *   GetJob     GET  /api/v1/jobs/{JobId}                        -> job + RequestId
 *   StopJob    POST /api/v1/jobs/{JobId}/stop                   -> {JobId, RequestId}
 *   DeleteJob  DELETE /api/v1/jobs/{JobId}                      -> {JobId, RequestId}
 *   GetPodLogs GET  /api/v1/jobs/{JobId}/pods/{PodId}/logs      -> {JobId, PodId, PodUid, Logs: string[], RequestId}
 *
 * Every request is authenticated as the OpenAPI gateway does for ACS3-HMAC-SHA256 (aliyun/darabonba-openapi
 * ts/src/utils.ts `getAuthorization`; @alicloud/openapi-util 0.3.3 dist/client.js, used by openapi-client 0.4.15):
 * the canonical request is rebuilt from the wire (method, path, sorted query, the client's SignedHeaders) and the
 * HMAC-SHA256 recomputed with the key's secret; x-acs-content-sha256 must be the body's hash, x-acs-date within
 * the window, x-acs-signature-nonce unused, x-acs-action/x-acs-version those of the route, and an STS key must come
 * with its x-acs-security-token. Errors are the gateway's JSON {RequestId, HostId, Code, Message, Recommend}.
 *
 * Jobs run for real: Creating -> Queuing -> EnvPreparing (each DataSource's OSS prefix is copied out of the fake
 * OSS into <job dir>/fs<MountPath>) -> Running (`/bin/sh -c UserCommand` in its own process group, every MountPath
 * in the command and in the Envs values replaced by its local directory, cwd a fresh directory) -> files new or
 * changed under the ReadWrite mounts are copied back to their OSS prefix -> Succeeded | Failed.
 * StopJob: Stopping (the process group gets SIGTERM, then SIGKILL) -> Stopped with ReasonCode JobStoppedByUser.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acsRequestId, keyringOf, parseQuery, readBody, type AlibabaKeyring, type FakeOss, type KeyOptions } from './oss.js';
import { testTls } from './tls.js';

export const DLC_VERSION = '2020-12-03';

export const JOB_TYPES = ['TFJob', 'PyTorchJob', 'MPIJob', 'XGBoostJob', 'OneFlowJob', 'ElasticBatchJob', 'SlurmJob', 'RayJob'] as const;

/** JobSpec.Type values per JobType, where the SDK documents them (JobSpec.ts); other job types are not checked */
const SPEC_TYPES: Record<string, string[]> = {
  TFJob: ['Chief', 'PS', 'Worker', 'Evaluator', 'GraphLearn'],
  PyTorchJob: ['Worker', 'Master'],
  XGBoostJob: ['Worker', 'Master'],
  OneFlowJob: ['Worker', 'Master'],
  ElasticBatchJob: ['Worker', 'Master'],
};

export const TERMINAL = new Set(['Succeeded', 'Failed', 'Stopped']);

// the request model's field names (CreateJobRequest.ts, JobSpec.ts, ResourceConfig.ts, CreateJobRequestDataSources):
// a name not among them is recorded as a violation (a typo the real service would silently drop)
const CREATE_FIELDS = new Set(
  'Accessibility CodeSource CredentialConfig CustomEnvs DataSources DebuggerConfigContent Description DisplayName ElasticSpec Envs JobMaxRunningTimeMinutes JobSpecs JobType Options Priority ResourceId SchedulingStrategy Settings SuccessPolicy TemplateId TemplateVersion ThirdpartyLibDir ThirdpartyLibs UserCommand UserVpc WorkspaceId'.split(
    ' ',
  ),
);
const SPEC_FIELDS = new Set(
  'AssignNodeSpec AutoScalingSpec ConsiderInSuccessPolicy EcsSpec ExtraPodSpec Image ImageConfig IsCheif IsChief LocalMountSpecs PodCount QuotaId ResourceConfig RestartPolicy ServiceSpec SpotSpec StartupDependencies SystemDisk Type UseSpotInstance'.split(
    ' ',
  ),
);
const RESOURCE_FIELDS = new Set(['CPU', 'GPU', 'GPUType', 'Memory', 'SharedMemory']);
const DATASOURCE_FIELDS = new Set(
  'AccessPointId DataSourceId DataSourceVersion EnableCache MountAccess MountPath Options RoleChain Uri'.split(' '),
);

export interface DlcRequestRecord {
  method: string;
  path: string;
  /** the route's action (CreateJob, GetJob, ...), or the x-acs-action header when no route matched */
  action: string;
  status: number;
  code?: string;
  accessKeyId?: string;
  /** Date.now() when it arrived */
  time: number;
}

export interface FakeDlcJobInfo {
  JobId: string;
  DisplayName: string;
  Status: string;
  /** Date.now() when it ended (GmtFinishTime) */
  finishedAt?: number;
  ReasonCode?: string;
  /** how many times the command was started (0 before Running) */
  runs: number;
  /** exit code of the command; null when killed by a signal; undefined before it ended */
  exitCode: number | null | undefined;
  /** the command's pid (its process group id) while it has one */
  pid?: number;
  /** stdout + stderr so far */
  log: string;
  /** the job's temp dir (mounts under fs/, cwd under work/) */
  dir?: string;
}

export interface FakePaiDlcOptions extends KeyOptions {
  /** the fake OSS the DataSources are read from and written back to (same process) */
  oss?: FakeOss;
  /** time per state step (Creating -> Queuing -> EnvPreparing -> Running, Stopping -> Stopped); default 100 */
  stepMs?: number;
  /** allowed difference between x-acs-date and now (default 15 minutes) */
  skewMs?: number;
  /** ListJobs page size when PageSize is not given (the real default is not documented; small so paging shows) */
  defaultPageSize?: number;
  /** workspaces that exist; when given, CreateJob's WorkspaceId must be one of them */
  workspaces?: string[];
  /** CreateJob without WorkspaceId is refused (default true: evalgate always names its workspace) */
  requireWorkspaceId?: boolean;
  /** time between SIGTERM and SIGKILL on StopJob (default 2000) */
  killGraceMs?: number;
  /** serve HTTPS with the test certificate (default plain HTTP) */
  tls?: boolean;
  /** Fan-out runs: a job runs no command; it is Running for this long, then Succeeded */
  simulateRunMs?: number;
  /** with simulateRunMs: Running jobs wait for `release()` before their run time starts */
  simulateHold?: boolean;
  /** ListJobs returns at most this many jobs a page whatever PageSize asks (the real maximum is not documented) */
  maxPageSize?: number;
}

export interface FakePaiDlc {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `127.0.0.1:<port>`: the openapi-client Config.endpoint */
  endpoint: string;
  port: number;
  keyring: AlibabaKeyring;
  requests: DlcRequestRecord[];
  /** requests that broke a rule of the real API, one line each */
  violations: string[];
  jobs(): FakeDlcJobInfo[];
  job(jobId: string): FakeDlcJobInfo | undefined;
  /** the next n authenticated requests fail with this error (default 400 Throttling.User); `retryAfterS` sets x-acs-retry-after */
  failNext(
    n: number,
    err?: { status?: number; code?: string; message?: string; retryAfterS?: number; match?: (action: string, path: string) => boolean },
  ): void;
  /** ListJobs leaves this job out (an index lagging behind) */
  hideFromList(jobId: string, hidden?: boolean): void;
  /** simulateHold: every job's run time starts now (or when it reaches Running, if later) */
  release(): void;
  /** the fake's clock runs this far ahead of the real one (negative: behind), for x-acs-date skew checks */
  setClockOffset(ms: number): void;
  /** force a job's status (e.g. SucceededReserving) without touching its process */
  setJobStatus(jobId: string, status: string, reason?: { ReasonCode?: string; ReasonMessage?: string }): void;
  /** kills every job's process group, closes the server, removes the temp dirs */
  stop(): Promise<void>;
}

class AcsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

// Alibaba Cloud OpenAPI common client error codes and statuses (help.aliyun.com "公共错误码" tables)
const E = {
  incomplete: (why: string) =>
    new AcsError(400, 'IncompleteSignature', `The request signature does not conform to Aliyun standards. ${why}`),
  signature: (stringToSign: string) =>
    new AcsError(
      400,
      'SignatureDoesNotMatch',
      `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
    ),
  accessKey: () => new AcsError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.'),
  timeFormat: () => new AcsError(400, 'InvalidTimeStamp.Format', 'Specified time stamp or date value is not well formatted.'),
  timeExpired: () => new AcsError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.'),
  nonce: () => new AcsError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.'),
  api: () => new AcsError(404, 'InvalidApi.NotFound', 'Specified api is not found, please check your url and method.'),
  invalid: (msg: string) => new AcsError(400, 'InvalidParameter', msg),
  job: (id: string) => new AcsError(404, 'InvalidJobId.NotFound', `The specified job ${id} does not exist.`),
};

/** darabonba-openapi utils `encode`: encodeURIComponent plus `!'()*` */
const acsEncode = (s: string): string =>
  encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');
const sha256hex = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');
const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Route {
  action: string;
  method: string;
  re: RegExp;
}
const ROUTES: Route[] = [
  { action: 'CreateJob', method: 'POST', re: /^\/api\/v1\/jobs$/ },
  { action: 'ListJobs', method: 'GET', re: /^\/api\/v1\/jobs$/ },
  { action: 'GetJob', method: 'GET', re: /^\/api\/v1\/jobs\/([^/]+)$/ },
  { action: 'DeleteJob', method: 'DELETE', re: /^\/api\/v1\/jobs\/([^/]+)$/ },
  { action: 'StopJob', method: 'POST', re: /^\/api\/v1\/jobs\/([^/]+)\/stop$/ },
  { action: 'GetPodLogs', method: 'GET', re: /^\/api\/v1\/jobs\/([^/]+)\/pods\/([^/]+)\/logs$/ },
];

interface Mount {
  bucket: string;
  prefix: string;
  mountPath: string;
  local: string;
  readOnly: boolean;
  /** relative path -> sha256 of what was downloaded */
  before: Map<string, string>;
}

interface Pod {
  PodId: string;
  PodUid: string;
  Type: string;
  Status: string;
  GmtCreateTime: string;
  GmtStartTime?: string;
  GmtFinishTime?: string;
}

interface Job {
  JobId: string;
  /** creation order: the tie-break for jobs created in the same millisecond */
  seq: number;
  request: Record<string, unknown>;
  DisplayName: string;
  JobType: string;
  WorkspaceId?: string;
  Status: string;
  ReasonCode?: string;
  ReasonMessage?: string;
  history: Array<{ Status: string; StartTime: string; EndTime?: string; ReasonCode?: string; ReasonMessage?: string }>;
  gmt: Partial<Record<'Create' | 'Submitted' | 'Running' | 'Finish' | 'Successed' | 'Failed' | 'Stopped', Date>>;
  pods: Pod[];
  runs: number;
  exitCode: number | null | undefined;
  /** stdout + stderr as they came (decoded only when read, so a split UTF-8 character stays whole) */
  log: Buffer[];
  logBytes: number;
  proc?: ChildProcess;
  dir?: string;
  mounts: Mount[];
  timers: Set<NodeJS.Timeout>;
  stopping: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `oss://<bucket>.<endpoint>/<path>` -> bucket and key prefix (a directory: ends with `/`, or empty for the bucket) */
export function parseOssUri(uri: string): { bucket: string; endpoint: string; prefix: string } | undefined {
  const m = /^oss:\/\/([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.([^/]+\.[^/]+)(\/.*)?$/.exec(uri);
  if (!m) return undefined;
  let prefix = (m[3] ?? '/').replace(/^\/+/, '');
  if (prefix && !prefix.endsWith('/')) prefix += '/';
  return { bucket: m[1]!, endpoint: m[2]!, prefix };
}

/** What CreateJob would refuse, one problem per entry (empty when the body is acceptable). */
export function validateCreateJob(
  body: unknown,
  opts: { workspaces?: string[]; requireWorkspaceId?: boolean } = {},
): {
  problems: string[];
  unknownFields: string[];
} {
  const problems: string[] = [];
  const unknownFields: string[] = [];
  if (!isObj(body)) return { problems: ['the body must be a JSON object'], unknownFields };
  const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
  for (const k of Object.keys(body)) if (!CREATE_FIELDS.has(k)) unknownFields.push(k);
  const name = body.DisplayName;
  if (!str(name)) problems.push('DisplayName is mandatory for this action.');
  else if (!/^[A-Za-z0-9_.-]{1,256}$/.test(name))
    problems.push(`DisplayName ${JSON.stringify(name)} is invalid: 1 to 256 characters of letters, digits, "_", "." and "-".`);
  const type = body.JobType;
  if (!str(type)) problems.push('JobType is mandatory for this action.');
  else if (!(JOB_TYPES as readonly string[]).includes(type))
    problems.push(`JobType ${JSON.stringify(type)} is invalid: one of ${JOB_TYPES.join(', ')} (case-sensitive).`);
  if (!str(body.UserCommand)) problems.push('UserCommand is mandatory for this action.');
  const specs = body.JobSpecs;
  if (!Array.isArray(specs) || specs.length === 0) problems.push('JobSpecs is mandatory for this action: a non-empty array.');
  else {
    const seen = new Set<string>();
    specs.forEach((spec: unknown, i) => {
      const at = `JobSpecs[${i}]`;
      if (!isObj(spec)) return void problems.push(`${at} must be an object.`);
      for (const k of Object.keys(spec)) if (!SPEC_FIELDS.has(k)) unknownFields.push(`${at}.${k}`);
      const t = spec.Type;
      const allowed = str(type) ? SPEC_TYPES[type] : undefined;
      if (!str(t)) problems.push(`${at}.Type is mandatory.`);
      else if (allowed && !allowed.includes(t))
        problems.push(`${at}.Type ${JSON.stringify(t)} is invalid for ${String(type)}: one of ${allowed.join(', ')}.`);
      else if (seen.has(t)) problems.push(`${at}.Type ${JSON.stringify(t)} appears twice.`);
      if (str(t)) seen.add(t);
      if (!Number.isInteger(spec.PodCount) || (spec.PodCount as number) < 1) problems.push(`${at}.PodCount must be an integer >= 1.`);
      if (!str(spec.Image)) problems.push(`${at}.Image is mandatory.`);
      const rc = spec.ResourceConfig;
      if (spec.EcsSpec === undefined && rc === undefined)
        problems.push(`${at} needs EcsSpec (public resources) or ResourceConfig (a quota).`);
      if (spec.EcsSpec !== undefined && !str(spec.EcsSpec)) problems.push(`${at}.EcsSpec must be a non-empty string.`);
      if (rc !== undefined) {
        if (!isObj(rc)) problems.push(`${at}.ResourceConfig must be an object.`);
        else
          for (const [k, v] of Object.entries(rc)) {
            if (!RESOURCE_FIELDS.has(k)) unknownFields.push(`${at}.ResourceConfig.${k}`);
            else if (typeof v !== 'string')
              problems.push(`${at}.ResourceConfig.${k} must be a string (e.g. "4", "16Gi"), got ${JSON.stringify(v)}.`);
          }
      }
    });
  }
  if (body.Envs !== undefined && (!isObj(body.Envs) || Object.values(body.Envs).some((v) => typeof v !== 'string')))
    problems.push('Envs must be an object of string values.');
  if (body.Priority !== undefined && (!Number.isInteger(body.Priority) || (body.Priority as number) < 1 || (body.Priority as number) > 9))
    problems.push('Priority must be an integer from 1 to 9.');
  if (
    body.JobMaxRunningTimeMinutes !== undefined &&
    (!Number.isInteger(body.JobMaxRunningTimeMinutes) || (body.JobMaxRunningTimeMinutes as number) < 1)
  )
    problems.push('JobMaxRunningTimeMinutes must be a positive integer.');
  const ws = body.WorkspaceId;
  if (ws === undefined || ws === '') {
    if (opts.requireWorkspaceId ?? true) problems.push('WorkspaceId is mandatory (evalgate jobs are created in a named workspace).');
  } else if (typeof ws !== 'string') problems.push('WorkspaceId must be a string.');
  else if (opts.workspaces && !opts.workspaces.includes(ws)) problems.push(`WorkspaceId ${JSON.stringify(ws)} does not exist.`);
  const ds = body.DataSources;
  if (ds !== undefined) {
    if (!Array.isArray(ds)) problems.push('DataSources must be an array.');
    else {
      const mountPaths = new Set<string>();
      ds.forEach((d: unknown, i) => {
        const at = `DataSources[${i}]`;
        if (!isObj(d)) return void problems.push(`${at} must be an object.`);
        for (const k of Object.keys(d)) if (!DATASOURCE_FIELDS.has(k)) unknownFields.push(`${at}.${k}`);
        if (d.DataSourceId !== undefined)
          problems.push(`${at}.DataSourceId: registered data sources are not supported by the fake; give Uri and MountPath.`);
        if (!str(d.Uri)) problems.push(`${at}.Uri is mandatory (oss://<bucket>.<endpoint>/<path>/).`);
        else if (!parseOssUri(d.Uri))
          problems.push(`${at}.Uri ${JSON.stringify(d.Uri)} is invalid: expected oss://<bucket>.<endpoint>/<path>/.`);
        const mp = d.MountPath;
        if (!str(mp)) problems.push(`${at}.MountPath is mandatory with a Uri.`);
        else if (!mp.startsWith('/') || path.posix.normalize(mp).replace(/\/+$/, '') === '' || mp.split('/').includes('..'))
          problems.push(`${at}.MountPath ${JSON.stringify(mp)} is invalid: an absolute path other than /.`);
        else {
          const norm = path.posix.normalize(mp).replace(/\/+$/, '');
          if (mountPaths.has(norm)) problems.push(`${at}.MountPath ${JSON.stringify(mp)} is mounted twice.`);
          mountPaths.add(norm);
        }
      });
    }
  }
  return { problems, unknownFields };
}

export async function startFakePaiDlc(opts: FakePaiDlcOptions = {}): Promise<FakePaiDlc> {
  const keyring = keyringOf(opts);
  const stepMs = opts.stepMs ?? 100;
  const skewMs = opts.skewMs ?? 15 * 60_000;
  const defaultPageSize = opts.defaultPageSize ?? 5;
  const killGraceMs = opts.killGraceMs ?? 2000;
  const requests: DlcRequestRecord[] = [];
  const violations: string[] = [];
  const jobs = new Map<string, Job>();
  const nonces = new Map<string, number>();
  let failures = {
    n: 0,
    status: 400,
    code: 'Throttling.User',
    message: 'Request was denied due to user flow control.',
    retryAfterS: undefined as number | undefined,
    match: undefined as ((action: string, path: string) => boolean) | undefined,
  };
  const hiddenFromList = new Set<string>();
  let released = false;
  const holding = new Set<() => void>();
  let stopped = false;
  let clockOffset = 0;
  let created = 0;

  // ------------------------------------------------------------------------------------ authentication

  function authenticate(req: http.IncomingMessage, rawPath: string, rawQuery: string, body: Buffer): string {
    const header = (name: string): string | undefined => {
      const v = req.headers[name];
      return Array.isArray(v) ? v.join(',') : v;
    };
    const auth = header('authorization');
    if (!auth) throw E.incomplete('The Authorization header is missing.');
    if (auth.startsWith('acs '))
      throw E.incomplete(
        'This fake verifies ACS3-HMAC-SHA256 only; the legacy ROA "acs AK:signature" scheme (signatureAlgorithm v2) is not accepted.',
      );
    const m = /^ACS3-HMAC-SHA256 (.+)$/.exec(auth);
    if (!m) throw E.incomplete(`Unsupported signature algorithm in ${JSON.stringify(auth.split(' ')[0])}.`);
    const fields = new Map(
      m[1]!
        .split(',')
        .map((p) => p.trim())
        .map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as [string, string]),
    );
    const accessKeyId = fields.get('Credential');
    const signedHeaders = fields.get('SignedHeaders')?.split(';').filter(Boolean);
    const given = fields.get('Signature');
    if (!accessKeyId || !signedHeaders || !given) throw E.incomplete('Authorization needs Credential, SignedHeaders and Signature.');
    for (const h of ['host', 'x-acs-action', 'x-acs-content-sha256', 'x-acs-date', 'x-acs-signature-nonce', 'x-acs-version']) {
      if (header(h) === undefined) throw E.incomplete(`The ${h} header is missing.`);
      if (!signedHeaders.includes(h)) throw E.incomplete(`SignedHeaders must include ${h}.`);
    }
    if (header('x-acs-security-token') !== undefined && !signedHeaders.includes('x-acs-security-token'))
      throw E.incomplete('SignedHeaders must include x-acs-security-token.');
    const date = header('x-acs-date')!;
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(date) || !Number.isFinite(Date.parse(date))) throw E.timeFormat();
    if (Math.abs(Date.now() + clockOffset - Date.parse(date)) > skewMs) throw E.timeExpired();
    const key = keyring.get(accessKeyId);
    if (!key) throw E.accessKey();
    const canonicalUri = rawPath.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
    const canonicalQuery = parseQuery(rawQuery)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${acsEncode(v ?? '')}`)
      .join('&');
    const canonicalHeaders = signedHeaders.map((h) => `${h}:${(header(h) ?? '').trim()}\n`).join('');
    const payloadHash = header('x-acs-content-sha256')!;
    const canonicalRequest = [req.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders.join(';'), payloadHash].join('\n');
    const stringToSign = `ACS3-HMAC-SHA256\n${sha256hex(canonicalRequest)}`;
    if (createHmac('sha256', key.accessKeySecret).update(stringToSign).digest('hex') !== given) throw E.signature(stringToSign);
    if (payloadHash !== sha256hex(body))
      throw new AcsError(
        400,
        'SignatureDoesNotMatch',
        'Specified signature is not matched with our calculation: x-acs-content-sha256 is not the hash of the body.',
      );
    if (key.securityToken !== undefined) {
      if (header('x-acs-security-token') !== key.securityToken || (header('x-acs-accesskey-id') ?? accessKeyId) !== accessKeyId)
        throw new AcsError(400, 'InvalidSecurityToken.MismatchWithAccessKey', 'Specified SecurityToken mismatch with the AccessKey.');
      if (key.expiresAt !== undefined && key.expiresAt < Date.now())
        throw new AcsError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.');
    }
    const nonce = header('x-acs-signature-nonce')!;
    const now = Date.now();
    for (const [n, t] of nonces) if (now - t > 2 * skewMs) nonces.delete(n);
    if (nonces.has(nonce)) throw E.nonce();
    nonces.set(nonce, now);
    return accessKeyId;
  }

  // ------------------------------------------------------------------------------------ jobs

  const later = (job: Job, ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      job.timers.delete(t);
      if (!stopped) fn();
    }, ms);
    job.timers.add(t);
  };
  const setStatus = (job: Job, status: string, reason: { ReasonCode?: string; ReasonMessage?: string } = {}): void => {
    const now = iso(new Date());
    const last = job.history.at(-1);
    if (last) last.EndTime = now;
    job.history.push({ Status: status, StartTime: now, ...reason });
    job.Status = status;
    if (reason.ReasonCode !== undefined) job.ReasonCode = reason.ReasonCode;
    if (reason.ReasonMessage !== undefined) job.ReasonMessage = reason.ReasonMessage;
  };
  const setPods = (job: Job, status: string, field?: 'GmtStartTime' | 'GmtFinishTime'): void => {
    for (const p of job.pods) {
      p.Status = status;
      if (field) p[field] = iso(new Date());
    }
  };
  const appendLog = (job: Job, chunk: Buffer | string): void => {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    job.log.push(b);
    job.logBytes += b.length;
    while (job.log.length > 1 && job.logBytes > 4_000_000) job.logBytes -= job.log.shift()!.length;
  };

  function walk(dir: string, skip: Set<string>, rel = ''): string[] {
    const out: string[] = [];
    let entries: string[];
    try {
      entries = readdirSync(path.join(dir, rel));
    } catch {
      return out;
    }
    for (const name of entries) {
      const r = rel ? `${rel}/${name}` : name;
      const full = path.join(dir, r);
      if (skip.has(full)) continue;
      const st = lstatSync(full);
      if (st.isDirectory()) out.push(...walk(dir, skip, r));
      else if (st.isFile()) out.push(r);
    }
    return out;
  }

  /** EnvPreparing: copy every DataSource's prefix out of OSS into its mount directory */
  function prepare(job: Job): string | undefined {
    job.dir = mkdtempSync(path.join(tmpdir(), `evalgate-dlc-${job.JobId}-`));
    mkdirSync(path.join(job.dir, 'work'));
    for (const d of (job.request.DataSources as Array<Record<string, string>> | undefined) ?? []) {
      const uri = parseOssUri(d.Uri!)!;
      const mountPath = path.posix.normalize(d.MountPath!).replace(/\/+$/, '');
      const local = path.join(job.dir, 'fs', mountPath);
      mkdirSync(local, { recursive: true });
      if (!opts.oss) return `DataSource ${d.Uri}: no OSS is reachable (the fake PAI-DLC was started without an oss fake).`;
      if (!opts.oss.hasBucket(uri.bucket)) return `DataSource ${d.Uri}: the bucket ${uri.bucket} does not exist.`;
      const before = new Map<string, string>();
      for (const key of opts.oss.keys(uri.bucket, uri.prefix)) {
        const rel = key.slice(uri.prefix.length);
        if (!rel || rel.split('/').some((s) => s === '..' || s === '.')) continue;
        const target = path.join(local, rel);
        if (rel.endsWith('/')) {
          mkdirSync(target, { recursive: true });
          continue;
        }
        const data = opts.oss.get(uri.bucket, key)!;
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, data);
        before.set(rel, sha256hex(data));
      }
      job.mounts.push({ bucket: uri.bucket, prefix: uri.prefix, mountPath, local, readOnly: d.MountAccess === 'ReadOnly', before });
    }
    return undefined;
  }

  /** what a mounted OSS prefix would hold after the run: new or changed files are written back */
  function uploadOutputs(job: Job): void {
    if (!opts.oss) return;
    const locals = new Set(job.mounts.map((m) => m.local));
    for (const m of job.mounts) {
      if (m.readOnly) continue;
      const others = new Set([...locals].filter((l) => l !== m.local));
      for (const rel of walk(m.local, others)) {
        const data = readFileSync(path.join(m.local, rel));
        if (m.before.get(rel) !== sha256hex(data)) {
          opts.oss.put(m.bucket, m.prefix + rel, data);
          m.before.set(rel, sha256hex(data));
        }
      }
    }
  }

  const rewriteMounts = (job: Job, text: string): string => {
    const sorted = [...job.mounts].sort((a, b) => b.mountPath.length - a.mountPath.length);
    if (!sorted.length) return text;
    const re = new RegExp(`(${sorted.map((m) => m.mountPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![A-Za-z0-9_.-])`, 'g');
    return text.replace(re, (p) => sorted.find((m) => m.mountPath === p)!.local);
  };

  function run(job: Job): void {
    setStatus(job, 'Running');
    job.gmt.Running = new Date();
    setPods(job, 'Running', 'GmtStartTime');
    job.runs++;
    if (opts.simulateRunMs !== undefined) {
      const runMs = opts.simulateRunMs;
      const go = (): void =>
        later(job, runMs, () => {
          if (job.stopping || stopped) return;
          const now = new Date();
          job.gmt.Finish = now;
          job.gmt.Successed = now;
          job.exitCode = 0;
          setPods(job, 'Succeeded', 'GmtFinishTime');
          setStatus(job, 'Succeeded');
        });
      if (opts.simulateHold && !released) holding.add(go);
      else go();
      return;
    }
    const envs = (job.request.Envs as Record<string, string> | undefined) ?? {};
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      LANG: process.env.LANG ?? 'C.UTF-8',
    };
    for (const [k, v] of Object.entries(envs)) env[k] = rewriteMounts(job, v);
    const command = rewriteMounts(job, job.request.UserCommand as string);
    const child = spawn('/bin/sh', ['-c', command], {
      cwd: path.join(job.dir!, 'work'),
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    job.proc = child;
    child.stdout!.on('data', (c: Buffer) => appendLog(job, c));
    child.stderr!.on('data', (c: Buffer) => appendLog(job, c));
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      job.proc = undefined;
      for (const t of job.timers) clearTimeout(t);
      job.timers.clear();
      job.exitCode = child.exitCode ?? (child.signalCode ? null : -1);
      try {
        uploadOutputs(job);
      } catch (e) {
        appendLog(job, `fake PAI-DLC: writing outputs back to OSS failed: ${(e as Error).message}\n`);
      }
      if (stopped) return;
      if (job.stopping) return void later(job, stepMs, () => stopDone(job));
      const now = new Date();
      job.gmt.Finish = now;
      setPods(job, job.exitCode === 0 ? 'Succeeded' : 'Failed', 'GmtFinishTime');
      if (job.exitCode === 0) {
        job.gmt.Successed = now;
        setStatus(job, 'Succeeded');
      } else {
        job.gmt.Failed = now;
        const how = job.exitCode === null ? `was killed by ${child.signalCode}` : `exited with code ${job.exitCode}`;
        setStatus(job, 'Failed', { ReasonCode: 'JobFailed', ReasonMessage: `Pod ${job.pods[0]!.PodId} (Worker) ${how}.` });
      }
    };
    child.on('exit', () => {
      // the container goes away with its main process: so do the command's leftovers
      killGroup(child, 'SIGKILL');
      const t = setTimeout(finish, 1000);
      child.once('close', () => {
        clearTimeout(t);
        finish();
      });
    });
    child.on('error', (e) => {
      appendLog(job, `fake PAI-DLC: cannot start /bin/sh: ${e.message}\n`);
      finish();
    });
  }

  const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };

  function stopDone(job: Job): void {
    const now = new Date();
    job.gmt.Stopped = now;
    job.gmt.Finish = now;
    setPods(job, 'Failed', 'GmtFinishTime');
    setStatus(job, 'Stopped', { ReasonCode: 'JobStoppedByUser', ReasonMessage: 'Job is stopped by user.' });
  }

  function stopJob(job: Job): void {
    if (TERMINAL.has(job.Status) || job.stopping) return;
    job.stopping = true;
    for (const t of job.timers) clearTimeout(t);
    job.timers.clear();
    setStatus(job, 'Stopping');
    const child = job.proc;
    if (child) {
      killGroup(child, 'SIGTERM');
      later(job, killGraceMs, () => killGroup(child, 'SIGKILL'));
    } else later(job, stepMs, () => stopDone(job));
  }

  function createJob(body: Record<string, unknown>): Job {
    const id = `dlc${randomBytes(8).toString('hex').slice(0, 13)}`;
    const now = new Date();
    const specs = body.JobSpecs as Array<Record<string, unknown>>;
    const pods: Pod[] = [];
    for (const spec of specs)
      for (let i = 0; i < (spec.PodCount as number); i++)
        pods.push({
          PodId: `${id}-${String(spec.Type).toLowerCase()}-${i}`,
          PodUid: randomUUID(),
          Type: String(spec.Type),
          Status: 'Pending',
          GmtCreateTime: iso(now),
        });
    // the command runs once, as the first Worker (PyTorch: the first Worker acts as Master when there is none)
    pods.sort((a, b) => (a.Type === 'Worker' ? 0 : 1) - (b.Type === 'Worker' ? 0 : 1));
    const job: Job = {
      JobId: id,
      seq: ++created,
      request: body,
      DisplayName: body.DisplayName as string,
      JobType: body.JobType as string,
      WorkspaceId: body.WorkspaceId as string | undefined,
      Status: 'Creating',
      history: [],
      gmt: { Create: now },
      pods,
      runs: 0,
      exitCode: undefined,
      log: [],
      logBytes: 0,
      mounts: [],
      timers: new Set(),
      stopping: false,
    };
    setStatus(job, 'Creating');
    jobs.set(id, job);
    later(job, stepMs, () => {
      setStatus(job, 'Queuing');
      job.gmt.Submitted = new Date();
      later(job, stepMs, () => {
        setStatus(job, 'EnvPreparing');
        let problem: string | undefined;
        try {
          problem = opts.simulateRunMs !== undefined ? undefined : prepare(job);
        } catch (e) {
          problem = `preparing the data sources failed: ${(e as Error).message}`;
        }
        if (problem) {
          const t = new Date();
          job.gmt.Finish = t;
          job.gmt.Failed = t;
          setPods(job, 'Failed', 'GmtFinishTime');
          violations.push(`job ${id} (${job.DisplayName}): ${problem}`);
          return setStatus(job, 'Failed', { ReasonCode: 'DataSourceMountFailed', ReasonMessage: problem });
        }
        later(job, stepMs, () => run(job));
      });
    });
    return job;
  }

  function view(job: Job): Record<string, unknown> {
    const r = job.request;
    const end = job.gmt.Finish ?? new Date();
    const t = (d: Date | undefined): string | undefined => (d ? iso(d) : undefined);
    return {
      JobId: job.JobId,
      DisplayName: job.DisplayName,
      JobType: job.JobType,
      WorkspaceId: job.WorkspaceId,
      ResourceId: r.ResourceId,
      ResourceType: 'ECS',
      Status: job.Status,
      ReasonCode: job.ReasonCode,
      ReasonMessage: job.ReasonMessage,
      StatusHistory: job.history.map((h) => ({ ...h })),
      GmtCreateTime: t(job.gmt.Create),
      GmtSubmittedTime: t(job.gmt.Submitted),
      GmtRunningTime: t(job.gmt.Running),
      GmtFinishTime: t(job.gmt.Finish),
      GmtSuccessedTime: t(job.gmt.Successed),
      GmtFailedTime: t(job.gmt.Failed),
      GmtStoppedTime: t(job.gmt.Stopped),
      Duration: job.gmt.Running ? Math.round((end.getTime() - job.gmt.Running.getTime()) / 1000) : 0,
      JobSpecs: r.JobSpecs,
      UserCommand: r.UserCommand,
      Envs: r.Envs,
      DataSources: r.DataSources,
      Priority: r.Priority ?? 1,
      JobMaxRunningTimeMinutes: r.JobMaxRunningTimeMinutes,
      Accessibility: r.Accessibility ?? 'PRIVATE',
      Pods: job.pods.map((p) => ({ ...p })),
    };
  }

  // ------------------------------------------------------------------------------------ handlers

  function handle(action: string, params: string[], q: Map<string, string | null>, body: Buffer): Record<string, unknown> {
    const getJob = (): Job => {
      const job = jobs.get(params[0]!);
      if (!job) throw E.job(params[0]!);
      return job;
    };
    switch (action) {
      case 'CreateJob': {
        let parsed: unknown;
        try {
          parsed = JSON.parse(body.toString('utf8') || 'null');
        } catch {
          throw E.invalid('The request body is not valid JSON.');
        }
        const { problems, unknownFields } = validateCreateJob(parsed, opts);
        for (const f of unknownFields)
          violations.push(`CreateJob: unknown field ${f} (not in the CreateJobRequest model; the real API ignores it)`);
        if (problems.length) {
          for (const p of problems) violations.push(`CreateJob: ${p}`);
          throw E.invalid(problems.join(' '));
        }
        const job = createJob(parsed as Record<string, unknown>);
        return { JobId: job.JobId };
      }
      case 'GetJob':
        return view(getJob());
      case 'StopJob': {
        const job = getJob();
        stopJob(job);
        return { JobId: job.JobId };
      }
      case 'DeleteJob': {
        const job = getJob();
        if (!TERMINAL.has(job.Status))
          throw E.invalid(`Job ${job.JobId} is ${job.Status}: only a finished job can be deleted; stop it first.`);
        jobs.delete(job.JobId);
        return { JobId: job.JobId };
      }
      case 'GetPodLogs': {
        const job = getJob();
        const pod = job.pods.find((p) => p.PodId === params[1]);
        if (!pod) throw new AcsError(404, 'InvalidPodId.NotFound', `The specified pod ${params[1]} does not exist in job ${job.JobId}.`);
        const max = Number(q.get('MaxLines') ?? 2000);
        const lines = pod === job.pods[0] ? Buffer.concat(job.log).toString('utf8').split('\n') : [];
        if (lines.at(-1) === '') lines.pop();
        return { JobId: job.JobId, PodId: pod.PodId, PodUid: pod.PodUid, Logs: lines.slice(-Math.max(1, max)) };
      }
      case 'ListJobs': {
        const name = q.get('DisplayName');
        const mode = q.get('DisplayNameSearchMode');
        const start = q.get('StartTime') ? Date.parse(q.get('StartTime')!) : q.get('EndTime') ? 0 : Date.now() - 7 * 86_400_000;
        const end = q.get('EndTime') ? Date.parse(q.get('EndTime')!) : Infinity;
        const ids = q.get('JobId')
          ? [q.get('JobId')!.toLowerCase()]
          : q.get('JobIds')
            ? q.get('JobIds')!.toLowerCase().split(',')
            : undefined;
        let list = [...jobs.values()].filter((j) => {
          if (hiddenFromList.has(j.JobId)) return false;
          if (name) {
            // DisplayName "supports fuzzy match and is case-insensitive" (ListJobsRequest.ts); the mode names other than
            // the default "wildcard" are not documented: "exact" is taken as an exact match
            if (mode === 'exact' ? j.DisplayName !== name : !j.DisplayName.toLowerCase().includes(name.toLowerCase())) return false;
          }
          if (q.get('WorkspaceId') && j.WorkspaceId !== q.get('WorkspaceId')) return false;
          if (q.get('Status') && j.Status !== q.get('Status')) return false;
          if (q.get('JobType') && j.JobType !== q.get('JobType')) return false;
          if (ids && !ids.includes(j.JobId.toLowerCase())) return false;
          const at = j.gmt.Create!.getTime();
          return at >= start && at <= end;
        });
        const sortBy = q.get('SortBy') ?? 'GmtCreateTime';
        const key = (j: Job): string | number =>
          sortBy === 'DisplayName'
            ? j.DisplayName
            : sortBy === 'Status'
              ? j.Status
              : sortBy === 'JobType'
                ? j.JobType
                : sortBy === 'GmtFinishTime'
                  ? (j.gmt.Finish?.getTime() ?? 0)
                  : j.gmt.Create!.getTime();
        const dir = (q.get('Order') ?? 'desc').toLowerCase() === 'asc' ? 1 : -1;
        list = list.sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : (a.seq - b.seq) * dir));
        const pageNumber = Math.max(1, Number(q.get('PageNumber') ?? 1) || 1);
        const pageSize = Math.min(
          opts.maxPageSize ?? Infinity,
          Math.max(1, Number(q.get('PageSize') ?? defaultPageSize) || defaultPageSize),
        );
        return { Jobs: list.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(view), TotalCount: list.length };
      }
    }
    throw E.api();
  }

  // ------------------------------------------------------------------------------------ server

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const requestId = acsRequestId();
    const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s);
    const rec: DlcRequestRecord = {
      method: req.method ?? '',
      path: rawPath,
      action: String(req.headers['x-acs-action'] ?? ''),
      status: 0,
      time: Date.now(),
    };
    requests.push(rec);
    const send = (status: number, obj: Record<string, unknown>, headers: Record<string, string> = {}): void => {
      rec.status = status;
      res.writeHead(status, { 'Content-Type': 'application/json;charset=utf-8', 'x-acs-request-id': requestId, ...headers });
      res.end(JSON.stringify({ ...obj, RequestId: requestId }));
    };
    const fail = (e: AcsError, violation: boolean): void => {
      rec.code = e.code;
      if (violation) violations.push(`${req.method} ${req.url} (${rec.action || '?'}): ${e.code}: ${e.message}`);
      send(
        e.status,
        {
          HostId: String(req.headers.host ?? ''),
          Code: e.code,
          Message: e.message,
          Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(e.code)}&product=pai-dlc&requestId=${requestId}`,
        },
        e.headers,
      );
    };
    readBody(req)
      .then((body) => {
        try {
          const matches = ROUTES.filter((r) => r.re.test(rawPath));
          const route = matches.find((r) => r.method === req.method);
          if (!route) throw E.api();
          rec.action = route.action;
          rec.accessKeyId = authenticate(req, rawPath, rawQuery, body);
          if (req.headers['x-acs-action'] !== route.action) throw E.api();
          if (req.headers['x-acs-version'] !== DLC_VERSION)
            throw new AcsError(
              400,
              'InvalidVersion',
              `Specified parameter Version is not valid: ${String(req.headers['x-acs-version'])} (pai-dlc is ${DLC_VERSION}).`,
            );
          if (failures.n > 0 && (!failures.match || failures.match(route.action, rawPath))) {
            failures.n--;
            const headers: Record<string, string> =
              failures.retryAfterS !== undefined ? { 'x-acs-retry-after': String(failures.retryAfterS) } : {};
            return fail(new AcsError(failures.status, failures.code, failures.message, headers), false);
          }
          const params = route.re
            .exec(rawPath)!
            .slice(1)
            .map((p) => decodeURIComponent(p));
          const q = new Map(parseQuery(rawQuery));
          send(200, handle(route.action, params, q, body));
        } catch (e) {
          if (e instanceof AcsError) return fail(e, e.code !== 'InvalidJobId.NotFound');
          fail(new AcsError(500, 'InternalError', `fake PAI-DLC: ${(e as Error).stack ?? String(e)}`), true);
        }
      })
      .catch((e: unknown) => fail(new AcsError(500, 'InternalError', String(e)), true));
  };

  const server = opts.tls ? https.createServer({ cert: testTls().cert, key: testTls().key }, onRequest) : http.createServer(onRequest);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const killAll = (): void => {
    for (const job of jobs.values()) if (job.proc) killGroup(job.proc, 'SIGKILL');
  };
  process.once('exit', killAll);

  const info = (j: Job): FakeDlcJobInfo => ({
    JobId: j.JobId,
    DisplayName: j.DisplayName,
    Status: j.Status,
    ...(j.gmt.Finish ? { finishedAt: j.gmt.Finish.getTime() } : {}),
    ReasonCode: j.ReasonCode,
    runs: j.runs,
    exitCode: j.exitCode,
    pid: j.proc?.pid,
    log: Buffer.concat(j.log).toString('utf8'),
    dir: j.dir,
  });

  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    endpoint: `127.0.0.1:${port}`,
    port,
    keyring,
    requests,
    violations,
    jobs: () => [...jobs.values()].map(info),
    job: (id) => {
      const j = jobs.get(id);
      return j ? info(j) : undefined;
    },
    failNext(n, err = {}) {
      failures = {
        n,
        status: err.status ?? 400,
        code: err.code ?? 'Throttling.User',
        message: err.message ?? 'Request was denied due to user flow control.',
        retryAfterS: err.retryAfterS,
        match: err.match,
      };
    },
    hideFromList(id, hidden = true) {
      if (hidden) hiddenFromList.add(id);
      else hiddenFromList.delete(id);
    },
    release() {
      released = true;
      for (const go of holding) go();
      holding.clear();
    },
    setClockOffset(ms) {
      clockOffset = ms;
    },
    setJobStatus(id, status, reason = {}) {
      const j = jobs.get(id);
      if (!j) throw new Error(`fake PAI-DLC: no job ${id}`);
      setStatus(j, status, reason);
    },
    async stop() {
      stopped = true;
      process.removeListener('exit', killAll);
      const waits: Promise<void>[] = [];
      for (const job of jobs.values()) {
        for (const t of job.timers) clearTimeout(t);
        job.timers.clear();
        const child = job.proc;
        if (child && child.exitCode === null && child.signalCode === null) {
          waits.push(new Promise((resolve) => child.once('exit', () => resolve())));
          killGroup(child, 'SIGKILL');
        }
      }
      await Promise.race([Promise.all(waits), new Promise((r) => setTimeout(r, 3000))]);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      for (const job of jobs.values()) if (job.dir) rmSync(job.dir, { recursive: true, force: true });
    },
  };
}
