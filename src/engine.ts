/**
 * The engine: collect → validate & merge → gate → report. The CLI and the action both call it;
 * it does file I/O through node:fs and everything else through the Runtime.
 */
import { mkdirSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hostname } from 'node:os';
import { isUtf8 } from 'node:buffer';
import { parseJsonText, readJsonFile } from './core/json.js';
import { EvalgateError, ExitCode, formatProblem, highestExitCode, type Problem } from './core/problem.js';
import { IndicatorMerger, type MergedIndicator, type MergeResult } from './core/indicators/merge.js';
import { quickValidate } from './core/indicators/quick.js';
import type { IndicatorRecord, Repeat, Validation } from './core/indicators/record.js';
import { percentileOfField } from './core/indicators/names.js';
import type { Rule } from './core/rules.js';
import { readWithSamples } from './core/json-samples.js';
import { exitCodeFor, gate, verdictOf, type BaselineIndicators } from './core/gate.js';
import { foreignBaselineNote, readBaselineReport, type BaselineReport } from './core/baseline.js';
import { indicatorEntry, renderJson, type BaselineInfo, type JobRecord, type Report } from './core/report/report.js';
import { renderMarkdown } from './core/report/md.js';
import { renderProm } from './core/report/prom.js';
import { renderJunit } from './core/report/junit.js';
import { chartLibrary, renderHtml } from './core/report/html.js';
import { compareFingerprints, fingerprintOf, readFingerprint, type RunFacts } from './core/fingerprint.js';
import { decodeText, display, isUri, listResults, readIndicatorBytes } from './stores/fs.js';
import { fetchRemoteResults, resultsFolder } from './stores/remote.js';
import { lockOut } from './stores/out-lock.js';
import { runContext } from './github/context.js';
import { hintNames } from './core/suggest.js';
import type { Settings } from './config/settings.js';
import type { Runtime } from './runtime.js';

export interface Collected {
  merge: MergeResult;
  problems: Problem[];
  files: string[];
}

/** Files larger than this read their samples_ms with readWithSamples (json-samples.ts). */
export const FAST_SAMPLES_BYTES = 64 * 1024;

/** Reads, validates and folds each file in turn; a file's parsed text is dropped once folded. */
export async function collect(
  files: readonly string[],
  settings: Pick<Settings, 'maxFileSizeMb' | 'merge'> & Partial<Pick<Settings, 'rules'>>,
  rt: Runtime,
  repeatOf?: ReadonlyMap<string, Repeat>,
): Promise<Collected> {
  const problems: Problem[] = [];
  const merger = new IndicatorMerger(settings.merge, { percentiles: rulePercentiles(settings.rules ?? []) });
  // a file a repeat's job wrote is of that repeat, unless it says so itself (then the two must agree)
  const add = (r: IndicatorRecord): void => {
    const tag = repeatOf?.get(r.file);
    if (tag && !r.repeat) merger.add({ ...r, repeat: tag, repeatTagged: true });
    else if (tag && (r.repeat!.index !== tag.index || r.repeat!.count !== tag.count)) {
      problems.push({
        file: r.file,
        path: '$.repeat',
        expected: `repeat {index: ${tag.index}, count: ${tag.count}} (the repeat of the job that wrote it), or no repeat`,
        found: JSON.stringify(r.repeat),
      });
      merger.invalid(r.indicator, r.file);
    } else merger.add(tag ? { ...r, repeatTagged: true } : r);
  };
  for (const file of files) {
    const read = readIndicatorBytes(file, rt.cwd, settings.maxFileSizeMb);
    if (!read.ok) {
      problems.push(read.problem);
      continue;
    }
    // JSON is UTF-8 (RFC 8259): bytes that are not would otherwise become U+FFFD without a word
    if (!isUtf8(read.bytes)) {
      problems.push({ file, expected: 'UTF-8 text (an indicator file is JSON, which is UTF-8)', found: 'bytes that are not UTF-8' });
      continue;
    }
    // samples_ms straight into a Float64Array when the file is large and plain; else the ordinary
    // reader (for a small file it is the faster: the fast path's own set-up costs more than it saves)
    const fast = read.bytes.length > FAST_SAMPLES_BYTES ? readWithSamples(read.bytes, file) : null;
    if (fast) {
      let samples: Float64Array | undefined = fast.samples;
      if (fast.value.indicator !== 'latency_p99') {
        // samples_ms of another indicator is a field like any other: the array JSON.parse makes
        fast.value.samples_ms = Array.from(fast.samples);
        samples = undefined;
      }
      const v = quickValidate(fast.value, file, samples) ?? (await validate(fast.value, file, samples));
      if (v.ok) {
        add(v.record);
        continue;
      }
      // an invalid file: read again the ordinary way, for the ordinary problems (same as below)
    }
    const parsed = parseJsonText(decodeText(read.bytes), file);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    // the quick check without an await: a microtask per file is a cost of its own over 5000 shards
    const v = quickValidate(parsed.value, file) ?? (await validate(parsed.value, file));
    if (v.ok && parsed.problems.length === 0) add(v.record);
    else {
      // A non-finite number is reported once, by the parser, not again as "expected a number".
      const seen = new Set(parsed.problems.map((p) => p.path));
      problems.push(...parsed.problems, ...(v.ok ? [] : v.problems.filter((p) => !seen.has(p.path))));
      const indicator = v.ok ? v.record.indicator : v.indicator;
      if (indicator) merger.invalid(indicator, file);
    }
  }
  const merge = merger.finish();
  problems.push(...merge.problems);
  return { merge, problems, files: [...files] };
}

