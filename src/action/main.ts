/**
 * The action's main step: the same pipeline as `evalgate run` (or a gate of `results`), then
 * publishing: outputs, annotations, the job summary, the `evalgate-<name>` artifact, the sticky PR
 * comment and the pushgateway. Publishing never changes the verdict: a step that cannot comment
 * or upload warns once and goes on. Cancelling the workflow sends SIGINT: every job is cancelled
 * before the step ends, and the post step cancels what a killed main step left.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as core from './workflow.js';
import { ExitCode, formatProblem, type Problem } from '../core/problem.js';
import { DEFAULT_NAME, DEFAULT_OUT, resolveSettings, type Settings } from '../config/settings.js';
import { BUILTIN_INDICATORS } from '../core/indicators/names.js';
import { loadConfig } from '../config/file.js';
import { runPipeline } from '../run.js';
import { failRun, internalErrorProblem, noBaseline, runGate, writeReport, type BaselineProvider, type GateRun } from '../engine.js';
import { processRuntime, safeRuntime, type Runtime } from '../runtime.js';
import { printable } from '../core/sanitize.js';
import { GITHUB_COMMENT_LIMIT, markerFor, renderMarkdown, type ReportLinks } from '../core/report/md.js';
import type { Report } from '../core/report/report.js';
import { githubContext, type GitHubContext } from '../github/context.js';
import { Outputs } from './constants.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { maskCredentials, maskUrlCredentials } from './secrets.js';
import { jobsSaver } from './jobs-state.js';
import { checkSession, type CheckSession } from './check-session.js';
import { PULL_REQUEST_FILE } from '../github/pull-request-file.js';

// The GitHub clients (Octokit, the artifact client) are loaded when the run publishes, not at
// start: the main step reaches its first platform request in the start-up of the code it uses
// (SPEC §8).
const github = {
  api: () => import('../github/api.js'),
  baseline: () => import('../github/baseline.js'),
  comment: () => import('../github/comment.js'),
  artifact: () => import('../github/artifact.js'),
  pushgateway: () => import('../pushgateway.js'),
};

/** GitHub drops annotations past 10 errors and 10 warnings per step */
export const ANNOTATIONS_PER_LEVEL = 10;
/** $GITHUB_STEP_SUMMARY takes 1 MiB per step; this leaves room for the lines around the report */
export const SUMMARY_LIMIT = 1024 * 1024 - 8 * 1024;

export function violations(report: Report): object[] {
  return report.rules
    .filter((r) => r.status === 'fail' || r.status === 'missing' || r.status === 'inconclusive')
    .map(({ indicator, field, op, expr, level, status, actual, limit, detail }) => ({
      indicator,
      field,
      op,
      expr,
      level,
      status,
      actual,
      limit,
      detail,
    }));
}

export function metrics(report: Report): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [k, v] of Object.entries(report.indicators)) {
    const { sources: _s, notes: _n, ...fields } = v;
    out[k] = fields;
  }
  return out;
}

interface Annotation {
  level: 'error' | 'warning';
  title: string;
  text: string;
  /** where a config problem is, for an annotation on its file and line */
  file?: string;
  line?: number;
}

/**
 * one per problem and per failed or missing rule, within GitHub's per-step caps; a problem of
 * `located` (the config's) is annotated on its file and line
 */
