/**
 * One parsed JSON value -> one validated indicator record, or every problem with it.
 */
import { issuesToProblems } from './fields.js';
import { SCHEMAS, custom } from './schemas.js';
import { isBuiltin } from './names.js';
import { finishIndicator, indicatorHead, type Validation } from './record.js';

export type { IndicatorRecord, Shard, Validation } from './record.js';

/** `samples`: samples_ms already read into a typed array by the streaming reader (engine.ts). */
export function validateIndicator(value: unknown, file: string, samples?: Float64Array): Validation {
  const head = indicatorHead(value, file);
  if (!head.ok) return head.failed;
  const { name, obj } = head;
  const schema = isBuiltin(name) ? SCHEMAS[name] : custom;
  const parsed = schema.safeParse(obj);
  const problems = parsed.success ? [] : issuesToProblems(parsed.error.issues, obj, file);
  return finishIndicator(name, obj, file, problems, samples);
}
