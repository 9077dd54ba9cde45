/**
 * Job specs rendered from platforms/job_templates/: `{{name}}` is replaced by the value escaped
 * for where the template writes it (JSON/YAML: inside a double-quoted string; shell: one quoted
 * word), `{{{name}}}` by the value as is (a JSON object, a block of export lines).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { shellQuote, type PlannedJob } from '../core/plan.js';
import { throwIfCancelled } from './abort.js';

export type TemplateFormat = 'json' | 'yaml' | 'sh';

export const TEMPLATES: Record<'azure' | 'volc' | 'bailian' | 'dgx', { file: string; format: TemplateFormat }> = {
  azure: { file: 'azure/job.yml', format: 'yaml' },
  volc: { file: 'volc/job.json', format: 'json' },
  bailian: { file: 'bailian/job.json', format: 'json' },
  dgx: { file: 'dgx/run.sh', format: 'sh' },
};

/**
 * The templates ship beside the code: two levels up from this module, whether it runs from
 * src/platforms/ (tests) or from a bundle in dist/<entry>/.
 */
export function templatesDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'platforms', 'job_templates');
}

export function renderTemplate(
  text: string,
  vars: Record<string, string | number>,
  format: TemplateFormat,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const escape = (v: string): string => (format === 'sh' ? shellQuote(v) : JSON.stringify(v).slice(1, -1));
  const out = text.replace(/\{\{\{([a-z0-9_]+)\}\}\}|\{\{([a-z0-9_]+)\}\}/g, (_m, raw: string | undefined, esc: string | undefined) => {
    const name = (raw ?? esc)!;
    const v = vars[name];
    if (v === undefined) {
      missing.add(name);
      return `<${name}>`;
    }
    return raw ? String(v) : escape(String(v));
  });
  return { text: out, missing: [...missing] };
}

export async function readTemplate(platform: keyof typeof TEMPLATES): Promise<string> {
  return fs.readFile(path.join(templatesDir(), TEMPLATES[platform].file), 'utf8');
}

/**
 * The content address of a local file or folder: sha256 of the file, or of the sorted list of
 * (relative path, file sha256) of a folder. An unchanged model is staged under the same prefix
 * and never sent twice.
 */
export async function contentHash(p: string, signal?: AbortSignal): Promise<string> {
  throwIfCancelled(signal);
  const st = await fs.stat(p);
  if (st.isFile()) return fileSha256(p, signal);
  const entries: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) entries.push(`${path.relative(p, full).split(path.sep).join('/')}\u0000${await contentHash(full, signal)}`);
    }
  };
  await walk(p);
  return createHash('sha256').update(entries.join('\n')).digest('hex');
}

/**
 * The sha256 of a file of any size, read in 4 MiB pieces into one reused buffer (a model checkpoint
 * is often well past 2 GiB, the largest buffer Node reads at once): memory stays at the buffer.
 * The run's cancel stops it between two pieces (a 100 GB checkpoint takes minutes to hash).
 */
export async function fileSha256(file: string, signal?: AbortSignal): Promise<string> {
  const h = createHash('sha256');
  const fd = await fs.open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (;;) {
      throwIfCancelled(signal);
      const { bytesRead } = await fd.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      h.update(bytesRead === buf.length ? buf : buf.subarray(0, bytesRead));
    }
  } finally {
    await fd.close();
  }
  return h.digest('hex');
}

/** Common template variables of a job. */
export function jobVars(job: PlannedJob, gate: string): Record<string, string | number> {
  return {
    job_name: job.name,
    job_key: job.key,
    display_name: `evalgate ${gate} ${job.key} ${job.shard.index}/${job.shard.count}${job.repeat ? ` repeat ${job.repeat.index}/${job.repeat.count}` : ''}`,
    gate,
    indicators: job.indicators.join(', '),
    shard_index: job.shard.index,
    shard_count: job.shard.count,
    command: job.command,
    timeout_minutes: Math.ceil(job.timeoutMinutes),
    timeout_seconds: Math.ceil(job.timeoutMinutes * 60),
    env_json: JSON.stringify(job.env),
    env_list_json: JSON.stringify(Object.entries(job.env).map(([Name, Value]) => ({ Name, Value, IsPrivate: false }))),
    env_exports: Object.entries(job.env)
      .map(([k, v]) => `export ${k}=${shellQuote(v)}`)
      .join('\n'),
  };
}
