/** What a report says about where it ran, from the GitHub Actions environment when there is one. */
import { readFileSync } from 'node:fs';

export interface RunContext {
  commit: string | null;
  ref: string | null;
  pullRequest: number | null;
}

export interface PullRequestInfo {
  number: number;
  /** the branch the pull request merges into */
  baseRef: string | null;
  headSha: string | null;
}

export interface GitHubContext {
  eventName: string;
  owner: string | null;
  repo: string | null;
  pullRequest: PullRequestInfo | null;
  /** the workflow file's name (`ci.yml`), from GITHUB_WORKFLOW_REF */
  workflowFile: string | null;
  runId: number | null;
  serverUrl: string;
}

const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);

function readPullRequest(env: Record<string, string | undefined>): PullRequestInfo | null {
  if (!env.GITHUB_EVENT_PATH || !PR_EVENTS.has(env.GITHUB_EVENT_NAME ?? '')) return null;
  try {
    const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      pull_request?: { number?: unknown; head?: { sha?: unknown }; base?: { ref?: unknown } };
      number?: unknown;
    };
    const pr = payload.pull_request;
    const number = typeof pr?.number === 'number' ? pr.number : typeof payload.number === 'number' ? payload.number : null;
    if (number === null) return null;
    return {
      number,
      baseRef: typeof pr?.base?.ref === 'string' ? pr.base.ref : env.GITHUB_BASE_REF || null,
      headSha: typeof pr?.head?.sha === 'string' ? pr.head.sha : null,
    };
  } catch {
    // An unreadable event file: no pull request is known; nothing is gated on it.
    return null;
  }
}

export function githubContext(env: Record<string, string | undefined>): GitHubContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  // GITHUB_WORKFLOW_REF: octo-org/octo-repo/.github/workflows/ci.yml@refs/pull/12/merge
  const workflowPath = /^[^/]+\/[^/]+\/(.+?)@/.exec(env.GITHUB_WORKFLOW_REF ?? '')?.[1] ?? null;
  const runId = Number(env.GITHUB_RUN_ID);
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner: owner || null,
    repo: repo || null,
    pullRequest: readPullRequest(env),
    workflowFile: workflowPath ? workflowPath.split('/').pop()! : null,
    runId: Number.isSafeInteger(runId) && runId > 0 ? runId : null,
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
  };
}

export function runContext(env: Record<string, string | undefined>): RunContext {
  const pr = readPullRequest(env);
  // On pull_request events GITHUB_SHA is the merge commit; the report names the PR's head.
  return { commit: pr?.headSha || env.GITHUB_SHA || null, ref: env.GITHUB_REF || null, pullRequest: pr?.number ?? null };
}
