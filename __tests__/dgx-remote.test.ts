/**
 * `platform: dgx` against real services, through the bundled CLI: a real OpenSSH sshd (throwaway
 * keys on 127.0.0.1) for `mode: ssh`, and a real single-node Slurm 22.05 (slurmctld + slurmd +
 * munge, accounting off: state through scontrol) for `mode: slurm`, on the runner and through the
 * sshd as a login node. Both are started and stopped by the test (__tests__/fakes/).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlurm, type Slurm } from './fakes/slurm.js';
import { startSshd, type Sshd } from './fakes/sshd.js';
import { killedRun, leftJobsIn, runCliAsync, tempDir, waitFor } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let slurm: Slurm;
let sshd: Sshd;
beforeAll(async () => {
  slurm = await startSlurm();
  sshd = await startSshd({ env: slurm.env });
}, 600_000);
afterEach(async () => {
  await slurm?.cancelAll();
});
afterAll(async () => {
  await sshd?.stop();
  await slurm?.stop();
});

const DEMO = readFileSync(path.join(ROOT, 'examples/demo/evalgate.yml'), 'utf8');
const DEMO_JOBS = DEMO.slice(DEMO.indexOf('jobs:'));
const DEMO_HEAD =
  'model: examples/demo/model/model.json\ndata: examples/demo/data\nthresholds: |\n  accuracy_f1.f1 >= 0.75\n  latency_p99.p99_ms <= 300\n  toxicity.toxic_ratio <= 0.005\n  robustness_adv.f1_drop <= 0.1\n';

function config(dgx: string, rest: string): string {
  const file = path.join(tempDir(), 'evalgate.yml');
  writeFileSync(file, `name: dgx\nplatform: dgx\ndgx:\n${dgx}${rest}`);
  return file;
}
const remote = (mode: string, extra = '') =>
  `  mode: ${mode}\n  host: 127.0.0.1\n  port: ${sshd.port}\n  user: ${sshd.user}\n  workdir: ${tempDir()}\n  cwd: ${ROOT}\n  host_key: ${sshd.hostKeyFingerprint}\n${extra}`;

function evalgate(file: string, env: Record<string, string> = {}) {
  const out = tempDir();
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [CLI, 'run', '--config', file, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', EVALGATE_SSH_KEY: sshd.clientKey, ...slurm.env, ...env },
  });
  const reportFile = path.join(out, 'report.json');
  return { ...r, ms: Date.now() - t0, out, report: existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null };
}

describe('dgx over SSH (real sshd)', () => {
  it('gates the demo: model and data staged over SFTP, jobs run on the node, files copied back', () => {
    const r = evalgate(config(remote('ssh'), DEMO_HEAD + DEMO_JOBS));
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.status).toBe(0);
    expect(r.report.verdict).toBe('pass');
    expect(r.report.jobs).toHaveLength(5);
    expect(r.report.indicators.accuracy_f1).toMatchObject({ approximate: false, samples: 600 });
    console.log(`dgx ssh demo: ${r.ms} ms`);
  });

  it('the private key is never passed to a job', () => {
    const r = evalgate(
      config(
        remote('ssh'),
        `indicators: [toxicity]\njobs:\n  toxicity:\n    command: env > {out}/../env.txt; echo '{"indicator":"toxicity","toxic_ratio":0,"total_samples":3}' > {out}/t.json\n`,
      ),
    );
    expect(r.status).toBe(0);
    const dir = path.dirname(r.report.indicators.toxicity.sources[0]);
    expect(r.stdout + r.stderr).not.toContain('PRIVATE KEY');
    expect(existsSync(dir)).toBe(true);
  });
});

describe('dgx through Slurm (real slurmctld + slurmd)', () => {
  it('gates the demo from the runner: one sbatch array per job, shards as array tasks', () => {
    const r = evalgate(config(`  mode: slurm\n  workdir: ${tempDir()}\n  cwd: ${ROOT}\n  partition: debug\n`, DEMO_HEAD + DEMO_JOBS));
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.status).toBe(0);
    expect(r.report.verdict).toBe('pass');
    const f1 = r.report.jobs.filter((j: { indicator: string }) => j.indicator === 'accuracy_f1');
    expect(f1.map((j: { platform_id: string }) => j.platform_id.replace(/^\d+/, 'N'))).toEqual(['N_0', 'N_1']);
    expect(new Set(f1.map((j: { platform_id: string }) => j.platform_id.split('_')[0])).size).toBe(1);
    console.log(`dgx slurm demo: ${r.ms} ms`);
  });

  it('through a login node over SSH', () => {
    const r = evalgate(config(remote('slurm', '  partition: debug\n'), DEMO_HEAD + DEMO_JOBS));
    expect(r.stderr).not.toMatch(/^error/m);
    expect(r.status).toBe(0);
    expect(r.report.verdict).toBe('pass');
    console.log(`dgx slurm over ssh demo: ${r.ms} ms`);
  });

  it("a failing array task: its Slurm state, exit code and the tail of its output; the other task's result is kept", () => {
    const r = evalgate(
      config(
        `  mode: slurm\n  workdir: ${tempDir()}\n`,
        `indicators: [toxicity]\njobs:\n  toxicity:\n    shards: 2\n    command: if [ {shard_index} = 1 ]; then echo "loading shard 1"; echo "CUDA error, out of memory" >&2; exit 3; fi; echo '{"indicator":"toxicity","toxic_ratio":0,"total_samples":3,"shard":{"index":0,"count":2}}' > {out}/t.json\n`,
      ),
    );
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/error: job evalgate-\S+-toxicity-1 \(toxicity 2\/2\) failed: Slurm FAILED, exit code 3:0/);
    expect(r.stderr).toContain('  | CUDA error, out of memory');
  });

  it('a cancelled run leaves no job in squeue and no process on the node', async () => {
    const marker = `slurm-cancel-${process.pid}-${Date.now()}`;
    const file = config(
      `  mode: slurm\n  workdir: ${tempDir()}\n`,
      `indicators: [toxicity]\njobs:\n  toxicity:\n    shards: 2\n    command: sleep 300 # ${marker}\n`,
    );
    const child = spawn(process.execPath, [CLI, 'run', '--config', file, '--out', tempDir()], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...slurm.env },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    for (let i = 0; i < 300 && !/toxicity 2\/2: running/.test(stdout); i++) await sleep(100);
    expect(await slurm.squeueAll()).toMatch(/RUNNING/);
    child.kill('SIGINT');
    expect(await new Promise((r) => child.once('exit', r))).toBe(3);
    expect(await slurm.squeueAll()).toBe('');
    const left = spawnSync('pgrep', ['-f', marker], { encoding: 'utf8' }).stdout.trim();
    expect(left).toBe('');
  });

  it('a resubmitted run attaches to the array it submitted (found by its name) instead of submitting again', async () => {
    const file = config(
      `  mode: slurm\n  workdir: ${tempDir()}\n`,
      `indicators: [toxicity]\njobs:\n  toxicity:\n    command: sleep 3; echo '{"indicator":"toxicity","toxic_ratio":0,"total_samples":3}' > {out}/t.json\n`,
    );
    const runId = `attach-${process.pid}-${Date.now()}`;
    const env = { PATH: process.env.PATH ?? '', ...slurm.env, EVALGATE_RUN_ID: runId };
    const first = spawn(process.execPath, [CLI, 'run', '--config', file, '--out', tempDir()], { cwd: ROOT, env });
    let out = '';
    first.stdout.on('data', (d) => (out += d));
    for (let i = 0; i < 300 && !/toxicity: running/.test(out); i++) await sleep(100);
    first.kill('SIGKILL'); // the runner died; the job lives on in Slurm
    const second = spawnSync(process.execPath, [CLI, 'run', '--config', file, '--out', tempDir()], { cwd: ROOT, encoding: 'utf8', env });
    expect(second.status).toBe(0);
    // one job of this run in Slurm's memory (MinJobAge keeps finished ones), not two
    const submitted = (await slurm.run('scontrol', ['show', 'job', '-o'])).stdout
      .split('\n')
      .filter((l) => new RegExp(`JobName=evalgate-\\S*${runId}-`).test(l));
    expect(submitted).toHaveLength(1);
  });
});

describe('dgx: a shard that failed under its name is started again as <name>-r2', () => {
  it('ssh: the same run id after a failed shard runs <name>-r2 in its own folder; a re-run of the re-run attaches to it', () => {
    const workdir = tempDir();
    const dgx = `  mode: ssh\n  host: 127.0.0.1\n  port: ${sshd.port}\n  user: ${sshd.user}\n  workdir: ${workdir}\n  cwd: ${ROOT}\n  host_key: ${sshd.hostKeyFingerprint}\n`;
    const job = (command: string) => config(dgx, `indicators: [toxicity]\njobs:\n  toxicity:\n    command: ${command}\n`);
    const env = { EVALGATE_RUN_ID: 'att184', GITHUB_REPOSITORY: 'acme/models' };
    const name = 'evalgate-acme-models-att184-1-dgx-toxicity-0';
    const runs = path.join(workdir, 'evalgate', 'runs');
    const failed = evalgate(job(`echo ran >> {out}/../ran; echo '{"indicator":"toxicity","toxic_ratio":0.9,"total_samples":1000}' > {out}/stale.json; exit 3`), env);
    expect(failed.status).toBe(3);
    const good = job(`echo ran >> {out}/../ran; echo '{"indicator":"toxicity","toxic_ratio":0,"total_samples":3}' > {out}/t.json`);
    const r = evalgate(good, env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const attempts = () => readdirSync(runs).filter((d) => d.includes('-att184-')).sort();
    expect(attempts()).toEqual([name, `${name}-r2`]);
    expect(readFileSync(path.join(runs, name, 'exit_code'), 'utf8').trim()).toBe('3');
    expect(readFileSync(path.join(runs, `${name}-r2`, 'exit_code'), 'utf8').trim()).toBe('0');
    expect(readFileSync(path.join(runs, `${name}-r2`, 'ran'), 'utf8')).toBe('ran\n');
    const pid = readFileSync(path.join(runs, `${name}-r2`, 'pid'), 'utf8').trim();
    expect(r.report.jobs[0]).toMatchObject({ status: 'succeeded', platform_id: pid });
    const again = evalgate(good, env);
    expect(again.status).toBe(0);
    expect(again.report.jobs[0]).toMatchObject({ status: 'succeeded', platform_id: pid });
    expect(attempts()).toEqual([name, `${name}-r2`]);
    expect(readFileSync(path.join(runs, `${name}-r2`, 'ran'), 'utf8')).toBe('ran\n');
  });
});

describe('dgx: a Slurm array with a failed task is submitted again as <base>-r2', () => {
  it('slurm: the same run id after a failed array submits <base>-r2 (shards in <name>-r2); a re-run of the re-run attaches to it', async () => {
    const workdir = tempDir();
    const job = (command: string) =>
      config(`  mode: slurm\n  workdir: ${workdir}\n  cwd: ${ROOT}\n  partition: debug\n`, `indicators: [toxicity]\njobs:\n  toxicity:\n    command: ${command}\n`);
    const env = { EVALGATE_RUN_ID: 'att185', GITHUB_REPOSITORY: 'acme/models' };
    const base = 'evalgate-acme-models-att185-1-dgx-toxicity';
    const runs = path.join(workdir, 'evalgate', 'runs');
    expect(evalgate(job(`echo '{"indicator":"toxicity","toxic_ratio":0.9,"total_samples":1000}' > {out}/stale.json; exit 3`), env).status).toBe(3);
    const good = job(`echo ran >> {out}/../ran; echo '{"indicator":"toxicity","toxic_ratio":0,"total_samples":3}' > {out}/t.json`);
    const r = evalgate(good, env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const arrays = async () =>
      (await slurm.run('scontrol', ['show', 'job', '-o'])).stdout
        .split('\n')
        .flatMap((l) => (l.includes('-att185-') ? [/ JobName=(\S+) /.exec(l)![1]!] : []))
        .sort();
    expect(await arrays()).toEqual([base, `${base}-r2`]);
    expect(readdirSync(runs).filter((d) => d.includes('-att185-')).sort()).toEqual([`${base}-0`, `${base}-0-r2`]);
    expect(readFileSync(path.join(runs, `${base}-0-r2`, 'ran'), 'utf8')).toBe('ran\n');
    const again = evalgate(good, env);
    expect(again.status).toBe(0);
    expect(again.report.jobs[0].platform_id).toBe(r.report.jobs[0].platform_id);
    expect(await arrays()).toEqual([base, `${base}-r2`]);
    expect(readFileSync(path.join(runs, `${base}-0-r2`, 'ran'), 'utf8')).toBe('ran\n');
  });
});

describe('dgx: a re-run picks up what a SIGKILLed CLI left in its --out', () => {
  const MODES = {
    ssh: (workdir: string) =>
      `  mode: ssh\n  host: 127.0.0.1\n  port: ${sshd.port}\n  user: ${sshd.user}\n  workdir: ${workdir}\n  cwd: ${ROOT}\n  host_key: ${sshd.hostKeyFingerprint}\n`,
    slurm: (workdir: string) => `  mode: slurm\n  workdir: ${workdir}\n  cwd: ${ROOT}\n  partition: debug\n`,
    'slurm through a login node': (workdir: string) =>
      `  mode: slurm\n  host: 127.0.0.1\n  port: ${sshd.port}\n  user: ${sshd.user}\n  workdir: ${workdir}\n  cwd: ${ROOT}\n  host_key: ${sshd.hostKeyFingerprint}\n  partition: debug\n`,
  };
  const env = (runId: string) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    EVALGATE_SSH_KEY: sshd.clientKey,
    ...slurm.env,
    EVALGATE_RUN_ID: runId,
  });
  /**
   * two shards that note each start in `<starts>/<shard>` and run until the test creates `go`
   * (the node is this machine: absolute paths are shared)
   */
  const waiting = (dgx: string, starts: string, go: string) => {
    const command = `echo started >> ${starts}/{shard_index}; while [ ! -f ${go} ]; do sleep 0.1; done; echo '{"indicator":"toxicity","toxic_ratio":0.1,"total_samples":3}' > {out}/t.json`;
    return config(dgx, `indicators: [toxicity]\nthresholds: toxicity.toxic_ratio <= 0.5\njobs:\n  toxicity:\n    shards: 2\n    command: ${JSON.stringify(command)}\n`);
  };
  const startsOf = (starts: string) => ['0', '1'].map((i) => (existsSync(path.join(starts, i)) ? readFileSync(path.join(starts, i), 'utf8') : ''));
  /** Slurm's state of every array task of `runId` (`<array>_<task>` → JobState), finished ones included (MinJobAge) */
  const slurmTasks = async (runId: string): Promise<Record<string, string>> => {
    const lines = (await slurm.run('scontrol', ['show', 'job', '-o'])).stdout.split('\n').filter((l) => l.includes(`-${runId}-`));
    return Object.fromEntries(
      lines.map((l) => [`${/ArrayJobId=(\d+)/.exec(l)?.[1]}_${/ArrayTaskId=(\S+)/.exec(l)?.[1]}`, /JobState=(\S+)/.exec(l)?.[1] ?? '?']),
    );
  };
  /** for mode ssh, a job's id is its process group on the node (this machine) */
  const groupAlive = (pgid: string): boolean => {
    try {
      process.kill(-Number(pgid), 0);
      return true;
    } catch {
      return false;
    }
  };
  const stillRunning = async (mode: string, runId: string, ids: string[]): Promise<boolean> => {
    if (mode === 'ssh') return ids.every(groupAlive);
    const tasks = await slurmTasks(runId);
    return ids.every((id) => tasks[id] === 'RUNNING');
  };
  let seq = 0;

  for (const [mode, section] of Object.entries(MODES)) {
    it(`${mode}: the same run id attaches to both shards (each started once), the record is gone`, async () => {
      const runId = `rr-${process.pid}-${++seq}`;
      const dgx = section(tempDir());
      const [starts, go, out] = [tempDir(), path.join(tempDir(), 'go'), tempDir()];
      const cfg = waiting(dgx, starts, go);
      const left = await killedRun(['run', '--config', cfg], {
        cwd: ROOT,
        env: env(runId),
        out,
        count: 2,
        running: () => startsOf(starts).every((s) => s !== ''),
      });
      expect(left.run_id).toBe(runId);
      expect(left.jobs.map((j) => j.platform)).toEqual(['dgx', 'dgx']);
      const ids = left.jobs.map((j) => j.id);
      // the CLI is gone, its shards run on
      expect(await stillRunning(mode, runId, ids)).toBe(true);

      writeFileSync(go, '');
      const again = await runCliAsync(['run', '--config', cfg], { cwd: ROOT, env: env(runId), out });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toMatch(
        new RegExp(`an earlier run here \\(run id ${runId}, pid \\d+\\) ended with 2 job\\(s\\) still recorded as running: attaching to 2, cancelling 0`),
      );
      for (const j of left.jobs) expect(again.stderr).toContain(`evalgate: job ${j.name}: attaching`);
      expect(again.report!.jobs.map((j: { status: string; platform_id: string }) => [j.status, j.platform_id])).toEqual(
        ids.map((id) => ['succeeded', id]),
      );
      expect(startsOf(starts)).toEqual(['started\n', 'started\n']);
      if (mode !== 'ssh') expect(await slurmTasks(runId)).toEqual(Object.fromEntries(ids.map((id) => [id, 'COMPLETED'])));
      expect(leftJobsIn(out)).toBeNull();
    });

    it(`${mode}: another run id cancels both shards of the dead run, names each, and runs its own`, async () => {
      const [oldId, newId] = [`rr-${process.pid}-${++seq}`, `rr-${process.pid}-${++seq}`];
      const dgx = section(tempDir());
      const [starts, out] = [tempDir(), tempDir()];
      const left = await killedRun(['run', '--config', waiting(dgx, starts, path.join(tempDir(), 'never'))], {
        cwd: ROOT,
        env: env(oldId),
        out,
        count: 2,
        running: () => startsOf(starts).every((s) => s !== ''),
      });
      const ids = left.jobs.map((j) => j.id);
      expect(await stillRunning(mode, oldId, ids)).toBe(true);

      const go = path.join(tempDir(), 'go');
      writeFileSync(go, '');
      const next = await runCliAsync(['run', '--config', waiting(dgx, tempDir(), go)], { cwd: ROOT, env: env(newId), out });
      expect(next.code, next.stderr).toBe(0);
      expect(next.stderr).toMatch(
        new RegExp(`an earlier run here \\(run id ${oldId}, pid \\d+\\) ended with 2 job\\(s\\) still recorded as running: attaching to 0, cancelling 2`),
      );
      for (const j of left.jobs) {
        const how = mode === 'ssh' ? `process group ${j.id} on ` : `scancel ${j.id})`;
        expect(next.stderr).toContain(`evalgate: job ${j.name} (left by run ${oldId}): cancelled (${how}`);
      }
      if (mode === 'ssh') expect(ids.filter(groupAlive)).toEqual([]);
      else await waitFor(async () => Object.values(await slurmTasks(oldId)).every((s) => s === 'CANCELLED'), 'CANCELLED in Slurm', 15_000);
      expect(next.report!.verdict).toBe('pass');
      expect(next.report!.jobs.map((j: { status: string }) => j.status)).toEqual(['succeeded', 'succeeded']);
      expect(leftJobsIn(out)).toBeNull();
    });
  }
});

