/**
 * A cancelled workflow leaves nothing running: the runner may kill the main step before it has
 * cancelled its jobs; the post step then kills what the main step recorded. Runs the bundles
 * (dist/main, dist/post) as the runner does, under Node 24 when scripts/test.sh fetched it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileCommands, tempDir, writeFiles } from './helpers.js';
import { forgetLeftJobs, LEFT_JOBS_FILE, readLeftJobs } from '../src/stores/left-jobs.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.env.EVALGATE_NODE24 || process.execPath;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** the last value saved under `name` in a GITHUB_STATE file */
const lastState = (file: string, name: string): string | undefined => readFileCommands(file)[name];

function groupAlive(pgid: number): boolean {
  // zombies (ended, not yet reaped) do not count
  const r = spawnSync('ps', ['-e', '-o', 'pgid=,stat='], { encoding: 'utf8' });
  return r.stdout.split('\n').some((l) => {
    const [g, stat] = l.trim().split(/\s+/);
    return Number(g) === pgid && !stat?.startsWith('Z');
  });
}

const leftovers: number[] = [];
afterEach(() => {
  for (const g of leftovers.splice(0)) {
    try {
      process.kill(-g, 'SIGKILL');
    } catch {
      // gone
    }
  }
});

describe('post step', () => {
  it('kills the process groups of local jobs a killed main step left running', async () => {
    const dir = writeFiles({
      '.github/evalgate.yml': [
        'indicators: [toxicity, accuracy_f1]',
        'jobs:',
        '  toxicity:',
        '    command: sleep 300 & sleep 301; wait',
        '  accuracy_f1:',
        '    command: sleep 302',
      ].join('\n'),
    });
    const state = path.join(dir, 'state');
    const runnerTemp = tempDir();
    writeFileSync(state, '');
    const env = {
      PATH: process.env.PATH ?? '',
      GITHUB_OUTPUT: path.join(dir, 'out'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
      GITHUB_STATE: state,
      RUNNER_TEMP: runnerTemp,
      INPUT_BASELINE: 'none',
    };
    writeFileSync(env.GITHUB_OUTPUT, '');
    writeFileSync(env.GITHUB_STEP_SUMMARY, '');
    const main = spawn(NODE, [path.join(ROOT, 'dist/main/index.js')], { cwd: dir, env, stdio: 'ignore' });
    let saved: { platform: string; name: string; id: string; pgid: number }[] = [];
    for (let i = 0; i < 200 && saved.length < 2; i++) {
      await sleep(50);
      saved = JSON.parse(lastState(state, 'evalgate-jobs') ?? '[]');
    }
    expect(saved.map((j) => j.platform)).toEqual(['local', 'local']);
    leftovers.push(...saved.map((j) => j.pgid));
    // The runner gives up on the main step: it cannot cancel anything now.
    main.kill('SIGKILL');
    await new Promise((r) => main.once('exit', r));
    for (const j of saved) expect(groupAlive(j.pgid)).toBe(true);

    // the out folder's own record, for the next run there, lists them too
    const record = path.join(lastState(state, 'evalgate-out')!, '.evalgate-jobs.json');
    expect(JSON.parse(readFileSync(record, 'utf8')).jobs.map((j: { id: string }) => j.id).sort()).toEqual(saved.map((j) => j.id).sort());

    // The runner passes the saved state to post as STATE_<name>.
    const post = spawnSync(NODE, [path.join(ROOT, 'dist/post/index.js')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, 'STATE_evalgate-jobs': lastState(state, 'evalgate-jobs')!, 'STATE_evalgate-out': lastState(state, 'evalgate-out')! },
    });
    expect(post.status).toBe(0);
    for (const j of saved) {
      expect(post.stdout).toContain(`evalgate: job ${j.name}: killed (process group ${j.pgid})`);
      expect(groupAlive(j.pgid)).toBe(false);
    }
    // what post cancelled is off the record: the next run in this workspace does not cancel it again
    expect(existsSync(record)).toBe(false);
  });

  it('dgx: cancels the shards (their own sessions on the node) that a killed main step left running', async () => {
    const dir = writeFiles({
      '.github/evalgate.yml': [
        'platform: dgx',
        'dgx: {mode: local}',
        'indicators: [toxicity]',
        'jobs:',
        '  toxicity:',
        '    command: sleep 300 & sleep 301; wait',
        '    shards: 2',
      ].join('\n'),
    });
    const state = path.join(dir, 'state');
    for (const f of ['state', 'out', 'summary']) writeFileSync(path.join(dir, f), '');
    const env = {
      PATH: process.env.PATH ?? '',
      GITHUB_OUTPUT: path.join(dir, 'out'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
      GITHUB_STATE: state,
      RUNNER_TEMP: tempDir(),
      INPUT_BASELINE: 'none',
    };
    const main = spawn(NODE, [path.join(ROOT, 'dist/main/index.js')], { cwd: dir, env, stdio: 'ignore' });
    let saved: { platform: string; name: string; id: string }[] = [];
    for (let i = 0; i < 200 && saved.length < 2; i++) {
      await sleep(50);
      saved = JSON.parse(lastState(state, 'evalgate-jobs') ?? '[]');
    }
    expect(saved.map((j) => j.platform)).toEqual(['dgx', 'dgx']);
    const groups = saved.map((j) => Number(j.id));
    leftovers.push(...groups);
    main.kill('SIGKILL');
    await new Promise((r) => main.once('exit', r));
    for (const g of groups) expect(groupAlive(g)).toBe(true);
    const post = spawnSync(NODE, [path.join(ROOT, 'dist/post/index.js')], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...env, 'STATE_evalgate-jobs': lastState(state, 'evalgate-jobs')! },
    });
    expect(post.status).toBe(0);
    for (const j of saved) expect(post.stdout).toContain(`evalgate: job ${j.name}: cancelled (process group ${j.id} on the runner)`);
    for (const g of groups) expect(groupAlive(g)).toBe(false);
  });

  it('finds the jobs in RUNNER_TEMP when the step state was lost, and never signals a group that is not its job', async () => {
    const runnerTemp = tempDir();
    // a job of ours, started as the local platform starts one, and a stranger's process group
    const ours = spawn('/bin/sh', ['-c', 'sleep 300'], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, EVALGATE_JOB: 'eg-toxicity' },
    });
    const stranger = spawn('/bin/sh', ['-c', 'sleep 300'], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, EVALGATE_JOB: 'other' },
    });
    leftovers.push(ours.pid!, stranger.pid!);
    await sleep(100);
    const saved = [
      { platform: 'local', name: 'eg-toxicity', id: 'eg-toxicity', pgid: ours.pid },
      { platform: 'local', name: 'eg-latency', id: 'eg-latency', pgid: stranger.pid },
    ];
    writeFiles({ 'evalgate-active-jobs/4242.json': JSON.stringify(saved) }, runnerTemp);
    const post = spawnSync(NODE, [path.join(ROOT, 'dist/post/index.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', RUNNER_TEMP: runnerTemp },
    });
    expect(post.status).toBe(0);
    expect(post.stdout).toContain(`evalgate: job eg-toxicity: killed (process group ${ours.pid})`);
    expect(post.stdout).toContain(`evalgate: job eg-latency: not ours (process group ${stranger.pid} now belongs to another program)`);
    expect(groupAlive(ours.pid!)).toBe(false);
    expect(groupAlive(stranger.pid!)).toBe(true);
    expect(existsSync(path.join(runnerTemp, 'evalgate-active-jobs/4242.json'))).toBe(false);
  });

  it('a main step that finishes leaves no saved job', () => {
    const dir = writeFiles({
      '.github/evalgate.yml':
        'indicators: [toxicity]\njobs:\n  toxicity:\n    command: echo \'{"indicator":"toxicity","toxic_ratio":0,"total_samples":10}\' > {out}/t.json\n',
    });
    const state = path.join(dir, 'state');
    const runnerTemp = tempDir();
    for (const f of ['state', 'out', 'summary']) writeFileSync(path.join(dir, f), '');
    const main = spawnSync(NODE, [path.join(ROOT, 'dist/main/index.js')], {
      cwd: dir,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_OUTPUT: path.join(dir, 'out'),
        GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
        GITHUB_STATE: state,
        RUNNER_TEMP: runnerTemp,
        INPUT_BASELINE: 'none',
      },
    });
    expect(main.status).toBe(0);
    expect(JSON.parse(lastState(state, 'evalgate-jobs')!)).toEqual([]);
    // the RUNNER_TEMP copy was written while the job ran and removed when it ended
    const saved = path.join(runnerTemp, 'evalgate-active-jobs');
    expect(existsSync(saved)).toBe(true);
    expect(readdirSync(saved)).toEqual([]);
  });
});

describe("the out folder's record of running jobs", () => {
  const job = (id: string) => ({ platform: 'local', name: `job-${id}`, id, pgid: 1 });
  it('forgets the jobs that were dealt with and keeps the rest, with the run that recorded them', () => {
    const out = tempDir();
    writeFileSync(path.join(out, LEFT_JOBS_FILE), JSON.stringify({ run_id: 'r1', pid: 4242, jobs: [job('a'), job('b'), job('c')] }));
    forgetLeftJobs(out, (j) => j.id !== 'b');
    expect(readLeftJobs(out).left).toEqual({ run_id: 'r1', pid: 4242, jobs: [job('b')] });
    forgetLeftJobs(out, () => true);
    expect(existsSync(path.join(out, LEFT_JOBS_FILE))).toBe(false);
    forgetLeftJobs(out, () => true); // no record: nothing to do
    expect(readdirSync(out)).toEqual([]);
  });
});
