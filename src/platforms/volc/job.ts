/**
 * The ML platform job of one evalgate job: rendered from platforms/job_templates/volc/job.json (the
 * CreateJob body itself, so the rendered file also works by hand, e.g. with the console's "create
 * from JSON" or any OpenAPI client), with the TOS storages of inputs a job does not have left out.
 */
import type { PlannedJob } from '../../core/plan.js';
import { shellQuote } from '../../core/plan.js';
import type { JobState } from '../platform.js';
import { jobVars, readTemplate, renderTemplate } from '../templates.js';

export const VOLC_MOUNT = '/mnt/evalgate';
/** Where a job sees its code, inputs and output: TOS prefixes mounted by the platform. */
export const VOLC_PATHS = {
  code: `${VOLC_MOUNT}/code`,
  model: `${VOLC_MOUNT}/model`,
  data: `${VOLC_MOUNT}/data`,
  out: `${VOLC_MOUNT}/out`,
} as const;
/**
 * The 2024-07-01 API has no log action, so each job tees its own stdout and stderr into its output
 * mount. Not a .json name: collect never takes it for an indicator file.
 */
export const VOLC_LOG_FILE = 'evalgate-log.txt';

/** The 2024-07-01 job states (Status.State) and what each means for evalgate. */
export const VOLC_STATES: Record<string, JobState> = {
  Creating: 'queued',
  Waiting: 'queued',
  Queueing: 'queued',
  Deploying: 'queued',
  Running: 'running',
  // stop accepted, not done: the job may still write
  Stopping: 'running',
  Completed: 'succeeded',
  Failed: 'failed',
  Stopped: 'cancelled',
};

/** an unknown state is not terminal: the job timeout ends a job that never leaves it */
export function mapVolcState(state: string): JobState {
  return VOLC_STATES[state] ?? 'queued';
}

/** A TOS prefix mounted into the job. */
export interface TosMount {
  bucket: string;
  /** ends in `/`, or is empty (the whole bucket) */
  prefix: string;
}

export interface VolcJobVars {
  project: string;
  image: string;
  framework: string;
  resourceQueueId: string;
  instanceType: string;
  code: TosMount | null;
  model: TosMount | null;
  data: TosMount | null;
  out: TosMount;
}

/**
 * The job's command as the platform runs it: from the code mount when there is one (so commands
 * written for the repository checkout work unchanged), under /bin/sh like every other platform,
 * with stdout and stderr also written to <out>/evalgate-log.txt, and the command's own exit code
 * as the job's (a pipeline's status would be tee's). POSIX sh: no pipefail needed.
 */
export function wrapCommand(command: string, codeDir?: string): string {
  const run = `${codeDir ? `cd ${shellQuote(codeDir)} && ` : ''}/bin/sh -c ${shellQuote(command)}`;
  return (
    `rc=/tmp/evalgate-rc.$$; { ${run}; echo $? > "$rc"; } 2>&1 | tee ${VOLC_PATHS.out}/${VOLC_LOG_FILE}; ` +
    `code=$(cat "$rc" 2>/dev/null); rm -f "$rc"; exit "\${code:-1}"`
  );
}

export function volcTemplateVars(job: PlannedJob, gate: string, v: VolcJobVars): Record<string, string | number> {
  const mount = (m: TosMount | null, name: string): Record<string, string> => ({
    [`${name}_bucket`]: m?.bucket ?? '',
    [`${name}_prefix`]: m?.prefix ?? '',
  });
  return {
    ...jobVars(job, gate),
    command: wrapCommand(job.command, v.code ? VOLC_PATHS.code : undefined),
    project: v.project,
    image: job.image ?? v.image,
    framework: v.framework,
    resource_queue_id: v.resourceQueueId,
    instance_type: job.resources.instance_type ?? v.instanceType,
    ...mount(v.code, 'code'),
    ...mount(v.model, 'model'),
    ...mount(v.data, 'data'),
    ...mount(v.out, 'out'),
    // the bucket of the output and staged inputs (the template's old name for it)
    tos_bucket: v.out.bucket,
  };
}

export async function renderVolcJob(job: PlannedJob, gate: string, v: VolcJobVars): Promise<{ text: string; missing: string[] }> {
  return renderTemplate(await readTemplate('volc'), volcTemplateVars(job, gate, v), 'json');
}

type Json = Record<string, unknown>;

/**
 * The CreateJob body of a rendered job.json: parsed, with each TOS storage whose bucket is empty
 * left out (no model, no data, no code, or an input that is a URI the job reads itself).
 */
export function createJobBody(text: string): Json {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new Error(`volc/job.json does not render to JSON: ${(e as Error).message}`);
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new Error('volc/job.json: expected a JSON object');
  const b = body as Json;
  const storage = b.StorageConfig as { Storages?: Json[] } | undefined;
  if (storage && Array.isArray(storage.Storages)) {
    storage.Storages = storage.Storages.filter((s) => {
      const tos = (s.Config as { Tos?: { Bucket?: unknown } } | undefined)?.Tos;
      return !tos || (typeof tos.Bucket === 'string' && tos.Bucket !== '');
    });
  }
  return b;
}

/** [U] the console's job page (platform-apis §3.8: the job list's form, from third-party docs; the detail path is a guess) */
export function consoleUrl(region: string, id: string): string {
  return `https://console.volcengine.com/ml-platform/region:ml-platform+${encodeURIComponent(region)}/task/detail?Id=${encodeURIComponent(id)}`;
}
