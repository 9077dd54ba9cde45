/**
 * The five built-in indicators (SPEC §2) as zod schemas. Unknown extra fields are kept
 * (`looseObject`). Large detail fields (`samples_ms`, `hdr_histogram`) are typed loosely here and
 * checked by hand in validate.ts: a zod check per element of an 8-million-sample array would cost
 * more than parsing it.
 */
import { z } from 'zod';
import { count, num, text, unitInterval } from './fields.js';

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

const shard = z
  .object(
    {
      index: count(0),
      // a bound keeps a typo such as 1e15 from making the gap check allocate forever
      count: num({ int: true, min: 1, max: 100_000 }),
    },
    { error: 'an object {index, count}' },
  )
  .check((ctx) => {
    const { index, count: n } = ctx.value;
    if (index >= n) {
      ctx.issues.push({ code: 'custom', input: index, path: ['index'], message: `an integer < shard.count (${n})` });
    }
  });

const timestamp = z.union([z.string(), z.number()], { error: 'a string or a number' });

/** Optional metadata any indicator may carry. */
const metadata = {
  shard: shard.optional(),
  model: text().optional(),
  dataset: text().optional(),
  platform: text().optional(),
  run_id: z.union([z.string(), z.number()], { error: 'a string or a number' }).optional(),
  started_at: timestamp.optional(),
  finished_at: timestamp.optional(),
};

export const accuracyF1 = z.looseObject({
  indicator: z.literal('accuracy_f1'),
  precision: unitInterval(),
  recall: unitInterval(),
  f1: unitInterval(),
  samples: count(1),
  tp: count().optional(),
  fp: count().optional(),
  fn: count().optional(),
  tn: count().optional(),
  ...metadata,
});

export const latencyP99 = z.looseObject({
  indicator: z.literal('latency_p99'),
  p50_ms: num({ min: 0 }),
  p90_ms: num({ min: 0 }),
  p99_ms: num({ min: 0 }),
  requests: count(1),
  samples_ms: z.unknown().optional(),
  hdr_histogram: text('a base64 string (HdrHistogram V2 compressed)').optional(),
  hdr_unit: z.enum(['ns', 'us', 'ms'], { error: 'one of "ns", "us", "ms"' }).optional(),
  ...metadata,
});

export const throughputRps = z.looseObject({
  indicator: z.literal('throughput_rps'),
  rps: num({ min: 0, gt: true }),
  concurrency: count(1),
  duration_s: num({ min: 0, gt: true }),
  requests: count().optional(),
  errors: count().optional(),
  ...metadata,
});

export const robustnessAdv = z.looseObject({
  indicator: z.literal('robustness_adv'),
  attack_type: z.string({ error: 'a non-empty string' }).min(1, { error: 'a non-empty string' }),
  success_rate: unitInterval(),
  f1_drop: num({ min: -1, max: 1 }),
  samples: count(1).optional(),
  eps: num({ min: 0 }).optional(),
  f1_clean: unitInterval().optional(),
  f1_adv: unitInterval().optional(),
  ...metadata,
});

export const toxicity = z.looseObject({
  indicator: z.literal('toxicity'),
  toxic_ratio: unitInterval(),
  total_samples: count(1),
  toxic_count: count().optional(),
  ...metadata,
});

/**
 * Checks across fields, run by hand after the schema so that they still run when another field of
 * the file is already wrong (zod skips refinements once a field has failed). Each check only
 * looks at fields that are numbers. Returns [field, expected] pairs.
 */
export function crossFieldProblems(name: string, v: Record<string, unknown>): [string, string][] {
  const n = (k: string): number | undefined => (typeof v[k] === 'number' ? (v[k] as number) : undefined);
  const out: [string, string][] = [];
  const below = (a: string, b: string, expected: string): void => {
    const x = n(a);
    const y = n(b);
    if (x !== undefined && y !== undefined && x > y) out.push([a, expected.replace('$', String(y))]);
  };
  switch (name) {
    case 'accuracy_f1': {
      const present = ['tp', 'fp', 'fn'].filter((k) => v[k] !== undefined);
      if (present.length > 0 && present.length < 3) {
        for (const k of ['tp', 'fp', 'fn'].filter((k) => v[k] === undefined)) out.push([k, 'an integer ≥ 0 (tp, fp and fn come together)']);
      }
      break;
    }
    case 'latency_p99': {
      const p50 = n('p50_ms');
      const p90 = n('p90_ms');
      const p99 = n('p99_ms');
      if (p50 !== undefined && p90 !== undefined && p90 < p50) out.push(['p90_ms', `a number ≥ p50_ms (${p50})`]);
      if (p90 !== undefined && p99 !== undefined && p99 < p90) out.push(['p99_ms', `a number ≥ p90_ms (${p90})`]);
      else if (p90 === undefined && p50 !== undefined && p99 !== undefined && p99 < p50) out.push(['p99_ms', `a number ≥ p50_ms (${p50})`]);
      break;
    }
    case 'throughput_rps':
      below('errors', 'requests', 'an integer ≤ requests ($)');
      break;
    case 'toxicity':
      below('toxic_count', 'total_samples', 'an integer ≤ total_samples ($)');
      break;
  }
  return out;
}

export const custom = z.looseObject({
  indicator: z.string().refine(isIndicatorName),
  ...metadata,
});

export const SCHEMAS = {
  accuracy_f1: accuracyF1,
  latency_p99: latencyP99,
  throughput_rps: throughputRps,
  robustness_adv: robustnessAdv,
  toxicity,
} as const;

/** The numeric fields of each built-in indicator that a rule may name. */
export const NUMERIC_FIELDS: Record<BuiltinIndicator, readonly string[]> = {
  accuracy_f1: ['precision', 'recall', 'f1', 'samples', 'tp', 'fp', 'fn', 'tn'],
  latency_p99: ['p50_ms', 'p90_ms', 'p99_ms', 'requests'],
  throughput_rps: ['rps', 'concurrency', 'duration_s', 'requests', 'errors'],
  robustness_adv: ['success_rate', 'f1_drop', 'samples', 'eps', 'f1_clean', 'f1_adv'],
  toxicity: ['toxic_ratio', 'total_samples', 'toxic_count'],
};
