/**
 * A real single-node Slurm 22.05 (Debian's slurmctld/slurmd/slurm-client/munge; with `accounting: true`
 * also slurmdbd + MariaDB) for one test file, started by scripts/slurm-up.sh and stopped by
 * scripts/slurm-down.sh. Recipe: /work/shared/local-services.md §3.1. Needs root (slurmd runs the jobs).
 *
 *   const slurm = await startSlurm();                  // or startSlurm({ accounting: true }): plain `sacct` works
 *   process.env.SLURM_CONF = slurm.env.SLURM_CONF;     // or pass slurm.env to what runs sbatch/squeue/...
 *   const sshd = await startSshd({ env: slurm.env });  // the "login node": ssh sessions see it too
 *   ...
 *   await slurm.cancelAll(); await slurm.stop();
 *
 * Each call starts its OWN private instance (own munged socket, ports, state, logs, pid files under
 * /run/evalgate-slurm/<pid>-<n>/), found by Slurm clients through SLURM_CONF. /etc/slurm/slurm.conf and
 * the system munged are never touched, so test files running in parallel forks cannot see or cancel
 * each other's jobs, job ids start at 1 in every instance, and `squeueAll()` === '' means "this test
 * left nothing behind". Without SLURM_CONF a client reads /etc/slurm/slurm.conf and fails (usually
 * "Could not establish a configuration source") — the platform must pass its environment on.
 *
 * Configuration (see scripts/slurm-up.sh): partition `debug` (default), CPUs=$(nproc), MinJobAge=600
 * (`scontrol show job -o` keeps finished jobs 10 min), jobcomp/filetxt (`sacct -c` works; its file is
 * `jobCompLog`), SchedulerParameters=sched_interval=1 (a job starts ≤ ~1 s after submission; the very
 * first job of an instance waits ~3 s for the first scheduling pass), KillWait=5. Without accounting,
 * plain `sacct` fails with "Slurm accounting storage is disabled" (the scontrol/`sacct -c` fallback case).
 * Batch output files default to `slurm-<id>.out` in the submitter's cwd: submit with `--chdir`/`-o`
 * into a temp dir, not from the repository root.
 *
 * Cleanup: `stop()` runs slurm-down.sh, which cancels jobs still queued or running (naming them on
 * stderr), stops every daemon of the instance and deletes its directory. An `exit` handler does the same
 * if a test forgets, and a detached watchdog does it when the test process dies without running exit
 * handlers; instances whose owner process is gone are also swept by the next startSlurm().
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePorts, waitExit } from './process.js';

export interface SlurmRun {
  stdout: string;
  stderr: string;
  /** exit status; null when killed (timeout) */
  code: number | null;
}

export interface Slurm {
  partition: 'debug';
  /** true: slurmdbd + MariaDB, plain `sacct` works; false: accounting_storage/none (use scontrol / `sacct -c`) */
  accounting: boolean;
  clusterName: string;
  /** the instance's directory (config, state, logs) */
  dir: string;
  /** the instance's slurm.conf */
  conf: string;
  /** the environment a Slurm client needs to reach this instance: merge it into the env of sbatch, squeue, ... */
  env: { SLURM_CONF: string };
  /** the jobcomp/filetxt file that `sacct -c` reads (key=value lines with JobId, JobState, ExitCode, ArrayJobId, ...) */
  jobCompLog: string;
  /** ms from startSlurm() to an idle node (diagnostics) */
  startMs: number;
  /** runs a Slurm client (sbatch, squeue, scontrol, sacct, scancel, sinfo, ...) against this instance; never throws on exit status */
  run(command: string, args: string[], opts?: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<SlurmRun>;
  /** `squeue -h -r -o '%i|%T|%j'`: the queued and running jobs (array tasks one per line); '' when none */
  squeueAll(): Promise<string>;
  /** cancels every queued or running job and waits (≤ 15 s) until squeue is empty; for afterAll/afterEach */
  cancelAll(): Promise<void>;
  /** the last lines of slurmctld's and slurmd's logs (for failure messages) */
  logs(lines?: number): string;
  stop(): Promise<void>;
}

export interface StartSlurmOptions {
  /** also start slurmdbd + MariaDB so that plain `sacct` works (≈ +1.5 s) */
  accounting?: boolean;
  /** for the whole start, including a first-time apt install (default 600 s) */
  startTimeoutMs?: number;
}

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const UP = path.join(ROOT, 'scripts', 'slurm-up.sh');
const DOWN = path.join(ROOT, 'scripts', 'slurm-down.sh');
const BASE = process.env.EVALGATE_SLURM_DIR ?? '/run/evalgate-slurm';
/** exit status of slurm-up.sh when a port was taken */
const PORT_TAKEN = 3;

const running = new Set<string>();
let exitHookInstalled = false;
let counter = 0;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const dir of running) spawnSync('bash', [DOWN, '--dir', dir, '--purge'], { stdio: 'ignore', timeout: 60_000 });
  });
}

