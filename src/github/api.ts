/**
 * The GitHub REST client: Octokit from @actions/github (what GitHub's own actions use) with the
 * retry plugin, so a 5xx or a 429 is retried with backoff before it becomes a warning.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';

export type GitHubApi = ReturnType<typeof getOctokit>;

const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function githubApi(token: string, env: Record<string, string | undefined>): GitHubApi {
  return getOctokit(token, { baseUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''), log: quiet }, retry);
}

/** `403 Resource not accessible by integration`, from an Octokit RequestError or anything else */
export function describeError(e: unknown): { status: number | null; message: string } {
  const err = e as { status?: unknown; message?: unknown; response?: { data?: { message?: unknown } } };
  const status = typeof err?.status === 'number' ? err.status : null;
  const apiMessage = typeof err?.response?.data?.message === 'string' ? err.response.data.message : null;
  const message = apiMessage ?? (typeof err?.message === 'string' ? err.message : String(e));
  return { status, message: status ? `${status} ${message}` : message };
}
