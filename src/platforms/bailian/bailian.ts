/**
 * `bailian` (alias `bairui`): each evalgate job and shard is an Alibaba Cloud PAI-DLC job (Bailian,
 * Model Studio, runs no custom jobs; PAI-DLC runs containers), created with a deterministic
 * DisplayName (a retried submission finds the job of that name and attaches to it), reading the
 * staged model, data and code from OSS prefixes mounted read-only and writing its indicator files
 * to an OSS prefix mounted read-write, which collect downloads.
 *
 * Requests of one run, per job: ListJobs (attach) and CreateJob at submit, GetJob per poll,
 * GetPodLogs once for a failed job; OSS: one listing per staged prefix (the content-addressed
 * upload skips what is there) and per job output prefix, then one GET per indicator file.
 */
import { promises as fs } from 'node:fs';
import type { Staging } from '../staging.js';
import path from 'node:path';
import type { Locations, PlannedJob } from '../../core/plan.js';
import { isUri } from '../../stores/fs.js';
import { contentHash } from '../templates.js';
import type { JobHandle, JobState, JobStatus, Platform, SavedJob, StagedHashes } from '../platform.js';
import type { Hardware } from '../../core/fingerprint.js';
import type { BailianConfig } from './config.js';
import { DLC_API_VERSION } from './config.js';
import { EvalgateAlibabaCredential } from './credential.js';
import { Dlc, type DlcJob } from './dlc.js';
import { AlibabaError, dlcError, isThrottling, withRetry, type RetryOptions } from './errors.js';
import { raceAbort, sleepUnlessAborted } from '../abort.js';
import { BAILIAN_MOUNTS, TEMPLATE_FILE, createJobBody, mountUri, renderBailianJob, type BailianJobVars, type Mount } from './job.js';
import { downloadPrefix, ossClient, parseOssUri, uploadPrefix, type Oss, type UploadOptions } from './oss.js';
import { codeSnapshot, localFiles } from '../snapshot.js';
import { freshFolder } from '../../stores/owned.js';
import { asAttempt, findAttempt } from '../attempts.js';
import { RateLimiter } from '../rate.js';

/**
 * Status requests per second one run sends to PAI-DLC (ListJobs pages and per-job GetJob alike):
 * PAI-DLC's documented quota is 100 a second per API, region and account for each of GetJob and
 * ListJobs (help.aliyun.com/zh/pai/developer-reference/api-pai-dlc-2020-12-03-quota); evalgate
 * takes a fifth of one, so other users of the account keep theirs.
 */
export const DLC_STATUS_RATE = { perSecond: 20, burst: 20 };
/** JobIds per ListJobs request (and its PageSize): PageSize's maximum is not documented */
const LIST_CHUNK = 100;

/** PAI-DLC's job statuses (GetJobResponseBody.ts) and what each means for evalgate. */
export const DLC_STATUS: Record<string, JobState> = {
  Creating: 'queued',
  Queuing: 'queued',
  // spot instances: waiting for a bid to win
  Bidding: 'queued',
  EnvPreparing: 'queued',
  // the pre-run health check of the nodes
  SanityChecking: 'queued',
  Running: 'running',
  // a pod restarts after a failure (RestartPolicy): the job goes on
  Restarting: 'running',
  // a stop was accepted, not done: the job may still write
  Stopping: 'running',
  // the command ended and the nodes are held ("reserving"): the outcome is known and the outputs are written (semantics beyond the name unverified)
  SucceededReserving: 'succeeded',
  FailedReserving: 'failed',
  Succeeded: 'succeeded',
  Failed: 'failed',
  // evalgate's own StopJob ends as cancelled; a job stopped by anyone else fails the run (see status())
  Stopped: 'cancelled',
};

/** a status not in the list (a newer one) waits: only the listed terminal ones end a job */
export function mapDlcStatus(status: string): JobState {
  return DLC_STATUS[status] ?? 'queued';
}

/**
 * The job's page in the PAI console. NOT verified against a primary source (platform-apis.md
 * §2.10: the form seen in third-party code; the console may route DLC jobs elsewhere).
 */
