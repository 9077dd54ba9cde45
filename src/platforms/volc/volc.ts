/**
 * `volc`: each evalgate job and shard is a Volcano Engine ML platform job (OpenAPI 2024-07-01),
 * created with a deterministic Name (a retried submission finds the job of that name with ListJobs
 * and attaches to it), reading the staged model, data and code from TOS prefixes mounted read-only
 * and writing its indicator files (and its own log) to a TOS prefix mounted read-write, which
 * collect downloads.
 */
import { promises as fs } from 'node:fs';
import type { Staging } from '../staging.js';
import path from 'node:path';
import type { Locations, PlannedJob } from '../../core/plan.js';
import { isUri } from '../../stores/fs.js';
import { contentHash } from '../templates.js';
import type { JobHandle, JobStatus, Platform, SavedJob, StagedHashes } from '../platform.js';
import type { Hardware } from '../../core/fingerprint.js';
import type { VolcConfig } from './config.js';
import { volcCredentials, type VolcCredentials } from './credentials.js';
import {
  consoleUrl,
  createJobBody,
  mapVolcState,
  renderVolcJob,
  VOLC_LOG_FILE,
  VOLC_PATHS,
  VOLC_STATES,
  type TosMount,
  type VolcJobVars,
} from './job.js';
import { classifyVolc, VolcApiError, VolcOpenApi } from './openapi.js';
import { withRetries, type RetryOptions } from './retry.js';
import { parseTosUri, tail, TosBucket, tosClient, type UploadOptions } from './tos.js';
import { codeSnapshot, localFiles } from '../snapshot.js';
import { freshFolder } from '../../stores/owned.js';
import { asAttempt, findAttempt } from '../attempts.js';
import { RateLimiter } from '../rate.js';
import { sleepUnlessAborted, throwIfCancelled } from '../abort.js';

/**
 * Status requests per second one run sends to the ML platform (ListJobs pages and per-job GetJob
 * alike). Volcengine documents no rate limit for ml_platform's OpenAPI (see docs/platforms/volc.md):
 * this is a conservative bound: ten requests a second, one round of ListJobs pages for 1,000 jobs.
 */
export const VOLC_STATUS_RATE = { perSecond: 10, burst: 10 };
/** ListJobs' largest PageSize (the Go SDK checks 10..100) */
const LIST_PAGE = 100;

