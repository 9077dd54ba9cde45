/**
 * Issue #19 items 1, 2 and 5 as a user meets them, through the bundled CLI (dist/, `npm run build`):
 * repeats (files marked `repeat`, and `repeats: N` in `evalgate run` on the local platform), the
 * 95% intervals in report.json, and rules on any latency percentile (p95_ms, p99.9_ms).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorMerger } from '../src/core/indicators/merge.js';
import { jobName, plan } from '../src/core/plan.js';
import { nearestRank } from '../src/core/percentile.js';
import { encodeHistogram, newHistogram } from './hdr-reference.js';
import { collect } from '../src/engine.js';
import { formatProblem } from '../src/core/problem.js';
import { captureRuntime, record, tempDir, writeFiles } from './helpers.js';

const CLI = path.resolve(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
const env = { PATH: process.env.PATH ?? '', CI: 'true' };

function evalgate(args: string[], cwd: string, extraEnv: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...env, ...extraEnv } });
  const file = path.join(cwd, 'evalgate-report', 'report.json');
  let report: any = null;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    report = null;
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, report };
}

const expectNoStack = (r: { stdout: string; stderr: string }): void => {
  expect(r.stderr + r.stdout).not.toContain('    at ');
  expect(r.stderr).not.toMatch(/TypeError|ReferenceError|internal error/);
};

/** A latency_p99 file with its samples, its summary fields taken from them (nearest rank). */
function latency(samples: number[], meta: Record<string, unknown> = {}): Record<string, unknown> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[nearestRank(p, sorted.length) - 1];
  return {
    indicator: 'latency_p99',
    p50_ms: at(50),
    p90_ms: at(90),
    p99_ms: at(99),
    requests: samples.length,
    samples_ms: samples,
    ...meta,
  };
}
const range = (from: number, to: number, times = 1): number[] => Array.from({ length: to - from + 1 }, (_, i) => (from + i) * times);

