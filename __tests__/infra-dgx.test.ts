/**
 * The test infrastructure of the `dgx` platform works and catches mistakes: a real OpenSSH sshd
 * (fakes/sshd.ts) and real single-node Slurm instances (fakes/slurm.ts, scripts/slurm-up.sh).
 *
 * The SSH side is exercised both with ssh2 (host key pinned by its SHA256 fingerprint in hostVerifier)
 * and with the OpenSSH client (`ssh`, `sftp`; StrictHostKeyChecking=yes against a known_hosts file):
 * public key only, an unknown client key refused, a changed host key refused. The fingerprint ssh2's
 * hostVerifier computes (sshFingerprint) is checked against ssh-keygen's.
 *
 * Timings are printed at the end (sshd ready, Slurm up with and without accounting, submit→COMPLETED).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlurm, type Slurm } from './fakes/slurm.js';
import { sshFingerprint, startSshd, type Sshd } from './fakes/sshd.js';

const timings: Record<string, number> = {};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (child.stdin) {
      child.stdin.on('error', () => {}); // EPIPE when the command exits without reading it all
      child.stdin.end(opts.input);
    }
  });
}

const ssh = (sshd: Sshd, command: string, extra: string[] = []): Promise<Run> => run('ssh', [...sshd.sshArgs(extra), command]);

interface Ssh2Result extends Run {
  /** the fingerprint the server presented, as the hostVerifier computed it */
  presented?: string;
}

/** ssh2: connect with the host key pinned by fingerprint, exec `command`, close */
function ssh2Exec(sshd: Sshd, command: string, pinned: string): Promise<Ssh2Result> {
  return new Promise((resolve, reject) => {
    const conn = new Client();
    let presented: string | undefined;
    conn.once('error', (e) => reject(Object.assign(e, { presented })));
    conn.once('ready', () => {
      conn.exec(command, (err, stream) => {
        if (err) return reject(err);
        let stdout = '';
        let stderr = '';
        stream.on('data', (b: Buffer) => (stdout += b.toString()));
        stream.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
        stream.once('close', (code: number | null) => {
          conn.end();
          resolve({ code, stdout, stderr, presented });
        });
      });
    });
    conn.connect({
      host: sshd.host,
      port: sshd.port,
      username: sshd.user,
      privateKey: sshd.clientKey,
      readyTimeout: 10_000,
      hostVerifier: (key: Buffer) => {
        presented = sshFingerprint(key);
        return presented === pinned;
      },
    });
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `scontrol show job -o <id>`: one record per job (per array task) as key → value */
async function scontrolJobs(slurm: Slurm, id: string): Promise<Record<string, string>[]> {
  const r = await slurm.run('scontrol', ['show', 'job', '-o', id]);
  if (r.code !== 0) throw new Error(`scontrol show job ${id}: ${r.stderr}`);
  return r.stdout
    .trim()
    .split('\n')
    .map((line) => Object.fromEntries(line.split(/ +/).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])));
}

const TERMINAL = /^(COMPLETED|FAILED|CANCELLED|TIMEOUT|NODE_FAIL|PREEMPTED|BOOT_FAIL|DEADLINE|OUT_OF_MEMORY)$/;

/** waits until every record of the job is terminal; returns the records */
function waitDone(slurm: Slurm, id: string, tasks = 1, timeoutMs = 30_000): Promise<Record<string, string>[]> {
  return waitFor(
    `job ${id} to finish`,
    async () => {
      const jobs = await scontrolJobs(slurm, id);
      return jobs.length === tasks && jobs.every((j) => TERMINAL.test(j.JobState!)) ? jobs : undefined;
    },
    timeoutMs,
  );
}

async function sbatch(slurm: Slurm, args: string[]): Promise<string> {
  const r = await slurm.run('sbatch', ['--parsable', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^\d+\n$/);
  return r.stdout.trim();
}

/** live processes whose command line (or, with `inEnv`, environment) mentions `needle` (for "nothing left running" checks) */
function processesMentioning(needle: string, inEnv = false): string[] {
  const out: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      if (/^State:\s*Z/m.test(status)) continue; // exited, not yet reaped
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const env = inEnv ? readFileSync(`/proc/${name}/environ`, 'utf8') : '';
      if (cmd.includes(needle) || env.includes(needle)) out.push(`${name}: ${cmd}`);
    } catch {
      // gone
    }
  }
  return out;
}