/** alive and not a zombie */
function alive(pid: number): boolean {
  try {
    return !/^State:\s*Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

/** Stops instances whose owning test process is gone (a crash that even the watchdog missed). */
function sweepStale(): void {
  let entries: string[];
  try {
    entries = readdirSync(BASE);
  } catch {
    return;
  }
  for (const name of entries) {
    const dir = path.join(BASE, name);
    let owner: number;
    try {
      owner = Number(readFileSync(path.join(dir, 'owner'), 'utf8').trim());
    } catch {
      continue; // not ours (e.g. a human's `slurm-up.sh` in /run/evalgate-slurm/default), or being created
    }
    if (owner && !alive(owner)) spawnSync('bash', [DOWN, '--dir', dir, '--purge'], { stdio: 'ignore', timeout: 60_000 });
  }
}

function runProcess(
  command: string,
  args: string[],
  opts: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<SlurmRun> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: opts.cwd, env: opts.env, timeout: opts.timeoutMs ?? 60_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const e = err as (NodeJS.ErrnoException & { code?: number | string }) | null;
        if (e && typeof e.code === 'string') {
          resolve({ stdout, stderr: `${stderr}${e.message}`, code: null }); // e.g. ENOENT
          return;
        }
        resolve({ stdout, stderr, code: e ? ((e.code as number | undefined) ?? null) : 0 });
      },
    );
  });
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startSlurm(opts: StartSlurmOptions = {}): Promise<Slurm> {
  if (process.getuid?.() !== 0) {
    throw new Error(
      'startSlurm() needs root: slurmd runs the jobs and munged runs as user munge (scripts/slurm-up.sh). Run the tests as root (e.g. in the dev container).',
    );
  }
  const t0 = Date.now();
  const accounting = opts.accounting ?? false;
  installExitHook();
  sweepStale();

  mkdirSync(BASE, { recursive: true, mode: 0o755 });
  const dir = path.join(BASE, `${process.pid}-${++counter}`);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  writeFileSync(path.join(dir, 'owner'), `${process.pid}\n`);
  running.add(dir);
  const env = { SLURM_CONF: path.join(dir, 'slurm.conf') };

  const deadline = t0 + (opts.startTimeoutMs ?? 600_000);
  let last: SlurmRun | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const ports = await freePorts(accounting ? 4 : 2);
    const args = [UP, '--dir', dir, '--ports', ports.join(','), ...(accounting ? ['--dbd'] : [])];
    last = await runProcess('bash', args, { timeoutMs: Math.max(1_000, deadline - Date.now()) });
    if (last.code !== PORT_TAKEN) break;
  }
  if (!last || last.code !== 0) {
    running.delete(dir);
    spawnSync('bash', [DOWN, '--dir', dir, '--purge'], { stdio: 'ignore', timeout: 60_000 });
    throw new Error(`scripts/slurm-up.sh failed (exit ${last?.code ?? 'timeout'}):\n${last?.stderr ?? ''}${last?.stdout ?? ''}`);
  }

  // Stops the instance if this process dies without running its exit handlers (SIGKILL, OOM, ...).
  const watchdog = spawn(
    'bash',
    [
      '-c',
      'while grep -qs "^State:[[:space:]]*[^Z]" "/proc/$1/status" && [ -e "$2/up" ]; do sleep 1; done; ' +
        '[ -e "$2/up" ] && exec bash "$3" --dir "$2" --purge',
      'evalgate-slurm-watchdog',
      String(process.pid),
      dir,
      DOWN,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();

  const run: Slurm['run'] = (command, args, o = {}) => runProcess(command, args, { ...o, env: { ...process.env, ...o.env, ...env } });
  const squeueAll = async (): Promise<string> => {
    const r = await run('squeue', ['-h', '-r', '-o', '%i|%T|%j']);
    if (r.code !== 0) throw new Error(`squeue failed (exit ${r.code}): ${r.stderr}`);
    return r.stdout.trim();
  };

  let stopping: Promise<void> | undefined;
  return {
    partition: 'debug',
    accounting,
    clusterName: 'evalgate',
    dir,
    conf: env.SLURM_CONF,
    env,
    jobCompLog: path.join(dir, 'log', 'jobcomp.log'),
    startMs: Date.now() - t0,
    run,
    squeueAll,
    async cancelAll() {
      const ids = [...new Set((await run('squeue', ['-h', '-o', '%A'])).stdout.split(/\s+/).filter(Boolean))];
      if (ids.length === 0) return;
      await run('scancel', ids);
      const until = Date.now() + 15_000;
      let left = await squeueAll();
      while (left && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 100));
        left = await squeueAll();
      }
      if (left) throw new Error(`jobs still in squeue 15 s after scancel:\n${left}`);
    },
    logs(lines = 30) {
      return ['slurmctld', 'slurmd', 'slurmdbd']
        .map((d) => path.join(dir, 'log', `${d}.log`))
        .filter((f) => existsSync(f))
        .map((f) => `--- ${f}\n${tail(f, lines)}`)
        .join('\n');
    },
    stop() {
      stopping ??= (async () => {
        const r = await runProcess('bash', [DOWN, '--dir', dir, '--purge'], { timeoutMs: 120_000 });
        running.delete(dir);
        try {
          process.kill(-watchdog.pid!, 'SIGKILL'); // its own process group (detached): bash and its `sleep 1`
        } catch {
          // already gone
        }
        // a stopped instance leaves no process behind: wait until the kill has taken the watchdog
        await waitExit(watchdog, 5_000);
        if (r.stderr.trim()) process.stderr.write(`[slurm ${dir}] ${r.stderr}`);
        if (r.code !== 0) throw new Error(`scripts/slurm-down.sh failed (exit ${r.code}): ${r.stderr}`);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
