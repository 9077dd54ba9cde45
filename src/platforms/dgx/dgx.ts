/**
 * `dgx`: jobs on a DGX node: on the runner itself (`mode: local`), on a node over SSH (`ssh`), or
 * through Slurm (`slurm`, from the runner or a login node over SSH). The model and data are staged
 * into the shared folder (content-addressed, skipped when there), every shard's indicator files
 * are written under it and copied back.
 *
 *   <workdir>/evalgate/cas/<sha256>/<name>        staged model / data
 *   <workdir>/evalgate/scripts/<job>.sh           the rendered run.sh of a job (all its shards)
 *   <workdir>/evalgate/runs/<job>-<shard>/        out/, log.txt, pid, exit_code, host.env
 *
 * Without Slurm a shard runs as `setsid bash run.sh <shard>`: its own session and process group,
 * which a cancel signals as a whole. With Slurm a job is one `sbatch --parsable` array, one task per
 * shard; state comes from `sacct` or, where accounting is off, `scontrol show job`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { shellQuote, type Locations, type PlannedJob } from '../../core/plan.js';
import { parseJsonText } from '../../core/json.js';
import { isUri } from '../../stores/fs.js';
import type { JobHandle, JobStatus, Platform, SavedJob, StagedHashes } from '../platform.js';
import { contentHash, readTemplate, renderTemplate } from '../templates.js';
import type { DgxConfig } from './config.js';
import { quote, type Shell } from './shell.js';
import { mapState, parseSacct, parseSbatch, parseScontrol, sbatchOptions, type TaskState } from './slurm.js';
import { freshFolder } from '../../stores/owned.js';
import { asAttempt, findAttempt } from '../attempts.js';
import type { Staging } from '../staging.js';
import { raceAbort, throwIfCancelled } from '../abort.js';

export interface DgxOptions {
  config: DgxConfig;
  shell: Shell;
  /** the runner's checkout (mode local runs commands there) */
  cwd: string;
  /** where indicator files are copied back: <localDir>/<job>/out */
  localDir: string;
  gate: string;
  /** cached status is reused for this long (one sacct or ps per poll, not one per shard) */
  statusTtlMs?: number;
  /** --dry-run: stage() names where a path would go and touches nothing */
  dryRun?: boolean;
  /** SFTP write size and writes in flight when staging over SSH */
  staging?: Staging;
  /** the run's cancel: stops an upload in flight */
  signal?: AbortSignal;
}

/** jobs whose state one shell call reads (ssh and local mode) */
const STATE_CHUNK = 500;

/** the shard's number is the last part of a job name (plan.jobName): the rest names the whole job */
export const baseName = (name: string): string => name.replace(/-\d+$/, '');

interface Group {
  key: string;
  base: string;
  jobs: PlannedJob[];
  script: string;
  /** Slurm's array job id once submitted */
  arrayId?: string;
  submitting?: Promise<string>;
}

interface HostEnv {
  hostname?: string;
  cpu_governor?: string;
  cpu_model?: string;
  gpus: string[];
}

export function parseHostEnv(text: string): HostEnv {
  const env: HostEnv = { gpus: [] };
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const k = line.slice(0, eq);
    const v = line.slice(eq + 1).trim();
    if (k === 'hostname') env.hostname = v;
    else if (k === 'cpu_governor') env.cpu_governor = v;
    else if (k === 'cpu_model' && v) env.cpu_model = v;
    else if (k === 'gpu' && v) env.gpus.push(v);
  }
  return env;
}

/**
 * TERM to a shard's process group, KILL to what is left after 5 s; only while the shard's pid file
 * still names that group (a group id the node has since reused is not touched). `kill -TERM -PGID`:
 * dash's kill takes no `--`.
 */
export function killGroupCommand(runDir: string, pgid: number): string {
  const dir = quote(runDir);
  return `[ "$(cat ${dir}/pid 2>/dev/null)" = ${pgid} ] || exit 0; kill -TERM -${pgid} 2>/dev/null; for i in $(seq 1 50); do kill -0 -${pgid} 2>/dev/null || exit 0; sleep 0.1; done; kill -KILL -${pgid} 2>/dev/null; exit 0`;
}

