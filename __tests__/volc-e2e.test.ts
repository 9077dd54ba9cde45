/**
 * `platform: volc` end to end, in process: runPipeline with the volc adapter against a fake
 * Volcano Engine ML platform (2024-07-01, signature checked; jobs really run their command with the
 * TOS mounts simulated: __tests__/fakes/volc-ml.ts) and a fake TOS. The demo gated through ML
 * platform jobs; a resubmission attaching; a failing job with its log tail; a throttling storm;
 * cancel; missing and refused keys; the post step's cancel; `results: tos://…`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTos, type FakeTos } from './fakes/tos.js';
import { startFakeVolcMl, TERMINAL_STATES, type FakeVolcMl } from './fakes/volc-ml.js';
import { DEFAULT_VOLC_CREDENTIAL } from './fakes/volc.js';
import { captureRuntime, killedRun, leftJobsIn, runCliAsync, tempDir } from './helpers.js';
import { parseConfig } from '../src/config/file.js';
import { resolveSettings, type Settings } from '../src/config/settings.js';
import { formatProblem } from '../src/core/problem.js';
import { runPipeline, type RunOptions } from '../src/run.js';
import { createVolcPlatform } from '../src/platforms/volc/create.js';
import { parseVolcConfig } from '../src/platforms/volc/config.js';
import { VolcPlatform } from '../src/platforms/volc/volc.js';
import { cancelSavedVolc } from '../src/platforms/volc/cancel-saved.js';
import { downloadTos } from '../src/stores/tos.js';
import { plan, runIdentity, type PlannedJob } from '../src/core/plan.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const BUCKET = 'evalgate-e2e';
const KEY = DEFAULT_VOLC_CREDENTIAL;
const SECRET_MARK = 'not-the-secret-4711';
// Until run.ts routes `volc` to this adapter, its spec-only branch (src/platforms/specs.ts) answers
// settings.platform "volc" before an injected platform is looked at; the runs here name it otherwise
// until then (then: "volc").
const PLATFORM = 'volc';

let tos: FakeTos;
let ml: FakeVolcMl;

beforeAll(async () => {
  // one Volcengine key signs both the OpenAPI and TOS, as on the real cloud
  tos = await startFakeTos({
    buckets: [BUCKET],
    credentials: [{ accessKeyId: KEY.accessKeyId, accessKeySecret: KEY.secretKey }],
    maxListPage: 4,
  });
  ml = await startFakeVolcMl({ tos, stepMs: 30, stopGraceMs: 1_000 });
});
afterAll(async () => {
  await ml?.stop();
  await tos?.stop();
});

function env(runId: string, extra: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH ?? '',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    VOLCENGINE_ACCESS_KEY: KEY.accessKeyId,
    VOLCENGINE_SECRET_KEY: KEY.secretKey,
    ...extra,
  };
}

/** the demo's config with a volc section pointing at the fakes, as Settings */
function volcSettings(extra: Record<string, unknown> = {}, volc: Record<string, unknown> = {}): Settings {
  const cfg = parseYaml(readFileSync(path.join(ROOT, 'examples/demo/evalgate.yml'), 'utf8')) as Record<string, unknown>;
  cfg.platform = 'volc';
  cfg.volc = {
    resource_queue_id: 'q-20261125000000-evalg',
    image: 'vemlp-cn-beijing.cr.volces.com/evalgate/node:20',
    instance_type: 'ml.g1e.large',
    tos_bucket: BUCKET,
    code: ['examples/demo'],
    poll_interval_seconds: 0.1,
    endpoint: ml.url,
    tos_endpoint: tos.url,
    ...volc,
  };
  Object.assign(cfg, extra);
  const file = path.join(tempDir(), 'volc.yml');
  const text = stringifyYaml(cfg);
  writeFileSync(file, text);
  const loaded = parseConfig(text, file);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const { settings, problems } = resolveSettings({ out: tempDir() }, { flag: (n) => `--${n}`, defaultBaseline: 'none' }, loaded.config);
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  return { ...settings, platform: PLATFORM };
}