describe('evalgate gate: repeats', () => {
  it('three repeat files: each field is the median over them, reported with min, max and every value', () => {
    const dir = writeFiles({
      // repeat r holds 1…100 ms times (r + 1), in the order 2, 0, 1 (order does not matter)
      'results/b.json': latency(range(1, 100, 3), { repeat: { index: 2, count: 3 } }),
      'results/a.json': latency(range(1, 100, 1), { repeat: { index: 0, count: 3 } }),
      'results/c.json': latency(range(1, 100, 2), { repeat: { index: 1, count: 3 } }),
    });
    const r = evalgate(['gate', '--results', 'results', '--indicators', 'latency_p99', '--thresholds', 'latency_p99.p99_ms <= 200'], dir);
    expectNoStack(r);
    expect(r.code).toBe(0);
    const lat = r.report.indicators.latency_p99;
    expect(lat).toMatchObject({ p50_ms: 100, p90_ms: 180, p99_ms: 198, requests: 100, approximate: false });
    expect(lat.repeats).toEqual({
      n: 3,
      min: { p50_ms: 50, p90_ms: 90, p99_ms: 99, requests: 100 },
      max: { p50_ms: 150, p90_ms: 270, p99_ms: 297, requests: 100 },
      values: { p50_ms: [50, 100, 150], p90_ms: [90, 180, 270], p99_ms: [99, 198, 297], requests: [100, 100, 100] },
    });
    expect(lat.sources.sort()).toEqual(['results/a.json', 'results/b.json', 'results/c.json']);
    expect(lat.notes).toContain('each field is the median over 3 repeats (min and max in repeats)');
    expect(r.report.schema_version).toBe(1);
  });

  it('the same three files without repeat metadata stay shards of one set (SPEC §2): p99 over their union', () => {
    const dir = writeFiles({
      'results/a.json': latency(range(1, 100, 1)),
      'results/b.json': latency(range(1, 100, 2)),
      'results/c.json': latency(range(1, 100, 3)),
    });
    const r = evalgate(['gate', '--results', 'results', '--indicators', 'latency_p99', '--thresholds', 'latency_p99.p99_ms <= 200'], dir);
    expect(r.code).toBe(1);
    expect(r.report.indicators.latency_p99.p99_ms).toBe(291);
    expect(r.report.indicators.latency_p99.repeats).toBeUndefined();
  });

  it('repeats of shards: each repeat is a whole shard set merged exactly, then the median (mean of the two middle for 2)', () => {
    const dir = writeFiles({
      'results/r0s0.json': latency(range(1, 50), { repeat: { index: 0, count: 2 }, shard: { index: 0, count: 2 } }),
      'results/r0s1.json': latency(range(51, 100), { repeat: { index: 0, count: 2 }, shard: { index: 1, count: 2 } }),
      'results/r1s0.json': latency(range(1, 50, 2), { repeat: { index: 1, count: 2 }, shard: { index: 0, count: 2 } }),
      'results/r1s1.json': latency(range(51, 100, 2), { repeat: { index: 1, count: 2 }, shard: { index: 1, count: 2 } }),
    });
    const r = evalgate(['gate', '--results', 'results', '--indicators', 'latency_p99', '--thresholds', 'latency_p99.p99_ms <= 300'], dir);
    expectNoStack(r);
    expect(r.code).toBe(0);
    // repeat 0: p99 of 1…100 is 99; repeat 1: 198; the median of two is their mean
    expect(r.report.indicators.latency_p99).toMatchObject({ p99_ms: 148.5, p50_ms: 75, requests: 100 });
    expect(r.report.indicators.latency_p99.repeats).toMatchObject({ n: 2, min: { p99_ms: 99 }, max: { p99_ms: 198 } });
  });

  it.each([
    [
      'an index ≥ count',
      {
        'results/a.json': latency([1, 2], { repeat: { index: 0, count: 2 } }),
        'results/b.json': latency([1, 2], { repeat: { index: 2, count: 2 } }),
      },
      'results/b.json: $.repeat.index: expected an integer < repeat.count (2), got 2',
    ],
    [
      'counts that disagree',
      {
        'results/a.json': latency([1, 2], { repeat: { index: 0, count: 2 } }),
        'results/b.json': latency([1, 2], { repeat: { index: 1, count: 3 } }),
      },
      'latency_p99 (results/a.json, results/b.json): $.repeat: expected one repeat.count for all the files of an indicator, got counts 2, 3',
    ],
    [
      'a missing repeat',
      {
        'results/a.json': latency([1, 2], { repeat: { index: 0, count: 3 } }),
        'results/b.json': latency([1, 2], { repeat: { index: 2, count: 3 } }),
      },
      'latency_p99 (results/a.json, results/b.json): $.repeat: expected repeat indices 0…2 (repeat.count 3), got no file for repeat 1',
    ],
    [
      'a duplicate repeat',
      {
        'results/a.json': latency([1, 2], { repeat: { index: 0, count: 2 } }),
        'results/b.json': latency([1, 2], { repeat: { index: 1, count: 2 } }),
        'results/c.json': latency([3, 4], { repeat: { index: 1, count: 2 } }),
      },
      'latency_p99 (results/a.json, results/b.json, results/c.json): $.repeat: expected repeat index 1 once, or shard {index, count} on every file of repeat 1, got it 2 times (results/b.json, results/c.json)',
    ],
    [
      'a file without repeat among repeats',
      {
        'results/a.json': latency([1, 2], { repeat: { index: 0, count: 2 } }),
        'results/b.json': latency([1, 2], { repeat: { index: 1, count: 2 } }),
        'results/c.json': latency([3, 4]),
      },
      'latency_p99 (results/a.json, results/b.json, results/c.json): $.repeat: expected every file of a repeated indicator to carry repeat {index, count}, got none in results/c.json',
    ],
    [
      'a repeat whose shard set has a gap',
      {
        'results/a.json': latency([1, 2], { repeat: { index: 0, count: 2 }, shard: { index: 0, count: 2 } }),
        'results/b.json': latency([1, 2], { repeat: { index: 0, count: 2 }, shard: { index: 1, count: 2 } }),
        'results/c.json': latency([3, 4], { repeat: { index: 1, count: 2 }, shard: { index: 0, count: 2 } }),
      },
      'latency_p99 repeat 1 (results/c.json): $.shard: expected indices 0…1 (shard.count 2), got no file for index 1',
    ],
  ])('bad repeat metadata fails closed with a problem naming the files: %s', (_name, files, problem) => {
    const dir = writeFiles(files);
    const r = evalgate(['gate', '--results', 'results', '--indicators', 'latency_p99'], dir);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.report.verdict).toBe('fail');
    expect(r.report.problems).toContain(problem);
    expect(r.report.indicators.latency_p99).toBeUndefined();
  });
});

