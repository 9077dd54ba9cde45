/**
 * `platform: azure` end to end, as a user runs it: the bundled CLI against a fake Azure (Entra ID
 * and Resource Manager, checking what the real ones check: __tests__/fakes/azure.ts) whose jobs
 * really run, with Azurite as the workspace's Blob storage. The demo gated through Azure ML; a
 * resubmission attaching; a failing job; a 429 storm; cancel; a refused credential.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { startFakeAzure, type FakeAzure } from './fakes/azure.js';
import { killedRun, leftJobsIn, readFileCommands, runCliAsync, tempDir } from './helpers.js';
import { cancelSavedAzure } from '../src/platforms/azure/cancel-saved.js';
import type { SavedJob } from '../src/platforms/platform.js';
import { contentHash } from '../src/platforms/templates.js';
import { codeSnapshot } from '../src/platforms/snapshot.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const TERMINAL = ['Completed', 'Failed', 'Canceled'];

let az: Azurite;
let fake: FakeAzure;

beforeAll(async () => {
  az = await startAzurite();
  fake = await startFakeAzure({ azurite: az, stepMs: 100, lroRetryAfterS: 1 });
}, 60_000);
afterAll(async () => {
  await fake?.stop();
  await az?.stop();
});

/** the demo's config with an azure section pointing at the fakes */
function azureConfig(extra: Record<string, unknown> = {}, base = 'examples/demo/evalgate.yml'): string {
  const cfg = parseYaml(readFileSync(path.join(ROOT, base), 'utf8')) as Record<string, unknown>;
  cfg.platform = 'azure';
  cfg.azure = {
    subscription: fake.subscriptionId,
    resource_group: fake.resourceGroup,
    workspace: fake.workspace,
    compute: 'cpu-cluster',
    image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest',
    code: ['examples/demo'],
    poll_interval_seconds: 0.2,
    arm_endpoint: fake.url,
    authority_host: fake.url,
    blob_endpoint: az.blobEndpoint,
  };
  Object.assign(cfg, extra);
  const file = path.join(tempDir(), 'azure.yml');
  writeFileSync(file, stringifyYaml(cfg));
  return file;
}

function spEnv(runId: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS ?? '',
    GITHUB_REPOSITORY: 'acme/models',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    AZURE_TENANT_ID: fake.tenantId,
    AZURE_CLIENT_ID: fake.clientId,
    AZURE_CLIENT_SECRET: fake.clientSecret,
    ...extra,
  };
}

/** the CLI as a child process; async, since this process also serves the fake Azure */
const run = (config: string, env: Record<string, string>) => runCliAsync(['run', '--config', config], { cwd: ROOT, env });

const jobsOf = (runId: string) => fake.jobs().filter((j) => j.name.includes(`-${runId}-`));

