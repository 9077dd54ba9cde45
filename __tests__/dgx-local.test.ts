/**
 * `platform: dgx` with `mode: local` (the runner is the DGX node), through the bundled CLI: the
 * demo gates; a failing shard reports its exit code and log tail; a cancel leaves no process of
 * a job; a second run of the same run id attaches instead of starting the job again; a latency
 * job on a node without the performance governor is a warning in the report.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function config(extra: string, jobs: string): string {
  const file = path.join(tempDir(), 'evalgate.yml');
  writeFileSync(file, `name: dgx\nplatform: dgx\n${extra}${jobs}`);
  return file;
}

function evalgate(args: string[], env: Record<string, string> = {}) {
  const out = tempDir();
  const r = spawnSync(process.execPath, [CLI, ...args, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
  });
  const reportFile = path.join(out, 'report.json');
  return { ...r, out, report: existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null };
}

const DEMO_JOBS = readFileSync(path.join(ROOT, 'examples/demo/evalgate.yml'), 'utf8').slice(
  readFileSync(path.join(ROOT, 'examples/demo/evalgate.yml'), 'utf8').indexOf('jobs:'),
);
const DEMO_HEAD =
  'model: examples/demo/model/model.json\ndata: examples/demo/data\nthresholds: |\n  accuracy_f1.f1 >= 0.75\n  latency_p99.p99_ms <= 300\n  toxicity.toxic_ratio <= 0.005\n  robustness_adv.f1_drop <= 0.1\n';

describe('dgx, mode local', () => {
  it('gates the demo: every shard run in its own session, files copied back with where they ran', () => {
    const r = evalgate(['run', '--config', config(`${DEMO_HEAD}dgx: {mode: local}\n`, DEMO_JOBS)]);
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    expect(r.report.verdict).toBe('pass');
    expect(r.report.platform).toBe('dgx');
    expect(r.report.jobs).toHaveLength(5);
    expect(r.report.indicators.accuracy_f1).toMatchObject({ approximate: false, samples: 600 });
    // each collected file records the host it ran on
    const f1 = JSON.parse(readFileSync(r.report.indicators.accuracy_f1.sources[0], 'utf8'));
    expect(f1.host).toMatchObject({ hostname: expect.any(String), cpu_governor: expect.any(String) });
    // the node's CPU model (from /proc/cpuinfo) is the latency fingerprint's; the staged inputs are hashed
    const cpu = readFileSync('/proc/cpuinfo', 'utf8')
      .match(/^model name\s*:\s*(.*)$/m)?.[1]
      ?.trim();
    if (cpu) expect(r.report.indicators.latency_p99.fingerprint.hardware.cpu_model).toBe(cpu);
    expect(r.report.indicators.latency_p99.fingerprint.dataset).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('a failing shard: exit 3, its exit code and the tail of its log', () => {
    const r = evalgate([
      'run',
      '--config',
      config(
        'indicators: [toxicity]\ndgx: {mode: local}\n',
        'jobs:\n  toxicity:\n    command: echo preparing; echo "CUDA out of memory" >&2; exit 3\n',
      ),
    ]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/error: job evalgate-\S+-toxicity-0 \(toxicity\) failed: exited with code 3/);
    expect(r.stderr).toContain('  | CUDA out of memory');
    expect(r.report.jobs[0]).toMatchObject({ status: 'failed', message: 'exited with code 3' });
  });

  it('a second run with the same run id attaches to the job instead of running it again', () => {
    const counter = path.join(tempDir(), 'runs.txt');
    const file = config(
      'indicators: [toxicity]\ndgx: {mode: local}\n',
      `jobs:\n  toxicity:\n    command: echo x >> ${counter}; echo '{"indicator":"toxicity","toxic_ratio":0,"total_samples":5,"toxic_count":0}' > {out}/t.json\n`,
    );
    const env = { EVALGATE_RUN_ID: `attach-${process.pid}-${Date.now()}` };
    const out = tempDir();
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, [CLI, 'run', '--config', file, '--out', out], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', ...env },
      });
      expect(r.status).toBe(0);
    }
    expect(readFileSync(counter, 'utf8')).toBe('x\n');
  });

  it('cancel (SIGINT) kills the whole process group of every running shard', async () => {
    const marker = `dgx-cancel-${process.pid}-${Date.now()}`;
    const file = config(
      'indicators: [toxicity]\ndgx: {mode: local}\n',
      `jobs:\n  toxicity:\n    command: sleep 300 & sleep 301; echo ${marker}\n    shards: 2\n`,
    );
    const out = tempDir();
    const child = spawn(process.execPath, [CLI, 'run', '--config', file, '--out', out], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '' },
    });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    for (let i = 0; i < 100 && !/toxicity 2\/2: running/.test(stdout); i++) await sleep(100);
    const jobs = () =>
      spawnSync(
        'sh',
        ['-c', `grep -l "EVALGATE_JOB=evalgate" /proc/[0-9]*/environ 2>/dev/null | xargs -r -n1 dirname | xargs -r -n1 basename`],
        { encoding: 'utf8' },
      ).stdout;
    const pids = jobs().trim().split('\n').filter(Boolean);
    const ours = pids.filter((p) => {
      try {
        return readFileSync(`/proc/${p}/environ`, 'latin1').includes(out);
      } catch {
        return false;
      }
    });
    expect(ours.length).toBeGreaterThanOrEqual(4); // bash + two sleeps, per shard
    child.kill('SIGINT');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(3);
    for (const p of ours) {
      let alive = false;
      try {
        alive = !readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]!.startsWith('Z');
      } catch {
        alive = false;
      }
      expect(alive, `pid ${p}`).toBe(false);
    }
  });

  it('a latency job on a node whose CPU governor is not "performance" is a warning in the report', () => {
    // the job itself rewrites what the script recorded, as a node with powersave would have
    const r = evalgate([
      'run',
      '--config',
      config(
        'indicators: [latency_p99]\ndgx: {mode: local}\n',
        `jobs:\n  latency_p99:\n    command: printf 'hostname=dgx07\\ncpu_governor=powersave\\n' > $EVALGATE_OUT/../host.env; echo '{"indicator":"latency_p99","p50_ms":1,"p90_ms":2,"p99_ms":3,"requests":10}' > {out}/l.json\n`,
      ),
    ]);
    expect(r.status).toBe(0);
    expect(r.report.warnings).toEqual([
      expect.stringMatching(/measured latency on dgx07 with the CPU frequency governor "powersave", not "performance"/),
    ]);
    expect(r.stderr).toContain('warning: ');
    expect(readFileSync(path.join(r.out, 'report.md'), 'utf8')).toContain('powersave');
  });
});