export const consoleUrl = (region: string, workspaceId: string, jobId: string): string =>
  `https://pai.console.aliyun.com/?regionId=${encodeURIComponent(region)}&workspaceId=${encodeURIComponent(workspaceId)}#/dlc/jobs/${encodeURIComponent(jobId)}/overview`;

/** how many status reads in a row may fail transiently (throttled past the retries, 5xx) before the run gives up */
const MAX_TRANSIENT = 10;
const CANCEL_WAIT_MS = 60_000;
/** how long a submit the abort cut off looks for the job its CreateJob may have created */
const ORPHAN_LOOKUP_MS = 3_000;

export interface BailianOptions {
  config: BailianConfig;
  env: Record<string, string | undefined>;
  /** the working directory (the repository): local model, data and code paths are relative to it */
  cwd: string;
  /** where collected files go: <workDir>/<job name>/out */
  workDir: string;
  gate: string;
  dryRun?: boolean;
  /** by default from the environment and the config's OIDC settings */
  credential?: EvalgateAlibabaCredential;
  /** the retry policy of every PAI-DLC and OSS call (tests shorten it) */
  retry?: Partial<RetryOptions>;
  /** how long cancel waits for a stopped job to be Stopped (default 60 s) */
  cancelWaitMs?: number;
  /** part size and concurrency of uploads (staging in the config; the platform's defaults without) */
  staging?: Staging;
  /** the run's cancel: stops an upload in flight */
  signal?: AbortSignal;
  /** status requests per second (default DLC_STATUS_RATE) */
  statusRate?: { perSecond: number; burst?: number };
}

interface Tracked {
  job: PlannedJob;
  transientErrors: number;
  last?: JobStatus;
  startedAt?: number;
  pods?: DlcJob['Pods'];
  /** evalgate asked PAI-DLC to stop it */
  stopRequested?: boolean;
}

const TERMINAL_DLC = new Set(['Succeeded', 'Failed', 'Stopped']);

/** uri names a file when its last segment has an extension (a folder ends in `/`) */
const namesFile = (key: string): boolean => !key.endsWith('/') && /\.[A-Za-z0-9]+$/.test(key);

export class BailianPlatform implements Platform {
  readonly name = 'bailian';
  readonly pollIntervalMs: number;
  readonly maxPollIntervalMs: number;
  readonly dlc: Dlc;
  readonly credential: EvalgateAlibabaCredential;
  private ossP?: Promise<Oss>;
  private readonly inputs: Record<'model' | 'data', Mount | null> = { model: null, data: null };
  private codeP?: Promise<string | undefined>;
  readonly hashes: StagedHashes = {};
  private readonly tracked = new Map<string, Tracked>();
  /** JobId → the name of the attempt it runs (where it writes) */
  private readonly attempts = new Map<string, string>();
  readonly rate: RateLimiter;

  constructor(private readonly opts: BailianOptions) {
    const c = opts.config;
    this.rate = new RateLimiter(opts.statusRate?.perSecond ?? DLC_STATUS_RATE.perSecond, opts.statusRate?.burst ?? DLC_STATUS_RATE.burst);
    this.pollIntervalMs = c.pollIntervalMs;
    this.maxPollIntervalMs = Math.max(c.pollIntervalMs, 60_000);
    this.credential =
      opts.credential ??
      new EvalgateAlibabaCredential(opts.env, {
        oidcRoleArn: c.oidcRoleArn,
        oidcProviderArn: c.oidcProviderArn,
        oidcAudience: c.oidcAudience,
        stsEndpoint: c.stsEndpoint,
      });
    this.dlc = new Dlc({ region: c.region, endpoint: c.endpoint, protocol: c.protocol }, this.credential, opts.retry);
  }

  /** the OSS client (made on first use: it needs the keys) */
  oss(): Promise<Oss> {
    const c = this.opts.config;
    this.ossP ??= ossClient({ bucket: c.ossBucket, region: c.region, endpoint: c.ossEndpoint }, this.credential, this.opts.retry);
    this.ossP.catch(() => (this.ossP = undefined));
    return this.ossP;
  }

