/** The dgx platform's pure parts: Slurm's outputs and states, known_hosts pins, the config section. */
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { mapState, parseSacct, parseSbatch, parseScontrol, SLURM_STATES, sbatchOptions } from '../src/platforms/dgx/slurm.js';
import { fingerprint, knownHostKeys, safeSegment } from '../src/platforms/dgx/shell.js';
import { parseDgxConfig } from '../src/platforms/dgx/config.js';
import { baseName, parseHostEnv } from '../src/platforms/dgx/dgx.js';

describe('Slurm output', () => {
  it('sbatch --parsable: the id, with or without a cluster', () => {
    expect(parseSbatch('123\n')).toBe('123');
    expect(parseSbatch('123;gpu-cluster\n')).toBe('123');
    expect(parseSbatch('Submitted batch job 5')).toBeNull();
    expect(parseSbatch('')).toBeNull();
  });

  it('sacct -X -P: tasks, a pending remainder, plain jobs; steps ignored', () => {
    const t = parseSacct('7_0|COMPLETED|0:0\n7_1|FAILED|3:0\n7_[2-4%2]|PENDING|0:0\n8|CANCELLED by 0|0:15\n8.batch|CANCELLED|0:15\n');
    expect(t.map((x) => [x.id, x.state, x.exitCode])).toEqual([
      ['7_0', 'COMPLETED', '0:0'],
      ['7_1', 'FAILED', '3:0'],
      ['7_2', 'PENDING', '0:0'],
      ['7_3', 'PENDING', '0:0'],
      ['7_4', 'PENDING', '0:0'],
      ['8', 'CANCELLED by 0', '0:15'],
    ]);
  });

  it('scontrol show job -o: one line per array task, as 22.05 prints them', () => {
    const out = [
      'JobId=12 ArrayJobId=11 ArrayTaskId=1 JobName=eg UserId=root(0) JobState=FAILED Reason=NonZeroExitCode Dependency=(null) ExitCode=3:0',
      'JobId=11 ArrayJobId=11 ArrayTaskId=0 JobName=eg UserId=root(0) JobState=COMPLETED Reason=None ExitCode=0:0',
      'JobId=13 ArrayJobId=11 ArrayTaskId=2-3 JobName=eg JobState=PENDING Reason=Priority ExitCode=0:0',
    ].join('\n');
    expect(parseScontrol(out).map((x) => [x.id, x.state, x.exitCode, x.reason])).toEqual([
      ['11_1', 'FAILED', '3:0', 'NonZeroExitCode'],
      ['11_0', 'COMPLETED', '0:0', 'None'],
      ['11_2', 'PENDING', '0:0', 'Priority'],
      ['11_3', 'PENDING', '0:0', 'Priority'],
    ]);
    expect(parseScontrol('JobId=20 JobName=x JobState=RUNNING Reason=None ExitCode=0:0')[0]).toMatchObject({ id: '20', taskId: null });
    expect(parseScontrol('slurm_load_jobs error: Invalid job id specified')).toEqual([]);
  });

  it('every Slurm state is mapped; COMPLETED with a non-zero exit code is a failure; an unknown word keeps waiting', () => {
    for (const s of [
      'PENDING',
      'RUNNING',
      'COMPLETED',
      'FAILED',
      'CANCELLED',
      'TIMEOUT',
      'OUT_OF_MEMORY',
      'NODE_FAIL',
      'PREEMPTED',
      'BOOT_FAIL',
      'DEADLINE',
      'SUSPENDED',
      'COMPLETING',
      'CONFIGURING',
      'REQUEUED',
      'RESIZING',
      'REVOKED',
      'SPECIAL_EXIT',
      'STOPPED',
      'SIGNALING',
      'STAGE_OUT',
      'REQUEUE_HOLD',
      'REQUEUE_FED',
      'RESV_DEL_HOLD',
      'EXPEDITING',
    ])
      expect(SLURM_STATES[s], s).toBeDefined();
    expect(mapState('COMPLETED', '0:0').state).toBe('succeeded');
    expect(mapState('COMPLETED', '1:0').state).toBe('failed');
    expect(mapState('CANCELLED by 1000', '0:15').state).toBe('cancelled');
    expect(mapState('TIMEOUT', '0:15').state).toBe('failed');
    expect(mapState('OUT_OF_MEMORY', '0:125').state).toBe('failed');
    expect(mapState('PENDING', null).state).toBe('queued');
    expect(mapState('SOMETHING_NEW', null)).toEqual({ state: 'running', known: false });
  });

  it('resources map to sbatch options', () => {
    expect(sbatchOptions({ partition: 'gpu', account: 'ml', gpus: 2, gpuType: 'a100', cpus: 8, memoryGb: 1.5, array: '0-3' })).toEqual([
      '--partition=gpu',
      '--account=ml',
      '--gres=gpu:a100:2',
      '--cpus-per-task=8',
      '--mem=1536M',
      '--array=0-3',
    ]);
    expect(sbatchOptions({})).toEqual([]);
  });
});

