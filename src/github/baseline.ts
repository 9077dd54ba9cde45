/**
 * `baseline: auto` on a pull request (SPEC §3): the report.json of the most recent successful
 * `push` run of the same workflow on the base branch that still has its `evalgate-<name>`
 * artifact. Runs whose artifact is missing, expired or unreadable are passed over, up to 20 runs
 * back; then there is no baseline, with a note saying why (baseline rules are skipped).
 *
 * With `history: K` (SPEC §9) the same walk goes on past the newest report until K readable reports
 * are found or the 20 runs are used up (one list call, then at most one artifact list and one
 * download per run); the newest is the baseline, all of them the history its statistics are over.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readJsonFile } from '../core/json.js';
import { foreignBaselineNote, MAX_HISTORY, readBaselineReport, type BaselineReport } from '../core/baseline.js';
import { formatProblem } from '../core/problem.js';
import { noBaseline, type BaselineResult } from '../engine.js';
import { describeError, type GitHubApi } from './api.js';
import type { GitHubContext } from './context.js';

export const RUNS_BACK = 20;

export const artifactName = (gate: string): string => `evalgate-${gate}`;

/** downloads artifact `id` of run `runId` into `dir` (files at the zip's root land in `dir`) */
export type ArtifactDownloader = (id: number, runId: number, dir: string) => Promise<void>;

export interface BaselineLookup {
  api: GitHubApi;
  ctx: GitHubContext;
  gate: string;
  download: ArtifactDownloader;
  /** a warning for the log (the note goes into the report) */
  warn: (text: string) => void;
  /** reports to read (SPEC §9 `history`, 1 to 20; default 1) */
  history?: number;
}

interface Run {
  id: number;
  head_sha: string;
  created_at: string;
  html_url: string;
}

const listed = (items: string[]): string =>
  items.length <= 5 ? items.join('; ') : `${items.slice(0, 5).join('; ')}; and ${items.length - 5} more`;

export async function findArtifactBaseline({ api, ctx, gate, download, warn, history = 1 }: BaselineLookup): Promise<BaselineResult> {
  const want = Math.max(1, Math.min(MAX_HISTORY, Math.floor(history)));
  const none = (note: string): BaselineResult => ({ indicators: null, info: noBaseline(note), problems: [] });
  const pr = ctx.pullRequest;
  if (!pr) return none('baseline: auto finds one only on pull requests');
  if (!ctx.owner || !ctx.repo || !ctx.workflowFile || !pr.baseRef) {
    const what =
      !ctx.owner || !ctx.repo ? 'GITHUB_REPOSITORY' : !ctx.workflowFile ? 'GITHUB_WORKFLOW_REF' : "the pull request's base branch";
    const note = `no baseline: ${what} is not known, so the base branch's runs cannot be looked up`;
    warn(note);
    return none(note);
  }
  const name = artifactName(gate);
  const where = `${ctx.workflowFile} on ${pr.baseRef}`;
  let runs: Run[];
  try {
    const { data } = await api.rest.actions.listWorkflowRuns({
      owner: ctx.owner,
      repo: ctx.repo,
      workflow_id: ctx.workflowFile,
      branch: pr.baseRef,
      event: 'push',
      status: 'success',
      exclude_pull_requests: true,
      per_page: RUNS_BACK,
    });
    runs = data.workflow_runs as Run[];
  } catch (e) {
    const { status, message } = describeError(e);
    const hint =
      status === 403
        ? ' (the workflow needs `permissions: actions: read`)'
        : status === 404
          ? ' (the workflow file is not on the base branch yet, or the workflow needs `permissions: actions: read`)'
          : '';
    const note = `no baseline: could not list the successful push runs of ${where}: ${message}${hint}`;
    warn(note);
    return none(note);
  }
  if (runs.length === 0) return none(`no baseline: no successful push run of ${where} yet`);

  const passed: string[] = [];
  const found: Array<{ run: Run; read: BaselineReport; passedBefore: number }> = [];
  for (const run of runs.slice(0, RUNS_BACK)) {
    if (found.length >= want) break;
    let artifact: { id: number; expired: boolean; created_at?: string | null } | undefined;
    try {
      const { data } = await api.rest.actions.listWorkflowRunArtifacts({
        owner: ctx.owner,
        repo: ctx.repo,
        run_id: run.id,
        name,
        per_page: 100,
      });
      artifact = data.artifacts
        .filter((a) => a.name === name && !a.expired)
        .sort((a, b) => Date.parse(b.created_at ?? '') - Date.parse(a.created_at ?? '') || b.id - a.id)[0];
      if (!artifact) {
        passed.push(`run ${run.id}: ${data.artifacts.some((a) => a.name === name) ? 'artifact expired' : `no ${name} artifact`}`);
        continue;
      }
    } catch (e) {
      passed.push(`run ${run.id}: ${describeError(e).message}`);
      continue;
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-baseline-'));
    try {
      await download(artifact.id, run.id, dir);
      const file = path.join(dir, 'report.json');
      const label = `${name}/report.json (run ${run.id})`;
      // the one reader of untrusted JSON: size checked before reading, depth, duplicate keys
      const parsed = await readJsonFile(file, label);
      if (!parsed.ok && parsed.problems[0]?.expected === 'a readable file') {
        passed.push(`run ${run.id}: its ${name} artifact has no report.json at its root`);
        continue;
      }
      const read =
        parsed.ok && parsed.problems.length === 0
          ? readBaselineReport(parsed.value, label)
          : { ok: false as const, problems: parsed.problems };
      if (!read.ok) {
        passed.push(`run ${run.id}: ${read.problems.map(formatProblem).join('; ')}`);
        continue;
      }
      const foreign = foreignBaselineNote(read, gate, label);
      if (foreign) {
        passed.push(`run ${run.id}: ${foreign}`);
        continue;
      }
      found.push({ run, read, passedBefore: passed.length });
    } catch (e) {
      passed.push(`run ${run.id}: could not download its ${name} artifact: ${describeError(e).message}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (found.length) {
    const newest = found[0]!;
    const notes: string[] = [];
    if (newest.passedBefore) notes.push(`passed over ${newest.passedBefore} newer run(s): ${listed(passed.slice(0, newest.passedBefore))}`);
    if (want > 1) {
      notes.push(
        `history: ${found.length} of ${want} report(s) read from the last ${runs.length} successful push run(s) of ${where}` +
          (passed.length > newest.passedBefore ? `; passed over ${listed(passed.slice(newest.passedBefore))}` : ''),
      );
    }
    const note = notes.length ? notes.join('; ') : null;
    if (note) warn(`baseline: ${note}`);
    const entry = ({ run, read }: (typeof found)[number]) => ({
      run_id: run.id,
      commit: run.head_sha || read.commit,
      created_at: run.created_at || read.createdAt,
      path: run.html_url || name,
    });
    return {
      indicators: newest.read.indicators,
      ...(want > 1 ? { history: found.map((f) => f.read.indicators) } : {}),
      info: {
        source: 'artifact',
        ...entry(newest),
        note,
        ...(want > 1 ? { history: found.map(entry) } : {}),
      },
      problems: [],
    };
  }
  const note = `no baseline: none of the last ${runs.length} successful push run(s) of ${where} has a readable ${name} artifact (${listed(passed)})`;
  warn(note);
  return none(note);
}
