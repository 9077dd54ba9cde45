import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Runtime } from '../src/runtime.js';
import type { Report } from '../src/core/report/report.js';
import { parseJsonText } from '../src/core/json.js';
import { validateIndicator, type IndicatorRecord } from '../src/core/indicators/validate.js';
import { formatProblem } from '../src/core/problem.js';

/** The seed's five example files, as written in the seed, under results/. */
export const SEED = {
  'results/accuracy_f1.json': '{"indicator":"accuracy_f1","precision":0.82,"recall":0.78,"f1":0.80,"samples":1000}',
  'results/latency_p99.json': '{"indicator":"latency_p99","p50_ms":20,"p90_ms":45,"p99_ms":120,"requests":10000}',
  'results/throughput_rps.json': '{"indicator":"throughput_rps","rps":250,"concurrency":16,"duration_s":60}',
  'results/robustness_adv.json': '{"indicator":"robustness_adv","attack_type":"fgsm","success_rate":0.12,"f1_drop":0.08}',
  'results/toxicity.json': '{"indicator":"toxicity","toxic_ratio":0.003,"total_samples":20000}',
};

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

export function tempDir(prefix = 'evalgate-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `files` (name -> JSON value or raw text) under a new temp dir and returns it. */
export function writeFiles(files: Record<string, unknown>, dir = tempDir()): string {
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

export interface Captured extends Runtime {
  out: string[];
  err: string[];
}

export function captureRuntime(cwd: string, env: Record<string, string | undefined> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env,
    cwd,
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date('2026-11-25T12:00:00Z'),
  };
}

/** Parse + validate a JSON value as if it were a file; throws with the messages when invalid. */
export function record(value: unknown, file = 'test.json'): IndicatorRecord {
  const parsed = parseJsonText(JSON.stringify(value), file);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const v = validateIndicator(parsed.value, file);
  if (!v.ok) throw new Error(v.problems.map(formatProblem).join('\n'));
  return v.record;
}

/**
 * The values a step wrote to a GITHUB_OUTPUT or GITHUB_STATE file (`name<<delimiter\nvalue\ndelimiter`
 * blocks, as @actions/core writes them); a later value of a name replaces the earlier one.
 */
export function readFileCommands(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

/** A report with nothing in it (verdict fail), for tests of what renders or publishes one. */
export function emptyReport(): Report {
  return {
    schema_version: 1,
    name: 'evalgate',
    verdict: 'fail',
    generated_at: '2026-11-25T12:00:00.000Z',
    commit: null,
    ref: null,
    pull_request: null,
    platform: 'local',
    required: [],
    missing_indicators: [],
    indicators: {},
    rules: [],
    problems: [],
    warnings: [],
    jobs: [],
    baseline: { source: 'none', run_id: null, commit: null, created_at: null, path: null, note: null },
  };
}

/**
 * The bundled CLI as a child process, asynchronously (a test that also serves a fake cloud in
 * its own process must not block on it): its exit code, output and report.json.
 */
export async function runCliAsync(
  args: string[],
  opts: { cwd: string; env: Record<string, string | undefined>; out?: string },
): Promise<{ code: number | null; stdout: string; stderr: string; report: Record<string, any> | null; seconds: number }> {
  const out = opts.out ?? tempDir();
  const cli = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
  const t0 = Date.now();
  const child = spawn(process.execPath, [cli, ...args, '--out', out], { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  const seconds = (Date.now() - t0) / 1000;
  const file = path.join(out, 'report.json');
  const report = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>) : null;
  return { code, stdout, stderr, report, seconds };
}

/** polls `check` every 50 ms until it holds; throws `what` after `ms` */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** what `<out>/.evalgate-jobs.json` records (null: no file) */
export function leftJobsIn(out: string): { run_id: string; pid: number; jobs: Array<{ platform: string; name: string; id: string }> } | null {
  const file = path.join(out, '.evalgate-jobs.json');
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null; // caught between write and rename: not there yet
  }
}

/**
 * A run of the bundled CLI SIGKILLed once `<out>/.evalgate-jobs.json` lists `count` jobs and
 * `running()` holds (the jobs run on the platform): returns the record the dead run left.
 */
export async function killedRun(
  args: string[],
  opts: { cwd: string; env: Record<string, string | undefined>; out: string; count: number; running: () => boolean | Promise<boolean> },
): Promise<{ run_id: string; pid: number; jobs: Array<{ platform: string; name: string; id: string }> }> {
  const cli = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
  const child = spawn(process.execPath, [cli, ...args, '--out', opts.out], { cwd: opts.cwd, env: opts.env as NodeJS.ProcessEnv });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise((r) => child.once('exit', r));
  try {
    await waitFor(async () => {
      if (child.exitCode !== null) throw new Error(`the run ended (exit ${child.exitCode}) before its jobs ran:\n${stderr}`);
      return (leftJobsIn(opts.out)?.jobs.length ?? 0) >= opts.count && (await opts.running());
    }, `${opts.count} recorded running jobs`);
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  const left = leftJobsIn(opts.out)!;
  return left;
}

/**
 * The live processes of the jobs started in `dir`, seen from the host (a job in a PID namespace
 * cannot tell its host pid): /proc/<pid>/cwd is `dir` and the environment carries EVALGATE_JOB.
 */
export function jobProcesses(dir: string): { pid: number; comm: string }[] {
  const out: { pid: number; comm: string }[] = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (readlinkSync(`/proc/${e}/cwd`) !== realpathSync(dir)) continue;
      if (!readFileSync(`/proc/${e}/environ`, 'latin1').includes('EVALGATE_JOB=')) continue;
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // a zombie has ended; only its parent's wait() is missing
      if (stat.slice(stat.lastIndexOf(')') + 2)[0] === 'Z') continue;
      out.push({ pid: Number(e), comm: readFileSync(`/proc/${e}/comm`, 'utf8').trim() });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * How much longer `work(n)` takes than `work(n / 4)`: about 4 for work linear in n, 16 for
 * quadratic work. The best of five runs of each, the two sizes taken in turn, so that a loaded
 * machine (vitest runs other files beside this one) slows both alike instead of failing an
 * absolute time limit (a complexity guard, not a speed goal). Callers hold it under 10: between
 * linear (4) and quadratic (16), with room for the noise of a shared 2-core machine.
 */
export function growthOver4x(work: (n: number) => void, n: number): number {
  const time = (m: number): number => {
    const t0 = performance.now();
    work(m);
    return performance.now() - t0;
  };
  let small = Infinity;
  let large = Infinity;
  for (let i = 0; i < 5; i++) {
    small = Math.min(small, time(Math.floor(n / 4)));
    large = Math.min(large, time(n));
  }
  return large / Math.max(small, 0.05);
}