export class DgxPlatform implements Platform {
  readonly name = 'dgx';
  readonly pollIntervalMs: number;
  readonly maxPollIntervalMs: number;
  readonly warnings: string[] = [];
  private readonly cfg: DgxConfig;
  private readonly shell: Shell;
  private readonly groups = new Map<string, Group>();
  private readonly byName = new Map<string, { job: PlannedJob; group: Group }>();
  private cache: { at: number; states: Map<string, TaskState | { pidState: string; exit?: number }> } | null = null;
  private refreshing: Promise<void> | null = null;
  private accounting: boolean | null = null;
  private readonly staged = new Map<string, string>();

  constructor(private readonly opts: DgxOptions) {
    this.cfg = opts.config;
    this.shell = opts.shell;
    this.pollIntervalMs = this.cfg.mode === 'slurm' ? 1000 : 250;
    this.maxPollIntervalMs = this.cfg.mode === 'slurm' ? 10_000 : 2000;
  }

  private get root(): string {
    return `${this.cfg.workdir}/evalgate`;
  }
  runDir(name: string): string {
    return `${this.root}/runs/${name}`;
  }

  locate(_key: string, _shard: unknown, name: string, staged: { model: string; data: string }): Locations {
    return { model: staged.model, data: staged.data, out: `${this.runDir(name)}/out` };
  }

  readonly hashes: StagedHashes = {};

  async stage(localOrUri: string, kind?: 'model' | 'data', signal = this.opts.signal): Promise<string> {
    throwIfCancelled(signal);
    if (isUri(localOrUri)) return localOrUri;
    const local = path.resolve(this.opts.cwd, localOrUri);
    const cached = this.staged.get(local);
    if (cached) {
      if (kind) this.hashes[kind] = `sha256:${path.posix.basename(path.posix.dirname(cached))}`;
      return cached;
    }
    // hashed in local mode too: the sha256 is the input's fingerprint (SPEC §10)
    const sha = await contentHash(local, signal);
    if (kind) this.hashes[kind] = `sha256:${sha}`;
    // the runner is the node: jobs read the checkout where it is
    if (this.cfg.mode === 'local') return local;
    const target = this.casPath(sha, path.basename(local));
    if (this.opts.dryRun) return target;
    const dir = path.posix.dirname(target);
    // content-addressed: present and complete means the same bytes are there already
    const present = await this.shell.exec(`test -e ${quote(`${dir}/.complete`)} && test -e ${quote(target)}`);
    if (present.code !== 0) {
      // what an interrupted run left (its folder untouched for 10 minutes) goes; one in progress (another run's) stays
      await this.shell.exec(
        `for d in ${quote(dir)}.tmp-*; do [ -d "$d" ] || continue; [ -n "$(find "$d" -mmin -10 2>/dev/null | head -n 1)" ] || rm -rf -- "$d"; done; true`,
      );
      // each upload into its own folder, moved into place whole: a half-sent file is never at the staged path
      const tmp = `${dir}.tmp-${process.pid}-${Date.now()}`;
      await this.shell.upload(local, `${tmp}/${path.basename(local)}`, {
        ...(this.opts.staging ? { staging: this.opts.staging } : {}),
        ...(signal ? { signal } : {}),
      });
      const r = await this.shell.exec(
        `mkdir -p ${quote(`${this.root}/cas`)} && rm -rf ${quote(dir)} && mv ${quote(tmp)} ${quote(dir)} && touch ${quote(`${dir}/.complete`)}`,
      );
      if (r.code !== 0) throw new Error(`staging ${localOrUri} to ${this.shell.where}:${dir} failed: ${r.stderr.trim()}`);
    }
    this.staged.set(local, target);
    return target;
  }

  /** where a local file or folder with this content is staged on the node */
  casPath(sha: string, basename: string): string {
    return `${this.root}/cas/${sha}/${basename}`;
  }

