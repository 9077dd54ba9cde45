/**
 * plan: from the config's jobs, one job per indicator (or one job writing several), times
 * `shards`. Pure: where the model, data and output are *inside* a job is the platform's to say
 * (`Locations`); this module substitutes them, shell-quoted, into each command.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Problem } from './problem.js';
import type { JobConfig } from '../config/file.js';

export interface RunIdentity {
  /** owner/name, or the working directory's name outside Actions */
  repository: string;
  runId: string;
  runAttempt: string;
  gate: string;
}

export interface Shard {
  index: number;
  count: number;
}

export interface PlannedJob {
  /** the config's key under `jobs` */
  key: string;
  /** the indicators this job writes */
  indicators: string[];
  shard: Shard;
  /** deterministic: the same repository, run, attempt, gate, job and shard give the same name */
  name: string;
  /** the command with every placeholder substituted */
  command: string;
  env: Record<string, string>;
  timeoutMinutes: number;
  resources: NonNullable<JobConfig['resources']>;
  image?: string;
}

/** Where a job sees the model, the data and its output folder. */
export interface Locations {
  model: string;
  data: string;
  out: string;
}

/** POSIX shell quoting: one literal word whatever the value holds (`$(…)`, quotes, spaces). */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `{name}`, but not a shell's `${name}`. Inline JSON (`{"a": 1}`) never matches. */
export const PLACEHOLDER = /(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

type Context = 'bare' | 'single' | 'double';

/**
 * The quoting context at every offset of a POSIX shell command: outside quotes, inside '…', or
 * inside "…" (with backslash escapes outside single quotes). Enough to substitute a value safely
 * wherever a placeholder stands.
 */
function contexts(command: string): Context[] {
  const out: Context[] = new Array(command.length);
  let ctx: Context = 'bare';
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    out[i] = ctx;
    if (ctx === 'single') {
      if (c === "'") ctx = 'bare';
    } else if (c === '\\') {
      out[i + 1] = ctx;
      i++;
    } else if (ctx === 'double') {
      if (c === '"') ctx = 'bare';
    } else if (c === "'") ctx = 'single';
    else if (c === '"') ctx = 'double';
  }
  return out;
}

/** A value as one literal word in each context: quoted bare, escaped in "…", spliced out of '…'. */
function quoteIn(ctx: Context, value: string): string {
  if (ctx === 'double') return value.replace(/[\\$`"]/g, '\\$&');
  if (ctx === 'single') return value.replace(/'/g, `'\\''`);
  return shellQuote(value);
}

/**
 * Substitutes `{model}` `{data}` `{out}` `{shard_index}` `{shard_count}` so that each value stays
 * literal whatever it holds (`$(…)`, backticks, quotes): shell-quoted where the placeholder is
 * bare, escaped for where it stands inside quotes. `quote` replaces the bare-context quoting.
 */
export function renderCommand(template: string, values: Record<string, string>, quote?: (v: string) => string): string {
  const ctx = contexts(template);
  return template.replace(PLACEHOLDER, (_m, name: string, offset: number) => {
    const v = values[name];
    if (v === undefined) throw new Error(`unknown placeholder {${name}}`);
    const c = ctx[offset] ?? 'bare';
    return c === 'bare' && quote ? quote(v) : quoteIn(c, v);
  });
}

const MAX_NAME = 100;

/** A job name every platform accepts: lower-case letters, digits, `-` and `_`, at most 100 characters. */
export function jobName(id: RunIdentity, key: string, shard: Shard): string {
  const norm = (p: string): string =>
    p
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  // Job keys are case-sensitive in the config but names are not: "tp" and "TP" must not become
  // one job (the second submit would attach to the first). A key that normalising changed
  // carries a hash of itself.
  const jobPart = norm(key) === key ? key : `${norm(key)}-${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
  const parts = ['evalgate', id.repository, id.runId, id.runAttempt, id.gate, key, String(shard.index)];
  const clean = [...parts.slice(0, 5).map(norm), jobPart, String(shard.index)].join('-');
  if (clean.length <= MAX_NAME) return clean;
  // Too long: keep the readable end (gate, job, shard) and make the start unique with a hash.
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 10);
  return `evalgate-${hash}-${clean.slice(clean.length - (MAX_NAME - 20))}`.replace(/--+/g, '-');
}

export function runIdentity(env: Record<string, string | undefined>, cwdName: string, gate: string, now: Date): RunIdentity {
  return {
    repository: env.GITHUB_REPOSITORY || cwdName,
    // Outside Actions every run is new: a timestamp keeps a later run from attaching to this one's
    // jobs, and a random part keeps two runs started in the same second apart.
    runId:
      env.EVALGATE_RUN_ID ||
      env.GITHUB_RUN_ID ||
      `local${now.toISOString().replace(/\D/g, '').slice(0, 14)}-${randomBytes(4).toString('hex')}`,
    runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
    gate,
  };
}

export interface PlanInput {
  jobs: Record<string, JobConfig>;
  required: readonly string[];
  timeoutMinutes: number;
  configFile?: string;
}

export function plan(
  input: PlanInput,
  id: RunIdentity,
  locate: (key: string, shard: Shard, name: string) => Locations,
): { jobs: PlannedJob[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const file = input.configFile ?? 'config';
  const entries = Object.entries(input.jobs);
  if (entries.length === 0) {
    problems.push({ file, path: 'jobs', expected: 'at least one job (jobs.<indicator>.command) to run', found: 'none' });
    return { jobs: [], problems };
  }
  const written = new Set(entries.flatMap(([key, j]) => j.indicators ?? [key]));
  for (const r of input.required) {
    if (!written.has(r)) {
      problems.push({
        file,
        path: `jobs.${r}`,
        expected: `a job that writes the required indicator ${r} (or leave it out of indicators)`,
        found: 'none',
      });
    }
  }
  const jobs: PlannedJob[] = [];
  for (const [key, j] of entries) {
    const count = j.shards ?? 1;
    for (let index = 0; index < count; index++) {
      const shard = { index, count };
      const name = jobName(id, key, shard);
      const loc = locate(key, shard, name);
      let command: string;
      try {
        command = renderCommand(j.command, { ...loc, shard_index: String(index), shard_count: String(count) });
      } catch (e) {
        problems.push({ file, path: `jobs.${key}.command`, expected: 'known placeholders', found: (e as Error).message });
        continue;
      }
      const env: Record<string, string> = {};
      for (const [k, v] of Object.entries(j.env ?? {})) env[k] = String(v);
      Object.assign(env, {
        EVALGATE_JOB_NAME: name,
        EVALGATE_INDICATOR: (j.indicators ?? [key]).join(','),
        EVALGATE_SHARD_INDEX: String(index),
        EVALGATE_SHARD_COUNT: String(count),
        EVALGATE_OUT: loc.out,
      });
      const job: PlannedJob = {
        key,
        indicators: j.indicators ?? [key],
        shard,
        name,
        command,
        env,
        timeoutMinutes: j.timeout_minutes ?? input.timeoutMinutes,
        resources: j.resources ?? {},
      };
      if (j.image) job.image = j.image;
      jobs.push(job);
    }
  }
  return { jobs, problems };
}
