/**
 * The sticky PR comment (SPEC §4): one per gate, found again by its hidden marker in a comment
 * written by the token's own identity, across every page of the pull request's comments, and
 * updated in place. A stranger's comment that quotes the marker is never touched.
 */
import { createHash } from 'node:crypto';
import { describeError, type GitHubApi } from './api.js';
import type { Report } from '../core/report/report.js';

import type { CommentMode } from '../config/settings.js';
export { COMMENT_MODES, type CommentMode } from '../config/settings.js';

/** the workflow token (GITHUB_TOKEN) is an installation token of the GitHub Actions app */
export const ACTIONS_BOT = 'github-actions[bot]';

export interface CommentTarget {
  owner: string;
  repo: string;
  issue: number;
}

export type CommentResult =
  | { action: 'created' | 'updated' | 'unchanged'; url: string; id: number; minimized?: number; warning?: string }
  | { action: 'skipped'; url: null; reason: string }
  | { action: 'failed'; url: null; warning: string; status: number | null };

interface IssueComment {
  id: number;
  node_id?: string;
  body?: string | null;
  html_url: string;
  user: { login: string } | null;
}

/**
 * Who the token writes as. The workflow token (an installation token, `ghs_…`) writes as
 * github-actions[bot] and may not read GET /user (403 "Resource not accessible by integration");
 * a personal token reads its login from GET /user.
 */
export async function tokenIdentity(api: GitHubApi, token: string): Promise<string> {
  if (token.startsWith('ghs_')) return ACTIONS_BOT;
  try {
    const { data } = await api.rest.users.getAuthenticated();
    return data.login;
  } catch (e) {
    const { status } = describeError(e);
    if (status === 403 || status === 404) return ACTIONS_BOT;
    throw e;
  }
}

export function warningFor(status: number | null, message: string, target: CommentTarget): string {
  const where = `pull request #${target.issue}`;
  if (status === 403 || status === 404) {
    return (
      `could not comment on ${where}: ${message}. A pull request from a fork gets a read-only token: the artifact carries ` +
      'pull_request.json for a workflow_run workflow with `mode: publish` to post it; otherwise give the workflow ' +
      '`permissions: pull-requests: write`. The report is in the job summary.'
    );
  }
  return `could not comment on ${where}: ${message}. The report is in the job summary.`;
}

/**
 * What `comment: on-change` compares: the verdict and every rule's status (a hash, kept in a hidden
 * line under the marker). A value that moves while every status stays is not a change.
 */
export function commentState(report: Pick<Report, 'verdict' | 'rules'>): string {
  const key = JSON.stringify([report.verdict, report.rules.map((r) => [r.indicator, r.field, r.op, r.expr, r.level, r.status])]);
  return `<!-- evalgate-state:${createHash('sha256').update(key).digest('hex').slice(0, 16)} -->`;
}

/** the body with the state line right under the marker line */
function withState(marker: string, body: string, state: string | undefined): string {
  if (!state) return body;
  const rest = body.slice(marker.length);
  return `${marker}\n${state}${rest.startsWith('\n') ? '' : '\n'}${rest}`;
}

/** `comment: new` minimises at most this many of the older comments per run (earlier runs minimised the rest) */
export const MINIMIZE_LIMIT = 10;

const MINIMIZE = `mutation($id: ID!) {
  minimizeComment(input: {subjectId: $id, classifier: OUTDATED}) {
    minimizedComment { isMinimized }
  }
}`;

export async function upsertComment(
  api: GitHubApi,
  token: string,
  target: CommentTarget,
  marker: string,
  body: string,
  opts: { mode: CommentMode; failing: boolean; state?: string },
): Promise<CommentResult> {
  if (opts.mode === 'never') return { action: 'skipped', url: null, reason: 'comment: never' };
  if (!body.startsWith(marker)) throw new Error(`internal error: the comment body does not start with its marker ${marker}`);
  const text = withState(marker, body, opts.state);
  try {
    const me = await tokenIdentity(api, token);
    const all = (await api.paginate(api.rest.issues.listComments, {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.issue,
      per_page: 100,
    })) as IssueComment[];
    // Ours: written by this identity and starting with the marker (a report quotes file names and
    // text from indicator files, which may hold another gate's marker). The oldest keeps its place.
    const ours = all.filter((c) => c.user?.login === me && typeof c.body === 'string' && c.body.startsWith(marker));
    if (opts.mode === 'new') {
      const { data } = await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issue, body: text });
      // the older ones are outdated: minimised, newest first, bounded per run
      const older = ours.filter((c) => c.id !== data.id).slice(-MINIMIZE_LIMIT).reverse();
      let hidden = 0;
      let warning: string | undefined;
      for (const c of older) {
        if (!c.node_id) continue;
        try {
          await api.graphql(MINIMIZE, { id: c.node_id });
          hidden++;
        } catch (e) {
          warning = `could not minimise the older comment ${c.html_url}: ${describeError(e).message}`;
          break;
        }
      }
      return { action: 'created', url: data.html_url, id: data.id, minimized: hidden, ...(warning ? { warning } : {}) };
    }
    const mine = ours[0];
    if (mine) {
      if (mine.body === text) return { action: 'unchanged', url: mine.html_url, id: mine.id };
      // on-change: the same verdict and statuses leave the comment as it is (no notification, no edit)
      if (opts.mode === 'on-change' && opts.state && mine.body!.includes(opts.state)) {
        return { action: 'unchanged', url: mine.html_url, id: mine.id };
      }
      const { data } = await api.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: mine.id, body: text });
      return { action: 'updated', url: data.html_url, id: data.id };
    }
    // on-failure: a new comment only for a failing gate; an existing one is always updated (above),
    // so that a fixed pull request shows it is fixed.
    if (opts.mode === 'on-failure' && !opts.failing) {
      return { action: 'skipped', url: null, reason: 'comment: on-failure and the gate passed' };
    }
    const { data } = await api.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issue, body: text });
    return { action: 'created', url: data.html_url, id: data.id };
  } catch (e) {
    const { status, message } = describeError(e);
    return { action: 'failed', url: null, warning: warningFor(status, message, target), status };
  }
}