  /** the script of one job, every shard of it, from platforms/job_templates/dgx/run.sh */
  async renderScript(jobs: PlannedJob[], attempt?: { base: string; suffix: string }): Promise<string> {
    const first = jobs[0]!;
    const base = attempt ? `${attempt.base}${attempt.suffix}` : baseName(first.name);
    const shards = jobs.map((j) => {
      const exports = Object.entries(j.env).map(([k, v]) => `export ${k}=${shellQuote(v)}`);
      return `  ${j.shard.index})\n    run_dir=${shellQuote(this.runDir(j.name))}\n    command=${shellQuote(j.command)}\n    ${[...exports, `export EVALGATE_JOB=${shellQuote(j.name)}`].join('\n    ')}\n    ;;`;
    });
    const isArray = jobs.length > 1 || first.shard.count > 1;
    const options =
      this.cfg.mode === 'slurm'
        ? sbatchOptions({
            partition: this.cfg.partition,
            account: this.cfg.account,
            gpus: first.resources.gpus,
            gpuType: first.resources.gpu_type,
            cpus: first.resources.cpu,
            memoryGb: first.resources.memory_gb,
            array:
              jobs.length > 1 || first.shard.count > 1
                ? `${Math.min(...jobs.map((j) => j.shard.index))}-${Math.max(...jobs.map((j) => j.shard.index))}`
                : undefined,
          })
        : [];
    const vars = {
      job_name: base,
      timeout_minutes: Math.ceil(first.timeoutMinutes),
      // %a is an array task's index; a job that is no array has none (Slurm writes 4294967294)
      log_pattern: isArray
        ? `${this.root}/runs/${attempt ? attempt.base : base}-%a${attempt?.suffix ?? ''}/log.txt`
        : `${this.runDir(first.name)}/log.txt`,
      sbatch_options: options.map((o) => `#SBATCH ${o}`).join('\n'),
      shards: shards.join('\n'),
      shard_index: first.shard.index,
      cwd: this.cfg.cwd ?? (this.cfg.host ? this.cfg.workdir : this.opts.cwd),
    };
    const { text, missing } = renderTemplate(await readTemplate('dgx'), vars, 'sh');
    if (missing.length) throw new Error(`internal error: dgx/run.sh uses unknown variables ${missing.join(', ')}`);
    return text;
  }

  /** --dry-run: every job's script, as it would be written to the shared folder and run */
  async describe(jobs: PlannedJob[]): Promise<string> {
    await this.prepare(jobs);
    const out: string[] = [];
    for (const g of this.groups.values()) {
      const how = this.cfg.mode === 'slurm' ? `sbatch --parsable ${g.script}` : `setsid bash ${g.script} <shard>`;
      const on = this.cfg.host ? `${this.cfg.user}@${this.cfg.host}:${this.cfg.port}` : 'the runner';
      out.push(`# ${g.base} (${how} on ${on}) from platforms/job_templates/dgx/run.sh\n${await this.renderScript(g.jobs)}`);
    }
    return out.join('\n');
  }

  /** groups the shards of each job: a Slurm job is one array for all of them */
  async prepare(jobs: PlannedJob[]): Promise<void> {
    for (const job of jobs) {
      const base = baseName(job.name);
      let g = this.groups.get(base);
      if (!g) {
        g = { key: job.key, base, jobs: [], script: `${this.root}/scripts/${base}.sh` };
        this.groups.set(base, g);
      }
      g.jobs.push(job);
      this.byName.set(job.name, { job, group: g });
    }
  }

  private group(job: PlannedJob): Group {
    if (!this.byName.has(job.name)) void this.prepare([job]);
    return this.byName.get(job.name)!.group;
  }

  private async writeScript(g: Group, attempt?: { jobs: PlannedJob[]; script: string; suffix: string }): Promise<void> {
    const jobs = attempt?.jobs ?? g.jobs;
    await this.shell.writeFile(
      attempt?.script ?? g.script,
      await this.renderScript(jobs, attempt && { base: g.base, suffix: attempt.suffix }),
    );
    const dirs = jobs.map((j) => quote(`${this.runDir(j.name)}/out`)).join(' ');
    const r = await this.shell.exec(`mkdir -p ${dirs}`);
    if (r.code !== 0) throw new Error(`${this.shell.where}: cannot create the job folders: ${r.stderr.trim()}`);
  }

  /**
   * sbatch and a launch are single commands that never back off: one the abort finds started runs
   * to its end, so that the job it creates has a handle and is cancelled with the others
   */
  async submit(job: PlannedJob, signal?: AbortSignal): Promise<JobHandle> {
    throwIfCancelled(signal);
    const g = this.group(job);
    if (this.cfg.mode === 'slurm') {
      g.submitting ??= this.submitArray(g);
      const arrayId = await g.submitting;
      const isArray = g.jobs.length > 1 || job.shard.count > 1;
      return { job, id: isArray ? `${arrayId}_${job.shard.index}` : arrayId };
    }
    return { job, id: await this.launch(g, job) };
  }

