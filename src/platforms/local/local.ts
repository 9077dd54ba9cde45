/**
 * `local`: jobs as child processes on the runner, in parallel (bounded, default the number of
 * CPUs). Each job runs through /bin/sh in its own process group with its own output folder and
 * log; a timeout or a cancel kills the whole group (TERM, then KILL after a grace period), and so
 * does a job's normal exit, so a server a job left in the background does not outlive it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, promises as fs } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { Locations, PlannedJob } from '../../core/plan.js';
import { isUri } from '../../stores/fs.js';
import type { JobHandle, JobStatus, Platform, SavedJob, StagedHashes } from '../platform.js';
import { contentHash } from '../templates.js';
import { runnerHardware } from './hardware.js';
import type { Hardware } from '../../core/fingerprint.js';
import { LogTail } from '../log-tail.js';
import { claimFolder, freeFolder } from '../../stores/owned.js';
import { chooseIsolation, type Isolation } from './isolation.js';
import { runnerCli } from './cli-path.js';

/** set in every local job's environment: the post step checks it before it signals a process group */
export const JOB_MARKER = 'EVALGATE_JOB';

export interface LocalOptions {
  /** the working directory of every job (the repository) */
  cwd: string;
  /** where each job's folder goes: <workDir>/<job name>/{out/, log.txt} */
  workDir: string;
  concurrency?: number;
  env?: Record<string, string | undefined>;
  /** between TERM and KILL */
  killGraceMs?: number;
  /** how long a job's output may stay open after it exited */
  pipeGraceMs?: number;
  /** how jobs are kept from this process's secrets (default: the first that works here, see isolation.ts) */
  isolation?: Isolation;
}

interface Running {
  job: PlannedJob;
  dir: string;
  status: JobStatus;
  child?: ChildProcess;
  timer?: NodeJS.Timeout;
  done: Promise<void>;
  resolveDone: () => void;
  timedOut?: boolean;
  cancelled?: boolean;
  /** the end of log.txt, kept as it is written (bounded, whatever the job writes) */
  tail: LogTail;
}

export class LocalPlatform implements Platform {
  readonly name = 'local';
  readonly pollIntervalMs = 200;
  readonly maxPollIntervalMs = 1000;
  private readonly jobs = new Map<string, Running>();
  private readonly queue: Running[] = [];
  private active = 0;
  private readonly limit: number;
  /** each job's folder, chosen when it is located: <workDir>/<name>, or beside it when that is not evalgate's */
  private readonly dirs = new Map<string, string>();

  private readonly isolation: Isolation;
  readonly warnings: readonly string[];

  constructor(private readonly opts: LocalOptions) {
    this.limit = Math.max(1, opts.concurrency ?? availableParallelism());
    this.isolation = opts.isolation ?? chooseIsolation();
    this.warnings = this.isolation.warning ? [this.isolation.warning] : [];
  }

  locate(_key: string, _shard: unknown, name: string, staged: { model: string; data: string }): Locations {
    const dir = this.dirs.get(name) ?? freeFolder(path.join(this.opts.workDir, name));
    this.dirs.set(name, dir);
    return { model: staged.model, data: staged.data, out: path.join(dir, 'out'), evalgate: runnerCli() };
  }

  readonly hashes: StagedHashes = {};

  async stage(localOrUri: string, kind?: 'model' | 'data', signal?: AbortSignal): Promise<string> {
    // The runner is the platform: a local path is used where it is, made absolute.
    if (isUri(localOrUri)) return localOrUri;
    const abs = path.resolve(this.opts.cwd, localOrUri);
    // hashed as the cloud platforms hash what they stage, for the fingerprint (SPEC §10); before
    // any job starts, so that the read never competes with a latency measurement
    if (kind) this.hashes[kind] = `sha256:${await contentHash(abs, signal)}`;
    return abs;
  }

  hardware(): Partial<Hardware> {
    return runnerHardware();
  }

