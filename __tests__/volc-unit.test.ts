/**
 * The volc platform's pure parts and its clients without a network: the config section, the state
 * map, job.json → CreateJob body, the command wrapper that keeps the log and the exit code, the
 * credentials from the environment, signing (the SDK's vector, and our requests checked by the
 * fake gateway's independent verifier), retries and error messages, --dry-run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Signer } from '@volcengine/openapi';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlannedJob } from '../src/core/plan.js';
import { TERMINAL } from '../src/platforms/platform.js';
import { parseVolcConfig } from '../src/platforms/volc/config.js';
import { volcCredentials } from '../src/platforms/volc/credentials.js';
import { createJobBody, mapVolcState, renderVolcJob, VOLC_STATES, wrapCommand, type VolcJobVars } from '../src/platforms/volc/job.js';
import { VolcApiError, VolcOpenApi } from '../src/platforms/volc/openapi.js';
import { parseRetryAfter, retryDelayMs, withRetries } from '../src/platforms/volc/retry.js';
import { parseTosUri, tail } from '../src/platforms/volc/tos.js';
import { stopVolcJob, volcJobStatus, VolcPlatform } from '../src/platforms/volc/volc.js';
import { canonicalQuery, canonicalRequest, signatureFor, verifyVolcAuth, xDate } from './fakes/volc.js';
import { tempDir } from './helpers.js';

const job: PlannedJob = {
  key: 'accuracy_f1',
  indicators: ['accuracy_f1'],
  shard: { index: 1, count: 2 },
  name: 'evalgate-acme-m-7-1-demo-accuracy_f1-1',
  command: `node f1.mjs --model /mnt/evalgate/model/model.json --out /mnt/evalgate/out --note "it's \\"quoted\\""`,
  env: { SEED: '1', EVALGATE_OUT: '/mnt/evalgate/out', EVALGATE_SHARD_INDEX: '1' },
  timeoutMinutes: 2.5,
  resources: {},
};

const vars: VolcJobVars = {
  project: 'default',
  image: 'vemlp-cn-beijing.cr.volces.com/ns/eval:1',
  framework: 'PyTorch',
  resourceQueueId: 'q-123',
  instanceType: 'ml.g1e.large',
  code: { bucket: 'evals', prefix: 'evalgate/code/cc/' },
  model: { bucket: 'evals', prefix: 'evalgate/cas/aa/' },
  data: { bucket: 'shared-data', prefix: 'val/' },
  out: { bucket: 'evals', prefix: 'evalgate/runs/evalgate-acme-m-7-1-demo-accuracy_f1-1/' },
};

// ------------------------------------------------------------------------------------------ config

describe('the volc config section', () => {
  const minimal = { resource_queue_id: 'q-1', image: 'img:1', instance_type: 'ml.g1e.large', tos_bucket: 'evals' };

  it('fills in the defaults', () => {
    expect(parseVolcConfig(minimal, 'c.yml')).toEqual({
      config: {
        region: 'cn-beijing',
        resourceQueueId: 'q-1',
        image: 'img:1',
        instanceType: 'ml.g1e.large',
        tosBucket: 'evals',
        tosPrefix: 'evalgate',
        project: 'default',
        framework: 'PyTorch',
        endpoint: { url: 'https://open.volcengineapi.com', host: 'open.volcengineapi.com', secure: true },
        tosEndpoint: { url: 'https://tos-cn-beijing.volces.com', host: 'tos-cn-beijing.volces.com', secure: true },
        code: [],
        pollIntervalMs: 10_000,
      },
      problems: [],
    });
  });

  it('takes a region, endpoints as hosts or URLs, code as a path or a list', () => {
    const { config } = parseVolcConfig(
      {
        ...minimal,
        region: 'cn-shanghai',
        endpoint: 'http://127.0.0.1:8123',
        tos_endpoint: 'tos-cn-shanghai.ivolces.com',
        code: 'examples/demo',
        framework: 'Custom',
        project: 'team-a',
        tos_prefix: 'ci/evalgate',
        poll_interval_seconds: 0.5,
      },
      'c.yml',
    );
    expect(config).toMatchObject({
      region: 'cn-shanghai',
      endpoint: { url: 'http://127.0.0.1:8123', host: '127.0.0.1:8123', secure: false },
      tosEndpoint: { url: 'https://tos-cn-shanghai.ivolces.com', secure: true },
      code: ['examples/demo'],
      framework: 'Custom',
      project: 'team-a',
      tosPrefix: 'ci/evalgate',
      pollIntervalMs: 500,
    });
    expect(parseVolcConfig({ ...minimal, region: 'ap-southeast-1' }, 'c.yml').config?.tosEndpoint.host).toBe(
      'tos-ap-southeast-1.volces.com',
    );
  });

  it('names every missing key, with what it expects', () => {
    expect(parseVolcConfig(undefined, 'c.yml').problems).toEqual([
      { file: 'c.yml', path: 'volc.resource_queue_id', expected: 'a resource queue id (q-…) (required)', found: 'nothing' },
      {
        file: 'c.yml',
        path: 'volc.image',
        expected: 'a container image (e.g. vemlp-cn-beijing.cr.volces.com/<namespace>/<repository>:<tag>) (required)',
        found: 'nothing',
      },
      { file: 'c.yml', path: 'volc.instance_type', expected: 'an instance type id (e.g. ml.g1e.large) (required)', found: 'nothing' },
      { file: 'c.yml', path: 'volc.tos_bucket', expected: 'a TOS bucket name (required)', found: 'nothing' },
    ]);
  });

  it.each([
    ['region', 'Beijing', 'a region id such as cn-beijing'],
    ['tos_bucket', 'My_Bucket', 'a TOS bucket name (3 to 63 lower-case letters, digits and -)'],
    ['tos_prefix', '/abs/', 'a path prefix of letters, digits, . _ - and /'],
    ['framework', 'pytorch', 'one of PyTorch, TensorFlow, MPI, Ray, Custom'],
    [
      'endpoint',
      'https://open.volcengineapi.com/path',
      'the ML platform OpenAPI host, or an http(s):// URL (default open.volcengineapi.com)',
    ],
    ['tos_endpoint', 'ftp://x', 'the TOS endpoint host, or an http(s):// URL (default tos-<region>.volces.com)'],
    ['project', '', 'a project name (1 to 64 characters)'],
    ['poll_interval_seconds', 0, 'more than 0 seconds'],
    ['code', [], 'a path or a list of paths'],
    ['image', '  ', 'a container image (e.g. vemlp-cn-beijing.cr.volces.com/<namespace>/<repository>:<tag>)'],
  ])('%s: %j is refused', (key, value, expected) => {
    expect(parseVolcConfig({ ...minimal, [key]: value }, 'c.yml').problems).toEqual([
      { file: 'c.yml', path: `volc.${key}`, expected, found: JSON.stringify(value) },
    ]);
  });

  it('refuses unknown keys, naming the known ones, and the S3-compatible TOS endpoint', () => {
    expect(parseVolcConfig({ ...minimal, replicas: 2 }, 'c.yml').problems).toEqual([
      {
        file: 'c.yml',
        path: 'volc',
        expected:
          'one of the known keys (region, resource_queue_id, image, instance_type, tos_bucket, tos_prefix, project, framework, endpoint, tos_endpoint, code, poll_interval_seconds, staging)',
        found: 'replicas',
      },
    ]);
    expect(parseVolcConfig({ ...minimal, tos_endpoint: 'tos-s3-cn-beijing.volces.com' }, 'c.yml').problems).toEqual([
      {
        file: 'c.yml',
        path: 'volc.tos_endpoint',
        expected: 'the TOS endpoint (tos-cn-beijing.volces.com), not the S3-compatible one',
        found: '"tos-s3-cn-beijing.volces.com"',
      },
    ]);
  });
});

// ------------------------------------------------------------------------------------------ states

describe('job states', () => {
  // every Status.State of the 2024-07-01 API (volcengine-go-sdk mlplatform20240701 EnumOfStateForGetJobOutput)
  const STATES = ['Creating', 'Waiting', 'Queueing', 'Deploying', 'Running', 'Completed', 'Failed', 'Stopping', 'Stopped'];

  it('maps every state, only Completed, Failed and Stopped being terminal', () => {
    expect(Object.keys(VOLC_STATES).sort()).toEqual([...STATES].sort());
    expect(STATES.map((s) => [s, mapVolcState(s)])).toEqual([
      ['Creating', 'queued'],
      ['Waiting', 'queued'],
      ['Queueing', 'queued'],
      ['Deploying', 'queued'],
      ['Running', 'running'],
      ['Completed', 'succeeded'],
      ['Failed', 'failed'],
      ['Stopping', 'running'],
      ['Stopped', 'cancelled'],
    ]);
    expect(STATES.filter((s) => TERMINAL.includes(mapVolcState(s)))).toEqual(['Completed', 'Failed', 'Stopped']);
  });

  it('keeps waiting on a state it does not know, and says so', () => {
    expect(volcJobStatus({ Id: 't-1', Status: { State: 'Hibernating' } })).toEqual({
      state: 'queued',
      platformStatus: 'Hibernating',
      message: 'unknown Volcengine ML job state "Hibernating"; waiting',
    });
    expect(volcJobStatus({ Id: 't-1' })).toMatchObject({ state: 'queued', platformStatus: 'Unknown' });
  });

  it("reports a failed job's Status.Message and SecondaryState, a stopped job's StopReason, the platform's times", () => {
    const failed = volcJobStatus(
      {
        Id: 't-1',
        Status: {
          State: 'Failed',
          SecondaryState: 'PodOOMKilled',
          Message: 'instance worker-0 exited with code 137',
          StartTime: '2026-11-25T12:00:00Z',
          EndTime: '2026-11-25T12:01:30Z',
        },
      },
      'https://console/x',
    );
    expect(failed).toEqual({
      state: 'failed',
      platformStatus: 'Failed (PodOOMKilled)',
      message: 'Volcengine ML job Failed (PodOOMKilled): instance worker-0 exited with code 137 (https://console/x)',
      startedAt: Date.parse('2026-11-25T12:00:00Z'),
      finishedAt: Date.parse('2026-11-25T12:01:30Z'),
    });
    expect(volcJobStatus({ Id: 't-1', StopReason: 'cancelled by evalgate', Status: { State: 'Stopped' } }).message).toBe(
      'Volcengine ML job Stopped: cancelled by evalgate',
    );
  });
});

// ---------------------------------------------------------------------------------- the job body

describe('volc/job.json → CreateJob body', () => {
  it('renders every field, with the command wrapped and the mounts of the staged inputs', async () => {
    const { text, missing } = await renderVolcJob(job, 'demo', vars);
    expect(missing).toEqual([]);
    expect(createJobBody(text)).toEqual({
      Name: 'evalgate-acme-m-7-1-demo-accuracy_f1-1',
      Description: 'evalgate demo: accuracy_f1, shard 1 of 2',
      ProjectName: 'default',
      RuntimeConfig: {
        Image: { Url: 'vemlp-cn-beijing.cr.volces.com/ns/eval:1' },
        Command: wrapCommand(job.command, '/mnt/evalgate/code'),
        Envs: [
          { Name: 'SEED', Value: '1', IsPrivate: false },
          { Name: 'EVALGATE_OUT', Value: '/mnt/evalgate/out', IsPrivate: false },
          { Name: 'EVALGATE_SHARD_INDEX', Value: '1', IsPrivate: false },
        ],
        Framework: 'PyTorch',
      },
      ResourceConfig: {
        ResourceQueueId: 'q-123',
        MaxRuntimeSeconds: 150,
        Preemptible: false,
        Roles: [{ Name: 'worker', Replicas: 1, Resource: { InstanceTypeId: 'ml.g1e.large' } }],
      },
      StorageConfig: {
        Storages: [
          {
            Type: 'Tos',
            MountPath: '/mnt/evalgate/code',
            ReadOnly: true,
            Config: { Tos: { Bucket: 'evals', Prefix: 'evalgate/code/cc/' } },
          },
          {
            Type: 'Tos',
            MountPath: '/mnt/evalgate/model',
            ReadOnly: true,
            Config: { Tos: { Bucket: 'evals', Prefix: 'evalgate/cas/aa/' } },
          },
          { Type: 'Tos', MountPath: '/mnt/evalgate/data', ReadOnly: true, Config: { Tos: { Bucket: 'shared-data', Prefix: 'val/' } } },
          {
            Type: 'Tos',
            MountPath: '/mnt/evalgate/out',
            ReadOnly: false,
            Config: { Tos: { Bucket: 'evals', Prefix: 'evalgate/runs/evalgate-acme-m-7-1-demo-accuracy_f1-1/' } },
          },
        ],
      },
      RetryConfig: { MaxRetryTimes: 0 },
    });
  });

  it('leaves out the storages of inputs a job does not have, and takes a job’s own image and instance type', async () => {
    const own: PlannedJob = { ...job, image: 'own:2', resources: { instance_type: 'ml.gni2.3xlarge' } };
    const body = createJobBody((await renderVolcJob(own, 'demo', { ...vars, code: null, model: null, data: null })).text) as Record<
      string,
      any
    >;
    expect(body.StorageConfig.Storages.map((s: { MountPath: string }) => s.MountPath)).toEqual(['/mnt/evalgate/out']);
    expect(body.RuntimeConfig.Image.Url).toBe('own:2');
    expect(body.ResourceConfig.Roles[0].Resource.InstanceTypeId).toBe('ml.gni2.3xlarge');
    expect(body.RuntimeConfig.Command).not.toContain('cd ');
  });

  it('refuses a template that does not render to a JSON object', () => {
    expect(() => createJobBody('{"Name": }')).toThrow(/volc\/job.json does not render to JSON/);
    expect(() => createJobBody('[]')).toThrow('volc/job.json: expected a JSON object');
  });
});

// ------------------------------------------------------------------------------ the log wrapper

describe('the command wrapper', () => {
  /** runs a wrapped command the way the fake platform does: the mount paths replaced by local folders */
  function runWrapped(command: string, code?: string) {
    const root = tempDir();
    const out = path.join(root, 'out');
    const codeDir = path.join(root, 'code');
    mkdirSync(out);
    mkdirSync(codeDir);
    writeFileSync(path.join(codeDir, 'marker.txt'), 'in the code mount\n');
    const wrapped = wrapCommand(command, code).replaceAll('/mnt/evalgate/out', out).replaceAll('/mnt/evalgate/code', codeDir);
    const r = spawnSync('/bin/sh', ['-c', wrapped], { encoding: 'utf8' });
    let log: string | null = null;
    try {
      log = readFileSync(path.join(out, 'evalgate-log.txt'), 'utf8');
    } catch {
      // none
    }
    return { status: r.status, stdout: r.stdout, log };
  }

  it.each([
    ['success', 'echo out; echo err >&2', 0],
    ['an exit code', 'echo "loading"; echo "boom" >&2; exit 3', 3],
    ['a failing last command', 'false', 1],
    ['a signal', 'echo before; kill -TERM $$', 143],
    ['quotes and $', `printf '%s\\n' "it's \\$HOME" 'a"b'; exit 7`, 7],
  ])('keeps the exit code and the output: %s', (_name, command, status) => {
    const r = runWrapped(command, '/mnt/evalgate/code');
    expect(r.status).toBe(status);
    // the output goes to the platform's own log and to evalgate-log.txt alike
    expect(r.log).toBe(r.stdout);
  });

  it('writes stdout and stderr, runs from the code mount, and fails when it cannot get there', () => {
    const r = runWrapped('cat marker.txt; echo "to stderr" >&2; exit 5', '/mnt/evalgate/code');
    expect(r.status).toBe(5);
    expect(r.log).toBe('in the code mount\nto stderr\n');
    expect(runWrapped(`printf '%s\\n' "it's \\$HOME" 'a"b'`).log).toBe(`it's $HOME\na"b\n`);
    const noCode = runWrapped('true', '/nonexistent/evalgate/code');
    expect(noCode.status).not.toBe(0);
    expect(noCode.log).toMatch(/nonexistent/);
  });
});