  private async submitArray(g: Group): Promise<string> {
    // a retried run attaches to the array it submitted before (found by its deterministic name),
    // also once it has ended (its run was killed and it finished since): squeue knows only queued
    // and running jobs, sacct (with accounting) and scontrol (for MinJobAge) the finished ones too
    // an array found under its name with a task that failed or was cancelled is submitted again
    // (every shard) as <base>-r2, -r3, …, each shard in a run folder <name>-r2 of its own
    const found = await findAttempt(g.base, async (name) => {
      const id = await this.findArray(name);
      if (!id) return null;
      const dead = (await this.arrayTasks(id)).some((t) => {
        const s = mapState(t.state, t.exitCode ?? null).state;
        return s === 'failed' || s === 'cancelled';
      });
      return dead ? 'dead' : { live: id };
    });
    const suffix = found.name.slice(g.base.length);
    if (suffix) for (const j of g.jobs) this.attemptOf.set(j.name, `${j.name}${suffix}`);
    if (found.existing) {
      g.arrayId = found.existing;
      return found.existing;
    }
    const script = suffix ? `${this.root}/scripts/${found.name}.sh` : g.script;
    if (suffix) {
      const jobs = g.jobs.map((j) => {
        const run = asAttempt(j, `${j.name}${suffix}`);
        return { ...run, env: { ...run.env, EVALGATE_OUT: `${this.runDir(run.name)}/out` } };
      });
      await this.writeScript(g, { jobs, script, suffix });
    } else await this.writeScript(g);
    const r = await this.shell.exec(`sbatch --parsable ${quote(script)}`);
    const id = parseSbatch(r.stdout);
    if (r.code !== 0 || !id) {
      throw new Error(`sbatch on ${this.shell.where} failed for ${found.name}: ${(r.stderr || r.stdout).trim() || `exit code ${r.code}`}`);
    }
    g.arrayId = id;
    return id;
  }

  /** the id of the array (or job) of this name Slurm knows: queued or running (squeue), or finished (sacct, scontrol) */
  private async findArray(name: string): Promise<string | undefined> {
    const n = quote(name);
    const existing = await this.shell.exec(
      `squeue -h --name=${n} -o %i; echo @; sacct -X -n -P --name=${n} -o JobID 2>/dev/null; echo @; scontrol -o show job 2>/dev/null | grep -F -e ${quote(` JobName=${name} `)}`,
    );
    const [queued = '', accounted = '', remembered = ''] = existing.stdout.split(/^@$/m).map((s) => s.trim());
    return (
      /^(\d+)/.exec(queued)?.[1] ??
      /^(\d+)/.exec(accounted)?.[1] ??
      /\bArrayJobId=(\d+)/.exec(remembered)?.[1] ??
      /^JobId=(\d+)/.exec(remembered)?.[1]
    );
  }

  /** the tasks of one array as Slurm reports them (sacct with accounting, scontrol without) */
  private async arrayTasks(id: string): Promise<TaskState[]> {
    if (this.accounting !== false) {
      const r = await this.shell.exec(`sacct -X -P -n -j ${id} -o JobID,State,ExitCode`);
      if (r.code === 0) {
        const tasks = parseSacct(r.stdout);
        if (tasks.length) return tasks;
      }
    }
    const r = await this.shell.exec(`scontrol show job -o ${id} 2>/dev/null`);
    return parseScontrol(r.stdout);
  }