  async submit(job: PlannedJob): Promise<JobHandle> {
    const existing = this.jobs.get(job.name);
    if (existing) return { job, id: job.name };
    // emptied only when it is evalgate's own (its marker inside); a folder that became someone
    // else's since it was located fails the submit (NotOwnedError), it is never removed
    const dir = this.dirs.get(job.name) ?? path.join(this.opts.workDir, job.name);
    await claimFolder(dir);
    await fs.mkdir(path.join(dir, 'out'));
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => (resolveDone = r));
    const run: Running = { job, dir, status: { state: 'queued', platformStatus: 'queued' }, done, resolveDone, tail: new LogTail() };
    this.jobs.set(job.name, run);
    this.queue.push(run);
    this.pump();
    return { job, id: job.name };
  }

  private pump(): void {
    while (this.active < this.limit && this.queue.length) {
      const run = this.queue.shift()!;
      if (run.status.state !== 'queued') continue;
      this.start(run);
    }
  }

  private start(run: Running): void {
    this.active++;
    const log = createWriteStream(path.join(run.dir, 'log.txt'));
    const env = { ...(this.opts.env ?? process.env), ...run.job.env, [JOB_MARKER]: run.job.name };
    let launch;
    try {
      launch = this.isolation.launch(run.job.command, env, run.dir);
    } catch (e) {
      this.active--;
      run.status = { state: 'failed', platformStatus: 'spawn error', message: `could not start the job: ${(e as Error).message}` };
      log.end(() => run.resolveDone());
      queueMicrotask(() => this.pump());
      return;
    }
    const child = spawn(launch.file, launch.args, {
      cwd: this.opts.cwd,
      env: launch.env,
      detached: true, // its own process group, so the whole tree can be signalled at once
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    run.child = child;
    run.status = { state: 'running', platformStatus: `running (pid ${child.pid})`, startedAt: Date.now() };
    child.stdout!.pipe(log, { end: false });
    child.stderr!.pipe(log, { end: false });
    const keep = (chunk: Buffer): void => run.tail.push(chunk);
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    // The log is complete when the job has exited and both pipes have closed, in either order
    // ('close' of a pipe can come before or after the child's 'exit').
    let pipesOpen = 2;
    let exited = false;
    const endLog = (): void => {
      if (exited && pipesOpen === 0) log.end();
    };
    const pipeClosed = (): void => {
      pipesOpen--;
      endLog();
    };
    child.stdout!.once('close', pipeClosed);
    child.stderr!.once('close', pipeClosed);
    log.once('close', () => run.resolveDone());
    run.timer = setTimeout(
      () => {
        run.timedOut = true;
        this.killGroup(run);
      },
      // setTimeout fires at once past 2^31-1 ms (24.8 days); longer is as good as no timeout
      Math.min(run.job.timeoutMinutes * 60_000, 2 ** 31 - 1),
    );
    const finish = (code: number | null, signal: NodeJS.Signals | null, error?: Error): void => {
      if (run.status.state !== 'running') return;
      clearTimeout(run.timer);
      // Nothing a job started may outlive it: its group goes too (ESRCH when already gone).
      this.signalGroup(child, 'SIGKILL');
      const finishedAt = Date.now();
      const base = { startedAt: run.status.startedAt, finishedAt };
      if (run.cancelled) run.status = { ...base, state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled' };
      else if (run.timedOut) {
        run.status = {
          ...base,
          state: 'failed',
          platformStatus: 'timed out',
          message: `timed out after ${run.job.timeoutMinutes} min (killed)`,
        };
      } else if (error) run.status = { ...base, state: 'failed', platformStatus: 'spawn error', message: error.message };
      else if (code === 0) run.status = { ...base, state: 'succeeded', platformStatus: 'exited 0' };
      else if (signal) run.status = { ...base, state: 'failed', platformStatus: `killed by ${signal}`, message: `killed by ${signal}` };
      else run.status = { ...base, state: 'failed', platformStatus: `exited ${code}`, message: `exited with code ${code}` };
      this.active--;
      this.pump();
      exited = true;
      endLog();
      if (pipesOpen > 0) {
        // Still open after the group was killed: a process that left the group (setsid) holds
        // them. Its output is cut, so that the run is not held hostage by it.
        const grace = setTimeout(() => {
          if (pipesOpen === 0) return;
          const note = '\n[evalgate: output cut: a process that left the job still held it open]\n';
          log.write(note);
          run.tail.push(note);
          child.stdout!.destroy();
          child.stderr!.destroy();
          pipesOpen = 0;
          endLog();
        }, this.opts.pipeGraceMs ?? 2000);
        grace.unref();
      }
    };
    child.once('error', (e) => finish(null, null, e));
    // 'exit', not 'close': a background process the job left holds its stdout open, and 'close'
    // would wait for it. On exit the group is killed, which closes the pipes too.
    child.once('exit', (code, signal) => finish(code, signal));
  }

  private signalGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
    if (!child?.pid) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  }

  private killGroup(run: Running): void {
    this.signalGroup(run.child, 'SIGTERM');
    const t = setTimeout(() => this.signalGroup(run.child, 'SIGKILL'), this.opts.killGraceMs ?? 5000);
    t.unref();
  }

  async status(h: JobHandle): Promise<JobStatus> {
    return this.jobs.get(h.id)!.status;
  }

  async logs(h: JobHandle, lines: number): Promise<string> {
    const run = this.jobs.get(h.id);
    if (!run) return '';
    // the whole log can be gigabytes: its end was kept as it was written (the last of it arrives
    // once the pipes are drained, which the cut of a left-behind process bounds)
    let wait: NodeJS.Timeout | undefined;
    await Promise.race([run.done, new Promise((r) => (wait = setTimeout(r, (this.opts.pipeGraceMs ?? 2000) + 1000)))]);
    clearTimeout(wait);
    return run.tail.text(lines);
  }

  async collect(h: JobHandle): Promise<string[]> {
    const run = this.jobs.get(h.id)!;
    await run.done;
    const out: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const e of await fs.readdir(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.name.endsWith('.json')) out.push(p);
      }
    };
    await walk(path.join(run.dir, 'out'));
    return out.sort();
  }

  async cancel(h: JobHandle): Promise<void> {
    const run = this.jobs.get(h.id);
    if (!run) return;
    if (run.status.state === 'queued') {
      run.status = { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled before it started' };
      run.resolveDone();
      return;
    }
    if (run.status.state !== 'running') return;
    run.cancelled = true;
    this.killGroup(run);
    await run.done;
  }

  saved(h: JobHandle): SavedJob | null {
    const run = this.jobs.get(h.id);
    if (!run?.child?.pid || run.status.state !== 'running') return null;
    return { platform: this.name, name: run.job.name, id: h.id, pgid: run.child.pid };
  }

  async close(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((r) => this.cancel({ job: r.job, id: r.job.name })));
  }
}
