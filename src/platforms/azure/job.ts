/**
 * The Azure ML command job of one evalgate job: rendered from platforms/job_templates/azure/job.yml
 * (the az ml CLI's YAML, so the rendered file also works with `az ml job create --file`), then
 * converted field by field to the REST body ARM takes (PUT …/jobs/<name>).
 */
import { parse as parseYaml } from 'yaml';
import type { PlannedJob } from '../../core/plan.js';
import { jobVars, readTemplate, renderTemplate } from '../templates.js';

/** Where the job sees its inputs and output: Azure ML substitutes these in the command before it runs. */
export const AZURE_LOCATIONS = { model: '${{inputs.model}}', data: '${{inputs.data}}', out: '${{outputs.results}}' };
const AZURE_ENV: Record<string, string> = {
  EVALGATE_OUT: AZURE_LOCATIONS.out,
  EVALGATE_MODEL: AZURE_LOCATIONS.model,
  EVALGATE_DATA: AZURE_LOCATIONS.data,
};

export interface AzureJobVars {
  compute: string;
  environment: string;
  experiment: string;
  /** `azureml:<name>:<version>` of the code snapshot, or none */
  code?: string;
  model: { type: 'uri_file' | 'uri_folder'; uri: string } | null;
  data: { type: 'uri_file' | 'uri_folder'; uri: string } | null;
  /** `azureml://datastores/<ds>/paths/<prefix>/runs/<job>/` */
  outUri: string;
  instanceType?: string;
  instanceCount?: number;
}

/**
 * The template variables of a job. Azure ML substitutes `${{outputs.results}}` in the command only,
 * not in environment variables, so EVALGATE_OUT (and EVALGATE_MODEL, EVALGATE_DATA, which the
 * command's placeholders reference) are exported by the command itself.
 */
export function azureTemplateVars(job: PlannedJob, gate: string, v: AzureJobVars): Record<string, string | number> {
  const env = { ...job.env };
  const exports: string[] = [];
  for (const [k, v] of Object.entries(AZURE_ENV)) {
    if (k in env) exports.push(`${k}="${v}"`);
    delete env[k];
  }
  const resources: Record<string, string | number> = {};
  if (v.instanceCount) resources.instance_count = v.instanceCount;
  if (job.resources.instance_type ?? v.instanceType) resources.instance_type = String(job.resources.instance_type ?? v.instanceType);
  return {
    ...jobVars(job, gate),
    command: `export ${exports.join(' ')}; ${job.command}`,
    env_json: JSON.stringify(env),
    compute: v.compute,
    environment: v.environment,
    experiment: v.experiment,
    code_line: v.code ? `code: ${JSON.stringify(v.code)}` : '# code: none (the command runs from the environment image)',
    resources_line: Object.keys(resources).length ? `resources: ${JSON.stringify(resources)}` : '# resources: the compute default',
    model_type: v.model?.type ?? 'uri_folder',
    model_uri: v.model?.uri ?? '',
    data_type: v.data?.type ?? 'uri_folder',
    data_uri: v.data?.uri ?? '',
    out_uri: v.outUri,
  };
}

export async function renderAzureJob(job: PlannedJob, gate: string, v: AzureJobVars): Promise<{ text: string; missing: string[] }> {
  return renderTemplate(await readTemplate('azure'), azureTemplateVars(job, gate, v), 'yaml');
}

const INPUT_MODES: Record<string, string> = {
  ro_mount: 'ReadOnlyMount',
  rw_mount: 'ReadWriteMount',
  download: 'Download',
  direct: 'Direct',
  eval_mount: 'EvalMount',
  eval_download: 'EvalDownload',
};
const OUTPUT_MODES: Record<string, string> = { rw_mount: 'ReadWriteMount', upload: 'Upload', direct: 'Direct' };

