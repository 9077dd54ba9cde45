/**
 * The part of validating an indicator file that needs no schema library: the checks before the
 * schema (a JSON object with a valid `indicator`), the checks across fields, the detail
 * (samples_ms, hdr_histogram) and its agreement with the summary. validate.ts adds the zod
 * schemas; quick.ts a schema check of its own for files that are valid, so a gate over valid files
 * never loads zod.
 */
import { describeValue, type Problem } from '../problem.js';
import { PER_MS, decodeHistogram, type HdrUnit, type Histogram } from '../hdr.js';
import { BUILTIN_INDICATORS, INDICATOR_NAME_RULE, isIndicatorName } from './names.js';

export interface Shard {
  index: number;
  count: number;
}

/** One repeat of a repeated measurement (SPEC §9), as `shard` marks a shard. */
export interface Repeat {
  index: number;
  count: number;
}

export interface IndicatorRecord {
  file: string;
  indicator: string;
  /** every field of the file but the raw detail (samples_ms is moved to `samples`) */
  data: Record<string, unknown>;
  shard?: Shard;
  repeat?: Repeat;
  /** `repeat` comes from the job of `evalgate run` that wrote the file, not from the file */
  repeatTagged?: boolean;
  /** latency_p99: samples_ms as a typed array */
  samples?: Float64Array;
  /** latency_p99: the decoded hdr_histogram and its unit */
  histogram?: Histogram;
  hdrUnit?: HdrUnit;
}

export type Validation = { ok: true; record: IndicatorRecord } | { ok: false; problems: Problem[]; indicator?: string };

const MAX_LISTED = 5;

/** The checks before the schema: a JSON object, its `indicator` a valid name, no `__proto__` key. */
export function indicatorHead(
  value: unknown,
  file: string,
): { ok: true; name: string; obj: Record<string, unknown> } | { ok: false; failed: Validation } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, failed: { ok: false, problems: [{ file, path: '$', expected: 'a JSON object', found: describeValue(value) }] } };
  }
  const obj = value as Record<string, unknown>;
  const name = obj.indicator;
  if (typeof name !== 'string' || !isIndicatorName(name)) {
    const expected =
      typeof name === 'string' ? INDICATOR_NAME_RULE : `a string naming the indicator (${BUILTIN_INDICATORS.join(', ')}, or a custom name)`;
    return { ok: false, failed: { ok: false, problems: [{ file, path: '$.indicator', expected, found: describeValue(name) }] } };
  }
  if (Object.hasOwn(obj, '__proto__')) {
    // JSON.parse makes it an own key; copied into a plain object it would replace the prototype
    return {
      ok: false,
      failed: {
        ok: false,
        indicator: name,
        problems: [{ file, path: '$["__proto__"]', expected: 'no __proto__ key (it is reserved)', found: 'one' }],
      },
    };
  }
  return { ok: true, name, obj };
}

/**
 * After the schema (its problems in `problems`): the checks across fields, the detail and its
 * agreement with the summary. `samples`, when given, is samples_ms already read into a typed array
 * (by the streaming reader); otherwise samples_ms is read from `obj`.
 */
export function finishIndicator(
  name: string,
  obj: Record<string, unknown>,
  file: string,
  problems: Problem[],
  samples?: Float64Array,
): Validation {
  for (const [field, expected] of crossFieldProblems(name, obj)) {
    problems.push({ file, path: `$.${field}`, expected, found: describeValue(obj[field]) });
  }

  const latency = name === 'latency_p99';
  // the file's fields, but latency_p99's raw detail (left out here, not deleted after: a delete
  // turns the object into a slow dictionary, for every later read of it)
  const record: IndicatorRecord = { file, indicator: name, data: latency ? withoutDetail(obj) : { ...obj } };
  if (obj.shard !== undefined) record.shard = obj.shard as Shard;
  if (obj.repeat !== undefined) record.repeat = obj.repeat as Repeat;

  if (latency) {
    if (samples) {
      record.samples = samples;
    } else if (obj.samples_ms !== undefined) {
      const read = readSamples(obj.samples_ms, file, problems);
      if (read) record.samples = read;
    }
    if (typeof obj.hdr_histogram === 'string') {
      try {
        const h = decodeHistogram(obj.hdr_histogram);
        if (h.totalCount < 1) {
          problems.push({
            file,
            path: '$.hdr_histogram',
            expected: 'a histogram with at least one recorded value',
            found: 'an empty histogram',
          });
        } else {
          record.histogram = h;
          record.hdrUnit = (obj.hdr_unit as HdrUnit | undefined) ?? 'us';
        }
      } catch (e) {
        problems.push({
          file,
          path: '$.hdr_histogram',
          expected: 'a base64 HdrHistogram V2 compressed histogram',
          found: `${describeValue(obj.hdr_histogram, 24)} (${(e as Error).message || 'it does not decode'})`,
        });
      }
    }
  }
  if (problems.length === 0) problems.push(...agreementProblems(record, file));
  if (problems.length) return { ok: false, problems, indicator: name };
  return { ok: true, record };
}

/**
 * A copy of a latency_p99 file's fields without `samples_ms` and a string `hdr_histogram` (they
 * are read into the record's typed array and histogram), in the file's order.
 */
