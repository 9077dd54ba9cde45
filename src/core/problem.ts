/**
 * One error type carries everything a message needs. Validators return `Problem[]` and keep
 * going; the boundary (CLI, action) throws or prints them all at once.
 *
 *   results/latency_p99.json: $.p99_ms: expected a number ≥ 0, got "fast"
 */

import { oneLine } from './sanitize.js';

/** Every exit code of the CLI, in one place. When several apply, the highest wins. */
export const ExitCode = {
  /** pass or warn (or `fail-on` allows the failure) */
  Ok: 0,
  /** the gate failed on its rules, or a required indicator is absent */
  GateFailed: 1,
  /** invalid config, arguments, baseline or indicator files */
  InvalidInput: 2,
  /** platform or job failure, or an internal error */
  PlatformFailure: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface Problem {
  /** the file (or config, or "--thresholds") the problem is in */
  file?: string;
  /** 1-based line, where the input has lines (config, rules) */
  line?: number;
  /** JSON path (`$.p99_ms`), config field, or what the problem is about */
  path?: string;
  /** what was expected, phrased to follow "expected " */
  expected: string;
  /** what was found, phrased to follow "got " (quoted JSON, truncated; never a secret) */
  found: string;
  /** for problems of a set of files (a shard set): the indicator and every file */
  subject?: string;
  files?: string[];
}

export function formatProblem(p: Problem): string {
  const where: string[] = [];
  if (p.subject) where.push(p.files?.length ? `${p.subject} (${p.files.join(', ')})` : p.subject);
  else if (p.file) where.push(p.line ? `${p.file}:${p.line}` : p.file);
  if (p.path) where.push(p.path);
  // where it is stays on its line, whatever a file name holds (SPEC §6: a line feed in a file name
  // would split the log line it is quoted in); `found` may be a job's log tail, lines on purpose
  // (values quoted from files reach it through describeValue, which escapes them)
  return `${where.length ? oneLine(where.join(': ')) + ': ' : ''}expected ${p.expected}, got ${p.found}`;
}

/** Thrown at a boundary with every problem found; `exitCode` says which kind of failure it is. */
export class EvalgateError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly exitCode: ExitCode = ExitCode.InvalidInput,
  ) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'EvalgateError';
  }
}

/** Quoted JSON of a found value, cut to `max` characters so a huge value cannot flood a message. */
export function describeValue(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  let text: string;
  if (typeof value === 'number' && !Number.isFinite(value)) text = String(value);
  else if (Array.isArray(value)) text = `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  else if (value !== null && typeof value === 'object') text = `an object`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function highestExitCode(...codes: ExitCode[]): ExitCode {
  return codes.reduce<ExitCode>((a, b) => (b > a ? b : a), ExitCode.Ok);
}