export function annotations(report: Report, located: readonly Problem[] = []): Annotation[] {
  const where = new Map(located.filter((p) => p.file).map((p) => [formatProblem(p), p]));
  const all: Annotation[] = report.problems.map((text) => {
    const p = where.get(text);
    if (p) return { level: 'error', title: 'evalgate: invalid config', text, file: p.file!, ...(p.line ? { line: p.line } : {}) };
    return {
      level: 'error',
      title: `evalgate ${report.name}: ${/^job |^platform: |^internal error: /.test(text) ? 'run failed' : 'invalid input'}`,
      text,
    };
  });
  const absent = new Set(report.missing_indicators);
  for (const r of report.rules.filter(
    (x) =>
      x.status === 'fail' ||
      x.status === 'inconclusive' ||
      x.status === 'incomparable' ||
      (x.status === 'missing' && !absent.has(x.indicator)),
  )) {
    const found = r.actual !== null ? ` (found ${r.actual})` : '';
    const said = { missing: 'missing', inconclusive: 'inconclusive', incomparable: 'incomparable with the baseline' } as Record<
      string,
      string
    >;
    all.push({
      // incomparable never fails the gate, but is shown loudly (SPEC §10)
      level: r.level === 'error' && r.status !== 'incomparable' ? 'error' : 'warning',
      title: `evalgate ${report.name}: ${r.indicator}.${r.field} ${said[r.status] ?? 'failed'}`,
      text: `${r.indicator}.${r.field} ${r.op} ${r.expr}: ${r.status}${found}${r.detail ? ` — ${r.detail}` : ''}`,
    });
  }
  for (const i of report.missing_indicators) {
    all.push({
      level: 'error',
      title: `evalgate ${report.name}: ${i} absent`,
      text: `required indicator ${i} is absent: no file reported it (its rules count as missing)`,
    });
  }
  const out: Annotation[] = [];
  // the step's own failure message is an error annotation too; warnings of the publishing steps too
  const room = { error: ANNOTATIONS_PER_LEVEL - 1, warning: ANNOTATIONS_PER_LEVEL - 3 };
  for (const level of ['error', 'warning'] as const) {
    const list = all.filter((a) => a.level === level);
    if (list.length <= room[level]) out.push(...list);
    else {
      const more = list.length - room[level] + 1;
      out.push(...list.slice(0, room[level] - 1));
      out.push({
        level,
        title: `evalgate ${report.name}: ${more} more`,
        text: `${more} more ${level === 'error' ? 'errors' : 'warnings'}; every one is in the job summary and report.json`,
      });
    }
  }
  return out;
}

function baselineProvider(settings: Settings, inputs: ActionInputs, ctx: GitHubContext, env: Runtime['env']): BaselineProvider | undefined {
  if (settings.baseline.kind !== 'auto') return undefined;
  // one lookup per run, however often the run gates (confirm gates again after its reruns)
  let cached: ReturnType<BaselineProvider> | undefined;
  return () => (cached ??= lookup());
  async function lookup(): ReturnType<BaselineProvider> {
    if (!ctx.pullRequest) {
      return { indicators: null, info: noBaseline('baseline: auto finds one only on pull requests'), problems: [] };
    }
    if (!inputs.token) {
      const note = 'no baseline: no github-token to look up the base branch artifact with';
      core.warning(note);
      return { indicators: null, info: noBaseline(note), problems: [] };
    }
    const [{ githubApi }, { findArtifactBaseline }, { artifactDownloader }] = await Promise.all([
      github.api(),
      github.baseline(),
      github.artifact(),
    ]);
    const api = githubApi(inputs.token, env);
    const result = await findArtifactBaseline({
      api,
      ctx,
      gate: settings.name,
      download: artifactDownloader(inputs.token, ctx.owner ?? '', ctx.repo ?? ''),
      warn: (t) => core.warning(printable(t)),
      history: settings.history,
    });
    if (result.info.source === 'artifact') core.info(printable(`evalgate: baseline from run ${result.info.run_id} (${result.info.path})`));
    return result;
  }
}

/** this workflow run's page (its attempt's, for a re-run); undefined outside a workflow run */
export function workflowRunUrl(ctx: GitHubContext, env: Record<string, string | undefined>): string | undefined {
  if (!ctx.owner || !ctx.repo || ctx.runId === null) return undefined;
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? '1');
  const tail = Number.isSafeInteger(attempt) && attempt > 1 ? `/attempts/${attempt}` : '';
  return `${ctx.serverUrl}/${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.repo)}/actions/runs/${ctx.runId}${tail}`;
}

/** an artifact of this run, by the id its upload returned (the page that downloads the zip) */
function artifactUrl(ctx: GitHubContext, id: number): string | undefined {
  if (!ctx.owner || !ctx.repo || ctx.runId === null) return undefined;
  return `${ctx.serverUrl}/${encodeURIComponent(ctx.owner)}/${encodeURIComponent(ctx.repo)}/actions/runs/${ctx.runId}/artifacts/${id}`;
}

