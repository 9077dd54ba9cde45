/**
 * A fake Volcano Engine Machine Learning Platform, OpenAPI service `ml_platform`, Version
 * 2024-07-01, as `@volcengine/openapi`'s generic `Service(...).createJSONAPI(Action)` calls it:
 * `POST /?Action=<A>&Version=2024-07-01`, JSON body, `Content-Type: application/json; charset=utf-8`,
 * signed HMAC-SHA256 (`./volc.ts` verifies it the way the gateway does).
 *
 * Actions (shapes from volcengine/volcengine-go-sdk service/mlplatform20240701/api_*.go):
 * CreateJob, GetJob, StopJob, ListJobs, DeleteJob, ListJobInstances. The 2024-07-01 API has no
 * log action (no api_*log* file in the Go SDK), so a job's output is kept by the fake: `logs(id)`,
 * or `GET /_fake/jobs/<id>/log` (unsigned, not a Volcengine API). On the real platform logs go to
 * the console / log service; an adapter that needs them should tee them into its TOS output mount.
 *
 * Jobs really run: after Creating → Queueing → Deploying (each `stepMs`), every TOS storage's
 * bucket/prefix is copied from the fake TOS into `<job dir>/fs<MountPath>`; Running starts
 * `RuntimeConfig.Command` with `/bin/sh -c` in its own process group, once per replica of every
 * role, in a fresh working directory, every MountPath in the command text and in Env values replaced
 * (one pass, longest first) by its local directory; env = PATH, HOME, LANG + Envs + MLP_ROLE,
 * MLP_ROLE_INDEX, MLP_WORKER_NUM, MLP_WORKER_0_HOST, MLP_WORKER_GPU (the names the platform sets
 * per its docs, volcengine.com/docs/6459/75222 as quoted by user scripts; their exact set is [U]).
 * When all exit, new or changed files under mounts with ReadOnly false are uploaded back to their
 * prefixes (deletions are not propagated; a change under a ReadOnly mount is a `violation`), then
 * Completed (all exit 0) or Failed (Status.Message names the instance and exit code).
 * StopJob → Stopping (SIGTERM to the groups, SIGKILL after `stopGraceMs`) → Stopped, StopReason.
 * ResourceConfig.MaxRuntimeSeconds kills the job and fails it.
 *
 * [U] (not found in any source; the fake picks one and an adapter must not depend on it): the
 * required CreateJob fields beyond the Go SDK's (Name, Image.Url, Command, ResourceQueueId, Roles
 * with Replicas ≥ 1 and an InstanceTypeId or FlexibleResourceClaim, Tos storages with MountPath and
 * Bucket are enforced here), Storages[].Type "Tos", the job id form `t-<yyyymmddhhmmss>-<5 chars>`
 * (seen in user notes), the service error codes (InvalidParameter, NotFound, OperationDenied), the
 * Status.Message wording, ListJobs' default PageSize (10 here) and order (CreateTime Descend),
 * StopJob on a finished job (a no-op here), DeleteJob of a live job (OperationDenied here), DryRun
 * (validates and returns `Result: {}`). PageSize 10..100 and ProjectName 1..64 are the Go SDK's
 * client-side checks, applied here too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { constants as osConstants, tmpdir } from 'node:os';
import path from 'node:path';
import type { FakeTos } from './tos.js';
import {
  DEFAULT_VOLC_CREDENTIAL,
  gatewayError,
  headerValue,
  ML_SERVICE,
  ML_VERSION,
  sha256Hex,
  verifyVolcAuth,
  type GatewayError,
  type VolcCredential,
} from './volc.js';

export type JobState = 'Creating' | 'Waiting' | 'Queueing' | 'Deploying' | 'Running' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
export const TERMINAL_STATES: readonly JobState[] = ['Completed', 'Failed', 'Stopped'];

export interface FakeVolcMlOptions {
  /** where Tos storages are read from and written back to */
  tos?: FakeTos;
  /** default cn-beijing */
  region?: string;
  /** default [DEFAULT_VOLC_CREDENTIAL] */
  credentials?: VolcCredential[];
  /** time in each of Creating, Queueing, Deploying and Stopping (default 50 ms) */
  stepMs?: number;
  /** accepted |server time − X-Date| (default 15 min, [U]) */
  skewMs?: number;
  /** ListJobs / ListJobInstances PageSize when none is given (default 10) */
  defaultPageSize?: number;
  /** SIGTERM → SIGKILL on StopJob (default 2 s) */
  stopGraceMs?: number;
  /** the server clock (default Date.now) */
  now?: () => number;
  /** Fan-out runs: a job runs no command and mounts nothing; it is Running for this long, then Completed */
  simulateRunMs?: number;
  /** with simulateRunMs: Running jobs wait for `release()` before their run time starts */
  simulateHold?: boolean;
}

export interface MlRequestRecord {
  method: string;
  action: string;
  status: number;
  code?: string;
  /** Date.now() when it arrived */
  time: number;
  /** the body's Id (GetJob, StopJob, …) */
  id?: string;
}

export interface MlFailSpec {
  status: 429 | 500 | 503;
  code?: string;
  retryAfterS?: number;
  /** only a request this returns true for is failed (checked once the body is read); others pass */
  match?: (action: string, body: Record<string, unknown>) => boolean;
}

export interface FakeInstance {
  id: string;
  role: string;
  index: number;
  pid?: number;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  workdir: string;
  log: string;
  startTime?: string;
  endTime?: string;
}

export interface FakeMount {
  mountPath: string;
  localDir: string;
  bucket: string;
  prefix: string;
  readOnly: boolean;
}

