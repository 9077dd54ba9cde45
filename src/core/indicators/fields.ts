/**
 * zod building blocks whose messages read as "expected …" phrases, and the mapping of zod issues
 * onto `Problem`s (file, JSON path, expected, found).
 */
import { z } from 'zod';
import { describeValue, type Problem } from '../problem.js';
import { formatPath, type JsonPath } from '../json.js';

interface NumberSpec {
  int?: boolean;
  min?: number;
  max?: number;
  /** `min` is exclusive (`> 0`) */
  gt?: boolean;
}

export function describeNumber(spec: NumberSpec): string {
  const kind = spec.int ? 'an integer' : 'a number';
  if (spec.min !== undefined && spec.max !== undefined) return `${kind} in [${spec.min}, ${spec.max}]`;
  if (spec.min !== undefined) return `${kind} ${spec.gt ? '>' : '≥'} ${spec.min}`;
  if (spec.max !== undefined) return `${kind} ≤ ${spec.max}`;
  return kind;
}

export function num(spec: NumberSpec = {}): z.ZodNumber {
  const error = describeNumber(spec);
  let s = z.number({ error });
  if (spec.int) s = s.int({ error });
  if (spec.min !== undefined) s = spec.gt ? s.gt(spec.min, { error }) : s.gte(spec.min, { error });
  if (spec.max !== undefined) s = s.lte(spec.max, { error });
  return s;
}

export const unitInterval = () => num({ min: 0, max: 1 });
export const count = (min = 0) => num({ int: true, min });
export const text = (what = 'a string') => z.string({ error: what });

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

export function issuesToProblems(issues: readonly z.core.$ZodIssue[], root: unknown, file: string): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((s): s is string | number => typeof s !== 'symbol') as JsonPath;
    const found = valueAt(root, issue.path);
    return { file, path: formatPath(path), expected: issue.message, found: describeValue(found) };
  });
}