/** the ARM id of a workspace asset named the CLI's way (`azureml:<name>:<version>`), or the value as given */
function assetId(value: string, kind: 'environments' | 'codes', workspaceId: string, field: string): string {
  if (value.startsWith('azureml://') || value.startsWith('/subscriptions/')) return value;
  const m = /^azureml:([^:@/]+):([^:@/]+)$/.exec(value);
  if (!m)
    throw new Error(
      `${field}: expected azureml:<name>:<version>, an azureml://registries/… id or an ARM id, found ${JSON.stringify(value)}`,
    );
  return `${workspaceId}/${kind}/${m[1]}/versions/${m[2]}`;
}

function computeId(value: string, workspaceId: string): string {
  if (value.startsWith('/subscriptions/')) return value;
  const name = value.replace(/^azureml:/, '');
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(name))
    throw new Error(`compute: expected a compute name or ARM id, found ${JSON.stringify(value)}`);
  return `${workspaceId}/computes/${name}`;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/**
 * The REST body of a rendered job.yml. Throws with the field's name on anything the conversion
 * does not know (so a hand-edited template fails before it reaches Azure, not after).
 */
export function restJobBody(yamlText: string, workspaceId: string): { name: string; body: { properties: Record<string, unknown> } } {
  const spec = parseYaml(yamlText) as Record<string, unknown>;
  if (!spec || typeof spec !== 'object') throw new Error('job.yml: expected a mapping');
  if (spec.type !== 'command') throw new Error(`type: expected command, found ${JSON.stringify(spec.type)}`);
  const name = str(spec.name);
  const p: Record<string, unknown> = { jobType: 'Command' };
  if (spec.display_name) p.displayName = str(spec.display_name);
  if (spec.experiment_name) p.experimentName = str(spec.experiment_name);
  if (spec.description) p.description = str(spec.description);
  p.command = str(spec.command);
  if (spec.code) p.codeId = assetId(str(spec.code), 'codes', workspaceId, 'code');
  p.environmentId = assetId(str(spec.environment), 'environments', workspaceId, 'environment');
  p.computeId = computeId(str(spec.compute), workspaceId);
  const env = (spec.environment_variables ?? {}) as Record<string, unknown>;
  p.environmentVariables = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, str(v)]));
  const inputs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((spec.inputs ?? {}) as Record<string, unknown>)) {
    if (v === null || typeof v !== 'object') {
      inputs[k] = { jobInputType: 'literal', value: str(v) };
      continue;
    }
    const i = v as Record<string, unknown>;
    if (!str(i.path)) continue; // no model or no data: the input is left out
    const mode = INPUT_MODES[str(i.mode || 'ro_mount')];
    if (!mode) throw new Error(`inputs.${k}.mode: expected one of ${Object.keys(INPUT_MODES).join(', ')}, found ${JSON.stringify(i.mode)}`);
    inputs[k] = { jobInputType: str(i.type), uri: str(i.path), mode };
  }
  p.inputs = inputs;
  const outputs: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((spec.outputs ?? {}) as Record<string, unknown>)) {
    const o = (v ?? {}) as Record<string, unknown>;
    const mode = OUTPUT_MODES[str(o.mode || 'rw_mount')];
    if (!mode)
      throw new Error(`outputs.${k}.mode: expected one of ${Object.keys(OUTPUT_MODES).join(', ')}, found ${JSON.stringify(o.mode)}`);
    outputs[k] = { jobOutputType: str(o.type), uri: str(o.path), mode };
  }
  p.outputs = outputs;
  const res = spec.resources as Record<string, unknown> | undefined;
  if (res) {
    const r: Record<string, unknown> = {};
    if (res.instance_count !== undefined) r.instanceCount = Number(res.instance_count);
    if (res.instance_type !== undefined) r.instanceType = str(res.instance_type);
    p.resources = r;
  }
  const limits = spec.limits as Record<string, unknown> | undefined;
  if (limits?.timeout !== undefined) p.limits = { jobLimitsType: 'Command', timeout: `PT${Math.ceil(Number(limits.timeout))}S` };
  if (spec.tags) p.tags = Object.fromEntries(Object.entries(spec.tags as Record<string, unknown>).map(([k, v]) => [k, str(v)]));
  return { name, body: { properties: p } };
}
