// Proves that the fake GitHub (__tests__/fakes/github.ts) behaves like the real service for the clients
// evalgate uses: Octokit from @actions/github and the unmodified @actions/artifact client, whose blob traffic
// goes to a real Azurite (__tests__/fakes/azurite.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAzurite, type Azurite } from './fakes/azurite.js';
import { backendIdsOfToken, startFakeGitHub, type FakeGitHub } from './fakes/github.js';
import { SchemaValidators, loadOpenApi } from './fakes/openapi.js';
import { createZip, readZip } from './fakes/zip.js';
import { tempDir } from './helpers.js';

type GithubModule = typeof import('@actions/github');
type ArtifactModule = typeof import('@actions/artifact');
type Octokit = ReturnType<GithubModule['getOctokit']>;

const WORKFLOW = 'ghs_workflow_token';
const READONLY = 'ghs_readonly_token';
const USER = 'ghp_user_token';
const FIXTURES = path.join(import.meta.dirname, 'fixtures', 'github');

let az: Azurite;
let fake: FakeGitHub;
let github: GithubModule;
let artifactLib: ArtifactModule;
const savedEnv = { ...process.env };

beforeAll(async () => {
  az = await startAzurite();
  fake = await startFakeGitHub({ azurite: az });
  // @actions/github reads GITHUB_API_URL once, when lib/utils.js is first loaded (its `defaults.baseUrl`), and
  // @actions/artifact's findBy download calls getOctokit(token) without a baseUrl: set it before importing.
  process.env.GITHUB_API_URL = fake.url;
  github = await import('@actions/github');
  artifactLib = await import('@actions/artifact');
});

afterAll(async () => {
  await fake?.close();
  await az?.stop();
  for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
  Object.assign(process.env, savedEnv);
});

beforeEach(() => {
  fake.violations.length = 0;
  fake.requests.length = 0;
});

function octokit(token = WORKFLOW): Octokit {
  return github.getOctokit(token, { baseUrl: fake.url });
}

const repoArgs = (): { owner: string; repo: string } => ({ owner: fake.owner, repo: fake.repo });

/** A request Octokit's types would refuse (a wrong parameter on purpose). */
function rawRequest(ok: Octokit, route: string, params: Record<string, unknown>): Promise<unknown> {
  return ok.request(route, params);
}