describe('platform: azure', () => {
  it('gates the demo through Azure ML jobs, and a resubmission attaches to them', async () => {
    const before = fake.requests.length;
    const r = await run(azureConfig(), spEnv('101'));
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
    // the fingerprint (SPEC §10): the content addresses it staged under, the code snapshot it registered
    const sha = async (p: string) => `sha256:${await contentHash(path.join(ROOT, p))}`;
    const code = `sha256:${(await codeSnapshot(ROOT, ['examples/demo'], 'azure.code')).sha}`;
    const fp = { model: await sha('examples/demo/model/model.json'), dataset: await sha('examples/demo/data'), code };
    expect(r.report!.indicators.accuracy_f1.fingerprint).toEqual(fp);
    expect(r.report!.indicators.latency_p99.fingerprint).toMatchObject(fp);
    expect(fake.requests.some((q) => q.path.includes(`/codes/evalgate-code/versions/${code.slice(7, 23)}`))).toBe(true);
    expect(r.report!.jobs).toHaveLength(5);
    for (const j of r.report!.jobs) {
      expect(j.status).toBe('succeeded');
      expect(j.platform_id).toMatch(/^evalgate-acme-models-101-1-demo-/);
      expect(j.platform_url).toMatch(/^https:\/\/ml\.azure\.com\/runs\/evalgate-acme-models-101-1-demo-/);
    }
    expect(fake.violations).toEqual([]);
    const jobs = jobsOf('101');
    expect(jobs).toHaveLength(5);
    expect(jobs.every((j) => j.status === 'Completed' && j.runs === 1)).toBe(true);
    // the request cost of one run, for the README
    const mine = fake.requests.slice(before);
    const count = (re: RegExp) => mine.filter((q) => re.test(`${q.method} ${q.path}`)).length;
    console.log(
      `azure demo: ${r.seconds.toFixed(1)} s; ARM requests ${mine.length} for 5 jobs: ` +
        `token ${count(/oauth2/)}, datastore ${count(/datastores/)}, environment ${count(/environments/)}, code ${count(/codes/)}, ` +
        `job GET ${count(/^GET .*\/jobs\/[^/]+$/)}, job PUT ${count(/^PUT .*\/jobs\//)}`,
    );

    // the same run id again (a retried step): every job is found by its name, none runs twice
    const again = await run(azureConfig(), spEnv('101'));
    expect(again.code).toBe(0);
    expect(again.report!.verdict).toBe('pass');
    expect(jobsOf('101').every((j) => j.runs === 1)).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('a failing job fails the run with its status, Studio link and the tail of std_log.txt', async () => {
    const r = await run(
      azureConfig({
        indicators: ['toxicity'],
        thresholds: 'toxicity.toxic_ratio <= 0.005',
        jobs: { toxicity: { command: 'echo "loading model"; echo "CUDA out of memory" >&2; exit 3' } },
      }),
      spEnv('102'),
    );
    expect(r.code).toBe(3);
    expect(r.report!.verdict).toBe('fail');
    expect(r.report!.jobs[0]).toMatchObject({ status: 'failed', platform_id: 'evalgate-acme-models-102-1-demo-toxicity-0' });
    expect(r.stderr).toContain(
      'error: job evalgate-acme-models-102-1-demo-toxicity-0 (toxicity) failed: Azure ML job Failed (https://ml.azure.com/runs/',
    );
    expect(r.stderr).toContain('  | CUDA out of memory');
    expect(jobsOf('102').map((j) => j.status)).toEqual(['Failed']);
  });

  it('a job that failed under its name is submitted again as <name>-r2; a re-run of the re-run attaches to -r2', async () => {
    const failing = azureConfig({
      indicators: ['toxicity'],
      thresholds: 'toxicity.toxic_ratio <= 0.005',
      jobs: { toxicity: { command: 'echo "CUDA out of memory" >&2; exit 3' } },
    });
    const good = azureConfig({
      indicators: ['toxicity'],
      thresholds: 'toxicity.toxic_ratio <= 0.005',
      jobs: { toxicity: { command: 'node examples/demo/eval/toxicity.mjs --model {model} --data {data} --out {out}' } },
    });
    const name = 'evalgate-acme-models-att181-1-demo-toxicity-0';
    expect((await run(failing, spEnv('att181'))).code).toBe(3);
    const r = await run(good, spEnv('att181'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.report!.jobs[0]).toMatchObject({ status: 'succeeded', platform_id: `${name}-r2` });
    const summary = () => jobsOf('att181').map((j) => [j.name, j.status, j.runs]);
    expect(summary()).toEqual([
      [name, 'Failed', 1],
      [`${name}-r2`, 'Completed', 1],
    ]);
    const again = await run(good, spEnv('att181'));
    expect(again.code).toBe(0);
    expect(again.report!.jobs[0]).toMatchObject({ status: 'succeeded', platform_id: `${name}-r2` });
    expect(summary()).toEqual([
      [name, 'Failed', 1],
      [`${name}-r2`, 'Completed', 1],
    ]);
    expect(fake.violations).toEqual([]);
  });

  it("asks for tokens of the ARM endpoint's own scope (arm_endpoint, as in Azure China or US Government), never public ARM's", async () => {
    const before = fake.tokens.length;
    const r = await run(
      azureConfig({ indicators: ['toxicity'], thresholds: 'toxicity.toxic_ratio <= 0.5', jobs: { toxicity: { command: 'exit 3' } } }),
      spEnv('110'),
    );
    expect(r.code).toBe(3);
    const issued = fake.tokens.slice(before).map((t) => t.claims.aud);
    expect(issued.length).toBeGreaterThan(0);
    expect(new Set(issued)).toEqual(new Set([fake.url]));
  });

  it('a log is read from its end only (256 KiB at most); a missing one is null, so the job says where it looked', async () => {
    const { BlobServiceClient } = await import('@azure/storage-blob');
    const { blobTail } = await import('../src/platforms/azure/blob.js');
    const container = BlobServiceClient.fromConnectionString(az.connectionString).getContainerClient('tail-test');
    await container.createIfNotExists();
    const body = Array.from({ length: 200_000 }, (_, i) => `line ${i}`).join('\n') + '\n';
    await container.getBlockBlobClient('std_log.txt').upload(body, Buffer.byteLength(body));
    expect(await blobTail(container, 'std_log.txt', 3)).toBe('line 199997\nline 199998\nline 199999');
    expect(await blobTail(container, 'absent.txt', 3)).toBeNull();
  });

  it('survives a storm of 429s (Retry-After honoured) without failing a job', async () => {
    fake.failNext(4, { status: 429, retryAfter: 1, match: (method, p) => method === 'GET' && /\/jobs\/[^/]+$/.test(p) });
    const r = await run(
      azureConfig({
        indicators: ['toxicity'],
        jobs: { toxicity: { command: 'node examples/demo/eval/toxicity.mjs --model {model} --data {data} --out {out}' } },
        thresholds: 'toxicity.toxic_ratio <= 0.005',
      }),
      spEnv('103'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fake.requests.filter((q) => q.status === 429).length).toBeGreaterThanOrEqual(4);
    expect(fake.violations).toEqual([]);
  });

  it('Ctrl-C cancels every job it started: none is left in a non-terminal state', async () => {
    const cfg = azureConfig({
      indicators: ['toxicity'],
      thresholds: 'toxicity.toxic_ratio <= 0.005',
      jobs: { toxicity: { command: 'sleep 300', shards: 3 } },
    });
    const child = spawn(process.execPath, [CLI, 'run', '--config', cfg, '--out', tempDir()], { cwd: ROOT, env: spEnv('104') });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && !(jobsOf('104').length === 3 && jobsOf('104').every((j) => j.status === 'Running')))
      await new Promise((r) => setTimeout(r, 100));
    expect(jobsOf('104').map((j) => j.status)).toEqual(['Running', 'Running', 'Running']);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(3);
    expect(stderr).toContain('run cancelled; 3 job(s) cancelled');
    expect(jobsOf('104').map((j) => j.status)).toEqual(['Canceled', 'Canceled', 'Canceled']);
    expect(fake.jobs().filter((j) => !TERMINAL.includes(j.status) && j.name.includes('-104-'))).toEqual([]);
  });

  it('the post step cancels jobs a killed main step left running, signing in again', async () => {
    const cfg = azureConfig({
      indicators: ['toxicity'],
      thresholds: 'toxicity.toxic_ratio <= 0.005',
      jobs: { toxicity: { command: 'sleep 300' } },
    });
    const child = spawn(process.execPath, [CLI, 'run', '--config', cfg, '--out', tempDir()], { cwd: ROOT, env: spEnv('105') });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && jobsOf('105')[0]?.status !== 'Running') await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(jobsOf('105')[0]!.status).toBe('Running');
    const saved: SavedJob = {
      platform: 'azure',
      name: jobsOf('105')[0]!.name,
      id: jobsOf('105')[0]!.name,
      arm_endpoint: fake.url,
      subscription: fake.subscriptionId,
      resource_group: fake.resourceGroup,
      workspace: fake.workspace,
      authority_host: fake.url,
    };
    const out = await cancelSavedAzure([saved], spEnv('105'));
    expect(out.map((o) => o.result)).toEqual(['cancelled']);
    expect(jobsOf('105')[0]!.status).toBe('Canceled');
  });

  it('a refused credential is one clear message, and the secret is never printed', async () => {
    const r = await run(
      azureConfig({ indicators: ['toxicity'], thresholds: 'toxicity.toxic_ratio <= 0.005' }),
      spEnv('106', { AZURE_CLIENT_SECRET: 'not-the-secret-123' }),
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^error: azure: Azure sign-in with service principal \(AZURE_CLIENT_SECRET\) failed: AADSTS7000215: Invalid client secret provided/m,
    );
    expect(r.stderr + r.stdout + JSON.stringify(r.report)).not.toContain('not-the-secret-123');
    expect(r.report!.warnings[0]).toMatch(/AADSTS7000215/);
    expect(jobsOf('106')).toEqual([]);
  });

  it('signs in with the workflow OIDC token (no secret) where AZURE_CLIENT_SECRET is absent', async () => {
    // the Actions ID-token service: GET $ACTIONS_ID_TOKEN_REQUEST_URL&audience=… with the request token
    const audiences: string[] = [];
    const srv = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      audiences.push(url.searchParams.get('audience') ?? '');
      if (req.headers.authorization !== 'Bearer id-request-token') return void res.writeHead(401).end();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ value: fake.federatedTokens[0] }));
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
    const port = (srv.address() as { port: number }).port;
    const env = spEnv('107', {
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-request-token',
    });
    delete env.AZURE_CLIENT_SECRET;
    const r = await run(
      azureConfig({
        indicators: ['toxicity'],
        thresholds: 'toxicity.toxic_ratio <= 0.005',
        jobs: { toxicity: { command: 'node examples/demo/eval/toxicity.mjs --model {model} --data {data} --out {out}' } },
      }),
      env,
    );
    srv.close();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(audiences[0]).toBe('api://AzureADTokenExchange');
  });
});

