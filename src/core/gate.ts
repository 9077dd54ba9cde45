/**
 * Rules against merged indicators and a baseline -> rule results and a verdict (SPEC §3).
 * Pure: no I/O. Results are data (as Lighthouse CI's assertion results are); printing is elsewhere.
 *
 * A rule that cannot be judged because of its input fails closed: a limit that evaluates to a
 * non-finite number at gate time (`baseline * 1e308`) is a config problem naming the rule, and a
 * baseline value that is not a finite number (`"0.95"`) an input problem naming the baseline and
 * the JSON path; either way the rule's status is `fail` (limit null, the reason in `detail`), the
 * problem is listed, the verdict is `fail` and the exit code 2. A job that did not succeed (failed,
 * timed out, cancelled, or never finished) is a problem naming it: verdict `fail`, exit code 3.
 *
 * A baseline rule whose baseline indicator was measured on another dataset, or (latency_p99,
 * throughput_rps) on other hardware, is `incomparable` (SPEC §10): never failing, the difference in
 * `detail` and `differs`. Its limit is then null (none was held against). With `history: K`, an
 * older report measured on something else is left out of the statistics, and the rule says so;
 * the newest report (`baseline`) decides whether the rule compares at all. See core/fingerprint.ts.
 */
import type { MergedIndicator } from './indicators/merge.js';
import { evaluateExpr, FINITE_LIMIT, formatExpr, formatRule, holds, statisticShortfall, type Level, type Op, type Rule } from './rules.js';
import { describeValue, ExitCode, highestExitCode, type Problem } from './problem.js';
import { key } from './baseline.js';
import { confirmRule } from './confirm.js';
import { compareFingerprints, describeDifferences, readFingerprint, type Comparison, type Difference } from './fingerprint.js';

export type RuleStatus = 'pass' | 'fail' | 'missing' | 'skipped' | 'inconclusive' | 'incomparable';
export type Verdict = 'pass' | 'warn' | 'inconclusive' | 'fail';

/** One attempt of a confirmed rule (SPEC §9 `confirm`): attempt 1 is the run's first measurement. */
export interface RuleAttempt {
  attempt: number;
  actual: number | null;
  status: RuleStatus;
}

export interface RuleResult {
  indicator: string;
  field: string;
  op: Op;
  expr: string;
  level: Level;
  status: RuleStatus;
  actual: number | null;
  limit: number | null;
  baseline: number | null;
  delta: number | null;
  detail: string;
  /** `confirm`: every attempt the rule was judged on (its `actual` is then their median) */
  attempts?: RuleAttempt[];
  /** the 95% interval of `actual`, where the merge gave one (SPEC §9) */
  interval?: [number, number];
  /**
   * `history: K` (SPEC §9, §11): the rule's field's finite values over the baseline history
   * reports, newest first (for robustness_adv, of the attack type reported); present when the
   * history held 2 reports or more. The trend sparkline (report.md) and report.html draw it,
   * oldest to newest, then `actual`.
   */
  history?: number[];
  /** `incomparable`: what this run and the baseline were measured on that differs (SPEC §10) */
  differs?: Difference[];
}

/** The baseline's merged indicators, as a report.json's `indicators` holds them. */
export type BaselineIndicators = Record<string, Record<string, unknown>>;

const round = (x: number): number => Number(x.toPrecision(12));
const numberAt = (o: Record<string, unknown> | undefined, k: string): number | undefined =>
  o && Object.hasOwn(o, k) && typeof o[k] === 'number' && Number.isFinite(o[k]) ? (o[k] as number) : undefined;

/** The baseline's value of a field: absent (undefined), a finite number, or something else (`bad`). */
function baselineAt(o: Record<string, unknown> | undefined, k: string): number | undefined | { bad: unknown } {
  if (!o || !Object.hasOwn(o, k)) return undefined;
  const v = o[k];
  return typeof v === 'number' && Number.isFinite(v) ? v : { bad: v };
}

