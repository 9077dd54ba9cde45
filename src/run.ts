/**
 * `evalgate run`: plan → stage → submit → wait → collect → validate & merge → gate → report.
 * Every remote job the run started is cancelled when the run fails, times out or is cancelled.
 */
import { setMaxListeners } from 'node:events';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isUri } from './stores/fs.js';
import { EvalgateError, ExitCode, formatProblem, type Problem } from './core/problem.js';
import { lockOut } from './stores/out-lock.js';
import { plan, repeatTags, runIdentity, shellQuote, type PlannedJob } from './core/plan.js';
import type { Settings } from './config/settings.js';
import type { Runtime } from './runtime.js';
import { loadBaseline, runGate, type BaselineProvider, type BaselineResult, type GateRun } from './engine.js';
import type { MergedIndicator } from './core/indicators/merge.js';
import { LocalPlatform } from './platforms/local/local.js';
import { chooseIsolation, ISOLATION_ENV, type Isolation } from './platforms/local/isolation.js';
import { TERMINAL, type JobHandle, type JobStatus, type Platform, type SavedJob } from './platforms/platform.js';
import { Progress } from './progress.js';
import { printable } from './core/sanitize.js';
import { boundTail } from './platforms/log-tail.js';
import { CREDENTIAL_ENV } from './platforms/credentials.js';
import { cancelSavedJobs } from './platforms/cancel-saved.js';
import { CANCEL_BUDGET_MS, raceAbort, sleepUnlessAborted as sleep } from './platforms/abort.js';
import { leftJobsRecorder, readLeftJobs } from './stores/left-jobs.js';
import type { JobRecord } from './core/report/report.js';
import { HARDWARE_FIELDS, joinDistinct, measuresHardware, type Hardware, type HardwareField, type RunFacts } from './core/fingerprint.js';

export interface RunOptions {
  /** aborted on SIGINT/SIGTERM (or the action's cancel): every job still running is cancelled */
  signal?: AbortSignal;
  /** poll interval cap, for tests */
  maxPollMs?: number;
  /** an injected platform (tests); by default from settings.platform */
  platform?: Platform;
  /** called whenever the set of jobs that may still be running changes (the action saves it for its post step) */
  onActiveJobs?: (jobs: SavedJob[]) => void;
  /** how an option is named in messages: `--platform` (CLI, the default) or `input platform` (action) */
  flag?: (name: string) => string;
  /** where the baseline comes from when settings.baseline is `auto` (the action: the base branch's artifact) */
  baseline?: BaselineProvider;
  /** called once every job is submitted, with their names and links (the action's check run) */
  onSubmitted?: (jobs: { name: string; url?: string }[]) => void;
}

export interface RunResult {
  exitCode: ExitCode;
  gate?: GateRun;
  /** why the run stopped before the gate (also printed) */
  problems?: Problem[];
}

const LOG_TAIL = 50;
/** status calls in flight at once while polling */
export const POLL_CONCURRENCY = 16;
/** failed status reads of one job in a row before it counts as failed */
export const STATUS_READ_LIMIT = 5;

