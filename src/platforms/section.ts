/** A platform's config section checked by its zod schema: each issue as a Problem naming `<platform>.<key>`. */
import type { z } from 'zod';
import type { Problem } from '../core/problem.js';

export function pathValue(v: unknown, p: readonly PropertyKey[]): unknown {
  let cur = v;
  for (const k of p) cur = cur && typeof cur === 'object' ? (cur as Record<PropertyKey, unknown>)[k] : undefined;
  return cur;
}

export function sectionProblems(
  issues: readonly z.core.$ZodIssue[],
  section: Record<string, unknown> | undefined,
  file: string,
  platform: string,
  knownKeys: string[],
): Problem[] {
  return issues.map((i) => {
    const at = pathValue(section, i.path);
    const unknownKeys = i.code === 'unrecognized_keys';
    return {
      file,
      path: [platform, ...i.path.map(String)].join('.'),
      expected: unknownKeys ? `one of the known keys (${knownKeys.join(', ')})` : at === undefined ? `${i.message} (required)` : i.message,
      found: unknownKeys ? ((i as { keys?: string[] }).keys?.join(', ') ?? '') : at === undefined ? 'nothing' : JSON.stringify(at),
    };
  });
}