describe('platform: azure: a re-run picks up what a SIGKILLed run left in its --out', () => {
  /** two shards that run until the test creates `go` (an absolute path: the job runs in the fake's own folder) */
  const waiting = (go: string) =>
    azureConfig({
      indicators: ['toxicity'],
      thresholds: 'toxicity.toxic_ratio <= 0.5',
      jobs: {
        toxicity: {
          shards: 2,
          command: `while [ ! -f ${go} ]; do sleep 0.1; done; printf '{"indicator":"toxicity","toxic_ratio":0.1,"total_samples":100}' > {out}/toxicity.json`,
        },
      },
    });
  const killed = (runId: string, out: string, go: string) =>
    killedRun(['run', '--config', waiting(go)], {
      cwd: ROOT,
      env: spEnv(runId),
      out,
      count: 2,
      running: () => jobsOf(runId).length === 2 && jobsOf(runId).every((j) => j.status === 'Running'),
    });

  it('the same run id: the re-run attaches to both jobs (each created and run once) and the record is gone', async () => {
    // what earlier tests provoked on purpose (a wrong secret) stays out of this test's count
    const violations = fake.violations.length;
    const out = tempDir();
    const go = path.join(tempDir(), 'go');
    const left = await killed('201', out, go);
    expect(left.run_id).toBe('201');
    expect(left.jobs.map((j) => j.platform)).toEqual(['azure', 'azure']);
    // the CLI is gone, its jobs are not
    expect(jobsOf('201').map((j) => j.status)).toEqual(['Running', 'Running']);

    writeFileSync(go, '');
    const again = await runCliAsync(['run', '--config', waiting(go)], { cwd: ROOT, env: spEnv('201'), out });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(
      /an earlier run here \(run id 201, pid \d+\) ended with 2 job\(s\) still recorded as running: attaching to 2, cancelling 0/,
    );
    for (const j of left.jobs) expect(again.stderr).toContain(`evalgate: job ${j.name}: attaching`);
    expect(again.report!.jobs.map((j: { status: string }) => j.status)).toEqual(['succeeded', 'succeeded']);
    expect(jobsOf('201').map((j) => [j.status, j.puts, j.runs])).toEqual([
      ['Completed', 1, 1],
      ['Completed', 1, 1],
    ]);
    expect(leftJobsIn(out)).toBeNull();
    expect(fake.violations.slice(violations)).toEqual([]);
  });

  it('another run id: the re-run cancels both (Canceled on Azure ML), names each, and runs its own jobs', async () => {
    const out = tempDir();
    const left = await killed('202', out, path.join(tempDir(), 'never'));
    expect(jobsOf('202').map((j) => j.status)).toEqual(['Running', 'Running']);

    const go = path.join(tempDir(), 'go');
    writeFileSync(go, '');
    const next = await runCliAsync(['run', '--config', waiting(go)], { cwd: ROOT, env: spEnv('203'), out });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toMatch(
      /an earlier run here \(run id 202, pid \d+\) ended with 2 job\(s\) still recorded as running: attaching to 0, cancelling 2/,
    );
    for (const j of left.jobs)
      expect(next.stderr).toContain(`evalgate: job ${j.name} (left by run 202): cancelled (Azure ML job ${j.id} in ${fake.workspace})`);
    expect(jobsOf('202').map((j) => j.status)).toEqual(['Canceled', 'Canceled']);
    expect(jobsOf('203').map((j) => [j.status, j.runs])).toEqual([
      ['Completed', 1],
      ['Completed', 1],
    ]);
    expect(next.report!.verdict).toBe('pass');
    expect(leftJobsIn(out)).toBeNull();
  });

  it('a cancel Azure ML refuses is a warning naming the job, which stays on record; the run after cancels it', async () => {
    const out = tempDir();
    const left = await killed('204', out, path.join(tempDir(), 'never'));
    const [refused, other] = left.jobs as [SavedJob, SavedJob];
    fake.failNext(1, { status: 403, match: (method, p) => method === 'POST' && p.endsWith(`/jobs/${refused.id}/cancel`) });
    const go = path.join(tempDir(), 'go');
    writeFileSync(go, '');
    const next = await runCliAsync(['run', '--config', waiting(go)], { cwd: ROOT, env: spEnv('205'), out });
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain(`evalgate: job ${refused.name} (left by run 204): failed (`);
    expect(next.stderr).toContain(`evalgate: job ${other.name} (left by run 204): cancelled`);
    expect(next.report!.warnings).toEqual([
      expect.stringMatching(
        new RegExp(`^azure job ${refused.name} \\(${refused.id}\\), left running by run 204, could not be cancelled: .*Injected 403`),
      ),
    ]);
    expect(fake.job(refused.name)!.status).toBe('Running');
    expect(fake.job(other.name)!.status).toBe('Canceled');
    // the refused one is still on record (the second run's own jobs ended), with the run that left it
    expect(leftJobsIn(out)).toMatchObject({
      run_id: '205',
      jobs: [{ platform: 'azure', name: refused.name, id: refused.id, left_by: '204' }],
    });

    const third = await runCliAsync(['run', '--config', waiting(go)], { cwd: ROOT, env: spEnv('206'), out });
    expect(third.code, third.stderr).toBe(0);
    expect(third.stderr).toMatch(
      /an earlier run here \(run id 205, pid \d+\) ended with 1 job\(s\) still recorded as running: attaching to 0, cancelling 1/,
    );
    // named by the run that started it, not the one that failed to cancel it
    expect(third.stderr).toContain(`evalgate: job ${refused.name} (left by run 204): cancelled`);
    expect(third.report!.warnings).toEqual([]);
    expect(fake.job(refused.name)!.status).toBe('Canceled');
    expect(leftJobsIn(out)).toBeNull();
  });
});