export interface FakeJobSummary {
  Id: string;
  Name: string;
  State: JobState;
  /** processes started (replicas of all roles) */
  runs: number;
  /** 0 when all exited 0, else the first non-zero code (128+n for a signal), null before the end */
  exitCode: number | null;
  pids: number[];
}

export interface FakeJob extends FakeJobSummary {
  body: Record<string, unknown>;
  dir: string;
  mounts: FakeMount[];
  instances: FakeInstance[];
  message?: string;
  stopReason?: string;
  deleted: boolean;
}

export interface ServiceOptionsForFake {
  serviceName: string;
  defaultVersion: string;
  region: string;
  host: string;
  protocol: 'http:';
  accessKeyId: string;
  secretKey: string;
  sessionToken?: string;
}

export interface FakeVolcMl {
  /** http://127.0.0.1:<port> */
  url: string;
  /** 127.0.0.1:<port>, what Service takes as `host` */
  host: string;
  port: number;
  region: string;
  credential: VolcCredential;
  /** options for `new Service(...)` from @volcengine/openapi against this fake */
  serviceOptions(credential?: VolcCredential): ServiceOptionsForFake;
  requests: MlRequestRecord[];
  /** what a real platform would reject or treat differently, with the reason */
  violations: string[];
  jobs(): FakeJobSummary[];
  job(id: string): FakeJob | undefined;
  /** stdout+stderr of every instance (prefixed `[role-i]` when there are several) */
  logs(id: string): string;
  /** the next n requests answer this error in the envelope (after the Action/Version check) */
  failNext(n: number, spec: MlFailSpec): void;
  /** ListJobs leaves this job out (an index lagging behind) */
  hideFromList(id: string, hidden?: boolean): void;
  /** simulateHold: every job's run time starts now (or when it reaches Running, if later) */
  release(): void;
  /** when a job ended (Date.now()), once it has */
  endedAt(id: string): number | undefined;
  stop(): Promise<void>;
}

// ------------------------------------------------------------------------------------ validation

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const ACTIONS = ['CreateJob', 'GetJob', 'StopJob', 'ListJobs', 'DeleteJob', 'ListJobInstances'] as const;
type Action = (typeof ACTIONS)[number];

/** field → type, per struct of volcengine-go-sdk service/mlplatform20240701 (the input structs) */
type FieldType = 'string' | 'int' | 'number' | 'bool' | 'string[]' | { obj: string } | { list: string };
const STRUCTS: Record<string, Record<string, FieldType>> = {
  CreateJob: {
    Name: 'string',
    Description: 'string',
    ProjectName: 'string',
    DryRun: 'bool',
    RuntimeConfig: { obj: 'RuntimeConfig' },
    ResourceConfig: { obj: 'ResourceConfig' },
    StorageConfig: { obj: 'StorageConfig' },
    RetryConfig: { obj: 'RetryConfig' },
    DiagnoseConfig: { list: 'DiagnoseConfig' },
    ObservableConfig: { obj: 'Any' },
  },
  RuntimeConfig: {
    AdvanceArgs: 'string',
    Code: { obj: 'Code' },
    Command: 'string',
    EnablePostCommand: 'bool',
    EnablePreCommand: 'bool',
    Envs: { list: 'Env' },
    Framework: 'string',
    Image: { obj: 'Image' },
    PreCommandFailedContinue: 'bool',
  },
  Code: { LocalPath: 'string', MountPath: 'string', SavedPath: 'string' },
  Image: { Url: 'string', Type: 'string', Credential: { obj: 'ImageCredential' } },
  ImageCredential: { RegistryUsername: 'string', RegistryToken: 'string' },
  Env: { Name: 'string', Value: 'string', IsPrivate: 'bool' },
  ResourceConfig: {
    HoldingTimeSeconds: 'int',
    MaxRuntimeSeconds: 'int',
    NumaAffinity: 'string',
    OnlyUseSuspectedNode: 'bool',
    Preemptible: 'bool',
    Priority: 'int',
    ResourceQueueId: 'string',
    ResourceReservation: 'bool',
    ResourceReservationPlanId: 'string',
    Roles: { list: 'Role' },
  },
  Role: { Name: 'string', NodeAffinitySpec: { obj: 'Any' }, Replicas: 'int', Resource: { obj: 'Resource' } },
  Resource: { FlexibleResourceClaim: { obj: 'FlexibleResourceClaim' }, InstanceTypeId: 'string', Type: 'string', ZoneId: 'string' },
  FlexibleResourceClaim: {
    Cpu: 'number',
    Family: 'string',
    GpuCount: 'number',
    GpuType: 'string',
    MemoryGiB: 'number',
    RdmaEniCount: 'int',
  },
  StorageConfig: { Credential: { obj: 'Any' }, SidecarMemoryRatio: 'number', Storages: { list: 'Storage' } },
  Storage: { Config: { obj: 'StorageTypeConfig' }, MountPath: 'string', ReadOnly: 'bool', Type: 'string' },
  StorageTypeConfig: {
    Cfs: { obj: 'Any' },
    Efs: { obj: 'Any' },
    EfsAP: { obj: 'Any' },
    Nas: { obj: 'Any' },
    NasAP: { obj: 'Any' },
    Sfcs: { obj: 'Any' },
    Tos: { obj: 'Tos' },
    TosAP: { obj: 'Any' },
    Vepfs: { obj: 'Any' },
    VepfsAP: { obj: 'Any' },
  },
  Tos: { Bucket: 'string', Prefix: 'string' },
  RetryConfig: { IntervalSeconds: 'int', MaxRetryTimes: 'int', Triggers: 'string[]' },
  DiagnoseConfig: {
    DetectionIntervalSeconds: 'int',
    EnableInformationCollectionOnHang: 'bool',
    FirstDetectionWaitSeconds: 'int',
    Name: 'string',
    Triggers: 'string[]',
  },
  GetJob: { Id: 'string' },
  DeleteJob: { Id: 'string' },
  StopJob: { Id: 'string', Reason: 'string', DryRun: 'bool', DiagnoseNames: 'string[]' },
  ListJobs: {
    CreateTimeAfter: 'string',
    CreateTimeBefore: 'string',
    DiagnoseState: 'string',
    NameContains: 'string',
    PageNumber: 'int',
    PageSize: 'int',
    Priority: 'int',
    ProjectName: 'string',
    ResourceGroupId: 'string',
    ResourceQueueId: 'string',
    ResourceReservationPlanId: 'string',
    SortBy: 'string',
    SortOrder: 'string',
    State: 'string',
    UpdateTimeAfter: 'string',
    UpdateTimeBefore: 'string',
  },
  ListJobInstances: {
    InstanceIds: 'string[]',
    JobId: 'string',
    PageNumber: 'int',
    PageSize: 'int',
    SortBy: 'string',
    SortOrder: 'string',
    State: 'string',
  },
};