/** live processes whose command line is exactly `cmdline` */
const processesRunning = (cmdline: string): string[] => processesMentioning(cmdline).filter((p) => p.endsWith(`: ${cmdline} `));

/** processes of a Slurm instance: munged/mariadbd name its directory, slurmctld/slurmd/slurmdbd/slurmstepd carry its SLURM_CONF */
const instanceProcesses = (slurm: Slurm): string[] => processesMentioning(slurm.dir, true);

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

afterAll(() => {
  console.log(
    'infra-dgx timings (ms):\n' +
      Object.entries(timings)
        .map(([k, v]) => `  ${k.padEnd(44)} ${v}`)
        .join('\n'),
  );
});

describe('sshd (real OpenSSH)', () => {
  let sshd: Sshd;

  beforeAll(async () => {
    const t0 = Date.now();
    sshd = await startSshd();
    timings['sshd: startSshd() (keys + ready)'] = Date.now() - t0;
  }, 600_000);
  afterAll(async () => {
    await sshd?.stop();
  });

  it('exposes the pinned host key in the formats ssh-keygen and an ssh2 hostVerifier use', () => {
    expect(sshd.host).toBe('127.0.0.1');
    expect(sshd.user).toBe(userInfo().username);
    expect(sshd.clientKey).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n[\s\S]+-----END OPENSSH PRIVATE KEY-----\n$/);
    expect(readFileSync(sshd.clientKeyPath, 'utf8')).toBe(sshd.clientKey);
    expect(sshd.hostPublicKey).toMatch(/^ssh-ed25519 AAAA[A-Za-z0-9+/=]+$/);
    expect(sshd.knownHostsLine).toBe(`[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey}`);
    expect(sshd.hostKeyFingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const blob = Buffer.from(sshd.hostPublicKey.split(' ')[1]!, 'base64');
    expect(sshFingerprint(blob)).toBe(sshd.hostKeyFingerprint);
  });

  it('runs `echo hi; exit 7` over ssh with the pinned host key and passes the exit status on', async () => {
    const t0 = Date.now();
    const r = await ssh(sshd, 'echo hi; echo oops >&2; exit 7');
    timings['ssh: connect + exec + close'] = Date.now() - t0;
    expect(r.stdout).toBe('hi\n');
    expect(r.stderr).toBe('oops\n');
    expect(r.code).toBe(7);
  });

  it('ssh2: `echo hi; exit 7` with the host key pinned by fingerprint', async () => {
    const t0 = Date.now();
    const r = await ssh2Exec(sshd, 'echo hi; exit 7', sshd.hostKeyFingerprint);
    timings['ssh2: connect + exec + close'] = Date.now() - t0;
    expect(r).toEqual({ code: 7, stdout: 'hi\n', stderr: '', presented: sshd.hostKeyFingerprint });
  });

  it('ssh2: a wrong pinned fingerprint is refused before authentication', async () => {
    const wrong = sshFingerprint(Buffer.from('not the host key'));
    const err = (await ssh2Exec(sshd, 'echo should-not-run', wrong).then(
      () => undefined,
      (e: unknown) => e,
    )) as (Error & { level?: string; presented?: string }) | undefined;
    expect(err?.message).toMatch(/Host denied \(verification failed\)/);
    expect(err?.presented).toBe(sshd.hostKeyFingerprint);
  });

  it('serves sftp (internal-sftp)', async () => {
    const local = mkdtempSync(path.join(tmpdir(), 'evalgate-sftp-'));
    try {
      writeFileSync(path.join(local, 'up.txt'), 'payload\n');
      const args = sshd.sshArgs().filter((a, i, all) => a !== '-p' && all[i - 1] !== '-p');
      const dest = args.pop()!;
      const batch = `put ${local}/up.txt ${local}/remote.txt\nget ${local}/remote.txt ${local}/down.txt\n`;
      const r = await run('sftp', ['-P', String(sshd.port), '-b', '-', ...args, dest], { input: batch });
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(path.join(local, 'down.txt'), 'utf8')).toBe('payload\n');
    } finally {
      rmSync(local, { recursive: true, force: true });
    }
  });

  it('refuses a client key it does not know (public key auth is real)', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'evalgate-key-'));
    try {
      await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(other, 'k')]);
      const args = sshd.sshArgs();
      args[args.indexOf(sshd.clientKeyPath)] = path.join(other, 'k');
      const r = await run('ssh', [...args, 'echo should-not-run']);
      expect(r.code).toBe(255);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Permission denied \(publickey\)/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('rotateHostKey(): same port, new key; a client pinned to the old key refuses to connect', async () => {
    const old = { port: sshd.port, fp: sshd.hostKeyFingerprint, line: sshd.knownHostsLine };
    const pinnedOld = path.join(sshd.dir, '..', `${path.basename(sshd.dir)}-old_known_hosts`);
    writeFileSync(pinnedOld, `${old.line}\n`);
    try {
      const t0 = Date.now();
      await sshd.rotateHostKey();
      timings['sshd: rotateHostKey()'] = Date.now() - t0;
      expect(sshd.port).toBe(old.port);
      expect(sshd.hostKeyFingerprint).not.toBe(old.fp);
      expect(sshd.knownHostsLine).not.toBe(old.line);

      const refused = await ssh(sshd, 'echo should-not-run', ['-o', `UserKnownHostsFile=${pinnedOld}`]);
      expect(refused.code).toBe(255);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/);

      // an unknown host is refused too (StrictHostKeyChecking=yes never adds keys)
      const unknown = await ssh(sshd, 'echo should-not-run', ['-o', 'UserKnownHostsFile=/dev/null']);
      expect(unknown.code).toBe(255);
      expect(unknown.stderr).toMatch(/Host key verification failed|No ED25519 host key is known/);

      const ok = await ssh(sshd, 'echo still-here');
      expect(ok.stdout).toBe('still-here\n');
      expect(ok.code).toBe(0);

      // the same through ssh2's hostVerifier
      await expect(ssh2Exec(sshd, 'echo should-not-run', old.fp)).rejects.toThrow(/Host denied/);
      expect((await ssh2Exec(sshd, 'echo new-key', sshd.hostKeyFingerprint)).stdout).toBe('new-key\n');
    } finally {
      rmSync(pinnedOld, { force: true });
    }
  });

  it('runs several sshd at once; stop() ends the listener and open sessions and deletes its files', async () => {
    const second = await startSshd();
    expect(second.port).not.toBe(sshd.port);
    expect(second.hostKeyFingerprint).not.toBe(sshd.hostKeyFingerprint);
    const marker = `${2000 + Math.floor(Math.random() * 999)}.25`;
    const session = run('ssh', [...second.sshArgs(), `echo started; exec sleep ${marker}`], { timeoutMs: 60_000 });
    await waitFor('the remote sleep', async () => (processesRunning(`sleep ${marker}`).length ? true : undefined));
    expect(processesMentioning(second.dir)).not.toEqual([]);

    await second.stop();
    const ended = await session;
    expect(ended.stdout).toBe('started\n');
    expect(ended.code).not.toBe(0);
    expect(processesRunning(`sleep ${marker}`)).toEqual([]);
    expect(processesMentioning(second.dir)).toEqual([]);
    expect(existsSync(second.dir)).toBe(false);
    expect(await portOpen(second.port)).toBe(false);
    // the first one is untouched
    expect((await ssh(sshd, 'echo first')).stdout).toBe('first\n');
  });
});

