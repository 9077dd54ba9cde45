/**
 * How the built-in producers write their indicator files (SPEC §7): into `--out` (created when
 * missing), never over an existing file, never half a file. Each file is written in full under a
 * temporary name in the same folder, then hard-linked to its name (link(2) fails when the name
 * exists, so a concurrent writer cannot be overwritten either) and the temporary name removed.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { EvalgateError, type Problem } from '../core/problem.js';

/** Problems for every target that already exists, checked before any work is spent. */
export async function existingTargets(files: readonly string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const f of files) {
    try {
      await fs.lstat(f);
      problems.push({ file: f, expected: 'no file there (a producer never overwrites one; remove it or pick another --out)', found: 'an existing file' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  return problems;
}

export async function ensureNew(files: readonly string[]): Promise<void> {
  const problems = await existingTargets(files);
  if (problems.length) throw new EvalgateError(problems);
}

/** Creates `dir` (and its parents); a clear problem when it cannot be. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw new EvalgateError([{ file: dir, path: '--out', expected: 'a folder that can be created', found: (e as NodeJS.ErrnoException).code ?? String(e) }]);
  }
}

/** Writes every file whole, or (on a clash or an error) none that was not there before. */
export async function writeIndicatorFiles(files: ReadonlyArray<{ file: string; value: Record<string, unknown> }>): Promise<void> {
  const done: string[] = [];
  try {
    for (const { file, value } of files) {
      const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
      await fs.writeFile(tmp, `${JSON.stringify(value, null, 2)}\n`, { flag: 'wx' });
      try {
        await fs.link(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new EvalgateError([{ file, expected: 'no file there (a producer never overwrites one)', found: 'a file written meanwhile' }]);
        }
        throw e;
      } finally {
        await fs.rm(tmp, { force: true });
      }
      done.push(file);
    }
  } catch (e) {
    for (const f of done) await fs.rm(f, { force: true });
    throw e;
  }
}

/** `name.json`, or `name-<i>of<n>.json` for shard i of n (n shards can share one folder). */
export function indicatorFileName(indicator: string, shard: { index: number; count: number } | undefined): string {
  return shard && shard.count > 1 ? `${indicator}-${shard.index}of${shard.count}.json` : `${indicator}.json`;
}

/** `--shard i/n`: 0 ≤ i < n. */
export function parseShard(text: string | undefined): { index: number; count: number } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !(count >= 1 && count <= 100_000 && index < count)) {
    throw new EvalgateError([{ file: '--shard', expected: 'i/n with 0 ≤ i < n ≤ 100000 (e.g. 0/3)', found: JSON.stringify(text) }]);
  }
  return { index, count };
}

/** A number flag within bounds, or a problem naming the flag. */
export function numberFlag(flag: string, text: string | undefined, o: { min: number; max?: number; gt?: boolean; int?: boolean }): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text.trim());
  const ok =
    text.trim() !== '' &&
    Number.isFinite(v) &&
    (o.gt ? v > o.min : v >= o.min) &&
    (o.max === undefined || v <= o.max) &&
    (!o.int || Number.isInteger(v));
  if (!ok) {
    const what = `${o.int ? 'an integer' : 'a number'} ${o.gt ? '>' : '≥'} ${o.min}${o.max !== undefined ? ` and ≤ ${o.max}` : ''}`;
    throw new EvalgateError([{ file: flag, expected: what, found: JSON.stringify(text) }]);
  }
  return v;
}

/** `--duration 10`, `10s`, `500ms`, `2m`: seconds. */
export function durationFlag(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  const v = m ? Number(m[1]) * (m[2] === 'ms' ? 0.001 : m[2] === 'm' ? 60 : 1) : NaN;
  if (!(v >= min && v <= 86_400)) {
    throw new EvalgateError([{ file: flag, expected: `a duration ≥ ${min} s (seconds, or with a unit: 500ms, 10s, 2m)`, found: JSON.stringify(text) }]);
  }
  return v;
}
