/**
 * The main job: `npm run demo` (the shipped demo on the local platform) to a verdict, with all
 * five indicators computed by the demo's real scripts; and failing.yml's fail path.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');

function run(config: string) {
  const out = tempDir();
  const r = spawnSync(process.execPath, [CLI, 'run', '--config', config, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', CI: 'true' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, report: JSON.parse(readFileSync(path.join(out, 'report.json'), 'utf8')) };
}

describe('the shipped demo', () => {
  it('passes with all five indicators computed by its jobs', () => {
    const r = run('examples/demo/evalgate.yml');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.report.verdict).toBe('pass');
    expect(Object.keys(r.report.indicators).sort()).toEqual(['accuracy_f1', 'latency_p99', 'robustness_adv', 'throughput_rps', 'toxicity']);
    expect(r.report.jobs).toHaveLength(5);
    expect(r.report.jobs.every((j: { status: string }) => j.status === 'succeeded')).toBe(true);
    // exact merges: F1 from the two shards' counts, latency from every recorded sample
    expect(r.report.indicators.accuracy_f1).toMatchObject({ approximate: false, samples: 600 });
    expect(r.report.indicators.accuracy_f1.sources).toHaveLength(2);
    expect(r.report.indicators.latency_p99.requests).toBeGreaterThan(100);
    // the baseline rule is skipped without a baseline (the CLI has none by default), and says why
    expect(r.report.rules.map((x: { status: string }) => x.status)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'pass', 'skipped']);
    expect(r.report.rules[6]).toMatchObject({ expr: 'baseline - 0.02', baseline: null, limit: null });
  });

  it('is deterministic where it measures no time', () => {
    const a = run('examples/demo/evalgate.yml').report.indicators;
    const b = run('examples/demo/evalgate.yml').report.indicators;
    // file paths differ between runs (each writes to its own folder); every value must not
    const values = (v: unknown) => JSON.parse(JSON.stringify(v, (key, x) => (key === 'sources' ? undefined : x)));
    for (const k of ['accuracy_f1', 'robustness_adv', 'toxicity']) expect(values(a[k])).toEqual(values(b[k]));
  });

  it('failing.yml shows the fail path: exit 1, verdict fail, the tight rule failed', () => {
    const r = run('examples/demo/failing.yml');
    expect(r.code).toBe(1);
    expect(r.report.verdict).toBe('fail');
    expect(r.report.rules.find((x: { status: string }) => x.status === 'fail')).toMatchObject({
      indicator: 'accuracy_f1',
      field: 'f1',
      level: 'error',
    });
  });
});
