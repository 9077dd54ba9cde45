/**
 * The sticky comment and the artifact baseline against the fake GitHub (each request checked
 * against GitHub's OpenAPI description) and the artifact service backed by Azurite, through the
 * same Octokit and @actions/artifact clients the action bundles.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { startFakeGitHub, type FakeGitHub } from './fakes/github.js';
import { markerFor } from '../src/core/report/md.js';
import type { GitHubContext } from '../src/github/context.js';

// @actions/github reads GITHUB_API_URL when it is first imported (the artifact client's REST
// download uses that default), so the modules are imported once the fake's URL is known.
let az: Azurite;
let gh: FakeGitHub;
let api: typeof import('../src/github/api.js');
let comment: typeof import('../src/github/comment.js');
let baseline: typeof import('../src/github/baseline.js');
let artifact: typeof import('../src/github/artifact.js');

beforeAll(async () => {
  az = await startAzurite();
  gh = await startFakeGitHub({ azurite: az });
  process.env.GITHUB_API_URL = gh.url;
  api = await import('../src/github/api.js');
  comment = await import('../src/github/comment.js');
  baseline = await import('../src/github/baseline.js');
  artifact = await import('../src/github/artifact.js');
});
afterAll(async () => {
  await gh?.close();
  await az?.stop();
});

const env = () => ({ GITHUB_API_URL: gh.url });
let issue = 100;
beforeEach(() => {
  issue++;
  gh.violations.length = 0;
});

function body(name: string, text: string): string {
  return `${markerFor(name)}\n### evalgate ${name}\n\n${text}\n`;
}

describe('sticky PR comment', () => {
  const upsert = (token: string, name: string, text: string, mode: 'always' | 'on-failure' | 'never' = 'always', failing = true) =>
    comment.upsertComment(
      api.githubApi(token, env()),
      token,
      { owner: gh.owner, repo: gh.repo, issue },
      markerFor(name),
      body(name, text),
      {
        mode,
        failing,
      },
    );

  it('creates one comment, then updates it in place: two runs, one comment', async () => {
    const first = await upsert('ghs_workflow_token', 'evalgate', 'run 1');
    expect(first.action).toBe('created');
    const second = await upsert('ghs_workflow_token', 'evalgate', 'run 2');
    expect(second).toMatchObject({ action: 'updated', url: first.url });
    const all = gh.comments(issue);
    expect(all).toHaveLength(1);
    expect(all[0]!.body).toContain('run 2');
    expect(all[0]!.user.login).toBe('github-actions[bot]');
    expect(first.url).toBe(all[0]!.html_url);
    expect(gh.violations).toEqual([]);
  });

  it('finds its comment on the third page, behind 250 others, and never touches a stranger quoting the marker', async () => {
    for (let i = 0; i < 120; i++) gh.addComment(issue, { body: `comment ${i}`, login: 'alice' });
    // a stranger quotes our marker before our own comment exists
    const quote = gh.addComment(issue, { body: `> ${markerFor('evalgate')}\n> what is this?`, login: 'mallory' });
    for (let i = 0; i < 130; i++) gh.addComment(issue, { body: `comment b${i}`, login: 'bob' });
    const ours = gh.addComment(issue, { body: body('evalgate', 'old'), login: 'github-actions[bot]', type: 'Bot' });
    const r = await upsert('ghs_workflow_token', 'evalgate', 'new');
    expect(r).toMatchObject({ action: 'updated', id: ours.id });
    expect(gh.comments(issue).find((c) => c.id === quote.id)!.body).toBe(quote.body);
    expect(gh.comments(issue).find((c) => c.id === ours.id)!.body).toContain('new');
    expect(gh.comments(issue)).toHaveLength(252);
    // every page was read (100 per page)
    const lists = gh.requests.filter((q) => q.method === 'GET' && q.path.endsWith(`/issues/${issue}/comments`));
    expect(lists.length).toBeGreaterThanOrEqual(3);
    expect(gh.violations).toEqual([]);
  });

  it('a stranger quoting the marker does not stop our own comment being created', async () => {
    const quote = gh.addComment(issue, { body: `see ${markerFor('evalgate')}`, login: 'mallory' });
    const r = await upsert('ghs_workflow_token', 'evalgate', 'x');
    expect(r.action).toBe('created');
    expect(gh.comments(issue)).toHaveLength(2);
    expect(gh.comments(issue)[0]!.body).toBe(quote.body);
  });

  it("another gate's marker quoted inside our own comment (a file name in a report) does not make that comment this gate's", async () => {
    const other = gh.addComment(issue, {
      body: body('evalgate', 'problem in `<!-- evalgate:security -->.json`'),
      login: 'github-actions[bot]',
      type: 'Bot',
    });
    const r = await upsert('ghs_workflow_token', 'security', 'security report');
    expect(r.action).toBe('created');
    expect(gh.comments(issue).find((c) => c.id === other.id)!.body).toBe(other.body);
    expect(gh.comments(issue)).toHaveLength(2);
  });

  it('two gates with different names keep two comments', async () => {
    await upsert('ghs_workflow_token', 'nightly', 'a');
    await upsert('ghs_workflow_token', 'nightly-2', 'b');
    await upsert('ghs_workflow_token', 'nightly', 'c');
    const all = gh.comments(issue);
    expect(all.map((c) => c.body.split('\n')[0])).toEqual([markerFor('nightly'), markerFor('nightly-2')]);
    expect(all[0]!.body).toContain('c');
  });

  it('on-failure: nothing for a passing gate, a comment for a failing one, and the fix shown by updating it', async () => {
    expect(await upsert('ghs_workflow_token', 'evalgate', 'pass', 'on-failure', false)).toMatchObject({ action: 'skipped' });
    expect(gh.requests.filter((q) => q.method === 'POST' && q.path.includes(`/issues/${issue}/`))).toHaveLength(0);
    expect((await upsert('ghs_workflow_token', 'evalgate', 'fail', 'on-failure', true)).action).toBe('created');
    expect((await upsert('ghs_workflow_token', 'evalgate', 'fixed', 'on-failure', false)).action).toBe('updated');
    expect(gh.comments(issue)).toHaveLength(1);
    expect(gh.comments(issue)[0]!.body).toContain('fixed');
  });

  it('never: no request at all', async () => {
    const before = gh.requests.length;
    expect(await upsert('ghs_workflow_token', 'evalgate', 'x', 'never')).toMatchObject({ action: 'skipped' });
    expect(gh.requests.length).toBe(before);
  });

  it("a fork's read-only token: one warning that says why, no comment", async () => {
    const r = await upsert('ghs_readonly_token', 'evalgate', 'x');
    expect(r.action).toBe('failed');
    if (r.action !== 'failed') return;
    expect(r.warning).toContain('403 Resource not accessible by integration');
    expect(r.warning).toContain('fork');
    expect(r.warning).toContain('pull-requests: write');
    expect(gh.comments(issue)).toHaveLength(0);
  });

  it("a personal token writes as its user and finds that user's comment, not the bot's", async () => {
    const bot = gh.addComment(issue, { body: body('evalgate', 'bot'), login: 'github-actions[bot]', type: 'Bot' });
    const mine = gh.addComment(issue, { body: body('evalgate', 'octocat'), login: 'octocat' });
    const r = await upsert('ghp_user_token', 'evalgate', 'updated by octocat');
    expect(r).toMatchObject({ action: 'updated', id: mine.id });
    expect(gh.comments(issue).find((c) => c.id === bot.id)!.body).toContain('bot');
  });

  it('a 500 is retried before it becomes a warning', async () => {
    gh.failNext('POST', new RegExp(`/issues/${issue}/comments$`), 502, { message: 'Server Error' }, 1);
    const r = await upsert('ghs_workflow_token', 'evalgate', 'x');
    expect(r.action).toBe('created');
    expect(gh.comments(issue)).toHaveLength(1);
  });
});

describe('baseline: auto from the base branch artifact', () => {
  const ctx = (over: Partial<GitHubContext> = {}): GitHubContext => ({
    eventName: 'pull_request',
    owner: gh.owner,
    repo: gh.repo,
    pullRequest: { number: 7, baseRef: 'release', headSha: 'f'.repeat(40) },
    workflowFile: 'gate.yml',
    runId: 1,
    serverUrl: 'https://github.com',
    ...over,
  });
  const report = (f1: number) =>
    JSON.stringify({
      schema_version: 1,
      generated_at: '2026-11-20T00:00:00Z',
      commit: 'c'.repeat(40),
      indicators: { accuracy_f1: { f1 } },
    });
  const find = (token = 'ghs_workflow_token', c = ctx(), gate = 'evalgate') => {
    const warnings: string[] = [];
    return baseline
      .findArtifactBaseline({
        api: api.githubApi(token, env()),
        ctx: c,
        gate,
        download: artifact.artifactDownloader(token, gh.owner, gh.repo),
        warn: (t) => warnings.push(t),
      })
      .then((r) => ({ ...r, warnings }));
  };

  it('takes the newest successful push run that still has a readable artifact, passing over the others with a note', async () => {
    const run = (sha: string, day: number, over: object = {}) =>
      gh.addWorkflowRun({
        workflowFile: 'gate.yml',
        head_branch: 'release',
        head_sha: sha.repeat(40),
        event: 'push',
        conclusion: 'success',
        created_at: `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`,
        ...over,
      });
    const good = run('1', 10);
    await gh.addArtifact(good.id, 'evalgate-evalgate', { 'report.json': report(0.9), 'report.md': '# old' });
    const broken = run('2', 11);
    await gh.addArtifact(broken.id, 'evalgate-evalgate', { 'report.json': '{"schema_version": 1, "indicators": [' });
    const expired = run('3', 12);
    gh.expireArtifact((await gh.addArtifact(expired.id, 'evalgate-evalgate', { 'report.json': report(0.1) })).id);
    const other = run('4', 13);
    await gh.addArtifact(other.id, 'evalgate-other', { 'report.json': report(0.2) });
    // not candidates: a failed run, a pull_request run, another branch, another workflow
    const failed = run('5', 14, { conclusion: 'failure' });
    await gh.addArtifact(failed.id, 'evalgate-evalgate', { 'report.json': report(0.3) });
    const prRun = run('6', 15, { event: 'pull_request' });
    await gh.addArtifact(prRun.id, 'evalgate-evalgate', { 'report.json': report(0.4) });
    const main = run('7', 16, { head_branch: 'main' });
    await gh.addArtifact(main.id, 'evalgate-evalgate', { 'report.json': report(0.5) });
    const otherWf = run('8', 17, { workflowFile: 'other.yml' });
    await gh.addArtifact(otherWf.id, 'evalgate-evalgate', { 'report.json': report(0.6) });

    const r = await find();
    expect(r.problems).toEqual([]);
    expect(r.indicators).toEqual({ accuracy_f1: { f1: 0.9 } });
    expect(r.info).toMatchObject({ source: 'artifact', run_id: good.id, commit: '1'.repeat(40), created_at: '2026-11-10T10:00:00Z' });
    expect(r.info.note).toContain(`run ${other.id}: no evalgate-evalgate artifact`);
    expect(r.info.note).toContain(`run ${expired.id}: artifact expired`);
    expect(r.info.note).toContain(`run ${broken.id}: evalgate-evalgate/report.json (run ${broken.id})`);
    expect(r.warnings).toHaveLength(1);
    expect(gh.violations).toEqual([]);
  });

  it('an artifact written by a gate of another name is passed over, with a note saying whose it was', async () => {
    const run = (sha: string, day: number) =>
      gh.addWorkflowRun({
        workflowFile: 'named.yml',
        head_branch: 'named',
        head_sha: sha.repeat(40),
        event: 'push',
        conclusion: 'success',
        created_at: `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`,
      });
    const named = (name: string, f1: number) => JSON.stringify({ ...JSON.parse(report(f1)), name });
    const older = run('a', 10);
    await gh.addArtifact(older.id, 'evalgate-evalgate', { 'report.json': named('evalgate', 0.9) });
    const newer = run('b', 11);
    await gh.addArtifact(newer.id, 'evalgate-evalgate', { 'report.json': named('perf', 0.1) });
    const r = await find(
      'ghs_workflow_token',
      ctx({ workflowFile: 'named.yml', pullRequest: { number: 10, baseRef: 'named', headSha: null } }),
    );
    expect(r.indicators).toEqual({ accuracy_f1: { f1: 0.9 } });
    expect(r.info.run_id).toBe(older.id);
    expect(r.info.note).toContain(
      `run ${newer.id}: baseline: evalgate-evalgate/report.json (run ${newer.id}) is from gate "perf", not "evalgate"; not used`,
    );
  });

  it('history: 3 reads the 3 newest readable reports in one walk (newest first), and stops there', async () => {
    const run = (sha: string, day: number) =>
      gh.addWorkflowRun({
        workflowFile: 'hist.yml',
        head_branch: 'hist',
        head_sha: sha.repeat(40),
        event: 'push',
        conclusion: 'success',
        created_at: `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`,
      });
    const runs = [];
    for (const [i, f1] of [0.81, 0.82, 0.83, 0.84, 0.85].entries()) {
      const r = run(String(i + 1), 10 + i);
      runs.push(r);
      // the second newest has no artifact: passed over, and the walk goes one run further
      if (i !== 3) await gh.addArtifact(r.id, 'evalgate-evalgate', { 'report.json': report(f1) });
    }
    const before = gh.requests.length;
    const warnings: string[] = [];
    const r = await baseline.findArtifactBaseline({
      api: api.githubApi('ghs_workflow_token', env()),
      ctx: ctx({ workflowFile: 'hist.yml', pullRequest: { number: 11, baseRef: 'hist', headSha: null } }),
      gate: 'evalgate',
      download: artifact.artifactDownloader('ghs_workflow_token', gh.owner, gh.repo),
      warn: (t) => warnings.push(t),
      history: 3,
    });
    expect(r.indicators).toEqual({ accuracy_f1: { f1: 0.85 } });
    expect(r.history).toEqual([{ accuracy_f1: { f1: 0.85 } }, { accuracy_f1: { f1: 0.83 } }, { accuracy_f1: { f1: 0.82 } }]);
    expect(r.info.history!.map((h) => h.run_id)).toEqual([runs[4]!.id, runs[2]!.id, runs[1]!.id]);
    expect(r.info.note).toContain('history: 3 of 3 report(s) read');
    expect(r.info.note).toContain(`run ${runs[3]!.id}: no evalgate-evalgate artifact`);
    const made = gh.requests.slice(before);
    const lists = made.filter((q) => /\/actions\/workflows\/hist\.yml\/runs$/.test(q.path));
    expect(lists).toHaveLength(1);
    expect(lists[0]!.query).toMatchObject({ branch: 'hist', event: 'push', status: 'success', per_page: '20' });
    // one artifact list per run walked: the four newest, never the oldest
    const artifactLists = made.filter((q) => /\/actions\/runs\/\d+\/artifacts$/.test(q.path));
    expect(artifactLists.map((q) => Number(q.path.split('/').at(-2)))).toEqual([runs[4]!.id, runs[3]!.id, runs[2]!.id, runs[1]!.id]);
    expect(gh.violations).toEqual([]);
  });

  it('no successful push run yet: no baseline, a note saying so', async () => {
    const r = await find('ghs_workflow_token', ctx({ pullRequest: { number: 8, baseRef: 'never-pushed', headSha: null } }));
    expect(r.indicators).toBeNull();
    expect(r.info).toMatchObject({ source: 'none', note: 'no baseline: no successful push run of gate.yml on never-pushed yet' });
  });

  it('more than 20 runs without the artifact: gives up with a note', async () => {
    for (let i = 0; i < 22; i++)
      gh.addWorkflowRun({ workflowFile: 'many.yml', head_branch: 'main', head_sha: 'a'.repeat(40), event: 'push', conclusion: 'success' });
    const r = await find(
      'ghs_workflow_token',
      ctx({ workflowFile: 'many.yml', pullRequest: { number: 9, baseRef: 'main', headSha: null } }),
    );
    expect(r.indicators).toBeNull();
    expect(r.info.note).toMatch(
      /^no baseline: none of the last 20 successful push run\(s\) of many\.yml on main has a readable evalgate-evalgate artifact/,
    );
    expect(r.info.note).toContain('and 15 more');
  });

  it('a token without actions: read gets a note that names the permission', async () => {
    gh.tokens.ghs_noactions = { login: 'github-actions[bot]', id: 41898282, type: 'Bot', installation: true, actions: 'none' };
    const r = await find('ghs_noactions');
    expect(r.indicators).toBeNull();
    expect(r.info.note).toContain('permissions: actions: read');
    expect(r.warnings).toEqual([r.info.note]);
  });

  it('not a pull request: no lookup', async () => {
    const before = gh.requests.length;
    const r = await find('ghs_workflow_token', ctx({ pullRequest: null, eventName: 'push' }));
    expect(r.info.note).toBe('baseline: auto finds one only on pull requests');
    expect(gh.requests.length).toBe(before);
  });
});

describe('artifact upload', () => {
  it('uploads report.json and report.md as evalgate-<name>; a second upload of the name in one run warns', async () => {
    const { writeFiles, tempDir: tempDirSync } = await import('./helpers.js');
    const { readFileSync, writeFileSync } = await import('node:fs');
    const dir = writeFiles({ 'out/report.json': '{"schema_version":1}', 'out/report.md': '# r' });
    const run = gh.addWorkflowRun({ head_branch: 'main', head_sha: 'b'.repeat(40), event: 'push', conclusion: 'success' });
    const saved = { ...process.env };
    Object.assign(process.env, {
      ACTIONS_RUNTIME_TOKEN: run.runtimeToken,
      ACTIONS_RESULTS_URL: `${gh.url}/`,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: dir,
    });
    try {
      const files = [`${dir}/out/report.json`, `${dir}/out/report.md`];
      const r = await artifact.uploadReport('evalgate-up', files, process.env);
      expect(r).toMatchObject({ ok: true });
      expect(gh.artifacts(run.id).map((a) => a.name)).toEqual(['evalgate-up']);
      const again = await artifact.uploadReport('evalgate-up', files, process.env);
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.warning).toContain('give each gate its own `name`');
      // a re-run of the job (attempt 2) replaces the earlier attempt's artifact: later PRs see the new report
      writeFileSync(`${dir}/out/report.json`, '{"schema_version":1,"attempt":2}');
      const rerun = await artifact.uploadReport('evalgate-up', files, { ...process.env, GITHUB_RUN_ATTEMPT: '2' });
      expect(rerun).toMatchObject({ ok: true });
      const live = gh.artifacts(run.id).filter((a) => !a.deleted);
      expect(live.map((a) => a.name)).toEqual(['evalgate-up']);
      const got = tempDirSync();
      await artifact.artifactDownloader('ghs_workflow_token', gh.owner, gh.repo)(live[0]!.id, run.id, got);
      expect(readFileSync(`${got}/report.json`, 'utf8')).toBe('{"schema_version":1,"attempt":2}');
      const none = await artifact.uploadReport('evalgate-up', files, { ...process.env, ACTIONS_RUNTIME_TOKEN: '' });
      expect(none).toEqual({
        ok: false,
        warning:
          'artifact evalgate-up not uploaded: no artifact service here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set); the report is in the job summary',
      });
    } finally {
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  });
});