/** The latency percentiles the rules name besides p50, p90 and p99 (p95_ms, p99.9_ms). */
export function rulePercentiles(rules: readonly Rule[]): number[] {
  const out = new Set<number>();
  for (const r of rules) {
    if (r.indicator !== 'latency_p99') continue;
    const q = percentileOfField(r.field);
    if (q !== null) out.add(q);
  }
  return [...out];
}

/**
 * validateIndicator, for a file the quick check of quick.ts cannot accept: zod is loaded only then
 * (a gate over valid files never loads it).
 */
async function validate(value: unknown, file: string, samples?: Float64Array): Promise<Validation> {
  const { validateIndicator } = await import('./core/indicators/validate.js');
  return validateIndicator(value, file, samples);
}

export interface BaselineResult {
  indicators: BaselineIndicators | null;
  /** `history: K`: the indicators of every report read, newest first (the first is `indicators`) */
  history?: BaselineIndicators[];
  info: BaselineInfo;
  problems: Problem[];
}

/** finds the baseline for `baseline: auto` (the action: the base branch's last report artifact) */
export type BaselineProvider = () => Promise<BaselineResult>;

export const noBaseline = (note: string | null): BaselineInfo => ({
  source: 'none',
  run_id: null,
  commit: null,
  created_at: null,
  path: null,
  note,
});

export async function loadBaseline(settings: Settings, rt: Runtime, provider?: BaselineProvider): Promise<BaselineResult> {
  const none = noBaseline;
  if (settings.baseline.kind === 'none') return { indicators: null, info: none(null), problems: [] };
  if (settings.baseline.kind === 'auto' && provider) return provider();
  if (settings.baseline.kind === 'auto') {
    const onPr = /^pull_request/.test(rt.env.GITHUB_EVENT_NAME ?? '');
    if (onPr) {
      // Not silently: every baseline rule is skipped without one, so a regression would pass.
      rt.stderr(
        "warning: baseline: auto looks up the base branch's report artifact only in the GitHub Action; baseline rules are skipped (pass --baseline PATH)\n",
      );
      return {
        indicators: null,
        info: none('baseline: auto looks up artifacts only in the GitHub Action; baseline rules were skipped'),
        problems: [],
      };
    }
    return { indicators: null, info: none('baseline: auto finds one only on pull requests in GitHub Actions'), problems: [] };
  }
  return loadBaselineFiles(settings.baseline.path, settings, rt);
}

/**
 * `--baseline PATH`: a report.json, a folder of them (every `*.json` below it), or several paths
 * separated by commas (a path that exists as written is never split). With `history: K` the K
 * newest reports (by `generated_at`) are read: the newest is the baseline, all of them its history.
 */
