/**
 * One parsed JSON value -> one validated indicator record, or every problem with it.
 */
import { describeValue, type Problem } from '../problem.js';
import { decodeHistogram, type HdrUnit, type Histogram } from '../hdr.js';
import { issuesToProblems } from './fields.js';
import { BUILTIN_INDICATORS, INDICATOR_NAME_RULE, SCHEMAS, crossFieldProblems, custom, isBuiltin, isIndicatorName } from './schemas.js';

export interface Shard {
  index: number;
  count: number;
}

export interface IndicatorRecord {
  file: string;
  indicator: string;
  /** every field of the file but the raw detail (samples_ms is moved to `samples`) */
  data: Record<string, unknown>;
  shard?: Shard;
  /** latency_p99: samples_ms as a typed array */
  samples?: Float64Array;
  /** latency_p99: the decoded hdr_histogram and its unit */
  histogram?: Histogram;
  hdrUnit?: HdrUnit;
}

export type Validation = { ok: true; record: IndicatorRecord } | { ok: false; problems: Problem[]; indicator?: string };

const MAX_LISTED = 5;

export function validateIndicator(value: unknown, file: string): Validation {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [{ file, path: '$', expected: 'a JSON object', found: describeValue(value) }] };
  }
  const obj = value as Record<string, unknown>;
  const name = obj.indicator;
  if (typeof name !== 'string' || !isIndicatorName(name)) {
    const expected =
      typeof name === 'string' ? INDICATOR_NAME_RULE : `a string naming the indicator (${BUILTIN_INDICATORS.join(', ')}, or a custom name)`;
    return { ok: false, problems: [{ file, path: '$.indicator', expected, found: describeValue(name) }] };
  }

  if (Object.hasOwn(obj, '__proto__')) {
    // JSON.parse makes it an own key; copied into a plain object it would replace the prototype
    return {
      ok: false,
      indicator: name,
      problems: [{ file, path: '$["__proto__"]', expected: 'no __proto__ key (it is reserved)', found: 'one' }],
    };
  }
  const schema = isBuiltin(name) ? SCHEMAS[name] : custom;
  const parsed = schema.safeParse(obj);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, obj, file);
  for (const [field, expected] of crossFieldProblems(name, obj)) {
    problems.push({ file, path: `$.${field}`, expected, found: describeValue(obj[field]) });
  }

  const record: IndicatorRecord = { file, indicator: name, data: { ...obj } };
  if (obj.shard !== undefined) record.shard = obj.shard as Shard;

  if (name === 'latency_p99') {
    if (obj.samples_ms !== undefined) {
      const samples = readSamples(obj.samples_ms, file, problems);
      if (samples) record.samples = samples;
      delete record.data.samples_ms;
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
      delete record.data.hdr_histogram;
    }
  }
  if (problems.length) return { ok: false, problems, indicator: name };
  return { ok: true, record };
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