  private mount(key: string): string {
    return mountUri(this.opts.config.ossBucket, this.opts.config.ossMountEndpoint, key);
  }

  /** the output prefix of one attempt (its name): a new attempt never collects a dead one's files */
  private outPrefix(job: PlannedJob | string): string {
    return `${this.opts.config.ossPrefix}/runs/${typeof job === 'string' ? job : job.name}/`;
  }

  /** multipart checkpoints live in <workDir>/.staging: a re-run in the same folder resumes an interrupted upload */
  private uploadOptions(signal = this.opts.signal): UploadOptions {
    return {
      checkpointDir: path.join(this.opts.workDir, '.staging'),
      ...(this.opts.staging ? { staging: this.opts.staging } : {}),
      ...(signal ? { signal } : {}),
    };
  }

  locate(): Locations {
    const at = (kind: 'model' | 'data'): string => {
      const m = this.inputs[kind];
      return m?.file ? `${BAILIAN_MOUNTS[kind]}/${m.file}` : BAILIAN_MOUNTS[kind];
    };
    return { model: at('model'), data: at('data'), out: BAILIAN_MOUNTS.out };
  }

  /**
   * A local file or folder goes to <oss_prefix>/cas/<sha256>/ (skipped when already there) and is
   * mounted read-only; a file keeps its basename. `oss://<bucket>/<prefix>` is mounted directly
   * (an object: its folder, and the job sees the object by name); another URI is passed to PAI-DLC as is.
   */
  async stage(localOrUri: string, kind: 'model' | 'data', signal = this.opts.signal): Promise<string> {
    const c = this.opts.config;
    let mount: Mount;
    if (isUri(localOrUri)) {
      if (/^oss:\/\//i.test(localOrUri)) {
        const { bucket, endpoint, key } = parseOssUri(localOrUri);
        const host = endpoint ?? c.ossMountEndpoint;
        if (namesFile(key)) {
          const dir = key.slice(0, key.lastIndexOf('/') + 1);
          mount = { uri: mountUri(bucket, host, dir), file: key.slice(dir.length) };
        } else mount = { uri: mountUri(bucket, host, key && !key.endsWith('/') ? `${key}/` : key) };
      } else mount = { uri: localOrUri };
    } else {
      const abs = path.resolve(this.opts.cwd, localOrUri);
      const st = await fs.stat(abs);
      const sha = await contentHash(abs, signal);
      this.hashes[kind] = `sha256:${sha}`;
      const prefix = `${c.ossPrefix}/cas/${sha}/`;
      if (!this.opts.dryRun)
        await uploadPrefix(await raceAbort(this.oss(), signal), prefix, await localFiles(abs), this.uploadOptions(signal));
      mount = { uri: this.mount(prefix), ...(st.isFile() ? { file: path.basename(abs) } : {}) };
    }
    this.inputs[kind] = mount;
    return mount.uri;
  }

  /** uploads the code snapshot once (content-addressed: <oss_prefix>/code/<sha256>/) */
  async prepare(_jobs?: PlannedJob[], signal = this.opts.signal): Promise<void> {
    await raceAbort(this.code(signal), signal);
  }

  private code(signal = this.opts.signal): Promise<string | undefined> {
    this.codeP ??= (async () => {
      const c = this.opts.config;
      if (!c.code.length) return undefined;
      const { files, sha } = await codeSnapshot(this.opts.cwd, this.opts.config.code, 'bailian.code', signal);
      this.hashes.code = `sha256:${sha}`;
      const prefix = `${c.ossPrefix}/code/${sha}/`;
      if (!this.opts.dryRun) await uploadPrefix(await this.oss(), prefix, files, this.uploadOptions(signal));
      return this.mount(prefix);
    })();
    this.codeP.catch(() => (this.codeP = undefined));
    return this.codeP;
  }

  hardware(job: PlannedJob): Partial<Hardware> {
    const t = job.resources.instance_type ?? this.opts.config.ecsSpec;
    return t ? { instance_type: String(t) } : {};
  }