/** the longest prefix every name shares */
export function commonPrefix(names: string[]): string {
  if (!names.length) return '';
  let p = names[0]!;
  for (const n of names) while (!n.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** how many status reads in a row may fail transiently (throttled past the retries, 5xx) before the run gives up */
const MAX_TRANSIENT = 10;
const CANCEL_WAIT_MS = 60_000;
/** how long a submit the abort cut off looks for the job its CreateJob may have created */
const ORPHAN_LOOKUP_MS = 3_000;
const STOP_REASON = 'cancelled by evalgate';
/** how much of the end of a job's log is read for its tail */
const LOG_TAIL_BYTES = 256 * 1024;

/** the part of a GetJob / ListJobs item evalgate reads */
export interface VolcJob {
  Id: string;
  Name?: string;
  StopReason?: string;
  Status?: { State?: string; SecondaryState?: string; Message?: string; StartTime?: string; EndTime?: string };
}

export interface VolcOptions {
  config: VolcConfig;
  env: Record<string, string | undefined>;
  /** the working directory (the repository): local model, data and code paths are relative to it */
  cwd: string;
  /** where collected files go: <workDir>/<job name>/out */
  workDir: string;
  gate: string;
  dryRun?: boolean;
  /** retries of transient errors (tests shorten them) */
  retry?: RetryOptions;
  /** how long cancel waits for a stopped job to reach Stopped */
  cancelWaitMs?: number;
  /** the ML platform's transport (tests put a faulty network in between) */
  fetch?: typeof fetch;
  /** part size and concurrency of uploads (staging in the config; the platform's defaults without) */
  staging?: Staging;
  /** the run's cancel: stops an upload in flight */
  signal?: AbortSignal;
  /** status requests per second (default VOLC_STATUS_RATE) */
  statusRate?: { perSecond: number; burst?: number };
}

interface Tracked {
  job: PlannedJob;
  transientErrors: number;
  last?: JobStatus;
}

/** a URI that names a file (an extension in its last segment) rather than a prefix */
const namesFile = (key: string): boolean => key !== '' && !key.endsWith('/') && /\.[A-Za-z0-9]+$/.test(key);

const isoMs = (s: string | undefined): number | undefined => {
  const t = s ? Date.parse(s) : NaN;
  return Number.isNaN(t) ? undefined : t;
};

export class VolcPlatform implements Platform {
  readonly name = 'volc';
  readonly pollIntervalMs: number;
  readonly maxPollIntervalMs: number;
  private creds?: VolcCredentials;
  private apiClient?: VolcOpenApi;
  private readonly bucketClients = new Map<string, TosBucket>();
  private readonly mounts: Record<'model' | 'data', TosMount | null> = { model: null, data: null };
  private code: TosMount | null = null;
  private prepared = false;
  readonly hashes: StagedHashes = {};
  private readonly tracked = new Map<string, Tracked>();
  /** job Id → the name of the attempt it runs (where it writes) */
  private readonly attempts = new Map<string, string>();
  readonly rate: RateLimiter;

  constructor(readonly opts: VolcOptions) {
    this.rate = new RateLimiter(opts.statusRate?.perSecond ?? VOLC_STATUS_RATE.perSecond, opts.statusRate?.burst ?? VOLC_STATUS_RATE.burst);
    this.pollIntervalMs = opts.config.pollIntervalMs;
    this.maxPollIntervalMs = Math.max(opts.config.pollIntervalMs, 60_000);
  }

  /** the key from the environment, read when first needed (a dry run needs none) */
  private credentials(): VolcCredentials {
    this.creds ??= volcCredentials(this.opts.env);
    return this.creds;
  }

  get api(): VolcOpenApi {
    this.apiClient ??= new VolcOpenApi({
      endpoint: this.opts.config.endpoint.url,
      region: this.opts.config.region,
      credentials: () => this.credentials(),
      retry: this.opts.retry,
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
    });
    return this.apiClient;
  }

  bucket(name = this.opts.config.tosBucket): TosBucket {
    let b = this.bucketClients.get(name);
    if (!b) {
      const creds = this.credentials();
      b = new TosBucket(tosClient(creds, this.opts.config.region, this.opts.config.tosEndpoint), name, creds.source, this.opts.retry);
      this.bucketClients.set(name, b);
    }
    return b;
  }

  /** every request sent to the ML platform and TOS, by operation */
  get requestCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, v] of this.apiClient?.counts ?? []) out[k] = v;
    for (const b of this.bucketClients.values()) for (const [k, v] of b.counts) out[`TOS ${k}`] = (out[`TOS ${k}`] ?? 0) + v;
    return out;
  }

  private prefix(sub: string): string {
    return `${this.opts.config.tosPrefix}/${sub}`;
  }

  /** the output prefix of one attempt (its name): a new attempt never collects a dead one's files */
  outPrefix(job: PlannedJob | string): string {
    return this.prefix(`runs/${typeof job === 'string' ? job : job.name}/`);
  }

  /** uploadFile's checkpoints live in <workDir>/.staging: a re-run in the same folder resumes an interrupted upload */
  private uploadOptions(signal = this.opts.signal): UploadOptions {
    return {
      checkpointDir: path.join(this.opts.workDir, '.staging'),
      ...(this.opts.staging ? { staging: this.opts.staging } : {}),
      ...(signal ? { signal } : {}),
    };
  }

  locate(_key: string, _shard: unknown, _name: string, staged: { model: string; data: string }): Locations {
    return { model: staged.model, data: staged.data, out: VOLC_PATHS.out };
  }

  /**
   * A local file or folder goes to <tos_prefix>/cas/<sha256>/ (skipped when already there) and is
   * mounted read-only (a file keeps its name: {model} is /mnt/evalgate/model/<name>); a
   * tos://bucket/prefix is mounted as it is; any other URI is passed to the command for the job to
   * read itself.
   */
  async stage(localOrUri: string, kind: 'model' | 'data', signal = this.opts.signal): Promise<string> {
    const dir = VOLC_PATHS[kind];
    if (isUri(localOrUri)) {
      if (!/^tos:\/\//i.test(localOrUri)) {
        this.mounts[kind] = null;
        return localOrUri;
      }
      const { bucket, key } = parseTosUri(localOrUri);
      if (namesFile(key)) {
        const slash = key.lastIndexOf('/');
        this.mounts[kind] = { bucket, prefix: slash >= 0 ? key.slice(0, slash + 1) : '' };
        return `${dir}/${key.slice(slash + 1)}`;
      }
      this.mounts[kind] = { bucket, prefix: key && !key.endsWith('/') ? `${key}/` : key };
      return dir;
    }
    const abs = path.resolve(this.opts.cwd, localOrUri);
    const st = await fs.stat(abs);
    const sha = await contentHash(abs, signal);
    this.hashes[kind] = `sha256:${sha}`;
    const prefix = this.prefix(`cas/${sha}/`);
    if (!this.opts.dryRun) await this.bucket().upload(prefix, await localFiles(abs), this.uploadOptions(signal));
    this.mounts[kind] = { bucket: this.opts.config.tosBucket, prefix };
    return st.isFile() ? `${dir}/${path.basename(abs)}` : dir;
  }

  /** uploads what the jobs share once: the code snapshot */
  async prepare(_jobs: PlannedJob[], signal = this.opts.signal): Promise<void> {
    if (this.prepared) return;
    if (this.opts.config.code.length) {
      const { files, sha } = await codeSnapshot(this.opts.cwd, this.opts.config.code, 'volc.code', signal);
      this.hashes.code = `sha256:${sha}`;
      const prefix = this.prefix(`code/${sha}/`);
      if (!this.opts.dryRun) await this.bucket().upload(prefix, files, this.uploadOptions(signal));
      this.code = { bucket: this.opts.config.tosBucket, prefix };
    }
    this.prepared = true;
  }

  hardware(job: PlannedJob): Partial<Hardware> {
    const t = job.resources.instance_type ?? this.opts.config.instanceType;
    return t ? { instance_type: String(t) } : {};
  }

  private vars(job: PlannedJob): VolcJobVars {
    const c = this.opts.config;
    return {
      project: c.project,
      image: c.image,
      framework: c.framework,
      resourceQueueId: c.resourceQueueId,
      instanceType: c.instanceType,
      code: this.code,
      model: this.mounts.model,
      data: this.mounts.data,
      out: { bucket: c.tosBucket, prefix: this.outPrefix(job) },
    };
  }

  /** the CreateJob body of a job */
  async body(job: PlannedJob): Promise<Record<string, unknown>> {
    const { text, missing } = await renderVolcJob(job, this.opts.gate, this.vars(job));
    if (missing.length) throw new Error(`internal error: volc/job.json uses unknown variables ${missing.join(', ')}`);
    return createJobBody(text);
  }

  /** --dry-run: each job's CreateJob body, as evalgate sends it (and as it works by hand) */
  async describe(jobs: PlannedJob[]): Promise<string> {
    await this.prepare(jobs);
    const out: string[] = [];
    for (const job of jobs) {
      const label = job.shard.count > 1 ? `${job.key} ${job.shard.index + 1}/${job.shard.count}` : job.key;
      out.push(`# ${job.name} (${label}) from platforms/job_templates/volc/job.json\n${JSON.stringify(await this.body(job), null, 2)}\n`);
    }
    return out.join('\n');
  }

  /** the newest job of this exact name in the project, or null (ListJobs matches names by substring) */
  async findByName(name: string, signal?: AbortSignal): Promise<VolcJob | null> {
    const size = 100;
    for (let page = 1; ; page++) {
      const r = await this.api.call<{ Items?: VolcJob[]; TotalCount?: number }>(
        'ListJobs',
        {
          NameContains: name,
          ProjectName: this.opts.config.project,
          SortBy: 'CreateTime',
          SortOrder: 'Descend',
          PageNumber: page,
          PageSize: size,
        },
        signal ? { signal } : {},
      );
      const items = r.Items ?? [];
      const hit = items.find((j) => j.Name === name);
      if (hit) return hit;
      if (items.length < size || page * size >= (r.TotalCount ?? 0)) return null;
    }
  }

  async submit(job: PlannedJob, signal = this.opts.signal): Promise<JobHandle> {
    await this.prepare([job], signal);
    this.tracked.set(job.name, { job, transientErrors: 0 });
    // attach: a retried run finds the job it created before instead of starting a second one;
    // one that failed or was stopped is submitted again as <name>-r2, -r3, …
    const found = await findAttempt(job.name, async (n) => {
      const j = await this.findByName(n, signal);
      if (!j) return null;
      const raw = j.Status?.State ?? 'Unknown';
      const state = mapVolcState(raw);
      return state === 'failed' || state === 'cancelled' || raw === 'Stopping' ? 'dead' : { live: j };
    });
    const run = asAttempt(job, found.name);
    const body = await this.body(run);
    let id = found.existing?.Id;
    if (!id) {
      // CreateJob has no idempotency token: when an attempt fails in a way that may have created the
      // job anyway (a 5xx, a lost answer), look for it by name before sending it again
      // a CreateJob the abort cut off after it was sent may have created the job: it is looked for
      // by name (within the cancel budget) and returned, for the runner to cancel with the others
      let sent = false;
      try {
        id = await withRetries(
          async () => {
            sent = true;
            const r = await this.api.call<{ Id?: string }>('CreateJob', body, { maxRetries: 0, ...(signal ? { signal } : {}) });
            sent = false;
            return r.Id ?? '';
          },
          (e) => {
            sent = false;
            return classifyVolc(e);
          },
          { ...this.opts.retry, ...(signal ? { signal } : {}) },
          async () => (await this.findByName(run.name, signal))?.Id,
        );
      } catch (e) {
        if (!signal?.aborted || !sent) throw e;
        const lost = await this.findByName(run.name, AbortSignal.timeout(ORPHAN_LOOKUP_MS)).catch(() => null);
        if (!lost) throw e;
        id = lost.Id;
      }
      if (!id) throw new Error(`ml_platform CreateJob of ${run.name} answered no Id`);
    }
    this.attempts.set(id, run.name);
    return { job, id, url: consoleUrl(this.opts.config.region, id) };
  }

  async getJob(id: string, signal?: AbortSignal): Promise<VolcJob> {
    return this.api.call<VolcJob>('GetJob', { Id: id }, signal ? { signal } : {});
  }

  async status(h: JobHandle, signal?: AbortSignal): Promise<JobStatus> {
    const t = this.tracked.get(h.job.name) ?? { job: h.job, transientErrors: 0 };
    this.tracked.set(h.job.name, t);
    let j: VolcJob;
    try {
      await this.rate.take(signal);
      j = await this.getJob(h.id, signal);
      t.transientErrors = 0;
    } catch (e) {
      // throttled or a server error after the client's own retries: ask again next round
      if (e instanceof VolcApiError && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last) return t.last;
      throw e;
    }
    const status = volcJobStatus(j, h.url);
    t.last = status;
    return status;
  }

  /**
   * The run's jobs from ListJobs: `NameContains` the prefix all their names share (the run's
   * `evalgate-<repo>-<run>-<attempt>-<gate>-`), the project's, PageSize 100, pages followed until
   * TotalCount or every job is found, at most twice the pages the run's jobs fill (other jobs may
   * share the prefix). A job it does not return is left to status().
   */
  async statusMany(handles: JobHandle[], signal?: AbortSignal): Promise<Map<string, JobStatus>> {
    const out = new Map<string, JobStatus>();
    const byId = new Map(handles.map((h) => [h.id, h]));
    const prefix = commonPrefix(handles.map((h) => this.attempts.get(h.id) ?? h.job.name));
    const maxPages = 2 * Math.ceil(handles.length / LIST_PAGE) + 1;
    for (let page = 1; page <= maxPages && out.size < byId.size; page++) {
      await this.rate.take(signal);
      throwIfCancelled(signal);
      const r = await this.api.call<{ Items?: VolcJob[]; TotalCount?: number }>(
        'ListJobs',
        {
          ...(prefix ? { NameContains: prefix } : {}),
          ProjectName: this.opts.config.project,
          SortBy: 'CreateTime',
          SortOrder: 'Descend',
          PageNumber: page,
          PageSize: LIST_PAGE,
        },
        signal ? { signal } : {},
      );
      const items = r.Items ?? [];
      for (const j of items) {
        const h = byId.get(j.Id);
        if (!h) continue;
        const t = this.tracked.get(h.job.name) ?? { job: h.job, transientErrors: 0 };
        this.tracked.set(h.job.name, t);
        t.transientErrors = 0;
        t.last = volcJobStatus(j, h.url);
        out.set(h.id, t.last);
      }
      if (items.length === 0 || page * LIST_PAGE >= (r.TotalCount ?? 0)) break;
    }
    return out;
  }

  async logs(h: JobHandle, lines: number): Promise<string> {
    try {
      const data = await this.bucket().tailBytes(
        `${this.outPrefix(this.attempts.get(h.id) ?? h.job.name)}${VOLC_LOG_FILE}`,
        LOG_TAIL_BYTES,
      );
      if (data === null) return `(the job wrote no ${VOLC_LOG_FILE}: it failed before its command ran; see ${h.url ?? 'the console'})`;
      let text = data.toString('utf8');
      // a cut log starts mid-line: drop that part line
      if (data.length >= LOG_TAIL_BYTES) text = text.slice(text.indexOf('\n') + 1);
      return tail(text, lines);
    } catch (e) {
      return `(the job's ${VOLC_LOG_FILE} could not be read: ${(e as Error).message})`;
    }
  }

  async collect(h: JobHandle, _dest?: string, signal?: AbortSignal): Promise<string[]> {
    // a fresh folder of evalgate's: never one it did not create
    const dest = path.join(await freshFolder(path.join(this.opts.workDir, h.job.name)), 'out');
    const { files, refused } = await this.bucket().download(this.outPrefix(this.attempts.get(h.id) ?? h.job.name), dest, ['.json'], signal);
    if (refused.length)
      throw new Error(
        `job ${h.id} wrote objects whose names are not plain relative paths (not downloaded): ${refused.slice(0, 5).join(', ')}`,
      );
    return files;
  }

  /** StopJob, then waits (up to a minute, or until `deadline`) until the job is Stopped */
  async cancel(h: JobHandle, deadline?: AbortSignal): Promise<void> {
    await stopVolcJob(this.api, h.id, { waitMs: this.opts.cancelWaitMs, ...(deadline ? { signal: deadline } : {}) });
  }

  saved(h: JobHandle): SavedJob {
    const c = this.opts.config;
    return { platform: 'volc', name: h.job.name, id: h.id, endpoint: c.endpoint.url, region: c.region, project: c.project };
  }
}