async function loadBaselineFiles(given: string, settings: Settings, rt: Runtime): Promise<BaselineResult> {
  const none = noBaseline;
  const exists = async (p: string) => fs.stat(path.resolve(rt.cwd, p)).catch(() => null);
  const named =
    (await exists(given)) || !given.includes(',')
      ? [given]
      : given
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean);
  const files: string[] = [];
  for (const p of named) {
    const st = await exists(p);
    if (st?.isDirectory()) {
      const listing = await listResults(p, rt.cwd);
      if (listing.files.length === 0) {
        const problem = { file: p, expected: 'a folder holding baseline report.json files', found: 'no *.json file' };
        return { indicators: null, info: none('the baseline could not be read'), problems: [problem, ...listing.problems] };
      }
      files.push(...listing.files);
    } else files.push(p);
  }
  const reports: Array<{ file: string; read: BaselineReport }> = [];
  const problems: Problem[] = [];
  const foreign: string[] = [];
  for (const file of files) {
    // the one reader of untrusted JSON: size checked before reading, depth, duplicate keys
    const parsed = await readJsonFile(path.resolve(rt.cwd, file), file);
    if (!parsed.ok && parsed.problems[0]?.expected === 'a readable file') {
      problems.push({ ...parsed.problems[0], expected: 'a baseline report.json (--baseline PATH|none)' });
      continue;
    }
    const read =
      parsed.ok && parsed.problems.length === 0
        ? readBaselineReport(parsed.value, file)
        : { ok: false as const, problems: parsed.problems };
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    const note = foreignBaselineNote(read, settings.name, file);
    if (note) foreign.push(note);
    else reports.push({ file, read });
  }
  if (problems.length) return { indicators: null, info: none('the baseline could not be read'), problems };
  for (const f of foreign)
    rt.stderr(`warning: ${f}
`);
  if (reports.length === 0) return { indicators: null, info: none(foreign.join('; ')), problems: [] };
  // several reports are ordered by generated_at: one without it could be any of them
  if (reports.length > 1) {
    const undated = reports.filter((r) => r.read.createdAt === null);
    if (undated.length) {
      const problems = undated.map((r) => ({
        file: r.file,
        path: '$.generated_at',
        expected: `the time the report was written (${reports.length} baseline reports are ordered by it)`,
        found: 'nothing',
      }));
      return { indicators: null, info: none('the baseline could not be read'), problems };
    }
  }
  // newest first, files otherwise in the order given
  const when = (r: BaselineReport): number => (r.createdAt ? Date.parse(r.createdAt) : NaN);
  const ordered = reports
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => (when(b.read) || -Infinity) - (when(a.read) || -Infinity) || a.i - b.i)
    .slice(0, Math.max(1, settings.history));
  const newest = ordered[0]!;
  const entry = (r: (typeof ordered)[number]) => ({ run_id: null, commit: r.read.commit, created_at: r.read.createdAt, path: r.file });
  const notes: string[] = [];
  if (foreign.length) notes.push(foreign.join('; '));
  if (settings.history > 1) notes.push(`history: ${ordered.length} of ${settings.history} report(s) read from ${given}`);
  return {
    indicators: newest.read.indicators,
    ...(settings.history > 1 ? { history: ordered.map((r) => r.read.indicators) } : {}),
    info: {
      source: 'file',
      ...entry(newest),
      note: notes.length ? notes.join('; ') : null,
      ...(settings.history > 1 ? { history: ordered.map(entry) } : {}),
    },
    problems: [],
  };
}

export interface GateRun {
  report: Report;
  exitCode: ExitCode;
  paths: { json: string; markdown: string; prom: string; junit: string; html: string };
  markdown: string;
}

export interface GateOptions {
  /** indicator files to read; by default those named by settings.results */
  files?: string[];
  /** problems found before collecting (settings, config) */
  problems?: Problem[];
  jobs?: JobRecord[];
  /** the platform itself failed, in its words (a job's failure is in `jobs`): verdict fail, exit 3 */
  platformFailure?: string;
  baseline?: BaselineProvider;
  /** the platform's warnings (they never change the verdict) */
  warnings?: string[];
  /** the baseline, loaded already (a run that confirms reads it once) */
  loadedBaseline?: BaselineResult;
  /** `confirm`: per indicator, its merged value in each later attempt (see core/confirm.ts) */
  attempts?: Record<string, Array<MergedIndicator | undefined>>;
  /** files written by the jobs of a repeat (`repeats: N`), by path: each is of that repeat */
  repeatOf?: ReadonlyMap<string, Repeat>;
  /** what the run knows of what its indicators were measured on (staging, code snapshot, platform): SPEC §10 */
  facts?: RunFacts;
}