// ------------------------------------------------------------------------------------ credentials

describe('credentials from the environment', () => {
  it.each([
    [
      { VOLCENGINE_ACCESS_KEY: 'AK1', VOLCENGINE_SECRET_KEY: 'SK1' },
      { accessKeyId: 'AK1', secretKey: 'SK1', source: 'VOLCENGINE_ACCESS_KEY/VOLCENGINE_SECRET_KEY' },
    ],
    [
      { VOLCENGINE_ACCESS_KEY: 'AK1', VOLCENGINE_SECRET_KEY: 'SK1\n', VOLCENGINE_SESSION_TOKEN: 'STS1' },
      { accessKeyId: 'AK1', secretKey: 'SK1', sessionToken: 'STS1', source: 'VOLCENGINE_ACCESS_KEY/VOLCENGINE_SECRET_KEY' },
    ],
    [
      { VOLC_ACCESSKEY: 'AK2', VOLC_SECRETKEY: 'SK2' },
      { accessKeyId: 'AK2', secretKey: 'SK2', source: 'VOLC_ACCESSKEY/VOLC_SECRETKEY' },
    ],
    [
      { VOLCENGINE_ACCESS_KEY: 'AK1', VOLCENGINE_SECRET_KEY: 'SK1', VOLC_ACCESSKEY: 'AK2', VOLC_SECRETKEY: 'SK2' },
      { accessKeyId: 'AK1', secretKey: 'SK1', source: 'VOLCENGINE_ACCESS_KEY/VOLCENGINE_SECRET_KEY' },
    ],
    [
      { VOLCENGINE_ACCESS_KEY: '', VOLCENGINE_SECRET_KEY: ' ', VOLC_ACCESSKEY: 'AK2', VOLC_SECRETKEY: 'SK2' },
      { accessKeyId: 'AK2', secretKey: 'SK2', source: 'VOLC_ACCESSKEY/VOLC_SECRETKEY' },
    ],
  ])('%j', (env, want) => {
    expect(volcCredentials(env)).toEqual(want);
  });

  it.each([
    [{}, /^no Volcengine credentials: set VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY .* or VOLC_ACCESSKEY and VOLC_SECRETKEY/],
    [{ VOLCENGINE_ACCESS_KEY: 'AK1' }, /^Volcengine credentials: VOLCENGINE_SECRET_KEY is not set \(VOLCENGINE_ACCESS_KEY is\); set both$/],
    [{ VOLC_SECRETKEY: 'a-secret' }, /^Volcengine credentials: VOLC_ACCESSKEY is not set \(VOLC_SECRETKEY is\); set both$/],
  ])('%j is refused with the variables to set', (env, message) => {
    let err: Error | undefined;
    try {
      volcCredentials(env);
    } catch (e) {
      err = e as Error;
    }
    expect(err?.message).toMatch(message);
    expect(err?.message).not.toContain('a-secret');
  });
});