interface Point {
  actual: number | undefined;
  baseline: number | undefined | { bad: unknown };
  /** the baseline value's JSON path in its report.json */
  baselinePath: string;
  /** `history`: the field's finite values in the last reports, newest first (default: the baseline's alone) */
  history?: number[];
}

/** Why a rule could not be judged because of its input: one problem, and the rule fails closed. */
export interface RuleProblem {
  /** `limit`: the limit is not a finite number (config); `baseline`: the baseline's value is not a number (input) */
  kind: 'limit' | 'baseline';
  path: string;
  expected: string;
  found: string;
}

type Judged = Omit<RuleResult, 'indicator' | 'field' | 'op' | 'expr' | 'level'> & { problems?: RuleProblem[] };

function judge(rule: Rule, p: Point, hasBaseline: boolean, what: string): Judged {
  const trend = p.history ? { history: p.history } : {};
  if (p.baseline !== undefined && typeof p.baseline === 'object') {
    // A baseline value a rule reads must be a finite number; a string "0.95" is not skipped.
    const found = describeValue(p.baseline.bad);
    return {
      status: 'fail',
      actual: p.actual ?? null,
      limit: null,
      baseline: null,
      delta: null,
      detail: `the baseline's ${what} is not a number (${found})`,
      ...trend,
      problems: [{ kind: 'baseline', path: p.baselinePath, expected: 'a finite number (a baseline value)', found }],
    };
  }
  const baseline = p.baseline ?? null;
  const history = p.history ?? (p.baseline === undefined ? [] : [p.baseline]);
  const limit = evaluateExpr(rule.expr, p.baseline, history);
  const delta = p.actual !== undefined && p.baseline !== undefined ? round(p.actual - p.baseline) : null;
  if (limit === null) {
    const short = p.baseline === undefined ? null : statisticShortfall(rule.expr, history.length);
    const detail = short ?? (hasBaseline ? `the baseline has no ${what}` : 'no baseline');
    return { status: 'skipped', actual: p.actual ?? null, limit: null, baseline, delta, detail, ...trend };
  }
  if (!Number.isFinite(limit)) {
    // baseline arithmetic that overflows (`baseline * 1e308`): never a limit anything passes or fails by chance
    const found = `${limit} (${formatExpr(rule.expr).replace(/^baseline/, `baseline ${p.baseline}`)})`;
    return {
      status: 'fail',
      actual: p.actual ?? null,
      limit: null,
      baseline,
      delta,
      detail: `the limit ${formatExpr(rule.expr)} evaluates to ${limit}`,
      ...trend,
      problems: [{ kind: 'limit', path: `rule ${JSON.stringify(formatRule(rule))}`, expected: FINITE_LIMIT, found }],
    };
  }
  if (p.actual === undefined) {
    return { status: 'missing', actual: null, limit, baseline, delta: null, detail: `${what} is absent`, ...trend };
  }
  return { status: holds(p.actual, rule.op, limit) ? 'pass' : 'fail', actual: p.actual, limit, baseline, delta, detail: '', ...trend };
}

/** How far a value is on the good side of its limit (negative: by how much it fails). */
function margin(op: Op, actual: number, limit: number): number {
  return op === '>=' || op === '>' ? actual - limit : limit - actual;
}

export function evaluateRule(
  rule: Rule,
  indicators: Record<string, MergedIndicator>,
  baseline: BaselineIndicators | null,
  unmerged: Record<string, string> = {},
): RuleResult {
  const { problems: _problems, ...result } = judgeRule(rule, indicators, baseline, unmerged);
  return result;
}

/** a field's finite values over the history reports (newest first), of one attack type when named */
function historyOf(
  history: readonly BaselineIndicators[] | undefined,
  indicator: string,
  field: string,
  attack?: string,
): number[] | undefined {
  if (!history) return undefined;
  return history.flatMap((h) => {
    let entry = Object.hasOwn(h, indicator) ? h[indicator] : undefined;
    if (attack !== undefined) {
      const attacks = entry?.attacks as Record<string, Record<string, unknown>> | undefined;
      entry = attacks && typeof attacks === 'object' && Object.hasOwn(attacks, attack) ? attacks[attack] : undefined;
    }
    const v = numberAt(entry, field);
    return v === undefined ? [] : [v];
  });
}