/** runs at most `limit` of the functions given to it at once, the others waiting in order */
export function semaphore(limit: number): <R>(fn: () => Promise<R>) => Promise<R> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async <R>(fn: () => Promise<R>): Promise<R> => {
    if (active >= limit) await new Promise<void>((r) => waiting.push(r));
    active++;
    try {
      return await fn();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

const label = (j: PlannedJob): string =>
  (j.shard.count > 1 ? `${j.key} ${j.shard.index + 1}/${j.shard.count}` : j.key) +
  (j.repeat ? ` repeat ${j.repeat.index + 1}/${j.repeat.count}` : '');

function usesPlaceholder(settings: Settings, name: string): string | undefined {
  return Object.entries(settings.jobs).find(([, j]) => j.command.includes(`{${name}}`))?.[0];
}

/**
 * What a job's process inherits: the runner's environment without the credentials of the action
 * itself. Evaluation jobs run model code; they get no GitHub token, no artifact-service token,
 * no OIDC request token and no action input (INPUT_GITHUB-TOKEN among them). A job that needs a
 * secret names it in its `env`.
 */
export function jobEnvironment(env: Record<string, string | undefined>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const credentials = new Set<string>(CREDENTIAL_ENV);
  for (const [k, v] of Object.entries(env)) {
    if (/^INPUT_/i.test(k) || /^ACTIONS_(RUNTIME|ID_TOKEN_REQUEST|RESULTS|CACHE)_/i.test(k) || /^(GITHUB_TOKEN|GH_TOKEN)$/i.test(k))
      continue;
    // the step's file commands: a job must not set the step's outputs, state, env or summary
    if (/^GITHUB_(OUTPUT|STATE|ENV|PATH|STEP_SUMMARY)$/i.test(k)) continue;
    // platform credentials are evalgate's, not the job's (a job names what it needs in its env)
    if (credentials.has(k.toUpperCase())) continue;
    out[k] = v;
  }
  return out;
}

const planInput = (s: Settings) => ({ jobs: s.jobs, required: s.indicators, timeoutMinutes: s.timeoutMinutes, configFile: s.configFile });

/**
 * One run at a time per --out (its lock file, SPEC §1: runs never collide); a dry run writes
 * nothing there and takes no lock.
 */
export async function runPipeline(settings: Settings, rt: Runtime, opts: RunOptions = {}): Promise<RunResult> {
  if (settings.dryRun) return pipeline(settings, rt, opts);
  let release: () => Promise<void>;
  try {
    release = await lockOut(rt.cwd, settings.out, opts.flag?.('out') ?? '--out');
  } catch (e) {
    if (!(e instanceof EvalgateError)) throw e;
    for (const p of e.problems) rt.stderr(`error: ${formatProblem(p)}\n`);
    return { exitCode: e.exitCode, problems: e.problems };
  }
  try {
    return await pipeline(settings, rt, opts);
  } finally {
    await release();
  }
}

async function pipeline(settings: Settings, rt: Runtime, opts: RunOptions): Promise<RunResult> {
  // the run's signal reaches every platform call (uploads in parallel, pollers): no leak warning
  if (opts.signal) setMaxListeners(0, opts.signal);
  const problems: Problem[] = [];
  const flag = opts.flag ?? ((name: string) => `--${name}`);
  const fail = (ps: Problem[]): RunResult => {
    for (const p of ps) rt.stderr(`error: ${formatProblem(p)}\n`);
    return { exitCode: ExitCode.InvalidInput, problems: ps };
  };

  const outDir = path.resolve(rt.cwd, settings.out);
  // Results given: nothing to run, gate them (the action's `results` input, `run --results`).
  if (settings.results) {
    const left = settings.dryRun ? { carried: [], warnings: [] } : await pickUpLeftJobs(outDir, settings.platform, [], rt);
    const gate = await runGate(settings, rt, { baseline: opts.baseline, ...(left.warnings.length ? { warnings: left.warnings } : {}) });
    return { exitCode: gate.exitCode, gate };
  }

  for (const kind of ['model', 'data'] as const) {
    const user = usesPlaceholder(settings, kind);
    if (user && !settings[kind]) {
      problems.push({
        file: settings.configFile ?? 'config',
        path: kind,
        expected: `a path or URI (jobs.${user}.command uses {${kind}})`,
        found: 'nothing',
      });
    }
  }
  // a local model or data path must exist before anything is sent; a URI is passed through
  for (const kind of ['model', 'data'] as const) {
    const src = settings[kind];
    if (!src || isUri(src)) continue;
    try {
      await fs.stat(path.resolve(rt.cwd, src));
    } catch {
      problems.push({
        file: settings.configFile ?? flag(kind),
        path: kind,
        expected: 'an existing file or folder, or a URI',
        found: `${JSON.stringify(src)} (no such file or folder)`,
      });
    }
  }
  if (problems.length) return fail(problems);

  const id = runIdentity(rt.env, path.basename(rt.cwd), settings.name, rt.now());
  const workDir = path.resolve(rt.cwd, settings.out, 'jobs');

  let platform: Platform;
  if (opts.platform) platform = opts.platform;
  // Each platform's module (and the SDKs it bundles) is loaded only when that platform is chosen:
  // a command pays the start-up of the code it uses (SPEC §8).
  else if (settings.platform === 'dgx') {
    const { createDgxPlatform } = await import('./platforms/dgx/create.js');
    const created = createDgxPlatform(settings, {
      cwd: rt.cwd,
      env: rt.env,
      jobEnv: jobEnvironment(rt.env),
      workDir,
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    if (!created.platform) return fail(created.problems);
    platform = created.platform;
  } else if (settings.platform === 'azure') {
    const { createAzurePlatform } = await import('./platforms/azure/create.js');
    const created = createAzurePlatform(settings, { cwd: rt.cwd, env: rt.env, workDir, ...(opts.signal ? { signal: opts.signal } : {}) });
    if (!created.platform) return fail(created.problems);
    platform = created.platform;
  } else if (settings.platform === 'volc') {
    const { createVolcPlatform } = await import('./platforms/volc/create.js');
    const created = createVolcPlatform(settings, { cwd: rt.cwd, env: rt.env, workDir, ...(opts.signal ? { signal: opts.signal } : {}) });
    if (!created.platform) return fail(created.problems);
    platform = created.platform;
  } else if (settings.platform === 'bailian') {
    const { createBailianPlatform } = await import('./platforms/bailian/create.js');
    const created = createBailianPlatform(settings, { cwd: rt.cwd, env: rt.env, workDir, ...(opts.signal ? { signal: opts.signal } : {}) });
    if (!created.platform) return fail(created.problems);
    platform = created.platform;
  } else {
    let isolation: Isolation;
    try {
      isolation = chooseIsolation(rt.env[ISOLATION_ENV]);
    } catch (e) {
      return fail([
        { file: ISOLATION_ENV, expected: 'a way of isolating local jobs that works on this machine', found: (e as Error).message },
      ]);
    }
    platform = new LocalPlatform({ cwd: rt.cwd, workDir, concurrency: settings.concurrency, env: jobEnvironment(rt.env), isolation });
  }
  // stage() passes a URI through and stages a local path
  // the platform itself failing (unreachable node, refused host key, sbatch error) fails the run
  // with the platform's own words: exit 3, and a report; every job it started was cancelled
  const platformFailure = async (e: unknown): Promise<RunResult> => {
    await platform.close?.().catch(() => {});
    const message = (e as Error)?.message ?? String(e);
    rt.stderr(`error: ${settings.platform}: ${printable(message)}\n`);
    const gate = await runGate(settings, rt, {
      files: [],
      jobs: [],
      platformFailure: `${settings.platform}: ${message}`,
      baseline: opts.baseline,
      warnings: [`${settings.platform}: ${message}`],
    });
    return { exitCode: gate.exitCode, gate };
  };
  let where: { model: string; data: string };
  try {
    where = {
      model: settings.model ? await platform.stage(settings.model, 'model', opts.signal) : '',
      data: settings.data ? await platform.stage(settings.data, 'data', opts.signal) : '',
    };
  } catch (e) {
    if (settings.dryRun) throw e;
    // Ctrl-C during an upload (or its throttled backoff): no job was submitted, nothing to cancel
    if (opts.signal?.aborted) return platformFailure(new Error('the run was cancelled while staging; no job was submitted'));
    return platformFailure(e);
  }
  const planned = plan(planInput(settings), id, (key, shard, name) => platform.locate(key, shard, name, where));
  if (planned.problems.length) return fail(planned.problems);

  if (settings.dryRun && platform.describe) {
    rt.stdout(await platform.describe(planned.jobs));
    return { exitCode: ExitCode.Ok };
  }
  if (settings.dryRun) {
    for (const job of planned.jobs) {
      const env = Object.entries(job.env)
        .map(([k, v]) => `${k}=${shellQuote(v)}`)
        .join(' \\\n    ');
      rt.stdout(
        `# ${job.name} (${label(job)}; timeout ${job.timeoutMinutes} min)\n(cd ${shellQuote(rt.cwd)} && mkdir -p ${shellQuote(job.env.EVALGATE_OUT!)} && env ${env} \\\n    /bin/sh -c ${shellQuote(job.command)})\n\n`,
      );
    }
    return { exitCode: ExitCode.Ok };
  }

  // what a run killed in this --out left: attached to where this run plans it again, else cancelled
  const left = await pickUpLeftJobs(outDir, platform.name, planned.jobs, rt);
  const record = leftJobsRecorder(outDir, id.runId, left.carried);
  record([]);
  const onActiveJobs = (list: SavedJob[]): void => {
    record(list);
    opts.onActiveJobs?.(list);
  };

  let outcome: Outcome[];
  try {
    outcome = await runJobs(platform, planned.jobs, rt, { ...opts, onActiveJobs });
  } catch (e) {
    return platformFailure(e);
  }
  // confirm (SPEC §9): the jobs behind a failing rule run again before the rule fails
  let confirmed: Awaited<ReturnType<typeof confirmRuns>>;
  try {
    confirmed = await confirmRuns(settings, rt, platform, planned.jobs, where, outcome, { ...opts, onActiveJobs });
  } catch (e) {
    return platformFailure(e);
  }
  await platform.close?.();

  const failed = outcome.filter((o) => o.status.state !== 'succeeded');
  for (const o of failed.filter((f) => f.status.state === 'failed')) {
    rt.stderr(`error: job ${o.job.name} (${printable(label(o.job))}) failed: ${printable(o.status.message ?? o.status.platformStatus)}\n`);
    if (o.logTail)
      rt.stderr(
        `  last ${LOG_TAIL} lines of its log:\n${printable(o.logTail)
          .split('\n')
          .map((l) => `  | ${l}`)
          .join('\n')}\n`,
      );
  }
  // A job that exited 0 but wrote no indicator file: almost always a command that ignores {out}.
  const silent = opts.signal?.aborted ? [] : outcome.filter((o) => o.status.state === 'succeeded' && o.files.length === 0);
  const silentProblems = silent.map((o) => jobWithoutOutput(o));
  for (const p of silentProblems) rt.stderr(`error: ${formatProblem(p)}\n`);
  if (opts.signal?.aborted)
    rt.stderr(`evalgate: run cancelled; ${outcome.filter((o) => o.status.state === 'cancelled').length} job(s) cancelled\n`);

  const files = outcome.flatMap((o) => o.files).map((f) => path.relative(rt.cwd, f) || f);
  // every file a repeat's job wrote is of that repeat (the job need not say so itself)
  const repeatOf = repeatTags(outcome, rt.cwd);
  const jobs: JobRecord[] = [...outcome.map((o) => jobRecord(o)), ...confirmed.reruns.map((r) => jobRecord(r.outcome, r.attempt))];
  const warnings = [...((platform as Platform).warnings ?? []), ...left.warnings];
  for (const w of warnings) rt.stderr(`warning: ${printable(w)}\n`);
  // a failed, timed-out or cancelled job fails the verdict (the gate derives it from `jobs`)
  const gate = await runGate(settings, rt, {
    files,
    jobs,
    baseline: opts.baseline,
    warnings,
    facts: runFacts(platform, planned.jobs),
    problems: [...silentProblems, ...confirmed.problems],
    repeatOf,
    ...(confirmed.baseline ? { loadedBaseline: confirmed.baseline, attempts: confirmed.attempts } : {}),
  });
  return { exitCode: gate.exitCode, gate };
}

/**
 * What the run knows of what its indicators were measured on (SPEC §10): the sha256 of what was
 * staged and of the code snapshot, and per indicator the hardware its jobs ran on as far as the
 * platform knows (jobs of one indicator on different hardware: every value, as files that disagree).
 */
export function runFacts(platform: Pick<Platform, 'hashes' | 'hardware'>, jobs: readonly PlannedJob[]): RunFacts {
  const h = platform.hashes ?? {};
  const facts: RunFacts = {
    ...(h.model ? { model: h.model } : {}),
    ...(h.data ? { dataset: h.data } : {}),
    ...(h.code ? { code: h.code } : {}),
  };
  if (!platform.hardware) return facts;
  const seen = new Map<string, Map<HardwareField, Set<string>>>();
  for (const job of jobs) {
    const hw = platform.hardware(job);
    for (const indicator of job.indicators) {
      if (!measuresHardware(indicator)) continue;
      const per = seen.get(indicator) ?? new Map<HardwareField, Set<string>>();
      seen.set(indicator, per);
      for (const f of HARDWARE_FIELDS) {
        const v = hw[f];
        if (v) per.set(f, (per.get(f) ?? new Set()).add(v));
      }
    }
  }
  const hardware: Record<string, Partial<Hardware>> = {};
  for (const [indicator, per] of seen) {
    const one: Partial<Hardware> = {};
    for (const [f, values] of per) one[f] = joinDistinct(values)!;
    if (Object.keys(one).length) hardware[indicator] = one;
  }
  return Object.keys(hardware).length ? { ...facts, hardware } : facts;
}

function jobRecord(o: Outcome, attempt?: number): JobRecord {
  return {
    indicator: o.job.indicators.join(','),
    shard: o.job.shard.index,
    ...(o.job.repeat ? { repeat: o.job.repeat.index } : {}),
    platform_id: o.handle?.id ?? null,
    platform_url: o.handle?.url ?? null,
    status: o.status.state,
    duration_s: o.status.startedAt && o.status.finishedAt ? Math.round((o.status.finishedAt - o.status.startedAt) / 100) / 10 : null,
    ...(o.status.message ? { message: o.status.message } : {}),
    ...(attempt ? { attempt } : {}),
  };
}

/**
 * `confirm: N` after the first attempt, when every job of it succeeded (a failed job fails the run
 * whatever its files say): see confirm-phase.ts. The baseline is read once, here, and handed on to
 * the final gate. A rerun that succeeded without writing a file is a problem, as a first job is.
 */
async function confirmRuns(
  settings: Settings,
  rt: Runtime,
  platform: Platform,
  planned: PlannedJob[],
  staged: { model: string; data: string },
  outcome: Outcome[],
  opts: RunOptions,
): Promise<{
  reruns: Array<{ attempt: number; outcome: Outcome }>;
  attempts: Record<string, Array<MergedIndicator | undefined>>;
  problems: Problem[];
  baseline?: BaselineResult;
}> {
  const none = { reruns: [], attempts: {}, problems: [] };
  if (settings.confirm <= 0 || opts.signal?.aborted || outcome.some((o) => o.status.state !== 'succeeded' || o.files.length === 0))
    return none;
  const baseline = await loadBaseline(settings, rt, opts.baseline);
  if (baseline.problems.length) return { ...none, baseline };
  const files = outcome.flatMap((o) => o.files).map((f) => path.relative(rt.cwd, f) || f);
  const { confirmPhase } = await import('./confirm-phase.js');
  const r = await confirmPhase({
    settings,
    rt,
    platform,
    planned,
    staged,
    files,
    repeatOf: repeatTags(outcome, rt.cwd),
    baseline,
    run: (jobs) => runJobs(platform, jobs, rt, opts),
  });
  const silent = r.reruns
    .filter((x) => x.outcome.status.state === 'succeeded' && x.outcome.files.length === 0)
    .map((x) => jobWithoutOutput(x.outcome));
  for (const x of r.reruns.filter((y) => y.outcome.status.state === 'failed'))
    rt.stderr(
      `error: job ${x.outcome.job.name} (confirm attempt ${x.attempt}) failed: ${printable(x.outcome.status.message ?? x.outcome.status.platformStatus)}\n`,
    );
  return { reruns: r.reruns, attempts: r.attempts, problems: [...r.problems, ...silent], baseline };
}

/**
 * The jobs an earlier run in this `--out` recorded as possibly running and never saw end (it was
 * killed): a remote job this run plans again under the same name is left for submit to attach to;
 * every other one (another run id, a job no longer planned, any local process) is cancelled now.
 * Returns the ones that could not be cancelled (kept on record for the next run, and warned about).
 */
async function pickUpLeftJobs(
  outDir: string,
  platformName: string,
  planned: PlannedJob[],
  rt: Runtime,
): Promise<{ carried: SavedJob[]; warnings: string[] }> {
  const { left, problem } = readLeftJobs(outDir);
  const warnings: string[] = [];
  if (problem) {
    warnings.push(`${problem}: not a record of jobs; ignored`);
    rt.stderr(`warning: ${printable(warnings[0]!)}\n`);
  }
  if (!left?.jobs.length) return { carried: [], warnings };
  const names = new Set(planned.map((j) => j.name));
  const attach = left.jobs.filter((j) => j.platform === platformName && platformName !== 'local' && names.has(j.name));
  const cancel = left.jobs.filter((j) => !attach.includes(j));
  rt.stderr(
    `evalgate: an earlier run here (run id ${printable(left.run_id)}, pid ${left.pid}) ended with ${left.jobs.length} job(s) still recorded as running: ` +
      `attaching to ${attach.length}, cancelling ${cancel.length}\n`,
  );
  for (const j of attach) rt.stderr(`evalgate: job ${printable(j.name)}: attaching (this run plans it under the same name)\n`);
  const carried: SavedJob[] = [];
  // a job carried over from a run before (it could not cancel it) keeps the run that started it
  const leftBy = (j: SavedJob): string => (typeof j.left_by === 'string' ? j.left_by : left.run_id);
  for (const o of await cancelSavedJobs(cancel, rt.env)) {
    rt.stderr(
      `evalgate: job ${printable(o.job.name)} (left by run ${printable(leftBy(o.job))}): ${o.result}${o.detail ? ` (${printable(o.detail)})` : ''}\n`,
    );
    if (o.result === 'failed') {
      carried.push({ ...o.job, left_by: leftBy(o.job) });
      warnings.push(
        `${o.job.platform} job ${o.job.name} (${o.job.id}), left running by run ${leftBy(o.job)}, could not be cancelled: ${o.detail ?? 'unknown'}`,
      );
    }
  }
  return { carried, warnings };
}

/** Text from a job's log as it may reach a terminal or a CI log: no control characters but tab. */
const plain = (line: string): string => line.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, '?');

/** The tail of a job's log, each line fenced with "  | " so that none can start a workflow command. */
export function fencedTail(tail: string | undefined, lines = LOG_TAIL): string {
  const all = (tail ?? '').split(/\r?\n/).filter((l, i, a) => l !== '' || i < a.length - 1);
  if (all.length === 0 || (all.length === 1 && all[0] === '')) return 'its log is empty';
  const last = all.slice(-lines);
  return `the last ${last.length} line${last.length === 1 ? '' : 's'} of its log:\n${last.map((l) => `  | ${plain(l)}`).join('\n')}`;
}

/** The problem of a job that succeeded but wrote no indicator file: the job, its {out} and its log. */
export function jobWithoutOutput(o: Pick<Outcome, 'job' | 'logTail'>): Problem {
  const j = o.job;
  return {
    subject: `job ${j.name} (${j.indicators.join(', ')}, shard ${j.shard.index + 1}/${j.shard.count})`,
    expected: `an indicator file (*.json) written to its {out} folder ${j.env.EVALGATE_OUT ?? ''} (the command must write there)`.replace(
      '  ',
      ' ',
    ),
    found: `none: the job succeeded but wrote nothing there; ${fencedTail(o.logTail)}`,
  };
}

interface Outcome {
  job: PlannedJob;
  handle?: JobHandle;
  status: JobStatus;
  files: string[];
  logTail?: string;
}

/**
 * Submits every job, then polls with backoff and jitter until all are done. The first failure
 * cancels the rest (a failed job fails the run, and jobs left running on a paid cluster cost
 * money); so do a timeout and an abort.
 */
export async function runJobs(platform: Platform, jobs: PlannedJob[], rt: Runtime, opts: RunOptions = {}): Promise<Outcome[]> {
  const progress = new Progress(
    jobs.map((j) => ({ name: j.name, label: label(j) })),
    rt.isTTY ? (rt.terminal ?? rt.stdout) : rt.stdout,
    rt.isTTY ?? false,
  );
  const out: Outcome[] = jobs.map((job) => ({ job, status: { state: 'queued', platformStatus: 'not submitted' }, files: [] }));
  if (opts.signal) setMaxListeners(0, opts.signal);
  const cancelAll = async (reason: string): Promise<void> => {
    await Promise.all(
      out.map(async (o) => {
        if (TERMINAL.includes(o.status.state)) return;
        if (o.handle) {
          // after a Ctrl-C, its own budget (not the run's signal, which has fired): the stop is sent
          // whatever the run's state, and a throttled platform cannot hold the exit past SPEC §8's
          // 10 s; after a failed job, the platform's own wait for the stop to be done
          const deadline = opts.signal?.aborted ? AbortSignal.timeout(CANCEL_BUDGET_MS) : undefined;
          try {
            await raceAbort(platform.cancel(o.handle, deadline), deadline);
          } catch (e) {
            rt.stderr(`warning: could not cancel ${o.job.name}: ${printable((e as Error).message)}\n`);
          }
          // a job that ended on its own before the cancel reached it keeps its own end (one read,
          // bounded: a cancel must not wait on a throttled platform)
          const read = AbortSignal.timeout(1000);
          const last = await raceAbort(platform.status(o.handle, read), read).catch(() => null);
          if (last && (last.state === 'succeeded' || last.state === 'failed')) {
            o.status = last;
            progress.update(o.job.name, last.state);
            return;
          }
        }
        o.status = { ...o.status, state: 'cancelled', platformStatus: 'cancelled', message: reason, finishedAt: Date.now() };
        progress.update(o.job.name, 'cancelled');
      }),
    );
  };

  let lastSaved = '[]';
  const publish = (): void => {
    if (!opts.onActiveJobs) return;
    const active = out.flatMap((o) => (o.handle && !TERMINAL.includes(o.status.state) ? [platform.saved?.(o.handle) ?? null] : []));
    const list = active.filter((s): s is SavedJob => s !== null);
    const text = JSON.stringify(list);
    if (text === lastSaved) return;
    lastSaved = text;
    opts.onActiveJobs(list);
  };

  try {
    await platform.prepare?.(jobs, opts.signal);
    for (const o of out) {
      if (opts.signal?.aborted) break;
      try {
        // a submit the abort interrupted returns the job its request created when it finds it
        // by name (then it is cancelled below with the others), else throws the abort
        o.handle = await platform.submit(o.job, opts.signal);
      } catch (e) {
        if (!opts.signal?.aborted) throw e;
        break;
      }
      publish();
    }
    opts.onSubmitted?.(out.flatMap((o) => (o.handle ? [{ name: o.job.name, ...(o.handle.url ? { url: o.handle.url } : {}) }] : [])));
    // a job's time limit counts from its start, never while it waits for a slot or a node
    const seenRunning = new Map<Outcome, number>();
    const cap = opts.maxPollMs ?? platform.maxPollIntervalMs;
    // consecutive failed status reads per job: a read that fails (after the platform client's own
    // retries) is tried again on the next poll; only STATUS_READ_LIMIT failures in a row fail the job
    const readFailures = new Map<Outcome, number>();
    // ends every poller: an abort of the run, or a failed job
    const stop = new AbortController();
    // every poller and every call in flight listens on it (a fan-out of thousands): no leak warning
    setMaxListeners(0, stop.signal);
    const stopAll = (): void => stop.abort();
    opts.signal?.addEventListener('abort', stopAll, { once: true });
    if (opts.signal?.aborted) stop.abort();

    /** a status answer (or a read that failed) applied to its job: true when that job failed */
    const apply = async (o: Outcome, read: { status: JobStatus } | { error: unknown }): Promise<boolean> => {
      let status: JobStatus;
      if ('status' in read) {
        status = read.status;
        readFailures.delete(o);
      } else {
        const n = (readFailures.get(o) ?? 0) + 1;
        readFailures.set(o, n);
        const why = printable((read.error as Error)?.message ?? String(read.error));
        if (n < STATUS_READ_LIMIT) {
          if (n === 1) rt.stderr(`warning: job ${o.job.name}: its status could not be read (${why}); trying again on the next poll\n`);
          return false;
        }
        status = {
          ...o.status,
          state: 'failed',
          platformStatus: 'status unreadable',
          message: `its status could not be read ${n} times in a row: ${why}`,
          finishedAt: Date.now(),
        };
      }
      o.status = status;
      progress.update(o.job.name, o.status.state);
      let failed = o.status.state === 'failed';
      if (o.status.state === 'running' && !seenRunning.has(o)) seenRunning.set(o, Date.now());
      const startedAt = o.status.startedAt ?? seenRunning.get(o);
      if (!TERMINAL.includes(o.status.state) && startedAt !== undefined && Date.now() - startedAt > o.job.timeoutMinutes * 60_000 + 5_000) {
        await platform.cancel(o.handle!);
        o.status = {
          ...o.status,
          state: 'failed',
          platformStatus: 'timed out',
          message: `timed out after ${o.job.timeoutMinutes} min (cancelled)`,
          finishedAt: Date.now(),
        };
        progress.update(o.job.name, 'failed');
        failed = true;
      }
      return failed;
    };
    const poll = async (o: Outcome): Promise<boolean> => {
      let read: { status: JobStatus } | { error: unknown };
      try {
        read = { status: await platform.status(o.handle!, stop.signal) };
      } catch (e) {
        read = { error: e };
      }
      // the run stopped while this call was out (a Ctrl-C during a throttled call's backoff): its
      // answer must not overwrite the job's cancellation
      if (stop.signal.aborted) return false;
      return apply(o, read);
    };
    // Each job is polled on its own, with its own backoff and jitter, and at most
    // POLL_CONCURRENCY status calls are in flight: a slow or throttled call (retried inside the
    // platform's client) never holds up the status of the others. The first failure stops all.
    // A platform with a list call (statusMany) reads every job of the run from it instead, once per
    // poll interval, in its own loop; a job the list does not return is polled on its own from then on.
    const slots = semaphore(POLL_CONCURRENCY);
    let failed = false;
    const ticker = setInterval(() => progress.tick(), 1000);
    const follow = async (o: Outcome): Promise<void> => {
      let interval = platform.pollIntervalMs;
      while (!stop.signal.aborted && !TERMINAL.includes(o.status.state)) {
        const jobFailed = await slots(() => (stop.signal.aborted ? Promise.resolve(false) : poll(o)));
        publish();
        if (jobFailed) {
          failed = true;
          stop.abort();
          return;
        }
        if (TERMINAL.includes(o.status.state)) return;
        // backoff with jitter: a thousand pollers must not hit the platform in step
        await sleep(interval * (0.8 + Math.random() * 0.4), stop.signal);
        interval = Math.min(cap, Math.ceil(interval * 1.5));
      }
    };
    const tasks: Promise<void>[] = [];
    const listed = new Set<Outcome>();
    const listLoop = async (statusMany: (hs: JobHandle[], signal?: AbortSignal) => Promise<Map<string, JobStatus>>): Promise<void> => {
      // no backoff: one list call answers for every job, so its cost does not grow with the wait
      const interval = Math.min(cap, platform.pollIntervalMs);
      let failures = 0;
      while (!stop.signal.aborted) {
        const batch = [...listed].filter((o) => !TERMINAL.includes(o.status.state));
        if (!batch.length) return;
        let answer: Map<string, JobStatus> | null = null;
        const began = Date.now();
        try {
          answer = await statusMany(
            batch.map((o) => o.handle!),
            stop.signal,
          );
          failures = 0;
        } catch (e) {
          if (stop.signal.aborted) return;
          failures++;
          const why = printable((e as Error)?.message ?? String(e));
          if (failures === 1)
            rt.stderr(`warning: the ${platform.name} job list could not be read (${why}); trying again on the next poll\n`);
          if (failures >= STATUS_READ_LIMIT) {
            rt.stderr(
              `warning: the ${platform.name} job list failed ${failures} times in a row; polling its ${batch.length} job(s) one by one\n`,
            );
            for (const o of batch) {
              listed.delete(o);
              tasks.push(follow(o));
            }
            return;
          }
        }
        if (stop.signal.aborted) return;
        if (answer) {
          for (const o of batch) {
            const s = answer.get(o.handle!.id);
            if (!s) {
              // not in the list (yet): its own poller takes over, the list goes on without it
              listed.delete(o);
              tasks.push(follow(o));
              continue;
            }
            if (await apply(o, { status: s })) {
              failed = true;
              stop.abort();
              return;
            }
          }
          publish();
        }
        // the interval counts from the start of the round: a job that ends is seen within one
        // interval plus the time one round takes (its pages under the platform's rate bound)
        await sleep(Math.max(0, interval * (0.9 + Math.random() * 0.2) - (Date.now() - began)), stop.signal);
      }
    };
    try {
      // a stop (abort, a failed job) does not wait for status calls still out: cancelling comes first
      const stopped = new Promise<void>((r) =>
        stop.signal.aborted ? r() : stop.signal.addEventListener('abort', () => r(), { once: true }),
      );
      const statusMany = platform.statusMany?.bind(platform);
      for (const o of out) {
        if (!o.handle) continue;
        if (statusMany) listed.add(o);
        else tasks.push(follow(o));
      }
      if (statusMany && listed.size) tasks.push(listLoop(statusMany));
      const all = (async () => {
        // pollers are added while others run (a job the list does not return gets its own)
        while (tasks.length) await Promise.all(tasks.splice(0));
      })();
      await Promise.race([all, stopped]);
    } finally {
      clearInterval(ticker);
      opts.signal?.removeEventListener('abort', stopAll);
    }
    progress.tick();
    if (failed && !opts.signal?.aborted) await cancelAll('cancelled because another job failed');
    if (opts.signal?.aborted) await cancelAll('cancelled: the run was cancelled');
  } catch (e) {
    await cancelAll(`cancelled: ${(e as Error).message}`);
    throw e;
  } finally {
    progress.done();
    publish();
  }

  for (const o of out) {
    if (!o.handle) continue;
    if (o.status.state === 'succeeded') {
      try {
        o.files = await platform.collect(o.handle, '', opts.signal);
      } catch (e) {
        // cancelled while downloading: the run is cancelled, its report says so
        if (!opts.signal?.aborted) throw e;
      }
    }
    // a failed job, and one that succeeded without writing anything, is shown with its log's tail
    // (bounded whatever the platform returned: LOG_TAIL lines of at most 4 KiB)
    // (not after a cancel: a throttled platform must not hold the exit for a log)
    if (!opts.signal?.aborted && (o.status.state === 'failed' || (o.status.state === 'succeeded' && o.files.length === 0)))
      o.logTail = boundTail(await platform.logs(o.handle, LOG_TAIL).catch(() => ''), LOG_TAIL);
  }
  return out;
}
