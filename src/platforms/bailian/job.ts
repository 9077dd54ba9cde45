/**
 * The PAI-DLC CreateJob body of one evalgate job: rendered from platforms/job_templates/bailian/job.json
 * (the body `aliyun pai-dlc CreateJob --body "$(cat job.json)"` takes), then tidied: fields the
 * template leaves empty for this configuration (`ResourceId`, `EcsSpec` or `ResourceConfig`) are
 * dropped, so what `--dry-run` prints is exactly what evalgate sends.
 */
import type { PlannedJob } from '../../core/plan.js';
import { jobVars, readTemplate, renderTemplate } from '../templates.js';
import type { BailianConfig } from './config.js';

export const MOUNT = '/mnt/evalgate';
/** Where a job sees its inputs, its code and its output folder (OSS prefixes mounted by PAI-DLC). */
export const BAILIAN_MOUNTS = { model: `${MOUNT}/model`, data: `${MOUNT}/data`, code: `${MOUNT}/code`, out: `${MOUNT}/out` } as const;

export const TEMPLATE_FILE = 'platforms/job_templates/bailian/job.json';

/** a mounted OSS prefix, `oss://<bucket>.<endpoint>/<prefix>/`, and the file in it a placeholder names */
export interface Mount {
  uri: string;
  /** the input is this file in the mounted folder */
  file?: string;
}

export interface BailianJobVars {
  model: Mount | null;
  data: Mount | null;
  /** the code snapshot's prefix, mounted at /mnt/evalgate/code (the command starts there) */
  code?: string;
  /** the job's output prefix, mounted read-write at /mnt/evalgate/out */
  outUri: string;
}

/** `oss://<bucket>.<endpoint>/<key>` as DataSources take it */
export const mountUri = (bucket: string, endpoint: string, key: string): string => `oss://${bucket}.${endpoint}/${key}`;

const gib = (n: number): string => `${Number.isInteger(n) ? n : Number(n.toFixed(3))}Gi`;

/** the template variables of a job */
export function bailianTemplateVars(job: PlannedJob, gate: string, c: BailianConfig, v: BailianJobVars): Record<string, string | number> {
  const r = job.resources;
  // the job's own instance_type wins; with a quota, the job's cpu/memory_gb/gpus/gpu_type size its pod
  const ecsSpec = r.instance_type ?? c.ecsSpec ?? '';
  let resourceConfig: Record<string, string> | null = null;
  if (!r.instance_type && c.resourceConfig) {
    const q = c.resourceConfig;
    resourceConfig = {
      CPU: String(r.cpu ?? q.cpu),
      Memory: gib(r.memory_gb ?? q.memoryGb),
      GPU: String(r.gpus ?? q.gpus),
    };
    const gpuType = r.gpu_type ?? q.gpuType;
    if (gpuType) resourceConfig.GPUType = gpuType;
    if (q.sharedMemoryGb) resourceConfig.SharedMemory = gib(q.sharedMemoryGb);
  }
  const sources: Array<Record<string, string>> = [];
  if (v.model) sources.push({ Uri: v.model.uri, MountPath: BAILIAN_MOUNTS.model, MountAccess: 'ReadOnly' });
  if (v.data) sources.push({ Uri: v.data.uri, MountPath: BAILIAN_MOUNTS.data, MountAccess: 'ReadOnly' });
  if (v.code) sources.push({ Uri: v.code, MountPath: BAILIAN_MOUNTS.code, MountAccess: 'ReadOnly' });
  sources.push({ Uri: v.outUri, MountPath: BAILIAN_MOUNTS.out });
  for (const d of c.dataSources) sources.push({ DataSourceId: d.id, ...(d.mountPath ? { MountPath: d.mountPath } : {}) });
  return {
    ...jobVars(job, gate),
    // commands are written for the repository checkout: with a code snapshot they start in it
    command: v.code ? `cd ${BAILIAN_MOUNTS.code} && ${job.command}` : job.command,
    workspace_id: c.workspaceId,
    job_type: c.jobType,
    resource_id: c.resourceId ?? '',
    image: job.image ?? c.image,
    ecs_spec: ecsSpec,
    resource_config_json: JSON.stringify(resourceConfig),
    data_sources_json: JSON.stringify(sources),
  };
}

export async function renderBailianJob(
  job: PlannedJob,
  gate: string,
  c: BailianConfig,
  v: BailianJobVars,
): Promise<{ text: string; missing: string[] }> {
  return renderTemplate(await readTemplate('bailian'), bailianTemplateVars(job, gate, c, v), 'json');
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The CreateJob body of a rendered job.json. Throws with the field's name when a hand-edited
 * template lost something CreateJob requires, before anything reaches PAI-DLC.
 */
export function createJobBody(text: string): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new Error(`${TEMPLATE_FILE} did not render to JSON: ${(e as Error).message}`);
  }
  if (!isObj(body)) throw new Error(`${TEMPLATE_FILE}: expected a JSON object (the CreateJob body)`);
  for (const k of ['DisplayName', 'JobType', 'UserCommand'])
    if (typeof body[k] !== 'string' || !body[k]) throw new Error(`${TEMPLATE_FILE}: ${k}: expected a non-empty string`);
  if (!Array.isArray(body.JobSpecs) || body.JobSpecs.length === 0 || !body.JobSpecs.every(isObj))
    throw new Error(`${TEMPLATE_FILE}: JobSpecs: expected a non-empty list of job specs`);
  if (body.ResourceId === '' || body.ResourceId === null) delete body.ResourceId;
  for (const spec of body.JobSpecs as Array<Record<string, unknown>>) {
    if (spec.EcsSpec === '' || spec.EcsSpec === null) delete spec.EcsSpec;
    if (spec.ResourceConfig === null || (isObj(spec.ResourceConfig) && Object.keys(spec.ResourceConfig).length === 0))
      delete spec.ResourceConfig;
    if (spec.EcsSpec === undefined && spec.ResourceConfig === undefined)
      throw new Error(`${TEMPLATE_FILE}: JobSpecs: each spec needs EcsSpec (public resources) or ResourceConfig (a quota)`);
  }
  if (body.DataSources !== undefined && !Array.isArray(body.DataSources)) throw new Error(`${TEMPLATE_FILE}: DataSources: expected a list`);
  return body;
}
