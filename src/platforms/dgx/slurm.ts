/**
 * Slurm's words, parsed: `sbatch --parsable` output, `sacct --parsable2` and `scontrol show job -o`
 * lines, and every job state mapped to evalgate's (platform-apis.md §4, from SchedMD/slurm
 * src/common/slurm_protocol_defs.c job_state_string and src/sacct/print.c).
 */
import type { JobState } from '../platform.js';

/** every base and flag state Slurm prints, and what it means for a job */
export const SLURM_STATES: Record<string, JobState> = {
  PENDING: 'queued',
  REQUEUED: 'queued',
  REQUEUE_FED: 'queued',
  REQUEUE_HOLD: 'queued',
  RESV_DEL_HOLD: 'queued',
  CONFIGURING: 'queued',
  RUNNING: 'running',
  COMPLETING: 'running',
  SUSPENDED: 'running',
  STOPPED: 'running',
  RESIZING: 'running',
  SIGNALING: 'running',
  STAGE_OUT: 'running',
  EXPEDITING: 'running',
  COMPLETED: 'succeeded',
  FAILED: 'failed',
  TIMEOUT: 'failed',
  OUT_OF_MEMORY: 'failed',
  NODE_FAIL: 'failed',
  BOOT_FAIL: 'failed',
  DEADLINE: 'failed',
  PREEMPTED: 'failed',
  SPECIAL_EXIT: 'failed',
  REVOKED: 'failed',
  CANCELLED: 'cancelled',
};

export interface TaskState {
  /** `123_4`, or `123` for a job that is not an array */
  id: string;
  arrayJobId: string;
  /** the array task, null for a plain job */
  taskId: number | null;
  /** Slurm's state word (`CANCELLED by 0` → CANCELLED) */
  state: string;
  /** `exit:signal` */
  exitCode: string | null;
  reason?: string;
}

/** `sbatch --parsable` prints `<jobid>` or `<jobid>;<cluster>` */
export function parseSbatch(stdout: string): string | null {
  const m = /^(\d+)(?:;\S+)?\s*$/.exec(stdout.trim());
  return m ? m[1]! : null;
}

/** Slurm state word → evalgate state; an exit code other than 0:0 makes COMPLETED a failure */
export function mapState(state: string, exitCode: string | null): { state: JobState; known: boolean } {
  const word = state.trim().split(/\s+/)[0]!.replace(/\+$/, '').toUpperCase();
  const mapped = SLURM_STATES[word];
  if (!mapped) return { state: 'running', known: false };
  if (mapped === 'succeeded' && exitCode && exitCode !== '0:0') return { state: 'failed', known: true };
  return { state: mapped, known: true };
}

function expandRange(spec: string): number[] {
  // `1-3`, `1,4-5`, `0-7%2` (a throttle), `1-9:2` (a step)
  const out: number[] = [];
  for (const part of spec.replace(/%\d+$/, '').split(',')) {
    const m = /^(\d+)(?:-(\d+)(?::(\d+))?)?$/.exec(part.trim());
    if (!m) continue;
    const from = Number(m[1]);
    const to = m[2] !== undefined ? Number(m[2]) : from;
    const step = m[3] !== undefined ? Math.max(1, Number(m[3])) : 1;
    for (let i = from; i <= to && out.length < 100_000; i += step) out.push(i);
  }
  return out;
}

/** `sacct -X -P -n -o JobID,State,ExitCode` lines: `123_0|COMPLETED|0:0`, `123_[1-3]|PENDING|0:0`, `124|FAILED|3:0` */
export function parseSacct(stdout: string): TaskState[] {
  const out: TaskState[] = [];
  for (const line of stdout.split('\n')) {
    const [jobId, state, exitCode] = line.trim().split('|');
    if (!jobId || !state) continue;
    const m = /^(\d+)(?:_(\d+|\[([^\]]+)\]))?$/.exec(jobId);
    if (!m) continue; // a step (123.batch) or something else
    const exit = exitCode || null;
    if (m[3] !== undefined) {
      for (const t of expandRange(m[3])) out.push({ id: `${m[1]}_${t}`, arrayJobId: m[1]!, taskId: t, state, exitCode: exit });
    } else if (m[2] !== undefined) out.push({ id: jobId, arrayJobId: m[1]!, taskId: Number(m[2]), state, exitCode: exit });
    else out.push({ id: jobId, arrayJobId: m[1]!, taskId: null, state, exitCode: exit });
  }
  return out;
}

/** `scontrol show job -o <id>`: one line per job or array task, `Key=Value` pairs */
export function parseScontrol(stdout: string): TaskState[] {
  const out: TaskState[] = [];
  for (const line of stdout.split('\n')) {
    if (!/\bJobId=\d+/.test(line)) continue;
    const field = (k: string): string | undefined => new RegExp(`(?:^|\\s)${k}=(\\S*)`).exec(line)?.[1];
    const jobId = field('JobId')!;
    const arrayJobId = field('ArrayJobId');
    const taskText = field('ArrayTaskId');
    const state = field('JobState') ?? 'UNKNOWN';
    const exitCode = field('ExitCode') ?? null;
    const reason = field('Reason');
    if (arrayJobId && taskText !== undefined) {
      const tasks = /^\d+$/.test(taskText) ? [Number(taskText)] : expandRange(taskText);
      for (const t of tasks) out.push({ id: `${arrayJobId}_${t}`, arrayJobId, taskId: t, state, exitCode, reason });
    } else out.push({ id: jobId, arrayJobId: jobId, taskId: null, state, exitCode, reason });
  }
  return out;
}

/** sbatch options for a job's resources (SPEC: gpus → --gres=gpu:N, cpu → --cpus-per-task, memory_gb → --mem, timeout → --time) */
export function sbatchOptions(opts: {
  partition?: string;
  account?: string;
  gpus?: number;
  gpuType?: string;
  cpus?: number;
  memoryGb?: number;
  array?: string;
}): string[] {
  const out: string[] = [];
  if (opts.partition) out.push(`--partition=${opts.partition}`);
  if (opts.account) out.push(`--account=${opts.account}`);
  if (opts.gpus) out.push(`--gres=gpu:${opts.gpuType ? `${opts.gpuType}:` : ''}${opts.gpus}`);
  if (opts.cpus) out.push(`--cpus-per-task=${Math.ceil(opts.cpus)}`);
  if (opts.memoryGb) out.push(`--mem=${Math.ceil(opts.memoryGb * 1024)}M`);
  if (opts.array) out.push(`--array=${opts.array}`);
  return out;
}
