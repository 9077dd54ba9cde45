/**
 * The names of indicators and their numeric fields, without the schemas (zod): rules, settings
 * and the report need only these, and a command loads only the code it uses.
 */
export const BUILTIN_INDICATORS = ['accuracy_f1', 'latency_p99', 'throughput_rps', 'robustness_adv', 'toxicity'] as const;
export type BuiltinIndicator = (typeof BUILTIN_INDICATORS)[number];
export const isBuiltin = (name: string): name is BuiltinIndicator => (BUILTIN_INDICATORS as readonly string[]).includes(name);

/** A custom indicator's name: it appears in rules as `<indicator>.<field>`, so no dots or spaces. */
export const INDICATOR_NAME = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

/**
 * Names that are properties of every JavaScript object (`__proto__`, `constructor`, `toString`…).
 * Indicators are keyed by name in plain objects, where such a name would read or replace what
 * every object inherits and the indicator would silently go missing; they are refused instead.
 */
export const isReservedName = (name: string): boolean => name in Object.prototype || name === 'prototype';

export const isIndicatorName = (name: string): boolean => INDICATOR_NAME.test(name) && !isReservedName(name);
export const INDICATOR_NAME_RULE =
  'an indicator name of letters, digits, "_" and "-" (not __proto__, constructor or another built-in object property)';

/** The numeric fields of each built-in indicator that a rule may name. */
export const NUMERIC_FIELDS: Record<BuiltinIndicator, readonly string[]> = {
  accuracy_f1: ['precision', 'recall', 'f1', 'samples', 'tp', 'fp', 'fn', 'tn'],
  latency_p99: ['p50_ms', 'p90_ms', 'p99_ms', 'requests'],
  throughput_rps: ['rps', 'concurrency', 'duration_s', 'requests', 'errors'],
  robustness_adv: ['success_rate', 'f1_drop', 'samples', 'eps', 'f1_clean', 'f1_adv'],
  toxicity: ['toxic_ratio', 'total_samples', 'toxic_count'],
};

/**
 * `p<q>_ms` (SPEC §3): any percentile of latency_p99, 0 < q ≤ 100, written as JavaScript writes the
 * number (p95_ms, p99.9_ms; not p095_ms or p99.0_ms, so one percentile has one field name), with
 * at most 6 decimals.
 */
const PERCENTILE_FIELD = /^p(\d{1,3}(?:\.\d{1,6})?)_ms$/;
export const PERCENTILE_FIELD_RULE = 'any percentile p<q>_ms, 0 < q ≤ 100: p95_ms, p99.9_ms';

/** The percentile q a latency field names (95 for p95_ms), or null when it names none. */
export function percentileOfField(field: string): number | null {
  const m = PERCENTILE_FIELD.exec(field);
  if (!m) return null;
  const q = Number(m[1]);
  return q > 0 && q <= 100 && String(q) === m[1] ? q : null;
}

export const percentileField = (q: number): string => `p${q}_ms`;

/** A field of a built-in indicator a rule may name: its numeric fields, and any p<q>_ms of latency_p99. */
export const isRuleField = (indicator: BuiltinIndicator, field: string): boolean =>
  NUMERIC_FIELDS[indicator].includes(field) || (indicator === 'latency_p99' && percentileOfField(field) !== null);