  private async vars(job: PlannedJob): Promise<BailianJobVars> {
    const code = await this.code();
    return {
      model: this.inputs.model,
      data: this.inputs.data,
      ...(code ? { code } : {}),
      outUri: this.mount(this.outPrefix(job)),
    };
  }

  /** the CreateJob body of a job, as evalgate sends it */
  async body(job: PlannedJob): Promise<Record<string, unknown>> {
    const { text, missing } = await renderBailianJob(job, this.opts.gate, this.opts.config, await this.vars(job));
    if (missing.length) throw new Error(`internal error: ${TEMPLATE_FILE} uses unknown variables ${missing.join(', ')}`);
    return createJobBody(text);
  }

  /** --dry-run: each job's CreateJob body, as `aliyun pai-dlc CreateJob --body` takes it and as evalgate sends it */
  async describe(jobs: PlannedJob[]): Promise<string> {
    const out: string[] = [];
    for (const job of jobs) {
      const text = JSON.stringify(await this.body(job), null, 2);
      const label = job.shard.count > 1 ? `${job.key} ${job.shard.index + 1}/${job.shard.count}` : job.key;
      out.push(`# ${job.name} (${label}) from ${TEMPLATE_FILE}\n${text}\n`);
    }
    return out.join('\n');
  }

  /** the newest job of this name in the workspace, if a previous submission created one */
  private async existing(name: string, signal?: AbortSignal): Promise<DlcJob | undefined> {
    return (await this.dlc.findByName(this.opts.config.workspaceId, name, undefined, signal))[0];
  }

  async submit(job: PlannedJob, signal = this.opts.signal): Promise<JobHandle> {
    await this.prepare([job], signal);
    // attach: a retried run finds the job it created before instead of starting a second one;
    // one that failed or was stopped is submitted again as <name>-r2, -r3, …
    const found = await findAttempt(job.name, async (n) => {
      const j = await this.existing(n, signal);
      if (!j) return null;
      const raw = typeof j.Status === 'string' ? j.Status : 'Unknown';
      const state = mapDlcStatus(raw);
      return state === 'failed' || state === 'cancelled' || raw === 'Stopping' ? 'dead' : { live: j };
    });
    const run = asAttempt(job, found.name);
    const body = await this.body(run);
    let id = found.existing?.JobId;
    if (!id) {
      // a CreateJob the abort cut off after it was sent may have created the job: it is looked for
      // by name (within ORPHAN_LOOKUP_MS) and returned, for the runner to cancel with the others
      let sent = false;
      let created: { JobId?: unknown };
      try {
        created = await withRetry(
          async () => {
            sent = true;
            const r = await this.dlc.once<{ JobId?: unknown }>('CreateJob', 'POST', '/api/v1/jobs', { body }).catch((e: unknown) => {
              sent = false;
              throw e;
            });
            sent = false;
            return r;
          },
          (e) => dlcError('CreateJob', e),
          this.dlc.retry,
          async (e) => {
            // a throttled request created nothing; after a reset or a 5xx the job may exist all the same
            if (isThrottling(e.code)) return undefined;
            const again = await this.existing(run.name, signal);
            return again ? { value: { JobId: again.JobId } } : undefined;
          },
          signal,
        );
      } catch (e) {
        if (!signal?.aborted || !sent) throw e;
        const lost = await this.existing(run.name, AbortSignal.timeout(ORPHAN_LOOKUP_MS)).catch(() => undefined);
        if (!lost) throw e;
        created = { JobId: lost.JobId };
      }
      if (typeof created.JobId !== 'string' || !created.JobId)
        throw new Error(`PAI-DLC CreateJob answered without a JobId for ${run.name}`);
      id = created.JobId;
    }
    this.attempts.set(id, run.name);
    // a status read that fails transiently before the first answer reports this
    this.tracked.set(id, { job, transientErrors: 0, last: { state: 'queued', platformStatus: 'submitted' } });
    return { job, id, url: consoleUrl(this.opts.config.region, this.opts.config.workspaceId, id) };
  }