describe('platform: azure in the action (dist/main and dist/post under the node24 runtime)', () => {
  const NODE = process.env.EVALGATE_NODE24 || process.execPath;
  const exec = (args: string[], cwd: string, env: Record<string, string>) =>
    new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const child = spawn(NODE, args, { cwd, env });
      let stdout = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.on('exit', (code) => resolve({ code, stdout }));
    });

  it('the main step masks the secrets it learns and saves its jobs; the post step cancels them after the main step was killed', async () => {
    const dir = tempDir();
    const cfg = azureConfig({
      indicators: ['toxicity'],
      thresholds: 'toxicity.toxic_ratio <= 0.005',
      jobs: { toxicity: { command: 'sleep 300', shards: 2 } },
    });
    const state = path.join(dir, 'state');
    for (const f of ['state', 'out', 'summary']) writeFileSync(path.join(dir, f), '');
    const env = {
      ...spEnv('108'),
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: path.join(dir, 'out'),
      GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
      GITHUB_STATE: state,
      RUNNER_TEMP: tempDir(),
      INPUT_CONFIG: cfg,
      INPUT_BASELINE: 'none',
      INPUT_PLATFORM: 'azure',
    };
    const main = spawn(NODE, [path.join(ROOT, 'dist/main/index.js')], { cwd: ROOT, env });
    let stdout = '';
    main.stdout.on('data', (d) => (stdout += d));
    const deadline = Date.now() + 30_000;
    let saved: SavedJob[] = [];
    while (Date.now() < deadline && !(saved.length === 2 && jobsOf('108').every((j) => j.status === 'Running'))) {
      await new Promise((r) => setTimeout(r, 100));
      saved = JSON.parse(readFileCommands(state)['evalgate-jobs'] ?? '[]');
    }
    expect(saved.map((j) => [j.platform, j.workspace])).toEqual([
      ['azure', fake.workspace],
      ['azure', fake.workspace],
    ]);
    // the saved state names the jobs and the workspace, never a secret
    expect(JSON.stringify(saved)).not.toContain(fake.clientSecret);
    main.kill('SIGKILL');
    await new Promise((r) => main.once('exit', r));
    expect(stdout).toContain(`::add-mask::${fake.clientSecret}`);
    expect(stdout).toContain(`::add-mask::${az.accountKey}`); // the datastore key from listSecrets
    expect(jobsOf('108').map((j) => j.status)).toEqual(['Running', 'Running']);

    const post = await exec([path.join(ROOT, 'dist/post/index.js')], ROOT, {
      ...env,
      'STATE_evalgate-jobs': readFileCommands(state)['evalgate-jobs']!,
      'STATE_evalgate-out': readFileCommands(state)['evalgate-out']!,
    });
    expect(post.code).toBe(0);
    for (const j of saved) expect(post.stdout).toContain(`evalgate: job ${j.name}: cancelled (Azure ML job ${j.id} in ${fake.workspace})`);
    expect(jobsOf('108').map((j) => j.status)).toEqual(['Canceled', 'Canceled']);
    // and off the workspace's record: the next run there (the demo, a self-hosted runner's next
    // job) does not try to cancel them again
    expect(existsSync(path.join(readFileCommands(state)['evalgate-out']!, '.evalgate-jobs.json'))).toBe(false);
  });
});

// Opt-in, against the real service (billed): Azure credentials in the environment (a service
// principal, or an `az login`) and a config file (EVALGATE_AZURE_LIVE_CONFIG, paths relative to
// the repository) whose `azure` section names a real workspace, compute and image. Afterwards no
// job of the run may be left in a non-terminal state.
const LIVE_CONFIG = process.env.AZURE_TENANT_ID || process.env.AZURE_CLIENT_ID ? process.env.EVALGATE_AZURE_LIVE_CONFIG : undefined;
describe.skipIf(!LIVE_CONFIG)('live Azure ML (opt-in)', () => {
  it(
    'gates the live config through real command jobs',
    async () => {
      const env = { ...(process.env as Record<string, string>), EVALGATE_RUN_ID: `live${Date.now()}` };
      const r = await run(path.resolve(ROOT, LIVE_CONFIG!), env);
      console.log(`azure live: exit ${r.code} in ${r.seconds.toFixed(0)} s\n${r.stderr}`);
      expect(r.code).not.toBe(3);
      expect(r.report!.jobs.every((j: { status: string }) => j.status === 'succeeded')).toBe(true);
    },
    3 * 60 * 60_000,
  );
});
