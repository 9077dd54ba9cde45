/**
 * The five built-in indicators (SPEC §2) as zod schemas. Unknown extra fields are kept
 * (`looseObject`). Large detail fields (`samples_ms`, `hdr_histogram`) are typed loosely here and
 * checked by hand in validate.ts: a zod check per element of an 8-million-sample array would cost
 * more than parsing it.
 */
import { z } from 'zod';
import { count, num, text, unitInterval } from './fields.js';

export {
  BUILTIN_INDICATORS,
  INDICATOR_NAME,
  INDICATOR_NAME_RULE,
  NUMERIC_FIELDS,
  isBuiltin,
  isIndicatorName,
  isReservedName,
  type BuiltinIndicator,
} from './names.js';
import { isBuiltin, isIndicatorName } from './names.js';

/** `shard` and `repeat`: {index, count} with index < count */
const indexOf = (what: 'shard' | 'repeat', max: number) =>
  z
    .object(
      {
        index: count(0),
        // a bound keeps a typo such as 1e15 from making the gap check allocate forever
        count: num({ int: true, min: 1, max }),
      },
      { error: 'an object {index, count}' },
    )
    .check((ctx) => {
      const { index, count: n } = ctx.value;
      if (index >= n) {
        ctx.issues.push({ code: 'custom', input: index, path: ['index'], message: `an integer < ${what}.count (${n})` });
      }
    });
const shard = indexOf('shard', 100_000);
/** one repeat of a repeated measurement (SPEC §9): files of one repeat index are one shard set */
const repeat = indexOf('repeat', 1000);

const timestamp = z.union([z.string(), z.number()], { error: 'a string or a number' });

/** Optional metadata any indicator may carry. */
const metadata = {
  shard: shard.optional(),
  repeat: repeat.optional(),
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
  // multi-class detail (evalgate score f1): per label its counts; with average "macro" the F1 of
  // merged shards is the mean over the summed per-class counts
  per_class: z
    .record(z.string(), z.looseObject({ tp: count(), fp: count(), fn: count() }, { error: 'an object {tp, fp, fn}' }), {
      error: 'an object {<label>: {tp, fp, fn}}',
    })
    .optional(),
  average: z.enum(['binary', 'micro', 'macro'], { error: 'one of "binary", "micro", "macro"' }).optional(),
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

export { crossFieldProblems } from './record.js';

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