/** unknown fields and wrong JSON types, the way a Go JSON decoder into these structs would fail */
function checkTypes(value: unknown, struct: string, at: string, problems: string[]): void {
  if (struct === 'Any') return;
  if (!isObj(value)) {
    problems.push(`${at || '$'}: expected an object, got ${JSON.stringify(value)}`);
    return;
  }
  const fields = STRUCTS[struct]!;
  for (const [k, v] of Object.entries(value)) {
    const p = at ? `${at}.${k}` : k;
    const t = fields[k];
    if (!t) {
      problems.push(`${p}: unknown field (known: ${Object.keys(fields).join(', ')})`);
      continue;
    }
    if (v === null) continue;
    if (t === 'string' && typeof v !== 'string') problems.push(`${p}: expected a string, got ${JSON.stringify(v)}`);
    else if (t === 'int' && !Number.isInteger(v)) problems.push(`${p}: expected an integer, got ${JSON.stringify(v)}`);
    else if (t === 'number' && typeof v !== 'number') problems.push(`${p}: expected a number, got ${JSON.stringify(v)}`);
    else if (t === 'bool' && typeof v !== 'boolean') problems.push(`${p}: expected true or false, got ${JSON.stringify(v)}`);
    else if (t === 'string[]' && !(Array.isArray(v) && v.every((x) => typeof x === 'string')))
      problems.push(`${p}: expected an array of strings, got ${JSON.stringify(v)}`);
    else if (typeof t === 'object' && 'obj' in t) checkTypes(v, t.obj, p, problems);
    else if (typeof t === 'object' && 'list' in t) {
      if (!Array.isArray(v)) problems.push(`${p}: expected an array, got ${JSON.stringify(v)}`);
      else v.forEach((item, i) => checkTypes(item, t.list, `${p}[${i}]`, problems));
    }
  }
}

const FRAMEWORKS = ['PyTorch', 'MPI', 'Ray', 'TensorFlow', 'Custom'];
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

