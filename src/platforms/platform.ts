/**
 * One interface every platform implements (local, dgx, azure, volc, bailian), so that a new
 * platform is one module, one template and its tests.
 */
import type { Locations, PlannedJob, Shard } from '../core/plan.js';
import type { Hardware } from '../core/fingerprint.js';

/** What a platform hashed on its way (SPEC §10 fingerprints): `sha256:<hex>` of the staged inputs and the code snapshot. */
export interface StagedHashes {
  model?: string;
  data?: string;
  code?: string;
}

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export const TERMINAL: readonly JobState[] = ['succeeded', 'failed', 'cancelled'];

export interface JobStatus {
  state: JobState;
  /** the platform's own status word (e.g. "Running", "TIMEOUT", "exited 1") */
  platformStatus: string;
  /** why it failed or was cancelled, in the platform's words */
  message?: string;
  startedAt?: number;
  finishedAt?: number;
}

export interface JobHandle {
  job: PlannedJob;
  /** the platform's id of the job (a pid, an Azure job name, a DLC job id, a Slurm job id) */
  id: string;
  /** a link to the job in the platform's UI, when it has one */
  url?: string;
}

/**
 * What the action's post step needs to cancel a job after the main step is gone (a cancelled
 * workflow): plain JSON, saved with core.saveState as jobs start and end.
 */
export interface SavedJob {
  platform: string;
  /** the planned job's name */
  name: string;
  /** the platform's id of the job */
  id: string;
  [detail: string]: unknown;
}

/** a SavedJob read back from JSON (the step state, a file): the fields every canceller needs */
/** A saved job's identity across the places it is saved (the step state, RUNNER_TEMP, the out folder's record). */
export const savedJobKey = (j: SavedJob): string => `${j.platform}\0${j.id}`;

export function isSavedJob(j: unknown): j is SavedJob {
  const v = j as Partial<SavedJob> | null;
  return v !== null && typeof v === 'object' && typeof v.platform === 'string' && typeof v.name === 'string' && typeof v.id === 'string';
}

/**
 * Every call but cancel() takes the run's signal (Ctrl-C, SIGTERM, a cancelled workflow, a failed
 * job stopping the pollers): a retry's backoff (Retry-After included) and a request still out end
 * at once when it fires, the call throwing an AbortError (src/platforms/abort.ts), so that the
 * runner cancels every job within SPEC §8's 10 s. cancel() runs after the abort, bounded by its
 * own budget (CANCEL_BUDGET_MS: the signal it may be given is that deadline, never the run's).
 */
export interface Platform {
  readonly name: string;
  /** how often to ask for status at first; the runner backs off with jitter from there */
  readonly pollIntervalMs: number;
  /** the backoff's ceiling: the verdict comes at most this long after the last job ends */
  readonly maxPollIntervalMs: number;
  /** where a job sees the model, the data and its output folder */
  locate(key: string, shard: Shard, name: string, staged: { model: string; data: string }): Locations;
  /** uploads a local path to the platform's store (content-addressed) and returns how jobs name it */
  stage(localOrUri: string, kind: 'model' | 'data', signal?: AbortSignal): Promise<string>;
  /** sees every job of the run before the first submit (Slurm submits a job's shards as one array) */
  prepare?(jobs: PlannedJob[], signal?: AbortSignal): Promise<void>;
  /** things the report should warn about (e.g. a latency job on a node without the performance governor) */
  readonly warnings?: readonly string[];
  /** the sha256 of each local input it staged and of the code snapshot it uploaded, as it hashes them (fingerprints) */
  readonly hashes?: StagedHashes;
  /** the hardware a job runs on as far as the platform knows it (an instance type, the runner's CPU): fingerprints */
  hardware?(job: PlannedJob): Partial<Hardware>;
  /**
   * submits a job, or attaches to the job of the same name that a retried run submitted already.
   * An abort while its create request is out (sent, its answer unread) looks the job up by its
   * deterministic name within its own short budget and returns it when found, so that the runner
   * cancels it too.
   */
  submit(job: PlannedJob, signal?: AbortSignal): Promise<JobHandle>;
  status(handle: JobHandle, signal?: AbortSignal): Promise<JobStatus>;
  /**
   * The status of many jobs in as few requests as the platform allows (its list call, every page
   * followed to the end and bounded; one sacct for a whole Slurm array): the jobs it found, by
   * handle id. A job missing from the answer is then polled on its own with status(). Throws when
   * the list itself could not be read (after the client's own retries); the runner asks again on
   * the next poll.
   */
  statusMany?(handles: JobHandle[], signal?: AbortSignal): Promise<Map<string, JobStatus>>;
  /** the last `lines` lines of the job's log */
  logs(handle: JobHandle, lines: number): Promise<string>;
  /** downloads every indicator file the job wrote into `dest`; returns their paths */
  collect(handle: JobHandle, dest: string, signal?: AbortSignal): Promise<string[]>;
  /**
   * Stops the job. `deadline` is its own budget after the run's abort (a throttled platform must
   * not hold the exit): the call gives up waiting for the job to reach its end state once it fires.
   */
  cancel(handle: JobHandle, deadline?: AbortSignal): Promise<void>;
  /** what the post step needs to cancel this job later, while it may still be running; null once it cannot be */
  saved?(handle: JobHandle): SavedJob | null;
  /** --dry-run: every job as the platform would be given it (rendered from its template), without sending anything */
  describe?(jobs: PlannedJob[]): Promise<string>;
  /** releases what the platform holds (connections, child processes) */
  close?(): Promise<void>;
}
