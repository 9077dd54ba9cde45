/**
 * `mode: publish` (SPEC §11): a fork's pull request runs the gate with a read-only token, which
 * cannot comment or write checks; its artifact then carries `pull_request.json`. A second workflow,
 * on `workflow_run` of the gate workflow, runs the action with `mode: publish`: it downloads that
 * artifact from the triggering run and posts the comment and the check run with its own token.
 *
 * Everything in the artifact is the fork's to write, so it is data and nothing else: read with the
 * bounded JSON reader, checked field by field against the report's shape, re-rendered by our own
 * Markdown writer (every string a code span, as indicator text always is), never executed. The
 * pull request it names must be one whose head is the commit the triggering run tested, and the
 * report must be this gate's (same name); otherwise nothing is posted.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { readJsonFile } from '../core/json.js';
import { formatProblem, type Problem } from '../core/problem.js';
import type { Report } from '../core/report/report.js';
import { describeError, type GitHubApi } from './api.js';
import { artifactName, type ArtifactDownloader } from './baseline.js';

import { PULL_REQUEST_FILE } from './pull-request-file.js';
export { PULL_REQUEST_FILE };

/** what the gate leaves for the publish workflow (SPEC §11: number, head SHA, base ref) */
export interface PullRequestFile {
  number: number;
  head_sha: string;
  base_ref: string | null;
}

const SHA = /^[0-9a-f]{40}$/;
const text = (max: number) => z.string().max(max);
const num = z.number().finite().nullable();

const pullRequestFile = z
  .object({
    number: z
      .number()
      .int()
      .positive()
      .max(2 ** 31),
    head_sha: z.string().regex(SHA, 'a 40-digit lowercase hex commit SHA'),
    base_ref: text(255).nullable(),
  })
  .strict();

const indicatorEntry: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      sources: z.array(text(4096)).max(100_000),
      approximate: z.boolean(),
      notes: z.array(text(4096)).max(1000),
      attacks: z.record(text(200), indicatorEntry).optional(),
    })
    .catchall(z.unknown()),
);

/** the fields our Markdown writer and the check read, each of the type it expects (unknown extra fields pass) */
const publishedReport = z
  .object({
    schema_version: z.literal(1),
    name: text(200),
    verdict: z.enum(['pass', 'warn', 'inconclusive', 'fail']),
    generated_at: text(64),
    commit: text(64).nullable(),
    ref: text(1024).nullable(),
    pull_request: z.number().int().nullable(),
    platform: text(64),
    required: z.array(text(200)).max(1000),
    missing_indicators: z.array(text(200)).max(1000),
    indicators: z.record(text(200), indicatorEntry),
    rules: z
      .array(
        z
          .object({
            indicator: text(200),
            field: text(200),
            op: z.enum(['<', '<=', '>', '>=', '==', '!=']),
            expr: text(500),
            level: z.enum(['error', 'warn']),
            status: z.enum(['pass', 'fail', 'missing', 'skipped', 'inconclusive', 'incomparable']),
            actual: num,
            limit: num,
            baseline: num,
            delta: num,
            detail: text(4096),
            // drawn by the Markdown writer: numbers, or nothing
            interval: z.tuple([z.number().finite(), z.number().finite()]).optional(),
            history: z.array(z.number().finite()).max(100).optional(),
            attempts: z
              .array(z.object({ attempt: z.number().int(), actual: num, status: text(64) }).catchall(z.unknown()))
              .max(100)
              .optional(),
          })
          .catchall(z.unknown()),
      )
      .max(1000),
    problems: z.array(text(8192)).max(10_000),
    warnings: z.array(text(8192)).max(1000),
    jobs: z
      .array(
        z
          .object({
            indicator: text(200),
            shard: z.number().int().min(0),
            platform_id: text(1024).nullable(),
            platform_url: text(2048).nullable(),
            status: text(64),
            duration_s: num,
            message: text(8192).optional(),
          })
          .catchall(z.unknown()),
      )
      .max(100_000),
    baseline: z
      .object({
        source: z.enum(['artifact', 'file', 'none']),
        run_id: z.union([z.number(), text(64)]).nullable(),
        commit: text(64).nullable(),
        created_at: text(64).nullable(),
        path: text(2048).nullable(),
        note: text(8192).nullable(),
      })
      .catchall(z.unknown()),
  })
  .catchall(z.unknown());

export interface TriggeringRun {
  id: number;
  head_sha: string;
  conclusion: string | null;
  /** `.github/workflows/gate.yml` */
  path: string | null;
  event: string | null;
}

/** the `workflow_run` event's run, from the event payload */
export function triggeringRun(eventName: string, eventPath: string | undefined, read: (p: string) => string): TriggeringRun | Problem {
  const bad = (found: string): Problem => ({
    file: 'input mode',
    expected: 'a workflow_run event (mode: publish runs in a workflow on: workflow_run)',
    found,
  });
  if (eventName !== 'workflow_run') return bad(`the ${eventName || 'unknown'} event`);
  let payload: { workflow_run?: Record<string, unknown> };
  try {
    payload = JSON.parse(read(eventPath ?? '')) as typeof payload;
  } catch {
    return bad('no readable event payload (GITHUB_EVENT_PATH)');
  }
  const r = payload.workflow_run;
  if (!r || !Number.isSafeInteger(r.id) || typeof r.head_sha !== 'string' || !SHA.test(r.head_sha))
    return bad('a payload without workflow_run.id and head_sha');
  return {
    id: r.id as number,
    head_sha: r.head_sha,
    conclusion: typeof r.conclusion === 'string' ? r.conclusion : null,
    path: typeof r.path === 'string' && /^\.github\/workflows\/[\w.-]+$/.test(r.path) ? r.path : null,
    event: typeof r.event === 'string' ? r.event : null,
  };
}