async function publish(
  gateRun: GateRun,
  settings: Settings,
  inputs: ActionInputs,
  ctx: GitHubContext,
  rt: Runtime,
  signal?: AbortSignal,
  located: readonly Problem[] = [],
  check: CheckSession | null = null,
): Promise<void> {
  const { report } = gateRun;
  setOutputs(gateRun);
  annotate(report, located);

  // The artifact first: the baseline of later runs, whatever happens to the comment, and the
  // comment links it (SPEC §11). Its report.md links the run and says it is in the artifact (it
  // cannot link to the artifact it is in).
  const [{ uploadReport }, { artifactName }] = await Promise.all([github.artifact(), github.baseline()]);
  const name = artifactName(settings.name);
  // report.html too, unless it could not be written (a warning said so)
  const files = [gateRun.paths.json, gateRun.paths.markdown, ...(existsSync(gateRun.paths.html) ? [gateRun.paths.html] : [])];
  const links = (): ReportLinks => ({ run: workflowRunUrl(ctx, rt.env), artifactName: name, files: files.map((f) => path.basename(f)) });
  await writeFile(gateRun.paths.markdown, renderMarkdown(report, GITHUB_COMMENT_LIMIT, { links: { ...links(), inArtifact: true } }));
  let uploadedOnce = false;
  const uploaded = async (replace: boolean): Promise<string | undefined> => {
    const upload = await uploadReport(name, files, rt.env, undefined, { replace });
    if (!upload.ok) {
      core.warning(upload.warning);
      return undefined;
    }
    uploadedOnce = true;
    core.info(`evalgate: uploaded artifact ${name}${upload.id !== null ? ` (id ${upload.id})` : ''}`);
    return upload.id !== null ? artifactUrl(ctx, upload.id) : undefined;
  };
  let artifact = await uploaded(false);
  const linked = (max: number): string => renderMarkdown(report, max, { links: { ...links(), artifact } });

  let commentUrl = '';
  let commentNote: string | null = null;
  let commentDenied = false;
  const pr = ctx.pullRequest;
  // A cancelled run (a newer push superseded it) must not overwrite the comment with its cancelled jobs.
  if (signal?.aborted) core.info('evalgate: the run was cancelled: no PR comment and no push');
  else if (pr && settings.comment !== 'never') {
    if (!inputs.token || !ctx.owner || !ctx.repo) {
      commentNote = 'no PR comment: no github-token or GITHUB_REPOSITORY';
      core.warning(commentNote);
    } else {
      const [{ upsertComment, commentState }, { githubApi }] = await Promise.all([github.comment(), github.api()]);
      const result = await upsertComment(
        githubApi(inputs.token, rt.env),
        inputs.token,
        { owner: ctx.owner, repo: ctx.repo, issue: pr.number },
        markerFor(report.name),
        linked(GITHUB_COMMENT_LIMIT),
        { mode: settings.comment, failing: report.verdict !== 'pass', state: commentState(report) },
      );
      if ('warning' in result && result.action !== 'failed' && result.warning) core.warning(result.warning);
      if (result.action === 'failed') {
        commentNote = result.warning;
        commentDenied = result.status === 403 || result.status === 404;
        core.warning(result.warning);
      } else if (result.action === 'skipped') core.info(`evalgate: no PR comment (${result.reason})`);
      else {
        commentUrl = result.url;
        core.info(`evalgate: PR comment ${result.action}: ${result.url}`);
      }
    }
  }
  if (commentUrl) core.setOutput(Outputs.CommentUrl, commentUrl);
  // A pull request whose token could not comment (a fork's) leaves pull_request.json in the
  // artifact for `mode: publish` (SPEC §11): the artifact is uploaded again with it (an uploaded
  // artifact cannot be added to), replacing the first, which no comment links (none was written).
  // Without an artifact service there is nothing to add it to.
  if (pr && commentDenied && ctx.pullRequest?.headSha && uploadedOnce) {
    const file = path.join(path.dirname(gateRun.paths.json), PULL_REQUEST_FILE);
    const info = { number: pr.number, head_sha: ctx.pullRequest.headSha, base_ref: pr.baseRef };
    await writeFile(file, JSON.stringify(info, null, 2) + '\n');
    files.push(file);
    artifact = await uploaded(true);
  }

  // the check run: completed even for a cancelled run (it must not stay in progress)
  let checkUrl = '';
  let checkNote: { text: string; warn: boolean } | null = null;
  if (check) {
    const done = await check.finish(
      { ...gateRun, markdown: linked(GITHUB_COMMENT_LIMIT) },
      gateRun.exitCode === ExitCode.Ok,
      signal?.aborted ?? false,
    );
    if (done.url) {
      checkUrl = done.url;
      core.info(`evalgate: check run completed: ${done.url}`);
    } else if (done.note) {
      checkNote = { text: done.note, warn: done.warn };
      if (done.warn) core.warning(done.note);
      else core.info(`evalgate: ${done.note}`);
    }
  }

  try {
    const lines = [linked(SUMMARY_LIMIT)];
    if (commentUrl) lines.push(`[The PR comment](${commentUrl})`);
    if (checkUrl) lines.push(`[The check run](${checkUrl})`);
    if (commentNote) lines.push(`> [!WARNING]\n> ${commentNote.replace(/\n/g, ' ')}`);
    if (checkNote) lines.push(`> [!${checkNote.warn ? 'WARNING' : 'NOTE'}]\n> ${checkNote.text.replace(/\n/g, ' ')}`);
    await core.appendSummary(lines.join('\n\n'));
  } catch (e) {
    core.warning(`could not write the job summary: ${(e as Error).message}`);
  }

  if (!signal?.aborted) {
    const { pushIfConfigured } = await github.pushgateway();
    const pushed = await pushIfConfigured(settings.pushgateway, report, signal);
    if (pushed && 'warning' in pushed) core.warning(pushed.warning);
    else if (pushed) core.info(`evalgate: pushed the metrics to ${pushed.pushed}`);
  }
}