describe('evalgate gate: intervals', () => {
  it('every exact-merged value carries a 95% interval in report.json, and each rule the interval of its value', () => {
    const dir = writeFiles({
      'results/acc0.json': { indicator: 'accuracy_f1', precision: 0.8, recall: 0.8, f1: 0.8, samples: 500, tp: 400, fp: 100, fn: 100 },
      'results/acc1.json': { indicator: 'accuracy_f1', precision: 0.75, recall: 0.75, f1: 0.75, samples: 400, tp: 300, fp: 100, fn: 100 },
      'results/tox.json': { indicator: 'toxicity', toxic_ratio: 0.004, total_samples: 1000, toxic_count: 4 },
      'results/lat.json': latency(range(1, 1000, 0.1)),
    });
    const r = evalgate(
      [
        'gate',
        '--results',
        'results',
        '--indicators',
        'accuracy_f1,toxicity,latency_p99',
        '--thresholds',
        'accuracy_f1.f1 >= 0.78; toxicity.toxic_ratio <= 0.005; latency_p99.p99_ms <= 150',
      ],
      dir,
    );
    expectNoStack(r);
    const { accuracy_f1: acc, toxicity: tox, latency_p99: lat } = r.report.indicators;
    expect(acc.f1).toBeCloseTo(700 / 900, 10);
    for (const f of ['precision', 'recall', 'f1']) {
      const [lo, hi] = acc.intervals[f];
      expect(lo).toBeLessThan(acc[f]);
      expect(hi).toBeGreaterThan(acc[f]);
      expect(hi - lo).toBeLessThan(0.08);
    }
    // Wilson for 4 of 1000: [0.00156, 0.01024]
    expect(tox.intervals.toxic_ratio[0]).toBeCloseTo(0.001557, 5);
    expect(tox.intervals.toxic_ratio[1]).toBeCloseTo(0.010235, 5);
    // p99 of 1000 samples 0.1…100: ranks 983 and 997 (scipy.stats.binom: at most 2.5% on each side)
    expect(lat.p99_ms).toBe(99);
    expect(lat.intervals.p99_ms).toEqual([98.3, 99.7]);
    const byField = Object.fromEntries(r.report.rules.map((x: any) => [x.field, x]));
    expect(byField.f1.interval).toEqual(acc.intervals.f1);
    expect(byField.toxic_ratio.interval).toEqual(tox.intervals.toxic_ratio);
    // the comment shows every value with its interval (SPEC §11), whether or not it straddles the limit
    const md = readFileSync(path.join(dir, 'evalgate-report', 'report.md'), 'utf8');
    expect(md).toMatch(/0\.004 \(95%: 0\.00155\d*–0\.0102\d*\)/);
    expect(md).toContain('99 (95%: 98.3–99.7)');
  });

  it('an approximate merge carries no interval (it is not an exact value)', () => {
    const dir = writeFiles({
      'results/a.json': { indicator: 'latency_p99', p50_ms: 1, p90_ms: 2, p99_ms: 3, requests: 10 },
      'results/b.json': { indicator: 'latency_p99', p50_ms: 1, p90_ms: 2, p99_ms: 4, requests: 10 },
    });
    const r = evalgate(['gate', '--results', 'results', '--indicators', 'latency_p99'], dir);
    expect(r.report.indicators.latency_p99.approximate).toBe(true);
    expect(r.report.indicators.latency_p99.intervals).toBeUndefined();
  });
});

