/**
 * Indicator files on the local file system: `--results DIR` (every *.json below it, recursively)
 * or a glob (`results/**\/*.json`, `out/shard-?/latency*.json`).
 */
import { promises as fs, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../core/problem.js';

export const DEFAULT_MAX_FILE_SIZE_MB = 64;

/** `scheme://…` (azblob://, oss://, tos://, s3://, https://): a location staging passes through. */
export const isUri = (p: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(p);
const MIB = 1024 * 1024;

const hasMagic = (p: string): boolean => /[*?[\]{}]/.test(p);

/** A glob pattern as a regular expression over `/`-separated paths: `**`, `*`, `?`, `[…]`, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = glob.indexOf('}', i + 1);
      if (end < 0) re += '\\{';
      else {
        re += `(?:${glob
          .slice(i + 1, end)
          .split(',')
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|')})`;
        i = end;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Every file below `dir`, following links to folders once each (a link cycle ends there). */
async function walk(dir: string, out: string[], seen = new Set<string>()): Promise<void> {
  const real = await fs.realpath(dir);
  if (seen.has(real)) return;
  seen.add(real);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink())
      isDir = await fs.stat(p).then(
        (st) => st.isDirectory(),
        () => false,
      );
    if (isDir) await walk(p, out, seen);
    else out.push(p);
  }
}

export interface Listing {
  files: string[];
  problems: Problem[];
}

/** Files named by `--results`, sorted so that every run reads them in the same order. */
export async function listResults(spec: string, cwd: string): Promise<Listing> {
  const abs = path.resolve(cwd, spec);
  if (!hasMagic(spec)) {
    let st;
    try {
      st = await fs.stat(abs);
    } catch {
      return {
        files: [],
        problems: [{ file: spec, expected: 'a folder, a file or a glob of indicator files', found: 'nothing at that path' }],
      };
    }
    if (st.isFile()) return { files: [spec], problems: [] };
    const all: string[] = [];
    await walk(abs, all);
    const files = all.filter((f) => f.endsWith('.json')).map((f) => display(f, cwd));
    return { files: files.sort(), problems: [] };
  }
  // The folder before the first magic segment is where the walk starts.
  const norm = spec.split(path.sep).join('/');
  const segs = norm.split('/');
  const first = segs.findIndex(hasMagic);
  const base = segs.slice(0, first).join('/') || '.';
  const re = globToRegExp(path.posix.normalize(path.resolve(cwd, norm).split(path.sep).join('/')));
  const all: string[] = [];
  try {
    await walk(path.resolve(cwd, base), all);
  } catch {
    return { files: [], problems: [{ file: spec, expected: 'a glob whose folder exists', found: `no folder ${base}` }] };
  }
  const files = all.filter((f) => re.test(f.split(path.sep).join('/'))).map((f) => display(f, cwd));
  return { files: files.sort(), problems: [] };
}

/** Paths inside the working directory are shown relative to it, as a user typed them. */
export function display(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

export type ReadResult = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * Synchronous on purpose: files are folded one at a time, and for thousands of small shard files
 * the thread-pool round trips of async stat + readFile cost more than the reading (5000 files:
 * 1.3 s async, 0.14 s sync).
 */
export function readIndicatorText(file: string, cwd: string, maxFileSizeMb: number): ReadResult {
  const abs = path.resolve(cwd, file);
  let size: number;
  try {
    const st = statSync(abs);
    // a FIFO or a device named *.json would block the read forever
    if (!st.isFile())
      return {
        ok: false,
        problem: { file, expected: 'a regular file', found: st.isDirectory() ? 'a folder' : 'a special file (FIFO, socket or device)' },
      };
    size = st.size;
  } catch (e) {
    return { ok: false, problem: { file, expected: 'a readable file', found: (e as NodeJS.ErrnoException).code ?? 'an error' } };
  }
  const cap = maxFileSizeMb * MIB;
  if (size > cap) {
    return {
      ok: false,
      problem: { file, expected: `a file of at most ${maxFileSizeMb} MiB (--max-file-size)`, found: `${(size / MIB).toFixed(1)} MiB` },
    };
  }
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    return { ok: false, problem: { file, expected: 'a readable file', found: (e as NodeJS.ErrnoException).code ?? 'an error' } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a BOM some Windows tools write
  return { ok: true, text };
}
