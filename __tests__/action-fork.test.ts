/**
 * A fork's pull request played through both workflows (SPEC §11), with the bundled action under
 * Node 24 against the fake GitHub and Azurite: the gate workflow (pull_request, a read-only token)
 * cannot comment and leaves pull_request.json in its artifact; the publish workflow (workflow_run,
 * `mode: publish`, its own token) posts the comment and the check run from it. Crafted artifacts
 * (another pull request, another commit, another gate, hostile text, broken JSON) publish nothing
 * or publish only escaped text.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { startFakeGitHub, type FakeGitHub, type FakeWorkflowRun } from './fakes/github.js';
import { FIXTURES, readFileCommands, SEED, writeFiles } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.env.EVALGATE_NODE24 || process.execPath;
const PAYLOAD = JSON.parse(readFileSync(path.join(FIXTURES, 'github/pull_request.opened.json'), 'utf8'));
const OWNER = PAYLOAD.repository.owner.login as string;
const REPO = PAYLOAD.repository.name as string;
const PR = PAYLOAD.number as number;
const HEAD_SHA = PAYLOAD.pull_request.head.sha as string;

let az: Azurite;
let gh: FakeGitHub;

beforeAll(async () => {
  az = await startAzurite();
  gh = await startFakeGitHub({ azurite: az, owner: OWNER, repo: REPO });
  gh.addPullRequest({ number: PR, head_sha: HEAD_SHA, base_ref: 'master', fork: true });
  gh.addPullRequest({ number: PR + 1, head_sha: 'b'.repeat(40), base_ref: 'master' });
});
afterAll(async () => {
  await gh?.close();
  await az?.stop();
});

interface Step {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  dir: string;
}

async function action(
  run: FakeWorkflowRun,
  event: 'pull_request' | 'workflow_run',
  inputs: Record<string, string>,
  files: Record<string, string> = {},
  payload?: unknown,
): Promise<Step> {
  const dir = writeFiles({ ...SEED, ...files });
  for (const f of ['output', 'summary', 'state']) writeFileSync(path.join(dir, f), '');
  const eventFile = path.join(dir, 'event.json');
  writeFileSync(eventFile, JSON.stringify(payload ?? PAYLOAD));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REF: event === 'pull_request' ? `refs/pull/${PR}/merge` : 'refs/heads/master',
    GITHUB_SHA: event === 'pull_request' ? 'e'.repeat(40) : 'd'.repeat(40),
    GITHUB_RUN_ID: String(run.id),
    GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/${run.workflowFile}@refs/heads/master`,
    GITHUB_WORKSPACE: dir,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    ACTIONS_RUNTIME_TOKEN: run.runtimeToken,
    ACTIONS_RESULTS_URL: `${gh.url}/`,
    RUNNER_TEMP: dir,
  };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(NODE, [path.join(ROOT, 'dist/main/index.js')], { cwd: dir, env });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stdout += d));
  const code = await new Promise<number | null>((r) => child.once('close', r));
  return { code, stdout, outputs: readFileCommands(env.GITHUB_OUTPUT!), summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'), dir };
}

const gateRun = (head = HEAD_SHA) =>
  gh.addWorkflowRun({ workflowFile: 'gate.yml', head_branch: 'fork-branch', head_sha: head, event: 'pull_request', status: 'completed', conclusion: 'failure' });
const publishRun = () => gh.addWorkflowRun({ workflowFile: 'publish.yml', head_branch: 'master', head_sha: 'd'.repeat(40), event: 'workflow_run' });
const workflowRun = (run: FakeWorkflowRun, conclusion = 'failure') => ({
  action: 'completed',
  workflow_run: { id: run.id, head_sha: run.head_sha, conclusion, path: '.github/workflows/gate.yml', event: 'pull_request', pull_requests: [] },
});
const publish = (run: FakeWorkflowRun, conclusion = 'failure', inputs: Record<string, string> = {}) =>
  action(publishRun(), 'workflow_run', { mode: 'publish', 'github-token': 'ghs_workflow_token', ...inputs }, {}, workflowRun(run, conclusion));

/** the body with every code span taken out: what GitHub would render as Markdown/HTML */
const outsideCode = (body: string): string => body.replace(/(`+)[\s\S]*?\1/g, '');

const f1File = (f1: number) =>
  JSON.stringify({ indicator: 'accuracy_f1', precision: f1, recall: f1, f1, samples: 1000 });

describe("a fork's pull request through the gate and publish workflows", () => {
  it('the gate cannot comment and leaves pull_request.json; publish posts the comment and the check run with its own token', async () => {
    const run = gateRun();
    const gate = await action(run, 'pull_request', { results: 'results', thresholds: 'accuracy_f1.f1 >= 0.9', 'github-token': 'ghs_readonly_token', baseline: 'none' }, {
      'results/accuracy_f1.json': f1File(0.85),
    });
    expect(gate.code).toBe(1);
    expect(gh.comments(PR)).toHaveLength(0);
    expect(gate.stdout).toContain('the artifact carries pull_request.json');
    expect(JSON.parse(readFileSync(path.join(gate.dir, 'evalgate-report', 'pull_request.json'), 'utf8'))).toEqual({
      number: PR,
      head_sha: HEAD_SHA,
      base_ref: 'master',
    });
    // uploaded before the comment (which links it), then again with pull_request.json once the comment was refused
    expect(gh.artifacts(run.id).filter((a) => !a.deleted).map((a) => a.name)).toEqual(['evalgate-evalgate']);
    expect(gh.artifacts(run.id).filter((a) => a.deleted)).toHaveLength(1);
    const checksBefore = gh.checkRuns().length;

    gh.violations.length = 0;
    const pub = await publish(run);
    expect(pub.stdout).not.toMatch(/::error/);
    expect(pub.code).toBe(0);
    expect(pub.outputs).toMatchObject({ verdict: 'fail', passed: 'true' });
    const [c] = gh.comments(PR);
    expect(c!.user.login).toBe('github-actions[bot]');
    expect(c!.body.startsWith('<!-- evalgate:evalgate -->')).toBe(true);
    expect(c!.body).toContain('**fail**');
    expect(c!.body).toContain(`from [run ${run.id}](https://github.com/${OWNER}/${REPO}/actions/runs/${run.id})`);
    // the links of the gate's own comment: the triggering run and the artifact publish read
    const live = gh.artifacts(run.id).find((a) => !a.deleted)!;
    expect(c!.body).toContain(`[artifact \`evalgate-evalgate\`](https://github.com/${OWNER}/${REPO}/actions/runs/${run.id}/artifacts/${live.id})`);
    expect(pub.outputs['comment-url']).toBe(c!.html_url);
    const checks = gh.checkRuns().slice(checksBefore);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: 'evalgate / evalgate', head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure' });
    expect(checks[0]!.annotations).toEqual([expect.objectContaining({ path: '.github/workflows/gate.yml', message: 'accuracy_f1.f1 >= 0.9: fail (found 0.85)' })]);
    expect(gh.violations).toEqual([]);

    // the fork fixes its pull request: the same comment is updated, a new check run passes
    const fixed = gateRun();
    await action(fixed, 'pull_request', { results: 'results', thresholds: 'accuracy_f1.f1 >= 0.9', 'github-token': 'ghs_readonly_token', baseline: 'none' }, {
      'results/accuracy_f1.json': f1File(0.95),
    });
    const again = await publish(fixed, 'success');
    expect(again.code).toBe(0);
    expect(gh.comments(PR)).toHaveLength(1);
    expect(gh.comments(PR)[0]!.body).toContain('**pass**');
    expect(gh.checkRuns().at(-1)).toMatchObject({ conclusion: 'success', head_sha: HEAD_SHA });
  });

  it('a gate that could comment leaves no pull_request.json: publish has nothing to do', async () => {
    const run = gateRun();
    const gate = await action(run, 'pull_request', { results: 'results', thresholds: 'accuracy_f1.f1 >= 0.8', 'github-token': 'ghs_workflow_token', baseline: 'none' }, {
      'results/accuracy_f1.json': f1File(0.85),
    });
    expect(gate.code).toBe(0);
    expect(existsSync(path.join(gate.dir, 'evalgate-report', 'pull_request.json'))).toBe(false);
    const before = gh.comments(PR).map((c) => c.updated_at + c.body);
    const pub = await publish(run, 'success');
    expect(pub.code).toBe(0);
    expect(pub.stdout).toContain('nothing to publish');
    expect(gh.comments(PR).map((c) => c.updated_at + c.body)).toEqual(before);
  });

  it('publish outside a workflow_run event is an input error, and posts nothing', async () => {
    const r = await action(publishRun(), 'pull_request', { mode: 'publish', 'github-token': 'ghs_workflow_token' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::evalgate evalgate: input mode: expected a workflow_run event/);
  });
});