describe('evalgate gate: any percentile', () => {
  it('p95_ms and p99.9_ms from samples (nearest rank), with intervals', () => {
    const dir = writeFiles({
      'results/a.json': latency(range(1, 1000)),
      'results/b.json': latency(range(1001, 2000)),
    });
    const r = evalgate(
      [
        'gate',
        '--results',
        'results',
        '--indicators',
        'latency_p99',
        '--thresholds',
        'latency_p99.p95_ms <= 1900; latency_p99.p99.9_ms <= 1990; latency_p99.p100_ms <= 2000',
      ],
      dir,
    );
    expectNoStack(r);
    expect(r.stderr).not.toContain('did you mean');
    const rules = Object.fromEntries(r.report.rules.map((x: any) => [x.field, x]));
    expect(rules['p95_ms']).toMatchObject({ status: 'pass', actual: 1900 });
    expect(rules['p99.9_ms']).toMatchObject({ status: 'fail', actual: 1998 });
    expect(rules['p100_ms']).toMatchObject({ status: 'pass', actual: 2000 });
    expect(r.report.indicators.latency_p99['p99.9_ms']).toBe(1998);
    expect(r.report.indicators.latency_p99.intervals['p95_ms'][0]).toBeLessThan(1900);
    expect(r.code).toBe(1);
  });

  it('p95_ms from hdr_histograms, exact to their precision', () => {
    const files: Record<string, unknown> = {};
    for (const s of [0, 1]) {
      const h = newHistogram(3);
      for (let v = 1; v <= 1000; v++) h.recordValue((v + 1000 * s) * 1000); // µs
      files[`results/h${s}.json`] = {
        indicator: 'latency_p99',
        p50_ms: 500 + 1000 * s,
        p90_ms: 900 + 1000 * s,
        p99_ms: 990 + 1000 * s,
        requests: 1000,
        hdr_histogram: encodeHistogram(h),
        hdr_unit: 'us',
      };
    }
    const r = evalgate(
      ['gate', '--results', 'results', '--indicators', 'latency_p99', '--thresholds', 'latency_p99.p95_ms <= 1901'],
      writeFiles(files),
    );
    expectNoStack(r);
    const p95 = r.report.rules[0].actual;
    // the 1900th of 2000 values is 1900 ms; a 3-digit histogram holds it within 0.1%
    expect(Math.abs(p95 - 1900) / 1900).toBeLessThan(1e-3);
    expect(r.report.rules[0].status).toBe('pass');
    const [lo, hi] = r.report.indicators.latency_p99.intervals.p95_ms;
    expect(lo).toBeLessThanOrEqual(p95);
    expect(hi).toBeGreaterThanOrEqual(p95);
  });

  it('missing, with the reason, when the files carry only summary fields', () => {
    const dir = writeFiles({
      'results/a.json': { indicator: 'latency_p99', p50_ms: 1, p90_ms: 2, p99_ms: 3, requests: 10 },
      'results/b.json': { indicator: 'latency_p99', p50_ms: 1, p90_ms: 2, p99_ms: 4, requests: 10 },
    });
    const r = evalgate(['gate', '--results', 'results', '--indicators', 'latency_p99', '--thresholds', 'latency_p99.p95_ms <= 300'], dir);
    expectNoStack(r);
    expect(r.code).toBe(1);
    expect(r.report.rules[0]).toMatchObject({
      status: 'missing',
      actual: null,
      detail:
        'p95_ms is computed from samples_ms or hdr_histogram, and not every latency_p99 file carries them (summary fields p50_ms, p90_ms, p99_ms only)',
    });
  });

  it.each([
    ['p095_ms', 'latency_p99.p095_ms <= 1'],
    ['p0_ms', 'latency_p99.p0_ms <= 1'],
    ['p101_ms', 'latency_p99.p101_ms <= 1'],
    ['p99.0_ms', 'latency_p99.p99.0_ms <= 1'],
  ])('a percentile field that is none (%s) is a config error without a wrong "did you mean"', (field, rule) => {
    const dir = writeFiles({ 'results/a.json': latency([1, 2, 3]) });
    const r = evalgate(['gate', '--results', 'results', '--indicators', 'latency_p99', '--thresholds', rule], dir);
    expectNoStack(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`any percentile p<q>_ms, 0 < q ≤ 100: p95_ms, p99.9_ms), got "${field}"`);
    expect(r.stderr).not.toContain('did you mean "p90_ms"');
  });
});