/** a job's GetJob answer as evalgate's status */
export function volcJobStatus(j: VolcJob, url?: string): JobStatus {
  const s = j.Status ?? {};
  const raw = typeof s.State === 'string' && s.State ? s.State : 'Unknown';
  const state = mapVolcState(raw);
  const status: JobStatus = { state, platformStatus: s.SecondaryState ? `${raw} (${s.SecondaryState})` : raw };
  const started = isoMs(s.StartTime);
  const ended = isoMs(s.EndTime);
  if (started !== undefined) status.startedAt = started;
  if (state === 'succeeded' || state === 'failed' || state === 'cancelled') status.finishedAt = ended ?? Date.now();
  if (state === 'failed') {
    const why = s.Message?.trim();
    status.message = `Volcengine ML job ${raw}${s.SecondaryState ? ` (${s.SecondaryState})` : ''}${why ? `: ${why}` : ''}${url ? ` (${url})` : ''}`;
  } else if (state === 'cancelled') {
    const why = j.StopReason?.trim() || s.Message?.trim();
    status.message = `Volcengine ML job Stopped${why ? `: ${why}` : ''}`;
  }
  if (!(raw in VOLC_STATES)) status.message = `unknown Volcengine ML job state ${JSON.stringify(raw)}; waiting`;
  return status;
}

