/**
 * `platform: bailian` end to end, in process through runPipeline, against the Alibaba Cloud fakes
 * (__tests__/fakes/alibaba.ts: PAI-DLC checking every ACS3-HMAC-SHA256 signature, whose jobs really
 * run their command with the OSS prefixes mounted; OSS checking V4 signatures; STS for OIDC).
 * The demo gated through PAI-DLC; a resubmission attaching; a failing job; a throttling storm;
 * cancel; OIDC from GitHub Actions; refused keys; the post step's cancel; `results: oss://…`.
 *
 * An opt-in live run against the real service: set ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET and
 * EVALGATE_BAILIAN_LIVE_CONFIG (an evalgate config with a `bailian` section whose image has node).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startFakeAlibaba, type FakeAlibaba } from './fakes/alibaba.js';
import { captureRuntime, killedRun, leftJobsIn, runCliAsync, tempDir } from './helpers.js';
import { parseConfig } from '../src/config/file.js';
import { resolveSettings, type Settings } from '../src/config/settings.js';
import { runPipeline, type RunResult } from '../src/run.js';
import { createBailianPlatform } from '../src/platforms/bailian/create.js';
import { cancelSavedBailian } from '../src/platforms/bailian/cancel-saved.js';
import type { PlannedJob } from '../src/core/plan.js';
import type { SavedJob } from '../src/platforms/platform.js';
import { downloadOss } from '../src/stores/oss.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUCKET = 'evalgate-ci';
const WORKSPACE = 'ws-evalgate';
const ROLE_ARN = 'acs:ram::1234567890123456:role/evalgate-ci';
const PROVIDER_ARN = 'acs:ram::1234567890123456:oidc-provider/github';
const TERMINAL = ['Succeeded', 'Failed', 'Stopped'];
const b64url = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: Record<string, unknown>): string => `${b64url({ alg: 'RS256', typ: 'JWT' })}.${b64url(claims)}.c2lnbmF0dXJl`;
const GOOD_TOKEN = jwt({
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:acme/models:ref:refs/heads/main',
  aud: 'sts.aliyuncs.com',
  exp: Math.floor(Date.now() / 1000) + 3600,
});
const TOXICITY = 'node examples/demo/eval/toxicity.mjs --model {model} --data {data} --out {out}';

let ali: FakeAlibaba;

beforeAll(async () => {
  ali = await startFakeAlibaba({
    buckets: [BUCKET],
    // small pages, so that every listing is followed to its end
    oss: { maxKeys: 2 },
    dlc: { stepMs: 30, defaultPageSize: 2, workspaces: [WORKSPACE], killGraceMs: 500 },
    sts: { oidcTokens: [GOOD_TOKEN], roleArn: ROLE_ARN, oidcProviderArn: PROVIDER_ARN },
  });
});
afterAll(async () => {
  await ali?.stop();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** the demo's config with a bailian section pointing at the fakes */
function bailianConfig(extra: Record<string, unknown> = {}, section: Record<string, unknown> = {}): string {
  const cfg = parseYaml(readFileSync(path.join(ROOT, 'examples/demo/evalgate.yml'), 'utf8')) as Record<string, unknown>;
  cfg.platform = 'bailian';
  cfg.bailian = {
    workspace_id: WORKSPACE,
    image: 'registry-vpc.cn-hangzhou.aliyuncs.com/evalgate/node:20',
    oss_bucket: BUCKET,
    code: ['examples/demo'],
    endpoint: ali.dlc.endpoint,
    protocol: 'HTTP',
    oss_endpoint: ali.oss.url,
    poll_interval_seconds: 0.05,
    ...section,
  };
  Object.assign(cfg, extra);
  return stringifyYaml(cfg);
}

function akEnv(runId: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY_ID,
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_ACCESS_KEY_SECRET,
    ...extra,
  };
}

