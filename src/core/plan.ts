/**
 * plan: from the config's jobs, one job per indicator (or one job writing several), times
 * `shards`. Pure: where the model, data and output are *inside* a job is the platform's to say
 * (`Locations`); this module renders each placeholder as a reference to the environment variable
 * that carries its value (PLACEHOLDER_ENV), never the value itself.
 */
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
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
  /** which run of the job's whole shard set this is (`repeats: N`, SPEC §9); absent: the job is not repeated */
  repeat?: Shard;
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
  /** the evalgate CLI as the job can run it (`{evalgate}`); `evalgate` (on the job's PATH) when absent */
  evalgate?: string;
}

/** POSIX shell quoting: one literal word whatever the value holds (`$(…)`, quotes, spaces). */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `{name}`, but not a shell's `${name}`. Inline JSON (`{"a": 1}`) never matches. */
export const PLACEHOLDER = /(?<!\$)\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The environment variable that carries each placeholder's value into the job. */
export const PLACEHOLDER_ENV: Record<string, string> = {
  model: 'EVALGATE_MODEL',
  data: 'EVALGATE_DATA',
  out: 'EVALGATE_OUT',
  shard_index: 'EVALGATE_SHARD_INDEX',
  shard_count: 'EVALGATE_SHARD_COUNT',
  evalgate: 'EVALGATE_CLI',
  repeat_index: 'EVALGATE_REPEAT_INDEX',
  repeat_count: 'EVALGATE_REPEAT_COUNT',
};

/** The placeholders whose values are numbers (allowed in shell arithmetic). */
const NUMERIC_PLACEHOLDERS = new Set(['shard_index', 'shard_count', 'repeat_index', 'repeat_count']);

type Kind = 'bare' | 'double' | 'single' | 'cmdsub' | 'backtick' | 'arith' | 'heredoc' | 'qheredoc';
interface Doc {
  delim: string;
  quoted: boolean;
  strip: boolean;
}
interface Frame {
  kind: Kind;
  start: number;
  depth: number;
  /** inside a string another interpreter runs as code (`sh -c "…"`, `python -c "…"`, `eval "…"`) */
  code: boolean;
  doc?: Doc;
}

/** One `{name}` in a command: what it becomes there, or why it cannot stand there. */
export interface PlaceholderSite {
  name: string;
  offset: number;
  length: number;
  render?: string;
  problem?: string;
}