// --------------------------------------------------------------------------------------- signing

describe('signing', () => {
  afterEach(() => vi.useRealTimers());

  // vendored from volcengine/volc-sdk-nodejs test/sign.test.ts: the SDK's own cases (its getSignUrl
  // vector, signature cut off as the SDK's test does, and X-Content-Sha256 of "hello world")
  it("matches the official SDK's test vectors", () => {
    const signer = new Signer(
      {
        method: 'POST',
        region: 'cn-north-1',
        params: { Action: 'AssumeRole', Version: '2018-01-01', RoleTrn: 'trn:iam::2000001050:role/STSRole', RoleSessionName: 'test' },
      },
      'sts',
    );
    const query = signer.getSignUrl({ accessKeyId: 'akfsrq251-9xaf44f-xxaff-fadbaa', secretKey: 'sk' }, new Date(1662609419724));
    expect(query.replace(/X-Signature=[^&]+/, 'X-Signature=')).toBe(
      'Action=AssumeRole&RoleSessionName=test&RoleTrn=trn%3Aiam%3A%3A2000001050%3Arole%2FSTSRole&Version=2018-01-01&X-Algorithm=HMAC-SHA256&X-Credential=akfsrq251-9xaf44f-xxaff-fadbaa%2F20220908%2Fcn-north-1%2Fsts%2Frequest&X-Date=20220908T035659Z&X-NotSignBody=&X-SignedHeaders=&X-SignedQueries=Action%3BRoleSessionName%3BRoleTrn%3BVersion%3BX-Algorithm%3BX-Credential%3BX-Date%3BX-NotSignBody%3BX-SignedHeaders&X-Signature=',
    );
    // the SDK's case sends a Buffer, which @volcengine/openapi 1.36.2 still JSON-stringifies before hashing;
    // evalgate signs the body as the string it sends, so the same bytes go in as a string here
    const request = {
      body: 'hello world',
      method: 'POST',
      region: 'cn-north-1',
      headers: { 'Content-Type': 'application/json' } as Record<string, string>,
    };
    new Signer(request, 'sts').addAuthorization({ accessKeyId: 'ak', secretKey: 'sk' });
    expect(request.headers['X-Content-Sha256']).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
  });

  it.each([
    { name: 'an AccessKey', sessionToken: undefined, signed: 'x-content-sha256;x-date' },
    { name: 'an STS key', sessionToken: 'STS2eyJ0ZXN0Ijp0cnVlfQ==', signed: 'x-content-sha256;x-date;x-security-token' },
  ])('signs each request as the gateway checks it ($name)', async ({ sessionToken, signed }) => {
    const now = new Date('2026-11-25T12:34:56.789Z');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    const seen: { url: string; headers: Record<string, string>; body: string }[] = [];
    const fake: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), headers: { ...(init!.headers as Record<string, string>) }, body: String(init!.body) });
      return new Response(JSON.stringify({ ResponseMetadata: { RequestId: 'r1' }, Result: { Id: 't-1' } }), { status: 200 });
    };
    const creds = {
      accessKeyId: 'AKLTvector',
      secretKey: 'c2VjcmV0LXZlY3Rvcg==',
      ...(sessionToken ? { sessionToken } : {}),
      source: 'test',
    };
    const api = new VolcOpenApi({
      endpoint: 'https://open.volcengineapi.com',
      region: 'cn-beijing',
      credentials: () => creds,
      fetch: fake,
    });
    const body = { Id: 't-20261125000000-abcde', Reason: "it's (done)!* 评测" };
    expect(await api.call('StopJob', body)).toEqual({ Id: 't-1' });
    const [req] = seen;
    expect(req!.url).toBe('https://open.volcengineapi.com/?Action=StopJob&Version=2024-07-01');
    const headers = Object.fromEntries(Object.entries(req!.headers).map(([k, v]) => [k.toLowerCase(), v]));
    expect(headers['x-date']).toBe(xDate(now));
    expect(headers['content-type']).toBe('application/json; charset=utf-8');
    // an independent implementation (the fake gateway's) of the canonical request and the key chain
    const canonical = canonicalRequest({
      method: 'POST',
      path: '/',
      query: canonicalQuery([
        ['Action', 'StopJob'],
        ['Version', '2024-07-01'],
      ]),
      signedHeaders: signed.split(';'),
      headers,
      payloadHash: headers['x-content-sha256']!,
    }) as string;
    const signature = signatureFor({
      algorithm: 'HMAC-SHA256',
      secret: creds.secretKey,
      datetime: xDate(now),
      date8: '20261125',
      region: 'cn-beijing',
      service: 'ml_platform',
      canonical,
    });
    expect(headers.authorization).toBe(
      `HMAC-SHA256 Credential=AKLTvector/20261125/cn-beijing/ml_platform/request, SignedHeaders=${signed}, Signature=${signature}`,
    );
    const verdict = verifyVolcAuth(
      { method: 'POST', url: new URL(req!.url).pathname + new URL(req!.url).search, headers, body: Buffer.from(req!.body) },
      { credentials: [creds], region: 'cn-beijing', service: 'ml_platform', skewMs: 60_000, now: () => now.getTime() },
      () => null,
    );
    expect(verdict).toEqual({ credential: creds });
  });
});