/** the comparison of a baseline rule's indicator with the baseline's (null: an absolute rule, or nothing to compare) */
function comparisonOf(rule: Rule, merged: MergedIndicator | undefined, base: Record<string, unknown> | undefined): Comparison | null {
  if (rule.expr.kind === 'number' || !merged || !base) return null;
  return compareFingerprints(rule.indicator, merged.fingerprint, readFingerprint(base.fingerprint));
}

/**
 * `history`: the reports measured on what this run was (the first, the baseline itself, is
 * compared on its own), and why the others were left out
 */
function comparableHistory(
  rule: Rule,
  merged: MergedIndicator | undefined,
  history: readonly BaselineIndicators[] | undefined,
): { history: readonly BaselineIndicators[] | undefined; note: string } {
  if (!history || !merged || rule.expr.kind !== 'formula') return { history, note: '' };
  const left: string[] = [];
  const kept = history.filter((h, i) => {
    if (i === 0) return true;
    const entry = Object.hasOwn(h, rule.indicator) ? h[rule.indicator] : undefined;
    const d = compareFingerprints(rule.indicator, merged.fingerprint, readFingerprint(entry?.fingerprint)).differs;
    for (const x of d) if (!left.includes(x.what)) left.push(x.what);
    return d.length === 0;
  });
  const out = history.length - kept.length;
  if (!out) return { history, note: '' };
  return {
    history: kept,
    note: `${out} of ${history.length} baseline report${history.length === 1 ? '' : 's'} left out of the statistics (another ${left.join(', ')})`,
  };
}

/** a judged rule that would hold a value against a baseline measured on something else: incomparable */
function incomparable(judged: Judged, cmp: Comparison | null): Judged {
  // A rule skipped for want of history (`baseline.stddev` over one report) while the baseline has
  // its value is no less measured on something else: incomparable too, shown with what differs. A
  // rule skipped because the baseline has no such value has nothing to compare: it stays skipped.
  const judgedAgainst = judged.status === 'pass' || judged.status === 'fail' || (judged.status === 'skipped' && judged.baseline !== null);
  if (!cmp?.differs.length || judged.problems?.length || !judgedAgainst) return judged;
  return {
    status: 'incomparable',
    actual: judged.actual,
    limit: null,
    baseline: judged.baseline,
    delta: null,
    detail: `not compared: measured on something else than the baseline: ${describeDifferences(cmp.differs)}`,
    differs: cmp.differs,
  };
}

function judgeRule(
  rule: Rule,
  indicators: Record<string, MergedIndicator>,
  baseline: BaselineIndicators | null,
  unmerged: Record<string, string>,
  allHistory?: readonly BaselineIndicators[],
): RuleResult & { problems?: RuleProblem[] } {
  const result = judgeOnce(rule, indicators, baseline, unmerged, allHistory);
  // a trend needs two reports or more; one is the baseline alone (its value is in `baseline`)
  if (!allHistory || allHistory.length < 2) delete result.history;
  return result;
}