describe('evalgate run (local): repeats: N', () => {
  // repeat r, shard s writes samples (1…50 + 50·s) × (r + 1) and no repeat metadata of its own
  const LAT = [
    "awk -v r={repeat_index} -v s={shard_index} 'BEGIN { m = r + 1; lo = 1 + 50 * s; hi = 50 + 50 * s;",
    '  printf "{\\"indicator\\":\\"latency_p99\\",\\"p50_ms\\":%d,\\"p90_ms\\":%d,\\"p99_ms\\":%d,\\"requests\\":50,\\"samples_ms\\":[", hi * m, hi * m, hi * m;',
    '  for (k = lo; k <= hi; k++) printf "%s%d", (k > lo ? "," : ""), k * m; print "]}" }\' > {out}/latency_p99.json',
  ].join('\n');

  function project(): string {
    const dir = tempDir();
    const command = LAT.split('\n')
      .map((l) => `      ${l}`)
      .join('\n');
    writeFileSync(
      path.join(dir, 'evalgate.yml'),
      `name: t\nindicators: [latency_p99]\nthresholds: |\n  latency_p99.p99_ms <= 250\n  latency_p99.p95_ms <= 200\njobs:\n  latency_p99:\n    shards: 2\n    repeats: 3\n    command: |\n${command}\n`,
    );
    return dir;
  }

  it('runs every shard of every repeat, tags their files with the repeat, and gates the median', () => {
    const dir = project();
    const r = evalgate(['run', '--config', 'evalgate.yml'], dir, { EVALGATE_RUN_ID: 'noise1' });
    expectNoStack(r);
    expect(r.report.problems).toEqual([]);
    expect(r.code).toBe(0);
    const lat = r.report.indicators.latency_p99;
    // repeat r: p99 of (1…100)·(r+1) is 99·(r+1); the median of 99, 198, 297 is 198
    expect(lat).toMatchObject({ p50_ms: 100, p99_ms: 198, p95_ms: 190, approximate: false });
    expect(lat.repeats).toMatchObject({ n: 3, min: { p99_ms: 99 }, max: { p99_ms: 297 }, values: { p99_ms: [99, 198, 297] } });
    expect(lat.sources).toHaveLength(6);
    expect(r.report.jobs).toHaveLength(6);
    expect(r.report.jobs.map((j: any) => [j.repeat, j.shard])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
    ]);
    expect(r.report.jobs.every((j: any) => j.status === 'succeeded')).toBe(true);
  });

  it('--dry-run shows one job per repeat and shard, named with a repeat suffix that a re-run gives again', () => {
    const dir = project();
    const names = (): string[] => {
      const r = evalgate(['run', '--config', 'evalgate.yml', '--dry-run'], dir, { EVALGATE_RUN_ID: 'noise2' });
      expect(r.code).toBe(0);
      return [...r.stdout.matchAll(/^# (\S+) \(/gm)].map((m) => m[1]!);
    };
    const first = names();
    expect(first).toHaveLength(6);
    expect(first.map((n) => n.replace(/^.*-latency_p99-/, ''))).toEqual(['r0-0', 'r0-1', 'r1-0', 'r1-1', 'r2-0', 'r2-1']);
    expect(names()).toEqual(first);
  });
});

describe('plan: repeats', () => {
  const id = { repository: 'o/r', runId: '7', runAttempt: '1', gate: 'g' };
  const locate = (_k: string, _s: unknown, name: string) => ({ model: '', data: '', out: `/o/${name}` });
  it('each repeat is a whole shard set, with {repeat_index} and EVALGATE_REPEAT_* in every job', () => {
    const { jobs, problems } = plan(
      {
        jobs: { latency_p99: { command: 'bench --seed $(({repeat_index} * 10 + {shard_index})) {out}', shards: 2, repeats: 2 } },
        required: [],
        timeoutMinutes: 1,
      },
      id,
      locate,
    );
    expect(problems).toEqual([]);
    expect(jobs.map((j) => [j.repeat, j.shard.index, j.env.EVALGATE_REPEAT_INDEX, j.env.EVALGATE_REPEAT_COUNT])).toEqual([
      [{ index: 0, count: 2 }, 0, '0', '2'],
      [{ index: 0, count: 2 }, 1, '0', '2'],
      [{ index: 1, count: 2 }, 0, '1', '2'],
      [{ index: 1, count: 2 }, 1, '1', '2'],
    ]);
    expect(jobs[0]!.command).toBe('bench --seed $((${EVALGATE_REPEAT_INDEX} * 10 + ${EVALGATE_SHARD_INDEX})) "${EVALGATE_OUT}"');
    expect(new Set(jobs.map((j) => j.name)).size).toBe(4);
  });
  it('a job without repeats keeps the name and environment it always had', () => {
    const { jobs } = plan({ jobs: { latency_p99: { command: 'x {out}' } }, required: [], timeoutMinutes: 1 }, id, locate);
    expect(jobs[0]!.name).toBe(jobName(id, 'latency_p99', { index: 0, count: 1 }));
    expect(jobs[0]!.name).toBe('evalgate-o-r-7-1-g-latency_p99-0');
    expect(jobs[0]!.repeat).toBeUndefined();
    expect(jobs[0]!.env.EVALGATE_REPEAT_INDEX).toBeUndefined();
  });
});

describe('properties: repeats', () => {
  const sampleSet = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 40 });
  const nearest = (xs: number[], p: number): number => {
    const s = [...xs].sort((a, b) => a - b);
    return s[nearestRank(p, s.length) - 1]!;
  };
  const mid = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const n = s.length;
    return n % 2 ? s[n >> 1]! : s[(n >> 1) - 1]! / 2 + s[n >> 1]! / 2;
  };
  it('the merged p99 is the median over repeats of each repeat’s exact p99, whatever the order of the files', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(sampleSet, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 1000 }),
        (repeats, shuffleSeed) => {
          const files = repeats.flatMap((shards, r) =>
            shards.map((s, i) =>
              latency(
                s.map((x) => x / 100),
                { repeat: { index: r, count: repeats.length }, shard: { index: i, count: shards.length } },
              ),
            ),
          );
          // a deterministic shuffle of the files
          const order = files.map((_, i) => i).sort((a, b) => ((a * 7919 + shuffleSeed) % 1009) - ((b * 7919 + shuffleSeed) % 1009));
          const merge = (idx: number[]) => {
            const m = new IndicatorMerger({}, { percentiles: [95] });
            idx.forEach((i) => m.add(record(files[i], `f${i}.json`)));
            return m.finish();
          };
          const a = merge(files.map((_, i) => i));
          const b = merge(order);
          expect(a.problems).toEqual([]);
          const want = mid(repeats.map((shards) => nearest(shards.flat(), 99) / 100));
          expect(a.indicators.latency_p99!.fields.p99_ms).toBeCloseTo(want, 9);
          expect(b.indicators.latency_p99!.fields).toEqual(a.indicators.latency_p99!.fields);
          expect(b.indicators.latency_p99!.repeats).toEqual(a.indicators.latency_p99!.repeats);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('collect: files tagged with the repeat of the job that wrote them', () => {
  const settings = { maxFileSizeMb: 64, merge: {}, rules: [] };
  it('untagged files of a repeat are its shards; a file whose own repeat disagrees with its job is a problem naming it', async () => {
    const dir = writeFiles({
      'r0a.json': latency(range(1, 50)),
      'r0b.json': latency(range(51, 100)),
      'r1a.json': latency(range(1, 50, 2), { repeat: { index: 1, count: 2 } }),
      'r1b.json': latency(range(51, 100, 2)),
    });
    const tags = new Map([
      ['r0a.json', { index: 0, count: 2 }],
      ['r0b.json', { index: 0, count: 2 }],
      ['r1a.json', { index: 1, count: 2 }],
      ['r1b.json', { index: 1, count: 2 }],
    ]);
    const files = [...tags.keys()];
    const ok = await collect(files, settings, captureRuntime(dir), tags);
    expect(ok.problems).toEqual([]);
    expect(ok.merge.indicators.latency_p99!.fields.p99_ms).toBe(148.5);

    const wrong = new Map(tags).set('r1a.json', { index: 0, count: 2 });
    const bad = await collect(files, settings, captureRuntime(dir), wrong);
    expect(bad.problems.map(formatProblem)).toContain(
      'r1a.json: $.repeat: expected repeat {index: 0, count: 2} (the repeat of the job that wrote it), or no repeat, got {"index":1,"count":2}',
    );
    expect(bad.merge.indicators.latency_p99).toBeUndefined();
  });
});
