/**
 * `evalgate run` on the local platform, through the bundled CLI as a user runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { jobProcesses, tempDir } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const env = { PATH: process.env.PATH ?? '', CI: 'true' };

function evalgate(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Running, not a zombie waiting to be reaped by whatever pid 1 is in this container. */
const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
};
const pidsIn = (file: string): number[] => (existsSync(file) ? readFileSync(file, 'utf8').split(/\s+/).filter(Boolean).map(Number) : []);
const waitFor = async (check: () => boolean, ms = 20_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

const ACC = `printf '{"indicator":"accuracy_f1","precision":0.8,"recall":0.8,"f1":0.8,"samples":10,"tp":8,"fp":2,"fn":2,"shard":{"index":%s,"count":%s}}' {shard_index} {shard_count} > {out}/accuracy_f1.json`;

function project(jobs: string, extra = ''): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'model.txt'), 'weights');
  writeFileSync(
    path.join(dir, 'evalgate.yml'),
    `name: t\nmodel: model.txt\nindicators: [accuracy_f1]\nthresholds: accuracy_f1.f1 >= 0.5\n${extra}jobs:\n${jobs}`,
  );
  return dir;
}

describe('evalgate run (local)', () => {
  it('runs the jobs, each in its own folder, and gates what they wrote', () => {
    const dir = project(
      `  accuracy_f1:\n    shards: 3\n    command: ${JSON.stringify(ACC + '; echo "model={model} env=$SEED" ')}\n    env:\n      SEED: 42\n`,
    );
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.indicators.accuracy_f1).toMatchObject({ tp: 24, fp: 6, fn: 6, approximate: false });
    expect(report.indicators.accuracy_f1.sources).toHaveLength(3);
    expect(report.jobs.map((j: { shard: number; status: string }) => [j.shard, j.status])).toEqual([
      [0, 'succeeded'],
      [1, 'succeeded'],
      [2, 'succeeded'],
    ]);
    const log = readFileSync(path.join(dir, 'evalgate-report', 'jobs', report.jobs[0].platform_id, 'log.txt'), 'utf8');
    expect(log).toBe(`model=${path.join(dir, 'model.txt')} env=42\n`);
    // CI logs: one compact line per state change
    expect(r.stdout).toMatch(/evalgate: accuracy_f1 1\/3: succeeded/);
  });

  it('a job that exits non-zero ends the run with exit 3, naming it, its exit code and the last 50 lines of its log', () => {
    const dir = project(`  accuracy_f1:\n    command: for i in $(seq 1 60); do echo line $i; done; exit 7\n`);
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/error: job evalgate-[\w-]+-accuracy_f1-0 \(accuracy_f1\) failed: exited with code 7/);
    expect(r.stderr).toContain('  | line 60\n');
    expect(r.stderr).toContain('  | line 11\n');
    expect(r.stderr).not.toContain('  | line 10\n');
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.verdict).toBe('fail');
    expect(report.jobs[0]).toMatchObject({ status: 'failed', message: 'exited with code 7' });
  });

  it('a job that times out is killed with its whole process group, exit 3', () => {
    const dir = project(`  accuracy_f1:\n    timeout_minutes: 0.02\n    command: sleep 300 & echo $! > ${'{out}'}/../child.pid; wait\n`);
    const started = Date.now();
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/failed: timed out after 0.02 min \(killed\)/);
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    // it started its background process, and nothing of it is left
    expect(pidsIn(path.join(dir, 'evalgate-report', 'jobs', report.jobs[0].platform_id, 'child.pid'))[0]).toBeGreaterThan(0);
    expect(jobProcesses(dir)).toEqual([]);
  });

  it('a background process a job leaves behind does not outlive it', () => {
    const dir = project(`  accuracy_f1:\n    command: ${JSON.stringify(`sleep 300 & echo $! > {out}/../child.pid; ${ACC}`)}\n`);
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(pidsIn(path.join(dir, 'evalgate-report', 'jobs', report.jobs[0].platform_id, 'child.pid'))[0]).toBeGreaterThan(0);
    expect(jobProcesses(dir)).toEqual([]);
  });

  it('a job that closes its output before it exits is still collected (never a silent exit 0)', () => {
    const dir = project(`  accuracy_f1:\n    command: ${JSON.stringify(`exec >/dev/null 2>&1; sleep 0.3; ${ACC}`)}\n`);
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('verdict: pass');
    expect(existsSync(path.join(dir, 'evalgate-report', 'report.json'))).toBe(true);
  });

  it('runs at most `concurrency` jobs at once', () => {
    const dir = project(
      `  accuracy_f1:\n    shards: 3\n    command: ${JSON.stringify(`echo start $(date +%s%N) >> ../../../times; sleep 0.3; echo end $(date +%s%N) >> ../../../times; ${ACC}`)}\n`,
      'concurrency: 1\n',
    );
    // jobs run in the repository; the times file is written relative to it
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      readFileSync(path.join(dir, 'evalgate.yml'), 'utf8').replace(/\.\.\/\.\.\/\.\.\/times/g, 'times'),
    );
    expect(evalgate(['run', '--config', 'evalgate.yml'], dir).code).toBe(0);
    const events = readFileSync(path.join(dir, 'times'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[0]);
    expect(events).toEqual(['start', 'end', 'start', 'end', 'start', 'end']);
  });

  it('SIGTERM cancels every job: each process group is killed, nothing survives, the jobs are reported cancelled', async () => {
    const dir = project(
      `  accuracy_f1:\n    shards: 2\n    command: sleep 300 & echo $! >> pids; sleep 301 & echo $! >> pids; echo $$ >> pids; wait\n`,
    );
    const child = spawn(process.execPath, [CLI, 'run', '--config', 'evalgate.yml'], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    await waitFor(() => pidsIn(path.join(dir, 'pids')).length === 6);
    // both shards' processes, as the host sees them: 2 × (2 sleeps and their shell)
    await waitFor(() => jobProcesses(dir).filter((p) => p.comm === 'sleep').length === 4);
    const pids = jobProcesses(dir).map((p) => p.pid);
    expect(pids.length).toBeGreaterThanOrEqual(6);
    child.kill('SIGTERM');
    expect(await exited).toBe(3);
    await waitFor(() => !pids.some(alive), 10_000);
    expect(pids.filter(alive)).toEqual([]);
    expect(jobProcesses(dir)).toEqual([]);
    expect(stderr).toContain('evalgate: run cancelled; 2 job(s) cancelled');
    const report = JSON.parse(readFileSync(path.join(dir, 'evalgate-report', 'report.json'), 'utf8'));
    expect(report.jobs.map((j: { status: string }) => j.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('names a missing model and a required indicator no job writes (exit 2)', () => {
    const dir = project(`  accuracy_f1:\n    command: f1 --model {model}\n`);
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      readFileSync(path.join(dir, 'evalgate.yml'), 'utf8')
        .replace('model: model.txt', 'model: nope.onnx')
        .replace('[accuracy_f1]', '[accuracy_f1, toxicity]'),
    );
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error: evalgate.yml: model: expected an existing file or folder, or a URI, got "nope.onnx" (no such file or folder)',
    );
  });

  it('reports config errors with their line numbers (exit 2)', () => {
    const dir = project(`  accuracy_f1:\n    comand: x\n`);
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: evalgate.yml:7: jobs.accuracy_f1.comand: expected one of the known keys');
    expect(r.stderr).not.toContain('    at ');
  });
});