const CODE_ARG = /(?:^|[\s;&|(])(?:-c|-e|--command|--eval|eval)\s*$/;
const EVAL_SEGMENT = /^\s*(?:[A-Za-z_][A-Za-z0-9_]*=\S*\s+)*(?:eval|exec\s+eval)\s/;

/**
 * Where each placeholder stands in a POSIX shell command, and what it becomes: a reference to its
 * environment variable, never the value. `"${EVALGATE_MODEL}"` bare (also inside `$(…)` and
 * backticks, which start a fresh command), `${EVALGATE_MODEL}` inside "…" and unquoted heredoc
 * bodies, `${EVALGATE_SHARD_INDEX}` in arithmetic. The shell expands a variable once and never
 * parses the result as code, so the value arrives byte for byte whatever it holds. Places where no
 * reference is both safe and correct are problems: single quotes, quoted heredocs, arithmetic on a
 * path, and strings another interpreter runs as code (after `-c`, `-e`, `eval`).
 */
export function placeholderSites(command: string): PlaceholderSite[] {
  const at = new Map<number, string>();
  for (const m of command.matchAll(PLACEHOLDER)) at.set(m.index!, m[1]!);
  const stack: Frame[] = [{ kind: 'bare', start: 0, depth: 0, code: false }];
  const pending: Doc[] = [];
  const sites: PlaceholderSite[] = [];
  let lineStart = false;
  const push = (kind: Kind, i: number, code = false, doc?: Doc): void => {
    const f = stack[stack.length - 1]!;
    stack.push({ kind, start: i, depth: 0, code: code || f.code, ...(doc ? { doc } : {}) });
  };
  const startDoc = (i: number): void => {
    const doc = pending.shift();
    if (doc) {
      push(doc.quoted ? 'qheredoc' : 'heredoc', i, false, doc);
      lineStart = true;
    }
  };
  for (let i = 0; i < command.length;) {
    const f = stack[stack.length - 1]!;
    const c = command[i]!;
    const next = command[i + 1];
    if ((f.kind === 'heredoc' || f.kind === 'qheredoc') && lineStart) {
      lineStart = false;
      const nl = command.indexOf('\n', i);
      const lineEnd = nl < 0 ? command.length : nl;
      const line = command.slice(i, lineEnd);
      if ((f.doc!.strip ? line.replace(/^\t+/, '') : line) === f.doc!.delim) {
        stack.pop();
        i = lineEnd + 1;
        startDoc(i);
        continue;
      }
    }
    const name = at.get(i);
    if (name !== undefined) {
      sites.push(site(command, name, i, f));
      i += name.length + 2;
      continue;
    }
    if (f.kind === 'single') {
      if (c === "'") stack.pop();
      i++;
      continue;
    }
    if (f.kind === 'qheredoc') {
      if (c === '\n') lineStart = true;
      i++;
      continue;
    }
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '$' && next === '(' && command[i + 2] === '(') {
      push('arith', i + 3);
      i += 3;
      continue;
    }
    if (c === '$' && next === '(') {
      push('cmdsub', i + 2);
      i += 2;
      continue;
    }
    if (c === '`') {
      if (f.kind === 'backtick') stack.pop();
      else push('backtick', i + 1);
      i++;
      continue;
    }
    if (f.kind === 'heredoc') {
      if (c === '\n') lineStart = true;
      i++;
      continue;
    }
    if (f.kind === 'double') {
      if (c === '"') stack.pop();
      i++;
      continue;
    }
    // bare, cmdsub, backtick, arith: a command (or an expression)
    if (f.kind === 'arith') {
      if (c === '(') f.depth++;
      else if (c === ')') {
        if (f.depth > 0) f.depth--;
        else if (next === ')') {
          stack.pop();
          i += 2;
          continue;
        }
      }
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      push(c === "'" ? 'single' : 'double', i + 1, CODE_ARG.test(command.slice(f.start, i)));
      i++;
      continue;
    }
    if (c === '(' && next === '(') {
      push('arith', i + 2);
      i += 2;
      continue;
    }
    if (c === '(' && f.kind === 'cmdsub') f.depth++;
    if (c === ')' && f.kind === 'cmdsub') {
      if (f.depth > 0) f.depth--;
      else stack.pop();
      i++;
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|(]/.test(command[i - 1]!))) {
      const nl = command.indexOf('\n', i);
      i = nl < 0 ? command.length : nl;
      continue;
    }
    if (c === '<' && next === '<' && command[i + 2] !== '<') {
      let j = i + 2;
      const strip = command[j] === '-';
      if (strip) j++;
      while (command[j] === ' ' || command[j] === '\t') j++;
      const w = /^(?:[^\s;&|<>()'"\\]|\\.|'[^']*'|"[^"]*")+/.exec(command.slice(j));
      if (w) {
        pending.push({ delim: w[0].replace(/\\(.)|['"]/g, '$1'), quoted: /['"\\]/.test(w[0]), strip });
        i = j + w[0].length;
        continue;
      }
    }
    if (c === '\n' && pending.length) {
      i++;
      startDoc(i);
      continue;
    }
    i++;
  }
  return sites;
}

function site(command: string, name: string, offset: number, f: Frame): PlaceholderSite {
  const s: PlaceholderSite = { name, offset, length: name.length + 2 };
  const v = PLACEHOLDER_ENV[name];
  if (v === undefined) return { ...s, problem: `unknown placeholder {${name}}` };
  if (f.kind === 'single')
    return { ...s, problem: `{${name}} inside single quotes, where nothing expands: write it outside the quotes ('…'{${name}}'…')` };
  if (f.kind === 'qheredoc')
    return {
      ...s,
      problem: `{${name}} in the body of a quoted heredoc (<<'${f.doc!.delim}'), where nothing expands: quote no part of the delimiter`,
    };
  const segment =
    command
      .slice(f.start, offset)
      .split(/[;&|\n(]/)
      .pop() ?? '';
  if (f.code || ((f.kind === 'bare' || f.kind === 'cmdsub' || f.kind === 'backtick') && EVAL_SEGMENT.test(segment)))
    return {
      ...s,
      problem: `{${name}} inside a string another interpreter runs as code (after -c, -e or eval), where its value would become code: read the environment variable ${v} there instead`,
    };
  switch (f.kind) {
    case 'arith':
      return NUMERIC_PLACEHOLDERS.has(name)
        ? { ...s, render: `\${${v}}` }
        : {
            ...s,
            problem: `{${name}} inside arithmetic ((…)), where a value is evaluated: only {shard_index}, {shard_count}, {repeat_index} and {repeat_count} are numbers`,
          };
    case 'double':
    case 'heredoc':
      return { ...s, render: `\${${v}}` };
    default:
      return { ...s, render: `"\${${v}}"` };
  }
}

/** Every reason the placeholders of `command` cannot be rendered (unknown names, unsafe places). */
export function placeholderContextProblems(command: string): string[] {
  return placeholderSites(command).flatMap((p) => (p.problem && !p.problem.startsWith('unknown') ? [p.problem] : []));
}

/**
 * Renders `{model}` `{data}` `{out}` `{shard_index}` `{shard_count}` `{evalgate}` as references to
 * the job's EVALGATE_MODEL … EVALGATE_SHARD_COUNT, EVALGATE_CLI (see `placeholderSites`); the values travel in the job's
 * environment, never in the command text. Throws with the first problem.
 */
export function renderCommand(template: string): string {
  const sites = placeholderSites(template);
  const bad = sites.find((s) => s.problem);
  if (bad) throw new Error(bad.problem);
  let out = '';
  let last = 0;
  for (const s of sites) {
    out += template.slice(last, s.offset) + s.render!;
    last = s.offset + s.length;
  }
  return out + template.slice(last);
}

const MAX_NAME = 100;

/** A job name every platform accepts: lower-case letters, digits, `-` and `_`, at most 100 characters. */
export function jobName(id: RunIdentity, key: string, shard: Shard, repeat?: Shard): string {
  const norm = (p: string): string =>
    p
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  // Job keys are case-sensitive in the config but names are not: "tp" and "TP" must not become
  // one job (the second submit would attach to the first). A key that normalising changed
  // carries a hash of itself.
  const jobPart = norm(key) === key ? key : `${norm(key)}-${createHash('sha256').update(key).digest('hex').slice(0, 6)}`;
  // a repeat is its own shard set: `-r<k>` before the shard number (which stays last), and only
  // with repeats, so a job without them keeps the name it always had
  const rep = repeat && repeat.count > 1 ? [`r${repeat.index}`] : [];
  const parts = ['evalgate', id.repository, id.runId, id.runAttempt, id.gate, key, ...rep, String(shard.index)];
  const clean = [...parts.slice(0, 5).map(norm), jobPart, ...rep, String(shard.index)].join('-');
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
    const repeats = j.repeats ?? 1;
    // each repeat is a whole shard set: every shard of repeat 0, then of repeat 1, …
    for (let k = 0; k < repeats * count; k++) {
      const r = Math.floor(k / count);
      const index = k % count;
      const shard = { index, count };
      const repeat = { index: r, count: repeats };
      const name = jobName(id, key, shard, repeat);
      const loc = locate(key, shard, name);
      let command: string;
      try {
        command = renderCommand(j.command);
      } catch (e) {
        problems.push({
          file,
          path: `jobs.${key}.command`,
          expected: 'known placeholders where the shell expands them as data',
          found: (e as Error).message,
        });
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
      // only where there are repeats (or the command asks): other jobs keep the environment they had
      if (repeats > 1 || /\{repeat_(index|count)\}/.test(j.command)) {
        env.EVALGATE_REPEAT_INDEX = String(r);
        env.EVALGATE_REPEAT_COUNT = String(repeats);
      }
      // the values of the placeholders the command uses, byte for byte (the command references them)
      if (j.command.includes('{model}')) env.EVALGATE_MODEL = loc.model;
      if (j.command.includes('{data}')) env.EVALGATE_DATA = loc.data;
      if (j.command.includes('{evalgate}')) env.EVALGATE_CLI = loc.evalgate ?? 'evalgate';
      const job: PlannedJob = {
        key,
        indicators: j.indicators ?? [key],
        shard,
        ...(repeats > 1 ? { repeat } : {}),
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

/**
 * The repeat each file of a repeated job is of (SPEC §9), by the file's name as the gate is given
 * it (relative to `cwd`): a repeat's job need not say so in its files. Used for the first
 * attempt's files and for every confirm attempt's alike, so each attempt is the median over its
 * repeats, never the repeats pooled as shards of one set.
 */
export function repeatTags(outcomes: readonly { job: PlannedJob; files: readonly string[] }[], cwd: string): Map<string, Shard> {
  const tags = new Map<string, Shard>();
  for (const o of outcomes) if (o.job.repeat) for (const f of o.files) tags.set(path.relative(cwd, f) || f, o.job.repeat);
  return tags;
}
