/**
 * Published schemas the tests validate against, found outside this repository (see
 * fixtures/third-party-schemas.json for why, where each comes from and where it is looked for).
 * `thirdParty(name)` gives the file's path, or null with the reason when it is not there; a file
 * that is there but is not the blob named is an error, never a silent pass.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCES = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures', 'third-party-schemas.json'), 'utf8')) as Record<
  string,
  { repo: string; path: string; commit: string; blob: string | null }
>;

export const SCHEMA_DIRS = [
  ...(process.env.EVALGATE_SCHEMAS ? [process.env.EVALGATE_SCHEMAS] : []),
  path.join(ROOT, '..', 'shared', 'schemas'),
  path.join(ROOT, '..', '..', 'shared', 'schemas'),
];

export const gitBlob = (body: Buffer): string => createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');

export function thirdParty(name: string): { file: string; missing: null } | { file: null; missing: string } {
  const source = SOURCES[name];
  if (!source) throw new Error(`${name} is not listed in fixtures/third-party-schemas.json`);
  for (const dir of SCHEMA_DIRS) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    const blob = gitBlob(readFileSync(file));
    if (source.blob && blob !== source.blob)
      throw new Error(`${file} is blob ${blob}, not ${source.blob} (${source.repo} ${source.path} at ${source.commit})`);
    return { file, missing: null };
  }
  return {
    file: null,
    missing: `${name} (${source.repo} ${source.path} at ${source.commit.slice(0, 12)}) is in none of ${SCHEMA_DIRS.join(', ')}`,
  };
}

/** Installs a Debian package when its binary is missing (scripts/ensure-debian.sh); throws with its words when it cannot. */
export function ensureDebian(pkg: string, binary: string): void {
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-debian.sh'), pkg, binary], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${binary} (Debian ${pkg}) is needed and could not be installed:\n${r.stderr}`);
}