/**
 * Every output, from the report and its exit code (the gate's verdict): set on every path, before
 * anything that could fail (comment-url is set again once a comment is written).
 */
function setOutputs(gateRun: GateRun): void {
  const { report } = gateRun;
  core.setOutput(Outputs.Verdict, report.verdict);
  core.setOutput(Outputs.Passed, String(gateRun.exitCode === ExitCode.Ok));
  core.setOutput(Outputs.ReportJson, gateRun.paths.json);
  core.setOutput(Outputs.ReportMarkdown, gateRun.paths.markdown);
  core.setOutput(Outputs.Violations, JSON.stringify(violations(report)));
  core.setOutput(Outputs.Metrics, JSON.stringify(metrics(report)));
  core.setOutput(Outputs.CommentUrl, '');
}

function annotate(report: Report, located: readonly Problem[] = []): void {
  for (const a of annotations(report, located)) {
    const props = { title: a.title, ...(a.file ? { file: a.file, ...(a.line ? { startLine: a.line } : {}) } : {}) };
    // core escapes line breaks in annotations; escapes, bidi controls and the rest go here
    const text = printable(a.text);
    const safe = { ...props, title: printable(props.title) };
    if (a.level === 'error') core.error(text, safe);
    else core.warning(text, safe);
  }
}

function finish(gateRun: GateRun): void {
  if (gateRun.exitCode !== ExitCode.Ok) {
    core.setFailed(`evalgate ${gateRun.report.name}: ${gateRun.report.verdict} (exit code ${gateRun.exitCode})`);
  }
}