function judgeOnce(
  rule: Rule,
  indicators: Record<string, MergedIndicator>,
  baseline: BaselineIndicators | null,
  unmerged: Record<string, string>,
  allHistory?: readonly BaselineIndicators[],
): RuleResult & { problems?: RuleProblem[] } {
  const head = { indicator: rule.indicator, field: rule.field, op: rule.op, expr: formatExpr(rule.expr), level: rule.level };
  const target = `${rule.indicator}.${rule.field}`;
  const merged = indicators[rule.indicator];
  const base = baseline?.[rule.indicator];
  const basePath = `$.indicators${key(rule.indicator)}${key(rule.field)}`;
  const cmp = comparisonOf(rule, merged, base);
  const { history, note } = comparableHistory(rule, merged, allHistory);
  const noted = (j: Judged): Judged =>
    note && j.status !== 'incomparable' ? { ...j, detail: j.detail ? `${j.detail}; ${note}` : note } : j;

  if (merged?.attacks) {
    return { ...head, ...noted(incomparable(judgeAttacks(rule, merged.attacks, base, baseline !== null, history), cmp)) };
  }
  if (!merged) {
    const r = judge(
      rule,
      {
        actual: undefined,
        baseline: baselineAt(base, rule.field),
        baselinePath: basePath,
        history: historyOf(history, rule.indicator, rule.field),
      },
      baseline !== null,
      target,
    );
    // An absent indicator is missing even for a baseline rule: there is nothing to hold.
    return {
      ...head,
      ...r,
      status: 'missing',
      detail: unmerged[rule.indicator] ?? `no ${rule.indicator} indicator file`,
    };
  }
  const judged = judge(
    rule,
    {
      actual: numberAt(merged.fields, rule.field),
      baseline: baselineAt(base, rule.field),
      baselinePath: basePath,
      history: historyOf(history, rule.indicator, rule.field),
    },
    baseline !== null,
    target,
  );
  // a field these files cannot give says why (p95_ms from files with only summary percentiles)
  const why = judged.status === 'missing' ? merged.absent?.[rule.field] : undefined;
  return { ...head, ...noted(incomparable(why ? { ...judged, detail: why } : judged, cmp)) };
}

/**
 * robustness_adv: the rule holds only if it holds for every attack type; the worst attack is
 * reported. A baseline rule compares each attack with the same attack in the baseline.
 */
