/**
 * `azure`: each evalgate job and shard is an Azure ML command job, created through ARM with a
 * deterministic name (a retried submission finds the job of that name and attaches to it), reading
 * the staged model and data as uri_file/uri_folder inputs and writing its indicator files to a
 * uri_folder output at a known datastore path, which collect downloads from Blob.
 */
import { createHash } from 'node:crypto';
import type { Staging } from '../staging.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Locations, PlannedJob } from '../../core/plan.js';
import { isUri } from '../../stores/fs.js';
import { contentHash } from '../templates.js';
import type { JobHandle, JobState, JobStatus, Platform, SavedJob, StagedHashes } from '../platform.js';
import type { Hardware } from '../../core/fingerprint.js';
import { Arm, ArmError, type ArmResponse } from './arm.js';
import { raceAbort, sleepUnlessAborted, throwIfCancelled } from '../abort.js';
import type { AzureConfig } from './config.js';
import { AZURE_API_VERSION } from './config.js';
import { blobTail, downloadPrefix, resolveDatastore, uploadPrefix, type Datastore } from './blob.js';
import { codeSnapshot, localFiles } from '../snapshot.js';
import { AZURE_LOCATIONS, renderAzureJob, restJobBody, type AzureJobVars } from './job.js';
import type { EvalgateAzureCredential } from './credential.js';
import { freshFolder } from '../../stores/owned.js';
import { asAttempt, findAttempt } from '../attempts.js';
import { RateLimiter } from '../rate.js';

/**
 * Status reads per second one run sends to ARM (Jobs_List pages and per-job Jobs_Get alike):
 * ARM refills a subscription's read bucket at 25 a second per principal (bucket 250;
 * learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling);
 * evalgate takes two fifths of it, so other tools of the same principal keep theirs.
 */
export const AZURE_STATUS_RATE = { perSecond: 10, burst: 10 };
/** Jobs_List pages followed per poll at most (the service picks the page size; nextLink to the end) */
const MAX_LIST_PAGES = 100;

/** Azure ML's JobStatus values (KnownJobStatus) and what each means for evalgate. */
export const AZURE_STATUS: Record<string, JobState> = {
  NotStarted: 'queued',
  Starting: 'queued',
  Provisioning: 'queued',
  Preparing: 'queued',
  Queued: 'queued',
  Running: 'running',
  // outputs are being uploaded: not complete until Completed
  Finalizing: 'running',
  // cancel accepted, not done: the job may still write
  CancelRequested: 'running',
  Completed: 'succeeded',
  Failed: 'failed',
  Canceled: 'cancelled',
  // "can go from NotResponding to any of the previous states": not terminal; the job timeout ends it
  NotResponding: 'running',
  Paused: 'queued',
  Unknown: 'queued',
};

export function mapAzureStatus(status: string): JobState {
  return AZURE_STATUS[status] ?? 'queued';
}

/** how many status reads in a row may fail transiently (throttled past the retries, 5xx) before the run gives up */
const MAX_TRANSIENT = 10;
const CANCEL_WAIT_MS = 60_000;
/** how long a submit the abort cut off looks for the job its PUT may have created */
const ORPHAN_LOOKUP_MS = 3_000;

export interface AzureOptions {
  config: AzureConfig;
  credential: EvalgateAzureCredential;
  env: Record<string, string | undefined>;
  /** the working directory (the repository): local model, data and code paths are relative to it */
  cwd: string;
  /** where collected files go: <workDir>/<job name>/… */
  workDir: string;
  gate: string;
  dryRun?: boolean;
  /** ARM retries per request (tests lower it) */
  maxRetries?: number;
  /** part size and concurrency of uploads (staging in the config; the platform's defaults without) */
  staging?: Staging;
  /** the run's cancel: stops an upload in flight */
  signal?: AbortSignal;
  /** status reads per second (default AZURE_STATUS_RATE) */
  statusRate?: { perSecond: number; burst?: number };
}

interface Tracked {
  job: PlannedJob;
  url?: string;
  transientErrors: number;
  last?: JobStatus;
  startedAt?: number;
}

const sha12 = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 12);

/** uri_file for a URI that names a file (an extension in its last segment), uri_folder otherwise */
const uriType = (uri: string): 'uri_file' | 'uri_folder' => (!uri.endsWith('/') && /\.[A-Za-z0-9]+$/.test(uri) ? 'uri_file' : 'uri_folder');