/** Holds the lock of --out while it downloads and writes there (re-entrant: a run holds it already). */
export async function runGate(settings: Settings, rt: Runtime, opts: GateOptions = {}): Promise<GateRun> {
  const release = await lockOut(rt.cwd, settings.out);
  try {
    return await gateUnlocked(settings, rt, opts);
  } finally {
    await release();
  }
}

async function gateUnlocked(settings: Settings, rt: Runtime, opts: GateOptions): Promise<GateRun> {
  const problems: Problem[] = [...(opts.problems ?? [])];
  let files = opts.files;
  if (!files) {
    if (!settings.results) {
      problems.push({ file: '--results', expected: 'a folder, file or glob of indicator files', found: 'nothing' });
      files = [];
    } else if (isUri(settings.results)) {
      const remote = await fetchRemoteResults(settings.results, resultsFolder(rt.cwd, settings.out), rt.env);
      problems.push(...remote.problems);
      files = remote.files.map((f) => display(f, rt.cwd));
    } else {
      const listing = await listResults(settings.results, rt.cwd);
      problems.push(...listing.problems);
      files = listing.files;
    }
  }
  const collected = await collect(files, settings, rt, opts.repeatOf);
  problems.push(...collected.problems);
  const baseline = opts.loadedBaseline ?? (await loadBaseline(settings, rt, opts.baseline));
  problems.push(...baseline.problems);

  const { merge } = collected;
  // each indicator's fingerprint: the run's facts over what its files recorded (SPEC §10)
  for (const [k, m] of Object.entries(merge.indicators)) m.fingerprint = fingerprintOf(k, m.recorded ?? {}, opts.facts);
  const outcome = gate(settings.rules, settings.indicators, merge.indicators, baseline.indicators, {
    invalidInput: problems.length > 0,
    unmerged: merge.unmerged,
    jobs: opts.jobs,
    platformFailure: opts.platformFailure,
    baselineSource: baseline.info.path ?? 'baseline',
    rulesSource: settings.rulesSource,
    ...(baseline.history ? { history: baseline.history } : {}),
    ...(opts.attempts ? { attempts: opts.attempts } : {}),
  });
  problems.push(...outcome.problems);
  // each rule shows the interval of the value it judged, where the merge gave one (SPEC §9)
  for (const r of outcome.results) {
    const m = merge.indicators[r.indicator];
    // a rule judged on the median over confirm attempts: that median has no interval (the one of
    // the merge is attempt 1's, and need not even contain the median); its attempts are listed
    const interval = r.actual !== null && !m?.attacks && !r.attempts ? m?.intervals?.[r.field] : undefined;
    if (interval) r.interval = interval;
  }
  // a name that matches nothing gets a "did you mean" (rule details; notes on stderr and in warnings)
  const notes = [
    ...hintNames(outcome.results, outcome.missingIndicators, { indicators: merge.indicators, rules: settings.rules }),
    ...outcome.notes,
  ];
  for (const n of notes) rt.stderr(`warning: ${n}\n`);
  const ctx = runContext(rt.env);
  const indicators: Report['indicators'] = {};
  for (const k of Object.keys(merge.indicators).sort()) {
    const m = merge.indicators[k]!;
    // deltas against a baseline measured on the same (SPEC §10: no number built on a false comparison)
    const base = baseline.indicators?.[k];
    const comparable = base && compareFingerprints(k, m.fingerprint, readFingerprint(base.fingerprint)).differs.length === 0;
    indicators[k] = indicatorEntry(m, comparable ? base : undefined);
  }

  const report: Report = {
    schema_version: 1,
    name: settings.name,
    verdict: outcome.verdict,
    generated_at: rt.now().toISOString(),
    commit: ctx.commit,
    ref: ctx.ref,
    pull_request: ctx.pullRequest,
    platform: settings.platform,
    required: settings.indicators,
    missing_indicators: outcome.missingIndicators,
    indicators,
    rules: outcome.results,
    problems: problems.map(formatProblem),
    warnings: [...(opts.warnings ?? []), ...notes],
    jobs: opts.jobs ?? [],
    baseline: baseline.info,
  };

  const written = await writeReport(report, settings.out, rt);
  return {
    report,
    exitCode: exitCodeFor(outcome, settings.failOn, outcome.invalidInput, outcome.platformFailed, settings.inconclusive),
    ...written,
  };
}