function withoutDetail(obj: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    if (k === 'samples_ms' || (k === 'hdr_histogram' && typeof obj[k] === 'string')) continue;
    // a `__proto__` key never gets here (indicatorHead refuses it); defined, not assigned, anyway
    if (k === '__proto__') Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
    else out[k] = obj[k];
  }
  return out;
}

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

/**
 * How far a written summary may be from what its own detail gives: a value rounded to 3 decimals
 * (0.8 for 0.80012) agrees; anything further is a different number.
 */
export const SUMMARY_TOLERANCE = 0.5e-3;

const fmt = (x: number): string => String(Number(x.toPrecision(10)));

/**
 * Where a file carries both a summary and the detail it summarises, the two must agree (SPEC §2):
 * the merged values come from the detail, so a disagreement would silently replace what was
 * written. Each problem names the written value and the detail's.
 */
function agreementProblems(r: IndicatorRecord, file: string): Problem[] {
  const d = r.data;
  const out: Problem[] = [];
  const n = (k: string): number => d[k] as number;
  const near = (field: string, written: number, fromDetail: number, detail: string): void => {
    if (Math.abs(written - fromDetail) > SUMMARY_TOLERANCE) {
      out.push({
        file,
        path: `$.${field}`,
        expected: `${fmt(fromDetail)} (from ${detail}, within ${SUMMARY_TOLERANCE})`,
        found: fmt(written),
      });
    }
  };
  if (r.indicator === 'accuracy_f1' && typeof d.tp === 'number') {
    const [tp, fp, fn] = [n('tp'), n('fp'), n('fn')];
    const counts = `tp ${tp}, fp ${fp}, fn ${fn}`;
    if (tp + fp > 0) near('precision', n('precision'), tp / (tp + fp), counts);
    if (tp + fn > 0) near('recall', n('recall'), tp / (tp + fn), counts);
    if (tp + fp + fn > 0) near('f1', n('f1'), (2 * tp) / (2 * tp + fp + fn), counts);
  }
  if (r.indicator === 'toxicity' && typeof d.toxic_count === 'number') {
    near(
      'toxic_ratio',
      n('toxic_ratio'),
      n('toxic_count') / n('total_samples'),
      `toxic_count ${n('toxic_count')} / total_samples ${n('total_samples')}`,
    );
  }
  if (r.indicator === 'latency_p99' && (r.samples || r.histogram)) {
    let lo: number;
    let hi: number;
    let count: number;
    let detail: string;
    let hint: string;
    if (r.samples) {
      lo = Infinity;
      hi = -Infinity;
      for (let i = 0; i < r.samples.length; i++) {
        const v = r.samples[i]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      count = r.samples.length;
      detail = '$.samples_ms';
      hint = ' (seconds written into samples_ms?)';
    } else {
      const h = r.histogram!;
      const perMs = PER_MS[r.hdrUnit ?? 'us'];
      const lowest = h.lowestEquivalentValue(h.minNonZeroValue);
      lo = (h.getCountAtIndex(0) > 0 ? 0 : lowest) / perMs;
      hi = h.highestEquivalentValue(h.maxValue) / perMs;
      count = h.totalCount;
      detail = `$.hdr_histogram (hdr_unit ${r.hdrUnit ?? 'us'})`;
      hint = ' (the wrong hdr_unit?)';
    }
    for (const field of ['p50_ms', 'p90_ms', 'p99_ms']) {
      const v = n(field);
      if (v < lo - SUMMARY_TOLERANCE || v > hi + SUMMARY_TOLERANCE) {
        out.push({
          file,
          path: `$.${field}`,
          expected: `a value within the range of ${detail}: ${fmt(lo)} to ${fmt(hi)} ms`,
          found: `${fmt(v)}${v > hi ? hint : ''}`,
        });
      }
    }
    if (count > n('requests')) {
      out.push({
        file,
        path: '$.requests',
        expected: `at least as many requests as ${detail} holds values (${count})`,
        found: String(n('requests')),
      });
    }
  }
  return out;
}

/** samples_ms: a non-empty array of finite numbers ≥ 0, checked in one tight loop. */
function readSamples(raw: unknown, file: string, problems: Problem[]): Float64Array | undefined {
  const expected = 'a non-empty array of numbers ≥ 0 (milliseconds)';
  if (!Array.isArray(raw) || raw.length === 0) {
    problems.push({ file, path: '$.samples_ms', expected, found: describeValue(raw) });
    return undefined;
  }
  const out = new Float64Array(raw.length);
  let bad = 0;
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    if (typeof v === 'number' && v >= 0 && v - v === 0) {
      out[i] = v;
    } else {
      if (bad < MAX_LISTED) {
        problems.push({ file, path: `$.samples_ms[${i}]`, expected: 'a number ≥ 0', found: describeValue(v) });
      }
      bad++;
    }
  }
  if (bad > MAX_LISTED) {
    problems.push({ file, path: '$.samples_ms', expected: 'numbers ≥ 0', found: `${bad - MAX_LISTED} more bad samples` });
  }
  return bad ? undefined : out;
}