describe('dgx host key pinning (real sshd)', () => {
  it('a changed host key is refused with both fingerprints, and nothing runs', async () => {
    const old = sshd.hostKeyFingerprint;
    await sshd.rotateHostKey();
    const r = evalgate(
      config(
        remote('ssh').replace(sshd.hostKeyFingerprint, old),
        `indicators: [toxicity]\njobs:\n  toxicity:\n    command: echo ran > /tmp/should-not-run-${process.pid}\n`,
      ),
    );
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(`its host key is ${sshd.hostKeyFingerprint}; dgx.host_key expects ${old}: the host key changed`);
    expect(existsSync(`/tmp/should-not-run-${process.pid}`)).toBe(false);
  });
});

describe('dgx through Slurm with accounting (slurmdbd + MariaDB: plain sacct)', () => {
  let acct: Slurm;
  beforeAll(async () => {
    acct = await startSlurm({ accounting: true });
  }, 600_000);
  afterAll(async () => {
    await acct?.cancelAll();
    await acct?.stop();
  });

  it('reads job state from sacct: a passing shard and a failing one', () => {
    const file = config(
      `  mode: slurm\n  workdir: ${tempDir()}\n`,
      `indicators: [toxicity]\njobs:\n  toxicity:\n    shards: 2\n    command: if [ {shard_index} = 1 ]; then exit 4; fi; echo '{"indicator":"toxicity","toxic_ratio":0,"total_samples":3,"shard":{"index":0,"count":2}}' > {out}/t.json\n`,
    );
    const out = tempDir();
    const r = spawnSync(process.execPath, [CLI, 'run', '--config', file, '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...acct.env },
    });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/error: job evalgate-\S+-toxicity-1 \(toxicity 2\/2\) failed: Slurm FAILED, exit code 4:0/);
    const report = JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.jobs.map((j: { status: string }) => j.status)).toEqual(['succeeded', 'failed']);
  });
});
