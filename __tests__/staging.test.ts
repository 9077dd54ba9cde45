/**
 * Staging of any size (SPEC §8, issue #18 item 1): a model past 2 GiB is hashed as a stream, in
 * bounded memory, to the same sha256 as `sha256sum`. Through the bundled CLI as a user runs it:
 * `--dry-run` on each remote platform stages nothing but names the content-addressed prefix the
 * model would go to, which is its hash. The model is a sparse 3 GiB file (no disk is used).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeFiles } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const GiB = 1024 ** 3;

describe('a model past 2 GiB', () => {
  const dir = tempDir('evalgate-staging-');
  const model = path.join(dir, 'model.safetensors');
  const fd = openSync(model, 'w');
  writeSync(fd, 'header of a checkpoint');
  ftruncateSync(fd, 3 * GiB);
  writeSync(fd, 'the last bytes', 3 * GiB - 14);
  closeSync(fd);
  const expected = spawnSync('sha256sum', [model], { encoding: 'utf8' }).stdout.split(' ')[0]!;

  it.each(['azure', 'volc', 'bailian', 'dgx'])('%s: --dry-run stages it under its sha256 (as sha256sum), in bounded memory', (platform) => {
    writeFiles(
      {
        'evalgate.yml': [
          'model: model.safetensors',
          'indicators: [toxicity]',
          'azure: {subscription: 00000000-0000-0000-0000-000000000000, resource_group: rg, workspace: ws1, compute: cpu, environment: "azureml://registries/azureml/environments/sklearn-1.5/versions/1"}',
          'bailian: {workspace_id: ws-1, image: "registry.cn-hangzhou.aliyuncs.com/ns/eval:1", oss_bucket: evals}',
          'volc: {resource_queue_id: q-1, image: "vemlp-cn-beijing.cr.volces.com/ns/eval:1", tos_bucket: evals, instance_type: ml.g1e.large}',
          'dgx: {mode: slurm, workdir: /raid/shared, partition: gpu}',
          'jobs:',
          '  toxicity:',
          '    command: python tox.py --model {model} --out {out}',
        ].join('\n'),
      },
      dir,
    );
    const r = spawnSync('/usr/bin/time', ['-f', 'maxrss_kib=%M', process.execPath, CLI, 'run', '--config', 'evalgate.yml', '--platform', platform, '--dry-run'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', GITHUB_REPOSITORY: 'acme/models', GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(expected);
    const kib = Number(/maxrss_kib=(\d+)/.exec(r.stderr)?.[1]);
    // the whole file in memory would be 3 GiB; a stream keeps to the CLI and its 4 MiB buffer
    expect(kib / 1024).toBeLessThan(250);
  });
});
