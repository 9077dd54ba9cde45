/**
 * A schema check of our own for indicator files that are valid, so that a gate over valid files
 * never loads zod (a command loads only the code it uses; zod and its schemas cost more to load
 * than 5000 files cost to check). It is sound, never complete: it accepts only what the zod
 * schemas of schemas.ts accept (a property test holds the two together); anything it does not
 * accept goes to validate.ts, whose problems are the messages users see.
 */
import { isBuiltin } from './names.js';
import { finishIndicator, indicatorHead, type Validation } from './record.js';

type Check = (v: unknown) => boolean;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** zod 4's `.int()` accepts safe integers only */
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const num =
  (min?: number, max?: number, gt = false): Check =>
  (v) =>
    isNum(v) && (min === undefined || (gt ? v > min : v >= min)) && (max === undefined || v <= max);
const int =
  (min?: number, max?: number): Check =>
  (v) =>
    isInt(v) && (min === undefined || v >= min) && (max === undefined || v <= max);
const unit = num(0, 1);
const str: Check = (v) => typeof v === 'string';
const strOrNum: Check = (v) => typeof v === 'string' || isNum(v);
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
/** shard and repeat: {index, count}, index < count */
const indexOf =
  (maxCount: number): Check =>
  (v) => {
    if (!isPlainObject(v)) return false;
    const { index, count } = v;
    return isInt(count) && count >= 1 && count <= maxCount && isInt(index) && index >= 0 && index < count;
  };
const shard = indexOf(100_000);
const repeat = indexOf(1000);

const perClass: Check = (v) =>
  isPlainObject(v) &&
  Object.values(v).every((c) => isPlainObject(c) && int(0)(c.tp) && int(0)(c.fp) && int(0)(c.fn));

/** [field, check, required] */
type Field = [string, Check, boolean];
const metadata: Field[] = [
  ['shard', shard, false],
  ['repeat', repeat, false],
  ['model', str, false],
  ['dataset', str, false],
  ['platform', str, false],
  ['run_id', strOrNum, false],
  ['started_at', strOrNum, false],
  ['finished_at', strOrNum, false],
];
const req = (k: string, c: Check): Field => [k, c, true];
const opt = (k: string, c: Check): Field => [k, c, false];

const FIELDS: Record<string, Field[]> = {
  accuracy_f1: [
    req('precision', unit),
    req('recall', unit),
    req('f1', unit),
    req('samples', int(1)),
    opt('tp', int(0)),
    opt('fp', int(0)),
    opt('fn', int(0)),
    opt('tn', int(0)),
    opt('per_class', perClass),
    opt('average', (v) => v === 'binary' || v === 'micro' || v === 'macro'),
  ],
  latency_p99: [
    req('p50_ms', num(0)),
    req('p90_ms', num(0)),
    req('p99_ms', num(0)),
    req('requests', int(1)),
    opt('hdr_histogram', str),
    opt('hdr_unit', (v) => v === 'ns' || v === 'us' || v === 'ms'),
  ],
  throughput_rps: [
    req('rps', num(0, undefined, true)),
    req('concurrency', int(1)),
    req('duration_s', num(0, undefined, true)),
    opt('requests', int(0)),
    opt('errors', int(0)),
  ],
  robustness_adv: [
    req('attack_type', (v) => typeof v === 'string' && v.length >= 1),
    req('success_rate', unit),
    req('f1_drop', num(-1, 1)),
    opt('samples', int(1)),
    opt('eps', num(0)),
    opt('f1_clean', unit),
    opt('f1_adv', unit),
  ],
  toxicity: [req('toxic_ratio', unit), req('total_samples', int(1)), opt('toxic_count', int(0))],
};

/** True only when the zod schema of `name` accepts `obj` (its `indicator` already checked). */
export function quickSchemaOk(name: string, obj: Record<string, unknown>): boolean {
  const fields = isBuiltin(name) ? FIELDS[name]! : [];
  for (const list of [fields, metadata]) {
    for (const [k, check, required] of list) {
      const v = obj[k];
      if (v === undefined ? required : !check(v)) return false;
    }
  }
  return true;
}

/**
 * The record of a file the quick check accepts, exactly as validateIndicator would make it; null
 * when the quick check cannot tell (then validateIndicator decides, with its messages).
 */
export function quickValidate(value: unknown, file: string, samples?: Float64Array): Validation | null {
  const head = indicatorHead(value, file);
  if (!head.ok) return head.failed;
  if (!quickSchemaOk(head.name, head.obj)) return null;
  return finishIndicator(head.name, head.obj, file, [], samples);
}