  private async launch(g: Group, job: PlannedJob): Promise<string> {
    // attach: a shard a retried run started is still running or has finished with 0; one that
    // failed or was killed is started again as <name>-r2, -r3, … in a run folder of its own
    const found = await findAttempt(job.name, async (n) => {
      const r = await this.shell.exec(this.stateLine('-', this.runDir(n)));
      const [, state, value] = r.stdout.trim().split(' ');
      if (state === 'none' || !state) return null;
      if (state === 'running') return { live: value ?? '' };
      if (state === 'exit' && value === '0') {
        const pid = await this.shell.exec(`cat ${quote(`${this.runDir(n)}/pid`)} 2>/dev/null`);
        return { live: pid.stdout.trim() };
      }
      return 'dead';
    });
    if (found.attempt > 1) this.attemptOf.set(job.name, found.name);
    const pid = /^(\d+)/.exec(found.existing ?? '')?.[1];
    if (pid) return pid;
    const dir = this.runDir(found.name);
    let script = g.script;
    if (found.attempt > 1) {
      // this attempt's own script: its folder and {out} are the attempt's
      const run = asAttempt(job, found.name);
      run.env = { ...run.env, EVALGATE_OUT: `${dir}/out` };
      script = `${this.root}/scripts/${found.name}.sh`;
      await this.shell.writeFile(script, await this.renderScript([run]));
      const m = await this.shell.exec(`mkdir -p ${quote(`${dir}/out`)}`);
      if (m.code !== 0) throw new Error(`${this.shell.where}: cannot create the job folder ${dir}: ${m.stderr.trim()}`);
    } else {
      if (!g.submitting) g.submitting = this.writeScript(g).then(() => 'written');
      await g.submitting;
    }
    const r = await this.shell.exec(
      `cd ${quote(dir)} && rm -f exit_code pid && (setsid nohup bash ${quote(script)} ${job.shard.index} > log.txt 2>&1 < /dev/null & echo $! > pid) && cat pid`,
    );
    const started = /^(\d+)/.exec(r.stdout.trim())?.[1];
    if (r.code !== 0 || !started) throw new Error(`could not start ${found.name} on ${this.shell.where}: ${(r.stderr || r.stdout).trim()}`);
    return started;
  }

  private async refresh(): Promise<void> {
    const states = new Map<string, TaskState | { pidState: string; exit?: number }>();
    if (this.cfg.mode === 'slurm') {
      const ids = [...new Set([...this.groups.values()].map((g) => g.arrayId).filter((x): x is string => !!x))];
      if (ids.length) {
        let tasks: TaskState[] | null = null;
        if (this.accounting !== false) {
          const r = await this.shell.exec(`sacct -X -P -n -j ${ids.join(',')} -o JobID,State,ExitCode`);
          if (r.code === 0) {
            this.accounting = true;
            tasks = parseSacct(r.stdout);
          } else if (/accounting storage is disabled/i.test(r.stderr)) this.accounting = false;
          else throw new Error(`sacct on ${this.shell.where}: ${r.stderr.trim() || `exit code ${r.code}`}`);
        }
        // sacct can lag behind a submission, and without accounting it says nothing: scontrol knows
        const known = new Set(tasks?.map((t) => t.arrayJobId));
        const missing = ids.filter((id) => !known.has(id));
        if (tasks === null || missing.length) {
          const r = await this.shell.exec(`for j in ${(tasks === null ? ids : missing).join(' ')}; do scontrol show job -o "$j"; done`);
          tasks = [...(tasks ?? []), ...parseScontrol(r.stdout)];
        }
        for (const t of tasks) states.set(t.id, t);
      }
    } else {
      const jobs = [...this.byName.values()].map(({ job }) => job);
      // one script for STATE_CHUNK jobs: a shell function, then one short call per job (a command
      // line stays far under the kernel's 128 KiB limit on one argument, whatever the fan-out)
      for (let i = 0; i < jobs.length; i += STATE_CHUNK) {
        const r = await this.shell.exec(this.stateScript(jobs.slice(i, i + STATE_CHUNK)));
        for (const line of r.stdout.split('\n')) {
          const [n, state, exit] = line.trim().split(' ');
          if (n && state) states.set(n, { pidState: state, exit: exit !== undefined ? Number(exit) : undefined });
        }
      }
    }
    this.cache = { at: Date.now(), states };
  }