function zodProblems(file: string, error: z.ZodError, value: unknown, max = 5): Problem[] {
  return error.issues.slice(0, max).map((i) => {
    let at: unknown = value;
    for (const k of i.path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[k as PropertyKey] : undefined;
    const shown = at === undefined ? 'nothing' : (JSON.stringify(at) ?? String(at));
    return {
      file,
      path: `$${i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`,
      expected: i.message.replace(/^Invalid input: expected /, '').replace(/^Too big: expected /, ''),
      found: shown.length > 80 ? `${shown.slice(0, 79)}…` : shown,
    };
  });
}

export type PublishRead =
  | { kind: 'publish'; report: Report; pr: PullRequestFile; reportText: string; artifactId: number }
  | { kind: 'nothing'; note: string }
  | { kind: 'refused'; problems: Problem[] };

/**
 * Downloads `evalgate-<gate>` of the triggering run and reads what to publish: nothing when the gate
 * commented itself (no pull_request.json), refused when anything in it is not what it must be.
 */
export async function readPublished(
  api: GitHubApi,
  repo: { owner: string; repo: string },
  run: TriggeringRun,
  gate: string,
  download: ArtifactDownloader,
): Promise<PublishRead> {
  const name = artifactName(gate);
  const refused = (problems: Problem[]): PublishRead => ({ kind: 'refused', problems });
  let artifact: { id: number } | undefined;
  try {
    const { data } = await api.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: run.id, name, per_page: 100 });
    artifact = data.artifacts.filter((a) => a.name === name && !a.expired).sort((a, b) => b.id - a.id)[0];
  } catch (e) {
    const { status, message } = describeError(e);
    return refused([
      {
        subject: `run ${run.id}`,
        expected: `its artifacts listed${status === 403 ? ' (the workflow needs permissions: actions: read)' : ''}`,
        found: message,
      },
    ]);
  }
  if (!artifact)
    return {
      kind: 'nothing',
      note: `nothing to publish: run ${run.id} has no ${name} artifact (the gate did not get as far, or it has another name)`,
    };
  const dir = await mkdtemp(path.join(tmpdir(), 'evalgate-publish-'));
  try {
    try {
      await download(artifact.id, run.id, dir);
    } catch (e) {
      return refused([{ subject: `${name} of run ${run.id}`, expected: 'a downloadable artifact', found: describeError(e).message }]);
    }
    const prFile = `${name}/${PULL_REQUEST_FILE} (run ${run.id})`;
    const prJson = await readJsonFile(path.join(dir, PULL_REQUEST_FILE), prFile);
    if (!prJson.ok && prJson.problems[0]?.expected === 'a readable file') {
      return {
        kind: 'nothing',
        note: `nothing to publish: the ${name} artifact of run ${run.id} has no ${PULL_REQUEST_FILE} (the gate could comment itself)`,
      };
    }
    if (!prJson.ok || prJson.problems.length) return refused(prJson.problems);
    const pr = pullRequestFile.safeParse(prJson.value);
    if (!pr.success) return refused(zodProblems(prFile, pr.error, prJson.value));
    if (pr.data.head_sha !== run.head_sha) {
      return refused([
        { file: prFile, path: '$.head_sha', expected: `the commit run ${run.id} tested (${run.head_sha})`, found: pr.data.head_sha },
      ]);
    }

    const reportFile = `${name}/report.json (run ${run.id})`;
    const parsed = await readJsonFile(path.join(dir, 'report.json'), reportFile);
    if (!parsed.ok || parsed.problems.length) return refused(parsed.problems);
    const report = publishedReport.safeParse(parsed.value);
    if (!report.success) return refused(zodProblems(reportFile, report.error, parsed.value));
    if (report.data.name !== gate) {
      return refused([
        { file: reportFile, path: '$.name', expected: `this gate's name ${JSON.stringify(gate)}`, found: JSON.stringify(report.data.name) },
      ]);
    }
    const reportText = await readFile(path.join(dir, 'report.json'), 'utf8');
    return { kind: 'publish', report: report.data as unknown as Report, pr: pr.data, reportText, artifactId: artifact.id };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** the pull request the artifact names must have the triggering run's commit as its head */
export async function verifyPullRequest(
  api: GitHubApi,
  repo: { owner: string; repo: string },
  pr: PullRequestFile,
  run: TriggeringRun,
): Promise<Problem | null> {
  try {
    const { data } = await api.rest.pulls.get({ ...repo, pull_number: pr.number });
    if (data.head.sha !== run.head_sha) {
      return {
        subject: `pull request #${pr.number}`,
        expected: `its head to be the commit run ${run.id} tested (${run.head_sha})`,
        found: data.head.sha,
      };
    }
    return null;
  } catch (e) {
    return { subject: `pull request #${pr.number}`, expected: 'a pull request of this repository', found: describeError(e).message };
  }
}

export function describeRefusal(problems: readonly Problem[]): string {
  return `nothing published: ${problems.map(formatProblem).join('; ')}`;
}
