/**
 * Honest figures (SPEC §8, issue #17 item 5): the performance tables of README.md and
 * docs/performance.md are generated from bench/latest.json, name the dist/ sha256 and date they
 * were measured on, and `npm test` warns when that dist/ is not the one checked out.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { checkPerfTables, readLatest, renderPerfTable, staleWarning } from '../scripts/perf-table.mjs';
// @ts-expect-error: a plain .mjs script without types
import { distSha256 } from '../scripts/dist-sha.mjs';
import { tempDir } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('performance tables', () => {
  it('README.md and docs/performance.md hold exactly the table of bench/latest.json', () => {
    expect(checkPerfTables(ROOT)).toEqual([]);
    const doc = readLatest(ROOT);
    const table = renderPerfTable(doc) as string;
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain(table);
    // it names the dist/ it measured and the date
    expect(table).toContain(`sha256 \`${String(doc._meta.dist_sha256).slice(0, 12)}\``);
    expect(table).toContain(String(doc._meta.date).slice(0, 10));
  });

  it('the table follows the figures: a budget missed is marked, a changed figure changes the table', () => {
    const doc = readLatest(ROOT);
    const changed = structuredClone(doc);
    changed.shards_5x1000 = { seconds: 9, parse_seconds: 1, ratio: 9, python_seconds: 1, peak_rss_mb: 50 };
    const t = renderPerfTable(changed) as string;
    expect(t).toMatch(/\| `shards_5x1000` \| 9\.000 \| 1\.000 \| 9\.00 \(≤ 2, \*\*over\*\*\) \| 1\.000 \| \*\*no\*\* \| 50\.0 \|/);
    expect(t).not.toBe(renderPerfTable(doc));
  });

  it('warns when the figures were measured on another dist/, and not when they match', () => {
    const repo = tempDir('evalgate-perf-');
    mkdirSync(path.join(repo, 'dist', 'cli'), { recursive: true });
    writeFileSync(path.join(repo, 'dist', 'cli', 'index.js'), 'console.log(1)');
    const sha = distSha256(repo) as string;
    expect(staleWarning(repo, { _meta: { dist_sha256: sha } })).toBeNull();
    expect(staleWarning(repo, { _meta: { dist_sha256: 'f'.repeat(64) } })).toMatch(
      new RegExp(`measured on dist/ sha256 ffffffffffff, but dist/ here is ${sha.slice(0, 12)}: .*stale; run \`npm run bench\``),
    );
    // the way npm test shows it: a visible warning, exit 0
    mkdirSync(path.join(repo, 'bench'));
    mkdirSync(path.join(repo, 'scripts'));
    writeFileSync(path.join(repo, 'bench', 'latest.json'), JSON.stringify({ _meta: { dist_sha256: 'f'.repeat(64) } }));
    for (const f of ['perf-table.mjs', 'dist-sha.mjs']) cpSync(path.join(ROOT, 'scripts', f), path.join(repo, 'scripts', f));
    const r = spawnSync(process.execPath, [path.join(repo, 'scripts', 'perf-table.mjs'), '--stale'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/WARNING: bench\/latest\.json was measured on dist\/ sha256 ffffffffffff/);
  });
});
