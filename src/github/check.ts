/**
 * The check run `evalgate / <name>` (SPEC §11): created `in_progress` when the jobs are submitted,
 * with links to the platform jobs, and completed with `success`, `neutral` (warn) or `failure`,
 * the report as its summary and one annotation per failed rule.
 *
 * `check: auto` (the default) creates it when the token may write checks: a 403 (a fork's read-only
 * token, or a workflow whose `permissions:` leave out `checks: write`) is a note, never a failure.
 * `check: true` makes that note a warning; `check: false` never calls the Checks API.
 */
import { describeError, type GitHubApi } from './api.js';
import type { Report } from '../core/report/report.js';
import { printable } from '../core/sanitize.js';

export { CHECK_MODES, type CheckMode } from './check-modes.js';

/** GitHub's limits: output.summary and output.text at most 65535 characters, 50 annotations per request */
export const CHECK_SUMMARY_LIMIT = 65535;
export const ANNOTATIONS_PER_REQUEST = 50;

export interface CheckTarget {
  owner: string;
  repo: string;
  /** the commit the check belongs to: a pull request's head, not its merge commit */
  headSha: string;
}

export interface CheckJob {
  name: string;
  url?: string;
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

export type CheckResult = { ok: true; id: number; url: string } | { ok: false; note: string; status: number | null };

export function checkName(gate: string): string {
  return `evalgate / ${gate}`;
}

/** why the check run could not be written, and what gives the token that right */
export function checkNote(status: number | null, message: string): string {
  if (status === 403 || status === 404) {
    return (
      `no check run: the token may not write checks (${message}). Give the workflow \`permissions: checks: write\`; ` +
      "a fork's pull request gets a read-only token (see mode: publish)."
    );
  }
  return `no check run: ${message}`;
}

function jobLines(jobs: readonly CheckJob[]): string {
  if (!jobs.length) return '';
  const line = (j: CheckJob): string => {
    const name = printable(j.name).replace(/[[\]`|]/g, '\\$&');
    return j.url && /^https:\/\//.test(j.url) ? `- [${name}](${j.url.replace(/[()\s]/g, encodeURIComponent)})` : `- ${name}`;
  };
  return `Jobs:\n${jobs.map(line).join('\n')}`;
}

export async function startCheck(
  api: GitHubApi,
  target: CheckTarget,
  gate: string,
  opts: { detailsUrl?: string; jobs?: readonly CheckJob[]; now?: () => Date } = {},
): Promise<CheckResult> {
  const now = opts.now ?? (() => new Date());
  try {
    const { data } = await api.rest.checks.create({
      owner: target.owner,
      repo: target.repo,
      name: checkName(gate),
      head_sha: target.headSha,
      status: 'in_progress',
      started_at: now().toISOString(),
      ...(opts.detailsUrl ? { details_url: opts.detailsUrl } : {}),
      output: {
        title: 'Running the evaluation jobs',
        summary: jobLines(opts.jobs ?? []) || 'The jobs are being submitted.',
      },
    });
    return { ok: true, id: data.id, url: data.html_url ?? '' };
  } catch (e) {
    const { status, message } = describeError(e);
    return { ok: false, status, note: checkNote(status, message) };
  }
}

export type Conclusion = 'success' | 'neutral' | 'failure' | 'cancelled';

/** the check's conclusion from the verdict and whether the step passed (fail-on may let a failing gate pass) */
export function conclusionFor(report: Report, passed: boolean, cancelled: boolean): Conclusion {
  if (cancelled) return 'cancelled';
  if (!passed) return 'failure';
  return report.verdict === 'pass' ? 'success' : 'neutral';
}

function cut(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const note = '\n\n… (cut: the whole report is in the job summary and the artifact)';
  return text.slice(0, limit - note.length) + note;
}

/** the line of `indicator.field` in the config's text (1 when it cannot be found) */
export function ruleLine(configText: string | undefined, indicator: string, field: string): number {
  if (!configText) return 1;
  const lines = configText.split('\n');
  const i = lines.findIndex((l) => l.includes(`${indicator}.${field}`));
  return i < 0 ? 1 : i + 1;
}

/**
 * statuses that get an annotation (`inconclusive` fails the check unless `inconclusive: warn`;
 * `incomparable` never fails it, but is shown loudly: a warning, SPEC §10)
 */
const ANNOTATED = new Set<string>(['fail', 'missing', 'inconclusive', 'incomparable']);

/** one annotation per failed (or missing) rule, on the line of the rule in the file that holds it */
export function checkAnnotations(report: Report, path: string, configText?: string): CheckAnnotation[] {
  const out: CheckAnnotation[] = [];
  for (const r of report.rules) {
    if (!ANNOTATED.has(r.status)) continue;
    const line = ruleLine(configText, r.indicator, r.field);
    const found = r.actual !== null && r.actual !== undefined ? ` (found ${r.actual})` : '';
    out.push({
      path,
      start_line: line,
      end_line: line,
      annotation_level: r.level === 'error' && r.status !== 'incomparable' ? 'failure' : 'warning',
      title: printable(`${r.indicator}.${r.field} ${r.status}`),
      message: printable(`${r.indicator}.${r.field} ${r.op} ${r.expr}: ${r.status}${found}${r.detail ? ` — ${r.detail}` : ''}`),
    });
  }
  return out;
}

export async function finishCheck(
  api: GitHubApi,
  target: CheckTarget,
  id: number,
  report: Report,
  opts: { summary: string; conclusion: Conclusion; annotations: readonly CheckAnnotation[]; now?: () => Date },
): Promise<CheckResult> {
  const now = opts.now ?? (() => new Date());
  const title =
    opts.conclusion === 'cancelled'
      ? 'Cancelled'
      : `${report.verdict}: ${report.rules.filter((r) => r.status === 'pass').length} of ${report.rules.length} rules pass`;
  const summary = cut(opts.summary, CHECK_SUMMARY_LIMIT);
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < opts.annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(opts.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  try {
    let url = '';
    // annotations are appended by each update: the first batches go with the output, the last completes it
    for (let i = 0; i < Math.max(batches.length, 1); i++) {
      const last = i === Math.max(batches.length, 1) - 1;
      const { data } = await api.rest.checks.update({
        owner: target.owner,
        repo: target.repo,
        check_run_id: id,
        ...(last ? { status: 'completed' as const, conclusion: opts.conclusion, completed_at: now().toISOString() } : {}),
        output: { title, summary, ...(batches[i]?.length ? { annotations: batches[i] } : {}) },
      });
      url = data.html_url ?? '';
    }
    return { ok: true, id, url };
  } catch (e) {
    const { status, message } = describeError(e);
    return { ok: false, status, note: checkNote(status, message) };
  }
}
