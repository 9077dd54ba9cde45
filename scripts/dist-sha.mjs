/**
 * The identity of a build: the sha256 of dist/ as a tree (every file's relative path and sha256,
 * sorted), and the commit it was built from. bench/latest.json records both, so that figures
 * measured on another dist/ show as stale (`npm test` warns, the tables name the sha).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function distSha256(repo) {
  const root = path.join(repo, 'dist');
  const files = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  if (!fs.existsSync(root)) return null;
  walk(root);
  files.sort();
  const h = createHash('sha256');
  for (const f of files) h.update(`${f}\0${createHash('sha256').update(fs.readFileSync(path.join(root, f))).digest('hex')}\n`);
  return h.digest('hex');
}

/** HEAD, with "-dirty" when src/ or dist/ differ from it; null outside a git checkout */
export function gitCommit(repo) {
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'dist'], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return null;
  }
}