export async function run(given: Runtime = processRuntime()): Promise<void> {
  const rt = safeRuntime(given);
  let settings: Settings | undefined;
  let gateRun: GateRun | undefined;
  try {
    maskCredentials(rt.env);
    const { inputs, problems: inputProblems } = readInputs();
    const flag = (n: string): string => `input ${n}`;
    const loaded = await loadConfig(inputs.config, rt.cwd);
    // An invalid config still ends with a report and every output (SPEC §5): the inputs and defaults stand in.
    const configProblems = loaded && !loaded.ok ? loaded.problems : [];
    const resolved = resolveSettings(inputs, { flag, defaultBaseline: 'auto' }, loaded?.ok ? loaded.config : undefined);
    settings = resolved.settings;
    maskUrlCredentials(settings.pushgateway); // the config's URL may carry a password too
    const ctx = githubContext(rt.env);
    const problems = [...configProblems, ...inputProblems, ...resolved.problems];
    if (inputs.mode === 'publish' && !problems.length) return await publishMode(settings, inputs, ctx, rt);
    const check = settings.dryRun || inputs.mode === 'publish' ? null : checkSession(inputs.check, inputs.token, ctx, settings, rt);
    if (problems.length) {
      // SPEC §5: the report is still written when it can be (verdict fail, problems listed)
      gateRun = await runGate(settings, rt, { problems, files: settings.results ? undefined : [] });
      await publish(gateRun, settings, inputs, ctx, rt, undefined, configProblems, check);
      return finish(gateRun);
    }

    const abort = new AbortController();
    const onSignal = (): void => abort.abort();
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    const result = await runPipeline(settings, rt, {
      signal: abort.signal,
      flag,
      onActiveJobs: jobsSaver(rt.env, path.resolve(rt.cwd, settings.out)),
      baseline: baselineProvider(settings, inputs, ctx, rt.env),
      ...(check ? { onSubmitted: (jobs: { name: string; url?: string }[]) => check.submitted(jobs) } : {}),
    }).finally(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
    gateRun = result.gate;
    if (!gateRun && result.problems?.length) {
      // stopped before any job ran: the problems are the report (and its annotations)
      gateRun = await runGate(settings, rt, { problems: result.problems, files: [] });
    }
    if (!gateRun && result.exitCode !== ExitCode.Ok) {
      // a stop whose reasons were printed: still a report and every output
      const stop = { subject: 'evalgate', expected: 'the run to finish', found: `a stop with exit code ${result.exitCode}` };
      gateRun = await failRun(null, settings, rt, [stop], result.exitCode);
    }
    if (!gateRun) return; // a dry run: it printed the job specs and gates nothing
    await publish(gateRun, settings, inputs, ctx, rt, abort.signal, [], check);
    finish(gateRun);
  } catch (e) {
    await failClosed(e, gateRun, settings, rt);
  }
}

/**
 * `mode: publish` (SPEC §11), in a workflow on `workflow_run`: the triggering run's artifact is read
 * as data (checked, re-rendered, never executed) and posted with this workflow's token: the comment
 * on the pull request it names (whose head must be the commit that run tested) and the check run on
 * that commit. The step fails only when it could not publish; the check run carries the verdict.
 */
async function publishMode(settings: Settings, inputs: ActionInputs, ctx: GitHubContext, rt: Runtime): Promise<void> {
  const refuse = (text: string): void => {
    core.setOutput(Outputs.Verdict, 'fail');
    core.setOutput(Outputs.Passed, 'false');
    core.setOutput(Outputs.CommentUrl, '');
    core.setFailed(`evalgate ${settings.name}: ${printable(text)}`);
  };
  const { readFileSync } = await import('node:fs');
  const [pub, { githubApi }, { artifactDownloader }, { upsertComment, commentState }, check, { artifactName }] = await Promise.all([
    import('../github/publish.js'),
    github.api(),
    github.artifact(),
    github.comment(),
    import('../github/check.js'),
    github.baseline(),
  ]);
  const run = pub.triggeringRun(ctx.eventName, rt.env.GITHUB_EVENT_PATH, (p) => readFileSync(p, 'utf8'));
  if (!('id' in run)) return refuse(formatProblem(run));
  if (!inputs.token || !ctx.owner || !ctx.repo) return refuse('mode: publish needs github-token and GITHUB_REPOSITORY');
  const repo = { owner: ctx.owner, repo: ctx.repo };
  const api = githubApi(inputs.token, rt.env);
  const read = await pub.readPublished(api, repo, run, settings.name, artifactDownloader(inputs.token, ctx.owner, ctx.repo));
  if (read.kind === 'nothing') {
    core.info(`evalgate: ${read.note}`);
    await core.appendSummary(`evalgate ${settings.name}: ${read.note}`);
    return;
  }
  if (read.kind === 'refused') return refuse(pub.describeRefusal(read.problems));
  const wrong = await pub.verifyPullRequest(api, repo, read.pr, run);
  if (wrong) return refuse(pub.describeRefusal([wrong]));

  const { report } = read;
  const runUrl = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${run.id}`;
  const written = await writeReport(report, settings.out, rt);
  const passed = run.conclusion === 'success';
  // the step succeeds when it published (passed: true); the check run and the comment carry the verdict
  const gateRun: GateRun = { report, exitCode: ExitCode.Ok, ...written };
  setOutputs(gateRun);
  const note = `\n_Published by \`mode: publish\` from [run ${run.id}](${runUrl}) of a fork's pull request._\n`;
  // the comment links the triggering run and its artifact, as the gate's own comment would
  const links = { run: runUrl, artifact: `${runUrl}/artifacts/${read.artifactId}`, artifactName: artifactName(settings.name) };
  const body = renderMarkdown(report, GITHUB_COMMENT_LIMIT - Buffer.byteLength(note), { links }) + note;
  let commentUrl = '';
  if (settings.comment !== 'never') {
    const result = await upsertComment(api, inputs.token, { ...repo, issue: read.pr.number }, markerFor(report.name), body, {
      mode: settings.comment,
      failing: report.verdict !== 'pass',
      state: commentState(report),
    });
    if (result.action === 'failed') return refuse(result.warning);
    if (result.action === 'skipped') core.info(`evalgate: no PR comment (${result.reason})`);
    else {
      commentUrl = result.url;
      core.setOutput(Outputs.CommentUrl, commentUrl);
      core.info(`evalgate: PR comment ${result.action} on #${read.pr.number}: ${result.url}`);
    }
  }
  if (inputs.check !== 'false') {
    const target = { ...repo, headSha: run.head_sha };
    const started = await check.startCheck(api, target, report.name, { detailsUrl: runUrl });
    const done = started.ok
      ? await check.finishCheck(api, target, started.id, report, {
          summary: body,
          conclusion: check.conclusionFor(report, passed, run.conclusion === 'cancelled'),
          annotations: check.checkAnnotations(report, run.path ?? '.github/evalgate.yml'),
        })
      : started;
    if (!done.ok) {
      if (inputs.check === 'true') core.warning(done.note);
      else core.info(`evalgate: ${done.note}`);
    } else core.info(`evalgate: check run completed: ${done.url}`);
  }
  await core.appendSummary(
    [
      `Published evalgate ${settings.name} (${report.verdict}) for pull request #${read.pr.number} from run ${run.id}.`,
      commentUrl ? `[The PR comment](${commentUrl})` : '',
    ].join('\n\n'),
  );
}

/**
 * An internal error anywhere: report.json is (re)written with the problem listed and verdict fail,
 * and every output is set, from the report as far as it got (or an empty one).
 */
async function failClosed(e: unknown, previous: GateRun | undefined, settings: Settings | undefined, rt: Runtime): Promise<void> {
  const problem = internalErrorProblem(e);
  if (e instanceof Error && e.stack) core.debug(e.stack);
  const s = settings ?? { name: DEFAULT_NAME, platform: 'local', indicators: [...BUILTIN_INDICATORS], out: DEFAULT_OUT };
  let failed: GateRun | undefined;
  for (const attempt of [s, { ...s, out: DEFAULT_OUT }]) {
    try {
      failed = await failRun(previous ?? null, attempt, rt, [problem]);
      break;
    } catch {
      // the report folder itself is the trouble: try the default one
    }
  }
  if (failed) {
    setOutputs(failed);
    annotate(failed.report);
  } else {
    core.setOutput(Outputs.Verdict, 'fail');
    core.setOutput(Outputs.Passed, 'false');
    core.setOutput(Outputs.ReportJson, '');
    core.setOutput(Outputs.ReportMarkdown, '');
    core.setOutput(Outputs.Violations, '[]');
    core.setOutput(Outputs.Metrics, '{}');
    core.setOutput(Outputs.CommentUrl, '');
  }
  core.setFailed(`evalgate: ${formatProblem(problem)}`);
}
