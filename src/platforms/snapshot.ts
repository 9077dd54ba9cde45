/**
 * Local files as a cloud platform stages them: every file below a path, and the code snapshot
 * (`<platform>.code`: paths under the working directory, kept at their relative paths so that
 * commands written for the repository checkout run unchanged from the snapshot).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { contentHash } from './templates.js';

/** every file below a local path: [relative posix path, absolute path]; a file is [its basename, itself] */
export async function localFiles(root: string): Promise<Array<[string, string]>> {
  const st = await fs.stat(root);
  if (st.isFile()) return [[path.basename(root), root]];
  const out: Array<[string, string]> = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) out.push([path.relative(root, full).split(path.sep).join('/'), full]);
    }
  };
  await walk(root);
  return out;
}

/**
 * The files of `paths` (relative to `cwd`, never outside it) at their relative paths, and the
 * sha256 of the whole (names and contents): the snapshot's content address.
 */
export async function codeSnapshot(
  cwd: string,
  paths: string[],
  key: string,
  signal?: AbortSignal,
): Promise<{ files: Array<[string, string]>; sha: string }> {
  const files: Array<[string, string]> = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    const rel = path.relative(cwd, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${key}: ${p} is outside the working directory`);
    const st = await fs.stat(abs).catch(() => null);
    if (!st) throw new Error(`${key}: ${p}: no such file or folder`);
    const base = rel.split(path.sep).join('/');
    for (const [r, a] of await localFiles(abs)) files.push([st.isFile() ? base : base ? `${base}/${r}` : r, a]);
  }
  files.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // overlapping paths (a folder and a file in it) name a file once
  const unique = files.filter(([rel], i) => i === 0 || files[i - 1]![0] !== rel);
  const h = createHash('sha256');
  for (const [rel, abs] of unique) h.update(`${rel}\u0000${await contentHash(abs, signal)}\n`);
  return { files: unique, sha: h.digest('hex') };
}