export class AzurePlatform implements Platform {
  readonly name = 'azure';
  readonly pollIntervalMs: number;
  readonly maxPollIntervalMs: number;
  readonly arm: Arm;
  private ds?: Promise<Datastore>;
  private readonly inputs: Record<'model' | 'data', AzureJobVars['model']> = { model: null, data: null };
  private readonly environments = new Map<string, string>();
  private code?: string;
  private prepared = false;
  readonly hashes: StagedHashes = {};
  private readonly tracked = new Map<string, Tracked>();
  /** the tag key every job of this run carries: Jobs_List filters on it */
  runTag = 'evalgate_run';
  readonly rate: RateLimiter;

  constructor(private readonly opts: AzureOptions) {
    const c = opts.config;
    this.pollIntervalMs = c.pollIntervalMs;
    this.maxPollIntervalMs = Math.max(c.pollIntervalMs, 60_000);
    this.rate = new RateLimiter(
      opts.statusRate?.perSecond ?? AZURE_STATUS_RATE.perSecond,
      opts.statusRate?.burst ?? AZURE_STATUS_RATE.burst,
    );
    this.arm = new Arm(
      { armEndpoint: c.armEndpoint, subscription: c.subscription, resourceGroup: c.resourceGroup, workspace: c.workspace },
      opts.credential,
      { maxRetries: opts.maxRetries },
    );
  }

  private datastore(signal?: AbortSignal): Promise<Datastore> {
    // the first caller's signal (the run's) ends the reads; a later one stops waiting for them
    this.ds ??= resolveDatastore(
      this.arm,
      this.opts.config.datastore,
      this.opts.credential,
      this.opts.env,
      this.opts.config.blobEndpoint,
      signal ?? this.opts.signal,
    );
    this.ds.catch(() => (this.ds = undefined));
    return raceAbort(this.ds, signal);
  }

  private uploadOptions(signal = this.opts.signal): { staging?: Staging; signal?: AbortSignal } {
    return { ...(this.opts.staging ? { staging: this.opts.staging } : {}), ...(signal ? { signal } : {}) };
  }

  private dsUri(p: string): string {
    return `azureml://datastores/${this.opts.config.datastore}/paths/${p}`;
  }

  /** the output folder of one attempt (its name): a new attempt never collects a dead one's files */
  private outPrefix(name: string): string {
    return `${this.opts.config.prefix}/runs/${name}/`;
  }

  locate(): Locations {
    return { ...AZURE_LOCATIONS };
  }

  /** a local file or folder goes to <prefix>/cas/<sha256>/ in the datastore (skipped when already there) */
  async stage(localOrUri: string, kind: 'model' | 'data', signal = this.opts.signal): Promise<string> {
    let uri: string;
    let type: 'uri_file' | 'uri_folder';
    if (isUri(localOrUri)) {
      const m = /^azblob:\/\/([^/]+)\/([^/]+)\/(.*)$/.exec(localOrUri);
      uri = m ? `https://${m[1]}.blob.core.windows.net/${m[2]}/${m[3]}` : localOrUri;
      type = uriType(uri);
    } else {
      const abs = path.resolve(this.opts.cwd, localOrUri);
      const st = await fs.stat(abs);
      const sha = await contentHash(abs, signal);
      this.hashes[kind] = `sha256:${sha}`;
      const prefix = `${this.opts.config.prefix}/cas/${sha}/`;
      if (!this.opts.dryRun) {
        const ds = await this.datastore(signal);
        await uploadPrefix(ds.client, prefix, await localFiles(abs), this.uploadOptions(signal));
      }
      type = st.isFile() ? 'uri_file' : 'uri_folder';
      uri = this.dsUri(st.isFile() ? prefix + path.basename(abs) : prefix);
    }
    this.inputs[kind] = { type, uri };
    return uri;
  }

