/** A baseline is an earlier run's report.json; its values are `indicators.<indicator>.<field>`. */
import { describeValue, type Problem } from './problem.js';
import type { BaselineIndicators } from './gate.js';
import { isBuiltin, NUMERIC_FIELDS } from './indicators/names.js';
import { fingerprintProblems } from './fingerprint.js';

/** SPEC §9 `history`: base-branch reports `baseline: auto` reads at most (the runs it walks are bounded too) */
export const MAX_HISTORY = 20;

export interface BaselineReport {
  ok: true;
  indicators: BaselineIndicators;
  commit: string | null;
  createdAt: string | null;
  /** the gate that wrote it (`name`); null for a report written before reports carried it */
  name: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
/** `.name`, or `["odd name"]`: one step of a JSON path */
export const key = (k: string): string => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);

/**
 * The built-in numeric fields of an indicator entry (and of each attack type) must be finite
 * numbers where present: a baseline `f1` of "0.95" is an input error, never a skipped rule.
 * (A rule on any other field finds a non-number at gate time, with the same message.)
 */
function numericProblems(indicator: string, entry: Record<string, unknown>, file: string, at: string): Problem[] {
  const problems: Problem[] = [];
  if (isBuiltin(indicator)) {
    for (const field of NUMERIC_FIELDS[indicator]) {
      if (!Object.hasOwn(entry, field)) continue;
      const v = entry[field];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        problems.push({ file, path: `${at}${key(field)}`, expected: 'a finite number (a baseline value)', found: describeValue(v) });
      }
    }
  }
  if (Object.hasOwn(entry, 'attacks')) {
    const attacks = entry.attacks;
    if (!isObject(attacks)) {
      problems.push({ file, path: `${at}.attacks`, expected: 'an object keyed by attack type', found: describeValue(attacks) });
    } else {
      for (const [name, a] of Object.entries(attacks)) {
        if (!isObject(a)) {
          problems.push({ file, path: `${at}.attacks${key(name)}`, expected: 'an object of indicator fields', found: describeValue(a) });
        } else problems.push(...numericProblems(indicator, a, file, `${at}.attacks${key(name)}`));
      }
    }
  }
  return problems;
}

export function readBaselineReport(value: unknown, file: string): BaselineReport | { ok: false; problems: Problem[] } {
  const report = value as Record<string, unknown> | null;
  if (!isObject(report)) {
    return { ok: false, problems: [{ file, path: '$', expected: 'an evalgate report.json object', found: describeValue(value) }] };
  }
  if (report.schema_version !== 1) {
    return {
      ok: false,
      problems: [{ file, path: '$.schema_version', expected: '1 (an evalgate report.json)', found: describeValue(report.schema_version) }],
    };
  }
  const ind = report.indicators;
  if (!isObject(ind)) {
    return { ok: false, problems: [{ file, path: '$.indicators', expected: 'an object keyed by indicator', found: describeValue(ind) }] };
  }
  const problems: Problem[] = [];
  // the history is ordered by it (newest first): a time nobody can read would put a report anywhere
  if (Object.hasOwn(report, 'generated_at') && !(typeof report.generated_at === 'string' && Number.isFinite(Date.parse(report.generated_at)))) {
    problems.push({ file, path: '$.generated_at', expected: 'the time the report was written (ISO 8601)', found: describeValue(report.generated_at) });
  }
  if (Object.hasOwn(report, 'name') && typeof report.name !== 'string') {
    problems.push({ file, path: '$.name', expected: 'the gate name (a string)', found: describeValue(report.name) });
  }
  for (const [k, v] of Object.entries(ind)) {
    if (!isObject(v)) {
      problems.push({ file, path: `$.indicators${key(k)}`, expected: 'an object of indicator fields', found: describeValue(v) });
    } else {
      problems.push(...numericProblems(k, v, file, `$.indicators${key(k)}`));
      // what it was measured on decides whether a rule compares at all (SPEC §10): never guessed from a malformed one
      if (Object.hasOwn(v, 'fingerprint') && v.fingerprint !== null)
        for (const p of fingerprintProblems(v.fingerprint))
          problems.push({ file, path: `$.indicators${key(k)}.fingerprint${p.path}`, expected: p.expected, found: describeValue(p.found) });
    }
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    indicators: ind as BaselineIndicators,
    commit: typeof report.commit === 'string' ? report.commit : null,
    createdAt: typeof report.generated_at === 'string' ? report.generated_at : null,
    name: typeof report.name === 'string' ? report.name : null,
  };
}

/**
 * A baseline written by a gate of another name is not used (SPEC §3); the note says whose it was.
 * A report without a name (written before reports carried one) is accepted.
 */
export function foreignBaselineNote(read: Pick<BaselineReport, 'name'>, gate: string, label: string): string | null {
  if (read.name === null || read.name === gate) return null;
  return `baseline: ${label} is from gate ${JSON.stringify(read.name)}, not ${JSON.stringify(gate)}; not used`;
}