function validateCreateJob(b: Json): string[] {
  const problems: string[] = [];
  checkTypes(b, 'CreateJob', '', problems);
  if (problems.length) return problems;
  if (!nonEmpty(b.Name)) problems.push('Name: required, a non-empty string');
  if (b.ProjectName !== undefined && (typeof b.ProjectName !== 'string' || b.ProjectName.length < 1 || b.ProjectName.length > 64)) {
    problems.push('ProjectName: 1 to 64 characters');
  }
  const rt = (b.RuntimeConfig ?? {}) as Json;
  if (!isObj(b.RuntimeConfig)) problems.push('RuntimeConfig: required');
  if (!nonEmpty((rt.Image as Json | undefined)?.Url)) problems.push('RuntimeConfig.Image.Url: required, the image to run');
  if (!nonEmpty(rt.Command)) problems.push('RuntimeConfig.Command: required, the command the job runs');
  if (rt.Framework !== undefined && !FRAMEWORKS.includes(rt.Framework as string))
    problems.push(`RuntimeConfig.Framework: one of ${FRAMEWORKS.join(', ')}, got ${JSON.stringify(rt.Framework)}`);
  const seenEnv = new Set<string>();
  ((rt.Envs ?? []) as Json[]).forEach((e, i) => {
    if (!nonEmpty(e.Name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(e.Name))
      problems.push(`RuntimeConfig.Envs[${i}].Name: a variable name, got ${JSON.stringify(e.Name)}`);
    else if (seenEnv.has(e.Name)) problems.push(`RuntimeConfig.Envs[${i}].Name: ${e.Name} is given twice`);
    else seenEnv.add(e.Name);
    if (typeof e.Value !== 'string') problems.push(`RuntimeConfig.Envs[${i}].Value: required, a string (Envs is [{Name, Value}])`);
  });
  const rc = (b.ResourceConfig ?? {}) as Json;
  if (!isObj(b.ResourceConfig)) problems.push('ResourceConfig: required');
  if (!nonEmpty(rc.ResourceQueueId)) problems.push('ResourceConfig.ResourceQueueId: required, the queue (q-…) to run in');
  if (rc.MaxRuntimeSeconds !== undefined && (rc.MaxRuntimeSeconds as number) <= 0)
    problems.push('ResourceConfig.MaxRuntimeSeconds: a positive number of seconds');
  const roles = (rc.Roles ?? []) as Json[];
  if (!roles.length) problems.push('ResourceConfig.Roles: required, at least one role');
  roles.forEach((r, i) => {
    if (!Number.isInteger(r.Replicas) || (r.Replicas as number) < 1)
      problems.push(`ResourceConfig.Roles[${i}].Replicas: an integer ≥ 1, got ${JSON.stringify(r.Replicas)}`);
    const res = r.Resource as Json | undefined;
    if (!nonEmpty(res?.InstanceTypeId) && !isObj(res?.FlexibleResourceClaim)) {
      problems.push(`ResourceConfig.Roles[${i}].Resource.InstanceTypeId: required (or a FlexibleResourceClaim), e.g. "ml.g1e.large"`);
    }
  });
  const mounts = new Set<string>();
  (((b.StorageConfig as Json | undefined)?.Storages ?? []) as Json[]).forEach((s, i) => {
    const p = `StorageConfig.Storages[${i}]`;
    if (s.Type !== 'Tos') problems.push(`${p}.Type: the fake supports "Tos" storages only, got ${JSON.stringify(s.Type)}`);
    const mp = s.MountPath;
    if (!nonEmpty(mp) || !mp.startsWith('/') || mp === '/' || mp.split('/').some((seg) => seg === '..' || seg === '.')) {
      problems.push(`${p}.MountPath: an absolute path other than /, without . or .., got ${JSON.stringify(mp)}`);
    } else {
      const norm = mp.replace(/\/+$/, '');
      if (mounts.has(norm)) problems.push(`${p}.MountPath: ${mp} is mounted twice`);
      mounts.add(norm);
    }
    const tos = ((s.Config as Json | undefined)?.Tos ?? undefined) as Json | undefined;
    if (s.Type === 'Tos' && !nonEmpty(tos?.Bucket))
      problems.push(`${p}.Config.Tos.Bucket: required for a Tos storage (Config: {Tos: {Bucket, Prefix}})`);
    if (tos?.Prefix !== undefined && typeof tos.Prefix !== 'string') problems.push(`${p}.Config.Tos.Prefix: a string`);
  });
  return problems;
}

// ------------------------------------------------------------------------------------ the fake

interface JobRec {
  id: string;
  /** creation order (CreateTime has whole seconds) */
  seq: number;
  body: Json;
  state: JobState;
  createTime: string;
  updateTime: string;
  startTime?: string;
  endTime?: string;
  message?: string;
  secondaryState?: string;
  stopReason?: string;
  deleted: boolean;
  dir: string;
  mounts: FakeMount[];
  instances: FakeInstance[];
  children: Map<string, ChildProcess>;
  log: string;
  stopRequested: boolean;
  wake: () => void;
  snapshots: Map<string, Map<string, string>>;
  exitCode: number | null;
}

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const stamp = (ms: number): string => iso(ms).replace(/[-:TZ]/g, '');
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const randomAlnum = (n: number): string => [...randomBytes(n)].map((b) => ALNUM[b % ALNUM.length]).join('');

/** every file under dir (relative, / separated), skipping directories that are other mounts' roots */
function walk(dir: string, skip: Set<string>, rel = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (skip.has(full)) continue;
    const st = lstatSync(full);
    if (st.isDirectory()) out.push(...walk(full, skip, `${rel}${name}/`));
    else if (st.isFile()) out.push(`${rel}${name}`);
  }
  return out;
}