describe('Slurm (real, single node, accounting disabled) + sshd as the login node', () => {
  let slurm: Slurm;
  let sshd: Sshd;
  let work: string;

  beforeAll(async () => {
    const t0 = Date.now();
    slurm = await startSlurm();
    timings['slurm: startSlurm() (no accounting)'] = Date.now() - t0;
    sshd = await startSshd({ env: slurm.env });
    work = mkdtempSync(path.join(tmpdir(), 'evalgate-slurm-work-'));
  }, 600_000);
  afterAll(async () => {
    try {
      await slurm?.cancelAll();
    } finally {
      await sshd?.stop();
      await slurm?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    }
    if (slurm) {
      expect(existsSync(slurm.dir)).toBe(false);
      expect(instanceProcesses(slurm)).toEqual([]);
    }
  }, 120_000);

  it('is a private instance: partition debug, reached through SLURM_CONF, accounting disabled', async () => {
    expect(slurm.partition).toBe('debug');
    expect(slurm.accounting).toBe(false);
    expect(slurm.env.SLURM_CONF).toBe(path.join(slurm.dir, 'slurm.conf'));
    const sinfo = await slurm.run('sinfo', ['-h', '-o', '%P|%T|%c']);
    expect(sinfo.stdout.trim()).toMatch(/^debug\*\|idle\|\d+$/);
    expect(await slurm.squeueAll()).toBe('');
    const sacct = await slurm.run('sacct', ['-X', '-P', '-n']);
    expect(sacct.code).not.toBe(0);
    expect(sacct.stderr).toMatch(/Slurm accounting storage is disabled/);
  });

  it('runs an sbatch array: scontrol shows COMPLETED for both tasks, sacct -c lists them, the outputs are there', async () => {
    const t0 = Date.now();
    const id = await sbatch(slurm, ['--array=0-1', `--chdir=${work}`, '-o', '%A_%a.out', '--wrap', 'echo task $SLURM_ARRAY_TASK_ID']);
    const jobs = await waitDone(slurm, id, 2);
    timings['slurm: array 0-1 submit → both COMPLETED'] = Date.now() - t0;
    const byTask = new Map(jobs.map((j) => [j.ArrayTaskId, j]));
    for (const task of ['0', '1']) {
      expect(byTask.get(task)).toMatchObject({ ArrayJobId: id, JobState: 'COMPLETED', ExitCode: '0:0', Partition: 'debug' });
      expect(readFileSync(path.join(work, `${id}_${task}.out`), 'utf8')).toBe(`task ${task}\n`);
    }
    // jobcomp/filetxt: tasks under their raw job ids (which `-j <array id>` does not all match)
    const raw = jobs.map((j) => j.JobId!);
    const sacctC = await slurm.run('sacct', ['-c', '--format=JobID,State,ExitCode', '--parsable2', '--noheader']);
    expect(sacctC.code).toBe(0);
    for (const r of raw) expect(sacctC.stdout.split('\n')).toContain(`${r}|COMPLETED|0:0`);
    const log = readFileSync(slurm.jobCompLog, 'utf8');
    for (const task of ['0', '1']) expect(log).toMatch(new RegExp(`JobState=COMPLETED .*ArrayJobId=${id} ArrayTaskId=${task} `));
  });

  it('a trivial job: submit → COMPLETED; a failing one ends FAILED with its exit code', async () => {
    const t0 = Date.now();
    const ok = await sbatch(slurm, [`--chdir=${work}`, '-o', '/dev/null', '--wrap', 'true']);
    const [done] = await waitDone(slurm, ok);
    timings['slurm: trivial job submit → COMPLETED'] = Date.now() - t0;
    expect(done).toMatchObject({ JobState: 'COMPLETED', ExitCode: '0:0' });

    const bad = await sbatch(slurm, [`--chdir=${work}`, '-o', '/dev/null', '--wrap', 'exit 3']);
    const [failed] = await waitDone(slurm, bad);
    expect(failed).toMatchObject({ JobState: 'FAILED', ExitCode: '3:0' });
  });

  it('sbatch over ssh (the login-node case): the session sees the instance, the job completes', async () => {
    const who = await ssh(sshd, 'echo "$SLURM_CONF"; command -v sbatch');
    expect(who.stdout).toBe(`${slurm.env.SLURM_CONF}\n/usr/bin/sbatch\n`);
    const t0 = Date.now();
    const r = await ssh(sshd, `cd ${work} && sbatch --parsable --job-name=over-ssh -o ssh-%j.out --wrap 'echo via ssh on $(hostname -s)'`);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const id = r.stdout.trim();
    expect(id).toMatch(/^\d+$/);
    const [job] = await waitDone(slurm, id);
    timings['slurm: sbatch over ssh → COMPLETED'] = Date.now() - t0;
    expect(job).toMatchObject({ JobName: 'over-ssh', JobState: 'COMPLETED', ExitCode: '0:0' });
    expect(readFileSync(path.join(work, `ssh-${id}.out`), 'utf8')).toMatch(/^via ssh on /);
    // and squeue/scontrol over ssh, as a platform polling through the login node would
    const state = await ssh(sshd, `scontrol show job -o ${id}`);
    expect(state.stdout).toMatch(/JobState=COMPLETED/);
  });

  it('scancel of a `sleep 300` job → CANCELLED, squeue empty, the sleep is gone', async () => {
    const id = await sbatch(slurm, [`--chdir=${work}`, '-o', '/dev/null', '--wrap', 'sleep 300.5']);
    await waitFor('the job to run', async () => ((await scontrolJobs(slurm, id))[0]!.JobState === 'RUNNING' ? true : undefined));
    expect(await slurm.squeueAll()).toMatch(new RegExp(`^${id}\\|RUNNING\\|wrap$`));
    // RUNNING is set at allocation; slurmd starts the batch script a moment later
    await waitFor('the sleep to start', async () => (processesRunning('sleep 300.5').length ? true : undefined), 10_000);
    const t0 = Date.now();
    const r = await slurm.run('scancel', [id]);
    expect(r.code).toBe(0);
    const [job] = await waitDone(slurm, id);
    timings['slurm: scancel → CANCELLED'] = Date.now() - t0;
    expect(job).toMatchObject({ JobState: 'CANCELLED' });
    expect(await slurm.squeueAll()).toBe('');
    await waitFor('the sleep to end', async () => (processesRunning('sleep 300.5').length === 0 ? true : undefined), 10_000);
  });

  it('cancelAll() empties the queue (pending array tasks included)', async () => {
    await sbatch(slurm, [`--chdir=${work}`, '-o', '/dev/null', '--array=0-5', '--wrap', 'sleep 301']);
    await waitFor('the array to be queued', async () => ((await slurm.squeueAll()).includes('RUNNING') ? true : undefined));
    await slurm.cancelAll();
    expect(await slurm.squeueAll()).toBe('');
  });
});

