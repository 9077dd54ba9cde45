/** What a report says about where it ran, from the GitHub Actions environment when there is one. */
import { readFileSync } from 'node:fs';

export interface RunContext {
  commit: string | null;
  ref: string | null;
  pullRequest: number | null;
}

export function runContext(env: Record<string, string | undefined>): RunContext {
  let commit = env.GITHUB_SHA || null;
  let pullRequest: number | null = null;
  const event = env.GITHUB_EVENT_NAME ?? '';
  if (env.GITHUB_EVENT_PATH && (event === 'pull_request' || event === 'pull_request_target')) {
    try {
      const payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
        pull_request?: { number?: number; head?: { sha?: string } };
      };
      // On pull_request events GITHUB_SHA is the merge commit; the report names the PR's head.
      if (typeof payload.pull_request?.head?.sha === 'string') commit = payload.pull_request.head.sha;
      if (typeof payload.pull_request?.number === 'number') pullRequest = payload.pull_request.number;
    } catch {
      // An unreadable event file leaves the workflow's SHA in place; nothing is gated on it.
    }
  }
  return { commit, ref: env.GITHUB_REF || null, pullRequest };
}