export async function startFakeVolcMl(opts: FakeVolcMlOptions = {}): Promise<FakeVolcMl> {
  const region = opts.region ?? 'cn-beijing';
  const credentials = opts.credentials?.length ? opts.credentials : [DEFAULT_VOLC_CREDENTIAL];
  const stepMs = opts.stepMs ?? 50;
  const skewMs = opts.skewMs ?? 15 * 60_000;
  const defaultPageSize = opts.defaultPageSize ?? 10;
  const stopGraceMs = opts.stopGraceMs ?? 2_000;
  const now = opts.now ?? Date.now;
  const tos = opts.tos;
  const root = mkdtempSync(path.join(tmpdir(), 'evalgate-fake-volc-'));
  const jobs = new Map<string, JobRec>();
  const requests: MlRequestRecord[] = [];
  const violations: string[] = [];
  const failures: MlFailSpec[] = [];
  const matched: MlFailSpec[] = [];
  const hiddenFromList = new Set<string>();
  const ended = new Map<string, number>();
  let released = false;
  const holding = new Set<() => void>();
  const running = new Set<Promise<void>>();

  const killGroup = (child: ChildProcess, signal: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is gone already
    }
  };
  const killAll = (): void => {
    for (const j of jobs.values()) for (const c of j.children.values()) killGroup(c, 'SIGKILL');
  };
  process.once('exit', killAll);

  const setState = (j: JobRec, state: JobState): void => {
    j.state = state;
    j.updateTime = iso(now());
  };

  /** waits ms, or less when StopJob wakes the job */
  const sleep = (j: JobRec, ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (j.stopRequested) return resolve();
      const done = (): void => {
        clearTimeout(t);
        j.wake = () => undefined;
        resolve();
      };
      const t = setTimeout(done, ms);
      j.wake = done;
    });

  // ------------------------------------------------------------------------------ running a job

  const localMountDir = (j: JobRec, mountPath: string): string => path.join(j.dir, 'fs', mountPath.replace(/\/+$/, ''));

  const download = (j: JobRec): string | null => {
    for (const m of j.mounts) {
      mkdirSync(m.localDir, { recursive: true });
      if (!tos) return `mount ${m.mountPath}: the fake platform was started without a fake TOS`;
      if (!tos.hasBucket(m.bucket)) return `mount ${m.mountPath}: TOS bucket ${m.bucket} does not exist`;
      const snap = new Map<string, string>();
      for (const key of tos.keys(m.bucket, m.prefix)) {
        const rel = key.slice(m.prefix.length);
        if (!rel || rel.endsWith('/')) continue; // directory markers
        const target = path.join(m.localDir, rel);
        if (!target.startsWith(m.localDir + path.sep)) continue;
        try {
          mkdirSync(path.dirname(target), { recursive: true });
          const data = tos.get(m.bucket, key)!;
          writeFileSync(target, data);
          snap.set(rel, sha256Hex(data));
        } catch (e) {
          violations.push(`${j.id}: TOS object ${m.bucket}/${key} cannot be a file at ${m.mountPath}/${rel} (${(e as Error).message})`);
        }
      }
      j.snapshots.set(m.mountPath, snap);
    }
    return null;
  };

  const upload = (j: JobRec): void => {
    const roots = new Set(j.mounts.map((m) => m.localDir));
    for (const m of j.mounts) {
      const snap = j.snapshots.get(m.mountPath) ?? new Map<string, string>();
      const skip = new Set([...roots].filter((r) => r !== m.localDir));
      for (const rel of walk(m.localDir, skip)) {
        const data = readFileSync(path.join(m.localDir, rel));
        if (snap.get(rel) === sha256Hex(data)) continue;
        if (m.readOnly) {
          violations.push(
            `${j.id}: wrote ${m.mountPath}/${rel} under a ReadOnly mount; the real mount would refuse it (the fake does not upload it)`,
          );
          continue;
        }
        if (tos?.hasBucket(m.bucket)) tos.put(m.bucket, m.prefix + rel, data);
      }
    }
  };

  const substitute = (j: JobRec, text: string): string => {
    const mounts = [...j.mounts].sort((a, b) => b.mountPath.length - a.mountPath.length);
    if (!mounts.length) return text;
    const re = new RegExp(mounts.map((m) => m.mountPath.replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
    const byPath = new Map(mounts.map((m) => [m.mountPath.replace(/\/+$/, ''), m.localDir]));
    return text.replace(re, (p) => byPath.get(p)!);
  };

  const runInstances = (j: JobRec): Promise<void> => {
    const rt = j.body.RuntimeConfig as Json;
    const command = substitute(j, rt.Command as string);
    const envs: Record<string, string> = {};
    for (const e of (rt.Envs ?? []) as Json[]) envs[e.Name as string] = substitute(j, e.Value as string);
    const roles = ((j.body.ResourceConfig as Json).Roles ?? []) as Json[];
    const multi = roles.reduce((n, r) => n + (r.Replicas as number), 0) > 1;
    const exits: Promise<void>[] = [];
    for (const role of roles) {
      const roleName = (role.Name as string | undefined) ?? 'worker';
      for (let i = 0; i < (role.Replicas as number); i++) {
        const inst: FakeInstance = {
          id: `${j.id}-${roleName}-${i}`,
          role: roleName,
          index: i,
          exitCode: null,
          signal: null,
          workdir: mkdtempSync(path.join(j.dir, `work-${roleName}-${i}-`)),
          log: '',
          startTime: iso(now()),
        };
        j.instances.push(inst);
        const env: Record<string, string> = {
          PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
          HOME: process.env.HOME ?? inst.workdir,
          LANG: process.env.LANG ?? 'C.UTF-8',
          ...envs,
          MLP_ROLE: roleName,
          MLP_ROLE_INDEX: String(i),
          MLP_WORKER_NUM: String(role.Replicas),
          MLP_WORKER_0_HOST: '127.0.0.1',
          MLP_WORKER_GPU: '0',
        };
        const child = spawn('/bin/sh', ['-c', command], { cwd: inst.workdir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        inst.pid = child.pid;
        j.children.set(inst.id, child);
        const keep = (b: Buffer): void => {
          const s = b.toString('utf8');
          inst.log += s;
          j.log += multi ? s.replace(/^(?=.)/gm, `[${roleName}-${i}] `) : s;
        };
        child.stdout!.on('data', keep);
        child.stderr!.on('data', keep);
        exits.push(
          new Promise<void>((resolve) => {
            child.once('error', (e) => {
              keep(Buffer.from(`fake platform: cannot start /bin/sh: ${e.message}\n`));
              inst.exitCode = 127;
              resolve();
            });
            child.once('close', (code, signal) => {
              inst.exitCode = code ?? 128 + (signal ? (osConstants.signals[signal] ?? 1) : 1);
              inst.signal = signal;
              inst.endTime = iso(now());
              j.children.delete(inst.id);
              resolve();
            });
          }),
        );
      }
    }
    return Promise.all(exits).then(() => undefined);
  };

  const finish = (j: JobRec, state: JobState, message?: string): void => {
    j.endTime = iso(now());
    ended.set(j.id, Date.now());
    if (message !== undefined) j.message = message;
    setState(j, state);
  };

  const stopInstances = (j: JobRec): void => {
    for (const c of j.children.values()) killGroup(c, 'SIGTERM');
    const t = setTimeout(() => {
      for (const c of j.children.values()) killGroup(c, 'SIGKILL');
    }, stopGraceMs);
    t.unref();
  };

  const lifecycle = async (j: JobRec): Promise<void> => {
    const stopped = async (): Promise<void> => {
      await new Promise((r) => setTimeout(r, stepMs));
      finish(j, 'Stopped');
    };
    await sleep(j, stepMs);
    if (j.stopRequested) return stopped();
    setState(j, 'Queueing');
    await sleep(j, stepMs);
    if (j.stopRequested) return stopped();
    setState(j, 'Deploying');
    const problem = opts.simulateRunMs !== undefined ? undefined : download(j);
    await sleep(j, stepMs);
    if (j.stopRequested) return stopped();
    if (problem) return finish(j, 'Failed', problem);
    setState(j, 'Running');
    j.startTime = iso(now());
    if (opts.simulateRunMs !== undefined) {
      if (opts.simulateHold && !released) await new Promise<void>((r) => holding.add(r));
      await sleep(j, opts.simulateRunMs);
      if (j.stopRequested) return stopped();
      j.exitCode = 0;
      return finish(j, 'Completed');
    }
    let timedOut = false;
    const maxRuntime = (j.body.ResourceConfig as Json).MaxRuntimeSeconds as number | undefined;
    const timer = maxRuntime
      ? setTimeout(() => {
          timedOut = true;
          stopInstances(j);
        }, maxRuntime * 1000)
      : undefined;
    await runInstances(j);
    if (timer) clearTimeout(timer);
    upload(j);
    const bad = j.instances.find((i) => i.exitCode !== 0);
    j.exitCode = bad ? bad.exitCode : 0;
    if (j.stopRequested) return stopped();
    if (timedOut) return finish(j, 'Failed', `the job ran longer than ResourceConfig.MaxRuntimeSeconds (${maxRuntime} s) and was killed`);
    if (bad)
      return finish(
        j,
        'Failed',
        `instance ${bad.role}-${bad.index} exited with code ${bad.exitCode}${bad.signal ? ` (${bad.signal})` : ''}`,
      );
    finish(j, 'Completed');
  };

  // --------------------------------------------------------------------------------- the actions

  class ApiError extends Error {
    constructor(
      readonly status: number,
      readonly code: string,
      message: string,
    ) {
      super(message);
    }
  }
  const invalid = (problems: string[], action: string): ApiError => {
    for (const p of problems) violations.push(`${action}: ${p}`);
    return new ApiError(400, 'InvalidParameter', `${action}: ${problems.join('; ')}`);
  };
  const findJob = (id: unknown): JobRec => {
    if (!nonEmpty(id)) throw new ApiError(400, 'MissingParameter', 'The request is missing Id parameter.');
    const j = jobs.get(id);
    if (!j || j.deleted) throw new ApiError(404, 'NotFound', `The job ${id} does not exist.`);
    return j;
  };

  const statusOf = (j: JobRec): Json => ({
    State: j.state,
    ...(j.secondaryState ? { SecondaryState: j.secondaryState } : {}),
    ...(j.message !== undefined ? { Message: j.message } : {}),
    ...(j.startTime ? { StartTime: j.startTime } : {}),
    ...(j.endTime ? { EndTime: j.endTime } : {}),
    RetriedTimes: 0,
  });
  const jobView = (j: JobRec, full: boolean): Json => {
    const b = j.body;
    const common: Json = {
      Id: j.id,
      Name: b.Name,
      Description: b.Description ?? '',
      ProjectName: b.ProjectName ?? 'default',
      CreatedBy: '2100000000',
      CreateTime: j.createTime,
      UpdateTime: j.updateTime,
      InitialId: j.id,
      LatestRetriedId: j.id,
      StopReason: j.stopReason ?? '',
      ResourceConfig: b.ResourceConfig,
      Status: statusOf(j),
    };
    return full
      ? {
          ...common,
          RuntimeConfig: b.RuntimeConfig,
          StorageConfig: b.StorageConfig ?? { Storages: [] },
          ...(b.RetryConfig ? { RetryConfig: b.RetryConfig } : {}),
          ...(b.DiagnoseConfig ? { DiagnoseConfig: b.DiagnoseConfig } : {}),
        }
      : common;
  };

  const page = (body: Json, action: string, items: Json[]): Json => {
    const problems: string[] = [];
    const size = (body.PageSize as number | undefined) ?? defaultPageSize;
    const number = (body.PageNumber as number | undefined) ?? 1;
    if (body.PageSize !== undefined && (size < 10 || size > 100)) problems.push(`PageSize: 10 to 100, got ${size}`);
    if (number < 1) problems.push(`PageNumber: ≥ 1, got ${number}`);
    if (body.SortOrder !== undefined && !['Ascend', 'Descend'].includes(body.SortOrder as string))
      problems.push(`SortOrder: Ascend or Descend, got ${JSON.stringify(body.SortOrder)}`);
    if (body.SortBy !== undefined && body.SortBy !== 'CreateTime') problems.push(`SortBy: CreateTime, got ${JSON.stringify(body.SortBy)}`);
    if (problems.length) throw invalid(problems, action);
    return { Items: items.slice((number - 1) * size, number * size), PageNumber: number, PageSize: size, TotalCount: items.length };
  };

  const sorted = (list: JobRec[], order: unknown): JobRec[] => {
    const asc = [...list].sort((a, b) => a.seq - b.seq);
    return order === 'Ascend' ? asc : asc.reverse();
  };

  const actions: Record<Action, (body: Json) => Json> = {
    CreateJob: (body) => {
      const problems = validateCreateJob(body);
      if (problems.length) throw invalid(problems, 'CreateJob');
      if (body.DryRun === true) return {};
      const t = now();
      let id: string;
      do id = `t-${stamp(t)}-${randomAlnum(5)}`;
      while (jobs.has(id));
      const dir = mkdtempSync(path.join(root, `${id}-`));
      const j: JobRec = {
        id,
        seq: jobs.size,
        body: structuredClone(body),
        state: 'Creating',
        createTime: iso(t),
        updateTime: iso(t),
        deleted: false,
        dir,
        mounts: [],
        instances: [],
        children: new Map(),
        log: '',
        stopRequested: false,
        wake: () => undefined,
        snapshots: new Map(),
        exitCode: null,
      };
      for (const s of ((body.StorageConfig as Json | undefined)?.Storages ?? []) as Json[]) {
        const cfg = (s.Config as Json).Tos as Json;
        let prefix = ((cfg.Prefix as string | undefined) ?? '').replace(/^\/+/, '');
        if (prefix && !prefix.endsWith('/')) prefix += '/';
        j.mounts.push({
          mountPath: s.MountPath as string,
          localDir: '',
          bucket: cfg.Bucket as string,
          prefix,
          readOnly: s.ReadOnly === true,
        });
      }
      for (const m of j.mounts) m.localDir = localMountDir(j, m.mountPath);
      jobs.set(id, j);
      const p = lifecycle(j).catch((e: unknown) => finish(j, 'Failed', `fake platform error: ${(e as Error).message}`));
      running.add(p);
      void p.finally(() => running.delete(p));
      return { Id: id };
    },
    GetJob: (body) => jobView(findJob(body.Id), true),
    StopJob: (body) => {
      const j = findJob(body.Id);
      if (body.DryRun === true || TERMINAL_STATES.includes(j.state) || j.state === 'Stopping') return { Id: j.id };
      j.stopRequested = true;
      j.stopReason = (body.Reason as string | undefined) ?? '';
      setState(j, 'Stopping');
      stopInstances(j);
      j.wake();
      return { Id: j.id };
    },
    DeleteJob: (body) => {
      const j = findJob(body.Id);
      if (!TERMINAL_STATES.includes(j.state))
        throw new ApiError(400, 'OperationDenied', `The job ${j.id} is ${j.state}: stop it before deleting it.`);
      j.deleted = true;
      return { Id: j.id };
    },
    ListJobs: (body) => {
      const problems: string[] = [];
      if (body.ProjectName !== undefined && ((body.ProjectName as string).length < 1 || (body.ProjectName as string).length > 64))
        problems.push('ProjectName: 1 to 64 characters');
      if (
        body.State !== undefined &&
        !['Creating', 'Waiting', 'Queueing', 'Deploying', 'Running', 'Completed', 'Failed', 'Stopping', 'Stopped'].includes(
          body.State as string,
        )
      ) {
        problems.push(`State: a job state, got ${JSON.stringify(body.State)}`);
      }
      if (problems.length) throw invalid(problems, 'ListJobs');
      const list = [...jobs.values()].filter(
        (j) =>
          !j.deleted &&
          !hiddenFromList.has(j.id) &&
          (body.NameContains === undefined || (j.body.Name as string).includes(body.NameContains as string)) &&
          (body.ProjectName === undefined || (j.body.ProjectName ?? 'default') === body.ProjectName) &&
          (body.State === undefined || j.state === body.State) &&
          (body.ResourceQueueId === undefined || (j.body.ResourceConfig as Json).ResourceQueueId === body.ResourceQueueId) &&
          (body.CreateTimeAfter === undefined || j.createTime > (body.CreateTimeAfter as string)) &&
          (body.CreateTimeBefore === undefined || j.createTime < (body.CreateTimeBefore as string)),
      );
      return page(
        body,
        'ListJobs',
        sorted(list, body.SortOrder).map((j) => jobView(j, false)),
      );
    },
    ListJobInstances: (body) => {
      if (!nonEmpty(body.JobId)) throw new ApiError(400, 'MissingParameter', 'The request is missing JobId parameter.');
      const j = findJob(body.JobId);
      const items = j.instances
        .filter((i) => !body.InstanceIds || (body.InstanceIds as string[]).includes(i.id))
        .map((i) => {
          const state =
            i.exitCode === null
              ? j.state === 'Stopping'
                ? 'Stopping'
                : 'Running'
              : j.stopRequested
                ? 'Stopped'
                : i.exitCode === 0
                  ? 'Completed'
                  : 'Failed';
          return {
            Id: i.id,
            Name: `${i.role}-${i.index}`,
            Index: String(i.index),
            CreateTime: i.startTime,
            UpdateTime: i.endTime ?? i.startTime,
            Status: {
              State: state,
              ...(i.exitCode !== null ? { ExitCode: i.exitCode } : {}),
              StartTime: i.startTime,
              ...(i.endTime ? { EndTime: i.endTime } : {}),
            },
          };
        })
        .filter((i) => body.State === undefined || i.Status.State === body.State);
      return page(body, 'ListJobInstances', items);
    },
  };

  // ------------------------------------------------------------------------------------ transport

  const readBody = (req: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const requestId = (): string => `${stamp(now())}${randomBytes(9).toString('hex').toUpperCase()}`;

  const send = (res: ServerResponse, status: number, payload: unknown): void => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(payload));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const u = new URL(req.url ?? '/', 'http://fake');
    const logMatch = /^\/_fake\/jobs\/([^/]+)\/log$/.exec(u.pathname);
    if (req.method === 'GET' && logMatch) {
      const j = jobs.get(decodeURIComponent(logMatch[1]!));
      res.statusCode = j ? 200 : 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      return void res.end(j ? j.log : 'no such job\n');
    }
    const arrived = Date.now();
    let bodyId: string | undefined;
    const action = u.searchParams.get('Action') ?? '';
    const version = u.searchParams.get('Version') ?? '';
    const meta = { RequestId: requestId(), Action: action, Version: version, Service: ML_SERVICE, Region: region };
    const fail = (e: GatewayError | ApiError): void => {
      const [status, code, codeN] = e instanceof ApiError ? [e.status, e.code, 0] : [e.status, e.code, e.codeN];
      requests.push({ method: req.method ?? '', action, status, code, time: arrived, ...(bodyId ? { id: bodyId } : {}) });
      send(res, status, { ResponseMetadata: { ...meta, Error: { CodeN: codeN, Code: code, Message: e.message } } });
    };

    if (!action || !version)
      return fail(gatewayError('MissingParameter', `The request is missing ${action ? 'Version' : 'Action'} parameter.`));
    const failure = failures.shift();
    if (failure) {
      const code =
        failure.code ?? ({ 429: 'FlowLimitExceeded', 500: 'InternalServiceError', 503: 'ServiceUnavailableTemp' } as const)[failure.status];
      if (failure.retryAfterS !== undefined) res.setHeader('Retry-After', String(failure.retryAfterS));
      const e = gatewayError(
        code,
        failure.status === 429 ? 'Request was denied due to flow limit exceeded.' : 'Injected failure (failNext).',
      );
      return fail({ ...e, status: failure.status });
    }
    const auth = verifyVolcAuth(
      { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body },
      { credentials, region, service: ML_SERVICE, skewMs, now },
      () =>
        version !== ML_VERSION || !(ACTIONS as readonly string[]).includes(action)
          ? gatewayError('InvalidActionOrVersion', `Could not find operation ${action} for version ${version}.`)
          : null,
    );
    if ('code' in auth) return fail(auth);
    if (req.method !== 'POST') return fail(gatewayError('MethodNotAllowed', `${action} takes POST with a JSON body, not ${req.method}.`));
    const ct = headerValue(req.headers, 'content-type') ?? '';
    if (!/^application\/json\b/i.test(ct))
      return fail(
        new ApiError(400, 'InvalidParameter', `The body must be JSON (Content-Type: application/json), got ${JSON.stringify(ct)}.`),
      );
    let parsed: unknown;
    try {
      parsed = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (e) {
      return fail(new ApiError(400, 'InvalidParameter', `The body is not JSON: ${(e as Error).message}`));
    }
    try {
      if (!isObj(parsed)) throw new ApiError(400, 'InvalidParameter', 'The body must be a JSON object.');
      if (typeof parsed.Id === 'string') bodyId = parsed.Id;
      const hit = matched.findIndex((f) => f.match!(action, parsed as Record<string, unknown>));
      if (hit >= 0) {
        const [f] = matched.splice(hit, 1);
        if (f!.retryAfterS !== undefined) res.setHeader('Retry-After', String(f!.retryAfterS));
        const e = gatewayError(f!.code ?? 'FlowLimitExceeded', 'Request was denied due to flow limit exceeded.');
        return fail({ ...e, status: f!.status });
      }
      if (action !== 'CreateJob') {
        const problems: string[] = [];
        checkTypes(parsed, action, '', problems);
        if (problems.length) throw invalid(problems, action);
      }
      const result = actions[action as Action](parsed);
      requests.push({ method: req.method ?? '', action, status: 200, time: arrived, ...(bodyId ? { id: bodyId } : {}) });
      send(res, 200, { ResponseMetadata: meta, Result: result });
    } catch (e) {
      if (e instanceof ApiError) return fail(e);
      return fail(new ApiError(500, 'InternalServiceError', `fake ml_platform: ${(e as Error).stack ?? String(e)}`));
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, { ResponseMetadata: { Error: { Code: 'InternalServiceError', Message: String(e) } } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const host = `127.0.0.1:${port}`;

  const summary = (j: JobRec): FakeJobSummary => ({
    Id: j.id,
    Name: j.body.Name as string,
    State: j.state,
    runs: j.instances.length,
    exitCode: j.exitCode,
    pids: j.instances.flatMap((i) => (i.pid === undefined ? [] : [i.pid])),
  });

  return {
    url: `http://${host}`,
    host,
    port,
    region,
    credential: credentials[0]!,
    serviceOptions: (c = credentials[0]!) => ({
      serviceName: ML_SERVICE,
      defaultVersion: ML_VERSION,
      region,
      host,
      protocol: 'http:',
      accessKeyId: c.accessKeyId,
      secretKey: c.secretKey,
      ...(c.sessionToken !== undefined ? { sessionToken: c.sessionToken } : {}),
    }),
    requests,
    violations,
    jobs: () => [...jobs.values()].map(summary),
    job: (id) => {
      const j = jobs.get(id);
      if (!j) return undefined;
      return {
        ...summary(j),
        body: j.body,
        dir: j.dir,
        mounts: j.mounts,
        instances: j.instances,
        ...(j.message !== undefined ? { message: j.message } : {}),
        ...(j.stopReason !== undefined ? { stopReason: j.stopReason } : {}),
        deleted: j.deleted,
      };
    },
    logs: (id) => jobs.get(id)?.log ?? '',
    failNext: (n, spec) => {
      for (let i = 0; i < n; i++) (spec.match ? matched : failures).push(spec);
    },
    hideFromList: (id, hidden = true) => void (hidden ? hiddenFromList.add(id) : hiddenFromList.delete(id)),
    release: () => {
      released = true;
      for (const r of holding) r();
      holding.clear();
    },
    endedAt: (id) => ended.get(id),
    stop: async () => {
      for (const j of jobs.values()) {
        j.stopRequested = true;
        for (const c of j.children.values()) killGroup(c, 'SIGKILL');
        j.wake();
      }
      await Promise.race([Promise.allSettled([...running]), new Promise((r) => setTimeout(r, 5_000))]);
      process.removeListener('exit', killAll);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