  private async states(): Promise<Map<string, TaskState | { pidState: string; exit?: number }>> {
    if (this.cache && Date.now() - this.cache.at < (this.opts.statusTtlMs ?? 200)) return this.cache.states;
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = null));
    await this.refreshing;
    return this.cache!.states;
  }

  /**
   * Every job from one read: one `sacct` for all the run's arrays (slurm; `scontrol` where
   * accounting is off), one state script per STATE_CHUNK jobs (ssh, local). The same read
   * answers status(), so a job is never left out: one not listed yet is queued.
   */
  async statusMany(handles: JobHandle[], signal?: AbortSignal): Promise<Map<string, JobStatus>> {
    await raceAbort(this.states(), signal);
    const out = new Map<string, JobStatus>();
    for (const h of handles) out.set(h.id, await this.status(h));
    return out;
  }

  async status(h: JobHandle, signal?: AbortSignal): Promise<JobStatus> {
    const states = await raceAbort(this.states(), signal);
    if (this.cfg.mode === 'slurm') {
      const t = states.get(h.id) as TaskState | undefined;
      if (!t) return { state: 'queued', platformStatus: 'submitted (not listed yet)' };
      const m = mapState(t.state, t.exitCode);
      const word = t.state.split(/\s+/)[0]!;
      const status: JobStatus = { state: m.state, platformStatus: `${word}${t.exitCode && t.exitCode !== '0:0' ? ` ${t.exitCode}` : ''}` };
      if (!m.known) status.platformStatus = `${word} (unknown to evalgate; still waiting)`;
      if (m.state === 'failed')
        status.message = `Slurm ${word}${t.exitCode ? `, exit code ${t.exitCode}` : ''}${t.reason && t.reason !== 'None' ? `, reason ${t.reason}` : ''}`;
      if (m.state === 'running' && !this.startedAt.has(h.id)) this.startedAt.set(h.id, Date.now());
      if (this.startedAt.has(h.id)) status.startedAt = this.startedAt.get(h.id);
      if (m.state !== 'queued' && m.state !== 'running') status.finishedAt = Date.now();
      return status;
    }
    const s = states.get(h.job.name) as { pidState: string; exit?: number } | undefined;
    if (!this.startedAt.has(h.id)) this.startedAt.set(h.id, Date.now());
    const startedAt = this.startedAt.get(h.id);
    if (!s || s.pidState === 'none') return { state: 'queued', platformStatus: 'starting', startedAt };
    if (s.pidState === 'running') return { state: 'running', platformStatus: `running (pid ${h.id} on ${this.shell.where})`, startedAt };
    if (s.pidState === 'exit') {
      if (s.exit === 0) return { state: 'succeeded', platformStatus: 'exited 0', startedAt, finishedAt: Date.now() };
      if (this.cancelled.has(h.id))
        return { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled', startedAt, finishedAt: Date.now() };
      return {
        state: 'failed',
        platformStatus: `exited ${s.exit}`,
        message: `exited with code ${s.exit}`,
        startedAt,
        finishedAt: Date.now(),
      };
    }
    if (this.cancelled.has(h.id))
      return { state: 'cancelled', platformStatus: 'cancelled', message: 'cancelled', startedAt, finishedAt: Date.now() };
    return {
      state: 'failed',
      platformStatus: 'gone',
      message: `its process ended without an exit code on ${this.shell.where} (killed, or the node rebooted)`,
      startedAt,
      finishedAt: Date.now(),
    };
  }

  private readonly startedAt = new Map<string, number>();
  /** ssh mode: planned job name → the name of the attempt that runs it (its run folder), where not the first */
  private readonly attemptOf = new Map<string, string>();

  /** the run folder of the attempt that runs a job */
  private dirOf(job: PlannedJob): string {
    return this.runDir(this.attemptOf.get(job.name) ?? job.name);
  }

  /** the script that prints `<name> exit <code>|running <pid>|gone|none` for each job's run folder */
  private stateScript(jobs: PlannedJob[]): string {
    const fn =
      `s() { d=${quote(`${this.root}/runs`)}/"\${2:-$1}"; if [ -f "$d/exit_code" ]; then echo "$1 exit $(cat "$d/exit_code")"; ` +
      `elif [ -f "$d/pid" ] && kill -0 "$(cat "$d/pid")" 2>/dev/null; then echo "$1 running $(cat "$d/pid")"; ` +
      `elif [ -f "$d/pid" ]; then echo "$1 gone"; else echo "$1 none"; fi; }`;
    const calls = jobs.map((j) => {
      const attempt = this.attemptOf.get(j.name);
      return attempt && attempt !== j.name ? `s ${quote(j.name)} ${quote(attempt)}` : `s ${quote(j.name)}`;
    });
    return [fn, ...calls].join('\n');
  }

  /** the shell line that prints `<key> exit <code>|running|gone|none` for a run folder */
  private stateLine(key: string, dir: string): string {
    const d = quote(dir);
    return `if [ -f ${d}/exit_code ]; then echo "${key} exit $(cat ${d}/exit_code)"; elif [ -f ${d}/pid ] && kill -0 "$(cat ${d}/pid)" 2>/dev/null; then echo "${key} running $(cat ${d}/pid)"; elif [ -f ${d}/pid ]; then echo "${key} gone"; else echo "${key} none"; fi`;
  }
  private readonly cancelled = new Set<string>();

  async logs(h: JobHandle, lines: number): Promise<string> {
    const r = await this.shell.exec(`tail -n ${Math.max(1, Math.floor(lines))} ${quote(`${this.dirOf(h.job)}/log.txt`)} 2>/dev/null`);
    return r.stdout.replace(/\n$/, '');
  }

  async collect(h: JobHandle, _dest?: string, signal?: AbortSignal): Promise<string[]> {
    throwIfCancelled(signal);
    // a fresh folder of evalgate's: never one it did not create
    const local = path.join(await freshFolder(path.join(this.opts.localDir, h.job.name)), 'out');
    const files = await this.shell.download(`${this.dirOf(h.job)}/out`, local, (n) => n.endsWith('.json'));
    const env = await this.hostEnv(h);
    if (env) await this.annotate(h, files, env);
    return files;
  }

  private async hostEnv(h: JobHandle): Promise<HostEnv | null> {
    const r = await this.shell.exec(`cat ${quote(`${this.dirOf(h.job)}/host.env`)} 2>/dev/null`);
    return r.code === 0 && r.stdout.trim() ? parseHostEnv(r.stdout) : null;
  }

  /** records where a job ran in each of its indicator files (`host`), and warns about a latency job without the performance governor */
  private async annotate(h: JobHandle, files: string[], env: HostEnv): Promise<void> {
    const host = {
      hostname: env.hostname ?? null,
      cpu_model: env.cpu_model ?? null,
      cpu_governor: env.cpu_governor ?? null,
      gpus: env.gpus,
    };
    let latency = false;
    for (const f of files) {
      const text = await fs.readFile(f, 'utf8');
      const parsed = parseJsonText(text, f);
      // a file with a problem is left exactly as written, for validation to name it
      if (!parsed.ok || parsed.problems.length || !parsed.value || typeof parsed.value !== 'object' || Array.isArray(parsed.value))
        continue;
      const v = parsed.value as Record<string, unknown>;
      if (v.indicator === 'latency_p99') latency = true;
      if (!('host' in v)) await fs.writeFile(f, JSON.stringify({ ...v, host }));
    }
    const governor = env.cpu_governor;
    if ((latency || h.job.indicators.includes('latency_p99')) && governor && governor !== 'unknown' && governor !== 'performance') {
      this.warnings.push(
        `${h.job.name} measured latency on ${env.hostname ?? this.shell.where} with the CPU frequency governor ${JSON.stringify(env.cpu_governor ?? 'unknown')}, not "performance": its latency is not repeatable against a baseline`,
      );
    }
  }

  async cancel(h: JobHandle): Promise<void> {
    this.cancelled.add(h.id);
    if (this.cfg.mode === 'slurm') {
      const r = await this.shell.exec(`scancel ${quote(h.id)}`);
      if (r.code !== 0 && !/already completing or completed|Invalid job id/i.test(r.stderr)) {
        throw new Error(`scancel ${h.id} on ${this.shell.where}: ${r.stderr.trim()}`);
      }
      // wait until Slurm has taken it (a few seconds at most)
      for (let i = 0; i < 40; i++) {
        this.cache = null;
        const s = await this.status(h);
        if (s.state !== 'queued' && s.state !== 'running') return;
        await new Promise((res) => setTimeout(res, 250));
      }
      return;
    }
    const pgid = Number(h.id);
    if (!Number.isSafeInteger(pgid) || pgid <= 1) return;
    // TERM the whole group, KILL what is left after 5 s; only while the job's pid file still names it
    await this.shell.exec(killGroupCommand(this.dirOf(h.job), pgid));
    this.cache = null;
  }

  saved(h: JobHandle): SavedJob | null {
    return {
      platform: this.name,
      name: h.job.name,
      id: h.id,
      mode: this.cfg.mode,
      host: this.cfg.host ?? null,
      port: this.cfg.port,
      user: this.cfg.user,
      host_keys: this.cfg.hostKeys,
      known_hosts: this.cfg.knownHosts ?? null,
      key_env: this.cfg.keyEnv,
      key_file: this.cfg.keyFile ?? null,
      run_dir: this.dirOf(h.job),
    };
  }

  async close(): Promise<void> {
    await this.shell.close();
  }
}
