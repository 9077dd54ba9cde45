/**
 * Rules against merged indicators and a baseline -> rule results and a verdict (SPEC §3).
 * Pure: no I/O. Results are data (as Lighthouse CI's assertion results are); printing is elsewhere.
 */
import type { MergedIndicator } from './indicators/merge.js';
import { evaluateExpr, formatExpr, holds, type Level, type Op, type Rule } from './rules.js';

export type RuleStatus = 'pass' | 'fail' | 'missing' | 'skipped';
export type Verdict = 'pass' | 'warn' | 'fail';

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
}

/** The baseline's merged indicators, as a report.json's `indicators` holds them. */
export type BaselineIndicators = Record<string, Record<string, unknown>>;

const round = (x: number): number => Number(x.toPrecision(12));
const numberAt = (o: Record<string, unknown> | undefined, k: string): number | undefined =>
  o && Object.hasOwn(o, k) && typeof o[k] === 'number' && Number.isFinite(o[k]) ? (o[k] as number) : undefined;

interface Point {
  actual: number | undefined;
  baseline: number | undefined;
}

function judge(
  rule: Rule,
  p: Point,
  hasBaseline: boolean,
  what: string,
): Omit<RuleResult, 'indicator' | 'field' | 'op' | 'expr' | 'level'> {
  const baseline = p.baseline ?? null;
  const limit = evaluateExpr(rule.expr, p.baseline);
  const delta = p.actual !== undefined && p.baseline !== undefined ? round(p.actual - p.baseline) : null;
  if (limit === null) {
    const detail = hasBaseline ? `the baseline has no ${what}` : 'no baseline';
    return { status: 'skipped', actual: p.actual ?? null, limit: null, baseline, delta, detail };
  }
  if (p.actual === undefined) {
    return { status: 'missing', actual: null, limit, baseline, delta: null, detail: `${what} is absent` };
  }
  return { status: holds(p.actual, rule.op, limit) ? 'pass' : 'fail', actual: p.actual, limit, baseline, delta, detail: '' };
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
  const head = { indicator: rule.indicator, field: rule.field, op: rule.op, expr: formatExpr(rule.expr), level: rule.level };
  const target = `${rule.indicator}.${rule.field}`;
  const merged = indicators[rule.indicator];
  const base = baseline?.[rule.indicator];

  if (merged?.attacks) {
    return { ...head, ...judgeAttacks(rule, merged.attacks, base, baseline !== null) };
  }
  if (!merged) {
    const r = judge(rule, { actual: undefined, baseline: numberAt(base, rule.field) }, baseline !== null, target);
    // An absent indicator is missing even for a baseline rule: there is nothing to hold.
    return {
      ...head,
      ...r,
      status: 'missing',
      detail: unmerged[rule.indicator] ?? `no ${rule.indicator} indicator file`,
    };
  }
  return {
    ...head,
    ...judge(rule, { actual: numberAt(merged.fields, rule.field), baseline: numberAt(base, rule.field) }, baseline !== null, target),
  };
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
): Omit<RuleResult, 'indicator' | 'field' | 'op' | 'expr' | 'level'> {
  const baseAttacks = (base?.attacks ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const per = Object.entries(attacks).map(([name, a]) => ({
    name,
    r: judge(
      rule,
      {
        actual: numberAt(a.fields, rule.field),
        baseline: numberAt(Object.hasOwn(baseAttacks, name) ? baseAttacks[name] : undefined, rule.field),
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
  let worst: (typeof per)[number];
  if (missing.length) worst = missing[0]!;
  else if (failed.length || passed.length) {
    const judged = failed.length ? failed : passed;
    worst = judged.reduce((a, b) => (margin(rule.op, b.r.actual!, b.r.limit!) < margin(rule.op, a.r.actual!, a.r.limit!) ? b : a));
  } else worst = per[0]!; // every attack skipped
  const detail =
    per.length === 1
      ? `attack_type ${worst.name}${worst.r.detail ? `: ${worst.r.detail}` : ''}`
      : `worst attack_type: ${worst.name}${worst.r.detail ? ` (${worst.r.detail})` : ''}; ${summary}`;
  return { ...worst.r, detail };
}

export interface GateOutcome {
  verdict: Verdict;
  results: RuleResult[];
  missingIndicators: string[];
}

export function gate(
  rules: readonly Rule[],
  required: readonly string[],
  indicators: Record<string, MergedIndicator>,
  baseline: BaselineIndicators | null,
  options: { invalidInput: boolean; unmerged?: Record<string, string> },
): GateOutcome {
  const results = rules.map((r) => evaluateRule(r, indicators, baseline, options.unmerged));
  // A required indicator that is present but invalid is reported by its problems, not as absent.
  const missingIndicators = required.filter((i) => !indicators[i] && !options.unmerged?.[i]);
  return { verdict: verdictOf(results, missingIndicators, options.invalidInput), results, missingIndicators };
}

export function verdictOf(results: readonly RuleResult[], missingIndicators: readonly string[], invalidInput: boolean): Verdict {
  const bad = (r: RuleResult): boolean => r.status === 'fail' || r.status === 'missing';
  if (invalidInput || missingIndicators.length || results.some((r) => r.level === 'error' && bad(r))) return 'fail';
  if (results.some((r) => r.level === 'warn' && bad(r))) return 'warn';
  return 'pass';
}