// ------------------------------------------------------------------------ retries and error answers

describe('retries and errors', () => {
  const envelope = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
    new Response(
      JSON.stringify({ ResponseMetadata: { RequestId: 'req-1', Action: 'GetJob', Error: { Code: code, Message: message, CodeN: 1 } } }),
      {
        status,
        headers,
      },
    );
  const client = (answers: Array<() => Response | Promise<Response>>, sleeps: number[]) => {
    let i = 0;
    const api = new VolcOpenApi({
      endpoint: 'https://x',
      region: 'cn-beijing',
      credentials: () => ({ accessKeyId: 'AK', secretKey: 'SK', source: 'VOLCENGINE_ACCESS_KEY/VOLCENGINE_SECRET_KEY' }),
      fetch: async () => answers[Math.min(i++, answers.length - 1)]!(),
      retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
    });
    return { api, calls: () => i };
  };
  const ok = () => new Response(JSON.stringify({ ResponseMetadata: { RequestId: 'r' }, Result: { Status: { State: 'Running' } } }));

  it('parses Retry-After as seconds or a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter('0.5')).toBe(500);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString(), Date.now())).toBeGreaterThan(8_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('backs off exponentially with jitter, and waits at least Retry-After', () => {
    expect([0, 1, 2, 3, 10].map((a) => retryDelayMs(a, {}, { random: () => 1 }))).toEqual([1000, 2000, 4000, 8000, 30_000]);
    expect([0, 1, 2].map((a) => retryDelayMs(a, {}, { random: () => 0 }))).toEqual([500, 1000, 2000]);
    expect(retryDelayMs(5, { retryAfterMs: 3000 }, { random: () => 0 })).toBe(3000);
    expect(retryDelayMs(0, { retryAfterMs: 3000 }, { random: () => 1 })).toBe(3600);
  });

  it('retries throttling (429 + Retry-After, FlowLimitExceeded), 5xx and resets, then answers', async () => {
    const sleeps: number[] = [];
    const { api, calls } = client(
      [
        () => envelope(429, 'FlowLimitExceeded', 'Request was denied due to flow limit exceeded.', { 'Retry-After': '2' }),
        () => envelope(503, 'ServiceUnavailableTemp', 'try later'),
        () => new Response('<html>bad gateway</html>', { status: 502 }),
        () => {
          throw new TypeError('fetch failed', { cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }) });
        },
        // throttling in the envelope with HTTP 200 is still throttling
        () => envelope(200, 'FlowLimitExceeded', 'slow down'),
        ok,
      ],
      sleeps,
    );
    expect(await api.call('GetJob', { Id: 't-1' })).toEqual({ Status: { State: 'Running' } });
    expect(calls()).toBe(6);
    expect(sleeps).toEqual([2200, 1500, 3000, 6000, 12_000]);
    expect(api.counts.get('GetJob')).toBe(6);
  });

  it('throws a permanent error at once with the action, the code and the message', async () => {
    const sleeps: number[] = [];
    const { api, calls } = client(
      [() => envelope(401, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.')],
      sleeps,
    );
    const e = (await api.call('GetJob', { Id: 't-1' }).catch((x: unknown) => x)) as VolcApiError;
    expect(e).toBeInstanceOf(VolcApiError);
    expect(e.message).toBe(
      'ml_platform GetJob: HTTP 401 SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided. [RequestId req-1] (the key from VOLCENGINE_ACCESS_KEY/VOLCENGINE_SECRET_KEY)',
    );
    expect([e.code, e.status, e.transient]).toEqual(['SignatureDoesNotMatch', 401, false]);
    expect(calls()).toBe(1);
    expect(sleeps).toEqual([]);
    const gateway = client(
      [() => new Response(JSON.stringify({ HTTPCode: 403, errorcode: 'AccessDenied', message: 'no permission' }), { status: 403 })],
      [],
    );
    await expect(gateway.api.call('ListJobs', {})).rejects.toThrow(
      'ml_platform ListJobs: HTTP 403 AccessDenied: no permission (the key from',
    );
    const notFound = client([() => envelope(404, 'NotFound', 'The job t-9 does not exist.')], []);
    await expect(notFound.api.call('GetJob', { Id: 't-9' })).rejects.toThrow(
      'ml_platform GetJob: HTTP 404 NotFound: The job t-9 does not exist. [RequestId req-1]',
    );
  });

  it('gives up after the last retry, and on a Retry-After too long to wait', async () => {
    const sleeps: number[] = [];
    const { api, calls } = client([() => envelope(500, 'InternalServiceError', 'oops')], sleeps);
    await expect(api.call('GetJob', { Id: 't-1' }, { maxRetries: 2 })).rejects.toThrow(
      'ml_platform GetJob: HTTP 500 InternalServiceError: oops',
    );
    expect(calls()).toBe(3);
    const long = client([() => envelope(429, 'FlowLimitExceeded', 'later', { 'Retry-After': '3600' })], []);
    await expect(long.api.call('GetJob', { Id: 't-1' })).rejects.toThrow('FlowLimitExceeded');
    expect(long.calls()).toBe(1);
  });

  it('withRetries ends early when beforeRetry finds the result', async () => {
    let n = 0;
    const got = await withRetries(
      async () => {
        n++;
        throw new Error('lost');
      },
      () => ({}),
      { sleep: async () => undefined },
      async () => 'found',
    );
    expect([got, n]).toEqual(['found', 1]);
  });

  it('a status read that keeps failing transiently answers the last known status, ten times, then fails', async () => {
    let answers = 0;
    const { config } = parseVolcConfig({ resource_queue_id: 'q', image: 'i', instance_type: 't', tos_bucket: 'evals' }, 'c.yml');
    const platform = new VolcPlatform({
      config: config!,
      env: { VOLCENGINE_ACCESS_KEY: 'AK', VOLCENGINE_SECRET_KEY: 'SK' },
      cwd: tempDir(),
      workDir: tempDir(),
      gate: 'g',
      retry: { maxRetries: 0 },
      fetch: async () =>
        answers++ === 0
          ? new Response(JSON.stringify({ ResponseMetadata: {}, Result: { Id: 't-1', Status: { State: 'Running' } } }))
          : envelope(429, 'FlowLimitExceeded', 'slow down'),
    });
    const handle = { job, id: 't-1' };
    expect(await platform.status(handle)).toMatchObject({ state: 'running', platformStatus: 'Running' });
    for (let i = 0; i < 9; i++) expect(await platform.status(handle)).toMatchObject({ state: 'running' });
    await expect(platform.status(handle)).rejects.toThrow('ml_platform GetJob: HTTP 429 FlowLimitExceeded: slow down');
  });

  it('stopVolcJob waits until Stopped, accepts Stopping at the deadline, and a finished job', async () => {
    const states = ['Running', 'Stopping', 'Stopped'];
    const actions: string[] = [];
    const api = new VolcOpenApi({
      endpoint: 'https://x',
      region: 'cn-beijing',
      credentials: () => ({ accessKeyId: 'AK', secretKey: 'SK', source: 's' }),
      fetch: async (url) => {
        const action = new URL(String(url)).searchParams.get('Action')!;
        actions.push(action);
        const Result = action === 'StopJob' ? { Id: 't-1' } : { Id: 't-1', Status: { State: states.shift() ?? 'Stopped' } };
        return new Response(JSON.stringify({ ResponseMetadata: {}, Result }));
      },
    });
    expect(await stopVolcJob(api, 't-1', { sleep: async () => undefined })).toBe('Stopped');
    expect(actions).toEqual(['StopJob', 'GetJob', 'GetJob', 'GetJob']);
    states.push('Stopping', 'Stopping');
    expect(await stopVolcJob(api, 't-1', { waitMs: 0, sleep: async () => undefined })).toBe('Stopping');
  });
});

