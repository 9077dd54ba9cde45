/**
 * The action end to end, as a runner runs it: the bundled dist/main (under Node 24 when
 * scripts/test.sh fetched it) with INPUT_* variables, GITHUB_EVENT_PATH holding a real
 * `pull_request` webhook payload (@octokit/webhooks-examples), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
 * ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL pointing at the fakes: a fake GitHub REST API
 * that checks every request against GitHub's OpenAPI description, the artifact service backed by
 * Azurite (the real Blob emulator), and a real Prometheus Pushgateway.
 *
 * The story: a push to the base branch gates and leaves its artifact; a pull request that lowers
 * F1 fails against that baseline, with one sticky comment; fixing it updates the same comment.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { startFakeGitHub, type FakeGitHub, type FakeWorkflowRun } from './fakes/github.js';
import { startPushgateway } from './fakes/pushgateway.js';
import { FIXTURES, readFileCommands, SEED, writeFiles } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = process.env.EVALGATE_NODE24 || process.execPath;
const PAYLOAD = JSON.parse(readFileSync(path.join(FIXTURES, 'github/pull_request.opened.json'), 'utf8'));
const OWNER = PAYLOAD.repository.owner.login as string; // Codertocat
const REPO = PAYLOAD.repository.name as string; // Hello-World
const BASE = PAYLOAD.pull_request.base.ref as string; // master
const PR = PAYLOAD.number as number;
const HEAD_SHA = PAYLOAD.pull_request.head.sha as string;
const THRESHOLDS = 'accuracy_f1.f1 >= 0.75\naccuracy_f1.f1 >= baseline - 0.02\nwarn latency_p99.p99_ms <= baseline * 1.5';

let az: Azurite;
let gh: FakeGitHub;
let pgw: { url: string; stop(): Promise<void> };

beforeAll(async () => {
  [az, pgw] = await Promise.all([startAzurite(), startPushgateway()]);
  gh = await startFakeGitHub({ azurite: az, owner: OWNER, repo: REPO });
});
afterAll(async () => {
  await gh?.close();
  await Promise.all([az?.stop(), pgw?.stop()]);
});

interface Step {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  report: { verdict: string; baseline: Record<string, unknown>; rules: Record<string, unknown>[] };
}

/** one workflow run's evalgate step; the fake runs the job whose runtime token it gets */
async function step(
  run: FakeWorkflowRun,
  opts: { event: 'push' | 'pull_request'; f1: number; inputs?: Record<string, string>; env?: Record<string, string> },
): Promise<Step> {
  const dir = writeFiles({
    ...SEED,
    'results/accuracy_f1.json': JSON.stringify({
      indicator: 'accuracy_f1',
      precision: opts.f1,
      recall: opts.f1,
      f1: opts.f1,
      samples: 1000,
    }),
  });
  for (const f of ['output', 'summary', 'state']) writeFileSync(path.join(dir, f), '');
  const event = path.join(dir, 'event.json');
  writeFileSync(event, JSON.stringify(opts.event === 'pull_request' ? PAYLOAD : { ref: `refs/heads/${BASE}`, after: run.head_sha }));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    GITHUB_STATE: path.join(dir, 'state'),
    GITHUB_EVENT_NAME: opts.event,
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REF: opts.event === 'pull_request' ? `refs/pull/${PR}/merge` : `refs/heads/${BASE}`,
    GITHUB_SHA: run.head_sha,
    GITHUB_RUN_ID: String(run.id),
    GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/${run.workflowFile}@refs/heads/${BASE}`,
    GITHUB_WORKSPACE: dir,
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    ACTIONS_RUNTIME_TOKEN: run.runtimeToken,
    ACTIONS_RESULTS_URL: `${gh.url}/`,
    RUNNER_TEMP: dir,
    ...opts.env,
  };
  const inputs = { results: 'results', thresholds: THRESHOLDS, 'github-token': 'ghs_workflow_token', pushgateway: pgw.url, ...opts.inputs };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(NODE, [path.join(ROOT, 'dist/main/index.js')], { cwd: dir, env });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stdout += d));
  const code = await new Promise<number | null>((r) => child.once('close', r));
  return {
    code,
    stdout,
    outputs: readFileCommands(env.GITHUB_OUTPUT!),
    summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8'),
    report: JSON.parse(readFileSync(path.join(dir, 'evalgate-report/report.json'), 'utf8')),
  };
}

describe('the action on a runner (bundle, fake GitHub, Azurite, Pushgateway)', () => {
  let push: FakeWorkflowRun;
  let firstUrl = '';

  it('a push to the base branch gates, uploads evalgate-<name> and posts no comment', async () => {
    push = gh.addWorkflowRun({
      workflowFile: 'gate.yml',
      head_branch: BASE,
      head_sha: 'a'.repeat(40),
      event: 'push',
      conclusion: 'success',
    });
    const r = await step(push, { event: 'push', f1: 0.9 });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.report.baseline).toMatchObject({ source: 'none', note: 'baseline: auto finds one only on pull requests' });
    expect(r.report.rules.find((x) => x.expr === 'baseline - 0.02')).toMatchObject({ status: 'skipped' });
    const [artifact] = gh.artifacts(push.id);
    expect(artifact).toMatchObject({ name: 'evalgate-evalgate', finalized: true });
    expect(gh.requests.some((q) => q.path.includes('/comments'))).toBe(false);
    expect(r.outputs['comment-url']).toBe('');
    expect(gh.violations).toEqual([]);
  });

  it('a pull request that lowers F1 fails against the base artifact, with one sticky comment, annotations, summary and metrics', async () => {
    const prRun = gh.addWorkflowRun({
      workflowFile: 'gate.yml',
      head_branch: 'changes',
      head_sha: HEAD_SHA,
      event: 'pull_request',
      conclusion: null,
      status: 'in_progress',
    });
    const r = await step(prRun, { event: 'pull_request', f1: 0.85 });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs.passed).toBe('false');
    // the baseline: the push run's artifact
    expect(r.report.baseline).toMatchObject({ source: 'artifact', run_id: push.id, commit: 'a'.repeat(40) });
    const rule = r.report.rules.find((x) => x.expr === 'baseline - 0.02')!;
    expect(rule).toMatchObject({ status: 'fail', actual: 0.85, baseline: 0.9, delta: -0.05 });
    expect(rule.limit).toBeCloseTo(0.88, 12);
    expect(JSON.parse(r.outputs.violations!)).toEqual([expect.objectContaining({ indicator: 'accuracy_f1', expr: 'baseline - 0.02' })]);
    // the comment
    const comments = gh.comments(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.login).toBe('github-actions[bot]');
    expect(comments[0]!.body.startsWith('<!-- evalgate:evalgate -->')).toBe(true);
    expect(comments[0]!.body).toContain('**fail**');
    expect(r.outputs['comment-url']).toBe(comments[0]!.html_url);
    firstUrl = comments[0]!.html_url;
    // annotation, summary, the PR's own artifact
    expect(r.stdout).toContain(
      '::error title=evalgate evalgate%3A accuracy_f1.f1 failed::accuracy_f1.f1 >= baseline - 0.02: fail (found 0.85)',
    );
    expect(r.summary).toContain('| `accuracy_f1.f1`');
    expect(r.summary).toContain(`[The PR comment](${firstUrl})`);
    const artifacts = gh.artifacts(prRun.id);
    expect(artifacts.map((a) => a.name)).toEqual(['evalgate-evalgate']);
    // the comment links the run and the artifact it uploaded first (SPEC §11); report.md in it cannot link itself
    const runPage = `https://github.com/${OWNER}/${REPO}/actions/runs/${prRun.id}`;
    expect(comments[0]!.body).toContain(`[workflow run](${runPage}) · [artifact \`evalgate-evalgate\`](${runPage}/artifacts/${artifacts[0]!.id})`);
    expect(r.summary).toContain(`${runPage}/artifacts/${artifacts[0]!.id}`);
    expect(readFileSync(r.outputs['report-markdown']!, 'utf8')).toContain(
      `[workflow run](${runPage}) · this file is in the artifact \`evalgate-evalgate\` of that run`,
    );
    // the failing rule is the first row
    expect(comments[0]!.body.split('\n').filter((l) => l.startsWith('| '))[2]).toMatch(/^\| ⚠️ fail \(warn\) +\| `accuracy_f1.f1`|^\| ❌ fail +\| `accuracy_f1.f1`/);
    // the check run on the pull request's head (not the merge commit), completed as a failure
    const checks = gh.checkRuns().filter((c) => c.head_sha === HEAD_SHA);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: 'evalgate / evalgate', status: 'completed', conclusion: 'failure', details_url: `https://github.com/${OWNER}/${REPO}/actions/runs/${prRun.id}` });
    expect(checks[0]!.history).toEqual(['in_progress', 'completed']);
    expect(checks[0]!.output.summary).toContain('**fail**');
    expect(checks[0]!.annotations).toEqual([
      expect.objectContaining({ path: '.github/workflows/gate.yml', annotation_level: 'failure', message: 'accuracy_f1.f1 >= baseline - 0.02: fail (found 0.85)' }),
    ]);
    expect(r.summary).toContain('[The check run](https://github.com/');
    // the token never appears in the log
    expect(r.stdout.replace(/::add-mask::ghs_workflow_token/g, '')).not.toContain('ghs_workflow_token');
    // pushed to the real gateway, grouped by gate and ref
    const metrics = await (await fetch(`${pgw.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`evalgate_verdict\\{[^}]*gate="evalgate"[^}]*ref="refs/pull/${PR}/merge"[^}]*\\}`));
    expect(gh.violations).toEqual([]);
  });

  it('fixing the pull request updates the same comment: still one comment, now passing', async () => {
    const prRun = gh.addWorkflowRun({
      workflowFile: 'gate.yml',
      head_branch: 'changes',
      head_sha: HEAD_SHA,
      event: 'pull_request',
      conclusion: null,
      status: 'in_progress',
    });
    const r = await step(prRun, { event: 'pull_request', f1: 0.91, inputs: { comment: 'on-failure' } });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    const comments = gh.comments(PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('**pass**');
    expect(r.outputs['comment-url']).toBe(firstUrl);
    expect(gh.violations).toEqual([]);
  });

  it("a fork's read-only token: one warning, the summary still carries the report, the verdict is unchanged", async () => {
    const prRun = gh.addWorkflowRun({
      workflowFile: 'gate.yml',
      head_branch: 'fork',
      head_sha: HEAD_SHA,
      event: 'pull_request',
      conclusion: null,
      status: 'in_progress',
    });
    const before = gh.comments(PR).map((c) => c.body);
    const checksBefore = gh.checkRuns().length;
    const r = await step(prRun, { event: 'pull_request', f1: 0.85, inputs: { 'github-token': 'ghs_readonly_token' } });
    expect(r.code).toBe(1);
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs['comment-url']).toBe('');
    expect(gh.comments(PR).map((c) => c.body)).toEqual(before);
    const warnings = r.stdout.split('\n').filter((l) => l.startsWith('::warning::could not comment'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('403 Resource not accessible by integration');
    expect(r.summary).toContain('| `accuracy_f1.f1`');
    expect(r.summary).toContain('could not comment on pull request');
    // the artifact was uploaded again with pull_request.json; the summary links that one
    const live = gh.artifacts(prRun.id).filter((a) => !a.deleted);
    expect(live).toHaveLength(1);
    expect(r.summary).toContain(`/actions/runs/${prRun.id}/artifacts/${live[0]!.id})`);
    // no check run either: a note (check: auto), not a warning
    expect(gh.checkRuns()).toHaveLength(checksBefore);
    expect(r.stdout).toContain('evalgate: no check run: the token may not write checks');
    expect(r.stdout).not.toContain('::warning::no check run');
    expect(r.summary).toContain('> [!NOTE]\n> no check run');
  });

  it('check: false never calls the Checks API; check: true makes a missing permission a warning; comment: on-change edits nothing when nothing changed', async () => {
    const mk = () =>
      gh.addWorkflowRun({ workflowFile: 'gate.yml', head_branch: 'changes', head_sha: HEAD_SHA, event: 'pull_request', conclusion: null, status: 'in_progress' });
    const before = gh.requests.filter((q) => q.path.includes('/check-runs')).length;
    const off = await step(mk(), { event: 'pull_request', f1: 0.91, inputs: { check: 'false', comment: 'on-change' } });
    expect(off.code).toBe(0);
    expect(gh.requests.filter((q) => q.path.includes('/check-runs')).length).toBe(before);
    const commentBody = gh.comments(PR)[0]!.body;
    const patches = gh.requests.filter((q) => q.method === 'PATCH' && q.path.includes('/issues/comments/')).length;
    const again = await step(mk(), { event: 'pull_request', f1: 0.915, inputs: { check: 'false', comment: 'on-change' } });
    expect(again.code).toBe(0);
    expect(gh.requests.filter((q) => q.method === 'PATCH' && q.path.includes('/issues/comments/')).length).toBe(patches);
    expect(gh.comments(PR)[0]!.body).toBe(commentBody);
    const strict = await step(mk(), { event: 'pull_request', f1: 0.91, inputs: { check: 'true', 'github-token': 'ghs_readonly_token' } });
    expect(strict.stdout).toMatch(/::warning::no check run: the token may not write checks/);
    const bad = await step(mk(), { event: 'pull_request', f1: 0.91, inputs: { check: 'sometimes' } });
    expect(bad.code).toBe(1);
    expect(bad.report.verdict).toBe('fail');
    expect(bad.stdout).toContain('input check');
    gh.violations.length = 0;
  });

  it('no artifact service: one warning, verdict and outputs unchanged', async () => {
    const prRun = gh.addWorkflowRun({
      workflowFile: 'gate.yml',
      head_branch: 'x',
      head_sha: HEAD_SHA,
      event: 'pull_request',
      conclusion: null,
      status: 'in_progress',
    });
    const r = await step(prRun, { event: 'pull_request', f1: 0.91, env: { ACTIONS_RUNTIME_TOKEN: '' }, inputs: { comment: 'never' } });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.stdout.split('\n').filter((l) => l.includes('not uploaded'))).toEqual([
      '::warning::artifact evalgate-evalgate not uploaded: no artifact service here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set); the report is in the job summary',
    ]);
    expect(gh.artifacts(prRun.id)).toEqual([]);
    // the baseline was still found through the REST API
    expect(r.report.baseline).toMatchObject({ source: 'artifact', run_id: push.id });
  });
});