/** report.json, report.md, report.prom, report.junit.xml and report.html into `outDir` */
export async function writeReport(report: Report, outDir: string, rt: Runtime): Promise<Pick<GateRun, 'paths' | 'markdown'>> {
  const out = path.resolve(rt.cwd, outDir);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new EvalgateError([
      {
        file: '--out',
        expected: 'a folder evalgate can create and write',
        found: `${JSON.stringify(outDir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      },
    ]);
  }
  const markdown = renderMarkdown(report);
  const paths = {
    json: path.join(out, 'report.json'),
    markdown: path.join(out, 'report.md'),
    prom: path.join(out, 'report.prom'),
    junit: path.join(out, 'report.junit.xml'),
    html: path.join(out, 'report.html'),
  };
  // written synchronously (five small files cost less than the thread-pool round trips of async
  // writes), each attempted even when another fails, so that none is left from an earlier run
  // beside this one's error; the first failure is thrown once all were tried
  let failed: unknown = null;
  const write = (file: string, render: () => string): void => {
    try {
      writeFileSync(file, render());
    } catch (e) {
      failed ??= e;
    }
  };
  write(paths.json, () => renderJson(report));
  write(paths.markdown, () => markdown);
  write(paths.prom, () => renderProm(report));
  write(paths.junit, () => renderJunit(report, { hostname: hostname() }));
  writeHtml(paths.html, report, rt);
  if (failed !== null) throw failed;
  return { paths, markdown };
}

/**
 * report.html: its charting library (200 kB) is read only here. The page's own code is bundled
 * with the engine: a chunk of its own cost a module load (~5 ms) on every gate. A page that
 * cannot be written (a broken install without dist/assets/) is a warning: the verdict,
 * report.json and the other reports do not depend on it.
 */
function writeHtml(file: string, report: Report, rt: Runtime): void {
  try {
    writeFileSync(file, renderHtml(report, chartLibrary()));
  } catch (e) {
    try {
      rmSync(file, { force: true }); // never an earlier run's page
    } catch {
      /* what cannot be written may not be removable either: the warning says it */
    }
    rt.stderr(`warning: report.html not written: ${(e as Error)?.message ?? String(e)}\n`);
  }
}

/** The problem an internal error becomes: the run ends with a report that lists it. */
export function internalErrorProblem(e: unknown): Problem {
  const message = e instanceof EvalgateError ? e.message : ((e as Error)?.message ?? String(e));
  return { subject: 'internal error', expected: 'the run to finish (please report this)', found: JSON.stringify(message.slice(0, 500)) };
}

/**
 * A run that met an internal error (or another stop) still ends with a report (SPEC §5): the
 * report it had, or an empty one, with the problems added; its verdict and exit code are derived
 * again by the gate's rules (a problem fails it; an internal error is exit 3).
 */
export async function failRun(
  previous: GateRun | null,
  settings: Pick<Settings, 'name' | 'platform' | 'indicators' | 'out'>,
  rt: Runtime,
  added: Problem[],
  exitCode: ExitCode = ExitCode.PlatformFailure,
): Promise<GateRun> {
  const ctx = runContext(rt.env);
  const base: Report = previous?.report ?? {
    schema_version: 1,
    name: settings.name,
    verdict: 'fail',
    generated_at: rt.now().toISOString(),
    commit: ctx.commit,
    ref: ctx.ref,
    pull_request: ctx.pullRequest,
    platform: settings.platform,
    required: settings.indicators,
    missing_indicators: [],
    indicators: {},
    rules: [],
    problems: [],
    warnings: [],
    jobs: [],
    baseline: noBaseline(null),
  };
  const problems = [...base.problems, ...added.map(formatProblem)];
  const verdict = verdictOf(base.rules, base.missing_indicators, problems.length > 0);
  const report: Report = { ...base, verdict, problems };
  const written = await writeReport(report, settings.out, rt);
  return { report, exitCode: highestExitCode(exitCode, previous?.exitCode ?? ExitCode.Ok), ...written };
}

export { exitCodeFor };
