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