describe('Slurm with accounting (slurmdbd + MariaDB): plain sacct', () => {
  let slurm: Slurm;
  let work: string;

  beforeAll(async () => {
    const t0 = Date.now();
    slurm = await startSlurm({ accounting: true });
    timings['slurm: startSlurm({ accounting: true })'] = Date.now() - t0;
    work = mkdtempSync(path.join(tmpdir(), 'evalgate-slurm-work-'));
  }, 600_000);
  afterAll(async () => {
    try {
      await slurm?.cancelAll();
    } finally {
      await slurm?.stop();
      if (work) rmSync(work, { recursive: true, force: true });
    }
    if (slurm) expect(instanceProcesses(slurm)).toEqual([]);
  }, 120_000);

  it('sacct -X shows the array tasks as <id>_<task> with their state and exit code', async () => {
    expect(slurm.accounting).toBe(true);
    const id = await sbatch(slurm, ['--array=0-1', `--chdir=${work}`, '-o', '/dev/null', '--wrap', 'exit $SLURM_ARRAY_TASK_ID']);
    await waitDone(slurm, id, 2);
    const lines = await waitFor('sacct to record both tasks', async () => {
      const r = await slurm.run('sacct', ['-X', '-P', '-n', '-j', id, '-o', 'JobID,State,ExitCode']);
      expect(r.code, r.stderr).toBe(0);
      const l = r.stdout.trim().split('\n').sort();
      return l.length === 2 && l.every((x) => !/PENDING|RUNNING/.test(x)) ? l : undefined;
    });
    expect(lines).toEqual([`${id}_0|COMPLETED|0:0`, `${id}_1|FAILED|1:0`]);
  });

  it('is independent of another instance running at the same time (own job ids, own queue)', async () => {
    const other = await startSlurm();
    try {
      expect(other.dir).not.toBe(slurm.dir);
      const a = await sbatch(other, [`--chdir=${work}`, '-o', '/dev/null', '--wrap', 'sleep 299.5']);
      expect(a).toBe('1'); // a fresh instance numbers from 1
      await waitFor('the job to be queued', async () => ((await other.squeueAll()) ? true : undefined));
      expect(await slurm.squeueAll()).toBe('');
      expect(await other.squeueAll()).toMatch(new RegExp(`^${a}\\|`));
    } finally {
      await other.stop(); // cancels the leftover sleep (named on stderr) and stops its daemons
    }
    expect(instanceProcesses(other)).toEqual([]);
    expect(processesRunning('sleep 299.5')).toEqual([]);
    expect((await slurm.run('sinfo', ['-h', '-o', '%T'])).stdout.trim()).toBe('idle');
  });
});