async function run(settings: Settings, e: Record<string, string | undefined>, opts: RunOptions = {}) {
  const rt = captureRuntime(ROOT, e);
  const created = createVolcPlatform(settings, { cwd: ROOT, env: e, workDir: path.resolve(ROOT, settings.out, 'jobs') });
  if (!created.platform) throw new Error(created.problems.map(formatProblem).join('\n'));
  const t0 = Date.now();
  const result = await runPipeline(settings, rt, { maxPollMs: 300, ...opts, platform: created.platform });
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
    platform: created.platform,
  };
}

const jobsOf = (runId: string) => ml.jobs().filter((j) => j.Name.includes(`-${runId}-`));
const toxicityOnly = {
  indicators: ['toxicity'],
  thresholds: 'toxicity.toxic_ratio <= 0.005',
  jobs: { toxicity: { command: 'node examples/demo/eval/toxicity.mjs --model {model} --data {data} --out {out}' } },
};
const waitFor = async (what: string, check: () => boolean, ms = 30_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('platform: volc', () => {
  it('gates the demo through ML platform jobs, and a resubmission attaches to them', async () => {
    const mlBefore = ml.requests.length;
    const tosBefore = tos.requests.length;
    const r = await run(volcSettings(), env('201'));
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
    // two shards merged from their counts, not averaged
    expect(r.report!.indicators.accuracy_f1).toMatchObject({ approximate: false, samples: 600 });
    expect(r.report!.indicators.accuracy_f1.sources).toHaveLength(2);
    expect(r.report!.jobs).toHaveLength(5);
    for (const j of r.report!.jobs) {
      expect(j.status).toBe('succeeded');
      expect(j.platform_id).toMatch(/^t-\d{14}-[a-z0-9]{5}$/);
      expect(j.platform_url).toBe(
        `https://console.volcengine.com/ml-platform/region:ml-platform+cn-beijing/task/detail?Id=${j.platform_id}`,
      );
    }
    expect(ml.violations).toEqual([]);
    expect(tos.violations).toEqual([]);
    const jobs = jobsOf('201');
    expect(jobs).toHaveLength(5);
    expect(jobs.every((j) => j.State === 'Completed' && j.runs === 1 && j.exitCode === 0)).toBe(true);
    // what a job was given: code, model and data mounted read-only, the output read-write, the command from the code mount
    const body = ml.job(jobs.find((j) => j.Name.endsWith('-demo-accuracy_f1-1'))!.Id)!.body as Record<string, any>;
    expect(body.StorageConfig.Storages.map((s: Record<string, any>) => [s.MountPath, s.ReadOnly, s.Config.Tos.Prefix])).toEqual([
      ['/mnt/evalgate/code', true, expect.stringMatching(/^evalgate\/code\/[0-9a-f]{64}\/$/)],
      ['/mnt/evalgate/model', true, expect.stringMatching(/^evalgate\/cas\/[0-9a-f]{64}\/$/)],
      ['/mnt/evalgate/data', true, expect.stringMatching(/^evalgate\/cas\/[0-9a-f]{64}\/$/)],
      ['/mnt/evalgate/out', false, 'evalgate/runs/evalgate-acme-models-201-1-demo-accuracy_f1-1/'],
    ]);
    // placeholders reach the command as environment variables, never spliced into it
    expect(body.RuntimeConfig.Command).toContain('cd /mnt/evalgate/code && /bin/sh -c ');
    expect(body.RuntimeConfig.Command).toContain('--model "${EVALGATE_MODEL}" --data "${EVALGATE_DATA}" --out "${EVALGATE_OUT}"');
    expect(body.RuntimeConfig.Envs).toEqual(
      expect.arrayContaining([
        { Name: 'EVALGATE_MODEL', Value: '/mnt/evalgate/model/model.json', IsPrivate: false },
        { Name: 'EVALGATE_DATA', Value: '/mnt/evalgate/data', IsPrivate: false },
        { Name: 'EVALGATE_OUT', Value: '/mnt/evalgate/out', IsPrivate: false },
      ]),
    );
    expect(body.RuntimeConfig.Envs).toContainEqual({ Name: 'EVALGATE_SHARD_INDEX', Value: '1', IsPrivate: false });
    expect(tos.keys(BUCKET, 'evalgate/runs/evalgate-acme-models-201-1-demo-toxicity-0/')).toContain(
      'evalgate/runs/evalgate-acme-models-201-1-demo-toxicity-0/evalgate-log.txt',
    );

    // the request cost of one run: per job one ListJobs (attach?) and one CreateJob; status from
    // ListJobs pages of the run's jobs (statusMany), GetJob only for a job the list left out
    const mine = ml.requests.slice(mlBefore);
    const count = (action: string) => mine.filter((q) => q.action === action).length;
    expect(r.platform.requestCounts).toMatchObject({ CreateJob: 5, 'TOS ListObjectsType2': 8 });
    expect(count('ListJobs')).toBeGreaterThan(5);
    expect(count('GetJob')).toBeLessThanOrEqual(5);
    expect(count('CreateJob')).toBe(5);
    expect(mine.every((q) => q.status === 200)).toBe(true);
    const tosOps = new Map<string, number>();
    for (const q of tos.requests.slice(tosBefore)) tosOps.set(q.op, (tosOps.get(q.op) ?? 0) + 1);
    console.log(
      `volc demo: ${r.seconds.toFixed(1)} s; ML platform requests ${mine.length} for 5 jobs: ListJobs ${count('ListJobs')}, ` +
        `CreateJob ${count('CreateJob')}, GetJob ${count('GetJob')}; TOS requests ${tos.requests.length - tosBefore}: ` +
        [...tosOps].map(([op, n]) => `${op} ${n}`).join(', '),
    );

    // the same run id again (a retried step): every job is found by its name, none runs twice, nothing is uploaded again
    const tosAgain = tos.requests.length;
    const again = await run(volcSettings(), env('201'));
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.report!.verdict).toBe('pass');
    expect(jobsOf('201')).toHaveLength(5);
    expect(jobsOf('201').every((j) => j.runs === 1)).toBe(true);
    expect(tos.requests.slice(tosAgain).filter((q) => q.op === 'PutObject')).toEqual([]);
    expect(again.report!.jobs.map((j: { platform_id: string }) => j.platform_id).sort()).toEqual(
      r.report!.jobs.map((j: { platform_id: string }) => j.platform_id).sort(),
    );
    expect(ml.violations).toEqual([]);
  });

  it('a failing job fails the run with its status message and the tail of its log (written by the job to its output)', async () => {
    const r = await run(
      volcSettings({
        indicators: ['toxicity'],
        thresholds: 'toxicity.toxic_ratio <= 0.005',
        jobs: { toxicity: { command: 'seq 1 80000 | sed "s/^/loading shard /"; echo "CUDA out of memory" >&2; exit 3' } },
      }),
      env('202'),
    );
    expect(r.code).toBe(3);
    expect(r.report!.verdict).toBe('fail');
    const [job] = jobsOf('202');
    expect(job).toMatchObject({ State: 'Failed', exitCode: 3 });
    expect(r.report!.jobs[0]).toMatchObject({ status: 'failed', platform_id: job!.Id });
    expect(r.stderr).toContain(
      `error: job evalgate-acme-models-202-1-demo-toxicity-0 (toxicity) failed: Volcengine ML job Failed: instance worker-0 exited with code 3 (https://console.volcengine.com/ml-platform/`,
    );
    // the last 50 lines of a 1.7 MB log, read from its end
    expect(r.stderr).toContain('  | loading shard 80000\n  | CUDA out of memory\n');
    expect(r.stderr).toContain('  | loading shard 79952\n');
    expect(r.stderr).not.toContain('  | loading shard 79951\n');
  });

  it('a job that failed under its name is submitted again as <name>-r2 (its own output prefix); a re-run of the re-run attaches to -r2', async () => {
    const failing = {
      ...toxicityOnly,
      jobs: {
        toxicity: { command: `echo '{"indicator":"toxicity","toxic_ratio":0.9,"total_samples":100000}' > {out}/stale.json; exit 3` },
      },
    };
    const name = 'evalgate-acme-models-att182-1-demo-toxicity-0';
    expect((await run(volcSettings(failing), env('att182'))).code).toBe(3);
    const r = await run(volcSettings(toxicityOnly), env('att182'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const summary = () => jobsOf('att182').map((j) => [j.Name, j.State, j.runs]);
    expect(summary()).toEqual([
      [name, 'Failed', 1],
      [`${name}-r2`, 'Completed', 1],
    ]);
    const second = jobsOf('att182')[1]!;
    expect(r.report!.jobs[0]).toMatchObject({ status: 'succeeded', platform_id: second.Id });
    const again = await run(volcSettings(toxicityOnly), env('att182'));
    expect(again.code).toBe(0);
    expect(again.report!.jobs[0]).toMatchObject({ status: 'succeeded', platform_id: second.Id });
    expect(summary()).toEqual([
      [name, 'Failed', 1],
      [`${name}-r2`, 'Completed', 1],
    ]);
  });

  it('survives a storm of 429s (FlowLimitExceeded, Retry-After honoured) and TOS 503s without failing a job', async () => {
    const before = ml.requests.length;
    ml.failNext(3, { status: 429, retryAfterS: 1 });
    tos.failNext(2, { status: 503 });
    const t0 = Date.now();
    const r = await run(volcSettings(toxicityOnly), env('203'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(3_000);
    const throttled = ml.requests.slice(before).filter((q) => q.status === 429);
    expect(throttled.map((q) => q.code)).toEqual(['FlowLimitExceeded', 'FlowLimitExceeded', 'FlowLimitExceeded']);
    expect(tos.requests.filter((q) => q.status === 503).length).toBeGreaterThanOrEqual(2);
    expect(jobsOf('203').map((j) => [j.State, j.runs])).toEqual([['Completed', 1]]);
    expect(ml.violations).toEqual([]);
  });

  it('a CreateJob whose answer is lost is not sent twice: the job is found by its name', async () => {
    // the request reaches the platform (the job is created), the connection drops before the answer
    let dropped = 0;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input).includes('Action=CreateJob') && dropped++ === 0) {
        await res.body?.cancel();
        throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
      }
      return res;
    };
    const settings = volcSettings(toxicityOnly);
    const e = env('208');
    const config = parseVolcConfig(settings.platformConfig.volc, 'volc.yml').config!;
    const platform = new VolcPlatform({
      config,
      env: e,
      cwd: ROOT,
      workDir: tempDir(),
      gate: settings.name,
      fetch: lossy,
      retry: { baseMs: 20 },
    });
    const before = ml.requests.length;
    const r = await runPipeline(settings, captureRuntime(ROOT, e), { platform, maxPollMs: 300 });
    expect(r.exitCode).toBe(0);
    expect(dropped).toBe(1);
    expect(jobsOf('208')).toHaveLength(1);
    // attach lookup, the one CreateJob, the lookup that finds it by name; then status from ListJobs polls
    const actions = ml.requests
      .slice(before)
      .filter((q) => q.action !== 'GetJob')
      .map((q) => q.action);
    expect(actions.slice(0, 3)).toEqual(['ListJobs', 'CreateJob', 'ListJobs']);
    expect(actions.filter((a) => a === 'CreateJob')).toHaveLength(1);
  });

  it('a Ctrl-C while a CreateJob answer is still out: the job it created is found by its name and stopped', async () => {
    // the request reaches the platform (the job is created); its answer is held until the abort
    let held = 0;
    const holding: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (!String(input).includes('Action=CreateJob')) return res;
      await res.body?.cancel();
      held++;
      const signal = init!.signal!;
      return new Promise<Response>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    };
    const settings = volcSettings({ ...toxicityOnly, jobs: { toxicity: { command: 'sleep 300', shards: 2 } } });
    const e = env('231');
    const config = parseVolcConfig(settings.platformConfig.volc, 'volc.yml').config!;
    const platform = new VolcPlatform({ config, env: e, cwd: ROOT, workDir: tempDir(), gate: settings.name, fetch: holding });
    const controller = new AbortController();
    const rt = captureRuntime(ROOT, e);
    const before = ml.requests.length;
    const running = runPipeline(settings, rt, { platform, maxPollMs: 300, signal: controller.signal });
    await waitFor('a CreateJob whose answer is held', () => held === 1 && jobsOf('231').length === 1);
    controller.abort();
    const r = await running;
    expect(r.exitCode).toBe(3);
    // both shards are reported cancelled (the second one was never submitted)
    expect(rt.err.join('')).toContain('run cancelled; 2 job(s) cancelled');
    // one CreateJob (the second shard was never sent), and the job it made got its StopJob
    expect(ml.requests.slice(before).filter((q) => q.action === 'CreateJob')).toHaveLength(1);
    const [job] = jobsOf('231');
    expect(ml.requests.some((q) => q.action === 'StopJob' && q.id === job!.Id)).toBe(true);
    await waitFor('the job to stop', () => ml.job(job!.Id)!.State === 'Stopped', 10_000);
  });

  it('cancelling the run stops every job it started: none is left in a non-terminal state', async () => {
    const controller = new AbortController();
    const running = run(
      volcSettings({
        indicators: ['toxicity'],
        thresholds: 'toxicity.toxic_ratio <= 0.005',
        jobs: { toxicity: { command: 'sleep 300', shards: 3 } },
      }),
      env('204'),
      { signal: controller.signal },
    );
    await waitFor('3 running jobs', () => jobsOf('204').length === 3 && jobsOf('204').every((j) => j.State === 'Running'));
    controller.abort();
    const r = await running;
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('run cancelled; 3 job(s) cancelled');
    expect(jobsOf('204').map((j) => j.State)).toEqual(['Stopped', 'Stopped', 'Stopped']);
    expect(ml.jobs().filter((j) => !TERMINAL_STATES.includes(j.State))).toEqual([]);
    expect(ml.job(jobsOf('204')[0]!.Id)!.stopReason).toBe('cancelled by evalgate');
  });

  it('the post step stops a job a killed main step left running', async () => {
    const settings = volcSettings({
      indicators: ['toxicity'],
      thresholds: 'toxicity.toxic_ratio <= 0.005',
      jobs: { toxicity: { command: 'sleep 300' } },
    });
    const e = env('205');
    const { platform } = createVolcPlatform(settings, { cwd: ROOT, env: e, workDir: tempDir() });
    const planned = plan(
      { jobs: settings.jobs, required: settings.indicators, timeoutMinutes: settings.timeoutMinutes },
      runIdentity(e, 'x', settings.name, new Date()),
      (key, shard, name) => platform!.locate(key, shard, name, { model: '', data: '' }),
    );
    const handle = await platform!.submit(planned.jobs[0]!);
    await waitFor('a running job', () => jobsOf('205')[0]?.State === 'Running');
    // the main step is gone: the post step has only what saved() recorded, and the environment
    const saved = JSON.parse(JSON.stringify(platform!.saved(handle)));
    expect(saved).toEqual({
      platform: 'volc',
      name: planned.jobs[0]!.name,
      id: handle.id,
      endpoint: ml.url,
      region: 'cn-beijing',
      project: 'default',
    });
    const out = await cancelSavedVolc([saved], e);
    expect(out.map((o) => [o.result, o.detail])).toEqual([['cancelled', `Volcengine ML job ${handle.id} in cn-beijing: Stopped`]]);
    expect(jobsOf('205')[0]!.State).toBe('Stopped');
    // a job that ended already: stopping it again is harmless
    expect((await cancelSavedVolc([saved], e)).map((o) => o.result)).toEqual(['cancelled']);
    // without the key: failed, with the reason
    const noKey = await cancelSavedVolc([saved], { PATH: '' });
    expect(noKey[0]).toMatchObject({ result: 'failed', detail: expect.stringContaining('no Volcengine credentials') });
  });

  it("collects a job's .json files into <workDir>/<job name>/out, and refuses object names that escape", async () => {
    const settings = volcSettings(toxicityOnly);
    const workDir = tempDir();
    const { platform } = createVolcPlatform(settings, { cwd: ROOT, env: env('210'), workDir });
    const name = 'evalgate-acme-models-210-1-demo-toxicity-0';
    const handle = { job: { name } as PlannedJob, id: 't-20261125000000-abcde' };
    const prefix = `evalgate/runs/${name}/`;
    tos.put(BUCKET, `${prefix}toxicity.json`, '{"indicator":"toxicity"}');
    tos.put(BUCKET, `${prefix}sub/extra.json`, '{}');
    tos.put(BUCKET, `${prefix}evalgate-log.txt`, 'log');
    expect((await platform!.collect(handle)).map((f) => path.relative(workDir, f))).toEqual([
      path.join(name, 'out', 'sub', 'extra.json'),
      path.join(name, 'out', 'toxicity.json'),
    ]);
    tos.put(BUCKET, `${prefix}../../escape.json`, '{}');
    await expect(platform!.collect(handle)).rejects.toThrow(
      `job t-20261125000000-abcde wrote objects whose names are not plain relative paths (not downloaded): ${prefix}../../escape.json`,
    );
  });

  it('reads tos:// model and data where they are, without staging them', async () => {
    tos.put(BUCKET, 'shared/model/model.json', readFileSync(path.join(ROOT, 'examples/demo/model/model.json')));
    for (const f of ['toxicity_prompts.jsonl', 'synonyms.json'])
      tos.put(BUCKET, `shared/data/${f}`, readFileSync(path.join(ROOT, 'examples/demo/data', f)));
    const before = tos.requests.length;
    const r = await run(
      volcSettings({ ...toxicityOnly, model: `tos://${BUCKET}/shared/model/model.json`, data: `tos://${BUCKET}/shared/data` }),
      env('209'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const body = ml.job(jobsOf('209')[0]!.Id)!.body as Record<string, any>;
    expect(body.StorageConfig.Storages.slice(1, 3).map((s: Record<string, any>) => [s.MountPath, s.Config.Tos.Prefix])).toEqual([
      ['/mnt/evalgate/model', 'shared/model/'],
      ['/mnt/evalgate/data', 'shared/data/'],
    ]);
    expect(body.RuntimeConfig.Envs).toEqual(
      expect.arrayContaining([
        { Name: 'EVALGATE_MODEL', Value: '/mnt/evalgate/model/model.json', IsPrivate: false },
        { Name: 'EVALGATE_DATA', Value: '/mnt/evalgate/data', IsPrivate: false },
      ]),
    );
    expect(tos.requests.slice(before).filter((q) => q.op === 'PutObject' && q.key.includes('/cas/'))).toEqual([]);
  });

  it('without a key: one clear message naming the variables, and no job', async () => {
    const e = env('206', { VOLCENGINE_ACCESS_KEY: undefined, VOLCENGINE_SECRET_KEY: undefined });
    const r = await run(volcSettings(toxicityOnly), e);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `error: ${PLATFORM}: no Volcengine credentials: set VOLCENGINE_ACCESS_KEY and VOLCENGINE_SECRET_KEY (and VOLCENGINE_SESSION_TOKEN for a temporary STS key), ` +
        'or VOLC_ACCESSKEY and VOLC_SECRETKEY, in the environment of the step (from repository secrets)\n',
    );
    expect(r.report!.verdict).toBe('fail');
    expect(jobsOf('206')).toEqual([]);
  });

  it("a wrong secret is reported at once with Volcengine's own code and message, and never printed", async () => {
    const before = ml.requests.length;
    // staging first: TOS refuses the key
    const staged = await run(volcSettings(toxicityOnly), env('207', { VOLCENGINE_SECRET_KEY: SECRET_MARK }));
    expect(staged.code).toBe(3);
    expect(staged.stderr).toMatch(
      new RegExp(
        `^error: ${PLATFORM.replace(/[()]/g, '\\$&')}: TOS ListObjectsType2 evalgate-e2e/evalgate/cas/[0-9a-f]{64}/: HTTP 403 SignatureDoesNotMatch: The request signature we calculated does not match`,
      ),
    );
    expect(staged.stderr).toContain('(the key from VOLCENGINE_ACCESS_KEY/VOLCENGINE_SECRET_KEY)');
    // inputs already in TOS and no code: the first request is the ML platform's
    const t0 = Date.now();
    const direct = await run(
      volcSettings(
        { ...toxicityOnly, model: `tos://${BUCKET}/shared/model/model.json`, data: `tos://${BUCKET}/shared/data/` },
        { code: undefined },
      ),
      env('207', {
        VOLC_ACCESSKEY: KEY.accessKeyId,
        VOLC_SECRETKEY: SECRET_MARK,
        VOLCENGINE_ACCESS_KEY: undefined,
        VOLCENGINE_SECRET_KEY: undefined,
      }),
    );
    expect(direct.code).toBe(3);
    expect(direct.stderr).toMatch(
      /^error: .*: ml_platform ListJobs: HTTP 401 SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided\. .*\[RequestId \w+\] \(the key from VOLC_ACCESSKEY\/VOLC_SECRETKEY\)\n$/,
    );
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(ml.requests.slice(before).map((q) => [q.action, q.code])).toEqual([['ListJobs', 'SignatureDoesNotMatch']]);
    for (const r of [staged, direct]) expect(r.stderr + r.stdout + JSON.stringify(r.report)).not.toContain(SECRET_MARK);
    expect(jobsOf('207')).toEqual([]);
  });
});

describe('results: tos://', () => {
  it('downloads every .json object below the prefix, page by page, refusing names that escape', async () => {
    for (let i = 0; i < 7; i++) tos.put(BUCKET, `gate/results/shard-${i}.json`, `{"i":${i}}`);
    tos.put(BUCKET, 'gate/results/nested/deep.json', '{}');
    tos.put(BUCKET, 'gate/results/notes.txt', 'not an indicator');
    tos.put(BUCKET, 'gate/results/../escape.json', '{}');
    tos.put(BUCKET, 'gate/results//double.json', '{}');
    tos.put(BUCKET, 'gate/resultsX/other.json', '{}');
    const dest = tempDir();
    mkdirSync(dest, { recursive: true });
    const before = tos.requests.length;
    const got = await downloadTos(`tos://${BUCKET}/gate/results`, dest, {
      VOLCENGINE_ACCESS_KEY: KEY.accessKeyId,
      VOLCENGINE_SECRET_KEY: KEY.secretKey,
      VOLCENGINE_TOS_ENDPOINT: tos.url,
    });
    expect(got.files.map((f) => path.relative(dest, f))).toEqual([
      path.join('nested', 'deep.json'),
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => `shard-${i}.json`),
    ]);
    expect(got.refused.sort()).toEqual(['gate/results/../escape.json', 'gate/results//double.json']);
    // 11 keys below the prefix, 4 per page
    expect(tos.requests.slice(before).filter((q) => q.op === 'ListObjectsType2')).toHaveLength(3);
    expect(readFileSync(path.join(dest, 'shard-3.json'), 'utf8')).toBe('{"i":3}');
    await expect(downloadTos(`tos://${BUCKET}/gate/results`, dest, { VOLCENGINE_TOS_ENDPOINT: tos.url })).rejects.toThrow(
      /no Volcengine credentials/,
    );
    await expect(downloadTos('tos://Bad_Bucket/x', dest, {})).rejects.toThrow(/expected tos:\/\/<bucket>\/<prefix>/);
  });
});