// ---------------------------------------------------------------------------------------- dry run

describe('--dry-run', () => {
  it('renders each CreateJob body with content hashes computed locally, without a key or a request', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'model.onnx'), 'weights');
    mkdirSync(path.join(dir, 'eval'));
    writeFileSync(path.join(dir, 'eval', 'f1.py'), 'print(1)');
    const { config } = parseVolcConfig(
      {
        resource_queue_id: 'q-123',
        image: 'img:1',
        instance_type: 'ml.g1e.large',
        tos_bucket: 'evals',
        code: ['eval'],
        endpoint: 'http://127.0.0.1:9',
      },
      'c.yml',
    );
    const platform = new VolcPlatform({ config: config!, env: {}, cwd: dir, workDir: tempDir(), gate: 'nightly', dryRun: true });
    expect(await platform.stage('model.onnx', 'model')).toBe('/mnt/evalgate/model/model.onnx');
    expect(await platform.stage('s3://bucket/val/', 'data')).toBe('s3://bucket/val/');
    const loc = platform.locate('accuracy_f1', { index: 0, count: 1 }, 'n', {
      model: '/mnt/evalgate/model/model.onnx',
      data: 's3://bucket/val/',
    });
    expect(loc).toEqual({ model: '/mnt/evalgate/model/model.onnx', data: 's3://bucket/val/', out: '/mnt/evalgate/out' });
    const text = await platform.describe([{ ...job, name: 'evalgate-x-1-1-nightly-accuracy_f1-0', shard: { index: 0, count: 2 } }]);
    expect(text.split('\n')[0]).toBe('# evalgate-x-1-1-nightly-accuracy_f1-0 (accuracy_f1 1/2) from platforms/job_templates/volc/job.json');
    const body = JSON.parse(text.split('\n').slice(1).join('\n')) as Record<string, any>;
    expect(body.StorageConfig.Storages.map((s: Record<string, any>) => [s.MountPath, s.Config.Tos.Prefix])).toEqual([
      ['/mnt/evalgate/code', expect.stringMatching(/^evalgate\/code\/[0-9a-f]{64}\/$/)],
      ['/mnt/evalgate/model', expect.stringMatching(/^evalgate\/cas\/[0-9a-f]{64}\/$/)],
      ['/mnt/evalgate/out', 'evalgate/runs/evalgate-x-1-1-nightly-accuracy_f1-0/'],
    ]);
    expect(platform.requestCounts).toEqual({});
  });

  it('mounts a tos:// folder or the folder of a tos:// file', async () => {
    const { config } = parseVolcConfig({ resource_queue_id: 'q', image: 'i', instance_type: 't', tos_bucket: 'evals' }, 'c.yml');
    const platform = new VolcPlatform({ config: config!, env: {}, cwd: tempDir(), workDir: tempDir(), gate: 'g', dryRun: true });
    expect(await platform.stage('tos://models/llm/v3/model.safetensors', 'model')).toBe('/mnt/evalgate/model/model.safetensors');
    expect(await platform.stage('tos://datasets/val', 'data')).toBe('/mnt/evalgate/data');
    const body = (await platform.body(job)) as Record<string, any>;
    expect(body.StorageConfig.Storages.slice(0, 2).map((s: Record<string, any>) => s.Config.Tos)).toEqual([
      { Bucket: 'models', Prefix: 'llm/v3/' },
      { Bucket: 'datasets', Prefix: 'val/' },
    ]);
    expect(parseTosUri('tos://evals')).toEqual({ bucket: 'evals', key: '' });
    expect(() => parseTosUri('tos://no_such/x')).toThrow();
  });
});

describe('tail', () => {
  it('takes the last lines, without the final newline', () => {
    expect(tail('a\nb\nc\n', 2)).toBe('b\nc');
    expect(tail('a\nb', 5)).toBe('a\nb');
    expect(tail('', 5)).toBe('');
  });
});
