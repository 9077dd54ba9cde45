/**
 * The check run and the comment modes `on-change` and `new` against the fake GitHub: REST requests
 * checked against GitHub's OpenAPI description, GraphQL ones parsed, validated and executed
 * against GitHub's published schema (@octokit/graphql-schema), through the Octokit the action bundles.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { startFakeGitHub, type FakeGitHub } from './fakes/github.js';
import { markerFor } from '../src/core/report/md.js';
import type { Report } from '../src/core/report/report.js';
import type { RuleResult } from '../src/core/gate.js';

let az: Azurite;
let gh: FakeGitHub;
let api: typeof import('../src/github/api.js');
let comment: typeof import('../src/github/comment.js');
let check: typeof import('../src/github/check.js');

beforeAll(async () => {
  az = await startAzurite();
  gh = await startFakeGitHub({ azurite: az });
  process.env.GITHUB_API_URL = gh.url;
  api = await import('../src/github/api.js');
  comment = await import('../src/github/comment.js');
  check = await import('../src/github/check.js');
});
afterAll(async () => {
  await gh?.close();
  await az?.stop();
});

const env = () => ({ GITHUB_API_URL: gh.url });
let issue = 500;
beforeEach(() => {
  issue++;
  gh.violations.length = 0;
});

function rule(status: RuleResult['status'], over: Partial<RuleResult> = {}): RuleResult {
  return {
    indicator: 'latency_p99',
    field: 'p99_ms',
    op: '<=',
    expr: '100',
    level: 'error',
    status,
    actual: status === 'pass' ? 80 : 120,
    limit: 100,
    baseline: null,
    delta: null,
    detail: '',
    ...over,
  };
}

function report(verdict: Report['verdict'], rules: RuleResult[]): Report {
  return {
    schema_version: 1,
    name: 'evalgate',
    verdict,
    generated_at: new Date(0).toISOString(),
    commit: null,
    ref: null,
    pull_request: issue,
    platform: 'local',
    required: [],
    missing_indicators: [],
    indicators: {},
    rules,
    problems: [],
    warnings: [],
    jobs: [],
    baseline: { source: 'none' } as Report['baseline'],
  };
}

const SHA = 'c'.repeat(40);
const target = () => ({ owner: gh.owner, repo: gh.repo, headSha: SHA });

describe('comment modes', () => {
  const post = (r: Report, mode: 'on-change' | 'new' | 'always', text: string, token = 'ghs_workflow_token') =>
    comment.upsertComment(
      api.githubApi(token, env()),
      token,
      { owner: gh.owner, repo: gh.repo, issue },
      markerFor('evalgate'),
      `${markerFor('evalgate')}\n### evalgate\n\n${text}\n`,
      { mode, failing: r.verdict !== 'pass', state: comment.commentState(r) },
    );

  it('on-change: a run with new values but the same verdict and statuses edits nothing; a changed status edits the comment', async () => {
    const first = await post(report('fail', [rule('fail')]), 'on-change', 'p99 120');
    expect(first.action).toBe('created');
    const patches = () => gh.requests.filter((q) => q.method === 'PATCH' && q.path.includes(`/issues/comments/`)).length;
    const before = patches();
    const same = await post(report('fail', [rule('fail', { actual: 130 })]), 'on-change', 'p99 130');
    expect(same).toMatchObject({ action: 'unchanged', id: (first as { id: number }).id });
    expect(patches()).toBe(before);
    expect(gh.comments(issue)[0]!.body).toContain('p99 120');
    const fixed = await post(report('pass', [rule('pass')]), 'on-change', 'p99 80');
    expect(fixed).toMatchObject({ action: 'updated', id: (first as { id: number }).id });
    expect(gh.comments(issue)).toHaveLength(1);
    expect(gh.comments(issue)[0]!.body).toContain('p99 80');
    // always: the same statuses still refresh the values
    const always = await post(report('pass', [rule('pass', { actual: 70 })]), 'always', 'p99 70');
    expect(always.action).toBe('updated');
    expect(gh.violations).toEqual([]);
  });

  it('the state line differs exactly when the verdict or a status differs', () => {
    const a = comment.commentState(report('fail', [rule('fail')]));
    expect(comment.commentState(report('fail', [rule('fail', { actual: 999, limit: 5 })]))).toBe(a);
    expect(comment.commentState(report('warn', [rule('fail')]))).not.toBe(a);
    expect(comment.commentState(report('fail', [rule('missing')]))).not.toBe(a);
    expect(comment.commentState(report('fail', [rule('fail', { expr: '90' })]))).not.toBe(a);
    expect(a).toMatch(/^<!-- evalgate-state:[0-9a-f]{16} -->$/);
  });

  it('new: a new comment each run, the older ones minimised as outdated through GraphQL; a stranger\'s never', async () => {
    const stranger = gh.addComment(issue, { body: `${markerFor('evalgate')}\nquoted`, login: 'mallory' });
    const runs = [];
    for (const n of [1, 2, 3]) runs.push(await post(report('fail', [rule('fail')]), 'new', `run ${n}`));
    expect(runs.map((r) => r.action)).toEqual(['created', 'created', 'created']);
    expect(runs.map((r) => (r as { minimized?: number }).minimized)).toEqual([0, 1, 2]);
    const ours = gh.comments(issue).filter((c) => c.user.login === 'github-actions[bot]');
    expect(ours.map((c) => c.body.split('\n').at(-2))).toEqual(['run 1', 'run 2', 'run 3']);
    expect(gh.minimized.get(ours[0]!.node_id)).toBe('OUTDATED');
    expect(gh.minimized.get(ours[1]!.node_id)).toBe('OUTDATED');
    expect(gh.minimized.has(ours[2]!.node_id)).toBe(false);
    expect(gh.minimized.has(stranger.node_id)).toBe(false);
    expect(gh.graphqlRequests.every((q) => q.status === 200)).toBe(true);
    expect(gh.violations).toEqual([]);
  });

  it('new: a read-only token cannot comment: one warning, nothing minimised', async () => {
    const r = await post(report('fail', [rule('fail')]), 'new', 'fork', 'ghs_readonly_token');
    expect(r.action).toBe('failed');
    expect((r as { warning: string }).warning).toContain('403');
    expect(gh.comments(issue)).toHaveLength(0);
  });

  it('the fake refuses a GraphQL request that GitHub would refuse (the check the tests rely on)', async () => {
    const octo = api.githubApi('ghs_workflow_token', env());
    await expect(octo.graphql('mutation { minimizeComment(input: {subjectId: "x", classifier: STALE}) { clientMutationId } }')).rejects.toThrow();
    expect(gh.violations.join('\n')).toMatch(/does not validate against GitHub's schema/);
    gh.violations.length = 0;
    await expect(octo.graphql('query { viewer { notAField } }')).rejects.toThrow();
    expect(gh.violations.join('\n')).toMatch(/notAField/);
  });
});

describe('check run', () => {
  it('in_progress with the job links, then completed: failure, the report as summary, one annotation per failed rule on its line', async () => {
    const octo = api.githubApi('ghs_workflow_token', env());
    const started = await check.startCheck(octo, target(), 'nightly', {
      jobs: [{ name: 'latency_p99', url: 'https://ml.azure.com/runs/evalgate-abc' }, { name: 'accuracy_f1' }],
      detailsUrl: 'https://github.com/o/r/actions/runs/1',
    });
    expect(started.ok).toBe(true);
    const run = gh.checkRuns().at(-1)!;
    expect(run).toMatchObject({ name: 'evalgate / nightly', head_sha: SHA, status: 'in_progress', details_url: 'https://github.com/o/r/actions/runs/1' });
    expect(run.output.summary).toContain('[latency_p99](https://ml.azure.com/runs/evalgate-abc)');
    expect(run.output.summary).toContain('- accuracy_f1');

    const config = 'thresholds:\n  - accuracy_f1.f1 >= 0.8\n  - latency_p99.p99_ms <= 100\n';
    const rules = [rule('pass', { indicator: 'accuracy_f1', field: 'f1', op: '>=', expr: '0.8' }), rule('fail'), rule('fail', { level: 'warn', field: 'p90_ms' })];
    const r = report('fail', rules);
    const done = await check.finishCheck(octo, target(), (started as { id: number }).id, r, {
      summary: '### evalgate: **fail**',
      conclusion: check.conclusionFor(r, false, false),
      annotations: check.checkAnnotations(r, '.github/evalgate.yml', config),
    });
    expect(done.ok).toBe(true);
    expect(run.history).toEqual(['in_progress', 'completed']);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'failure', output: { summary: '### evalgate: **fail**', title: 'fail: 1 of 3 rules pass' } });
    expect(run.annotations).toEqual([
      expect.objectContaining({ path: '.github/evalgate.yml', start_line: 3, end_line: 3, annotation_level: 'failure', message: 'latency_p99.p99_ms <= 100: fail (found 120)' }),
      expect.objectContaining({ start_line: 1, annotation_level: 'warning', title: 'latency_p99.p90_ms fail' }),
    ]);
    expect(gh.violations).toEqual([]);
  });

  it('120 failed rules: annotations in batches of 50 (the API limit), all appended; a 70,000-character report is cut to 65,535', async () => {
    const octo = api.githubApi('ghs_workflow_token', env());
    const started = await check.startCheck(octo, target(), 'wide');
    const rules = Array.from({ length: 120 }, (_, i) => rule('fail', { field: `f${i}` }));
    const r = report('fail', rules);
    const before = gh.requests.length;
    const done = await check.finishCheck(octo, target(), (started as { id: number }).id, r, {
      summary: 'x'.repeat(70_000),
      conclusion: 'failure',
      annotations: check.checkAnnotations(r, 'evalgate.yml'),
    });
    expect(done.ok).toBe(true);
    const patches = gh.requests.slice(before).filter((q) => q.method === 'PATCH');
    expect(patches.map((q) => ((q.body as { output: { annotations?: unknown[] } }).output.annotations ?? []).length)).toEqual([50, 50, 20]);
    const run = gh.checkRuns().at(-1)!;
    expect(run.annotations).toHaveLength(120);
    expect(run.output.summary!.length).toBe(65535);
    expect(run.output.summary).toMatch(/cut: the whole report is in the job summary/);
    expect(run.status).toBe('completed');
    expect(gh.violations).toEqual([]);
  });

  it('a token without checks: write gets a note naming the permission; nothing else is sent', async () => {
    const octo = api.githubApi('ghs_readonly_token', env());
    const r = await check.startCheck(octo, target(), 'fork');
    expect(r.ok).toBe(false);
    expect((r as { note: string }).note).toMatch(/permissions: checks: write/);
    expect((r as { status: number }).status).toBe(403);
  });

  it('conclusion by verdict, step result and cancellation', () => {
    const cases: [Report['verdict'], boolean, boolean, string][] = [
      ['pass', true, false, 'success'],
      ['warn', true, false, 'neutral'],
      ['warn', false, false, 'failure'],
      ['fail', false, false, 'failure'],
      ['fail', true, false, 'neutral'], // fail-on: never lets it through
      ['pass', true, true, 'cancelled'],
    ];
    for (const [verdict, passed, cancelled, want] of cases) expect(check.conclusionFor(report(verdict, []), passed, cancelled)).toBe(want);
  });
});