function judgeAttacks(
  rule: Rule,
  attacks: Record<string, MergedIndicator>,
  base: Record<string, unknown> | undefined,
  hasBaseline: boolean,
  history?: readonly BaselineIndicators[],
): Judged {
  const baseAttacks = (base?.attacks ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const per = Object.entries(attacks).map(([name, a]) => ({
    name,
    r: judge(
      rule,
      {
        actual: numberAt(a.fields, rule.field),
        baseline: baselineAt(Object.hasOwn(baseAttacks, name) ? baseAttacks[name] : undefined, rule.field),
        baselinePath: `$.indicators${key(rule.indicator)}.attacks${key(name)}${key(rule.field)}`,
        history: historyOf(history, rule.indicator, rule.field, name),
      },
      hasBaseline,
      `${rule.indicator}.${rule.field} for attack_type ${JSON.stringify(name)}`,
    ),
  }));
  const summary = per.map(({ name, r }) => `${name}: ${r.actual ?? 'absent'} ${r.status}`).join(', ');
  const pick = (status: RuleStatus) => per.filter((x) => x.r.status === status);
  const failed = pick('fail');
  const missing = pick('missing');
  const passed = pick('pass');
  const broken = per.filter((x) => x.r.problems?.length);
  let worst: (typeof per)[number];
  if (broken.length) worst = broken[0]!;
  else if (missing.length) worst = missing[0]!;
  else if (failed.length || passed.length) {
    const judged = failed.length ? failed : passed;
    worst = judged.reduce((a, b) => (margin(rule.op, b.r.actual!, b.r.limit!) < margin(rule.op, a.r.actual!, a.r.limit!) ? b : a));
  } else worst = per[0]!; // every attack skipped
  const detail =
    per.length === 1
      ? `attack_type ${worst.name}${worst.r.detail ? `: ${worst.r.detail}` : ''}`
      : `worst attack_type: ${worst.name}${worst.r.detail ? ` (${worst.r.detail})` : ''}; ${summary}`;
  const problems = broken.flatMap((x) => x.r.problems!);
  return { ...worst.r, detail, ...(problems.length ? { problems } : {}) };
}

/** What the gate sees of a job: anything but `succeeded` fails the verdict. */
export interface GateJob {
  indicator: string;
  shard: number;
  status: string;
  platform_id?: string | null;
  message?: string;
}

export interface GateOptions {
  /** input problems were found before the gate (config, arguments, baseline, indicator files) */
  invalidInput: boolean;
  unmerged?: Record<string, string>;
  /** the run's jobs: one that failed, timed out or was cancelled fails the verdict (SPEC §3) */
  jobs?: readonly GateJob[];
  /** the platform itself failed (in its own words): the run is not whole */
  platformFailure?: string;
  /** the baseline report, as problems about its values name it */
  baselineSource?: string;
  /** the rules' source, as problems about them name it (`--thresholds`, the config file) */
  rulesSource?: string;
  /**
   * `confirm` (SPEC §9): per indicator, its merged value in each attempt after the first (attempt
   * 2, 3, …; undefined where an attempt produced none). An error-level rule that fails on the first
   * attempt is judged on the median over all of them (see confirm.ts).
   */
  attempts?: Record<string, ReadonlyArray<MergedIndicator | undefined>>;
  /**
   * `history` (SPEC §9): the last base-branch reports' indicators, newest first (the first is
   * `baseline`); `baseline.mean` and the other statistics are over them
   */
  history?: readonly BaselineIndicators[];
}

export interface GateOutcome {
  verdict: Verdict;
  results: RuleResult[];
  missingIndicators: string[];
  /** found while gating: limits that are not finite, baseline values that are not numbers, failed jobs */
  problems: Problem[];
  /** any input was invalid (given in the options or found here): exit code 2 */
  invalidInput: boolean;
  /** a job or the platform failed: exit code 3 */
  platformFailed: boolean;
  /** what the reader should know that changes nothing: a baseline compared with a fingerprint known on one side only */
  notes: string[];
}

/**
 * A value of the fingerprint known on one side only is compared as it is (SPEC §10: a baseline
 * from before fingerprints, files that record no `dataset`), and said once per indicator.
 */
function oneSidedNotes(
  rules: readonly Rule[],
  results: readonly RuleResult[],
  indicators: Record<string, MergedIndicator>,
  baseline: BaselineIndicators | null,
): string[] {
  const notes: string[] = [];
  const done = new Set<string>();
  rules.forEach((rule, i) => {
    const status = results[i]?.status;
    if (done.has(rule.indicator) || (status !== 'pass' && status !== 'fail' && status !== 'inconclusive')) return;
    const cmp = comparisonOf(rule, indicators[rule.indicator], baseline?.[rule.indicator]);
    if (!cmp || cmp.differs.length || !cmp.oneSided.length) return;
    done.add(rule.indicator);
    for (const side of ['this run', 'baseline'] as const) {
      const what = cmp.oneSided.filter((o) => o.missingOn !== side).map((o) => o.what);
      if (what.length)
        notes.push(
          `${rule.indicator}: compared with the baseline as it is, though only ${side === 'baseline' ? 'the baseline' : side} records its ${what.join(', ')}`,
        );
    }
  });
  return notes;
}

/**
 * The one place the verdict is derived, from the rules, the required indicators, the input
 * problems and the jobs. The exit code (exitCodeFor), report.json, report.md, the comment, the job
 * summary and the action's outputs all take it from here.
 */
export function gate(
  rules: readonly Rule[],
  required: readonly string[],
  indicators: Record<string, MergedIndicator>,
  baseline: BaselineIndicators | null,
  options: GateOptions,
): GateOutcome {
  const problems: Problem[] = [];
  let invalid = options.invalidInput;
  const failedJobs = (options.jobs ?? []).filter((j) => j.status !== 'succeeded');
  // An indicator one of whose jobs did not succeed is a partial shard set: never judged as if it
  // were whole (SPEC §3). Its rules are missing with the reason; the verdict fails on the job.
  const unmerged: Record<string, string> = { ...(options.unmerged ?? {}) };
  const judgeable = { ...indicators };
  for (const j of failedJobs) {
    for (const name of j.indicator.split(',')) {
      if (!indicators[name] || unmerged[name]) continue;
      delete judgeable[name];
      unmerged[name] = `not judged: its job (shard ${j.shard}) ${j.status}, and a partial shard set is never gated as if it were whole`;
    }
  }
  const results = rules.map((rule) => {
    const history = options.history?.length ? options.history : undefined;
    const judged = judgeRule(rule, judgeable, baseline, unmerged, history);
    const later = options.attempts?.[rule.indicator];
    const { problems: found, ...result } =
      later?.length && rule.level === 'error' && judged.status === 'fail' && !judged.problems?.length
        ? confirmRule(judged, [judgeable[rule.indicator], ...later], (m) =>
            judgeRule(rule, m ? { [rule.indicator]: m } : {}, baseline, {}, history),
          )
        : judged;
    for (const p of found ?? []) {
      invalid = true;
      const file = p.kind === 'baseline' ? (options.baselineSource ?? 'baseline') : (options.rulesSource ?? 'thresholds');
      problems.push({ file, path: p.path, expected: p.expected, found: p.found });
    }
    return result;
  });
  // A required indicator that is present but invalid is reported by its problems, not as absent.
  const missingIndicators = required.filter((i) => !indicators[i] && !unmerged[i]);
  for (const j of failedJobs) {
    problems.push({
      file: `job ${j.indicator} shard ${j.shard}${j.platform_id ? ` (${j.platform_id})` : ''}`,
      expected: 'status succeeded (a run with a failed job fails, whatever the other shards say)',
      found: `${j.status}${j.message ? `: ${j.message}` : ''}`,
    });
  }
  if (options.platformFailure !== undefined) {
    problems.push({ file: 'platform', expected: 'every job to run', found: options.platformFailure });
  }
  const platformFailed = failedJobs.length > 0 || options.platformFailure !== undefined;
  const verdict = verdictOf(results, missingIndicators, invalid, platformFailed);
  const notes = oneSidedNotes(rules, results, indicators, baseline);
  return { verdict, results, missingIndicators, problems, invalidInput: invalid, platformFailed, notes };
}

/** pass < warn < inconclusive < fail (SPEC §9); an `incomparable` rule changes none of them (SPEC §10) */
export const VERDICT_ORDER: Record<Verdict, number> = { pass: 0, warn: 1, inconclusive: 2, fail: 3 };

export function verdictOf(
  results: readonly RuleResult[],
  missingIndicators: readonly string[],
  invalidInput: boolean,
  platformFailed = false,
): Verdict {
  const bad = (r: RuleResult): boolean => r.status === 'fail' || r.status === 'missing';
  if (invalidInput || platformFailed || missingIndicators.length || results.some((r) => r.level === 'error' && bad(r))) return 'fail';
  // only an error-level rule is confirmed, so only one is ever inconclusive
  if (results.some((r) => r.status === 'inconclusive')) return 'inconclusive';
  if (results.some((r) => r.level === 'warn' && bad(r))) return 'warn';
  return 'pass';
}

export type FailOn = 'error' | 'warn' | 'never';
/** config `inconclusive`: what an inconclusive verdict counts as for the exit code (SPEC §9: fail unless `warn`) */
export type InconclusiveAs = 'fail' | 'warn';

/**
 * SPEC §5: fail-on changes only exit code 1; invalid input is 2 and a platform failure 3 whatever it
 * says. An `inconclusive` verdict counts as `fail` (so `fail-on: error` fails the check), or as
 * `warn` with `inconclusive: warn`; the verdict itself stays `inconclusive`.
 */
export function exitCodeFor(
  outcome: { verdict: Verdict },
  failOn: FailOn,
  invalidInput: boolean,
  platformFailed: boolean,
  inconclusive: InconclusiveAs = 'fail',
): ExitCode {
  const verdict = outcome.verdict === 'inconclusive' ? inconclusive : outcome.verdict;
  const gateFailed = (failOn === 'error' && verdict === 'fail') || (failOn === 'warn' && verdict !== 'pass');
  return highestExitCode(
    gateFailed ? ExitCode.GateFailed : ExitCode.Ok,
    invalidInput ? ExitCode.InvalidInput : ExitCode.Ok,
    platformFailed ? ExitCode.PlatformFailure : ExitCode.Ok,
  );
}