describe('host keys', () => {
  const key = Buffer.from('AAAAC3NzaC1lZDI1NTE5AAAAIKzN0RkUuvDQp1pjJ8bZ8nE9Mq5bQkqOq0mO5jg9x2aB', 'base64');
  it('fingerprints as ssh-keygen -lf does', () => {
    expect(fingerprint(key)).toBe(`SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`);
    expect(fingerprint(key)).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
  it('finds plain, [host]:port and hashed known_hosts entries, and no other host', () => {
    const b64 = key.toString('base64');
    const salt = Buffer.from('0123456789abcdef0123');
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('[dgx01]:2222').digest('base64')}`;
    const text = `# comment\ndgx01 ssh-ed25519 ${b64}\n[dgx01]:2222 ssh-ed25519 ${b64}\n${hashed} ssh-ed25519 ${b64}\nother ssh-ed25519 AAAA\n@revoked dgx01 ssh-ed25519 ${b64}\n`;
    expect(knownHostKeys(text, 'dgx01', 22)).toHaveLength(1);
    expect(knownHostKeys(text, 'dgx01', 2222)).toHaveLength(2);
    expect(knownHostKeys(text, 'dgx02', 22)).toHaveLength(0);
  });
  it('a file name from the node is one segment', () => {
    for (const bad of ['..', '.', '', 'a/b', '../x', 'a\\b', 'a\0b']) expect(safeSegment(bad), bad).toBe(false);
    expect(safeSegment('accuracy_f1.json')).toBe(true);
  });
});

describe('dgx config', () => {
  const parse = (section: Record<string, unknown>) => parseDgxConfig(section, 'evalgate.yml', { workdir: '/tmp/w', user: 'ci' });
  it('defaults: mode local on the runner; ssh when a host is given', () => {
    expect(parse({}).config).toMatchObject({ mode: 'local', workdir: '/tmp/w', user: 'ci', port: 22, keyEnv: 'EVALGATE_SSH_KEY' });
    expect(parse({ host: 'dgx01', workdir: '/raid/x' }).config).toMatchObject({ mode: 'ssh', host: 'dgx01' });
    expect(parse({ mode: 'slurm', workdir: '/raid/x', shared_dir: '/old' }).config).toMatchObject({ workdir: '/raid/x' });
  });
  it('names each bad key with what it expects', () => {
    const r = parse({ mode: 'k8s', port: 70000, host_key: 'MD5:aa', hots: 'x' });
    expect(r.config).toBeNull();
    expect(r.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['dgx.mode', 'dgx.port', 'dgx']));
    expect(parse({ mode: 'ssh' }).problems.map((p) => p.path)).toEqual(['dgx.host', 'dgx.workdir']);
    expect(parse({ host: 'h', workdir: '/w', host_key: 'SHA256:short' }).problems[0]).toMatchObject({ path: 'dgx.host_key' });
    expect(parse({ mode: 'local', host: 'h', workdir: '/w' }).problems[0]).toMatchObject({ path: 'dgx.mode' });
  });
});

describe('job names and host records', () => {
  it('the shard number is the last part of a job name', () => {
    expect(baseName('evalgate-acme-1-1-g-accuracy_f1-0')).toBe('evalgate-acme-1-1-g-accuracy_f1');
    expect(baseName('evalgate-acme-1-1-g-job-12-11')).toBe('evalgate-acme-1-1-g-job-12');
  });
  it('host.env', () => {
    expect(parseHostEnv('hostname=dgx01\ncpu_governor=powersave\ngpu=0, NVIDIA A100, 1410, 1215, 1410, 1215\ngpu=\n')).toEqual({
      hostname: 'dgx01',
      cpu_governor: 'powersave',
      gpus: ['0, NVIDIA A100, 1410, 1215, 1410, 1215'],
    });
    // the CPU model, for the latency fingerprint; an empty one is not recorded
    expect(parseHostEnv('cpu_model=AMD EPYC 7742 64-Core Processor\n').cpu_model).toBe('AMD EPYC 7742 64-Core Processor');
    expect(parseHostEnv('cpu_model=\n')).toEqual({ gpus: [] });
  });
});
