import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Runtime } from '../src/runtime.js';
import { parseJsonText } from '../src/core/json.js';
import { validateIndicator, type IndicatorRecord } from '../src/core/indicators/validate.js';
import { formatProblem } from '../src/core/problem.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

export function tempDir(prefix = 'evalgate-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes `files` (name -> JSON value or raw text) under a new temp dir and returns it. */
export function writeFiles(files: Record<string, unknown>, dir = tempDir()): string {
  for (const [name, content] of Object.entries(files)) {
    const p = path.join(dir, name);
    mkdirSync(path.dirname(p), { recursive: true });
    writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

export interface Captured extends Runtime {
  out: string[];
  err: string[];
}

export function captureRuntime(cwd: string, env: Record<string, string | undefined> = {}): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env,
    cwd,
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => new Date('2026-11-25T12:00:00Z'),
  };
}

/** Parse + validate a JSON value as if it were a file; throws with the messages when invalid. */
export function record(value: unknown, file = 'test.json'): IndicatorRecord {
  const parsed = parseJsonText(JSON.stringify(value), file);
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  const v = validateIndicator(parsed.value, file);
  if (!v.ok) throw new Error(v.problems.map(formatProblem).join('\n'));
  return v.record;
}