  async status(h: JobHandle, signal?: AbortSignal): Promise<JobStatus> {
    const t = this.track(h);
    let dj: DlcJob;
    try {
      await this.rate.take(signal);
      dj = await this.dlc.getJob(h.id, signal);
      t.transientErrors = 0;
    } catch (e) {
      // throttled or a server error after the retries: ask again next round
      if (e instanceof AlibabaError && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last) return t.last;
      throw e;
    }
    return this.fromDlc(h, dj);
  }

  /**
   * The run's jobs from ListJobs filtered by their ids (`JobIds`, comma-separated, LIST_CHUNK a
   * request, PageSize as large), each chunk paged (PageNumber) until TotalCount is reached, at
   * most 5 pages: one request per chunk instead of one GetJob per job. A job it does not return is
   * left to status().
   */
  async statusMany(handles: JobHandle[], signal?: AbortSignal): Promise<Map<string, JobStatus>> {
    const out = new Map<string, JobStatus>();
    const byId = new Map(handles.map((h) => [h.id, h]));
    const ids = [...byId.keys()];
    for (let i = 0; i < ids.length; i += LIST_CHUNK) {
      const chunk = ids.slice(i, i + LIST_CHUNK);
      let seen = 0;
      for (let page = 1; page <= 5; page++) {
        await this.rate.take(signal);
        const res = await this.dlc.call<{ Jobs?: DlcJob[]; TotalCount?: unknown }>(
          'ListJobs',
          'GET',
          '/api/v1/jobs',
          {
            query: {
              WorkspaceId: this.opts.config.workspaceId,
              JobIds: chunk.join(','),
              PageNumber: String(page),
              PageSize: String(chunk.length),
            },
          },
          undefined,
          signal,
        );
        const jobs = Array.isArray(res.Jobs) ? res.Jobs : [];
        for (const j of jobs) {
          const h = typeof j.JobId === 'string' ? byId.get(j.JobId) : undefined;
          if (h) {
            this.track(h).transientErrors = 0;
            out.set(h.id, this.fromDlc(h, j));
          }
        }
        seen += jobs.length;
        const total = Number(res.TotalCount);
        if (jobs.length === 0 || !Number.isFinite(total) || seen >= total) break;
      }
    }
    return out;
  }

  private track(h: JobHandle): Tracked {
    const t = this.tracked.get(h.id) ?? { job: h.job, transientErrors: 0 };
    this.tracked.set(h.id, t);
    return t;
  }

  /** a job as GetJob or one item of ListJobs gives it, as evalgate's status */
  private fromDlc(h: JobHandle, dj: DlcJob): JobStatus {
    const t = this.track(h);
    if (Array.isArray(dj.Pods) && dj.Pods.length) t.pods = dj.Pods;
    const raw = typeof dj.Status === 'string' ? dj.Status : 'Unknown';
    let state = mapDlcStatus(raw);
    if (state === 'running' && !t.startedAt) t.startedAt = Date.now();
    const reason = [dj.ReasonCode, dj.ReasonMessage].filter((s) => typeof s === 'string' && s).join(': ');
    let message: string | undefined;
    if (state === 'failed') message = `PAI-DLC job ${raw}${reason ? `: ${reason}` : ''}${h.url ? ` (${h.url})` : ''}`;
    if (raw === 'Stopped' && !t.stopRequested) {
      // stopped in the console or by a quota: the job's indicators will never come
      state = 'failed';
      message = `PAI-DLC job Stopped before it finished, not by this run${reason ? `: ${reason}` : ''}${h.url ? ` (${h.url})` : ''}`;
    }
    if (!(raw in DLC_STATUS)) message = `unknown PAI-DLC job status ${JSON.stringify(raw)}; waiting`;
    const status: JobStatus = { state, platformStatus: raw };
    if (message) status.message = message;
    if (t.startedAt) status.startedAt = t.startedAt;
    if (state === 'succeeded' || state === 'failed' || state === 'cancelled') status.finishedAt = Date.now();
    t.last = status;
    return status;
  }

