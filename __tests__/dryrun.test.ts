/**
 * `evalgate run --dry-run` for each platform: the rendered specs are what each platform's own
 * tooling takes (valid JSON / YAML / shell, with the fields of ../shared/platform-apis.md).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { tempDir } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');

function dryRun(platform: string, extra = '') {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'model.onnx'), 'weights');
  writeFileSync(
    path.join(dir, 'evalgate.yml'),
    `name: nightly
model: model.onnx
data: s3://bucket/val/
indicators: [accuracy_f1]
azure: {subscription: 00000000-0000-0000-0000-000000000000, resource_group: rg, workspace: ws1, compute: cpu-cluster, environment: "azureml://registries/azureml/environments/sklearn-1.5/versions/1"}
bailian: {workspace_id: ws-123, image: "registry.cn-hangzhou.aliyuncs.com/ns/eval:1", oss_bucket: evals}
volc: {resource_queue_id: q-123, image: "vemlp-cn-beijing.cr.volces.com/ns/eval:1", tos_bucket: evals, instance_type: ml.g1e.large}
dgx: {mode: slurm, workdir: /raid/shared, partition: gpu, account: ml}
${extra}jobs:
  accuracy_f1:
    shards: 2
    timeout_minutes: 30
    command: python f1.py --model {model} --data {data} --out {out} --shard {shard_index}/{shard_count} --note "it's \\"quoted\\""
    env: {SEED: 1}
`,
  );
  const r = spawnSync(process.execPath, [CLI, 'run', '--config', 'evalgate.yml', '--platform', platform, '--dry-run'], {
    cwd: dir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', GITHUB_REPOSITORY: 'acme/models', GITHUB_RUN_ID: '99', GITHUB_RUN_ATTEMPT: '1' },
  });
  // one spec per job, each after a "# <job name> (…) from <template>" line
  const specs = r.stdout
    .split(/^# evalgate-\S+ \(.*\)(?: from \S+)?$/m)
    .slice(1)
    .map((s) => s.trim());
  return { ...r, specs, dir };
}

describe('--dry-run renders every job and stops', () => {
  it('local: a shell line per job that runs it by hand', () => {
    const r = dryRun('local');
    expect(r.status).toBe(0);
    expect(r.specs).toHaveLength(2);
    expect(r.stdout).toContain('# evalgate-acme-models-99-1-nightly-accuracy_f1-1 (accuracy_f1 2/2; timeout 30 min)');
    const check = spawnSync('/bin/sh', ['-n', '-c', r.specs[0]!]);
    expect(check.status).toBe(0);
    // placeholders reference the job's environment, which carries the values
    expect(r.specs[0]).toContain(`EVALGATE_MODEL=${path.join(r.dir, 'model.onnx')} `);
    expect(r.specs[0]).toContain(`--model "\${EVALGATE_MODEL}"`);
  });

  it('azure: an az ml command job YAML', () => {
    const r = dryRun('azure');
    expect(r.status).toBe(0);
    const job = parseYaml(r.specs[1]!);
    expect(job).toMatchObject({
      type: 'command',
      name: 'evalgate-acme-models-99-1-nightly-accuracy_f1-1',
      compute: 'cpu-cluster',
      environment: 'azureml://registries/azureml/environments/sklearn-1.5/versions/1',
      inputs: { model: { type: 'uri_file', mode: 'ro_mount' }, data: { type: 'uri_folder', path: 's3://bucket/val/' } },
      outputs: {
        results: {
          type: 'uri_folder',
          mode: 'rw_mount',
          path: 'azureml://datastores/workspaceblobstore/paths/evalgate/runs/evalgate-acme-models-99-1-nightly-accuracy_f1-1/',
        },
      },
      environment_variables: { SEED: '1', EVALGATE_SHARD_INDEX: '1', EVALGATE_SHARD_COUNT: '2' },
      limits: { timeout: 1800 },
    });
    expect(job.inputs.model.path).toMatch(/^azureml:\/\/datastores\/workspaceblobstore\/paths\/evalgate\/cas\/[0-9a-f]{64}\/model\.onnx$/);
    // Azure ML substitutes ${{outputs.results}} in the command only, so the command exports EVALGATE_OUT (and the model and data it references) itself
    expect(job.command).toBe(
      `export EVALGATE_OUT="\${{outputs.results}}" EVALGATE_MODEL="\${{inputs.model}}" EVALGATE_DATA="\${{inputs.data}}"; python f1.py --model "\${EVALGATE_MODEL}" --data "\${EVALGATE_DATA}" --out "\${EVALGATE_OUT}" --shard "\${EVALGATE_SHARD_INDEX}"/"\${EVALGATE_SHARD_COUNT}" --note "it's \\"quoted\\""`,
    );
  });

  it('bailian: a PAI-DLC CreateJob body', () => {
    const r = dryRun('bairui');
    expect(r.status).toBe(0);
    const job = JSON.parse(r.specs[0]!);
    expect(job).toMatchObject({
      DisplayName: 'evalgate-acme-models-99-1-nightly-accuracy_f1-0',
      JobType: 'PyTorchJob',
      WorkspaceId: 'ws-123',
      JobSpecs: [{ Type: 'Worker', PodCount: 1, Image: 'registry.cn-hangzhou.aliyuncs.com/ns/eval:1', EcsSpec: 'ecs.g6.xlarge' }],
      JobMaxRunningTimeMinutes: 30,
      Envs: { SEED: '1', EVALGATE_SHARD_INDEX: '0' },
    });
    expect(job.UserCommand).toContain(
      '--model "${EVALGATE_MODEL}" --data "${EVALGATE_DATA}" --out "${EVALGATE_OUT}" --shard "${EVALGATE_SHARD_INDEX}"/"${EVALGATE_SHARD_COUNT}"',
    );
    expect(job.Envs).toMatchObject({
      EVALGATE_MODEL: '/mnt/evalgate/model/model.onnx',
      EVALGATE_DATA: '/mnt/evalgate/data',
      EVALGATE_OUT: '/mnt/evalgate/out',
      EVALGATE_SHARD_COUNT: '2',
    });
    expect(job.DataSources[0].Uri).toMatch(/^oss:\/\/evals\.oss-cn-hangzhou-internal\.aliyuncs\.com\/evalgate\/cas\/[0-9a-f]{64}\/$/);
    expect(job.DisplayName).toMatch(/^[A-Za-z0-9_.-]{1,256}$/);
  });

  it('volc: an ML platform CreateJob body', () => {
    const r = dryRun('volc');
    expect(r.status).toBe(0);
    const job = JSON.parse(r.specs[0]!);
    expect(job).toMatchObject({
      Name: 'evalgate-acme-models-99-1-nightly-accuracy_f1-0',
      ProjectName: 'default',
      RuntimeConfig: { Image: { Url: 'vemlp-cn-beijing.cr.volces.com/ns/eval:1' }, Framework: 'PyTorch' },
      ResourceConfig: {
        ResourceQueueId: 'q-123',
        MaxRuntimeSeconds: 1800,
        Roles: [{ Name: 'worker', Replicas: 1, Resource: { InstanceTypeId: 'ml.g1e.large' } }],
      },
    });
    expect(job.RuntimeConfig.Envs).toContainEqual({ Name: 'SEED', Value: '1', IsPrivate: false });
    // the data is an s3:// URI, not TOS: passed to the command as it is, with no mount
    expect(job.StorageConfig.Storages.map((s: { MountPath: string }) => s.MountPath)).toEqual(['/mnt/evalgate/model', '/mnt/evalgate/out']);
    expect(job.StorageConfig.Storages[0].Config.Tos.Prefix).toMatch(/^evalgate\/cas\/[0-9a-f]{64}\/$/);
    expect(job.RuntimeConfig.Command).toContain(
      '--model "${EVALGATE_MODEL}" --data "${EVALGATE_DATA}" --out "${EVALGATE_OUT}" --shard "${EVALGATE_SHARD_INDEX}"/"${EVALGATE_SHARD_COUNT}"',
    );
    for (const [Name, Value] of [
      ['EVALGATE_MODEL', '/mnt/evalgate/model/model.onnx'],
      ['EVALGATE_DATA', 's3://bucket/val/'],
      ['EVALGATE_OUT', '/mnt/evalgate/out'],
      ['EVALGATE_SHARD_INDEX', '0'],
    ])
      expect(job.RuntimeConfig.Envs).toContainEqual({ Name, Value, IsPrivate: false });
  });

  it('dgx: one sbatch script for both shards (a job array) that is valid shell', () => {
    const r = dryRun('dgx');
    expect(r.status).toBe(0);
    expect(r.specs).toHaveLength(1);
    expect(r.stdout).toContain(
      '# evalgate-acme-models-99-1-nightly-accuracy_f1 (sbatch --parsable /raid/shared/evalgate/scripts/evalgate-acme-models-99-1-nightly-accuracy_f1.sh on the runner)',
    );
    const script = r.specs[0]!;
    expect(script).toContain('#SBATCH --job-name=evalgate-acme-models-99-1-nightly-accuracy_f1\n');
    expect(script).toContain('#SBATCH --time=30');
    for (const o of ['--partition=gpu', '--account=ml', '--array=0-1']) expect(script).toContain(`#SBATCH ${o}\n`);
    expect(script).toContain('#SBATCH --output=/raid/shared/evalgate/runs/evalgate-acme-models-99-1-nightly-accuracy_f1-%a/log.txt');
    expect(script).toMatch(/export EVALGATE_MODEL=\/raid\/shared\/evalgate\/cas\/[0-9a-f]{64}\/model\.onnx\n/);
    expect(script).toContain('export EVALGATE_SHARD_INDEX=0\n');
    expect(script).toContain('export EVALGATE_SHARD_INDEX=1\n');
    expect(script).toContain(`--model "\${EVALGATE_MODEL}"`);
    expect(spawnSync('bash', ['-n'], { input: script }).status).toBe(0);
  });

  it('names the platform settings a spec still needs', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'evalgate.yml'), 'indicators: [accuracy_f1]\njobs:\n  accuracy_f1:\n    command: x\n');
    const r = spawnSync(process.execPath, [CLI, 'run', '--config', 'evalgate.yml', '--platform', 'azure', '--dry-run'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'error: evalgate.yml: azure.resource_group: expected a resource group name (required), got nothing\n' +
        'error: evalgate.yml: azure.workspace: expected a workspace name (required), got nothing\n' +
        'error: evalgate.yml: azure.compute: expected a compute name or ARM id (required), got nothing\n',
    );
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      'indicators: [accuracy_f1]\nazure: {resource_group: rg, workspace: ws1, compute: c}\njobs:\n  accuracy_f1:\n    command: x\n',
    );
    const again = spawnSync(process.execPath, [CLI, 'run', '--config', 'evalgate.yml', '--platform', 'azure', '--dry-run'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(
      'error: evalgate.yml: azure.subscription: expected a subscription id (or AZURE_SUBSCRIPTION_ID in the environment), got nothing\n' +
        'error: evalgate.yml: azure.environment: expected an Azure ML environment, or azure.image (a container image evalgate registers as one), got nothing\n',
    );
  });

  it('without --dry-run and without credentials, each cloud platform stops with one message naming what it looked for (exit 3)', () => {
    const r = dryRun('volc');
    const expected: Record<string, RegExp> = {
      azure:
        /^error: azure: no Azure credential is available \(set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or run azure\/login first\); tried /,
      bailian: /^error: bailian: no Alibaba Cloud credential: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET/,
      volc: /^error: volc: no Volcengine credentials: set VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY/,
    };
    for (const [platform, message] of Object.entries(expected)) {
      const again = spawnSync(process.execPath, [CLI, 'run', '--config', 'evalgate.yml', '--platform', platform], {
        cwd: r.dir,
        encoding: 'utf8',
        env: { PATH: '/usr/bin:/bin' },
      });
      expect(again.status, platform).toBe(3);
      expect(again.stderr, platform).toMatch(message);
      const report = JSON.parse(readFileSync(path.join(r.dir, 'evalgate-report', 'report.json'), 'utf8'));
      expect(report.verdict).toBe('fail');
      expect(report.warnings[0]).toMatch(new RegExp(`^${platform}: `));
    }
  });
});
