/**
 * Confirm before fail (SPEC §9 `confirm: N`). Pure: no I/O. When an error-level rule fails on an
 * indicator this run's jobs produced, the run reruns only those jobs, up to N more times; the rule
 * is then judged here on the median over all attempts (per field: each field's median over the
 * attempts that carry it, the mean of the two middle values for an even count):
 *
 *   every attempt fails                     -> fail
 *   the median passes                       -> pass, with a note naming the failed attempts
 *   the median fails, some attempt passed   -> inconclusive
 *
 * Each attempt is also judged on its own (the same limit: the baseline does not change between
 * attempts) and listed in `attempts`.
 */
import type { MergedIndicator } from './indicators/merge.js';
import type { RuleAttempt, RuleProblem, RuleResult, RuleStatus } from './gate.js';

/** the indicators `confirm` applies to unless `confirm_indicators` lists others */
export const DEFAULT_CONFIRM_INDICATORS: readonly string[] = ['latency_p99', 'throughput_rps'];
/** reruns at most (a rule judged on 1 + 5 attempts; the job names grow by `-c6` at most) */
export const MAX_CONFIRM = 5;

/** the median of numbers (the mean of the two middle ones for an even count); undefined for none */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const m = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return Number(m.toPrecision(12));
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * One indicator whose every numeric field is its median over the attempts that carry it (for
 * robustness_adv, per attack type); other fields are the first attempt's.
 */
export function medianIndicator(attempts: readonly MergedIndicator[]): MergedIndicator | undefined {
  if (attempts.length === 0) return undefined;
  const first = attempts[0]!;
  const fields: Record<string, unknown> = { ...first.fields };
  const names = new Set(attempts.flatMap((a) => Object.keys(a.fields)));
  for (const k of names) {
    const m = median(attempts.map((a) => a.fields[k]).filter(finite));
    if (m !== undefined) fields[k] = m;
  }
  const out: MergedIndicator = {
    fields,
    sources: [...new Set(attempts.flatMap((a) => a.sources))],
    approximate: attempts.some((a) => a.approximate),
    notes: [],
  };
  if (attempts.some((a) => a.attacks)) {
    out.attacks = Object.create(null) as Record<string, MergedIndicator>;
    const kinds = new Set(attempts.flatMap((a) => Object.keys(a.attacks ?? {})));
    for (const k of kinds) {
      const per = attempts.flatMap((a) => (a.attacks && Object.hasOwn(a.attacks, k) ? [a.attacks[k]!] : []));
      out.attacks[k] = medianIndicator(per)!;
    }
  }
  return out;
}

type Judged = RuleResult & { problems?: RuleProblem[] };

const list = (ns: number[]): string => (ns.length === 1 ? `attempt ${ns[0]}` : `attempts ${ns.slice(0, -1).join(', ')} and ${ns.at(-1)}`);
const shown = (x: number | null): string => (x === null ? 'absent' : String(Number(x.toPrecision(6))));

/**
 * The rule judged on the median of `attempts` (attempt 1 first). `judge` judges the rule on one
 * indicator value (undefined: the attempt produced none). `first` is the rule's result on attempt 1.
 */
export function confirmRule(first: Judged, attempts: ReadonlyArray<MergedIndicator | undefined>, judge: (m: MergedIndicator | undefined) => Judged): Judged {
  const each: RuleAttempt[] = attempts.map((m, i) => {
    const r = i === 0 ? first : judge(m);
    return { attempt: i + 1, actual: r.actual, status: r.status };
  });
  const med = judge(medianIndicator(attempts.filter((m): m is MergedIndicator => m !== undefined)));
  const failed = each.filter((a) => a.status === 'fail').map((a) => a.attempt);
  const passed = each.filter((a) => a.status === 'pass').map((a) => a.attempt);
  const values = each.map((a) => shown(a.actual)).join(', ');
  const of = `the median of ${each.length} attempts (${values})`;
  let status: RuleStatus;
  let detail: string;
  if (failed.length === each.length) {
    status = 'fail';
    detail = `failed on every attempt: ${of} is ${shown(med.actual)}`;
  } else if (med.status === 'pass') {
    status = 'pass';
    detail = `${of} passes; ${list(failed)} failed`;
  } else if (med.status === 'fail' && passed.length > 0) {
    status = 'inconclusive';
    detail = `${of} fails, but ${list(passed)} passed`;
  } else {
    status = med.status;
    detail = `${of}: ${med.detail || med.status}`;
  }
  if (first.detail) detail = `${detail} (${first.detail})`;
  return {
    ...first,
    status,
    actual: med.actual,
    delta: med.delta,
    detail,
    attempts: each,
  };
}

/**
 * Whether more attempts could still change a confirmed rule's status, given the statuses so far
 * and the most attempts it may get: once more than half of all attempts pass, the median passes
 * whatever the rest give; once more than half fail and one passed, it is inconclusive. A rule that
 * failed every attempt so far is run to the end (a later pass makes it inconclusive, not fail).
 */
export function confirmDecided(statuses: readonly RuleStatus[], maxAttempts: number): boolean {
  if (statuses.length >= maxAttempts) return true;
  const pass = statuses.filter((s) => s === 'pass').length;
  const fail = statuses.filter((s) => s === 'fail').length;
  return pass * 2 > maxAttempts || (fail * 2 > maxAttempts && pass > 0);
}