  /** registers what the jobs share once: an environment per image, the code snapshot */
  async prepare(jobs: PlannedJob[], signal = this.opts.signal): Promise<void> {
    if (this.prepared) return;
    const c = this.opts.config;
    // the same plan gives the same tag: a retried run's jobs carry it too
    this.runTag = `evalgate_run_${sha12(jobs.map((j) => j.name).join('\n'))}`;
    for (const job of jobs) {
      const image = job.image ?? c.image;
      if (!image) {
        this.environments.set(job.name, c.environment!);
        continue;
      }
      const envName = `evalgate-${sha12(image)}`;
      if (!this.opts.dryRun && ![...this.environments.values()].includes(`azureml:${envName}:1`)) {
        await this.arm.send(
          'EnvironmentVersions_CreateOrUpdate',
          'PUT',
          `/environments/${envName}/versions/1`,
          {
            properties: { image, osType: 'Linux', description: `evalgate: ${image}` },
          },
          [200, 201],
          signal,
        );
      }
      this.environments.set(job.name, `azureml:${envName}:1`);
    }
    if (c.code.length) {
      const { files, sha } = await codeSnapshot(this.opts.cwd, this.opts.config.code, 'azure.code', signal);
      this.hashes.code = `sha256:${sha}`;
      const version = sha.slice(0, 16);
      if (!this.opts.dryRun) {
        const ds = await this.datastore(signal);
        const prefix = `${c.prefix}/code/${sha}/`;
        await uploadPrefix(ds.client, prefix, files, this.uploadOptions(signal));
        await this.arm.send(
          'CodeVersions_CreateOrUpdate',
          'PUT',
          `/codes/evalgate-code/versions/${version}`,
          {
            properties: { codeUri: `${ds.serviceUrl}/${ds.container}/${prefix.replace(/\/$/, '')}`, description: 'evalgate: azure.code' },
          },
          [200, 201],
          signal,
        );
      }
      this.code = `azureml:evalgate-code:${version}`;
    }
    this.prepared = true;
  }

  hardware(job: PlannedJob): Partial<Hardware> {
    const t = job.resources.instance_type ?? this.opts.config.instanceType;
    return t ? { instance_type: String(t) } : {};
  }

  /** `name`: the attempt's, where it writes its output */
  private vars(job: PlannedJob, name = job.name): AzureJobVars {
    const c = this.opts.config;
    return {
      compute: c.compute,
      environment: this.environments.get(job.name) ?? c.environment ?? '',
      experiment: c.experiment,
      code: this.code,
      model: this.inputs.model,
      data: this.inputs.data,
      outUri: this.dsUri(this.outPrefix(name)),
      instanceType: c.instanceType,
      instanceCount: c.instanceCount,
    };
  }

  /** --dry-run: each job's YAML, as `az ml job create --file` takes it and as evalgate sends it */
  async describe(jobs: PlannedJob[]): Promise<string> {
    await this.prepare(jobs);
    const out: string[] = [];
    for (const job of jobs) {
      const { text } = await renderAzureJob(job, this.opts.gate, this.vars(job));
      const label = job.shard.count > 1 ? `${job.key} ${job.shard.index + 1}/${job.shard.count}` : job.key;
      out.push(`# ${job.name} (${label}) from platforms/job_templates/azure/job.yml\n${text.endsWith('\n') ? text : text + '\n'}`);
    }
    return out.join('\n');
  }

  async submit(job: PlannedJob, signal = this.opts.signal): Promise<JobHandle> {
    await this.prepare([job], signal);
    // attach: a retried run finds the job it created before instead of starting a second one;
    // one that failed or was cancelled is submitted again as <name>-r2, -r3, …
    const found = await findAttempt(job.name, async (n) => {
      try {
        const res = (await this.arm.send('Jobs_Get', 'GET', `/jobs/${n}`, undefined, [200], signal)).body as Record<string, unknown>;
        const raw = String(((res.properties ?? {}) as Record<string, unknown>).status ?? 'Unknown');
        const state = mapAzureStatus(raw);
        return state === 'failed' || state === 'cancelled' || raw === 'CancelRequested' ? 'dead' : { live: res };
      } catch (e) {
        if (e instanceof ArmError && e.status === 404) return null;
        throw e;
      }
    });
    const run = asAttempt(job, found.name);
    const { text, missing } = await renderAzureJob(run, this.opts.gate, this.vars(job, run.name));
    if (missing.length) throw new Error(`internal error: azure/job.yml uses unknown variables ${missing.join(', ')}`);
    const { name, body } = restJobBody(text, this.arm.base);
    // one tag key for every job of the run: statusMany lists them with `tag=<key>` (a tag
    // evalgate adds for itself; job.yml keeps the ones a user reads)
    body.properties.tags = { ...((body.properties.tags as Record<string, string> | undefined) ?? {}), [this.runTag]: '1' };
    const tracked: Tracked = { job, transientErrors: 0 };
    this.tracked.set(name, tracked);
    let resource = found.existing;
    if (!resource) {
      // the PUT names the job: a PUT the abort cut off after it was sent may have created it, and
      // a Jobs_Get of that name (within ORPHAN_LOOKUP_MS) finds it for the runner to cancel
      // (the pipeline's retries hide whether the last attempt was answered: it is always looked up)
      try {
        resource = (await this.arm.send('Jobs_CreateOrUpdate', 'PUT', `/jobs/${name}`, body, [200, 201], signal)).body as Record<
          string,
          unknown
        >;
      } catch (e) {
        if (!signal?.aborted) throw e;
        const lookup = AbortSignal.timeout(ORPHAN_LOOKUP_MS);
        const lost = await this.arm.send('Jobs_Get', 'GET', `/jobs/${name}`, undefined, [200], lookup).catch(() => null);
        if (!lost) throw e;
        resource = lost.body as Record<string, unknown>;
      }
    }
    tracked.url = studioUrl(resource) ?? this.fallbackUrl(name);
    return { job, id: name, url: tracked.url };
  }