function settingsOf(yamlText: string): Settings {
  const loaded = parseConfig(yamlText, 'bailian.yml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const { settings, problems } = resolveSettings({ out: tempDir() }, { flag: (n) => `--${n}`, defaultBaseline: 'none' }, loaded.config);
  expect(problems).toEqual([]);
  return settings;
}

/**
 * runPipeline with the bailian platform injected. Until run.ts drives bailian itself, its
 * dry-run-only branch for spec platforms intercepts `platform: bailian`; the settings handed to
 * runPipeline then name a platform it does not intercept (the injected one is used either way).
 */
async function run(yamlText: string, env: Record<string, string | undefined>, opts: { signal?: AbortSignal; live?: boolean } = {}) {
  const settings = settingsOf(yamlText);
  const rt = captureRuntime(ROOT, env);
  const workDir = path.resolve(ROOT, settings.out, 'jobs');
  // against the fakes: short backoffs and polls; live: the defaults
  const retry = opts.live ? undefined : { baseMs: 20, maxMs: 200 };
  const { platform, problems } = createBailianPlatform(settings, { cwd: ROOT, env, workDir, ...(retry ? { retry } : {}) });
  expect(problems).toEqual([]);
  const runnable = settings;
  const t0 = Date.now();
  const result: RunResult = await runPipeline(runnable, rt, {
    platform: platform!,
    maxPollMs: opts.live ? undefined : 250,
    signal: opts.signal,
  });
  let report: Record<string, any> | null = null;
  try {
    report = JSON.parse(readFileSync(path.join(settings.out, 'report.json'), 'utf8'));
  } catch {
    // no report
  }
  return {
    code: result.exitCode,
    stdout: rt.out.join(''),
    stderr: rt.err.join(''),
    report,
    seconds: (Date.now() - t0) / 1000,
    platform: platform!,
  };
}

const jobsOf = (runId: string) => ali.dlc.jobs().filter((j) => j.DisplayName.includes(`-${runId}-`));
const waitFor = async (check: () => boolean, ms = 30_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const toxicityOnly = (command = TOXICITY, more: Record<string, unknown> = {}) => ({
  indicators: ['toxicity'],
  thresholds: 'toxicity.toxic_ratio <= 0.005',
  jobs: { toxicity: { command, timeout_minutes: 2, ...more } },
});

describe('platform: bailian (PAI-DLC + OSS)', () => {
  it('gates the demo through PAI-DLC jobs, and a resubmission attaches to them', async () => {
    const dlcBefore = ali.dlc.requests.length;
    const ossBefore = ali.oss.requests.length;
    const violations = ali.dlc.violations.length + ali.oss.violations.length;
    const r = await run(bailianConfig(), akEnv('201'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.report!.verdict).toBe('pass');
    expect(Object.keys(r.report!.indicators).sort()).toEqual([
      'accuracy_f1',
      'latency_p99',
      'robustness_adv',
      'throughput_rps',
      'toxicity',
    ]);
    expect(r.report!.indicators.accuracy_f1).toMatchObject({ approximate: false, samples: 600 });
    expect(r.report!.jobs).toHaveLength(5);
    for (const j of r.report!.jobs) {
      expect(j.status).toBe('succeeded');
      expect(j.platform_id).toMatch(/^dlc[0-9a-z]+$/);
      expect(j.platform_url).toBe(
        `https://pai.console.aliyun.com/?regionId=cn-hangzhou&workspaceId=${WORKSPACE}#/dlc/jobs/${j.platform_id}/overview`,
      );
    }
    expect([...ali.dlc.violations, ...ali.oss.violations].length).toBe(violations);
    const jobs = jobsOf('201');
    expect(jobs).toHaveLength(5);
    expect(jobs.every((j) => j.Status === 'Succeeded' && j.runs === 1)).toBe(true);
    // the staged inputs and the code snapshot are content-addressed
    expect(ali.oss.keys(BUCKET, 'evalgate/cas/').some((k) => k.endsWith('/model.json'))).toBe(true);
    expect(ali.oss.keys(BUCKET, 'evalgate/code/').some((k) => k.endsWith('/examples/demo/eval/f1.mjs'))).toBe(true);

    // the request cost of one run, for the README
    const dlcReqs = ali.dlc.requests.slice(dlcBefore);
    const ossReqs = ali.oss.requests.slice(ossBefore);
    const by = (list: Array<{ action?: string; op?: string }>) =>
      Object.entries(
        list.reduce<Record<string, number>>((m, q) => ((m[q.action ?? q.op ?? '?'] = (m[q.action ?? q.op ?? '?'] ?? 0) + 1), m), {}),
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    console.log(
      `bailian demo: ${r.seconds.toFixed(1)} s for 5 jobs; PAI-DLC ${dlcReqs.length} requests (${by(dlcReqs)}); OSS ${ossReqs.length} (${by(ossReqs)})`,
    );
    expect(dlcReqs.filter((q) => q.action === 'CreateJob')).toHaveLength(5);
    expect(dlcReqs.filter((q) => q.action === 'ListJobs').length).toBeGreaterThanOrEqual(5);

    // the same run id again (a retried step): every job is found by its name, none runs twice, nothing is uploaded again
    const dlcAgain = ali.dlc.requests.length;
    const ossAgain = ali.oss.requests.length;
    const again = await run(bailianConfig(), akEnv('201'));
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.report!.verdict).toBe('pass');
    expect(jobsOf('201')).toHaveLength(5);
    expect(jobsOf('201').every((j) => j.runs === 1)).toBe(true);
    console.log(
      `bailian demo, resubmitted: PAI-DLC ${ali.dlc.requests.length - dlcAgain} requests (${by(ali.dlc.requests.slice(dlcAgain))}); ` +
        `OSS ${ali.oss.requests.length - ossAgain} (${by(ali.oss.requests.slice(ossAgain))})`,
    );
    expect(ali.dlc.requests.slice(dlcAgain).filter((q) => q.action === 'CreateJob')).toEqual([]);
    expect(ali.oss.requests.slice(ossAgain).filter((q) => q.op === 'PutObject')).toEqual([]);
    expect([...ali.dlc.violations, ...ali.oss.violations].length).toBe(violations);
  });

  it('a failing job fails the run with its reason, console link and the tail of its pod log', async () => {
    const r = await run(bailianConfig(toxicityOnly('echo "loading model"; echo "CUDA out of memory" >&2; exit 3')), akEnv('202'));
    expect(r.code).toBe(3);
    expect(r.report!.verdict).toBe('fail');
    const id = jobsOf('202')[0]!.JobId;
    expect(r.report!.jobs[0]).toMatchObject({ status: 'failed', platform_id: id });
    expect(r.stderr).toContain(
      `error: job evalgate-acme-models-202-1-demo-toxicity-0 (toxicity) failed: PAI-DLC job Failed: JobFailed: Pod ${id}-worker-0 (Worker) exited with code 3. (https://pai.console.aliyun.com/`,
    );
    expect(r.stderr).toContain('  | loading model\n');
    expect(r.stderr).toContain('  | CUDA out of memory\n');
    expect(jobsOf('202').map((j) => j.Status)).toEqual(['Failed']);
  });

  it('survives a throttling storm and a run of 503s without failing a job', async () => {
    ali.dlc.failNext(5); // Throttling.User on the first PAI-DLC requests: ListJobs, CreateJob
    const from = ali.dlc.requests.length;
    const storm = waitFor(() => jobsOf('203')[0]?.Status === 'Running').then(() =>
      // more 503s in a row than one request retries: a status read then reports the last known status
      ali.dlc.failNext(12, { status: 503, code: 'ServiceUnavailable', message: 'The service is unavailable.' }),
    );
    const r = await run(bailianConfig(toxicityOnly(`sleep 1; ${TOXICITY}`)), akEnv('203'));
    await storm;
    // a list read that fails through its retries is one warning and is read again on the next poll
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('warning: the bailian job list could not be read'))).toEqual([]);
    expect(r.code).toBe(0);
    const mine = ali.dlc.requests.slice(from);
    expect(mine.filter((q) => q.code === 'Throttling.User')).toHaveLength(5);
    expect(mine.filter((q) => q.code === 'ServiceUnavailable')).toHaveLength(12);
    expect(jobsOf('203').map((j) => [j.Status, j.runs])).toEqual([['Succeeded', 1]]);
  });

  it('cancelling the run stops every job it started: none is left in a non-terminal state', async () => {
    const ac = new AbortController();
    const running = run(bailianConfig(toxicityOnly('sleep 300', { shards: 3 })), akEnv('204'), { signal: ac.signal });
    await waitFor(() => jobsOf('204').length === 3 && jobsOf('204').every((j) => j.Status === 'Running'));
    ac.abort();
    const r = await running;
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('run cancelled; 3 job(s) cancelled');
    expect(jobsOf('204').map((j) => j.Status)).toEqual(['Stopped', 'Stopped', 'Stopped']);
    expect(ali.dlc.jobs().filter((j) => !TERMINAL.includes(j.Status))).toEqual([]);
  });

  it('a job found Stopped under its name (a cancelled run) is submitted again as <name>-r2; a re-run of the re-run attaches to -r2', async () => {
    const ac = new AbortController();
    const cancelled = run(bailianConfig(toxicityOnly('sleep 300')), akEnv('att183'), { signal: ac.signal });
    await waitFor(() => jobsOf('att183')[0]?.Status === 'Running');
    ac.abort();
    expect((await cancelled).code).toBe(3);
    const name = 'evalgate-acme-models-att183-1-demo-toxicity-0';
    const r = await run(bailianConfig(toxicityOnly()), akEnv('att183'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = () => jobsOf('att183').map((j) => [j.DisplayName, j.Status, j.runs]);
    expect(summary()).toEqual([
      [name, 'Stopped', 1],
      [`${name}-r2`, 'Succeeded', 1],
    ]);
    const second = jobsOf('att183')[1]!;
    expect(r.report!.jobs[0]).toMatchObject({ status: 'succeeded', platform_id: second.JobId });
    const again = await run(bailianConfig(toxicityOnly()), akEnv('att183'));
    expect(again.code).toBe(0);
    expect(again.report!.jobs[0]).toMatchObject({ status: 'succeeded', platform_id: second.JobId });
    expect(summary()).toEqual([
      [name, 'Stopped', 1],
      [`${name}-r2`, 'Succeeded', 1],
    ]);
  });

  it('signs in with the workflow OIDC token (no AccessKey): STS keys run the jobs', async () => {
    const audiences: string[] = [];
    const srv = await tokenServer((aud) => (audiences.push(aud), GOOD_TOKEN));
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', srv.url);
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'id-request-token');
    const env = akEnv('205', {
      ALIBABA_CLOUD_ACCESS_KEY_ID: undefined,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined,
      ACTIONS_ID_TOKEN_REQUEST_URL: srv.url,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-request-token',
    });
    const dlcFrom = ali.dlc.requests.length;
    const ossFrom = ali.oss.requests.length;
    const issued = ali.sts!.issued.length;
    try {
      const r = await run(
        bailianConfig(toxicityOnly(), { oidc_role_arn: ROLE_ARN, oidc_provider_arn: PROVIDER_ARN, sts_endpoint: ali.sts!.endpoint }),
        env,
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    } finally {
      srv.close();
    }
    expect(audiences).toEqual(['sts.aliyuncs.com']);
    const keys = ali.sts!.issued.slice(issued);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.roleSessionName).toBe('evalgate-205-1');
    const sts = keys[0]!.accessKeyId;
    expect(sts).toMatch(/^STS\./);
    expect(ali.dlc.requests.slice(dlcFrom).every((q) => q.accessKeyId === sts && q.status === 200)).toBe(true);
    expect(ali.oss.requests.slice(ossFrom).every((q) => q.accessKeyId === sts && q.status === 200)).toBe(true);
  });

  it("a token STS refuses is one message in STS's words", async () => {
    const srv = await tokenServer(() => jwt({ iss: 'https://token.actions.githubusercontent.com', aud: 'sts.aliyuncs.com', sub: 'x' }));
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_URL', srv.url);
    vi.stubEnv('ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'id-request-token');
    const env = akEnv('206', {
      ALIBABA_CLOUD_ACCESS_KEY_ID: undefined,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined,
      ACTIONS_ID_TOKEN_REQUEST_URL: srv.url,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-request-token',
    });
    try {
      const r = await run(
        bailianConfig(toxicityOnly(), { oidc_role_arn: ROLE_ARN, oidc_provider_arn: PROVIDER_ARN, sts_endpoint: ali.sts!.endpoint }),
        env,
      );
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(
        /^error: \w+: Alibaba Cloud sign-in with GitHub OIDC \(role acs:ram::1234567890123456:role\/evalgate-ci\) failed: STS AssumeRoleWithOIDC: AuthenticationFail\.OIDCToken\.InvalidSignature: OIDC token validate failed: invalid signature\./m,
      );
      expect(jobsOf('206')).toEqual([]);
    } finally {
      srv.close();
    }
  });

  it.each([
    ['OSS (staging comes first)', false],
    ['PAI-DLC (nothing to stage)', true],
  ])('no credential at all is one message naming what was looked for, at %s', async (_name, nothingToStage) => {
    const cfg = parseYaml(bailianConfig(toxicityOnly())) as Record<string, any>;
    if (nothingToStage) {
      delete cfg.model;
      delete cfg.data;
      delete cfg.bailian.code;
      cfg.jobs.toxicity.command = 'true';
    }
    const env = akEnv('207', { ALIBABA_CLOUD_ACCESS_KEY_ID: undefined, ALIBABA_CLOUD_ACCESS_KEY_SECRET: undefined });
    const r = await run(stringifyYaml(cfg), env);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^error: \w+: no Alibaba Cloud credential: set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET .*bailian\.oidc_role_arn and bailian\.oidc_provider_arn .*ALIBABA_CLOUD_OIDC_TOKEN_FILE$/m,
    );
  });

  it.each([
    [
      'a wrong secret, at OSS (staging comes first)',
      { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret-123' },
      false,
      /OSS ListObjectsV2 oss:\/\/evalgate-ci\/evalgate\/cas\/[0-9a-f]{64}\/: 403 SignatureDoesNotMatch: The request signature we calculated does not match/,
    ],
    [
      'a wrong secret, at PAI-DLC',
      { ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'not-the-secret-123' },
      true,
      /PAI-DLC ListJobs: 400 SignatureDoesNotMatch: Specified signature is not matched with our calculation/,
    ],
    [
      'an unknown key',
      { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAI5tNoSuchKey000000000' },
      true,
      /PAI-DLC ListJobs: 404 InvalidAccessKeyId\.NotFound: Specified access key is not found\. \(request id [0-9A-F-]{36}\)/,
    ],
  ])('%s is refused at once in Alibaba Cloud’s words, and the secret is never printed', async (_name, over, nothingToStage, message) => {
    const cfg = parseYaml(bailianConfig(toxicityOnly('true'))) as Record<string, any>;
    if (nothingToStage) {
      // no model, data or code: the first request is PAI-DLC's
      delete cfg.model;
      delete cfg.data;
      delete cfg.bailian.code;
    }
    const t0 = Date.now();
    const r = await run(stringifyYaml(cfg), akEnv('208', over));
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(message);
    expect(Date.now() - t0).toBeLessThan(5000); // no retries of a permanent error
    expect(r.stderr + r.stdout + JSON.stringify(r.report)).not.toContain('not-the-secret-123');
    expect(r.report!.warnings[0]).toMatch(message);
    expect(jobsOf('208')).toEqual([]);
  });

  it('the post step stops a job a killed main step left running, signing in again', async () => {
    const settings = settingsOf(bailianConfig(toxicityOnly('sleep 300')));
    const env = akEnv('209');
    const { platform } = createBailianPlatform(settings, { cwd: ROOT, env, workDir: tempDir() });
    const job: PlannedJob = {
      key: 'toxicity',
      indicators: ['toxicity'],
      shard: { index: 0, count: 1 },
      name: 'evalgate-acme-models-209-1-demo-toxicity-0',
      command: 'sleep 300',
      env: {},
      timeoutMinutes: 5,
      resources: {},
    };
    const handle = await platform!.submit(job);
    const saved: SavedJob = JSON.parse(JSON.stringify(platform!.saved(handle)));
    expect(saved).toEqual({
      platform: 'bailian',
      name: job.name,
      id: handle.id,
      region: 'cn-hangzhou',
      workspace_id: WORKSPACE,
      endpoint: ali.dlc.endpoint,
      protocol: 'HTTP',
      api_version: '2020-12-03',
    });
    await platform!.close();
    await waitFor(() => ali.dlc.job(handle.id)?.Status === 'Running');
    const out = await cancelSavedBailian([saved], env);
    expect(out.map((o) => [o.result, o.detail])).toEqual([
      ['cancelled', `PAI-DLC job ${handle.id} in workspace ${WORKSPACE} (cn-hangzhou)`],
    ]);
    expect(ali.dlc.job(handle.id)!.Status).toBe('Stopped');
    // a second post step (or a job that ended meanwhile) is not an error
    expect((await cancelSavedBailian([saved], env)).map((o) => o.result)).toEqual(['cancelled']);
  });
});

describe('results: oss://<bucket>/<prefix>', () => {
  it('downloads the .json objects of a paged listing and refuses names that escape', async () => {
    for (const [k, v] of Object.entries({
      'results/pr-7/accuracy_f1.json': '{"a":1}',
      'results/pr-7/shard-1/latency_p99.json': '{"b":2}',
      'results/pr-7/notes.txt': 'not an indicator',
      'results/pr-7/../escape.json': '{"evil":true}',
      'results/pr-7//double.json': '{"evil":true}',
      'results/pr-70/other.json': '{"c":3}',
    }))
      ali.oss.put(BUCKET, k, v);
    const dest = tempDir();
    const from = ali.oss.requests.length;
    const env = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: DEFAULT_ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEFAULT_ACCESS_KEY_SECRET,
      ALIBABA_CLOUD_OSS_ENDPOINT: ali.oss.url,
    };
    const got = await downloadOss(`oss://${BUCKET}/results/pr-7`, dest, env);
    expect(got.files.map((f) => path.relative(dest, f))).toEqual(['accuracy_f1.json', path.join('shard-1', 'latency_p99.json')]);
    expect(got.refused.sort()).toEqual(['results/pr-7/../escape.json', 'results/pr-7//double.json']);
    expect(readFileSync(path.join(dest, 'accuracy_f1.json'), 'utf8')).toBe('{"a":1}');
    // two keys a page: the continuation token was followed
    expect(ali.oss.requests.slice(from).filter((q) => q.op === 'ListObjectsV2').length).toBeGreaterThan(1);
    await expect(downloadOss(`oss://${BUCKET}/results/pr-7/`, dest, { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'wrong' })).rejects.toThrow(
      /OSS ListObjectsV2 oss:\/\/evalgate-ci\/results\/pr-7\/: 403 SignatureDoesNotMatch/,
    );
    await expect(downloadOss(`oss://${BUCKET}/x`, dest, {})).rejects.toThrow(/no Alibaba Cloud credential/);
  });
});

const live = process.env.ALIBABA_CLOUD_ACCESS_KEY_ID && process.env.EVALGATE_BAILIAN_LIVE_CONFIG;
describe.skipIf(!live)('live PAI-DLC (opt-in: EVALGATE_BAILIAN_LIVE_CONFIG)', () => {
  it(
    'runs the given config on the real service',
    async () => {
      const text = readFileSync(path.resolve(ROOT, process.env.EVALGATE_BAILIAN_LIVE_CONFIG!), 'utf8');
      const r = await run(text, { ...process.env, EVALGATE_RUN_ID: `live${Date.now()}` }, { live: true });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      for (const j of r.report!.jobs) expect(j.status).toBe('succeeded');
    },
    60 * 60_000,
  );
});

/** the Actions ID-token service: GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=… with the request token → {"value": <jwt>} */
async function tokenServer(token: (audience: string) => string): Promise<{ url: string; close(): void }> {
  const srv: Server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (req.headers.authorization !== 'Bearer id-request-token') return void res.writeHead(401).end();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ value: token(url.searchParams.get('audience') ?? '') }));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(srv.address() as { port: number }).port}/token?api-version=2.0`, close: () => srv.close() };
}

describe('platform: bailian from the bundled CLI, as a user runs it', () => {
  it('gates the demo through PAI-DLC jobs (dist/cli: the bundled SDKs really sign and send)', async () => {
    const file = path.join(tempDir(), 'bailian.yml');
    writeFileSync(file, bailianConfig());
    // what earlier tests provoked on purpose (a wrong key) stays out of this test's count
    const before = { dlc: ali.dlc.violations.length, oss: ali.oss.violations.length };
    const r = await runCliAsync(['run', '--config', file], { cwd: ROOT, env: akEnv('cli1') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.report!.verdict).toBe('pass');
    expect(r.report!.jobs).toHaveLength(5);
    expect(r.report!.jobs.every((j: { status: string }) => j.status === 'succeeded')).toBe(true);
    const mine = ali.dlc.jobs().filter((j) => j.DisplayName.includes('-cli1-'));
    expect(mine.every((j) => j.Status === 'Succeeded' && j.runs === 1)).toBe(true);
    expect(ali.dlc.violations.slice(before.dlc)).toEqual([]);
    expect(ali.oss.violations.slice(before.oss)).toEqual([]);
  });
});

describe('platform: bailian: a re-run picks up what a SIGKILLed CLI left in its --out', () => {
  /** two shards that run until the test creates `go` (an absolute path: the job runs in the fake's own folder) */
  const waiting = (go: string) => {
    const file = path.join(tempDir(), 'bailian.yml');
    const command = `while [ ! -f ${go} ]; do sleep 0.1; done; printf '{"indicator":"toxicity","toxic_ratio":0.1,"total_samples":100}' > {out}/toxicity.json`;
    writeFileSync(file, bailianConfig({ ...toxicityOnly(command, { shards: 2 }), thresholds: 'toxicity.toxic_ratio <= 0.5' }));
    return file;
  };
  const killed = (runId: string, out: string, go: string) =>
    killedRun(['run', '--config', waiting(go)], {
      cwd: ROOT,
      env: akEnv(runId),
      out,
      count: 2,
      running: () => jobsOf(runId).length === 2 && jobsOf(runId).every((j) => j.Status === 'Running'),
    });

  it('the same run id: the re-run attaches to both jobs (each created and run once) and the record is gone', async () => {
    const out = tempDir();
    const go = path.join(tempDir(), 'go');
    const left = await killed('rr1', out, go);
    expect(left.run_id).toBe('rr1');
    expect(left.jobs.map((j) => j.platform)).toEqual(['bailian', 'bailian']);
    expect(jobsOf('rr1').map((j) => j.Status)).toEqual(['Running', 'Running']);

    writeFileSync(go, '');
    const again = await runCliAsync(['run', '--config', waiting(go)], { cwd: ROOT, env: akEnv('rr1'), out });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/an earlier run here \(run id rr1, pid \d+\) ended with 2 job\(s\) still recorded as running: attaching to 2, cancelling 0/);
    for (const j of left.jobs) expect(again.stderr).toContain(`evalgate: job ${j.name}: attaching`);
    expect(again.report!.jobs.map((j: { status: string; platform_id: string }) => [j.status, j.platform_id])).toEqual(
      left.jobs.map((j) => ['succeeded', j.id]),
    );
    // one PAI-DLC job per name (none created twice), each command started once
    expect(jobsOf('rr1').map((j) => [j.JobId, j.Status, j.runs])).toEqual(left.jobs.map((j) => [j.id, 'Succeeded', 1]));
    expect(leftJobsIn(out)).toBeNull();
  });

  it('another run id: the re-run stops both (Stopped on PAI-DLC), names each, and runs its own jobs', async () => {
    const out = tempDir();
    const left = await killed('rr2', out, path.join(tempDir(), 'never'));
    expect(jobsOf('rr2').map((j) => j.Status)).toEqual(['Running', 'Running']);

    const go = path.join(tempDir(), 'go');
    writeFileSync(go, '');
    const next = await runCliAsync(['run', '--config', waiting(go)], { cwd: ROOT, env: akEnv('rr3'), out });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/an earlier run here \(run id rr2, pid \d+\) ended with 2 job\(s\) still recorded as running: attaching to 0, cancelling 2/);
    for (const j of left.jobs)
      expect(next.stderr).toContain(`evalgate: job ${j.name} (left by run rr2): cancelled (PAI-DLC job ${j.id} in workspace ${WORKSPACE} (cn-hangzhou))`);
    expect(jobsOf('rr2').map((j) => j.Status)).toEqual(['Stopped', 'Stopped']);
    expect(jobsOf('rr3').map((j) => [j.Status, j.runs])).toEqual([
      ['Succeeded', 1],
      ['Succeeded', 1],
    ]);
    expect(next.report!.verdict).toBe('pass');
    expect(leftJobsIn(out)).toBeNull();
  });
});
