/**
 * The confirm phase of `evalgate run` (SPEC §9 `confirm: N`), between the first gate and the
 * report: when an error-level rule fails on an indicator that jobs of this run produced (and that
 * `confirm_indicators` lists), only the jobs that produced it are run again, through the platform's
 * own submit/attach path under a new attempt name (`<name>-c2`, …), up to N more times, until more
 * attempts could not change the rule's status (core/confirm.ts confirmDecided). The gate then
 * judges the rule on the median over all attempts (core/confirm.ts confirmRule).
 */
import path from 'node:path';
import type { Settings } from './config/settings.js';
import type { Runtime } from './runtime.js';
import { repeatTags, type PlannedJob } from './core/plan.js';
import type { Repeat } from './core/indicators/record.js';
import type { MergedIndicator } from './core/indicators/merge.js';
import type { Problem } from './core/problem.js';
import { gate } from './core/gate.js';
import { confirmDecided } from './core/confirm.js';
import { formatNumber } from './core/report/md.js';
import { collect, type BaselineResult } from './engine.js';
import type { Platform } from './platforms/platform.js';
import { confirmName } from './platforms/attempts.js';
import { printable } from './core/sanitize.js';

/** what a run of some jobs gives back (run.ts runJobs) */
export interface AttemptOutcome {
  job: PlannedJob;
  status: { state: string };
  files: string[];
}

export interface ConfirmInput<O extends AttemptOutcome> {
  settings: Settings;
  rt: Runtime;
  platform: Platform;
  /** every job of the run as planned (attempt 1) */
  planned: readonly PlannedJob[];
  /** where the staged model and data are, as `locate` takes them */
  staged: { model: string; data: string };
  /** the first attempt's indicator files */
  files: readonly string[];
  /** the repeat each of them is of (core/plan.ts repeatTags) */
  repeatOf?: ReadonlyMap<string, Repeat>;
  baseline: BaselineResult;
  /** runs jobs to their end (run.ts runJobs) */
  run: (jobs: PlannedJob[]) => Promise<O[]>;
}

export interface ConfirmResult<O extends AttemptOutcome> {
  /** per indicator, its merged value in attempt 2, 3, … (for the gate) */
  attempts: Record<string, Array<MergedIndicator | undefined>>;
  /** every rerun, with the attempt it ran for */
  reruns: Array<{ attempt: number; outcome: O }>;
  /** problems of the reruns' files */
  problems: Problem[];
}

/** the job of `attempt` (2, 3, …): a new name, its own output folder, EVALGATE_ATTEMPT set */
export function attemptJob(platform: Platform, job: PlannedJob, attempt: number, staged: { model: string; data: string }): PlannedJob {
  const name = confirmName(job.name, attempt);
  const loc = platform.locate(job.key, job.shard, name, staged);
  const env: Record<string, string> = { ...job.env, EVALGATE_JOB_NAME: name, EVALGATE_OUT: loc.out, EVALGATE_ATTEMPT: String(attempt) };
  if (env.EVALGATE_MODEL !== undefined) env.EVALGATE_MODEL = loc.model;
  if (env.EVALGATE_DATA !== undefined) env.EVALGATE_DATA = loc.data;
  return { ...job, name, env };
}

export async function confirmPhase<O extends AttemptOutcome>(input: ConfirmInput<O>): Promise<ConfirmResult<O>> {
  const { settings, rt, platform, planned, staged, baseline } = input;
  const result: ConfirmResult<O> = { attempts: {}, reruns: [], problems: [] };
  if (settings.confirm <= 0) return result;
  const first = await collect(input.files, settings, rt, input.repeatOf);
  // a run whose first files are invalid fails on them: nothing to confirm
  if (first.problems.length) return result;
  const produced = new Set(planned.flatMap((j) => j.indicators));
  const confirmable = (indicator: string): boolean => settings.confirmIndicators.includes(indicator) && produced.has(indicator);
  const maxAttempts = settings.confirm + 1;

  for (let attempt = 2; attempt <= maxAttempts; attempt++) {
    const outcome = gate(settings.rules, settings.indicators, first.merge.indicators, baseline.indicators, {
      invalidInput: false,
      ...(baseline.history ? { history: baseline.history } : {}),
      attempts: result.attempts,
    });
    const open = outcome.results.filter(
      (r) =>
        r.level === 'error' &&
        confirmable(r.indicator) &&
        (r.attempts ? !confirmDecided(r.attempts.map((a) => a.status), maxAttempts) : r.status === 'fail' && r.limit !== null),
    );
    if (open.length === 0) break;
    const indicators = new Set(open.map((r) => r.indicator));
    const jobs = planned.filter((j) => j.indicators.some((i) => indicators.has(i))).map((j) => attemptJob(platform, j, attempt, staged));
    for (const r of open) {
      const was = r.attempts ? `so far ${r.attempts.map((a) => `${formatNumber(a.actual)} ${a.status}`).join(', ')}` : `found ${formatNumber(r.actual)}`;
      rt.stderr(printable(`evalgate: confirm: ${r.indicator}.${r.field} ${r.op} ${r.expr} (${was})\n`));
    }
    rt.stderr(`evalgate: confirm: attempt ${attempt} of ${maxAttempts}: running ${jobs.length} job(s) again (${[...indicators].join(', ')})\n`);
    const ran = await input.run(jobs);
    for (const o of ran) result.reruns.push({ attempt, outcome: o });
    // a rerun that failed fails the run as any job does; its attempt is not judged
    if (ran.some((o) => o.status.state !== 'succeeded')) break;
    const files = ran.flatMap((o) => o.files).map((f) => path.relative(rt.cwd, f) || f);
    // each attempt of a repeated job is the median over its own repeats, as the first one is
    const got = await collect(files, settings, rt, repeatTags(ran, rt.cwd));
    result.problems.push(...got.problems);
    if (got.problems.length) break;
    for (const i of indicators) (result.attempts[i] ??= []).push(got.merge.indicators[i]);
  }
  return result;
}