  private fallbackUrl(name: string): string {
    const c = this.opts.config;
    const tid = this.opts.env.AZURE_TENANT_ID ? `&tid=${this.opts.env.AZURE_TENANT_ID}` : '';
    return `https://ml.azure.com/runs/${name}?wsid=/subscriptions/${c.subscription}/resourcegroups/${c.resourceGroup}/workspaces/${c.workspace}${tid}`;
  }

  async status(h: JobHandle, signal?: AbortSignal): Promise<JobStatus> {
    const t = this.track(h);
    let resource: Record<string, unknown>;
    try {
      await this.rate.take(signal);
      throwIfCancelled(signal);
      resource = (await this.arm.send('Jobs_Get', 'GET', `/jobs/${h.id}`, undefined, [200], signal)).body as Record<string, unknown>;
      t.transientErrors = 0;
    } catch (e) {
      // throttled or a server error after the pipeline's own retries: ask again next round
      if (e instanceof ArmError && e.transient && ++t.transientErrors < MAX_TRANSIENT && t.last) return t.last;
      throw e;
    }
    return this.fromResource(h, resource);
  }

  /**
   * Every job of the run from Jobs_List filtered by the run's tag key (`tag=`, "jobs returned will
   * have this tag key"), nextLink followed verbatim to the end (at most MAX_LIST_PAGES pages): one
   * read per page instead of one per job. A job it does not return (one a run before this one
   * created, without the tag) is left to status().
   */
  async statusMany(handles: JobHandle[], signal?: AbortSignal): Promise<Map<string, JobStatus>> {
    const wanted = new Map(handles.map((h) => [h.id, h]));
    const out = new Map<string, JobStatus>();
    let next: string | undefined = `/jobs?listViewType=ActiveOnly&tag=${encodeURIComponent(this.runTag)}`;
    for (let page = 0; next && page < MAX_LIST_PAGES && out.size < wanted.size; page++) {
      await this.rate.take(signal);
      throwIfCancelled(signal);
      const body = (await this.arm.send('Jobs_List', 'GET', next, undefined, [200], signal)).body as {
        value?: unknown;
        nextLink?: unknown;
      };
      for (const r of Array.isArray(body.value) ? (body.value as Record<string, unknown>[]) : []) {
        const h = typeof r.name === 'string' ? wanted.get(r.name) : undefined;
        if (h) {
          this.track(h).transientErrors = 0;
          out.set(h.id, this.fromResource(h, r));
        }
      }
      next = typeof body.nextLink === 'string' && body.nextLink ? body.nextLink : undefined;
    }
    return out;
  }

  private track(h: JobHandle): Tracked {
    const t = this.tracked.get(h.id) ?? { job: h.job, transientErrors: 0 };
    this.tracked.set(h.id, t);
    return t;
  }

