/** A baseline is an earlier run's report.json; its values are `indicators.<indicator>.<field>`. */
import { describeValue, type Problem } from './problem.js';
import type { BaselineIndicators } from './gate.js';

export function readBaselineReport(
  value: unknown,
  file: string,
): { ok: true; indicators: BaselineIndicators; commit: string | null; createdAt: string | null } | { ok: false; problems: Problem[] } {
  const report = value as Record<string, unknown> | null;
  if (report === null || typeof report !== 'object' || Array.isArray(report)) {
    return { ok: false, problems: [{ file, path: '$', expected: 'an evalgate report.json object', found: describeValue(value) }] };
  }
  if (report.schema_version !== 1) {
    return {
      ok: false,
      problems: [{ file, path: '$.schema_version', expected: '1 (an evalgate report.json)', found: describeValue(report.schema_version) }],
    };
  }
  const ind = report.indicators;
  if (ind === null || typeof ind !== 'object' || Array.isArray(ind)) {
    return { ok: false, problems: [{ file, path: '$.indicators', expected: 'an object keyed by indicator', found: describeValue(ind) }] };
  }
  const problems: Problem[] = [];
  for (const [k, v] of Object.entries(ind)) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      problems.push({ file, path: `$.indicators.${k}`, expected: 'an object of indicator fields', found: describeValue(v) });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    indicators: ind as BaselineIndicators,
    commit: typeof report.commit === 'string' ? report.commit : null,
    createdAt: typeof report.generated_at === 'string' ? report.generated_at : null,
  };
}