describe('platform: volc from the bundled CLI, as a user runs it', () => {
  it('gates the demo through ML platform jobs (dist/cli: the bundled SDKs really sign and send)', async () => {
    const settings = volcSettings();
    // what earlier tests provoked on purpose (a wrong key) stays out of this test's count
    const before = { ml: ml.violations.length, tos: tos.violations.length };
    const r = await runCliAsync(['run', '--config', settings.configFile!], { cwd: ROOT, env: env('cli1') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.report!.verdict).toBe('pass');
    expect(r.report!.jobs).toHaveLength(5);
    expect(r.report!.jobs.every((j: { status: string }) => j.status === 'succeeded')).toBe(true);
    expect(jobsOf('cli1').every((j) => j.State === 'Completed' && j.runs === 1)).toBe(true);
    expect(ml.violations.slice(before.ml)).toEqual([]);
    expect(tos.violations.slice(before.tos)).toEqual([]);
  });
});

describe('platform: volc: a re-run picks up what a SIGKILLed CLI left in its --out', () => {
  /** two shards that run until the test creates `go` (an absolute path: the job runs in the fake's own folder) */
  const waiting = (go: string) =>
    volcSettings({
      indicators: ['toxicity'],
      thresholds: 'toxicity.toxic_ratio <= 0.5',
      jobs: {
        toxicity: {
          shards: 2,
          command: `while [ ! -f ${go} ]; do sleep 0.1; done; printf '{"indicator":"toxicity","toxic_ratio":0.1,"total_samples":100}' > {out}/toxicity.json`,
        },
      },
    }).configFile!;
  const killed = (runId: string, out: string, go: string) =>
    killedRun(['run', '--config', waiting(go)], {
      cwd: ROOT,
      env: env(runId),
      out,
      count: 2,
      running: () => jobsOf(runId).length === 2 && jobsOf(runId).every((j) => j.State === 'Running'),
    });

  it('the same run id: the re-run attaches to both jobs (each created and run once) and the record is gone', async () => {
    const out = tempDir();
    const go = path.join(tempDir(), 'go');
    const left = await killed('rr1', out, go);
    expect(left.run_id).toBe('rr1');
    expect(left.jobs.map((j) => j.platform)).toEqual(['volc', 'volc']);
    expect(jobsOf('rr1').map((j) => j.State)).toEqual(['Running', 'Running']);

    writeFileSync(go, '');
    const again = await runCliAsync(['run', '--config', waiting(go)], { cwd: ROOT, env: env('rr1'), out });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(
      /an earlier run here \(run id rr1, pid \d+\) ended with 2 job\(s\) still recorded as running: attaching to 2, cancelling 0/,
    );
    for (const j of left.jobs) expect(again.stderr).toContain(`evalgate: job ${j.name}: attaching`);
    expect(again.report!.jobs.map((j: { status: string; platform_id: string }) => [j.status, j.platform_id])).toEqual(
      left.jobs.map((j) => ['succeeded', j.id]),
    );
    // one job per name (no second CreateJob went through), each process started once
    expect(jobsOf('rr1').map((j) => [j.Id, j.State, j.runs])).toEqual(left.jobs.map((j) => [j.id, 'Completed', 1]));
    expect(leftJobsIn(out)).toBeNull();
  });

  it('another run id: the re-run stops both (Stopped on the ML platform), names each, and runs its own jobs', async () => {
    const out = tempDir();
    const left = await killed('rr2', out, path.join(tempDir(), 'never'));
    expect(jobsOf('rr2').map((j) => j.State)).toEqual(['Running', 'Running']);

    const go = path.join(tempDir(), 'go');
    writeFileSync(go, '');
    const next = await runCliAsync(['run', '--config', waiting(go)], { cwd: ROOT, env: env('rr3'), out });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(
      /an earlier run here \(run id rr2, pid \d+\) ended with 2 job\(s\) still recorded as running: attaching to 0, cancelling 2/,
    );
    for (const j of left.jobs)
      expect(next.stderr).toContain(
        `evalgate: job ${j.name} (left by run rr2): cancelled (Volcengine ML job ${j.id} in cn-beijing: Stopped)`,
      );
    expect(jobsOf('rr2').map((j) => j.State)).toEqual(['Stopped', 'Stopped']);
    expect(jobsOf('rr3').map((j) => [j.State, j.runs])).toEqual([
      ['Completed', 1],
      ['Completed', 1],
    ]);
    expect(next.report!.verdict).toBe('pass');
    expect(leftJobsIn(out)).toBeNull();
  });
});

// Opt-in, against the real service: VOLCENGINE_ACCESS_KEY/VOLCENGINE_SECRET_KEY and a config file
// (EVALGATE_VOLC_LIVE_CONFIG, paths relative to the repository) with a `volc` section for a real
// resource queue and bucket. It runs real (billed) jobs.
const LIVE_CONFIG = process.env.VOLCENGINE_ACCESS_KEY ? process.env.EVALGATE_VOLC_LIVE_CONFIG : undefined;
describe.skipIf(!LIVE_CONFIG)('live Volcano Engine ML platform (opt-in)', () => {
  it(
    'gates the live config through real jobs and leaves none running',
    async () => {
      const loaded = parseConfig(readFileSync(LIVE_CONFIG!, 'utf8'), LIVE_CONFIG!);
      if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
      const { settings } = resolveSettings({ out: tempDir() }, { flag: (n) => `--${n}`, defaultBaseline: 'none' }, loaded.config);
      const e = { ...process.env, EVALGATE_RUN_ID: `live${Date.now()}` };
      const r = await run({ ...settings, platform: PLATFORM }, e, { maxPollMs: undefined });
      console.log(
        `volc live: exit ${r.code} in ${r.seconds.toFixed(0)} s; requests ${JSON.stringify(r.platform.requestCounts)}\n${r.stderr}`,
      );
      expect(r.code).not.toBe(3);
      expect(r.report!.jobs.every((j: { status: string }) => j.status === 'succeeded')).toBe(true);
    },
    3 * 60 * 60_000,
  );
});
