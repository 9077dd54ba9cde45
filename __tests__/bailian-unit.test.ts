/**
 * The bailian platform's pure parts: the config section, the status map, job.json → CreateJob body
 * (and --dry-run, which sends nothing), the credential order, error classification and oss:// URIs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { validateCreateJob } from './fakes/pai-dlc.js';
import { tempDir } from './helpers.js';
import { plan, runIdentity, type PlannedJob } from '../src/core/plan.js';
import { parseBailianConfig, type BailianConfig } from '../src/platforms/bailian/config.js';
import { BailianPlatform, DLC_STATUS, consoleUrl, mapDlcStatus } from '../src/platforms/bailian/bailian.js';
import { createJobBody, renderBailianJob } from '../src/platforms/bailian/job.js';
import { EvalgateAlibabaCredential, alibabaSource, roleSessionName, stsMessage } from '../src/platforms/bailian/credential.js';
import { AlibabaError, backoffMs, dlcError, ossError, withRetry } from '../src/platforms/bailian/errors.js';
import { parseOssUri } from '../src/platforms/bailian/oss.js';
import { ossLocation } from '../src/stores/oss.js';

const MINIMAL = { workspace_id: 'ws-123', image: 'registry-vpc.cn-hangzhou.aliyuncs.com/ns/eval:1', oss_bucket: 'evals' };

function config(section: Record<string, unknown> = {}, env: Record<string, string | undefined> = {}): BailianConfig {
  const { config, problems } = parseBailianConfig({ ...MINIMAL, ...section }, 'evalgate.yml', env);
  expect(problems).toEqual([]);
  return config!;
}

const job: PlannedJob = {
  key: 'accuracy_f1',
  indicators: ['accuracy_f1'],
  shard: { index: 1, count: 2 },
  name: 'evalgate-acme-m-7-1-demo-accuracy_f1-1',
  command: `node f1.mjs --model /mnt/evalgate/model/model.json --out /mnt/evalgate/out --note "a \\"b\\""`,
  env: { SEED: '1', EVALGATE_OUT: '/mnt/evalgate/out', EVALGATE_SHARD_INDEX: '1' },
  timeoutMinutes: 2.5,
  resources: {},
};

const INTERNAL = 'oss://evals.oss-cn-hangzhou-internal.aliyuncs.com';

describe('the bailian config section', () => {
  it('fills the defaults', () => {
    expect(config()).toEqual({
      region: 'cn-hangzhou',
      workspaceId: 'ws-123',
      image: MINIMAL.image,
      jobType: 'PyTorchJob',
      ecsSpec: 'ecs.g6.xlarge',
      ossBucket: 'evals',
      ossPrefix: 'evalgate',
      ossEndpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
      ossMountEndpoint: 'oss-cn-hangzhou-internal.aliyuncs.com',
      endpoint: 'pai-dlc.cn-hangzhou.aliyuncs.com',
      protocol: 'HTTPS',
      oidcAudience: 'sts.aliyuncs.com',
      dataSources: [],
      code: [],
      pollIntervalMs: 10_000,
    });
    const c = config({ region: 'cn-shanghai', workspace_id: 4567, oss_endpoint: 'http://127.0.0.1:9000/', protocol: 'http' });
    expect(c).toMatchObject({
      region: 'cn-shanghai',
      workspaceId: '4567',
      ossEndpoint: 'http://127.0.0.1:9000',
      ossMountEndpoint: 'oss-cn-shanghai-internal.aliyuncs.com',
      endpoint: 'pai-dlc.cn-shanghai.aliyuncs.com',
      protocol: 'HTTP',
    });
    expect(config({}, { ALIBABA_CLOUD_REGION: 'cn-beijing' }).region).toBe('cn-beijing');
  });

  it('sizes the pods of a quota with ResourceConfig, public resources with an instance type', () => {
    expect(config({ resource_id: 'quota123', cpu: 8, memory_gb: 32, gpus: 1, gpu_type: 'A10' })).toMatchObject({
      resourceId: 'quota123',
      resourceConfig: { cpu: 8, memoryGb: 32, gpus: 1, gpuType: 'A10' },
    });
    const quota = config({ resource_id: 'quota123' });
    expect(quota.resourceConfig).toEqual({ cpu: 4, memoryGb: 16, gpus: 0 });
    expect(quota.ecsSpec).toBeUndefined();
    expect(config({ resource_id: 'quota123', ecs_spec: 'ecs.gn7i-c8g1.2xlarge' })).toMatchObject({ ecsSpec: 'ecs.gn7i-c8g1.2xlarge' });
    expect(config({ data_sources: ['d-123', { id: 'd-456', mount_path: '/mnt/ref' }] }).dataSources).toEqual([
      { id: 'd-123' },
      { id: 'd-456', mountPath: '/mnt/ref' },
    ]);
  });

  it.each<[string, Record<string, unknown>, Array<{ path: string; expected: RegExp | string; found: string }>]>([
    [
      'the required keys',
      {},
      [
        { path: 'bailian.workspace_id', expected: 'a PAI workspace id (required)', found: 'nothing' },
        { path: 'bailian.image', expected: /^a container image .*\(required\)$/, found: 'nothing' },
        { path: 'bailian.oss_bucket', expected: 'an OSS bucket name (required)', found: 'nothing' },
      ],
    ],
    [
      'an unknown key',
      { ...MINIMAL, workspace: 'x' },
      [{ path: 'bailian', expected: /^one of the known keys \(region, workspace_id, image, /, found: 'workspace' }],
    ],
    [
      'a bad bucket, endpoint and ARN',
      { ...MINIMAL, oss_bucket: 'Evals_1', endpoint: 'https://pai-dlc.cn-hangzhou.aliyuncs.com', oidc_role_arn: 'evalgate-ci' },
      [
        { path: 'bailian.oss_bucket', expected: 'an OSS bucket name (3 to 63 lower-case letters, digits and -)', found: '"Evals_1"' },
        { path: 'bailian.endpoint', expected: /without https:\/\//, found: '"https://pai-dlc.cn-hangzhou.aliyuncs.com"' },
        { path: 'bailian.oidc_role_arn', expected: 'a RAM role ARN (acs:ram::<account id>:role/<name>)', found: '"evalgate-ci"' },
      ],
    ],
    [
      'a role without its OIDC provider',
      { ...MINIMAL, oidc_role_arn: 'acs:ram::123:role/ci' },
      [{ path: 'bailian.oidc_provider_arn', expected: /needed with bailian.oidc_role_arn/, found: 'nothing' }],
    ],
    [
      'pod sizes without a quota',
      { ...MINIMAL, cpu: 8 },
      [{ path: 'bailian.cpu', expected: /^nothing without bailian.resource_id/, found: '8' }],
    ],
    [
      'an instance type and pod sizes for a quota',
      { ...MINIMAL, resource_id: 'q', ecs_spec: 'ecs.g6.xlarge', memory_gb: 8 },
      [{ path: 'bailian.ecs_spec', expected: /^either bailian.ecs_spec or bailian.memory_gb/, found: '"ecs.g6.xlarge"' }],
    ],
    [
      'an unknown job type',
      { ...MINIMAL, job_type: 'BatchJob' },
      [{ path: 'bailian.job_type', expected: /^one of TFJob, PyTorchJob/, found: '"BatchJob"' }],
    ],
  ])('names %s with what it expects', (_name, section, want) => {
    const { config: c, problems } = parseBailianConfig(section, 'evalgate.yml', {});
    expect(c).toBeNull();
    expect(problems).toHaveLength(want.length);
    want.forEach((w, i) => {
      expect(problems[i]).toMatchObject({ file: 'evalgate.yml', path: w.path, found: w.found });
      if (typeof w.expected === 'string') expect(problems[i]!.expected).toBe(w.expected);
      else expect(problems[i]!.expected).toMatch(w.expected);
    });
  });
});

describe('PAI-DLC job status', () => {
  it('maps every status of GetJob; only Succeeded, Failed and Stopped (and the *Reserving ones) end a job', () => {
    const all = [
      'Creating',
      'Queuing',
      'Bidding',
      'EnvPreparing',
      'SanityChecking',
      'Running',
      'Restarting',
      'Stopping',
      'SucceededReserving',
      'FailedReserving',
      'Succeeded',
      'Failed',
      'Stopped',
    ];
    expect(Object.keys(DLC_STATUS).sort()).toEqual([...all].sort());
    expect(all.map((s) => [s, mapDlcStatus(s)])).toEqual([
      ['Creating', 'queued'],
      ['Queuing', 'queued'],
      ['Bidding', 'queued'],
      ['EnvPreparing', 'queued'],
      ['SanityChecking', 'queued'],
      ['Running', 'running'],
      ['Restarting', 'running'],
      ['Stopping', 'running'],
      ['SucceededReserving', 'succeeded'],
      ['FailedReserving', 'failed'],
      ['Succeeded', 'succeeded'],
      ['Failed', 'failed'],
      ['Stopped', 'cancelled'],
    ]);
    // a status this version does not know waits (the job timeout ends it)
    expect(mapDlcStatus('Hibernating')).toBe('queued');
  });

  it('links each job to the PAI console (unverified form)', () => {
    expect(consoleUrl('cn-hangzhou', '1234', 'dlc1a2b3c')).toBe(
      'https://pai.console.aliyun.com/?regionId=cn-hangzhou&workspaceId=1234#/dlc/jobs/dlc1a2b3c/overview',
    );
  });
});

describe('bailian job.json → CreateJob body', () => {
  const vars = {
    model: { uri: `${INTERNAL}/evalgate/cas/aa/`, file: 'model.json' },
    data: { uri: 'oss://other.oss-cn-hangzhou-internal.aliyuncs.com/sets/val/' },
    code: `${INTERNAL}/evalgate/code/cc/`,
    outUri: `${INTERNAL}/evalgate/runs/${job.name}/`,
  };

  it('renders every field CreateJob takes, and nothing else', async () => {
    const { text, missing } = await renderBailianJob(job, 'demo', config(), vars);
    expect(missing).toEqual([]);
    const body = createJobBody(text);
    expect(body).toEqual({
      DisplayName: job.name,
      JobType: 'PyTorchJob',
      WorkspaceId: 'ws-123',
      JobSpecs: [{ Type: 'Worker', PodCount: 1, Image: MINIMAL.image, EcsSpec: 'ecs.g6.xlarge' }],
      UserCommand: `cd /mnt/evalgate/code && ${job.command}`,
      Envs: job.env,
      DataSources: [
        { Uri: vars.model.uri, MountPath: '/mnt/evalgate/model', MountAccess: 'ReadOnly' },
        { Uri: vars.data.uri, MountPath: '/mnt/evalgate/data', MountAccess: 'ReadOnly' },
        { Uri: vars.code, MountPath: '/mnt/evalgate/code', MountAccess: 'ReadOnly' },
        { Uri: vars.outUri, MountPath: '/mnt/evalgate/out' },
      ],
      JobMaxRunningTimeMinutes: 3,
      Accessibility: 'PRIVATE',
    });
    // what the fake PAI-DLC checks of a CreateJob (required fields, types, the request model's field names)
    expect(validateCreateJob(body, { workspaces: ['ws-123'] })).toEqual({ problems: [], unknownFields: [] });
  });

  it('sizes a quota job with ResourceConfig, lets a job pick its instance type, mounts registered data sources', async () => {
    const quota = config({
      resource_id: 'quota1',
      cpu: 8,
      memory_gb: 30.5,
      gpus: 1,
      gpu_type: 'A10',
      shared_memory_gb: 2,
      data_sources: ['d-1'],
    });
    const body = createJobBody((await renderBailianJob(job, 'demo', quota, { model: null, data: null, outUri: vars.outUri })).text);
    expect(body.ResourceId).toBe('quota1');
    expect(body.JobSpecs).toEqual([
      {
        Type: 'Worker',
        PodCount: 1,
        Image: MINIMAL.image,
        ResourceConfig: { CPU: '8', Memory: '30.5Gi', GPU: '1', GPUType: 'A10', SharedMemory: '2Gi' },
      },
    ]);
    expect(body.UserCommand).toBe(job.command);
    expect(body.DataSources).toEqual([{ Uri: vars.outUri, MountPath: '/mnt/evalgate/out' }, { DataSourceId: 'd-1' }]);
    const own = { ...job, resources: { cpu: 2, memory_gb: 4 }, image: 'registry/own:2' };
    const sized = createJobBody((await renderBailianJob(own, 'demo', quota, { model: null, data: null, outUri: vars.outUri })).text);
    expect(sized.JobSpecs).toEqual([
      {
        Type: 'Worker',
        PodCount: 1,
        Image: 'registry/own:2',
        ResourceConfig: { CPU: '2', Memory: '4Gi', GPU: '1', GPUType: 'A10', SharedMemory: '2Gi' },
      },
    ]);
    const typed = { ...job, resources: { instance_type: 'ecs.gn6i-c4g1.xlarge' } };
    const ecs = createJobBody((await renderBailianJob(typed, 'demo', config(), { model: null, data: null, outUri: vars.outUri })).text);
    expect((ecs.JobSpecs as Array<Record<string, unknown>>)[0]!.EcsSpec).toBe('ecs.gn6i-c4g1.xlarge');
  });

  it('refuses a hand-edited template that lost what CreateJob requires', () => {
    expect(() => createJobBody('{"DisplayName": "x", ')).toThrow(/job.json did not render to JSON/);
    expect(() => createJobBody('{"DisplayName": "x", "JobType": "PyTorchJob", "UserCommand": "true", "JobSpecs": []}')).toThrow(
      /JobSpecs: expected a non-empty list/,
    );
    expect(() =>
      createJobBody(
        '{"DisplayName": "x", "JobType": "PyTorchJob", "UserCommand": "true", "JobSpecs": [{"Type": "Worker", "EcsSpec": ""}]}',
      ),
    ).toThrow(/needs EcsSpec .* or ResourceConfig/);
  });

  it('--dry-run prints each body from the template without a request or a credential', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'model.onnx'), 'weights');
    const platform = new BailianPlatform({
      config: config({ endpoint: '127.0.0.1:1', oss_endpoint: 'http://127.0.0.1:1' }),
      env: {},
      cwd: dir,
      workDir: path.join(dir, 'work'),
      gate: 'nightly',
      dryRun: true,
    });
    const model = await platform.stage('model.onnx', 'model');
    expect(model).toMatch(/^oss:\/\/evals\.oss-cn-hangzhou-internal\.aliyuncs\.com\/evalgate\/cas\/[0-9a-f]{64}\/$/);
    expect(await platform.stage('oss://evals/sets/val', 'data')).toBe(`${INTERNAL}/sets/val/`);
    const id = runIdentity({ GITHUB_REPOSITORY: 'acme/models', GITHUB_RUN_ID: '99' }, 'x', 'nightly', new Date());
    const planned = plan(
      {
        jobs: { accuracy_f1: { command: 'python f1.py --model {model} --data {data} --out {out}', shards: 2 } },
        required: ['accuracy_f1'],
        timeoutMinutes: 30,
      },
      id,
      () => platform.locate(),
    );
    const text = await platform.describe(planned.jobs);
    const specs = text.split(/^# evalgate-\S+ \(.*\) from platforms\/job_templates\/bailian\/job\.json$/m).slice(1);
    expect(text).toMatch(
      /^# evalgate-acme-models-99-1-nightly-accuracy_f1-0 \(accuracy_f1 1\/2\) from platforms\/job_templates\/bailian\/job\.json\n\{/,
    );
    expect(specs).toHaveLength(2);
    const body = JSON.parse(specs[1]!);
    // the command references the values, the job's Envs carry them
    expect(body.UserCommand).toBe('python f1.py --model "${EVALGATE_MODEL}" --data "${EVALGATE_DATA}" --out "${EVALGATE_OUT}"');
    expect(body.Envs).toMatchObject({
      EVALGATE_MODEL: '/mnt/evalgate/model/model.onnx',
      EVALGATE_DATA: '/mnt/evalgate/data',
      EVALGATE_OUT: '/mnt/evalgate/out',
    });
    expect(body.DataSources[0]).toEqual({ Uri: model, MountPath: '/mnt/evalgate/model', MountAccess: 'ReadOnly' });
    expect(body.DataSources[2]).toEqual({
      Uri: `${INTERNAL}/evalgate/runs/evalgate-acme-models-99-1-nightly-accuracy_f1-1/`,
      MountPath: '/mnt/evalgate/out',
    });
    expect(validateCreateJob(body)).toEqual({ problems: [], unknownFields: [] });
    expect(platform.dlc.total).toBe(0);
  });

  it('mounts an oss:// object by its folder and names it in the command', async () => {
    const platform = new BailianPlatform({ config: config(), env: {}, cwd: tempDir(), workDir: tempDir(), gate: 'g', dryRun: true });
    expect(await platform.stage('oss://models.oss-cn-beijing-internal.aliyuncs.com/m/v3/weights.safetensors', 'model')).toBe(
      'oss://models.oss-cn-beijing-internal.aliyuncs.com/m/v3/',
    );
    expect(await platform.stage('oss://evals', 'data')).toBe(`${INTERNAL}/`);
    expect(platform.locate()).toEqual({
      model: '/mnt/evalgate/model/weights.safetensors',
      data: '/mnt/evalgate/data',
      out: '/mnt/evalgate/out',
    });
  });
});

describe('Alibaba Cloud credentials, in the order a user expects', () => {
  const AK = { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tExample', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'secret' };
  const OIDC = { oidcRoleArn: 'acs:ram::1:role/ci', oidcProviderArn: 'acs:ram::1:oidc-provider/github' };
  const ACTIONS = { ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/x?a=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' };
  const FILE = {
    ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/rrsa',
    ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'acs:ram::1:oidc-provider/ack',
    ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/var/run/token',
  };

  it.each<[string, Record<string, string>, Record<string, string>, Record<string, unknown>]>([
    [
      'an AccessKey from the environment',
      AK,
      {},
      { kind: 'access_key', keys: { accessKeyId: 'LTAI5tExample', accessKeySecret: 'secret' } },
    ],
    [
      'STS keys from the environment',
      { ...AK, ALIBABA_CLOUD_SECURITY_TOKEN: 'CAIS' },
      {},
      { kind: 'sts', keys: { securityToken: 'CAIS' } },
    ],
    ['the environment before OIDC', { ...AK, ...ACTIONS }, OIDC, { kind: 'access_key' }],
    [
      'GitHub OIDC with the configured role',
      ACTIONS,
      { ...OIDC, oidcAudience: 'my-aud' },
      {
        kind: 'github_oidc',
        roleArn: OIDC.oidcRoleArn,
        providerArn: OIDC.oidcProviderArn,
        audience: 'my-aud',
        stsEndpoint: 'sts.aliyuncs.com',
      },
    ],
    ['OIDC before a token file', { ...ACTIONS, ...FILE }, OIDC, { kind: 'github_oidc', audience: 'sts.aliyuncs.com' }],
    ['a token file from the environment', FILE, {}, { kind: 'oidc_file', tokenFile: '/var/run/token', roleArn: 'acs:ram::1:role/rrsa' }],
    [
      'the regional STS endpoint',
      { ...FILE, ALIBABA_CLOUD_STS_REGION: 'cn-shanghai' },
      {},
      { stsEndpoint: 'sts.cn-shanghai.aliyuncs.com' },
    ],
    ['the configured STS endpoint', FILE, { stsEndpoint: '127.0.0.1:8443' }, { stsEndpoint: '127.0.0.1:8443' }],
  ])('uses %s', (_name, env, settings, want) => {
    expect(alibabaSource(env, settings)).toMatchObject(want);
  });

  it.each<[string, Record<string, string>, Record<string, string>, RegExp]>([
    [
      'nothing',
      {},
      {},
      /^no Alibaba Cloud credential: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET \(and ALIBABA_CLOUD_SECURITY_TOKEN for STS keys\), or bailian.oidc_role_arn and bailian.oidc_provider_arn with `permissions: id-token: write` in the workflow \(GitHub OIDC\), or ALIBABA_CLOUD_ROLE_ARN, ALIBABA_CLOUD_OIDC_PROVIDER_ARN and ALIBABA_CLOUD_OIDC_TOKEN_FILE$/,
    ],
    [
      'half an AccessKey',
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI' },
      {},
      /ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not/,
    ],
    [
      'OIDC without the id-token permission',
      {},
      OIDC,
      /ACTIONS_ID_TOKEN_REQUEST_URL is not set \(give the job `permissions: id-token: write`/,
    ],
  ])('names what it looked for when it finds %s', (_name, env, settings, message) => {
    expect(() => alibabaSource(env, settings)).toThrow(message);
  });

  it('masks STS secrets in the workflow log (inside Actions only), and gives the keys to both clients', async () => {
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'STS.NTkey',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'sts-secret-1',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'CAIStoken1',
    };
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      const outside = new EvalgateAlibabaCredential(env);
      expect(await outside.keys()).toEqual({ accessKeyId: 'STS.NTkey', accessKeySecret: 'sts-secret-1', securityToken: 'CAIStoken1' });
      expect(written.join('')).not.toContain('::add-mask::');
      const inside = new EvalgateAlibabaCredential({ ...env, GITHUB_ACTIONS: 'true' });
      expect(inside.label).toBe('');
      const model = await inside.getCredential();
      expect(model).toMatchObject({ accessKeyId: 'STS.NTkey', securityToken: 'CAIStoken1' });
      expect(inside.label).toMatch(/^STS keys from the environment/);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toContain('::add-mask::sts-secret-1');
    expect(written.join('')).toContain('::add-mask::CAIStoken1');
    await expect(new EvalgateAlibabaCredential({}).keys()).rejects.toThrow(/^no Alibaba Cloud credential/);
  });

  it('names its STS session after the run, and reads STS refusals', () => {
    expect(roleSessionName({ GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2' })).toBe('evalgate-123-2');
    expect(roleSessionName({ EVALGATE_RUN_ID: 'a b/c' })).toBe('evalgate-a-b-c');
    expect(
      stsMessage(
        new Error(
          'get sts token failed with OIDC: {"RequestId":"R1","Code":"AuthenticationFail.NoPermission","Message":"No such OIDC Provider registered."}',
        ),
      ),
    ).toBe('STS AssumeRoleWithOIDC: AuthenticationFail.NoPermission: No such OIDC Provider registered. (request id R1)');
  });
});

describe('Alibaba Cloud errors and retries', () => {
  const tea = (code: string, status: number, message = 'm') =>
    Object.assign(new Error(`${code}: code: ${status}, ${message} request id: R`), {
      code,
      data: { Code: code, Message: message, RequestId: 'R', statusCode: status },
    });

  it.each<[string, unknown, boolean, string]>([
    [
      'throttling',
      tea('Throttling.User', 400, 'Request was denied due to user flow control.'),
      true,
      'PAI-DLC GetJob: 400 Throttling.User: Request was denied due to user flow control. (request id R)',
    ],
    ['a server error', tea('InternalError', 500), true, 'PAI-DLC GetJob: 500 InternalError: m (request id R)'],
    ['a 503', tea('ServiceUnavailable', 503), true, 'PAI-DLC GetJob: 503 ServiceUnavailable: m (request id R)'],
    [
      'a wrong signature',
      tea('SignatureDoesNotMatch', 400, 'Specified signature is not matched'),
      false,
      'PAI-DLC GetJob: 400 SignatureDoesNotMatch: Specified signature is not matched (request id R)',
    ],
    ['an unknown key', tea('InvalidAccessKeyId.NotFound', 404), false, 'PAI-DLC GetJob: 404 InvalidAccessKeyId.NotFound: m (request id R)'],
    ['a refusal', tea('Forbidden.RAM', 403), false, 'PAI-DLC GetJob: 403 Forbidden.RAM: m (request id R)'],
    ['a reset', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), true, 'PAI-DLC GetJob: ECONNRESET: socket hang up'],
    [
      'a read timeout',
      Object.assign(new Error('ReadTimeout: 30000. GET /x failed.'), { name: 'RequestTimeoutError' }),
      true,
      'PAI-DLC GetJob: RequestTimeoutError: ReadTimeout: 30000. GET /x failed.',
    ],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      false,
      'PAI-DLC GetJob: ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1',
    ],
  ])('PAI-DLC: %s', (_name, e, transient, message) => {
    const err = dlcError('GetJob', e);
    expect(err.transient).toBe(transient);
    expect(err.message).toBe(message);
  });

  it.each<[string, unknown, boolean, RegExp]>([
    [
      'a 503',
      {
        name: 'ServiceUnavailableError',
        code: 'ServiceUnavailable',
        status: 503,
        message: 'Please reduce your request rate.',
        requestId: 'R',
      },
      true,
      /^OSS GetObject oss:\/\/b\/k: 503 ServiceUnavailable: Please reduce your request rate\. \(request id R\)$/,
    ],
    [
      'a network error',
      { name: 'RequestError', code: 'RequestError', status: -1, message: 'connect ECONNRESET' },
      true,
      /^OSS GetObject oss:\/\/b\/k: RequestError: connect ECONNRESET$/,
    ],
    [
      'a timeout',
      { name: 'ResponseTimeoutError', status: -2, message: 'Response timeout for 60000ms, please increase the timeout, see more' },
      true,
      /: ResponseTimeoutError: Response timeout for 60000ms$/,
    ],
    [
      'access denied',
      { name: 'AccessDeniedError', code: 'AccessDenied', status: 403, message: 'You have no right' },
      false,
      /: 403 AccessDenied: You have no right$/,
    ],
  ])('OSS: %s', (_name, e, transient, message) => {
    const err = ossError('GetObject', e, 'oss://b/k');
    expect(err.transient).toBe(transient);
    expect(err.message).toMatch(message);
  });

  it('retries transient errors with a growing, jittered backoff, and permanent ones never', async () => {
    const o = { maxRetries: 3, baseMs: 1, maxMs: 4 };
    for (let i = 0; i < 50; i++) {
      expect(backoffMs(0, { ...o, baseMs: 100, maxMs: 1000 })).toBeGreaterThanOrEqual(10);
      expect(backoffMs(0, { ...o, baseMs: 100, maxMs: 1000 })).toBeLessThanOrEqual(100);
      expect(backoffMs(10, { ...o, baseMs: 100, maxMs: 1000 })).toBeLessThanOrEqual(1000);
    }
    const convert = (e: unknown) => e as AlibabaError;
    const flaky = (fails: number, transient: boolean) => {
      let n = 0;
      return async () => {
        if (n++ < fails)
          throw new AlibabaError('PAI-DLC', 'GetJob', transient ? 'Throttling.User' : 'Forbidden', 400, 'x', undefined, transient);
        return n;
      };
    };
    expect(await withRetry(flaky(3, true), convert, o)).toBe(4);
    await expect(withRetry(flaky(4, true), convert, o)).rejects.toThrow(/Throttling.User/);
    const once = flaky(1, false);
    await expect(withRetry(once, convert, o)).rejects.toThrow(/Forbidden/);
    expect(await once()).toBe(2); // called once by withRetry, once here
  });
});

describe('oss:// URIs', () => {
  it.each<[string, ReturnType<typeof parseOssUri>]>([
    ['oss://evals', { bucket: 'evals', key: '' }],
    ['oss://evals/runs/pr-1/', { bucket: 'evals', key: 'runs/pr-1/' }],
    ['oss://evals.oss-cn-beijing.aliyuncs.com/a/b.json', { bucket: 'evals', endpoint: 'oss-cn-beijing.aliyuncs.com', key: 'a/b.json' }],
  ])('parses %s', (uri, want) => {
    expect(parseOssUri(uri)).toEqual(want);
  });

  it('refuses what is not one, and finds the region and endpoint of results: oss://…', () => {
    expect(() => parseOssUri('oss://Evals/x')).toThrow(/expected oss:\/\/<bucket>\/<prefix>/);
    expect(ossLocation('oss://evals/results/pr-1', {})).toEqual({
      bucket: 'evals',
      prefix: 'results/pr-1/',
      region: 'cn-hangzhou',
      endpoint: 'https://oss-cn-hangzhou.aliyuncs.com',
    });
    expect(
      ossLocation('oss://evals', { ALIBABA_CLOUD_REGION: 'ap-southeast-1', ALIBABA_CLOUD_OSS_ENDPOINT: 'http://127.0.0.1:9000/' }),
    ).toEqual({
      bucket: 'evals',
      prefix: '',
      region: 'ap-southeast-1',
      endpoint: 'http://127.0.0.1:9000',
    });
    expect(ossLocation('oss://evals.oss-cn-beijing.aliyuncs.com/r/', {})).toMatchObject({
      region: 'cn-beijing',
      endpoint: 'https://oss-cn-beijing.aliyuncs.com',
    });
  });
});