/**
 * StopJob, then GetJob until the job is Stopped (or ended by itself), up to `waitMs`; a job still
 * Stopping then is left to finish stopping (the stop was accepted). A job that already ended
 * answers StopJob either way.
 */
export async function stopVolcJob(
  api: VolcOpenApi,
  id: string,
  o: { waitMs?: number; sleep?: (ms: number) => Promise<void>; signal?: AbortSignal } = {},
): Promise<string> {
  const signal = o.signal;
  const sleep = o.sleep ?? ((ms: number) => sleepUnlessAborted(ms, signal));
  const retry = signal ? { signal } : {};
  const ended = (state: string | undefined): boolean => state === 'Stopped' || state === 'Completed' || state === 'Failed';
  try {
    await api.call('StopJob', { Id: id, Reason: STOP_REASON }, retry);
  } catch (e) {
    // [U] StopJob of a finished job: an error here is fine when the job has ended
    if (!(e instanceof VolcApiError) || e.transient) throw e;
    const state = (await api.call<VolcJob>('GetJob', { Id: id }, retry)).Status?.State;
    if (ended(state)) return state!;
    throw e;
  }
  const until = Date.now() + (o.waitMs ?? CANCEL_WAIT_MS);
  let wait = 250;
  for (;;) {
    let state: string;
    try {
      // one attempt: a throttled read is not retried (its Retry-After can be minutes)
      state = (await api.call<VolcJob>('GetJob', { Id: id }, { ...retry, maxRetries: 0 })).Status?.State ?? 'Unknown';
    } catch (e) {
      // the stop was accepted: a throttled (or unavailable) platform, or the cancel's own budget
      // running out, ends the wait for Stopped, not the cancel
      if (signal?.aborted || (e instanceof VolcApiError && e.transient)) return 'Stopping';
      throw e;
    }
    if (ended(state)) return state;
    if (Date.now() >= until) {
      if (state === 'Stopping') return state;
      throw new Error(`the Volcengine ML job ${id} is still ${state} ${Math.round((o.waitMs ?? CANCEL_WAIT_MS) / 1000)} s after StopJob`);
    }
    await sleep(Math.min(wait, Math.max(0, until - Date.now())));
    if (signal?.aborted) return state;
    wait = Math.min(5_000, wait * 2);
  }
}
