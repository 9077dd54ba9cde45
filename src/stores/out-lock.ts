/**
 * One evalgate at a time per `--out` folder: two runs writing the same job folders and reports
 * would mix each other's results. The lock is `<out>/.evalgate.lock` holding the owner's pid and
 * host; a lock whose process is gone (same host, pid not alive) is taken over. Its file operations
 * are synchronous: a handful of tiny files, where thread-pool round trips cost more than the work.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { EvalgateError, type Problem } from '../core/problem.js';

export const LOCK_FILE = '.evalgate.lock';

interface LockInfo {
  pid: number;
  host: string;
  started_at: string;
}

/** folders this process holds the lock of (a nested gate inside a run holds it already) */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, as another user
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): LockInfo | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    return typeof v.pid === 'number' && typeof v.host === 'string'
      ? { pid: v.pid, host: v.host, started_at: String(v.started_at ?? '') }
      : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock of `outDir` (created if need be) and returns its release; throws an
 * EvalgateError (exit 2) naming the process that holds it. Re-entrant within this process.
 */
export async function lockOut(cwd: string, outDir: string, flag = '--out'): Promise<() => Promise<void>> {
  const dir = path.resolve(cwd, outDir);
  if (held.has(dir)) return async () => {};
  const file = path.join(dir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), started_at: new Date().toISOString() };
  const refuse = (found: string): never => {
    const problem: Problem = {
      file: flag,
      expected: `a folder no other evalgate is using (wait for it, or give another ${flag})`,
      found: `${JSON.stringify(outDir)} in use: ${found} (${path.join(outDir, LOCK_FILE)})`,
    };
    throw new EvalgateError([problem]);
  };
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new EvalgateError([
      {
        file: flag,
        expected: 'a folder evalgate can create and write',
        found: `${JSON.stringify(outDir)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      },
    ]);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(mine) + '\n', { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new EvalgateError([
          {
            file: flag,
            expected: 'a folder evalgate can write',
            found: `${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
          },
        ]);
      }
    }
    const other = readLock(file);
    if (attempt >= 3) refuse('its lock file could not be taken over');
    if (other === null) {
      // being written this very moment, or not evalgate's: look once more, then refuse
      await new Promise((r) => setTimeout(r, 100));
      const again = readLock(file);
      if (again === null) refuse('a lock file that is not readable evalgate JSON; remove it if no evalgate is running');
      continue;
    }
    if (other.host !== mine.host) refuse(`evalgate pid ${other.pid} on ${other.host} since ${other.started_at}`);
    if (other.pid !== process.pid && alive(other.pid)) refuse(`evalgate pid ${other.pid} has held it since ${other.started_at}`);
    // stale: its process is gone
    rmSync(file, { force: true });
  }
  held.add(dir);
  return async () => {
    held.delete(dir);
    const now = readLock(file);
    if (now?.pid === mine.pid && now.host === mine.host) rmSync(file, { force: true });
  };
}