  /** the last `lines` lines of the job's first worker's log (GetPodLogs) */
  async logs(h: JobHandle, lines: number): Promise<string> {
    try {
      const t = this.tracked.get(h.id);
      let pods = t?.pods;
      if (!pods?.length) pods = (await this.dlc.getJob(h.id)).Pods;
      const pod = pods?.find((p) => p.Type === 'Worker' && p.PodId)?.PodId ?? pods?.find((p) => p.PodId)?.PodId ?? `${h.id}-worker-0`;
      return (await this.dlc.podLogs(h.id, pod, lines)).join('\n');
    } catch (e) {
      return `(the job's pod log could not be read: ${(e as Error).message})`;
    }
  }

  async collect(h: JobHandle, _dest?: string, signal?: AbortSignal): Promise<string[]> {
    // a fresh folder of evalgate's: never one it did not create
    const dest = path.join(await freshFolder(path.join(this.opts.workDir, h.job.name)), 'out');
    const { files, refused } = await downloadPrefix(
      await raceAbort(this.oss(), signal),
      this.outPrefix(this.attempts.get(h.id) ?? h.job.name),
      dest,
      ['.json'],
      signal,
    );
    if (refused.length)
      throw new Error(
        `job ${h.id} wrote objects whose names are not plain relative paths (not downloaded): ${refused.slice(0, 5).join(', ')}`,
      );
    return files;
  }

  /** StopJob, then waits (up to a minute, or until `deadline`) until the job is Stopped */
  async cancel(h: JobHandle, deadline?: AbortSignal): Promise<void> {
    const t = this.tracked.get(h.id) ?? { job: h.job, transientErrors: 0 };
    t.stopRequested = true;
    this.tracked.set(h.id, t);
    await cancelDlcJob(this.dlc, h.id, this.opts.cancelWaitMs, undefined, deadline);
  }

  saved(h: JobHandle): SavedJob {
    const c = this.opts.config;
    return {
      platform: 'bailian',
      name: h.job.name,
      id: h.id,
      region: c.region,
      workspace_id: c.workspaceId,
      endpoint: c.endpoint,
      protocol: c.protocol,
      api_version: DLC_API_VERSION,
      ...(c.oidcRoleArn ? { oidc_role_arn: c.oidcRoleArn, oidc_provider_arn: c.oidcProviderArn, oidc_audience: c.oidcAudience } : {}),
      ...(c.stsEndpoint ? { sts_endpoint: c.stsEndpoint } : {}),
    };
  }

  async close(): Promise<void> {
    this.credential.close();
  }
}

/**
 * StopJob, then GetJob until the job is Stopped (or ended on its own meanwhile), for at most
 * `waitMs`: a job still Stopping then is left to stop; one still running is an error. A job that
 * had already ended answers StopJob with an error, which is not one.
 */
export async function cancelDlcJob(dlc: Dlc, id: string, waitMs = CANCEL_WAIT_MS, pollMs = 500, deadline?: AbortSignal): Promise<void> {
  try {
    await dlc.stopJob(id, deadline);
  } catch (e) {
    if (e instanceof AlibabaError && !e.transient) {
      const j = await dlc.getJob(id, deadline).catch(() => null);
      if (j && TERMINAL_DLC.has(String(j.Status))) return;
    }
    throw e;
  }
  const until = Date.now() + waitMs;
  let status = '';
  for (;;) {
    try {
      // one attempt: a throttled read is not retried while cancelling
      status = String(
        (await raceAbort(dlc.once<DlcJob>('GetJob', 'GET', `/api/v1/jobs/${encodeURIComponent(id)}`), deadline)).Status ?? '',
      );
    } catch (e) {
      // the stop was accepted: a throttled (or unavailable) platform, or the cancel's own budget
      // running out, ends the wait for Stopped, not the cancel
      if (deadline?.aborted || (e instanceof AlibabaError && e.transient)) return;
      throw e;
    }
    if (TERMINAL_DLC.has(status)) return;
    if (Date.now() >= until) break;
    await sleepUnlessAborted(Math.min(pollMs, Math.max(50, until - Date.now())), deadline);
    if (deadline?.aborted) return;
  }
  if (status === 'Stopping') return;
  throw new Error(`PAI-DLC job ${id} is still ${status} ${Math.round(waitMs / 1000)} s after StopJob`);
}
