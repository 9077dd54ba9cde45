/**
 * What `--dry-run` renders for each platform: where a job sees the model, data and its output,
 * where staging would put a local path (content-addressed, computed here without uploading), and
 * the template variables taken from the platform's config section.
 */
import path from 'node:path';
import { promises as fs } from 'node:fs';
import type { Locations, PlannedJob } from '../core/plan.js';
import { isUri } from '../stores/fs.js';
import { contentHash, jobVars, readTemplate, renderTemplate, TEMPLATES } from './templates.js';

export interface Staged {
  /** as the user named it */
  source: string;
  kind: 'file' | 'folder' | 'uri';
  basename: string;
  /** sha256 of the content (file, or folder listing) */
  sha?: string;
}

export async function describeStaged(source: string, cwd: string): Promise<Staged> {
  if (isUri(source)) return { source, kind: 'uri', basename: path.posix.basename(source.replace(/\/+$/, '')) };
  const abs = path.resolve(cwd, source);
  const st = await fs.stat(abs);
  return { source, kind: st.isFile() ? 'file' : 'folder', basename: path.basename(abs), sha: await contentHash(abs) };
}

interface SpecPlatform {
  /** config keys a spec needs, with their defaults (undefined: required) */
  keys: Record<string, string | undefined>;
  locate(m: Staged, d: Staged, jobName: string, cfg: Record<string, string>): Locations;
  vars(job: PlannedJob, m: Staged, d: Staged, cfg: Record<string, string>): Record<string, string | number>;
}

const MOUNT = '/mnt/evalgate';
const casPath = (prefix: string, s: Staged): string => `${prefix.replace(/\/+$/, '')}/cas/${s.sha}/`;
const inMount = (dir: string, s: Staged): string => (s.kind === 'file' ? `${dir}/${s.basename}` : dir);

const SPECS: Record<Exclude<keyof typeof TEMPLATES, 'dgx' | 'azure' | 'volc'>, SpecPlatform> = {
  bailian: {
    keys: {
      workspace_id: undefined,
      image: undefined,
      oss_bucket: undefined,
      region: 'cn-hangzhou',
      ecs_spec: 'ecs.g6.xlarge',
      oss_prefix: 'evalgate',
    },
    locate: (m, d) => ({ model: inMount(`${MOUNT}/model`, m), data: inMount(`${MOUNT}/data`, d), out: `${MOUNT}/out` }),
    vars(job, m, d, cfg) {
      const host = `oss://${cfg.oss_bucket}.oss-${cfg.region}-internal.aliyuncs.com`;
      const dir = (s: Staged): string => (s.kind === 'uri' ? s.source : `${host}/${casPath(cfg.oss_prefix!, s)}`);
      return {
        workspace_id: cfg.workspace_id!,
        image: job.image ?? cfg.image!,
        ecs_spec: job.resources.instance_type ?? cfg.ecs_spec!,
        model_mount_uri: dir(m),
        data_mount_uri: dir(d),
        out_uri: `${host}/${cfg.oss_prefix}/runs/${job.name}/`,
      };
    },
  },
};

export function isSpecPlatform(name: string): name is keyof typeof SPECS {
  return name in SPECS;
}

/** The platform's config section with defaults filled in, and the keys it still lacks. */
export function specConfig(
  platform: keyof typeof SPECS,
  section: Record<string, unknown> | undefined,
): { cfg: Record<string, string>; missing: string[] } {
  const cfg: Record<string, string> = {};
  const missing: string[] = [];
  for (const [k, def] of Object.entries(SPECS[platform].keys)) {
    const v = section?.[k];
    if (v !== undefined && v !== null && v !== '') cfg[k] = String(v);
    else if (def !== undefined) cfg[k] = def;
    else missing.push(`${platform}.${k}`);
  }
  return { cfg, missing };
}

export function specLocate(platform: keyof typeof SPECS, m: Staged, d: Staged, jobName: string, cfg: Record<string, string>): Locations {
  return SPECS[platform].locate(m, d, jobName, cfg);
}

export async function renderSpec(
  platform: keyof typeof SPECS,
  job: PlannedJob,
  gate: string,
  m: Staged,
  d: Staged,
  cfg: Record<string, string>,
): Promise<{ file: string; text: string; missing: string[] }> {
  const template = await readTemplate(platform);
  const vars = { ...jobVars(job, gate), ...SPECS[platform].vars(job, m, d, cfg) };
  const { text, missing } = renderTemplate(template, vars, TEMPLATES[platform].format);
  return { file: `platforms/job_templates/${TEMPLATES[platform].file}`, text, missing };
}