/** Runs `fn` with env vars set (as @actions/artifact reads process.env at call time), then restores them. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    before[k] = process.env[k];
    process.env[k] = v;
  }
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function runtimeEnv(runtimeToken: string, workspace: string): Record<string, string> {
  return {
    ACTIONS_RUNTIME_TOKEN: runtimeToken,
    ACTIONS_RESULTS_URL: `${fake.url}/`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_WORKSPACE: workspace,
    GITHUB_API_URL: fake.url,
  };
}

async function status(p: Promise<unknown>): Promise<{ status: number; data: unknown; headers: Record<string, unknown> }> {
  try {
    const r = (await p) as { status: number; data: unknown; headers: Record<string, unknown> };
    return r;
  } catch (e) {
    const err = e as { status?: number; response?: { data: unknown; headers: Record<string, unknown> } };
    if (typeof err.status !== 'number') throw e;
    return { status: err.status, data: err.response?.data, headers: err.response?.headers ?? {} };
  }
}

describe('fixtures', () => {
  it('openapi.json holds the used operations and says where it came from', () => {
    const doc = loadOpenApi();
    expect(doc.openapi).toBe('3.0.3');
    expect(doc['x-extracted-from']).toMatchObject({
      package: '@octokit/openapi',
      version: '23.0.2',
      file: 'generated/api.github.com.deref.json',
    });
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}',
        '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
        '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
        '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
        '/repos/{owner}/{repo}/check-runs',
        '/repos/{owner}/{repo}/check-runs/{check_run_id}',
        '/repos/{owner}/{repo}/issues/comments/{comment_id}',
        '/repos/{owner}/{repo}/issues/{issue_number}/comments',
        '/repos/{owner}/{repo}/pulls/{pull_number}',
        '/user',
      ].sort(),
    );
    expect(JSON.stringify(doc)).not.toContain('"examples"');
  });

  it('pull_request.opened.json is the published webhook example', () => {
    const ev = JSON.parse(readFileSync(path.join(FIXTURES, 'pull_request.opened.json'), 'utf8'));
    expect(ev.action).toBe('opened');
    expect(ev.number).toBe(ev.pull_request.number);
    expect(ev.pull_request.head.sha).toMatch(/^[0-9a-f]{40}$/);
    const sources = JSON.parse(readFileSync(path.join(FIXTURES, 'SOURCES.json'), 'utf8'));
    expect(sources['pull_request.opened.json']).toMatchObject({ package: '@octokit/webhooks-examples', version: '7.6.1' });
  });

  it('the response validators reject what the description does not allow', () => {
    const v = new SchemaValidators();
    const op = loadOpenApi().paths['/repos/{owner}/{repo}/issues/{issue_number}/comments']!.post!;
    const validate = v.get('t', op.responses['201']!.content!['application/json']!.schema);
    const c = fake.addComment(99, { body: 'x', login: 'someone' });
    expect(validate(c)).toBe(true);
    expect(validate({ ...c, id: 'not-a-number' })).toBe(false);
    expect(validate({ ...c, user: undefined })).toBe(false);
    expect(validate({ ...c, user: null })).toBe(true); // nullable simple-user
    expect(validate({ ...c, created_at: 'yesterday' })).toBe(false);
  });
});

describe('REST: issue comments', () => {
  it('creates, lists, reads and updates comments through Octokit with no violations', async () => {
    const ok = octokit();
    const created = await ok.rest.issues.createComment({ ...repoArgs(), issue_number: 5, body: '<!-- evalgate -->\nfirst' });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe(created.data.url);
    expect(created.data.user).toMatchObject({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' });
    expect(created.data.html_url).toBe(`https://github.com/${fake.owner}/${fake.repo}/pull/5#issuecomment-${created.data.id}`);

    const second = await ok.rest.issues.createComment({ ...repoArgs(), issue_number: 5, body: 'second' });
    expect(second.data.id).toBeGreaterThan(created.data.id);

    const list = await ok.rest.issues.listComments({ ...repoArgs(), issue_number: 5, per_page: 100 });
    expect(list.data.map((c) => c.body)).toEqual(['<!-- evalgate -->\nfirst', 'second']);
    expect(list.headers.link).toBeUndefined();

    const updated = await ok.rest.issues.updateComment({ ...repoArgs(), comment_id: created.data.id, body: '<!-- evalgate -->\nnew' });
    expect(updated.data.body).toBe('<!-- evalgate -->\nnew');
    const got = await ok.rest.issues.getComment({ ...repoArgs(), comment_id: created.data.id });
    expect(got.data.body).toBe('<!-- evalgate -->\nnew');
    expect(fake.comments(5).map((c) => c.body)).toEqual(['<!-- evalgate -->\nnew', 'second']);

    expect(fake.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 201', 'POST 201', 'GET 200', 'PATCH 200', 'GET 200']);
    expect(fake.requests[0]!.authorization).toBe(`token ${WORKFLOW}`);
    expect(fake.violations).toEqual([]);
  });

  it('paginates like GitHub: per_page, page, Link with /repositories/{id} URLs; octokit.paginate follows 3 pages', async () => {
    for (let i = 1; i <= 65; i++) fake.addComment(7, { body: `c${i}`, login: i % 2 ? 'alice' : 'github-actions[bot]' });
    const ok = octokit();

    const first = await ok.rest.issues.listComments({ ...repoArgs(), issue_number: 7 });
    expect(first.data).toHaveLength(30); // default per_page
    const base = `${fake.url}/repositories/${fake.repoId}/issues/7/comments`;
    expect(first.headers.link).toBe(`<${base}?page=2>; rel="next", <${base}?page=3>; rel="last"`);

    const middle = await ok.rest.issues.listComments({ ...repoArgs(), issue_number: 7, per_page: 30, page: 2 });
    expect(middle.headers.link).toBe(
      `<${base}?per_page=30&page=1>; rel="prev", <${base}?per_page=30&page=3>; rel="next", ` +
        `<${base}?per_page=30&page=3>; rel="last", <${base}?per_page=30&page=1>; rel="first"`,
    );

    fake.requests.length = 0;
    const all = await ok.paginate(ok.rest.issues.listComments, { ...repoArgs(), issue_number: 7, per_page: 30 });
    expect(all.map((c) => c.body)).toEqual(Array.from({ length: 65 }, (_, i) => `c${i + 1}`));
    expect(fake.requests.map((r) => r.path)).toEqual([
      `/repos/${fake.owner}/${fake.repo}/issues/7/comments`,
      `/repositories/${fake.repoId}/issues/7/comments`,
      `/repositories/${fake.repoId}/issues/7/comments`,
    ]);
    expect(fake.requests.map((r) => r.query.page)).toEqual([undefined, '2', '3']);
    expect(fake.violations).toEqual([]);
  });

  it('answers 401 to a bad token and to no token', async () => {
    const r = await status(octokit('ghp_not_a_token').rest.issues.listComments({ ...repoArgs(), issue_number: 1 }));
    expect(r.status).toBe(401);
    expect(r.data).toMatchObject({ message: 'Bad credentials' });
    const anon = await fetch(`${fake.url}/repos/${fake.owner}/${fake.repo}/issues/1/comments`);
    expect(anon.status).toBe(401);
    expect(fake.violations).toHaveLength(2);
  });

  it('answers 422 to a missing body, a body of the wrong type, an empty body and an over-long body', async () => {
    const ok = octokit();
    const none = await status(
      rawRequest(ok, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repoArgs(), issue_number: 1 }),
    );
    expect(none.status).toBe(422);
    expect(none.data).toMatchObject({ message: "Invalid request.\n\nFor 'links/0/schema', nil is not an object." });

    const missing = await status(
      rawRequest(ok, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repoArgs(), issue_number: 1, text: 'hi' }),
    );
    expect(missing.status).toBe(422);
    expect(missing.data).toMatchObject({ message: 'Invalid request.\n\n"body" wasn\'t supplied.' });

    const wrongType = await status(
      rawRequest(ok, 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repoArgs(), issue_number: 1, body: 42 }),
    );
    expect(wrongType.status).toBe(422);
    expect(wrongType.data).toMatchObject({ message: "Invalid request.\n\nFor 'properties/body', 42 is not a string." });

    const empty = await status(ok.rest.issues.createComment({ ...repoArgs(), issue_number: 1, body: '  ' }));
    expect(empty.status).toBe(422);

    const long = await status(ok.rest.issues.createComment({ ...repoArgs(), issue_number: 1, body: 'x'.repeat(65537) }));
    expect(long.status).toBe(422);
    expect(long.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'Body is too long (maximum is 65536 characters)' }],
    });
    // 40,000 characters but 80,000 UTF-8 bytes: over the limit under the stricter reading.
    expect((await status(ok.rest.issues.createComment({ ...repoArgs(), issue_number: 1, body: 'é'.repeat(40000) }))).status).toBe(422);
    // Exactly at the limit is fine.
    expect((await status(ok.rest.issues.createComment({ ...repoArgs(), issue_number: 1, body: 'x'.repeat(65536) }))).status).toBe(201);

    expect(fake.violations).toHaveLength(6);
    expect(fake.comments(1)).toHaveLength(1);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const r = await fetch(`${fake.url}/repos/${fake.owner}/${fake.repo}/issues/1/comments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${WORKFLOW}`, 'content-type': 'application/json' },
      body: '{"body": ',
    });
    expect(r.status).toBe(400);
    expect(await r.json()).toMatchObject({ message: 'Problems parsing JSON' });
    expect(fake.violations).toHaveLength(1);
  });

  it('answers 404 to an unknown path, a method the path does not have, another repository and a non-integer id', async () => {
    const ok = octokit();
    expect((await status(ok.request('GET /repos/{owner}/{repo}/nope', repoArgs()))).status).toBe(404);
    expect(
      (await status(ok.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { ...repoArgs(), comment_id: 1 }))).status,
    ).toBe(404);
    expect((await status(ok.rest.issues.listComments({ owner: 'someone', repo: 'else', issue_number: 1 }))).status).toBe(404);
    const nonInt = await status(
      rawRequest(ok, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repoArgs(), issue_number: 'abc' }),
    );
    expect(nonInt.status).toBe(404);
    expect(nonInt.data).toMatchObject({ message: 'Not Found' });
    expect(fake.violations).toHaveLength(4);
  });

  it('flags per_page=101 (GitHub silently caps it at 100) and rejects per_page=0 and a non-integer page', async () => {
    for (let i = 0; i < 120; i++) fake.addComment(9, { body: `n${i}`, login: 'alice' });
    const ok = octokit();
    const r = await ok.rest.issues.listComments({ ...repoArgs(), issue_number: 9, per_page: 101 });
    expect(r.data).toHaveLength(100);
    expect(fake.violations).toEqual([expect.stringContaining('per_page=101 is over the maximum of 100')]);
    expect((await status(ok.rest.issues.listComments({ ...repoArgs(), issue_number: 9, per_page: 0 }))).status).toBe(422);
    expect(
      (
        await status(
          rawRequest(ok, 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...repoArgs(), issue_number: 9, page: 'x' }),
        )
      ).status,
    ).toBe(422);
    expect(fake.violations).toHaveLength(3);
  });

  it("refuses a read-only token (fork PR) 403 and a PATCH of someone else's comment", async () => {
    const ro = await status(octokit(READONLY).rest.issues.createComment({ ...repoArgs(), issue_number: 3, body: 'hi' }));
    expect(ro.status).toBe(403);
    expect(ro.data).toMatchObject({ message: 'Resource not accessible by integration' });
    // Reading still works with pull-requests: read.
    expect((await octokit(READONLY).rest.issues.listComments({ ...repoArgs(), issue_number: 3 })).status).toBe(200);

    const theirs = fake.addComment(3, { body: '<!-- evalgate -->', login: 'mallory' });
    const patch = await status(octokit().rest.issues.updateComment({ ...repoArgs(), comment_id: theirs.id, body: 'mine now' }));
    expect(patch.status).toBe(403);
    expect(fake.comments(3)[0]!.body).toBe('<!-- evalgate -->');
    expect(fake.violations).toHaveLength(2);
  });

  it('GET /user: 403 for an installation token, the user for a personal token', async () => {
    const inst = await status(octokit().rest.users.getAuthenticated());
    expect(inst.status).toBe(403);
    expect(inst.data).toMatchObject({ message: 'Resource not accessible by integration' });
    fake.violations.length = 0;
    const me = await octokit(USER).rest.users.getAuthenticated();
    expect(me.data).toMatchObject({ login: 'octocat', id: 583231, type: 'User' });
    expect(fake.violations).toEqual([]);
  });

  it('failNext and rateLimit inject answers', async () => {
    const ok = octokit();
    fake.failNext('GET', /\/issues\/\d+\/comments$/, 500);
    expect((await status(ok.rest.issues.listComments({ ...repoArgs(), issue_number: 1 }))).status).toBe(500);
    expect((await status(ok.rest.issues.listComments({ ...repoArgs(), issue_number: 1 }))).status).toBe(200);
    fake.rateLimit({ retryAfter: 7 });
    const limited = await status(ok.rest.issues.listComments({ ...repoArgs(), issue_number: 1 }));
    expect(limited.status).toBe(403);
    expect(limited.headers['retry-after']).toBe('7');
    expect(limited.data).toMatchObject({ message: expect.stringContaining('secondary rate limit') });
    fake.failNext('POST', /issues\/\d+\/comments/, 403, { message: 'Resource not accessible by integration', documentation_url: 'x' }, 2);
    expect((await status(ok.rest.issues.createComment({ ...repoArgs(), issue_number: 1, body: 'a' }))).status).toBe(403);
    expect((await status(ok.rest.issues.createComment({ ...repoArgs(), issue_number: 1, body: 'a' }))).status).toBe(403);
    expect((await status(ok.rest.issues.createComment({ ...repoArgs(), issue_number: 1, body: 'a' }))).status).toBe(201);
    expect(fake.violations).toEqual([]);
  });
});

describe('REST: workflow runs', () => {
  it('finds the baseline run: branch, event, status as a conclusion, newest first, per_page=1, exclude_pull_requests', async () => {
    const mk = (sha: string, created: string, extra: Partial<Parameters<FakeGitHub['addWorkflowRun']>[0]> = {}) =>
      fake.addWorkflowRun({
        workflowFile: 'gate.yml',
        head_branch: 'main',
        head_sha: sha.repeat(40),
        event: 'push',
        conclusion: 'success',
        created_at: created,
        ...extra,
      });
    const old = mk('a', '2026-11-01T10:00:00Z');
    const newest = mk('b', '2026-11-03T10:00:00Z');
    mk('c', '2026-11-04T10:00:00Z', { conclusion: 'failure' });
    mk('d', '2026-11-05T10:00:00Z', { event: 'pull_request', head_branch: 'feature', pull_requests: [12] });
    mk('e', '2026-11-06T10:00:00Z', { head_branch: 'release' });
    mk('f', '2026-11-07T10:00:00Z', { status: 'in_progress', conclusion: null });

    const ok = octokit();
    const r = await ok.rest.actions.listWorkflowRuns({
      ...repoArgs(),
      workflow_id: 'gate.yml',
      branch: 'main',
      event: 'push',
      status: 'success',
      per_page: 1,
      exclude_pull_requests: true,
    });
    expect(r.data.total_count).toBe(2);
    expect(r.data.workflow_runs.map((x) => x.id)).toEqual([newest.id]);
    expect(r.data.workflow_runs[0]).toMatchObject({
      head_sha: 'b'.repeat(40),
      conclusion: 'success',
      status: 'completed',
      path: '.github/workflows/gate.yml',
    });
    expect(r.headers.link).toContain('rel="next"');

    const byId = await ok.rest.actions.listWorkflowRuns({ ...repoArgs(), workflow_id: newest.workflow_id, status: 'completed' });
    expect(byId.data.workflow_runs.map((x) => x.head_sha[0])).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(byId.data.workflow_runs.find((x) => x.head_sha[0] === 'd')!.pull_requests).toHaveLength(1);
    const inProgress = await ok.rest.actions.listWorkflowRuns({ ...repoArgs(), workflow_id: 'gate.yml', status: 'in_progress' });
    expect(inProgress.data.workflow_runs.map((x) => x.head_sha[0])).toEqual(['f']);
    expect(old.backendIds.run).not.toBe(newest.backendIds.run);
    expect(backendIdsOfToken(newest.runtimeToken)).toEqual(newest.backendIds);
    expect(fake.violations).toEqual([]);

    expect((await status(ok.rest.actions.listWorkflowRuns({ ...repoArgs(), workflow_id: 'nope.yml' }))).status).toBe(404);
    const bad = await status(
      rawRequest(ok, 'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs', {
        ...repoArgs(),
        workflow_id: 'gate.yml',
        status: 'green',
      }),
    );
    expect(bad.status).toBe(422);
    expect(fake.violations).toHaveLength(2);
  });
});

describe('artifacts: the real @actions/artifact client against the fake runtime service and Azurite', () => {
  function writeReport(dir: string): { json: Buffer; md: Buffer; files: string[] } {
    mkdirSync(dir, { recursive: true });
    const json = Buffer.from(JSON.stringify({ gate: 'ci', verdict: 'pass', values: [1, 2.5, 'é'] }, null, 2));
    const md = Buffer.from('# evalgate\n\n| indicator | value |\n|---|---|\n| f1 | 0.80 |\n');
    writeFileSync(path.join(dir, 'report.json'), json);
    writeFileSync(path.join(dir, 'report.md'), md);
    return { json, md, files: [path.join(dir, 'report.json'), path.join(dir, 'report.md')] };
  }

  it('uploads report.json + report.md, lists them over REST, downloads them back byte-identical (findBy and runtime)', async () => {
    const run = fake.addWorkflowRun({ workflowFile: 'ci.yml', head_branch: 'main', head_sha: '1'.repeat(40), event: 'push' });
    const ws = tempDir();
    const report = writeReport(path.join(ws, 'evalgate-report'));
    const client = new artifactLib.DefaultArtifactClient();

    const up = await withEnv(runtimeEnv(run.runtimeToken, ws), () =>
      client.uploadArtifact('evalgate-ci', report.files, path.join(ws, 'evalgate-report')),
    );
    expect(up.id).toBeGreaterThan(0);
    const id = up.id!;
    const stored = fake.artifacts(run.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ id: up.id, name: 'evalgate-ci', finalized: true, size: up.size, digest: `sha256:${up.digest}` });
    expect(fake.requests.filter((r) => r.path.startsWith('/twirp/')).map((r) => `${r.path.split('/').pop()} ${r.status}`)).toEqual([
      'CreateArtifact 200',
      'FinalizeArtifact 200',
    ]);
    expect(fake.requests.find((r) => r.path.endsWith('/CreateArtifact'))!.authorization).toBe(`Bearer ${run.runtimeToken}`);
    // The blob traffic (Put Block + Put Block List through @azure/storage-blob) carried no Authorization header.
    expect(fake.blobRequests.map((r) => `${r.method} ${new URL(r.url, 'http://x').searchParams.get('comp')} ${r.status}`)).toEqual([
      'PUT block 201',
      'PUT blocklist 201',
    ]);
    expect(fake.blobRequests.every((r) => r.authorization === undefined)).toBe(true);

    // REST listing, as evalgate finds a baseline.
    const ok = octokit();
    const listed = await ok.rest.actions.listWorkflowRunArtifacts({ ...repoArgs(), run_id: run.id, name: 'evalgate-ci', per_page: 100 });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.artifacts[0]).toMatchObject({
      id: up.id,
      name: 'evalgate-ci',
      expired: false,
      size_in_bytes: up.size,
      digest: `sha256:${up.digest}`,
      archive_download_url: `${fake.url}/repos/${fake.owner}/${fake.repo}/actions/artifacts/${up.id}/zip`,
      workflow_run: { id: run.id, head_sha: run.head_sha },
    });
    expect((await ok.rest.actions.getArtifact({ ...repoArgs(), artifact_id: id })).data.name).toBe('evalgate-ci');

    // Download through the public REST API (302 to an Azurite SAS URL), from another run's job.
    const other = fake.addWorkflowRun({ workflowFile: 'ci.yml', head_branch: 'feature', head_sha: '2'.repeat(40), event: 'pull_request' });
    const outPublic = path.join(ws, 'public');
    fake.requests.length = 0;
    fake.blobRequests.length = 0;
    const dl = await withEnv(runtimeEnv(other.runtimeToken, ws), () =>
      client.downloadArtifact(id, {
        path: outPublic,
        findBy: { token: WORKFLOW, workflowRunId: run.id, repositoryOwner: fake.owner, repositoryName: fake.repo },
      }),
    );
    expect(dl.downloadPath).toBe(outPublic);
    expect(readFileSync(path.join(outPublic, 'report.json')).equals(report.json)).toBe(true);
    expect(readFileSync(path.join(outPublic, 'report.md')).equals(report.md)).toBe(true);
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET /repos/${fake.owner}/${fake.repo}/actions/artifacts/${up.id}/zip 302`,
    ]);
    // The 302 Location was fetched without GitHub's token.
    expect(fake.blobRequests).toEqual([expect.objectContaining({ method: 'GET', authorization: undefined, status: 200 })]);

    // Download through the runtime service (same run: ListArtifacts + GetSignedArtifactURL).
    const outInternal = path.join(ws, 'internal');
    await withEnv(runtimeEnv(run.runtimeToken, ws), () => client.downloadArtifact(id, { path: outInternal }));
    expect(readFileSync(path.join(outInternal, 'report.json')).equals(report.json)).toBe(true);

    const found = await withEnv(runtimeEnv(run.runtimeToken, ws), () => client.getArtifact('evalgate-ci'));
    expect(found.artifact).toMatchObject({ id: up.id, name: 'evalgate-ci', size: up.size, digest: `sha256:${up.digest}` });
    expect(fake.violations).toEqual([]);
  });

  it('a second upload of the same name in the same run is a 409 already_exists conflict', async () => {
    const run = fake.addWorkflowRun({ head_branch: 'main', head_sha: '3'.repeat(40), event: 'push' });
    const ws = tempDir();
    const report = writeReport(path.join(ws, 'r'));
    const client = new artifactLib.DefaultArtifactClient();
    await withEnv(runtimeEnv(run.runtimeToken, ws), () => client.uploadArtifact('evalgate-dup', report.files, path.join(ws, 'r')));
    // Another job of the same run, same name.
    const job2 = fake.addJob(run.id);
    await expect(
      withEnv(runtimeEnv(job2.runtimeToken, ws), () => client.uploadArtifact('evalgate-dup', report.files, path.join(ws, 'r'))),
    ).rejects.toThrow(/\(409\) Conflict: an artifact with this name already exists on the workflow run/);
    expect(fake.violations).toEqual([expect.stringMatching(/CreateArtifact → 409 already_exists/)]);
    expect(fake.artifacts(run.id)).toHaveLength(1);
  });

  it('another job of the same run downloads and deletes an artifact; the name can then be used again', async () => {
    const run = fake.addWorkflowRun({ head_branch: 'main', head_sha: '8'.repeat(40), event: 'push' });
    const job2 = fake.addJob(run.id);
    const ws = tempDir();
    const report = writeReport(path.join(ws, 'r'));
    const client = new artifactLib.DefaultArtifactClient();
    const up = await withEnv(runtimeEnv(run.runtimeToken, ws), () => client.uploadArtifact('evalgate-x', report.files, path.join(ws, 'r')));
    await withEnv(runtimeEnv(job2.runtimeToken, ws), async () => {
      await client.downloadArtifact(up.id!, { path: path.join(ws, 'job2') });
      expect(readFileSync(path.join(ws, 'job2', 'report.md')).equals(report.md)).toBe(true);
      expect((await client.listArtifacts()).artifacts.map((a) => a.name)).toEqual(['evalgate-x']);
      expect(await client.deleteArtifact('evalgate-x')).toEqual({ id: up.id });
    });
    const listed = await octokit().rest.actions.listWorkflowRunArtifacts({ ...repoArgs(), run_id: run.id });
    expect(listed.data.total_count).toBe(0);
    const again = await withEnv(runtimeEnv(job2.runtimeToken, ws), () =>
      client.uploadArtifact('evalgate-x', report.files, path.join(ws, 'r')),
    );
    expect(again.id).toBeGreaterThan(up.id!);
    expect(fake.violations).toEqual([]);
  });

  it('an expired artifact: listed with expired: true, its zip download is 410', async () => {
    const run = fake.addWorkflowRun({ head_branch: 'main', head_sha: '4'.repeat(40), event: 'push' });
    const art = await fake.addArtifact(run.id, 'evalgate-old', { 'report.json': '{"old":true}' });
    fake.expireArtifact(art.id);
    const ok = octokit();
    const listed = await ok.rest.actions.listWorkflowRunArtifacts({ ...repoArgs(), run_id: run.id });
    expect(listed.data.artifacts[0]).toMatchObject({ id: art.id, expired: true });
    const zip = await status(
      ok.rest.actions.downloadArtifact({ ...repoArgs(), artifact_id: art.id, archive_format: 'zip', request: { redirect: 'manual' } }),
    );
    expect(zip.status).toBe(410);
    const ws = tempDir();
    await expect(
      withEnv(runtimeEnv(run.runtimeToken, ws), () =>
        new artifactLib.DefaultArtifactClient().downloadArtifact(art.id, {
          path: path.join(ws, 'x'),
          findBy: { token: WORKFLOW, workflowRunId: run.id, repositoryOwner: fake.owner, repositoryName: fake.repo },
        }),
      ),
    ).rejects.toThrow(/expired/i);
    expect(fake.violations).toEqual([]);
  });

  it('a planted artifact (fake zip writer) downloads through the client; tar and a token without actions: read are refused', async () => {
    const run = fake.addWorkflowRun({ head_branch: 'main', head_sha: '5'.repeat(40), event: 'push' });
    const files = { 'report.json': '{"gate":"ci"}\n', 'sub/dir/report.md': Buffer.from('# é\n') };
    const art = await fake.addArtifact(run.id, 'evalgate-planted', files);
    expect(readZip(createZip(files))).toEqual({
      'report.json': Buffer.from(files['report.json']),
      'sub/dir/report.md': files['sub/dir/report.md'],
    });
    const ws = tempDir();
    await withEnv(runtimeEnv(run.runtimeToken, ws), () =>
      new artifactLib.DefaultArtifactClient().downloadArtifact(art.id, {
        path: path.join(ws, 'out'),
        findBy: { token: USER, workflowRunId: run.id, repositoryOwner: fake.owner, repositoryName: fake.repo },
      }),
    );
    expect(readFileSync(path.join(ws, 'out', 'report.json'), 'utf8')).toBe('{"gate":"ci"}\n');
    expect(readFileSync(path.join(ws, 'out', 'sub', 'dir', 'report.md'), 'utf8')).toBe('# é\n');
    expect(fake.violations).toEqual([]);

    const ok = octokit();
    const tar = await status(
      ok.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
        ...repoArgs(),
        artifact_id: art.id,
        archive_format: 'tar',
        request: { redirect: 'manual' },
      }),
    );
    expect(tar.status).toBe(404);
    // Sending GitHub's token along to blob storage is flagged.
    const redirect = await ok.rest.actions.downloadArtifact({
      ...repoArgs(),
      artifact_id: art.id,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    });
    expect(redirect.status).toBe(302);
    const leaked = await fetch(String(redirect.headers.location), { headers: { authorization: `token ${WORKFLOW}` } });
    expect(leaked.status).toBe(200);
    expect(fake.violations).toEqual([
      expect.stringContaining('archive_format must be zip'),
      expect.stringContaining('sent an Authorization header'),
    ]);
    fake.violations.length = 0;
    const noActions = await startFakeGitHub({
      azurite: az,
      tokens: { ghs_no_actions: { login: 'github-actions[bot]', id: 41898282, type: 'Bot', installation: true, actions: 'none' } },
    });
    try {
      const gh = github.getOctokit('ghs_no_actions', { baseUrl: noActions.url });
      expect(
        (await status(gh.rest.actions.listWorkflowRunArtifacts({ owner: noActions.owner, repo: noActions.repo, run_id: 1 }))).status,
      ).toBe(403);
    } finally {
      await noActions.close();
    }
    expect(fake.violations).toEqual([]);
  });

  it('the Twirp service checks route, method, token, scope and JSON', async () => {
    const run = fake.addWorkflowRun({ head_branch: 'main', head_sha: '6'.repeat(40), event: 'push' });
    const other = fake.addWorkflowRun({ head_branch: 'main', head_sha: '7'.repeat(40), event: 'push' });
    const svc = `${fake.url}/twirp/github.actions.results.api.v1.ArtifactService`;
    const call = async (method: string, body: unknown, token = run.runtimeToken, init: RequestInit = {}) => {
      const r = await fetch(`${svc}/${method}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        ...init,
      });
      return { status: r.status, body: (await r.json()) as Record<string, unknown> };
    };
    const ids = { workflow_run_backend_id: run.backendIds.run, workflow_job_run_backend_id: run.backendIds.job };

    expect(await call('ListArtifacts', ids)).toEqual({ status: 200, body: { artifacts: [] } });
    expect(fake.violations).toEqual([]);
    expect((await call('ListArtifacts', ids, 'not-a-token')).body).toMatchObject({ code: 'unauthenticated' });
    expect(await call('ListArtifacts', { ...ids, workflow_run_backend_id: other.backendIds.run })).toMatchObject({
      status: 403,
      body: { code: 'permission_denied' },
    });
    expect(await call('ListArtifacts', '{"workflow_run_backend_id":')).toMatchObject({ status: 400, body: { code: 'malformed' } });
    expect(await call('ListArtifacts', { ...ids, id_filter: 'abc' })).toMatchObject({ status: 400, body: { code: 'malformed' } });
    expect(await call('Nope', ids)).toMatchObject({ status: 404, body: { code: 'bad_route' } });
    expect(await call('CreateArtifact', { ...ids, name: 'a/b', version: 7 })).toMatchObject({
      status: 400,
      body: { code: 'invalid_argument' },
    });
    expect(await call('FinalizeArtifact', { ...ids, name: 'never-created', size: '1' })).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(await call('GetSignedArtifactURL', { ...ids, name: 'never-created' })).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    const get = await fetch(`${svc}/ListArtifacts`, { headers: { authorization: `Bearer ${run.runtimeToken}` } });
    expect(get.status).toBe(404);
    expect(fake.violations).toHaveLength(9);

    // Created but never uploaded: Finalize refuses; the size must match the blob.
    fake.violations.length = 0;
    const created = await call('CreateArtifact', { ...ids, name: 'half', version: 7, mime_type: 'application/zip' });
    expect(created.status).toBe(200);
    expect(String(created.body.signed_upload_url)).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:\\d+/devstoreaccount1/${fake.container}/.+\\.zip\\?.*sig=`),
    );
    expect(await call('FinalizeArtifact', { ...ids, name: 'half', size: '10' })).toMatchObject({
      status: 400,
      body: { code: 'invalid_argument' },
    });
    expect(await call('CreateArtifact', { ...ids, name: 'half', version: 7 })).toMatchObject({
      status: 409,
      body: { code: 'already_exists' },
    });
    expect(fake.violations).toHaveLength(2);
  });
});