  /** a job resource (Jobs_Get, or one item of Jobs_List) as evalgate's status */
  private fromResource(h: JobHandle, resource: Record<string, unknown>): JobStatus {
    const t = this.track(h);
    const props = (resource.properties ?? {}) as Record<string, unknown>;
    const raw = typeof props.status === 'string' ? props.status : 'Unknown';
    const state = mapAzureStatus(raw);
    if (state === 'running' && !t.startedAt) t.startedAt = Date.now();
    const status: JobStatus = { state, platformStatus: raw };
    if (t.startedAt) status.startedAt = t.startedAt;
    if (state === 'succeeded' || state === 'failed' || state === 'cancelled') status.finishedAt = Date.now();
    if (state === 'failed') status.message = `Azure ML job ${raw}${h.url ? ` (${h.url})` : ''}`;
    if (!(raw in AZURE_STATUS)) status.message = `unknown Azure ML job status ${JSON.stringify(raw)}; waiting`;
    t.last = status;
    return status;
  }

  async logs(h: JobHandle, lines: number): Promise<string> {
    try {
      const ds = await this.datastore();
      const name = `ExperimentRun/dcid.${h.id}/user_logs/std_log.txt`;
      const tail = await blobTail(ds.logs, name, lines);
      return (
        tail ??
        `(no log: looked for ${name} in the ${ds.logs.containerName} container of storage account ${ds.logs.accountName}, ` +
          `where Azure ML writes a command job's output once its container starts; the Studio link shows what happened before)`
      );
    } catch (e) {
      return `(the job's user_logs/std_log.txt could not be read: ${(e as Error).message})`;
    }
  }

  async collect(h: JobHandle, _dest?: string, signal?: AbortSignal): Promise<string[]> {
    const ds = await this.datastore(signal);
    // a fresh folder of evalgate's: never one it did not create
    const dest = path.join(await freshFolder(path.join(this.opts.workDir, h.job.name)), 'out');
    const { files, refused } = await downloadPrefix(ds.client, this.outPrefix(h.id), dest, ['.json'], signal);
    if (refused.length)
      throw new Error(
        `job ${h.id} wrote blobs whose names are not plain relative paths (not downloaded): ${refused.slice(0, 5).join(', ')}`,
      );
    return files;
  }

  /** asks Azure ML to cancel and waits (up to a minute, or until `deadline`) until the cancel is done */
  async cancel(h: JobHandle, deadline?: AbortSignal): Promise<void> {
    await cancelAzureJob(this.arm, h.id, undefined, deadline);
  }

  saved(h: JobHandle): SavedJob {
    const c = this.opts.config;
    return {
      platform: 'azure',
      name: h.job.name,
      id: h.id,
      arm_endpoint: c.armEndpoint,
      subscription: c.subscription,
      resource_group: c.resourceGroup,
      workspace: c.workspace,
      ...(c.authorityHost ? { authority_host: c.authorityHost } : {}),
      api_version: AZURE_API_VERSION,
    };
  }
}

export function studioUrl(resource: Record<string, unknown>): string | undefined {
  const services = ((resource.properties ?? {}) as Record<string, unknown>).services as Record<string, { endpoint?: unknown }> | undefined;
  const url = services?.Studio?.endpoint;
  return typeof url === 'string' && /^https:\/\//.test(url) ? url : undefined;
}

/**
 * POST …/jobs/<id>/cancel (202 and a Location to poll), then polls that Location until it stops
 * answering 202. A job already finished answers without a Location: nothing to wait for.
 */
export async function cancelAzureJob(arm: Arm, id: string, waitMs = CANCEL_WAIT_MS, deadline?: AbortSignal): Promise<void> {
  const res = await arm.send('Jobs_Cancel', 'POST', `/jobs/${id}/cancel`, undefined, [200, 202, 204], deadline);
  const location = res.headers.location;
  if (res.status !== 202 || !location) return;
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    const after = Number(res.headers['retry-after']);
    await sleepUnlessAborted(Math.min(10_000, Math.max(200, Number.isFinite(after) ? after * 1000 : 1000)), deadline);
    // the cancel's own budget ran out (a throttled platform): the cancel was accepted (202)
    if (deadline?.aborted) return;
    let poll: ArmResponse;
    try {
      poll = await arm.send('Jobs_Cancel_Poll', 'GET', location, undefined, [200, 202, 204], deadline);
    } catch (e) {
      if (deadline?.aborted) return;
      throw e;
    }
    if (poll.status !== 202) return;
  }
  throw new Error(`Azure ML did not finish cancelling job ${id} within ${Math.round(waitMs / 1000)} s`);
}