describe('crafted artifacts: nothing is posted that the triggering run did not test, and text stays text', () => {
  const good = () =>
    JSON.parse(
      JSON.stringify({
        schema_version: 1,
        name: 'evalgate',
        verdict: 'fail',
        generated_at: '2026-12-01T00:00:00.000Z',
        commit: HEAD_SHA,
        ref: `refs/pull/${PR}/merge`,
        pull_request: PR,
        platform: 'local',
        required: ['accuracy_f1'],
        missing_indicators: [],
        indicators: { accuracy_f1: { f1: 0.5, sources: ['a.json'], approximate: false, notes: [] } },
        rules: [
          { indicator: 'accuracy_f1', field: 'f1', op: '>=', expr: '0.9', level: 'error', status: 'fail', actual: 0.5, limit: 0.9, baseline: null, delta: null, detail: '' },
        ],
        problems: [],
        warnings: [],
        jobs: [],
        baseline: { source: 'none', run_id: null, commit: null, created_at: null, path: null, note: null },
      }),
    );
  const prFile = (over: Record<string, unknown> = {}) => JSON.stringify({ number: PR, head_sha: HEAD_SHA, base_ref: 'master', ...over });

  const cases: { name: string; files: (r: ReturnType<typeof good>) => Record<string, string>; error: RegExp }[] = [
    { name: 'another pull request (whose head is another commit)', files: (r) => ({ 'report.json': JSON.stringify(r), 'pull_request.json': prFile({ number: PR + 1 }) }), error: /pull request #\d+: expected its head to be the commit run \d+ tested/ },
    { name: 'a pull request that does not exist', files: (r) => ({ 'report.json': JSON.stringify(r), 'pull_request.json': prFile({ number: 999 }) }), error: /pull request #999: expected a pull request of this repository, got 404/ },
    { name: 'another commit than the run tested', files: (r) => ({ 'report.json': JSON.stringify(r), 'pull_request.json': prFile({ head_sha: 'f'.repeat(40) }) }), error: /\$\.head_sha: expected the commit run \d+ tested/ },
    { name: 'another gate', files: (r) => ({ 'report.json': JSON.stringify({ ...r, name: 'other' }), 'pull_request.json': prFile() }), error: /\$\.name: expected this gate's name "evalgate"/ },
    { name: 'a status that is markup', files: (r) => ({ 'report.json': JSON.stringify({ ...r, rules: [{ ...r.rules[0], status: '<img src=x onerror=alert(1)>' }] }), 'pull_request.json': prFile() }), error: /\$\.rules\[0\]\.status/ },
    { name: 'a number that is text', files: (r) => ({ 'report.json': JSON.stringify({ ...r, jobs: [{ indicator: 'a', shard: '<b>1</b>', platform_id: null, platform_url: null, status: 'ok', duration_s: null }] }), 'pull_request.json': prFile() }), error: /\$\.jobs\[0\]\.shard/ },
    { name: 'a trend that is markup', files: (r) => ({ 'report.json': JSON.stringify({ ...r, rules: [{ ...r.rules[0], history: ['<img src=x>', 1] }] }), 'pull_request.json': prFile() }), error: /\$\.rules\[0\]\.history\[0\]/ },
    { name: 'an interval that is not two numbers', files: (r) => ({ 'report.json': JSON.stringify({ ...r, rules: [{ ...r.rules[0], interval: 'wide' }] }), 'pull_request.json': prFile() }), error: /\$\.rules\[0\]\.interval/ },
    { name: 'a verdict outside pass/warn/fail', files: (r) => ({ 'report.json': JSON.stringify({ ...r, verdict: 'pass -->' }), 'pull_request.json': prFile() }), error: /\$\.verdict/ },
    { name: 'broken JSON', files: () => ({ 'report.json': '{"schema_version": 1,', 'pull_request.json': prFile() }), error: /report\.json/ },
    { name: 'nesting past the reader\'s bound', files: () => ({ 'report.json': '['.repeat(10_000) + ']'.repeat(10_000), 'pull_request.json': prFile() }), error: /report\.json/ },
    { name: 'a pull request number that is not one', files: (r) => ({ 'report.json': JSON.stringify(r), 'pull_request.json': prFile({ number: '12; rm -rf /' }) }), error: /\$\.number/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const run = gateRun();
      await gh.addArtifact(run.id, 'evalgate-evalgate', c.files(good()));
      const bodies = () => [PR, PR + 1, 999].flatMap((n) => gh.comments(n).map((x) => x.updated_at + x.body));
      const before = bodies();
      const checks = gh.checkRuns().length;
      const r = await publish(run);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(c.error);
      expect(r.stdout).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
      expect(bodies()).toEqual(before);
      expect(gh.checkRuns()).toHaveLength(checks);
    });
  }

  it('hostile text in every string field is published only inside code spans (no HTML, no mention, no link)', async () => {
    const evil = '<script>alert(1)</script> @admin [x](javascript:alert(1)) ![i](https://evil.example/p.png) <!-- evalgate:evalgate -->';
    const r = good();
    r.rules[0].indicator = evil;
    r.rules[0].detail = evil;
    r.rules[0].status = 'fail';
    r.problems = [evil];
    r.warnings = [evil];
    r.indicators = { [evil]: { f1: 0.5, sources: [evil], approximate: false, notes: [evil] } };
    r.jobs = [{ indicator: evil, shard: 0, platform_id: evil, platform_url: 'javascript:alert(1)', status: '<b>x</b> @admin', duration_s: 1 }];
    const run = gateRun();
    await gh.addArtifact(run.id, 'evalgate-evalgate', { 'report.json': JSON.stringify(r), 'pull_request.json': prFile() });
    const pub = await publish(run);
    expect(pub.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(pub.code).toBe(0);
    const body = gh.comments(PR)[0]!.body;
    expect(body).toContain('<script>'); // it is there, as text
    const rendered = outsideCode(body);
    for (const bad of ['<script', '@admin', 'javascript:', 'evil.example']) expect(rendered).not.toContain(bad);
    // the marker is only the first line's
    expect(rendered.split('<!-- evalgate:evalgate -->')).toHaveLength(2);
  });
});
